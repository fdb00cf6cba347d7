"""Order-to-cash use cases: orders, confirmation, picking, delivery, cancellation."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from retailerp.domain import fulfilment
from retailerp.domain import validation as v
from retailerp.domain.credit import credit_check
from retailerp.domain.customers import Customer
from retailerp.domain.errors import InsufficientStockError, StateError
from retailerp.domain.fulfilment import Delivery, PickingAction, PickingList
from retailerp.domain.invoicing import Invoice, Payment
from retailerp.domain.money import Money
from retailerp.domain.numbering import DocumentType
from retailerp.domain.red_invoices import RedInvoice
from retailerp.domain.sales import (
    CreditCheck,
    LineProgress,
    OrderAction,
    PaymentMode,
    ReservationLoss,
    SalesOrder,
    check_can_ship,
    check_transition,
    clean_order_header,
    clean_order_lines,
    confirmation_refusal,
    line_progress,
    reservation_losses,
    reserved_stock_refusal,
    shortages,
    stock_shortfall,
)
from retailerp.domain.security import Permission
from retailerp.domain.stock import CUSTOMERS, SALEABLE_KINDS, StockMove
from retailerp.domain.text import QT_TRANSLATE_NOOP, Term
from retailerp.persistence import queries
from retailerp.persistence.queries import DeliveryRow, OrderRow, Page
from retailerp.persistence.unit_of_work import UnitOfWork, now, read, write
from retailerp.services.context import ServiceContext, check_version, not_found
from retailerp.services.door import door
from retailerp.services.invoicing import settle_orders
from retailerp.services.settings import load_settings

ORDER = Term(QT_TRANSLATE_NOOP("terms", "Order"))
PICKING = Term(QT_TRANSLATE_NOOP("terms", "Picking list"))


@dataclass(frozen=True)
class OrderDocuments:
    """Everything that came of one order: picking lists, deliveries, invoices, payments."""

    pickings: list[PickingList] = field(default_factory=list)
    deliveries: list[Delivery] = field(default_factory=list)
    invoices: list[Invoice] = field(default_factory=list)
    payments: list[Payment] = field(default_factory=list)
    red_invoices: list[RedInvoice] = field(default_factory=list)
    """Red invoices against the order's invoices (voided ones too)."""
    exchange_for: str = ""
    """The return this order replaces at no charge (an exchange, 换货), by number."""
    exchanged_by: list[str] = field(default_factory=list)
    """Replacement orders sent for returns of this order's deliveries, by number."""

    @property
    def uninvoiced(self) -> list[Delivery]:
        return [d for d in self.deliveries if d.invoice_id is None]

    def open_invoiced(self) -> Money:
        """What the order's invoices still want."""
        return sum((i.open_amount for i in self.invoices), Money.zero())

    def amount_due(self, order: SalesOrder) -> Money:
        """What is still to be paid for the order: its open invoices once invoiced, else its
        total less what was paid against it."""
        return self.open_invoiced() if self.invoices else order.due_totals.gross - order.prepaid


class OrderService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # --- reading ---------------------------------------------------------------------

    @door
    def page(self, page: Page) -> list[OrderRow]:
        """A page of the order list (filters: state, customer_id, date_from, date_to)."""
        return read(self.ctx.db, lambda uow: queries.order_page(uow.session, page))

    @door
    def deliveries_page(self, page: Page) -> list[DeliveryRow]:
        """A page of the delivery list (filters: uninvoiced, customer_id, dates)."""
        return read(self.ctx.db, lambda uow: queries.delivery_page(uow.session, page))

    @door
    def get(self, order_id: int) -> SalesOrder:
        return read(self.ctx.db, lambda uow: self._load(uow, order_id, None))

    @door
    def by_number(self, number: str) -> SalesOrder:
        def work(uow: UnitOfWork) -> SalesOrder:
            order = uow.sales.order_by_number(number)
            if order is None:
                raise not_found(ORDER, number)
            return order

        return read(self.ctx.db, work)

    @door
    def free_stock(self, item_ids: Sequence[int]) -> dict[int, Decimal]:
        """On hand in the warehouse less what confirmed orders have reserved."""
        return read(self.ctx.db, lambda uow: uow.sales.free_stock(item_ids))

    @door
    def open_picking(self, order_id: int) -> PickingList | None:
        return read(self.ctx.db, lambda uow: uow.sales.open_picking(order_id))

    @door
    def documents(self, order_id: int) -> OrderDocuments:
        """Everything that came of an order: picking lists, deliveries, invoices, payments."""

        def work(uow: UnitOfWork) -> OrderDocuments:
            order = uow.sales.order(order_id)
            if order is None:
                return OrderDocuments()
            invoices = uow.sales.invoices_of_order(order_id)
            invoice_ids = {i.id for i in invoices}
            payments = uow.sales.payments_for(order_id, invoice_ids)
            deliveries = uow.sales.deliveries_of_order(order_id)
            return OrderDocuments(
                uow.sales.pickings_of_order(order_id),
                deliveries,
                invoices,
                payments,
                [r for i in invoices for r in uow.red_invoices.of_invoice(i.id or 0)],
                *_exchange_links(uow, order_id, deliveries),
            )

        return read(self.ctx.db, work)

    @door
    def deliveries_of(self, order_id: int) -> list[Delivery]:
        return read(self.ctx.db, lambda uow: uow.sales.deliveries_of_order(order_id))

    @door
    def credit_check(self, customer_id: int, order: SalesOrder | None = None) -> CreditCheck:
        """The customer's credit position, with ``order`` counted in if given."""

        def work(uow: UnitOfWork) -> CreditCheck:
            customer = uow.customers.get(customer_id)
            if customer is None:
                raise not_found(Term(QT_TRANSLATE_NOOP("terms", "Customer")), customer_id)
            return _credit(uow, customer, order, self.ctx.today())

        return read(self.ctx.db, work)

    # --- drafts ----------------------------------------------------------------------

    @door
    def create(
        self,
        customer_id: int,
        header: Mapping[str, Any],
        lines: Sequence[Mapping[str, Any]],
        free_of_charge: bool = False,
        below_floor: bool = False,
    ) -> SalesOrder:
        """A new draft order (number taken now, so the clerk can quote it).
        ``free_of_charge`` (a complaint's free replacement) prices every line at 0, below
        the price floor; ``below_floor`` (a complaint's compensation, more goods for the same
        total) keeps the prices given though below the floor.  Both need the complaint
        permission too."""
        if free_of_charge or below_floor:
            self.ctx.actor.require(Permission.HANDLE_COMPLAINTS)
        if free_of_charge:
            lines = [{**line, "unit_price": "0", "price_includes_tax": False} for line in lines]
        today = self.ctx.today()
        clean = clean_order_header(header, today)

        def work(uow: UnitOfWork) -> SalesOrder:
            _active_customer(uow, customer_id)
            floor = Decimal(0) if free_of_charge or below_floor else load_settings(uow).price_floor
            items = uow.items.by_ids(int(r.get("item_id") or 0) for r in lines)
            order_lines = clean_order_lines(lines, items, floor)
            order = SalesOrder(
                number=uow.documents.next_number(DocumentType.SALES_ORDER, today.year),
                customer_id=customer_id,
                order_date=today,
                created_by=self.ctx.actor.username,
                **clean,
            )
            order.set_lines(order_lines)
            self._stamp(order)
            uow.sales.add(order)
            uow.audit(
                self.ctx.actor,
                "order.create",
                "order",
                order.number,
                customer=customer_id,
                gross=order.totals.gross,
            )
            return order

        return write(self.ctx.db, work)

    @door
    def update(
        self,
        order_id: int,
        expected_version: int,
        header: Mapping[str, Any],
        lines: Sequence[Mapping[str, Any]],
    ) -> SalesOrder:
        """Save a changed draft; only drafts can be edited."""
        clean = clean_order_header(header, self.ctx.today())

        def work(uow: UnitOfWork) -> SalesOrder:
            order = self._load(uow, order_id, expected_version)
            items = uow.items.by_ids(int(r.get("item_id") or 0) for r in lines)
            order.set_lines(clean_order_lines(lines, items, load_settings(uow).price_floor))
            for key, value in clean.items():
                setattr(order, key, value)
            self._stamp(order)
            uow.flush()
            uow.audit(
                self.ctx.actor,
                "order.update",
                "order",
                order.number,
                gross=order.totals.gross,
                lines=len(order.lines),
            )
            return order

        return write(self.ctx.db, work)

    # --- moving on -------------------------------------------------------------------

    @door
    def confirm(
        self, order_id: int, expected_version: int, override_reason: str = ""
    ) -> SalesOrder:
        """Confirm: reserve stock and check credit.  A refusal says why; an owner may
        confirm anyway with a reason: the order then reserves only what is free, the rest
        waits on backorder, and other orders keep their reservations."""

        def work(uow: UnitOfWork) -> SalesOrder:
            order = self._load(uow, order_id, expected_version)
            order.move(OrderAction.CONFIRM)
            # The reads below leave this order out (free stock, other open orders), so its
            # change is written once, at the flush, with the reservations.
            with uow.session.no_autoflush:
                customer = _active_customer(uow, order.customer_id)
                item_ids = [line.item_id for line in order.lines]
                uow.sales.lock_items(item_ids)
                free = uow.sales.free_stock(item_ids, except_order=order.id)
                short = shortages(order, free, uow.items.by_ids(item_ids))
                credit = (
                    _credit(uow, customer, order, self.ctx.today())
                    if order.payment_mode == PaymentMode.CREDIT
                    else None
                )
            refusal = confirmation_refusal(order, short, credit)
            if refusal is not None:
                self._override(order, refusal, override_reason)
            reservations = order.reserve(free)
            self._stamp(order)
            uow.flush()
            uow.audit(
                self.ctx.actor,
                "order.confirm",
                "order",
                order.number,
                override=order.override_reason,
                short=[s.sku for s in short],
                reserved={r.item_id: r.reserved for r in reservations},
                backordered={r.item_id: r.backordered for r in reservations if r.backordered},
            )
            return order

        return write(self.ctx.db, work)

    @door
    def start_picking(self, order_id: int, expected_version: int) -> PickingList:
        """Make the picking list: batches first-expiry-first-out, lines in bin order.  The
        order picks against its own reservation first, then only what is truly free."""

        def work(uow: UnitOfWork) -> PickingList:
            order = self._load(uow, order_id, expected_version)
            order.move(OrderAction.START_PICKING)
            self._stamp(order)  # written once, with the picking list (``_plan``'s flush)
            picking = self._plan(uow, order)
            uow.audit(
                self.ctx.actor,
                "order.start_picking",
                "order",
                order.number,
                picking=picking.number,
                lines=len(picking.lines),
            )
            return picking

        return write(self.ctx.db, work)

    @door
    def replan_picking(self, order_id: int, expected_version: int) -> PickingList:
        """Void the open picking list and plan a new one from the stock as it is now (when
        the bins no longer hold what the list says)."""

        def work(uow: UnitOfWork) -> PickingList:
            order = self._load(uow, order_id, expected_version)
            order.move(OrderAction.REPLAN_PICKING)
            old = self._void_open_picking(uow, order)
            uow.flush()  # the plan reads the open picking lists: the voided one is not
            picking = self._plan(uow, order)
            self._stamp(order)
            uow.audit(
                self.ctx.actor,
                "order.replan_picking",
                "order",
                order.number,
                voided=old,
                picking=picking.number,
            )
            return picking

        return write(self.ctx.db, work)

    @door
    def cancel_picking(self, order_id: int, expected_version: int, reason: str) -> SalesOrder:
        """Void the open picking list; the order goes back to where it stood before it
        (confirmed, or partly shipped) and keeps its reservation."""
        reason = v.required_text(reason, "reason", 200)

        def work(uow: UnitOfWork) -> SalesOrder:
            order = self._load(uow, order_id, expected_version)
            order.move(OrderAction.CANCEL_PICKING, order.after_shipment())
            voided = self._void_open_picking(uow, order)
            self._stamp(order)
            uow.flush()
            uow.audit(
                self.ctx.actor,
                "order.cancel_picking",
                "order",
                order.number,
                picking=voided,
                reason=reason,
            )
            return order

        return write(self.ctx.db, work)

    @door
    def ship(
        self, order_id: int, expected_version: int, picked: Mapping[int, object] | None = None
    ) -> Delivery:
        """Post the goods issue: stock leaves, the delivery note is made.  ``picked`` maps
        picking line numbers to the quantity actually picked (default: as listed)."""

        def work(uow: UnitOfWork) -> Delivery:
            order = self._load(uow, order_id, expected_version)
            check_can_ship(order)
            check_transition(order.state, OrderAction.SHIP, order.number)
            uow.sales.lock_items([line.item_id for line in order.lines])
            picking = self._require_open_picking(uow, order)
            by_id = {line.id: line for line in order.lines}
            delivery = Delivery(
                number=uow.documents.next_number(DocumentType.DELIVERY, self.ctx.today().year),
                order_id=order.id or 0,
                customer_id=order.customer_id,
                delivery_date=self.ctx.today(),
                posted_by=self.ctx.actor.username,
                posted_at=now(),
                picking_id=picking.id,
                lines=fulfilment.picked_lines(picking, picked, by_id),
            )
            # The delivery, the order and the picking list are written in one flush, when
            # the stock post first reads; the post's own writes follow it.
            uow.sales.add(delivery, flush=False)
            order.record_delivery(delivery.quantities())
            picking.move(PickingAction.SHIP)
            order.move(OrderAction.SHIP, order.after_shipment())
            self._stamp(order)
            self._post_goods_issue(uow, picking, delivery)
            uow.flush()
            uow.audit(
                self.ctx.actor,
                "order.ship",
                "order",
                order.number,
                delivery=delivery.number,
                backorder=not order.fully_shipped,
            )
            return delivery

        return write(self.ctx.db, work)

    @door
    def cancel(self, order_id: int, expected_version: int, reason: str) -> SalesOrder:
        """Cancel before anything shipped: reservations are released, picking voided."""
        reason = v.required_text(reason, "reason", 200)

        def work(uow: UnitOfWork) -> SalesOrder:
            order = self._load(uow, order_id, expected_version)
            order.cancel(reason)
            self._void_open_picking(uow, order)
            self._stamp(order)
            uow.flush()
            uow.audit(self.ctx.actor, "order.cancel", "order", order.number, reason=reason)
            return order

        return write(self.ctx.db, work)

    @door
    def close_short(self, order_id: int, expected_version: int, reason: str) -> SalesOrder:
        """End a backorder: the rest of every line is cancelled, the reservation and the
        credit exposure of the rest are released; what was delivered is invoiced as usual."""
        reason = v.required_text(reason, "reason", 200)

        def work(uow: UnitOfWork) -> SalesOrder:
            order = self._load(uow, order_id, expected_version)
            cancelled = {line.line_no: line.open_quantity for line in order.lines}
            order.close_short(reason)
            voided = self._void_open_picking(uow, order)
            self._stamp(order)
            uow.flush()
            settle_orders(uow, [order])
            uow.flush()
            uow.audit(
                self.ctx.actor,
                "order.close_short",
                "order",
                order.number,
                reason=reason,
                cancelled={n: q for n, q in cancelled.items() if q},
                picking=voided,
            )
            return order

        return write(self.ctx.db, work)

    @door
    def close(self, order_id: int, expected_version: int) -> SalesOrder:

        def work(uow: UnitOfWork) -> SalesOrder:
            order = self._load(uow, order_id, expected_version)
            order.move(OrderAction.CLOSE)
            self._stamp(order)
            uow.flush()
            uow.audit(self.ctx.actor, "order.close", "order", order.number)
            return order

        return write(self.ctx.db, work)

    @door
    def progress(self, order_id: int) -> list[LineProgress]:
        """Per line: ordered, delivered, backordered, cancelled, invoiced, reserved."""

        def work(uow: UnitOfWork) -> list[LineProgress]:
            order = self._load(uow, order_id, None)
            return line_progress(order, uow.sales.invoiced_quantities(order.id or 0))

        return read(self.ctx.db, work)

    # --- helpers -----------------------------------------------------------------------

    def _override(self, order: SalesOrder, refusal: StateError, reason: str) -> None:
        if not reason.strip():
            raise refusal
        self.ctx.actor.require(Permission.OVERRIDE_CHECKS)
        order.override_by = self.ctx.actor.username
        order.override_reason = reason.strip()[:200]

    def _plan(self, uow: UnitOfWork, order: SalesOrder) -> PickingList:
        """Plan a picking list under the item locks, from stock not reserved by others."""
        open_lines = [line for line in order.lines if line.open_quantity > 0]
        item_ids = sorted({line.item_id for line in open_lines})
        # Nothing read here depends on the order's own pending change (its state stays a
        # reserving one); it is written once, when the picking list is added.
        with uow.session.no_autoflush:
            uow.sales.lock_items(item_ids)
            items = uow.items.by_ids(item_ids)
            fill_ups = uow.sales.fill_ups(item_ids)  # read once for both figures
            plan = fulfilment.plan_picking(
                open_lines,
                uow.sales.lots(item_ids, fill_ups),
                {i: item.sku for i, item in items.items()},
                order.pick_allowance(uow.sales.free_stock(item_ids, fill_ups=fill_ups)),
            )
        if not plan:
            raise StateError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "Nothing of order {number} can be picked: its items are not in stock, or "
                    "the stock is reserved by other orders.",
                ),
                number=order.number,
            )
        picking = PickingList(
            number=uow.documents.next_number(DocumentType.PICKING_LIST, self.ctx.today().year),
            order_id=order.id or 0,
            created_by=self.ctx.actor.username,
            created_at=now(),
            lines=plan,
        )
        order.hold_for_picking(picking.planned())  # written with the list, in one flush
        uow.sales.add(picking)
        return picking

    def _require_open_picking(self, uow: UnitOfWork, order: SalesOrder) -> PickingList:
        picking = uow.sales.open_picking(order.id or 0)
        if picking is None:
            raise StateError(
                QT_TRANSLATE_NOOP("errors", "Order {number} has no open picking list."),
                number=order.number,
            )
        return picking

    def _void_open_picking(self, uow: UnitOfWork, order: SalesOrder) -> str:
        return void_open_picking(uow, order)

    def _post_goods_issue(self, uow: UnitOfWork, picking: PickingList, delivery: Delivery) -> None:
        """The delivery's stock moves; a bin that no longer holds what the list says is
        reported with the way out (re-plan, or cancel the list)."""
        moves = fulfilment.delivery_moves(delivery, uow.locations.require(CUSTOMERS).id or 0)
        try:
            uow.stock.post(moves, load_settings(uow).allow_negative_stock)
        except InsufficientStockError as error:
            raise StateError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "Picking list {picking} can no longer be fulfilled: {reason} Re-plan the "
                    "picking list from the stock there is now, or cancel it back to confirmed.",
                ),
                picking=picking.number,
                reason=error.render(),
                field="lines",
            ) from None

    def _load(self, uow: UnitOfWork, order_id: int, expected: int | None) -> SalesOrder:
        order = uow.sales.order(order_id)
        if order is None:
            raise not_found(ORDER, order_id)
        check_version(order, expected, ORDER, order.number)
        return order

    def _stamp(self, order: SalesOrder) -> None:
        order.updated_by, order.updated_at = self.ctx.actor.username, now()


def void_open_picking(uow: UnitOfWork, order: SalesOrder) -> str:
    """Void the order's open picking list, if it has one; returns its number."""
    picking = uow.sales.open_picking(order.id or 0)
    if picking is None:
        return ""
    picking.move(PickingAction.VOID)
    return picking.number


def _active_customer(uow: UnitOfWork, customer_id: int) -> Customer:
    customer = uow.customers.get(customer_id)
    if customer is None:
        raise not_found(Term(QT_TRANSLATE_NOOP("terms", "Customer")), customer_id)
    if not customer.is_active:
        raise StateError(
            QT_TRANSLATE_NOOP(
                "errors",
                "Customer {code} has ended; reactivate it before selling to it.",
            ),
            code=customer.code,
            field="customer",
        )
    return customer


def _credit(
    uow: UnitOfWork, customer: Customer, order: SalesOrder | None, today: date
) -> CreditCheck:
    """The domain's credit check over what the customer's money and orders are now."""
    cid = customer.id or 0
    return credit_check(
        customer.credit_limit,
        uow.sales.open_invoices(cid),
        uow.sales.unapplied_payments(cid),
        uow.sales.open_orders(cid),
        order,
        today,
        load_settings(uow).overdue_grace_days,
    )


def guard_reservations(
    ctx: ServiceContext,
    uow: UnitOfWork,
    moves: Sequence[StockMove],
    document: str,
    override_reason: str,
) -> list[ReservationLoss]:
    """After a stock change that takes goods out of saleable places (a reversed receipt, a
    count), check that what orders have reserved is still there.  If it is not, refuse;
    an owner may go ahead with a reason, and then the latest orders lose the reservation
    that is no longer covered (named in the audit trail)."""
    locations = uow.locations.by_ids(m.from_location_id for m in moves)
    item_ids = sorted(
        {m.item_id for m in moves if locations[m.from_location_id].kind in SALEABLE_KINDS}
    )
    if not item_ids:
        return []
    uow.sales.lock_items(item_ids)
    shortfall = stock_shortfall(uow.sales.on_hand(item_ids), uow.sales.reserved(item_ids))
    if not shortfall:
        return []
    orders = uow.sales.reserving_orders(list(shortfall))
    losses = reservation_losses(shortfall, orders)
    if not override_reason.strip():
        skus = {i: item.sku for i, item in uow.items.by_ids(item_ids).items()}
        raise reserved_stock_refusal(document, losses, skus)
    ctx.actor.require(Permission.OVERRIDE_CHECKS)
    uow.flush()
    uow.audit(
        ctx.actor,
        "stock.reservations_lost",
        "document",
        document,
        reason=override_reason.strip()[:200],
        orders=[(loss.order_number, loss.item_id, loss.quantity) for loss in losses],
    )
    return losses


def _exchange_links(
    uow: UnitOfWork, order_id: int, deliveries: Sequence[Delivery]
) -> tuple[str, list[str]]:
    """The return an order replaces, and the replacement orders of its returns."""
    link = uow.red_invoices.exchange_of_order(order_id)
    replaced = uow.returns.get(link.return_id) if link is not None else None
    replacements = []
    for delivery in deliveries:
        for document in uow.returns.of_delivery(delivery.id or 0):
            exchange = uow.red_invoices.exchange_of_return(document.id or 0)
            order = uow.sales.order(exchange.order_id) if exchange is not None else None
            if order is not None:
                replacements.append(order.number)
    return (replaced.number if replaced is not None else ""), replacements
