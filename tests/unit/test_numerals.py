"""Amounts in Chinese capital numerals (大写金额) follow bookkeeping practice."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from retailerp.domain.money import Money
from retailerp.domain.numerals import (
    ALLOWED_CHARACTERS,
    MAX_CAPITAL_AMOUNT,
    chinese_capital_amount,
)

MAX_CENTS = int(MAX_CAPITAL_AMOUNT * 100)

KNOWN = [
    ("0", "零元整"),
    ("0.00", "零元整"),
    ("0.05", "伍分"),
    ("0.30", "叁角"),
    ("0.35", "叁角伍分"),
    ("1", "壹元整"),
    ("10.00", "壹拾元整"),
    ("11", "壹拾壹元整"),
    ("20.07", "贰拾元零柒分"),
    ("100", "壹佰元整"),
    ("101", "壹佰零壹元整"),
    ("110", "壹佰壹拾元整"),
    ("1000.50", "壹仟元伍角"),
    ("1005.30", "壹仟零伍元叁角"),
    ("1010", "壹仟零壹拾元整"),
    ("1234.00", "壹仟贰佰叁拾肆元整"),
    ("1680.32", "壹仟陆佰捌拾元叁角贰分"),
    ("10000", "壹万元整"),
    ("10001", "壹万零壹元整"),
    ("10500", "壹万零伍佰元整"),
    ("15000", "壹万伍仟元整"),
    ("100000.01", "壹拾万元零壹分"),
    ("105000", "壹拾万伍仟元整"),
    ("1000500", "壹佰万零伍佰元整"),
    ("10010000", "壹仟零壹万元整"),
    ("100000000", "壹亿元整"),
    ("100000001", "壹亿零壹元整"),
    ("100010000", "壹亿零壹万元整"),
    ("110000000", "壹亿壹仟万元整"),
    ("100500000", "壹亿零伍拾万元整"),
    ("110000000010", "壹仟壹佰亿零壹拾元整"),
    ("1000000000000", "壹万亿元整"),
    ("1000100000000", "壹万零壹亿元整"),
    (
        "9999999999999.99",
        "玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分",
    ),
    ("-12.50", "负壹拾贰元伍角"),
    ("-0.01", "负壹分"),
    ("3.005", "叁元零壹分"),
]


@pytest.mark.parametrize(("amount", "expected"), KNOWN)
def test_known_amounts_are_written_as_in_bookkeeping(amount: str, expected: str) -> None:
    assert chinese_capital_amount(Decimal(amount)) == expected


def test_money_is_accepted_as_well_as_decimal() -> None:
    assert chinese_capital_amount(Money.of("1234.56")) == "壹仟贰佰叁拾肆元伍角陆分"
    assert chinese_capital_amount(-Money.of("8")) == "负捌元整"


@pytest.mark.parametrize("amount", ["10000000000000", "-10000000000000", "NaN", "Infinity"])
def test_amounts_that_cannot_be_written_are_refused(amount: str) -> None:
    with pytest.raises(ValueError):
        chinese_capital_amount(Decimal(amount))


_DIGIT_VALUES = {char: value for value, char in enumerate("零壹贰叁肆伍陆柒捌玖")}
_PLACE_VALUES = {"拾": 10, "佰": 100, "仟": 1000}


def _parse_integer(text: str) -> int:
    total = section = digit = 0
    for char in text:
        if char in _DIGIT_VALUES:
            digit = _DIGIT_VALUES[char]
        elif char in _PLACE_VALUES:
            section += digit * _PLACE_VALUES[char]
            digit = 0
        elif char == "万":
            section = (section + digit) * 10**4
            digit = 0
        elif char == "亿":
            total = (total + section + digit) * 10**8
            section = digit = 0
    return total + section + digit


def _parse(text: str) -> Decimal:
    """Read a capital-numeral amount back (test oracle, independent of the writer)."""
    sign = -1 if text.startswith("负") else 1
    text = text.removeprefix("负")
    yuan_text, _, fraction = text.rpartition("元")
    cents = _parse_integer(yuan_text) * 100
    for index, char in enumerate(fraction):
        if char == "角":
            cents += _DIGIT_VALUES[fraction[index - 1]] * 10
        elif char == "分":
            cents += _DIGIT_VALUES[fraction[index - 1]]
    return sign * Decimal(cents) / 100


amounts = st.integers(min_value=-MAX_CENTS, max_value=MAX_CENTS).map(
    lambda cents: Decimal(cents) / 100
)


@given(amounts)
def test_only_capital_numeral_characters_are_written(amount: Decimal) -> None:
    assert set(chinese_capital_amount(amount)) <= ALLOWED_CHARACTERS


@given(amounts)
def test_written_amount_reads_back_to_the_same_value(amount: Decimal) -> None:
    text = chinese_capital_amount(amount)
    assert _parse(text) == amount
    assert "零零" not in text
    assert not text.startswith("拾")
    assert text.endswith(("整", "角", "分"))
    assert text.endswith("整") == (amount == amount.to_integral_value())


@given(st.lists(amounts, min_size=2, max_size=30, unique=True))
def test_different_amounts_are_written_differently(sample: list[Decimal]) -> None:
    written = {chinese_capital_amount(amount) for amount in sample}
    assert len(written) == len(sample)
