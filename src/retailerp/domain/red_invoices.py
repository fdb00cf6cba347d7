"""Red invoices (红字发票): the register of credits against a blue invoice.

A red invoice references one blue invoice by number and credits part or all of it, for one
of three reasons: goods returned (销货退回), a price allowance (销售折让), or an invoicing
error (开票有误), which reverses the blue invoice in full and only while nothing else has
been credited against it.  Per line and in total the red quantities, net amounts and tax of
all red invoices of a blue invoice never exceed the blue invoice.  It carries the number of
the red-letter confirmation form (红字发票信息确认单编号) issued on the tax platform, unique
across the register, and moves draft → awaiting confirmation → confirmed → issued, or is
voided before it is issued.  Only finance or the owner confirm and issue.

The program keeps the register and prints; the official red e-invoice is issued on the tax
platform.  Amounts are kept positive here (what is credited) and printed negative.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from retailerp.domain.errors import FieldError, StateError, ValidationError
from retailerp.domain.money import Money, check_price, check_quantity
from retailerp.domain.text import QT_TRANSLATE_NOOP, Term
from retailerp.domain.workflow import Workflow


class RedKind(StrEnum):
    RETURN = "return"
    ALLOWANCE = "allowance"
    INVOICING_ERROR = "invoicing_error"


RED_KIND_LABELS = {
    RedKind.RETURN: Term(QT_TRANSLATE_NOOP("terms", "goods returned (销货退回)")),
    RedKind.ALLOWANCE: Term(QT_TRANSLATE_NOOP("terms", "price allowance (销售折让)")),
    RedKind.INVOICING_ERROR: Term(QT_TRANSLATE_NOOP("terms", "invoicing error (开票有误)")),
}


class RedState(StrEnum):
    DRAFT = "draft"
    AWAITING = "awaiting"
    CONFIRMED = "confirmed"
    ISSUED = "issued"
    VOIDED = "voided"


class RedAction(StrEnum):
    EDIT = "edit"
    SUBMIT = "submit"
    CONFIRM = "confirm"
    ISSUE = "issue"
    VOID = "void"


RED_FLOW: Workflow[RedState, RedAction] = Workflow(
    Term(QT_TRANSLATE_NOOP("terms", "Red invoice")),
    {
        (RedState.DRAFT, RedAction.EDIT): frozenset({RedState.DRAFT}),
        (RedState.DRAFT, RedAction.SUBMIT): frozenset({RedState.AWAITING}),
        (RedState.DRAFT, RedAction.VOID): frozenset({RedState.VOIDED}),
        (RedState.AWAITING, RedAction.CONFIRM): frozenset({RedState.CONFIRMED}),
        (RedState.AWAITING, RedAction.VOID): frozenset({RedState.VOIDED}),
        (RedState.CONFIRMED, RedAction.ISSUE): frozenset({RedState.ISSUED}),
        (RedState.CONFIRMED, RedAction.VOID): frozenset({RedState.VOIDED}),
    },
    {
        RedState.DRAFT: Term(QT_TRANSLATE_NOOP("terms", "draft")),
        RedState.AWAITING: Term(QT_TRANSLATE_NOOP("terms", "awaiting confirmation")),
        RedState.CONFIRMED: Term(QT_TRANSLATE_NOOP("terms", "confirmed")),
        RedState.ISSUED: Term(QT_TRANSLATE_NOOP("terms", "issued")),
        RedState.VOIDED: Term(QT_TRANSLATE_NOOP("terms", "voided")),
    },
    {
        RedAction.EDIT: Term(QT_TRANSLATE_NOOP("terms", "edit")),
        RedAction.SUBMIT: Term(QT_TRANSLATE_NOOP("terms", "submit for confirmation")),
        RedAction.CONFIRM: Term(QT_TRANSLATE_NOOP("terms", "record the confirmation")),
        RedAction.ISSUE: Term(QT_TRANSLATE_NOOP("terms", "issue")),
        RedAction.VOID: Term(QT_TRANSLATE_NOOP("terms", "void")),
    },
)
"""A red invoice counts against its blue invoice from the moment it is drafted until it is
voided, so two drafts cannot together promise more than the blue invoice holds."""

COUNTING_STATES = frozenset({RedState.DRAFT, RedState.AWAITING, RedState.CONFIRMED,
                             RedState.ISSUED})  # fmt: skip


@dataclass(frozen=True)
class BlueLine:
    """One line of the blue invoice, with what red invoices already credit against it."""

    invoice_line_id: int
    line_no: int
    item_id: int
    quantity: Decimal
    unit_price: Money
    vat_rate: Decimal
    discount: Decimal
    net: Money
    vat: Money
    credited_quantity: Decimal = Decimal(0)
    credited_net: Money = field(default_factory=Money.zero)
    credited_vat: Money = field(default_factory=Money.zero)

    @property
    def open_quantity(self) -> Decimal:
        return self.quantity - self.credited_quantity

    @property
    def open_net(self) -> Money:
        return self.net - self.credited_net

    @property
    def open_vat(self) -> Money:
        return self.vat - self.credited_vat


@dataclass(eq=False)
class RedInvoiceLine:
    invoice_line_id: int
    item_id: int
    quantity: Decimal
    net: Money
    vat: Money
    vat_rate: Decimal
    line_no: int = 0
    rule: str = ""
    """A return's policy rule that decided the rate credited (empty for the blue price)."""
    refund_rate: Decimal | None = None
    """The share of the returned value the policy allowed, when credited from a return."""
    id: int | None = None
    red_invoice_id: int | None = None

    @property
    def gross(self) -> Money:
        return self.net + self.vat


@dataclass(eq=False)
class RedInvoice:
    number: str
    invoice_id: int
    blue_number: str
    customer_id: int
    kind: RedKind
    red_date: date
    reason: str = ""
    state: RedState = RedState.DRAFT
    confirmation_number: str | None = None
    return_id: int | None = None
    billing_blocked: bool = False
    lines: list[RedInvoiceLine] = field(default_factory=list)
    created_by: str = ""
    issued_by: str = ""
    issued_at: datetime | None = None
    id: int | None = None
    version: int = 1

    @property
    def net(self) -> Money:
        return sum((line.net for line in self.lines), Money.zero())

    @property
    def vat(self) -> Money:
        return sum((line.vat for line in self.lines), Money.zero())

    @property
    def gross(self) -> Money:
        return self.net + self.vat

    def move(self, action: RedAction) -> None:
        self.state = RED_FLOW.move(self.state, action, self.number)


def credit_line(
    index: int, raw: Mapping[str, Any], blue: Mapping[int, BlueLine], kind: RedKind
) -> RedInvoiceLine:
    """One red line (``lines.<n>.<field>``).  A return credits a quantity at the blue line's
    price, or, when the line carries the return's ``refund`` (what the return policy allowed,
    VAT included), that refund split in the blue line's VAT rate and never more than the
    blue price of the quantity; an allowance credits an amount (net) without goods."""
    prefix = f"lines.{index + 1}."
    source = blue.get(_as_id(raw.get("invoice_line_id")))
    if source is None:
        raise FieldError(
            prefix + "invoice_line_id",
            QT_TRANSLATE_NOOP("errors", "This line is not one of the blue invoice's lines."),
        )
    if kind == RedKind.ALLOWANCE:
        net = check_price(raw.get("net"), prefix + "net")
        qty = Decimal(0)
        rest = net == source.open_net
    else:
        qty = check_quantity(raw.get("quantity"), prefix + "quantity")
        net = _net_of(source, qty)
        rest = qty == source.open_quantity
    # crediting what is left takes the tax that is left, so rounding never leaves a cent
    vat = source.open_vat if rest else Money.of(net.amount * source.vat_rate)
    rule, rate = "", None
    if kind == RedKind.RETURN and raw.get("refund") not in (None, ""):
        refund = check_price(raw.get("refund"), prefix + "refund")
        rule, rate = str(raw.get("rule") or "")[:80], _rate(raw.get("refund_rate"))
        if rate is None or rate < 1:  # in full is the blue price exactly, to the cent
            net, vat = policy_credit(refund, net, vat, source.vat_rate)
    _check_within(prefix, source, qty, net, vat)
    return RedInvoiceLine(source.invoice_line_id, source.item_id, qty, net, vat, source.vat_rate,
                          line_no=index + 1, rule=rule, refund_rate=rate)  # fmt: skip


def policy_credit(refund: Money, net: Money, vat: Money, vat_rate: Decimal) -> tuple[Money, Money]:
    """Net and tax of a return line credited at the policy's refund (VAT included): the
    refund split in the blue VAT rate (net rounded half up, tax the rest), or the blue
    price of the quantity (``net``, ``vat``) when the refund is not below it."""
    if refund >= net + vat:
        return net, vat
    part = Money.of(refund.amount / (1 + vat_rate))
    return part, refund - part


def _rate(value: object) -> Decimal | None:
    if value in (None, ""):
        return None
    rate = Decimal(str(value))
    return rate if rate.is_finite() and Decimal(0) <= rate <= 1 else None


def _net_of(source: BlueLine, qty: Decimal) -> Money:
    """The net value of ``qty`` at the blue line; the last units take what is left exactly."""
    if qty == source.open_quantity:
        return source.open_net
    return Money.of(source.net.amount * qty / source.quantity)


def _check_within(prefix: str, source: BlueLine, qty: Decimal, net: Money, vat: Money) -> None:
    if qty > source.open_quantity:
        raise FieldError(
            prefix + "quantity",
            QT_TRANSLATE_NOOP(
                "errors",
                "At most {open} of line {n} can still be credited ({quantity} invoiced, "
                "{credited} credited already).",
            ),
            open=_qty(source.open_quantity),
            n=source.line_no,
            quantity=_qty(source.quantity),
            credited=_qty(source.credited_quantity),
        )
    if net > source.open_net or vat > source.open_vat:
        raise FieldError(
            prefix + ("net" if qty == 0 else "quantity"),
            QT_TRANSLATE_NOOP(
                "errors",
                "Line {n} can be credited at most {open} net (invoiced {net}, credited {credited} "
                "already).",
            ),
            n=source.line_no,
            open=str(source.open_net),
            net=str(source.net),
            credited=str(source.credited_net),
        )
    if net.minor <= 0:
        raise FieldError(
            prefix + ("net" if qty == 0 else "quantity"),
            QT_TRANSLATE_NOOP("errors", "A red line credits more than zero."),
        )


def credit_lines(
    raw_lines: Sequence[Mapping[str, Any]], blue: Mapping[int, BlueLine], kind: RedKind
) -> list[RedInvoiceLine]:
    """Every line at once; an invoicing error credits every blue line in full, and only
    while nothing has been credited against the blue invoice."""
    if kind == RedKind.INVOICING_ERROR:
        return full_reversal(blue)
    errors: list[FieldError] = []
    lines: list[RedInvoiceLine] = []
    seen: set[int] = set()
    for index, raw in enumerate(raw_lines):
        try:
            line = credit_line(index, raw, blue, kind)
            if line.invoice_line_id in seen:
                raise FieldError(
                    f"lines.{index + 1}.invoice_line_id",
                    QT_TRANSLATE_NOOP("errors", "This blue line is already on the red invoice."),
                )
        except FieldError as error:
            errors.append(error)
            continue
        seen.add(line.invoice_line_id)
        lines.append(line)
    if not raw_lines:
        errors.append(
            FieldError(
                "lines", QT_TRANSLATE_NOOP("errors", "A red invoice needs at least one line.")
            )
        )
    if errors:
        raise ValidationError(errors)
    return lines


def return_credit_rows(
    return_lines: Sequence[Any], invoice_line_of: Mapping[int, int]
) -> list[dict[str, Any]]:
    """The red lines a posted return asks for: per returned line its blue invoice line
    (``invoice_line_of`` maps delivery line → invoice line), the returned quantity and the
    policy's refund, rule and rate; lines refunded nothing are not credited.  Nothing left
    to credit is refused naming the return's lines."""
    rows = [
        {
            "invoice_line_id": invoice_line_of[line.delivery_line_id],
            "quantity": line.quantity,
            "refund": line.refund,
            "rule": line.rule,
            "refund_rate": line.refund_rate,
        }
        for line in return_lines
        if line.refund.minor > 0
    ]
    if not rows:
        raise FieldError(
            "lines",
            QT_TRANSLATE_NOOP(
                "errors",
                "The return policy refunds nothing on this return: there is nothing to credit.",
            ),
        )
    return rows


def full_reversal(blue: Mapping[int, BlueLine]) -> list[RedInvoiceLine]:
    """An invoicing error: the whole blue invoice, only if nothing was credited before."""
    if any(b.credited_net.minor or b.credited_quantity for b in blue.values()):
        raise StateError(
            QT_TRANSLATE_NOOP(
                "errors",
                "Part of this invoice has been credited already: an invoicing error reverses a "
                "whole invoice only while nothing else is credited against it.",
            ),
            field="kind",
        )
    return [
        RedInvoiceLine(b.invoice_line_id, b.item_id, b.quantity, b.net, b.vat, b.vat_rate,
                       line_no=n)
        for n, b in enumerate(sorted(blue.values(), key=lambda x: x.line_no), 1)
    ]  # fmt: skip


def check_confirmation_number(value: object) -> str:
    """The red-letter confirmation form's number: letters and digits, 8 to 40 of them."""
    text = str(value or "").strip()
    if not (8 <= len(text) <= 40) or not text.isascii() or not text.isalnum():
        raise FieldError(
            "confirmation_number",
            QT_TRANSLATE_NOOP(
                "errors",
                "Enter the number of the red-letter confirmation form (8 to 40 letters and "
                "digits, as the tax platform shows it).",
            ),
        )
    return text.upper()


def _as_id(value: object) -> int:
    if isinstance(value, bool):
        return 0
    if isinstance(value, int):
        return value
    text = str(value or "").strip()
    return int(text) if text.isdigit() else 0


def _qty(value: Decimal) -> str:
    return f"{value.normalize():f}"
