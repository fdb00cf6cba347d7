"""Money and quantities.

Money is held as an integer count of minor units (分, cents) so that sums are exact on every
database; it offers a :class:`~decimal.Decimal` API and rounds half up, as Chinese invoices do.
VAT is computed per line and an invoice's tax is the sum of its line taxes.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from retailerp.domain.errors import FieldError
from retailerp.domain.text import QT_TRANSLATE_NOOP

CENT = Decimal("0.01")
MILLI = Decimal("0.001")
MAX_AMOUNT = Decimal("999999999.99")
"""The largest amount a single price or limit may hold; anything above is a typing slip."""
MAX_QUANTITY = Decimal("9999999.999")
VAT_RATES: tuple[Decimal, ...] = tuple(Decimal(r) for r in ("0.13", "0.09", "0.06", "0.03", "0"))
"""The VAT rates in use in China (13 %, 9 %, 6 %, 3 %, 0 %)."""


def to_decimal(value: object, field: str) -> Decimal:
    """Read a number typed by a user or given by code; refuse anything else naming ``field``."""
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, bool):
        raise FieldError(field, QT_TRANSLATE_NOOP("errors", "Enter a number."))
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, float):
        result = Decimal(repr(value))
    elif isinstance(value, str):
        text = value.strip().replace(",", "").replace("，", "")
        if not text:
            raise FieldError(field, QT_TRANSLATE_NOOP("errors", "This field is required."))
        try:
            result = Decimal(text)
        except InvalidOperation:
            raise FieldError(
                field, QT_TRANSLATE_NOOP("errors", "'{value}' is not a number."), value=value
            ) from None
    else:
        raise FieldError(field, QT_TRANSLATE_NOOP("errors", "Enter a number."))
    if not result.is_finite():
        raise FieldError(field, QT_TRANSLATE_NOOP("errors", "Enter a number."))
    return result


@dataclass(frozen=True, order=True, slots=True)
class Money:
    """An amount of the shop's currency, exact to the cent."""

    minor: int

    @classmethod
    def of(cls, value: object, field: str = "amount") -> Money:
        """Money from a number or text, rounded half up to the cent."""
        if isinstance(value, Money):
            return value
        amount = to_decimal(value, field)
        try:
            return cls(int(amount.quantize(CENT, rounding=ROUND_HALF_UP) * 100))
        except InvalidOperation:  # too many digits to hold to the cent (e.g. "1e30")
            raise FieldError(
                field,
                QT_TRANSLATE_NOOP("errors", "The amount may be at most {limit}."),
                limit=f"{MAX_AMOUNT:,.2f}",
            ) from None

    @classmethod
    def zero(cls) -> Money:
        return cls(0)

    @property
    def amount(self) -> Decimal:
        """The amount as a Decimal with two places."""
        return (Decimal(self.minor) / 100).quantize(CENT)

    def __add__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        return Money(self.minor + other.minor)

    def __sub__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        return Money(self.minor - other.minor)

    def __neg__(self) -> Money:
        return Money(-self.minor)

    def __mul__(self, factor: Decimal | int) -> Money:
        if isinstance(factor, bool) or not isinstance(factor, Decimal | int):
            return NotImplemented
        return Money.of(self.amount * Decimal(factor))

    __rmul__ = __mul__

    def __bool__(self) -> bool:
        return self.minor != 0

    def __str__(self) -> str:
        return f"{self.amount:,.2f}"

    def is_negative(self) -> bool:
        return self.minor < 0


def check_price(value: object, field: str = "price") -> Money:
    """A unit price or limit: not negative and not absurdly large."""
    money = Money.of(value, field)
    if money.is_negative():
        raise FieldError(field, QT_TRANSLATE_NOOP("errors", "The amount cannot be negative."))
    if money.amount > MAX_AMOUNT:
        raise FieldError(
            field,
            QT_TRANSLATE_NOOP("errors", "The amount may be at most {limit}."),
            limit=f"{MAX_AMOUNT:,.2f}",
        )
    return money


def check_quantity(value: object, field: str = "quantity", *, allow_zero: bool = False) -> Decimal:
    """A quantity: positive (or zero where allowed), at most three decimals, not absurd."""
    qty = to_decimal(value, field)
    if qty < 0 or (qty == 0 and not allow_zero):
        message = (
            QT_TRANSLATE_NOOP("errors", "The quantity cannot be negative.")
            if allow_zero
            else QT_TRANSLATE_NOOP("errors", "The quantity must be greater than zero.")
        )
        raise FieldError(field, message)
    if qty > MAX_QUANTITY:  # checked first: quantize() fails on numbers this large
        raise FieldError(
            field,
            QT_TRANSLATE_NOOP("errors", "The quantity may be at most {limit}."),
            limit=f"{MAX_QUANTITY:,}",
        )
    if qty != qty.quantize(MILLI):
        raise FieldError(
            field, QT_TRANSLATE_NOOP("errors", "A quantity may have at most three decimals.")
        )
    return qty.quantize(MILLI)


def check_vat_rate(value: object, field: str = "vat_rate") -> Decimal:
    """A VAT rate given as a fraction (0.13) or a percentage (13); one of :data:`VAT_RATES`."""
    rate = to_decimal(value, field)
    if rate >= 1:
        rate = rate / 100
    for allowed in VAT_RATES:
        if rate == allowed:
            return allowed
    raise FieldError(
        field,
        QT_TRANSLATE_NOOP("errors", "The VAT rate must be one of {rates}."),
        rates=", ".join(f"{(r * 100).normalize():f}%" for r in VAT_RATES),
    )


@dataclass(frozen=True, slots=True)
class LineAmounts:
    """Net, VAT and gross of one document line."""

    net: Money
    vat: Money
    gross: Money


def line_amounts(
    quantity: Decimal, unit_price: Money, vat_rate: Decimal, discount: Decimal = Decimal(0)
) -> LineAmounts:
    """Amounts of a line: net = qty × price × (1 − discount), VAT on the rounded net."""
    net = Money.of(quantity * unit_price.amount * (1 - discount))
    vat = Money.of(net.amount * vat_rate)
    return LineAmounts(net=net, vat=vat, gross=net + vat)


def total(lines: list[LineAmounts]) -> LineAmounts:
    """Document totals: each the sum of the line values (tax is never recomputed on the sum)."""
    net = sum((line.net for line in lines), Money.zero())
    vat = sum((line.vat for line in lines), Money.zero())
    return LineAmounts(net=net, vat=vat, gross=net + vat)
