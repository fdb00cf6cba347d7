"""Invoices (blue, 蓝字发票), payments and receivables.

An invoice bills one or more deliveries of one customer; its tax is the sum of its line taxes.
A payment is allocated to open invoices oldest first (or held against an order, for prepaid
and cash-on-delivery orders, until that order is invoiced); what is left is the customer's
credit.  Receivables are aged by due date.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from retailerp.domain import validation as v
from retailerp.domain.errors import FieldError, StateError
from retailerp.domain.fulfilment import Delivery
from retailerp.domain.money import Money, check_price
from retailerp.domain.text import QT_TRANSLATE_NOOP


@dataclass(eq=False)
class InvoiceLine:
    delivery_line_id: int
    item_id: int
    quantity: Decimal
    unit_price: Money
    vat_rate: Decimal
    discount: Decimal
    net: Money
    vat: Money
    gross: Money
    line_no: int = 0
    id: int | None = None
    invoice_id: int | None = None


@dataclass(eq=False)
class Invoice:
    number: str
    customer_id: int
    invoice_date: date
    due_date: date
    net: Money
    vat: Money
    gross: Money
    posted_by: str
    posted_at: datetime
    paid: Money = field(default_factory=Money.zero)
    lines: list[InvoiceLine] = field(default_factory=list)
    id: int | None = None
    e_invoice_number: str | None = None
    """The official e-invoice (数电票) issued on the tax platform for this settlement."""

    @property
    def open_amount(self) -> Money:
        return self.gross - self.paid

    @property
    def is_paid(self) -> bool:
        return self.paid >= self.gross


def check_invoiceable(deliveries: Sequence[Delivery]) -> None:
    """One customer, each delivery not invoiced yet, at least one."""
    if not deliveries:
        raise FieldError(
            "deliveries", QT_TRANSLATE_NOOP("errors", "Choose at least one delivery to invoice.")
        )
    customers = {d.customer_id for d in deliveries}
    if len(customers) > 1:
        raise FieldError(
            "deliveries",
            QT_TRANSLATE_NOOP("errors", "An invoice bills the deliveries of one customer only."),
        )
    for delivery in deliveries:
        if delivery.invoice_id is not None:
            raise StateError(
                QT_TRANSLATE_NOOP("errors", "Delivery {number} has already been invoiced."),
                number=delivery.number,
            )


def invoice_lines(deliveries: Sequence[Delivery]) -> list[InvoiceLine]:
    lines = []
    for delivery in deliveries:
        for d in delivery.lines:
            amounts = d.amounts
            lines.append(
                InvoiceLine(
                    delivery_line_id=d.id or 0,
                    item_id=d.item_id,
                    quantity=d.quantity,
                    unit_price=d.unit_price,
                    vat_rate=d.vat_rate,
                    discount=d.discount,
                    net=amounts.net,
                    vat=amounts.vat,
                    gross=amounts.gross,
                    line_no=len(lines) + 1,
                )
            )
    return lines


def make_invoice(
    number: str,
    deliveries: Sequence[Delivery],
    invoice_date: date,
    terms_days: int,
    user: str,
    at: datetime,
) -> Invoice:
    """The invoice for the given deliveries; totals are sums of the line values."""
    check_invoiceable(deliveries)
    lines = invoice_lines(deliveries)
    net = sum((line.net for line in lines), Money.zero())
    vat = sum((line.vat for line in lines), Money.zero())
    return Invoice(
        number=number,
        customer_id=deliveries[0].customer_id,
        invoice_date=invoice_date,
        due_date=invoice_date + timedelta(days=terms_days),
        net=net,
        vat=vat,
        gross=net + vat,
        posted_by=user,
        posted_at=at,
        lines=lines,
    )


PAYMENT_METHODS = ("cash", "bank", "wechat", "alipay", "cheque")


@dataclass(eq=False)
class PaymentAllocation:
    invoice_id: int
    amount: Money
    id: int | None = None
    payment_id: int | None = None


@dataclass(eq=False)
class Payment:
    """Money received from a customer (收款)."""

    number: str
    customer_id: int
    received_on: date
    amount: Money
    method: str
    posted_by: str
    posted_at: datetime
    reference: str = ""
    order_id: int | None = None
    allocations: list[PaymentAllocation] = field(default_factory=list)
    id: int | None = None

    @property
    def unallocated(self) -> Money:
        return self.amount - sum((a.amount for a in self.allocations), Money.zero())


def clean_payment(amount: object, method: str, reference: str) -> tuple[Money, str, str]:
    money = check_price(amount, "amount")
    if not money:
        raise FieldError(
            "amount", QT_TRANSLATE_NOOP("errors", "The amount must be greater than zero.")
        )
    if method not in PAYMENT_METHODS:
        raise FieldError(
            "method",
            QT_TRANSLATE_NOOP("errors", "The payment method is one of {methods}."),
            methods=", ".join(PAYMENT_METHODS),
        )
    return money, method, v.optional_text(reference, "reference", 60)


def allocate(amount: Money, invoices: Sequence[Invoice]) -> list[PaymentAllocation]:
    """Spread ``amount`` over open invoices, oldest due first; the rest stays unallocated."""
    left = amount
    allocations = []
    for invoice in sorted(invoices, key=lambda i: (i.due_date, i.number)):
        if left.minor <= 0:
            break
        take = min(left, invoice.open_amount)
        if take.minor > 0:
            allocations.append(PaymentAllocation(invoice_id=invoice.id or 0, amount=take))
            invoice.paid = invoice.paid + take
            left = left - take
    return allocations


AGEING_BUCKETS = (
    (QT_TRANSLATE_NOOP("terms", "not yet due"), None, 0),
    (QT_TRANSLATE_NOOP("terms", "1–30 days overdue"), 1, 30),
    (QT_TRANSLATE_NOOP("terms", "31–60 days overdue"), 31, 60),
    (QT_TRANSLATE_NOOP("terms", "61–90 days overdue"), 61, 90),
    (QT_TRANSLATE_NOOP("terms", "over 90 days overdue"), 91, None),
)


def is_overdue(due_date: date, open_amount: Money, today: date) -> bool:
    """Something is still open after the due date."""
    return open_amount.minor > 0 and due_date < today


def ageing_bucket(due_date: date, today: date) -> str:
    """The ageing bucket label of an open amount due on ``due_date``."""
    overdue = (today - due_date).days
    for label, low, high in AGEING_BUCKETS:
        if (low is None or overdue >= low) and (high is None or overdue <= high):
            return label
    return AGEING_BUCKETS[-1][0]
