"""Invoicing and receivables use cases: blue invoices, payments, open balances, ageing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from retailerp.domain import invoicing
from retailerp.domain.errors import FieldError, StateError
from retailerp.domain.invoicing import Invoice, Payment
from retailerp.domain.money import Money
from retailerp.domain.numbering import DocumentType
from retailerp.domain.sales import OrderAction, OrderState, SalesOrder
from retailerp.domain.security import Permission
from retailerp.domain.text import QT_TRANSLATE_NOOP, Term
from retailerp.persistence import queries
from retailerp.persistence.queries import InvoiceRow, Page
from retailerp.persistence.unit_of_work import UnitOfWork, now, read, write
from retailerp.services.context import ServiceContext, not_found
from retailerp.services.door import door
from retailerp.services.settings import load_settings

INVOICE = Term(QT_TRANSLATE_NOOP("terms", "Invoice"))
CUSTOMER = Term(QT_TRANSLATE_NOOP("terms", "Customer"))


@dataclass(frozen=True)
class CustomerPosition:
    """What the order form shows next to the customer."""

    customer_id: int
    code: str
    name: str
    abc_class: str
    credit_limit: Money
    open_balance: Money
    unallocated: Money
    open_orders: Money
    review_overdue: bool
    active: bool

    @property
    def balance(self) -> Money:
        """What the customer owes: open invoices less money received but not yet applied
        (negative = the customer is in credit)."""
        return self.open_balance - self.unallocated


@dataclass(frozen=True)
class AgeingRow:
    customer_id: int
    code: str
    name: str
    buckets: dict[str, Money]

    @property
    def total(self) -> Money:
        return sum(self.buckets.values(), Money.zero())


class InvoiceService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @door
    def page(self, page: Page) -> list[InvoiceRow]:
        """A page of the invoice list (filters: open, customer_id, dates)."""
        return read(self.ctx.db, lambda uow: queries.invoice_page(uow.session, page))

    @door
    def invoice(self, delivery_ids: Sequence[int]) -> Invoice:
        """One blue invoice for one or more deliveries of a customer."""
        self.ctx.actor.require(Permission.INVOICE)

        def work(uow: UnitOfWork) -> Invoice:
            deliveries = uow.sales.deliveries(delivery_ids)
            if len(deliveries) != len(set(delivery_ids)):
                raise FieldError(
                    "deliveries",
                    QT_TRANSLATE_NOOP("errors", "Some of the chosen deliveries do not exist."),
                )
            invoicing.check_invoiceable(deliveries)
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
            )
            uow.sales.add(invoice)
            for delivery in deliveries:
                delivery.invoice_id = invoice.id
            uow.customers.add_revenue(customer.id or 0, today, invoice.net, invoice.number)
            orders = _orders_invoiced(uow, deliveries)
            _apply_advances(uow, orders, invoice)
            _settle_orders(uow, orders)
            uow.flush()
            uow.audit(
                self.ctx.actor,
                "invoice.create",
                "invoice",
                invoice.number,
                deliveries=[d.number for d in deliveries],
                gross=invoice.gross,
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
        """Money received.  Against an order (prepaid / cash on delivery) it is held for that
        order and applied when it is invoiced; otherwise it pays open invoices oldest first."""
        self.ctx.actor.require(Permission.RECORD_PAYMENTS)
        money, method, reference = invoicing.clean_payment(amount, method, reference)

        def work(uow: UnitOfWork) -> Payment:
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
            if order_id is not None:
                order = _payable_order(uow, order_id, customer_id)
                order.move(OrderAction.PAY, order.state)
                order.prepaid = order.prepaid + money
                targets = [i for i in uow.sales.invoices_of_order(order_id) if not i.is_paid]
                orders = [order]
            else:
                targets = uow.sales.open_invoices(customer_id)
                orders = []
            payment.allocations = invoicing.allocate(money, targets)
            uow.sales.add(payment)
            for allocation in payment.allocations:
                orders += uow.sales.orders_of_invoice(allocation.invoice_id)
            _settle_orders(uow, orders)
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
            )
            return payment

        return write(self.ctx.db, work)

    @door
    def get(self, number: str) -> Invoice:
        def work(uow: UnitOfWork) -> Invoice:
            invoice = uow.sales.invoice_by_number(number)
            if invoice is None:
                raise not_found(INVOICE, number)
            return invoice

        return read(self.ctx.db, work)

    @door
    def uninvoiced_deliveries(self, customer_id: int) -> list:
        return read(self.ctx.db, lambda uow: uow.sales.uninvoiced_deliveries(customer_id))

    @door
    def position(self, customer_id: int) -> CustomerPosition:
        """Class, credit limit, open balance and review status of a customer."""

        def work(uow: UnitOfWork) -> CustomerPosition:
            c = uow.customers.get(customer_id)
            if c is None:
                raise not_found(CUSTOMER, customer_id)
            review = load_settings(uow).review
            return CustomerPosition(
                customer_id,
                c.code,
                c.name,
                c.abc_class.value,
                c.credit_limit,
                uow.sales.open_balance(customer_id),
                uow.sales.unallocated_payments(customer_id),
                uow.sales.uninvoiced_orders(customer_id),
                review.is_due(c, self.ctx.today()),
                c.is_active,
            )

        return read(self.ctx.db, work)

    @door
    def ageing(self, today: date | None = None) -> list[AgeingRow]:
        """Open invoice amounts per customer in ageing buckets by due date."""
        day = today or self.ctx.today()

        def work(uow: UnitOfWork) -> list[AgeingRow]:
            rows: dict[int, AgeingRow] = {}
            for cid, code, name, due, open_amount in queries.open_invoice_amounts(uow.session):
                row = rows.setdefault(cid, AgeingRow(cid, code, name, {}))
                bucket = invoicing.ageing_bucket(due, day)
                row.buckets[bucket] = row.buckets.get(bucket, Money.zero()) + open_amount
            return sorted(rows.values(), key=lambda r: (-r.total.minor, r.code))

        return read(self.ctx.db, work)


def _payable_order(uow: UnitOfWork, order_id: int, customer_id: int) -> SalesOrder:
    order = uow.sales.order(order_id)
    if order is None or order.customer_id != customer_id:
        raise FieldError(
            "order",
            QT_TRANSLATE_NOOP("errors", "The payment's order does not belong to this customer."),
        )
    if order.state in (OrderState.DRAFT, OrderState.CANCELLED, OrderState.CLOSED):
        raise StateError(
            QT_TRANSLATE_NOOP(
                "errors", "Order {number} is {state}: no payment can be recorded against it."
            ),
            number=order.number,
            state=order.state.value,
        )
    return order


def _orders_invoiced(uow: UnitOfWork, deliveries: Sequence) -> list[SalesOrder]:
    orders: dict[int, SalesOrder] = {}
    for delivery in deliveries:
        order = uow.sales.order(delivery.order_id)
        assert order is not None
        order.invoiced = order.invoiced + delivery.totals.gross
        orders[order.id or 0] = order
    return list(orders.values())


def _apply_advances(uow: UnitOfWork, orders: Sequence[SalesOrder], invoice: Invoice) -> None:
    """Money paid against these orders before invoicing now pays the invoice."""
    for advance in uow.sales.advances([o.id or 0 for o in orders]):
        advance.allocations.extend(invoicing.allocate(advance.unallocated, [invoice]))


def _settle_orders(uow: UnitOfWork, orders: Sequence[SalesOrder]) -> None:
    """Move orders on: shipped and all invoiced → invoiced; invoiced and all paid → paid."""
    for order in {o.id: o for o in orders}.values():
        deliveries = uow.sales.deliveries_of_order(order.id or 0)
        all_invoiced = bool(deliveries) and all(d.invoice_id for d in deliveries)
        if order.state == OrderState.SHIPPED and all_invoiced:
            order.move(OrderAction.INVOICE)
        if order.state == OrderState.INVOICED:
            uow.flush()
            if all(i.is_paid for i in uow.sales.invoices_of_order(order.id or 0)):
                order.move(OrderAction.PAY, OrderState.PAID)


def settle_orders(uow: UnitOfWork, orders: Sequence[SalesOrder]) -> None:
    """Move orders on after a change elsewhere (an order closed short may now be invoiced
    in full, or paid)."""
    _settle_orders(uow, orders)
