"""Credit exposure (授信占用) and the credit check at confirmation.

A customer's **exposure** is what it would owe us if everything it has ordered were invoiced
today, less the money it has already given us.  It is the sum of four terms, each of which
counts a sum of money once:

1. **Open invoices** — gross less what has been applied, over every invoice of the customer.
2. **less money on account** — money received and not applied to any invoice that is not
   held for an open order: payments on account, overpayments, and what is left of a payment
   against an order that has since been fully invoiced, cancelled or closed
   (:func:`~retailerp.domain.invoicing.on_account`).  It is the customer's credit and can make
   the exposure negative.
3. **plus other open orders** — every other order in
   :data:`~retailerp.domain.invoicing.OPEN_ORDER_STATES` (confirmed, picking, partly shipped,
   shipped: a commitment not yet fully invoiced) contributes its uninvoiced gross value (what
   was closed short is out) less the money held for it (paid against it and not yet applied).
   A draft is not a commitment yet; an invoiced, paid or closed order is in term 1 through its
   invoices; a cancelled order counts for nothing.
4. **plus this order** — the same for the order being checked: its uninvoiced gross value less
   the money held for it.  A draft being confirmed counts in full (nothing can be paid against
   a draft); an order that is no longer open counts nothing here.

Money paid against an open order is in term 3 or 4 and never in term 2; once the order is
invoiced that money pays its invoice (term 1 falls) and what is left goes on account (term 2).
So a fully prepaid order has an exposure of zero.  An order paid beyond its value contributes
a negative amount: the surplus is the customer's money.

**Overdue beyond the grace.**  An invoice with an open amount more than ``grace_days`` days
after its due date (the shop setting ``overdue_grace_days``, 30 by default; 0 = any overdue
invoice) refuses confirmation just as an exceeded limit does; an owner may confirm anyway with
a recorded reason.  Money on account is applied as soon as there is an invoice to pay, so an
invoice is not left overdue while the customer is in credit.

The check applies to orders sold on credit; prepaid orders do not ship before they are paid.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from retailerp.domain.errors import FieldError, OverridableRefusal
from retailerp.domain.money import Money
from retailerp.domain.sales import OrderState
from retailerp.domain.text import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from retailerp.domain.invoicing import Invoice, Payment
    from retailerp.domain.sales import SalesOrder

# domain.invoicing is imported where the terms are worked out: the shop's settings read the
# grace rule below at every start, long before anything is invoiced or checked

DEFAULT_GRACE_DAYS = 30
MAX_GRACE_DAYS = 3650


@dataclass(frozen=True)
class Overdue:
    """The customer's invoices overdue beyond the grace: their open amount and the oldest."""

    amount: Money = field(default_factory=Money.zero)
    oldest_invoice: str = ""
    oldest_days: int = 0

    def __bool__(self) -> bool:
        return self.amount.minor > 0


@dataclass(frozen=True)
class CreditCheck:
    """The four terms of the exposure (see the module), the limit and what is overdue."""

    limit: Money
    open_invoices: Money
    on_account: Money
    open_orders: Money
    this_order: Money
    overdue: Overdue = field(default_factory=Overdue)
    grace_days: int = DEFAULT_GRACE_DAYS

    @property
    def open_balance(self) -> Money:
        """What the customer owes now: open invoices less money on account."""
        return self.open_invoices - self.on_account

    @property
    def exposure(self) -> Money:
        return self.open_balance + self.open_orders + self.this_order

    @property
    def exceeded(self) -> bool:
        return self.exposure > self.limit

    @property
    def refused(self) -> bool:
        return self.exceeded or bool(self.overdue)

    def refusal(self, number: str) -> OverridableRefusal | None:
        """Why order ``number`` may not be confirmed on credit, or None."""
        if self.exceeded and self.overdue:
            return OverridableRefusal(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "Order {number} would take the customer to {exposure} against a credit "
                    "limit of {limit} (open invoices {balance}, open orders {orders}), and "
                    "{overdue} is overdue by more than {grace} days (invoice {invoice}, {days} "
                    "days). An owner may confirm it anyway, with a reason.",
                ),
                **self._limit_params(number),
                **self._overdue_params(),
                field="customer",
            )
        if self.exceeded:
            return OverridableRefusal(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "Order {number} would take the customer to {exposure} against a credit "
                    "limit of {limit} (open invoices {balance}, open orders {orders}). An owner "
                    "may confirm it anyway, with a reason.",
                ),
                **self._limit_params(number),
                field="customer",
            )
        if self.overdue:
            return OverridableRefusal(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "Order {number} cannot be confirmed: the customer has {overdue} overdue by "
                    "more than {grace} days (invoice {invoice}, {days} days). An owner may "
                    "confirm it anyway, with a reason.",
                ),
                number=number,
                **self._overdue_params(),
                field="customer",
            )
        return None

    def _limit_params(self, number: str) -> dict[str, str]:
        return {
            "number": number,
            "exposure": str(self.exposure),
            "limit": str(self.limit),
            "balance": str(self.open_balance),
            "orders": str(self.open_orders),
        }

    def _overdue_params(self) -> dict[str, object]:
        return {
            "overdue": str(self.overdue.amount),
            "grace": self.grace_days,
            "invoice": self.overdue.oldest_invoice,
            "days": self.overdue.oldest_days,
        }


# --- the terms ------------------------------------------------------------------------------


def open_invoices(invoices: Iterable[Invoice]) -> Money:
    """Term 1: what the invoices still want (fully paid ones add nothing)."""
    return sum((max(i.open_amount, Money.zero()) for i in invoices), Money.zero())


def money_on_account(payments: Sequence[Payment], holding: Iterable[int]) -> Money:
    """Term 2: unapplied money not held for one of the orders in ``holding`` (the ids of the
    orders that hold money, :func:`holding_ids`)."""
    from retailerp.domain.invoicing import on_account, total_unapplied

    return total_unapplied(on_account(payments, holding))


def order_exposure(order: SalesOrder, held: Money) -> Money:
    """Terms 3 and 4, per order: uninvoiced value less the money held for it, while the
    order is open (or a draft being confirmed); nothing otherwise."""
    from retailerp.domain.invoicing import holds_money

    if holds_money(order) or order.state == OrderState.DRAFT:
        return order.uninvoiced - held
    return Money.zero()


def holding_ids(orders: Iterable[SalesOrder]) -> set[int]:
    """The ids of those ``orders`` that hold money paid against them."""
    from retailerp.domain.invoicing import holds_money

    return {o.id or 0 for o in orders if holds_money(o)}


def overdue_beyond(invoices: Iterable[Invoice], today: date, grace_days: int) -> Overdue:
    """Open invoices more than ``grace_days`` past their due date."""
    late = [
        i for i in invoices if i.open_amount.minor > 0 and (today - i.due_date).days > grace_days
    ]
    if not late:
        return Overdue()
    oldest = min(late, key=lambda i: (i.due_date, i.number))
    return Overdue(
        sum((i.open_amount for i in late), Money.zero()),
        oldest.number,
        (today - oldest.due_date).days,
    )


def credit_check(
    limit: Money,
    invoices: Sequence[Invoice],
    payments: Sequence[Payment],
    orders: Sequence[SalesOrder],
    this: SalesOrder | None,
    today: date,
    grace_days: int = DEFAULT_GRACE_DAYS,
) -> CreditCheck:
    """The customer's credit position from its invoices, payments and open orders, with
    ``this`` order counted in (term 4) and left out of the other orders (term 3)."""
    from retailerp.domain.invoicing import held_for_orders

    others = [o for o in orders if this is None or o.id != this.id]
    holding = [*others, *([this] if this is not None else [])]
    held = held_for_orders(payments, holding_ids(holding))
    this_term = order_exposure(this, held.get(this.id or 0, Money.zero())) if this else Money.zero()
    return CreditCheck(
        limit=limit,
        open_invoices=open_invoices(invoices),
        on_account=money_on_account(payments, holding_ids(holding)),
        open_orders=sum(
            (order_exposure(o, held.get(o.id or 0, Money.zero())) for o in others),
            Money.zero(),
        ),
        this_order=this_term,
        overdue=overdue_beyond(invoices, today, grace_days),
        grace_days=grace_days,
    )


def grace_days(value: object, field_name: str = "overdue_grace_days") -> int:
    """The grace in whole days, 0 to 3650 (empty: the default of 30)."""
    if value in (None, ""):
        return DEFAULT_GRACE_DAYS
    text = str(value).strip()
    if not (text.isascii() and text.isdigit()):
        raise FieldError(field_name, QT_TRANSLATE_NOOP("errors", "Enter whole days, e.g. 30."))
    days = int(text)
    if days > MAX_GRACE_DAYS:
        raise FieldError(
            field_name,
            QT_TRANSLATE_NOOP("errors", "The grace for overdue invoices is 0 to {max} days."),
            max=MAX_GRACE_DAYS,
        )
    return days
