"""Invoicing and receivables use cases: blue invoices, payments, open balances, ageing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from retailerp.domain import credit, invoicing
from retailerp.domain.credit import Overdue
from retailerp.domain.errors import FieldError
from retailerp.domain.fulfilment import Delivery
from retailerp.domain.invoicing import Invoice, Payment, PaymentAllocation, PaymentPreview, Refund
from retailerp.domain.money import Money
from retailerp.domain.numbering import DocumentType
from retailerp.domain.sales import SalesOrder
from retailerp.domain.text import QT_TRANSLATE_NOOP, Term
from retailerp.persistence import queries
from retailerp.persistence.queries import InvoiceRow, Page
from retailerp.persistence.unit_of_work import UnitOfWork, now, read, write
from retailerp.services.context import ServiceContext, not_found
from retailerp.services.door import door
from retailerp.services.settings import load_settings

INVOICE = Term(QT_TRANSLATE_NOOP("terms", "Invoice"))
CUSTOMER = Term(QT_TRANSLATE_NOOP("terms", "Customer"))
PAYMENT = Term(QT_TRANSLATE_NOOP("terms", "Payment"))


@dataclass(frozen=True)
class CustomerPosition:
    """What the order form and the customer card show about a customer's money."""

    customer_id: int
    code: str
    name: str
    abc_class: str
    credit_limit: Money
    open_balance: Money
    """Open invoices."""
    on_account: Money
    """Money received and not applied, not held for an open order (the customer's credit)."""
    held_for_orders: Money
    """Paid against open orders, waiting for their invoices."""
    open_orders: Money
    """Open orders' uninvoiced value less what is held for them (credit exposure, term 3)."""
    overdue: Overdue
    review_overdue: bool
    active: bool

    @property
    def balance(self) -> Money:
        """What the customer owes: open invoices less money on account (negative = the
        customer is in credit)."""
        return self.open_balance - self.on_account

    @property
    def exposure(self) -> Money:
        return self.balance + self.open_orders


@dataclass(frozen=True)
class AgeingRow:
    customer_id: int
    code: str
    name: str
    buckets: dict[str, Money]
    on_account: Money = field(default_factory=Money.zero)
    """Money on account (a credit: it lowers the total)."""

    @property
    def total(self) -> Money:
        return sum(self.buckets.values(), Money.zero()) - self.on_account


class InvoiceService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @door
    def page(self, page: Page) -> list[InvoiceRow]:
        """A page of the invoice list (filters: open, customer_id, dates)."""
        return read(self.ctx.db, lambda uow: queries.invoice_page(uow.session, page))

    @door
    def invoice(self, delivery_ids: Sequence[int]) -> Invoice:
        """One blue invoice for one or more deliveries of a customer.  Money held for the
        invoiced orders pays it first, then the customer's money on account pays the oldest
        open invoices."""

        def work(uow: UnitOfWork) -> Invoice:
            deliveries = uow.sales.deliveries(delivery_ids)
            if len(deliveries) != len(set(delivery_ids)):
                raise FieldError(
                    "deliveries",
                    QT_TRANSLATE_NOOP("errors", "Some of the chosen deliveries do not exist."),
                )
            invoicing.check_invoiceable(deliveries)
            uow.sales.lock_money(deliveries[0].customer_id)
            customer = uow.customers.get(deliveries[0].customer_id)
            assert customer is not None
            today = self.ctx.today()
            invoice = invoicing.make_invoice(
                uow.documents.next_number(DocumentType.INVOICE, today.year),
                deliveries,
                today,
                customer.payment_terms_days,
                self.ctx.actor.username,
                now(),
                uow.returns.returned(line.id or 0 for d in deliveries for line in d.lines),
            )
            uow.sales.add(invoice)
            for delivery in deliveries:
                delivery.invoice_id = invoice.id
            uow.flush()  # what settling the orders reads: their deliveries' invoices
            uow.customers.add_revenue(customer.id or 0, today, invoice.net, invoice.number)
            # Nothing read until the orders are settled depends on their own pending
            # change, so each order is written once: invoiced amount and new state together.
            # The money held for the orders and the customer's money on account are read in
            # one statement: what advances() and unapplied_payments() would each return.
            with uow.session.no_autoflush:
                orders = _orders_invoiced(uow, deliveries)
                order_ids = {o.id or 0 for o in orders}
                money = uow.sales.unapplied_for(invoice.customer_id, sorted(order_ids))
                advances = [p for p in money if p.order_id in order_ids]
                invoicing.apply_advances([p for p in advances if p.unallocated.minor > 0], invoice)
                _settle_orders(uow, orders, flush=False)
            own = [p for p in money if p.customer_id == invoice.customer_id]
            paid = apply_on_account(uow, invoice.customer_id, own)
            _settle_orders(uow, _orders_of(uow, paid))
            uow.flush()
            uow.audit(
                self.ctx.actor,
                "invoice.create",
                "invoice",
                invoice.number,
                deliveries=[d.number for d in deliveries],
                gross=invoice.gross,
                credit_applied=[i.number for i in paid],
            )
            return invoice

        return write(self.ctx.db, work)

    @door
    def record_payment(
        self,
        customer_id: int,
        amount: object,
        method: str = "bank",
        reference: str = "",
        order_id: int | None = None,
    ) -> Payment:
        """Money received.  Against an order (prepaid / cash on delivery) it pays that
        order's open invoices and the rest is held for the order until it is invoiced;
        otherwise it is money on account and pays open invoices oldest first (after older
        money on account).  :meth:`preview_payment` says beforehand what it will do."""
        money, method, reference = invoicing.clean_payment(amount, method, reference)

        def work(uow: UnitOfWork) -> Payment:
            uow.sales.lock_money(customer_id)
            if uow.customers.get(customer_id) is None:
                raise not_found(CUSTOMER, customer_id)
            payment = Payment(
                number=uow.documents.next_number(DocumentType.PAYMENT, self.ctx.today().year),
                customer_id=customer_id,
                received_on=self.ctx.today(),
                amount=money,
                method=method,
                posted_by=self.ctx.actor.username,
                posted_at=now(),
                reference=reference,
                order_id=order_id,
            )
            orders: list[SalesOrder] = []
            if order_id is not None:
                order = invoicing.check_payable(uow.sales.order(order_id), customer_id)
                invoicing.record_advance(order, money)
                targets = [i for i in uow.sales.invoices_of_order(order_id) if not i.is_paid]
                payment.allocations = invoicing.allocate(money, targets)
                orders.append(order)
            # The new payment is written once, with what it pays: the money on account is
            # read before it is inserted and it is counted in (it is the customer's too).
            uow.sales.add(payment, flush=False)
            with uow.session.no_autoflush:
                known = uow.sales.unapplied_payments(customer_id)
                paid = apply_on_account(uow, customer_id, [*known, payment])
            _settle_orders(uow, orders + _orders_of(uow, paid))
            uow.flush()
            uow.audit(
                self.ctx.actor,
                "payment.record",
                "payment",
                payment.number,
                customer=customer_id,
                amount=money,
                order=order_id,
                allocated=[a.amount for a in payment.allocations],
                unapplied=payment.unallocated,
            )
            return payment

        return write(self.ctx.db, work)

    @door
    def preview_payment(
        self, customer_id: int, amount: object, order_id: int | None = None
    ) -> PaymentPreview:
        """What :meth:`record_payment` would do with ``amount``: how much pays open
        invoices, how much is held for the order, and how much is more than is open."""
        money = invoicing.payment_amount(amount)

        def work(uow: UnitOfWork) -> PaymentPreview:
            if uow.customers.get(customer_id) is None:
                raise not_found(CUSTOMER, customer_id)
            invoices = uow.sales.open_invoices(customer_id)
            payments = uow.sales.unapplied_payments(customer_id)
            holding = credit.holding_ids(uow.sales.open_orders(customer_id))
            on_account = credit.money_on_account(payments, holding)
            if order_id is None:
                return invoicing.preview_payment(money, credit.open_invoices(invoices), on_account)
            order = invoicing.check_payable(uow.sales.order(order_id), customer_id)
            order_open = credit.open_invoices(uow.sales.invoices_of_order(order_id))
            need = None
            if invoicing.holds_money(order):
                held = invoicing.held_for_orders(payments, [order_id]).get(order_id, Money(0))
                need = order.uninvoiced - held
            return invoicing.preview_payment(
                money, credit.open_invoices(invoices), on_account, order_open, need
            )

        return read(self.ctx.db, work)

    @door
    def apply_credit(self, customer_id: int) -> list[Invoice]:
        """Apply the customer's money on account to its open invoices, oldest first (on
        demand; it also happens whenever an invoice is posted or money received).  Returns
        the invoices that received money."""

        def work(uow: UnitOfWork) -> list[Invoice]:
            uow.sales.lock_money(customer_id)
            if uow.customers.get(customer_id) is None:
                raise not_found(CUSTOMER, customer_id)
            paid = apply_on_account(uow, customer_id)
            _settle_orders(uow, _orders_of(uow, paid))
            uow.flush()
            if paid:
                uow.audit(
                    self.ctx.actor,
                    "payment.apply",
                    "customer",
                    str(customer_id),
                    invoices=[i.number for i in paid],
                )
            return paid

        return write(self.ctx.db, work)

    @door
    def refund(
        self, customer_id: int, amount: object, method: str = "bank", reference: str = ""
    ) -> Refund:
        """Pay money back to the customer (退款) out of its money on account, at most all of
        it: the newest money on account is paid back first."""

        def work(uow: UnitOfWork) -> Refund:
            uow.sales.lock_money(customer_id)
            if uow.customers.get(customer_id) is None:
                raise not_found(CUSTOMER, customer_id)
            payments = uow.sales.unapplied_payments(customer_id)
            holding = credit.holding_ids(uow.sales.open_orders(customer_id))
            credits = invoicing.on_account(payments, holding)
            money, method_, ref = invoicing.clean_refund(
                amount, method, reference, invoicing.total_unapplied(credits)
            )
            return pay_back(uow, self.ctx, customer_id, money, method_, ref, credits)

        return write(self.ctx.db, work)

    @door
    def refunds_of(self, customer_id: int) -> list[Refund]:
        return read(self.ctx.db, lambda uow: uow.red_invoices.refunds_of(customer_id))

    @door
    def get(self, number: str) -> Invoice:
        def work(uow: UnitOfWork) -> Invoice:
            invoice = uow.sales.invoice_by_number(number)
            if invoice is None:
                raise not_found(INVOICE, number)
            return invoice

        return read(self.ctx.db, work)

    @door
    def get_payment(self, number: str) -> Payment:
        """A payment with its allocations."""

        def work(uow: UnitOfWork) -> Payment:
            payment = uow.sales.payment_by_number(number)
            if payment is None:
                raise not_found(PAYMENT, number)
            return payment

        return read(self.ctx.db, work)

    @door
    def uninvoiced_deliveries(self, customer_id: int) -> list:
        return read(self.ctx.db, lambda uow: uow.sales.uninvoiced_deliveries(customer_id))

    @door
    def position(self, customer_id: int) -> CustomerPosition:
        """Class, credit limit, open invoices, money on account and held for orders, open
        orders, what is overdue beyond the grace, and the review status of a customer."""

        def work(uow: UnitOfWork) -> CustomerPosition:
            c = uow.customers.get(customer_id)
            if c is None:
                raise not_found(CUSTOMER, customer_id)
            settings = load_settings(uow)
            payments = uow.sales.unapplied_payments(customer_id)
            orders = uow.sales.open_orders(customer_id)
            check = credit.credit_check(
                c.credit_limit,
                uow.sales.open_invoices(customer_id),
                payments,
                orders,
                None,
                self.ctx.today(),
                settings.overdue_grace_days,
            )
            held = invoicing.held_for_orders(payments, credit.holding_ids(orders))
            return CustomerPosition(
                customer_id,
                c.code,
                c.name,
                c.abc_class.value,
                c.credit_limit,
                check.open_invoices,
                check.on_account,
                sum(held.values(), Money.zero()),
                check.open_orders,
                check.overdue,
                settings.review.is_due(c, self.ctx.today()),
                c.is_active,
            )

        return read(self.ctx.db, work)

    @door
    def ageing(self, today: date | None = None) -> list[AgeingRow]:
        """Open invoice amounts per customer in ageing buckets by due date, with each
        customer's money on account as a credit (a customer only in credit has a negative
        line)."""
        day = today or self.ctx.today()

        def work(uow: UnitOfWork) -> list[AgeingRow]:
            rows: dict[int, AgeingRow] = {}
            for cid, code, name, due, open_amount in queries.open_invoice_amounts(uow.session):
                row = rows.setdefault(cid, AgeingRow(cid, code, name, {}))
                bucket = invoicing.ageing_bucket(due, day)
                row.buckets[bucket] = row.buckets.get(bucket, Money.zero()) + open_amount
            for cid, amount in _on_account_by_customer(uow).items():
                row = rows.get(cid) or _empty_row(uow, cid)
                rows[cid] = replace(row, on_account=amount)
            return sorted(rows.values(), key=lambda r: (-r.total.minor, r.code))

        return read(self.ctx.db, work)


def _empty_row(uow: UnitOfWork, customer_id: int) -> AgeingRow:
    customer = uow.customers.get(customer_id)
    assert customer is not None
    return AgeingRow(customer_id, customer.code, customer.name, {})


def _on_account_by_customer(uow: UnitOfWork) -> dict[int, Money]:
    payments = uow.sales.unapplied_payments()
    orders = uow.sales.orders(p.order_id for p in payments if p.order_id is not None)
    return invoicing.on_account_by_customer(payments, credit.holding_ids(orders))


def apply_on_account(
    uow: UnitOfWork, customer_id: int, payments: Sequence[Payment] | None = None
) -> list[Invoice]:
    """The customer's money on account pays its open invoices; the invoices paid.
    ``payments`` are the customer's payments with money unapplied when the caller has them
    (``unapplied_payments``, with any it has not written yet); else they are read."""
    if payments is None:
        payments = uow.sales.unapplied_payments(customer_id)
    payments = [p for p in payments if p.unallocated.minor > 0]
    if not payments:
        return []
    credits = invoicing.on_account(payments, _holding(uow, customer_id, payments))
    if not credits:
        return []
    # Read under no_autoflush too, an invoice paid in full but not written yet may still
    # come: allocate() gives it nothing (it takes at most what is open).
    return invoicing.apply_money(credits, uow.sales.open_invoices(customer_id))


def _holding(uow: UnitOfWork, customer_id: int, payments: Sequence[Payment]) -> set[int]:
    """Of the orders these payments were made against, the customer's open orders that
    hold money (what ``holding_ids(open_orders(customer))`` says of them): the orders the
    session has are not read again, and no order is read when no payment names one."""
    ids = {p.order_id for p in payments if p.order_id is not None}
    if not ids:
        return set()
    orders = uow.sales.orders_by_ids(ids)  # holding_ids applies the domain's open states
    return credit.holding_ids(o for o in orders if o.customer_id == customer_id)


def _orders_of(uow: UnitOfWork, invoices: Sequence[Invoice]) -> list[SalesOrder]:
    return [o for i in invoices for o in uow.sales.orders_of_invoice(i.id or 0)]


def _orders_invoiced(uow: UnitOfWork, deliveries: Sequence[Delivery]) -> list[SalesOrder]:
    orders: dict[int, SalesOrder] = {}
    for delivery in deliveries:
        order = uow.sales.order(delivery.order_id)
        assert order is not None
        invoicing.mark_invoiced(order, delivery)
        orders[order.id or 0] = order
    return list(orders.values())


def _settle_orders(uow: UnitOfWork, orders: Sequence[SalesOrder], flush: bool = True) -> None:
    """Let the domain move each order on from its deliveries and invoices (read from the
    database: flushed first, unless the caller has written what they depend on)."""
    if not orders:
        return
    if flush:
        uow.flush()
    for order in {o.id: o for o in orders}.values():
        on = [invoice for _delivery, invoice in uow.sales.delivery_invoices(order.id or 0)]
        invoices = uow.sales.invoices(i for i in on if i is not None)
        invoicing.settle_order_on(order, on, invoices)


def settle_orders(uow: UnitOfWork, orders: Sequence[SalesOrder]) -> None:
    """Move orders on after a change elsewhere (an order closed short may now be invoiced
    in full, or paid); money they no longer hold goes on account and pays open invoices."""
    customers = sorted({o.customer_id for o in orders})
    for customer_id in customers:
        uow.sales.lock_money(customer_id)
    _settle_orders(uow, orders)
    for customer_id in customers:
        _settle_orders(uow, _orders_of(uow, apply_on_account(uow, customer_id)))


def settle_paid(uow: UnitOfWork, invoices: Sequence[Invoice]) -> None:
    """Move on the orders of invoices that just received money (or credit)."""
    _settle_orders(uow, _orders_of(uow, invoices))


def pay_back(
    uow: UnitOfWork,
    ctx: ServiceContext,
    customer_id: int,
    money: Money,
    method: str,
    reference: str,
    credits: Sequence[Payment],
) -> Refund:
    """The refund step (退款, ``RF`` series) inside the caller's transaction: ``money``
    (checked by ``invoicing.clean_refund``) is paid back out of ``credits``, newest first,
    each paying payment getting an allocation that names the refund."""
    refund = Refund(
        number=uow.documents.next_number(DocumentType.REFUND, ctx.today().year),
        customer_id=customer_id,
        refunded_on=ctx.today(),
        amount=money,
        method=method,
        posted_by=ctx.actor.username,
        posted_at=now(),
        reference=reference,
    )
    uow.sales.add(refund)
    taken = invoicing.refund_from(credits, money)
    for payment, part in taken:
        payment.allocations.append(PaymentAllocation(None, part, refund_id=refund.id))
    uow.flush()
    uow.audit(
        ctx.actor,
        "refund.record",
        "refund",
        refund.number,
        customer=customer_id,
        amount=money,
        method=method,
        from_payments={p.number: part for p, part in taken},
    )
    return refund
