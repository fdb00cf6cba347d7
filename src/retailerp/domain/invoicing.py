"""Invoices (blue, 蓝字发票), payments, settlement and receivables.

An invoice bills one or more deliveries of one customer; its tax is the sum of its line taxes.
Receivables are aged by due date.

Settlement — how money meets invoices:

- A payment against an order (prepaid, cash on delivery) first pays that order's open
  invoices.  What is left is *held for the order* while the order is open
  (:data:`OPEN_ORDER_STATES`: confirmed, picking, partly shipped or shipped) and pays the
  order's invoices as they are posted (:func:`apply_advances`).
- All other unapplied money is *money on account*: payments without an order, overpayments,
  and what is left of a payment against an order that has since been fully invoiced,
  cancelled or closed (:func:`on_account`).  Money on account pays the customer's open
  invoices whenever there is something to pay: when it is received, when an invoice is
  posted, and on demand (:func:`apply_money`) — money received first pays first, the invoice
  due first is paid first.  So an invoice is never left open, let alone overdue, while the
  customer has money on account.
- An order moves on once all its deliveries are invoiced (shipped → invoiced) and all its
  invoices are paid (invoiced → paid): :func:`settle_order`.
- Before a payment is recorded, :func:`preview_payment` says what it will do, in the same
  order, and how much is more than is open (kept as credit on account).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from retailerp.domain import validation as v
from retailerp.domain.errors import FieldError, StateError
from retailerp.domain.fulfilment import Delivery
from retailerp.domain.money import Money, check_price, line_amounts
from retailerp.domain.sales import (
    ORDER_STATE_LABELS,
    RESERVING_STATES,
    OrderAction,
    OrderState,
    SalesOrder,
)
from retailerp.domain.text import QT_TRANSLATE_NOOP


@dataclass(eq=False)
class InvoiceLine:
    delivery_line_id: int | None
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
    consignment_line_id: int | None = None
    """A consignment issue's line this bills (then there is no delivery line)."""


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


def invoice_lines(
    deliveries: Sequence[Delivery], returned: Mapping[int, Decimal] | None = None
) -> list[InvoiceLine]:
    """One line per delivery line, less what posted returns took back before invoicing
    (``returned``: quantity per delivery line id).  A return posted before its delivery is
    invoiced simply makes the invoice smaller; a line that came back in full is left out."""
    back = returned or {}
    lines = []
    for delivery in deliveries:
        for d in delivery.lines:
            quantity = d.quantity - back.get(d.id or 0, Decimal(0))
            if quantity <= 0:
                continue
            amounts = line_amounts(quantity, d.unit_price, d.vat_rate, d.discount)
            lines.append(
                InvoiceLine(
                    delivery_line_id=d.id or 0,
                    item_id=d.item_id,
                    quantity=quantity,
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
    returned: Mapping[int, Decimal] | None = None,
) -> Invoice:
    """The invoice for the given deliveries (less what came back before, ``returned`` per
    delivery line id); totals are sums of the line values."""
    check_invoiceable(deliveries)
    lines = invoice_lines(deliveries, returned)
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
CREDIT_METHODS = ("complaint",)
"""Money owed to the customer rather than received (a complaint's damages): it is money on
account like any other payment, but never offered in the payment dialog."""


CREDIT_METHOD = "credit"
"""The method of the payment-like row an issued red invoice makes: the credit it grants,
numbered like the red invoice (see :func:`red_credit`)."""

REFUND_METHODS = ("cash", "bank", "wechat", "alipay")


@dataclass(eq=False)
class PaymentAllocation:
    """Money of a payment applied to an invoice, or paid back by a refund."""

    invoice_id: int | None
    amount: Money
    id: int | None = None
    payment_id: int | None = None
    refund_id: int | None = None


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


def payment_amount(amount: object) -> Money:
    """An amount received: a price-like amount greater than zero."""
    money = check_price(amount, "amount")
    if not money:
        raise FieldError(
            "amount", QT_TRANSLATE_NOOP("errors", "The amount must be greater than zero.")
        )
    return money


def clean_payment(amount: object, method: str, reference: str) -> tuple[Money, str, str]:
    money = payment_amount(amount)
    if method not in PAYMENT_METHODS + CREDIT_METHODS:
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


# --- settlement ----------------------------------------------------------------------------

OPEN_ORDER_STATES = RESERVING_STATES | {OrderState.SHIPPED}
"""An order in one of these states (confirmed, picking, partly shipped, shipped) is committed
and not yet fully invoiced: money paid against it is held for it, and its uninvoiced value
counts against credit (:mod:`.credit`).  A draft is not a commitment yet; an invoiced, paid or
closed order is settled through its invoices; a cancelled one is over."""


def holds_money(order: SalesOrder) -> bool:
    """Money paid against ``order`` and not yet applied waits for the order's invoices."""
    return order.state in OPEN_ORDER_STATES


def held_for_orders(payments: Sequence[Payment], holding: Iterable[int]) -> dict[int, Money]:
    """Unapplied money of ``payments`` per order, for the orders in ``holding`` (the ids of
    orders that hold money)."""
    ids = set(holding)
    held: dict[int, Money] = {}
    for payment in payments:
        if payment.order_id in ids and payment.unallocated.minor > 0:
            order_id = payment.order_id or 0
            held[order_id] = held.get(order_id, Money.zero()) + payment.unallocated
    return held


def on_account(payments: Sequence[Payment], holding: Iterable[int]) -> list[Payment]:
    """The payments with money on account: unapplied and not held for an order in
    ``holding``; oldest received first (the order money is applied in)."""
    ids = set(holding)
    credits = [
        p
        for p in payments
        if p.unallocated.minor > 0 and (p.order_id is None or p.order_id not in ids)
    ]
    return sorted(credits, key=lambda p: (p.received_on, p.number))


def on_account_by_customer(payments: Sequence[Payment], holding: Iterable[int]) -> dict[int, Money]:
    """Money on account per customer (payments of several customers)."""
    result: dict[int, Money] = {}
    for payment in on_account(payments, holding):
        result[payment.customer_id] = result.get(payment.customer_id, Money.zero()) + (
            payment.unallocated
        )
    return result


def total_unapplied(payments: Iterable[Payment]) -> Money:
    return sum((p.unallocated for p in payments), Money.zero())


def apply_money(credits: Sequence[Payment], invoices: Sequence[Invoice]) -> list[Invoice]:
    """Apply the unapplied money of ``credits`` (in the given order) to open ``invoices``,
    oldest due first.  Allocations are added to the payments and the invoices' paid amounts
    raised; returns the invoices that received money."""
    paid: dict[int, Invoice] = {}
    by_id = {invoice.id: invoice for invoice in invoices}
    for credit in credits:
        if credit.unallocated.minor <= 0:
            continue
        allocations = allocate(credit.unallocated, invoices)
        credit.allocations.extend(allocations)
        for allocation in allocations:
            paid[allocation.invoice_id] = by_id[allocation.invoice_id]
    return list(paid.values())


def apply_advances(advances: Sequence[Payment], invoice: Invoice) -> list[Invoice]:
    """Money held for the invoiced orders pays the new invoice first."""
    ordered = sorted(advances, key=lambda p: (p.received_on, p.number))
    return apply_money(ordered, [invoice])


def check_payable(order: SalesOrder | None, customer_id: int) -> SalesOrder:
    """The order a payment of ``customer_id`` is recorded against: the customer's, and in a
    state where the order workflow takes a payment (not a draft, cancelled, paid or closed)."""
    if order is None or order.customer_id != customer_id:
        raise FieldError(
            "order",
            QT_TRANSLATE_NOOP("errors", "The payment's order does not belong to this customer."),
        )
    if not order.may(OrderAction.PAY):
        raise StateError(
            QT_TRANSLATE_NOOP(
                "errors", "Order {number} is {state}: no payment can be recorded against it."
            ),
            number=order.number,
            state=ORDER_STATE_LABELS[order.state],
        )
    return order


def record_advance(order: SalesOrder, amount: Money) -> None:
    """Money received against the order: it is paid against it (held until invoiced)."""
    order.move(OrderAction.PAY, order.state)
    order.prepaid = order.prepaid + amount


def mark_invoiced(order: SalesOrder, delivery: Delivery) -> None:
    """The delivery's gross value is now invoiced (no longer counts as uninvoiced)."""
    if delivery.order_id != order.id:
        raise ValueError(f"delivery {delivery.number} is not of order {order.number}")
    order.invoiced = order.invoiced + delivery.totals.gross


def settle_order(
    order: SalesOrder, deliveries: Sequence[Delivery], invoices: Sequence[Invoice]
) -> None:
    """Move ``order`` on: shipped and every delivery invoiced → invoiced; invoiced and every
    invoice paid → paid.  ``deliveries`` and ``invoices`` are all of the order's."""
    settle_order_on(order, [d.invoice_id for d in deliveries], invoices)


def settle_order_on(
    order: SalesOrder, delivery_invoices: Sequence[int | None], invoices: Sequence[Invoice]
) -> None:
    """:func:`settle_order` from the invoice each of the order's deliveries is on (``None``
    while it is not invoiced): all that it reads of a delivery."""
    all_invoiced = bool(delivery_invoices) and all(i is not None for i in delivery_invoices)
    if order.state == OrderState.SHIPPED and all_invoiced:
        order.move(OrderAction.INVOICE)
    if order.state == OrderState.INVOICED and all(i.is_paid for i in invoices):
        order.move(OrderAction.PAY, OrderState.PAID)


@dataclass(frozen=True)
class PaymentPreview:
    """What recording a payment will do with its amount (``applied + held + surplus``)."""

    amount: Money
    applied: Money
    """Pays open invoices at once."""
    held: Money
    """Held for the order until it is invoiced (what the order still needs)."""
    surplus: Money
    """More than is open: stays with the customer as credit on account (or, paid against an
    open order, beyond its value: held with it and on account once it is invoiced)."""

    @property
    def is_overpayment(self) -> bool:
        return self.surplus.minor > 0


def _up_to(amount: Money, limit: Money) -> Money:
    return max(Money.zero(), min(amount, limit))


def preview_payment(
    amount: Money,
    customer_open: Money,
    money_on_account: Money,
    order_open: Money | None = None,
    order_need: Money | None = None,
) -> PaymentPreview:
    """What a payment of ``amount`` does, step by step as it is recorded.

    ``customer_open``: all open invoices of the customer; ``money_on_account``: the customer's
    money on account before this payment.  For a payment against an order: ``order_open``,
    what that order's invoices still want; ``order_need``, when the order holds money, its
    uninvoiced value less what is held for it already (``None``: the order holds nothing).

    1. Against an order, the payment pays the order's open invoices.
    2. While the order holds money, the rest is held for it, up to what it still needs.
    3. Otherwise the rest is money on account: it pays the customer's other open invoices,
       after the money already on account (which is older).
    What is left is the surplus.
    """
    applied = _up_to(amount, order_open or Money.zero())
    rest = amount - applied
    if order_need is not None:
        held = _up_to(rest, order_need)
        return PaymentPreview(amount, applied, held, rest - held)
    still_open = customer_open - applied - money_on_account
    more = _up_to(rest, still_open)
    return PaymentPreview(amount, applied + more, Money.zero(), rest - more)


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


# --- credits from red invoices, and refunds -------------------------------------------------


def red_credit(
    number: str, customer_id: int, blue: Invoice, gross: Money, day: date, user: str, at: datetime
) -> Payment:
    """The credit an issued red invoice grants, as a payment-like row of method "credit"
    numbered like the red invoice: it first pays what the blue invoice still wants; the rest
    is money on account, which pays the next invoice or is refunded."""
    credit = Payment(
        number=number,
        customer_id=customer_id,
        received_on=day,
        amount=gross,
        method=CREDIT_METHOD,
        posted_by=user,
        posted_at=at,
        reference=blue.number,
    )
    credit.allocations = allocate(gross, [blue]) if blue.open_amount.minor > 0 else []
    return credit


@dataclass(eq=False)
class Refund:
    """Money paid back to a customer out of its money on account (退款)."""

    number: str
    customer_id: int
    refunded_on: date
    amount: Money
    method: str
    posted_by: str
    posted_at: datetime
    reference: str = ""
    id: int | None = None


def clean_refund(
    amount: object, method: str, reference: str, money_on_account: Money
) -> tuple[Money, str, str]:
    """A refund: more than zero, at most the customer's money on account."""
    money = payment_amount(amount)
    if method not in REFUND_METHODS:
        raise FieldError(
            "method",
            QT_TRANSLATE_NOOP("errors", "The refund is paid by one of {methods}."),
            methods=", ".join(REFUND_METHODS),
        )
    if money > money_on_account:
        raise FieldError(
            "amount",
            QT_TRANSLATE_NOOP(
                "errors",
                "At most {available} can be refunded: that is the customer's money on account.",
            ),
            available=str(money_on_account),
        )
    return money, method, v.optional_text(reference, "reference", 60)


def refund_from(credits: Sequence[Payment], amount: Money) -> list[tuple[Payment, Money]]:
    """Which money on account a refund pays back: the newest first (the oldest money keeps
    paying invoices first).  Each payment gets an allocation naming the refund."""
    left = amount
    taken: list[tuple[Payment, Money]] = []
    for credit in sorted(credits, key=lambda p: (p.received_on, p.number), reverse=True):
        if left.minor <= 0:
            break
        take = min(left, credit.unallocated)
        if take.minor > 0:
            taken.append((credit, take))
            left = left - take
    if left.minor > 0:
        raise ValueError("refund larger than the money on account")
    return taken
