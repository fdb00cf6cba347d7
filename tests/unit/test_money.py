"""Money is exact to the cent, rounds half up, and VAT is summed per line."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from retailerp.domain.errors import FieldError
from retailerp.domain.money import (
    MAX_AMOUNT,
    MAX_TOTAL,
    Money,
    check_price,
    check_quantity,
    check_vat_rate,
    line_amounts,
    net_unit_price,
    to_decimal,
    total,
)

D = Decimal


# --- Money.of and rounding -------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "cents"),
    [
        ("1.005", 101),
        ("1.004", 100),
        ("0.125", 13),
        ("0.135", 14),
        ("2.675", 268),  # a float would be 2.67499999… and round down
        (2.675, 268),
        ("-1.005", -101),  # half up rounds away from zero for negatives too
        ("-0.125", -13),
        ("-1.004", -100),
        ("0", 0),
        (7, 700),
        (D("12.345"), 1235),
        ("1,234.565", 123457),
        (" 12.50 ", 1250),
    ],
)
def test_money_of_rounds_half_up_to_the_cent(given: object, cents: int) -> None:
    assert Money.of(given).minor == cents


def test_ten_times_ten_cents_is_exactly_one_yuan() -> None:
    dime = Money.of("0.10")
    assert sum([dime] * 10, Money.zero()) == Money.of("1.00")
    assert sum([Money.of(0.1)] * 10, Money.zero()).amount == D("1.00")
    assert dime * 10 == Money.of(1)


def test_money_arithmetic_and_text() -> None:
    a, b = Money.of("1234.5"), Money.of("0.75")
    assert (a + b).amount == D("1235.25")
    assert (b - a).amount == D("-1233.75")
    assert (-b).minor == -75
    assert (b - a).is_negative() and not a.is_negative()
    assert str(a) == "1,234.50"
    assert str(Money.of("-0.5")) == "-0.50"
    assert a.amount == D("1234.50") and str(a.amount) == "1234.50"
    assert not Money.zero() and bool(b)
    assert b < a and max(a, b) is a
    assert Money.of(a) is a
    assert Money.of("0.05") * D("0.5") == Money.of("0.03")  # 0.025 → 0.03
    assert 3 * Money.of("0.10") == Money.of("0.30")


def test_money_refuses_to_add_plain_numbers() -> None:
    with pytest.raises(TypeError):
        Money.of(1) + 1  # type: ignore[operator]
    with pytest.raises(TypeError):
        Money.of(1) * 1.5  # type: ignore[operator]
    with pytest.raises(TypeError):
        Money.of(1) * True  # type: ignore[operator]


# --- VAT per line, document tax = sum of line taxes ----------------------------------------


def test_vat_is_computed_on_the_rounded_net_of_each_line() -> None:
    line = line_amounts(D("1.5"), Money.of("0.67"), D("0.13"))
    assert line.net == Money.of("1.01")  # 1.005 rounded half up
    assert line.vat == Money.of("0.13")  # 1.01 × 13 % = 0.1313
    assert line.gross == Money.of("1.14")


def test_discount_applies_before_rounding_the_net() -> None:
    line = line_amounts(D(1), Money.of("9.99"), D("0.13"), discount=D("0.10"))
    assert line.net == Money.of("8.99")  # 8.991
    assert line.vat == Money.of("1.17")  # 1.1687
    assert line.gross == line.net + line.vat


def test_document_tax_is_the_sum_of_the_line_taxes_not_the_tax_of_the_sum() -> None:
    lines = [line_amounts(D(1), Money.of("0.05"), D("0.13")) for _ in range(3)]
    assert [ln.vat for ln in lines] == [Money.of("0.01")] * 3  # 0.0065 each, rounded up
    doc = total(lines)
    assert doc.net == Money.of("0.15")
    assert doc.vat == Money.of("0.03")
    # the tax of the summed net would be 0.0195 → 0.02: the program must not do that
    assert Money.of(doc.net.amount * D("0.13")) == Money.of("0.02")
    assert doc.vat != Money.of(doc.net.amount * D("0.13"))
    assert doc.gross == Money.of("0.18")


def test_totals_of_no_lines_are_zero() -> None:
    empty = total([])
    assert empty.net == empty.vat == empty.gross == Money.zero()


# --- refusals name the field -------------------------------------------------------------


def _refusal(call, *args, **kwargs) -> FieldError:  # noqa: ANN001
    with pytest.raises(FieldError) as info:
        call(*args, **kwargs)
    return info.value


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("-0.01", "cannot be negative"),
        (-5, "cannot be negative"),
        ("1000000000", "at most"),
        (D("999999999.995"), "at most"),  # rounds to one cent above the limit
        ("abc", "'abc' is not a number"),
        ("12.3.4", "is not a number"),
        ("", "required"),
        ("   ", "required"),
        (None, "Enter a number"),
        (True, "Enter a number"),
        ([1], "Enter a number"),
        ("NaN", "not a number"),
        ("Infinity", "not a number"),
        (float("inf"), "Enter a number"),
    ],
)
def test_check_price_refuses_and_names_the_field(value: object, words: str) -> None:
    error = _refusal(check_price, value, "unit_price")
    assert error.field == "unit_price"
    assert words in str(error)


def test_check_price_accepts_the_limit_and_zero() -> None:
    assert check_price(str(MAX_AMOUNT)).amount == MAX_AMOUNT
    assert check_price(0) == Money.zero()
    assert check_price(" 1,299.00 ") == Money.of("1299")
    assert _refusal(check_price, "-1").field == "price"  # the default field name


@pytest.mark.parametrize(
    ("value", "allow_zero", "words"),
    [
        ("0", False, "greater than zero"),
        ("-1", False, "greater than zero"),
        ("-1", True, "cannot be negative"),
        ("1.2345", False, "at most three decimals"),
        ("0.0001", True, "at most three decimals"),
        ("10000000", False, "at most"),
        ("x", False, "not a number"),
        (None, False, "Enter a number"),
        ("", True, "required"),
    ],
)
def test_check_quantity_refuses_and_names_the_field(
    value: object, allow_zero: bool, words: str
) -> None:
    error = _refusal(check_quantity, value, "lines.3.quantity", allow_zero=allow_zero)
    assert error.field == "lines.3.quantity"
    assert words in str(error)


def test_check_quantity_accepts_three_decimals_and_zero_where_allowed() -> None:
    assert check_quantity("1.5") == D("1.500")
    assert str(check_quantity("2")) == "2.000"
    assert check_quantity("0.001") == D("0.001")
    assert check_quantity("1.2300") == D("1.230")  # trailing zeros are not decimals
    assert check_quantity("9999999.999") == D("9999999.999")
    assert check_quantity("0", allow_zero=True) == D(0)
    assert check_quantity("1，000") == D(1000)  # Chinese thousands comma


@pytest.mark.parametrize(
    ("value", "rate"),
    [
        ("13", D("0.13")),
        (13, D("0.13")),
        ("0.13", D("0.13")),
        (0.09, D("0.09")),
        ("9", D("0.09")),
        ("6", D("0.06")),
        ("3", D("0.03")),
        ("0", D(0)),
        (D("0.030"), D("0.03")),
    ],
)
def test_check_vat_rate_accepts_fractions_and_percentages(value: object, rate: Decimal) -> None:
    assert check_vat_rate(value) == rate


@pytest.mark.parametrize("value", ["0.10", "12", "17", "100", "-13", "0.5", "abc", None, ""])
def test_check_vat_rate_refuses_other_rates_naming_the_field(value: object) -> None:
    error = _refusal(check_vat_rate, value, "vat")
    assert error.field == "vat"


def test_the_vat_refusal_lists_the_allowed_rates() -> None:
    error = _refusal(check_vat_rate, "12")
    assert error.field == "vat_rate"
    assert "13%, 9%, 6%, 3%, 0%" in str(error)


def test_to_decimal_reads_floats_as_typed() -> None:
    assert to_decimal(0.1, "x") == D("0.1")
    assert to_decimal(" 1,000.5 ", "x") == D("1000.5")


@pytest.mark.parametrize("value", ["1e30", "-1e30", "9" * 40, D("1E+100")])
def test_numbers_too_large_to_hold_are_refused_not_crashed(value: object) -> None:
    assert _refusal(check_price, value, "price").field == "price"
    assert _refusal(check_quantity, value, "qty").field == "qty"
    assert _refusal(Money.of, value, "total").field == "total"


@given(st.one_of(st.text(max_size=12), st.decimals(allow_nan=True), st.floats(), st.integers()))
def test_checks_refuse_anything_with_a_field_error_only(value: object) -> None:
    for check in (check_price, check_quantity, check_vat_rate):
        try:
            check(value, "f")
        except FieldError as error:
            assert error.field == "f"


# --- typed numbers: thousands commas only, never a silently dropped decimal comma -----------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,000.5", D("1000.5")),
        ("12,345", D(12345)),
        ("1,234,567.89", D("1234567.89")),
        ("-1,000", D(-1000)),
        ("+2.5", D("2.5")),
        ("0.5", D("0.5")),
        (".5", D("0.5")),
        ("5.", D(5)),
        (" 7 ", D(7)),
        ("１２，３４５．６", D("12345.6")),  # full-width, as a Chinese input method types it
        ("1，000", D(1000)),
    ],
)
def test_real_thousands_grouping_is_read(text: str, value: Decimal) -> None:
    assert to_decimal(text, "f") == value


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("0,5", "a comma may only group thousands"),  # was read as 5
        ("1,5", "a comma may only group thousands"),  # was 15
        ("12,34", "a comma may only group thousands"),  # was 1234
        ("1,0000", "a comma may only group thousands"),
        ("1,000,00", "a comma may only group thousands"),
        ("1.000,5", "a comma may only group thousands"),
        (",5", "a comma may only group thousands"),
        ("1,000.5,5", "a comma may only group thousands"),
        ("12，34", "a comma may only group thousands"),
        ("1 5", "is not a number"),  # an inner space is not dropped either
        ("1e5", "is not a number"),
        ("NaN", "is not a number"),
        ("-Infinity", "is not a number"),
        (".", "is not a number"),
        ("+", "is not a number"),
        ("0x10", "is not a number"),
    ],
)
def test_ambiguous_or_malformed_numbers_are_refused_with_a_message(text: str, words: str) -> None:
    error = _refusal(to_decimal, text, "lines.1.quantity")
    assert error.field == "lines.1.quantity"
    assert words in str(error)
    assert text.strip() in str(error) or "not a number" in str(error)


# --- ceilings that fit the storage (BIGINT cents) ------------------------------------------


def test_a_line_above_the_ceiling_is_refused() -> None:
    price = check_price(str(MAX_AMOUNT))
    error = _refusal(line_amounts, D("9999999.999"), price, D("0.13"))
    assert error.field == "gross"
    assert "at most 9,999,999,999.99" in str(error)
    at_limit = line_amounts(D(1), Money.of("8849557522.00"), D("0.13"))
    assert at_limit.gross.amount <= MAX_TOTAL


def test_a_document_above_the_ceiling_is_refused() -> None:
    line = line_amounts(D(10), Money.of("800000000"), D(0))  # 8e9, within one line's ceiling
    assert total([line]).net.amount == D("8000000000.00")
    error = _refusal(total, [line, line])
    assert error.field == "lines"
    assert "A document may come to at most" in str(error)


def test_the_ceiling_fits_a_bigint_of_cents_with_room_for_sums() -> None:
    assert MAX_TOTAL * 100 * 100_000 < 2**63 - 1  # 100,000 maximal documents still sum


# --- prices typed with VAT included ---------------------------------------------------------


@pytest.mark.parametrize(
    ("gross", "qty", "rate", "discount", "net"),
    [
        ("10.00", "1", "0.13", "0", "8.85"),
        ("10.00", "3", "0.13", "0", "8.85"),
        ("9.99", "3", "0.13", "0", "8.84"),
        ("113.00", "1", "0.13", "0", "100.00"),
        ("1.09", "1", "0.09", "0", "1.00"),
        ("0.01", "1", "0.13", "0", "0.01"),
        ("5.00", "0.5", "0.06", "0", "4.72"),
        ("100.00", "2", "0", "0", "100.00"),
        ("20.00", "1", "0.13", "0.10", "17.70"),
    ],
)
def test_a_gross_unit_price_becomes_the_net_price_that_reproduces_the_gross(
    gross: str, qty: str, rate: str, discount: str, net: str
) -> None:
    unit = net_unit_price(Money.of(gross), D(qty), D(rate), D(discount))
    assert unit == Money.of(net)
    line = line_amounts(D(qty), unit, D(rate), D(discount))
    assert line.gross == Money.of(D(qty) * D(gross) * (1 - D(discount)))


def test_where_no_cent_price_reproduces_the_gross_the_nearest_line_is_taken() -> None:
    unit = net_unit_price(Money.of("9.99"), D(7), D("0.13"))  # 69.93 wanted
    assert unit == Money.of("8.84")
    assert line_amounts(D(7), unit, D("0.13")).gross == Money.of("69.92")  # 8.85 gives 70.00


@given(
    st.integers(1, 10**7),
    st.decimals(min_value=D("0.01"), max_value=D(8), places=3),
    st.sampled_from([D("0.13"), D("0.09"), D("0.06"), D("0.03"), D(0)]),
)
def test_the_net_price_is_the_best_cent_price(minor: int, qty: Decimal, rate: Decimal) -> None:
    gross = Money(minor)
    unit = net_unit_price(gross, qty, rate)
    target = Money.of(qty * gross.amount)
    miss = abs(line_amounts(qty, unit, rate).gross.minor - target.minor)
    for other in range(max(unit.minor - 700, 0), unit.minor + 701):  # none does better
        if other == unit.minor:
            continue
        assert abs(line_amounts(qty, Money(other), rate).gross.minor - target.minor) >= miss
    if qty * (1 + rate) <= 1:  # a cent of price moves net and VAT by a cent each at most
        assert miss <= 1
