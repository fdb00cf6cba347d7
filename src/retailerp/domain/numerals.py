"""Amounts written in Chinese capital numerals (大写金额), as on invoices, receipts and cheques.

The rules are those of Chinese bookkeeping practice:

- digits 零壹贰叁肆伍陆柒捌玖, place units 拾佰仟 and the section units 万 and 亿 (ten
  thousand and a hundred million; 万亿 for a trillion);
- a run of zeros inside the number is written as a single 零, zeros at the end are not written;
  a section (万, 亿) that is all zeros drops its unit, and 零 stands for the gap it leaves;
- 拾 always carries its digit (壹拾, never a bare 拾);
- the yuan part ends in 元; 角 and 分 follow; "整" closes an amount without 角 or 分; an amount
  with 分 but no 角 writes 零 for the missing 角 (壹拾元零伍分); an amount under one yuan has no
  元 part (伍分); a negative amount starts with 负.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from retailerp.domain.money import CENT, Money

DIGITS = "零壹贰叁肆伍陆柒捌玖"
PLACE_UNITS = ("", "拾", "佰", "仟")
TEN_THOUSAND = "万"
HUNDRED_MILLION = "亿"
YUAN = "元"
JIAO = "角"
FEN = "分"
WHOLE = "整"
NEGATIVE = "负"

MAX_CAPITAL_AMOUNT = Decimal("9999999999999.99")
"""The largest amount (in absolute value) that can be written."""

ALLOWED_CHARACTERS = frozenset(
    DIGITS
    + "".join(PLACE_UNITS)
    + TEN_THOUSAND
    + HUNDRED_MILLION
    + YUAN
    + JIAO
    + FEN
    + WHOLE
    + NEGATIVE
)
"""Every character :func:`chinese_capital_amount` may write."""

_WAN = 10**4
_YI = 10**8


def chinese_capital_amount(amount: Decimal | Money) -> str:
    """``amount`` in Chinese capital numerals, e.g. ``1005.30`` → ``壹仟零伍元叁角``.

    The amount is rounded half up to the cent first.  Raises :class:`ValueError` for a value
    that is not a finite number or whose absolute value exceeds :data:`MAX_CAPITAL_AMOUNT`.
    """
    value = amount.amount if isinstance(amount, Money) else amount
    if not isinstance(value, Decimal) or not value.is_finite():
        raise ValueError(f"not an amount of money: {amount!r}")
    cents = int(value.quantize(CENT, rounding=ROUND_HALF_UP) * 100)
    if abs(cents) > int(MAX_CAPITAL_AMOUNT * 100):
        raise ValueError(f"amount too large for capital numerals: {value}")
    sign = NEGATIVE if cents < 0 else ""
    yuan, fraction = divmod(abs(cents), 100)
    return sign + _written(yuan, *divmod(fraction, 10))


def _written(yuan: int, jiao: int, fen: int) -> str:
    if yuan == 0:
        if jiao == 0 and fen == 0:
            return DIGITS[0] + YUAN + WHOLE
        return _fraction(jiao, fen)
    whole = _integer(yuan) + YUAN
    if jiao == 0 and fen == 0:
        return whole + WHOLE
    if jiao == 0:
        return whole + DIGITS[0] + DIGITS[fen] + FEN
    return whole + _fraction(jiao, fen)


def _fraction(jiao: int, fen: int) -> str:
    text = DIGITS[jiao] + JIAO if jiao else ""
    return text + (DIGITS[fen] + FEN if fen else "")


def _integer(number: int) -> str:
    """A positive whole number below 10**13 in capital numerals."""
    if number >= _YI:
        high, low = divmod(number, _YI)
        return _below_hundred_million(high) + HUNDRED_MILLION + _tail(low, _YI)
    return _below_hundred_million(number)


def _below_hundred_million(number: int) -> str:
    if number >= _WAN:
        high, low = divmod(number, _WAN)
        return _section(high) + TEN_THOUSAND + _tail(low, _WAN)
    return _section(number)


def _tail(low: int, base: int) -> str:
    """The part below a section unit; 零 when its leading digit is zero."""
    if low == 0:
        return ""
    text = _below_hundred_million(low) if base == _YI else _section(low)
    return DIGITS[0] + text if low < base // 10 else text


def _section(number: int) -> str:
    """1 to 9999 in capital numerals, one 零 for each run of inner zeros."""
    text = ""
    zero_pending = False
    digits = str(number)
    for index, char in enumerate(digits):
        digit = int(char)
        if digit == 0:
            zero_pending = True
            continue
        if zero_pending:
            text += DIGITS[0]
            zero_pending = False
        text += DIGITS[digit] + PLACE_UNITS[len(digits) - 1 - index]
    return text
