"""Money and quantities.

Money is held as an integer count of minor units (分, cents) so that sums are exact on every
database; it offers a :class:`~decimal.Decimal` API and rounds half up, as Chinese invoices do.
VAT is computed per line and an invoice's tax is the sum of its line taxes.

Typed numbers: digits with a decimal point; a comma only groups thousands ("1,000.5",
"12,345").  A decimal comma ("0,5", "12,34") is refused with a message, in every language
the program speaks: both of them (Chinese, English) write a decimal point, and the same text
must mean the same number on every PC of an office and in every imported file.
Full-width digits and punctuation from a Chinese input method (１２，３４５．６) are read as
their ASCII forms; exponents ("1e5"), NaN and infinity are refused.

Ceilings: a price at most :data:`MAX_AMOUNT`, a quantity at most :data:`MAX_QUANTITY`, a line
or a document at most :data:`MAX_TOTAL` (far inside the BIGINT cents the database keeps, so
sums of many documents still fit).

Prices entered with tax included: :func:`net_unit_price` turns a gross unit price into the
net unit price (to the cent) whose line reproduces quantity × gross to the cent where any
cent price can.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum

from retailerp.domain.errors import FieldError
from retailerp.domain.text import QT_TRANSLATE_NOOP

CENT = Decimal("0.01")
MILLI = Decimal("0.001")
MAX_AMOUNT = Decimal("999999999.99")
"""The largest amount a single price or limit may hold; anything above is a typing slip."""
MAX_QUANTITY = Decimal("9999999.999")
MAX_TOTAL = Decimal("9999999999.99")
"""The largest net or gross of one line or one document (BIGINT cents hold ~9.2e16)."""
NUMBER_TEXT = re.compile(r"^[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)?(?:\.\d*)?$")
"""Digits with an optional point; commas only between groups of three before the point."""
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
        result = parse_number_text(value, field)
    else:
        raise FieldError(field, QT_TRANSLATE_NOOP("errors", "Enter a number."))
    if not result.is_finite():
        raise FieldError(field, QT_TRANSLATE_NOOP("errors", "Enter a number."))
    return result


def parse_number_text(value: str, field: str) -> Decimal:
    """A number typed as text (see the module: thousands commas only, no decimal comma)."""
    text = unicodedata.normalize("NFKC", value).strip()
    if not text:
        raise FieldError(field, QT_TRANSLATE_NOOP("errors", "This field is required."))
    if not NUMBER_TEXT.match(text) or not any(ch.isdigit() for ch in text):
        if "," in text:
            raise FieldError(
                field,
                QT_TRANSLATE_NOOP(
                    "errors",
                    "'{value}': a comma may only group thousands (1,000.5); write decimals "
                    "with a point (0.5).",
                ),
                value=value.strip(),
            )
        raise FieldError(
            field, QT_TRANSLATE_NOOP("errors", "'{value}' is not a number."), value=value.strip()
        )
    return Decimal(text.replace(",", ""))


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
    """Amounts of a line: net = qty × price × (1 − discount), VAT on the rounded net.

    A line above :data:`MAX_TOTAL` is refused (field ``gross``)."""
    raw_net = quantity * unit_price.amount * (1 - discount)
    if abs(raw_net) * (1 + abs(vat_rate)) > MAX_TOTAL:
        raise FieldError(
            "gross",
            QT_TRANSLATE_NOOP("errors", "A line may come to at most {limit}."),
            limit=f"{MAX_TOTAL:,.2f}",
        )
    net = Money.of(raw_net)
    vat = Money.of(net.amount * vat_rate)
    return LineAmounts(net=net, vat=vat, gross=net + vat)


def total(lines: list[LineAmounts]) -> LineAmounts:
    """Document totals: each the sum of the line values (tax is never recomputed on the sum).

    A document above :data:`MAX_TOTAL` is refused (field ``lines``)."""
    net = sum((line.net for line in lines), Money.zero())
    vat = sum((line.vat for line in lines), Money.zero())
    gross = net + vat
    if max(abs(net.minor), abs(gross.minor)) > MAX_TOTAL * 100:
        raise FieldError(
            "lines",
            QT_TRANSLATE_NOOP("errors", "A document may come to at most {limit}."),
            limit=f"{MAX_TOTAL:,.2f}",
        )
    return LineAmounts(net=net, vat=vat, gross=gross)


class PriceEntry(StrEnum):
    """How unit prices are typed on order lines (a shop setting)."""

    NET = "net"
    """Without VAT (the default): the price typed is the net unit price."""
    GROSS = "gross"
    """With VAT included: the typed price is converted by :func:`net_unit_price`."""
    PER_LINE = "per_line"
    """Each line says whether its price includes VAT (net unless marked)."""


def net_unit_price(
    gross_unit: Money, quantity: Decimal, vat_rate: Decimal, discount: Decimal = Decimal(0)
) -> Money:
    """The net unit price (to the cent) for a unit price typed with VAT included.

    Rule: the line's gross must come out as quantity × gross unit price × (1 − discount),
    rounded half up to the cent, by the ordinary line rule (net rounded, VAT on the rounded
    net).  Of the cent prices near gross ÷ (1 + rate) the one whose line misses that target
    by least is taken — an exact hit whenever one exists — and among equally good ones the
    closest to gross ÷ (1 + rate), then the lower.  For large quantities one cent of unit
    price moves the line by more than a cent, so an exact hit is then not always possible;
    the nearest line total is taken.
    """
    target = Money.of(quantity * gross_unit.amount * (1 - discount))
    exact = gross_unit.amount / (1 + vat_rate)
    base = Money.of(exact)

    def rank(minor: int) -> tuple[int, Decimal, int]:
        gross = line_amounts(quantity, Money(minor), vat_rate, discount).gross
        return abs(gross.minor - target.minor), abs(Decimal(minor) / 100 - exact), minor

    step = max(quantity * (1 + vat_rate) * (1 - discount), Decimal("0.005"))
    span = min(int(2 / step) + 3, 600)  # far enough that the line moves by two cents or more
    candidates = [m for m in range(base.minor - span, base.minor + span + 1) if m >= 0]
    return Money(min(candidates, key=rank))
