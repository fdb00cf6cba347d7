"""Loading and storing sales documents, and the stock and money figures sales needs."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import BindParameter, Select, bindparam, func, select
from sqlalchemy.orm import Session

from retailerp.domain.fulfilment import Delivery, Lot, PickingList, PickingState
from retailerp.domain.invoicing import OPEN_ORDER_STATES, Invoice, Payment
from retailerp.domain.items import Tracking
from retailerp.domain.sales import RESERVING_STATES, SalesOrder
from retailerp.domain.stock import SALEABLE_KINDS
from retailerp.persistence import tables as t
from retailerp.persistence.consignment_repository import ConsignmentRepository
from retailerp.persistence.loading import by_ids, document, documents, loaded, with_lines

RESERVING = [s.value for s in RESERVING_STATES]
SALEABLE = [k.value for k in SALEABLE_KINDS]
OPEN_STATES = [s.value for s in OPEN_ORDER_STATES]


def _ids() -> BindParameter[Any]:
    return bindparam("ids", expanding=True)


_b, _loc, _it = t.stock_balances, t.locations, t.items
_ON_HAND = (
    select(_b.c.item_id, func.sum(_b.c.quantity))
    .join(_loc, _loc.c.id == _b.c.location_id)
    .where(_b.c.item_id.in_(_ids()), _loc.c.kind.in_(SALEABLE))
    .group_by(_b.c.item_id)
)
"""The figures posting reads, built once (no per-call construction or cache key)."""
_ln, _o = t.sales_order_lines, t.sales_orders
_RESERVED = (
    select(_ln.c.item_id, func.sum(_ln.c.reserved))
    .join(_o, _o.c.id == _ln.c.order_id)
    .where(
        _ln.c.item_id.in_(_ids()),
        _ln.c.reserved > 0,
        _o.c.state.in_(RESERVING),
        _o.c.id != bindparam("except_order"),  # 0 when none is left out: ids start at 1
    )
    .group_by(_ln.c.item_id)
)
_LOTS = (
    select(
        _b.c.item_id,
        _b.c.location_id,
        _loc.c.code,
        _b.c.stock_key,
        _b.c.expiry,
        _b.c.quantity,
        _it.c.tracking,
        _it.c.bin_id,
    )
    .join(_loc, _loc.c.id == _b.c.location_id)
    .join(_it, _it.c.id == _b.c.item_id)
    .where(_b.c.item_id.in_(_ids()), _loc.c.kind.in_(SALEABLE), _b.c.quantity > 0)
)
_pl, _pk = t.picking_lines, t.picking_lists
_picked_key = func.coalesce(func.nullif(_pl.c.serial, ""), _pl.c.batch)
_ON_OPEN_PICKINGS = (
    select(_pl.c.item_id, _pl.c.location_id, _picked_key, func.sum(_pl.c.quantity))
    .join(_pk, _pk.c.id == _pl.c.picking_id)
    .where(_pk.c.state == PickingState.OPEN.value, _pl.c.item_id.in_(_ids()))
    .group_by(_pl.c.item_id, _pl.c.location_id, _picked_key)
)
_d = t.deliveries
_DELIVERY_INVOICES = (
    select(_d.c.id, _d.c.invoice_id).where(_d.c.order_id == bindparam("order_id")).order_by(_d.c.id)
)
"""Each delivery of an order and the invoice it is on (``None`` while uninvoiced)."""

FillUps = dict[tuple[int, int, str], Decimal]
"""(item, bin, batch/serial) → quantity planned on consignment fill-ups being picked."""


@functools.cache
def _open_picking() -> Select[tuple[PickingList]]:
    """Built on first use (the class is mapped by then)."""
    return with_lines(
        select(PickingList).where(
            _pk.c.order_id == bindparam("order_id"), _pk.c.state == PickingState.OPEN.value
        ),
        PickingList,
    )


def _statements() -> dict[str, Select[Any]]:
    d, i, o, p = t.deliveries, t.invoices, t.sales_orders, t.payments
    invoices_of = select(d.c.invoice_id).where(
        d.c.order_id == bindparam("order_id"), d.c.invoice_id.is_not(None)
    )
    orders_of = select(d.c.order_id).where(d.c.invoice_id == bindparam("invoice_id"))
    customer = bindparam("customer_id")
    return {
        "deliveries": with_lines(
            select(Delivery).where(d.c.id.in_(_ids())).order_by(d.c.id), Delivery
        ),
        "deliveries_of_order": with_lines(
            select(Delivery).where(d.c.order_id == bindparam("order_id")).order_by(d.c.id),
            Delivery,
        ),
        "open_invoices": with_lines(
            select(Invoice)
            .where(i.c.customer_id == customer, i.c.paid < i.c.gross)
            .order_by(i.c.due_date, i.c.id),
            Invoice,
        ),
        "invoices_of_order": with_lines(
            select(Invoice).where(i.c.id.in_(invoices_of)).order_by(i.c.id), Invoice
        ),
        "orders_of_invoice": with_lines(
            select(SalesOrder).where(o.c.id.in_(orders_of)).order_by(o.c.id), SalesOrder
        ),
        "advances": with_lines(
            select(Payment).where(p.c.order_id.in_(_ids()), p.c.unapplied > 0).order_by(p.c.id),
            Payment,
        ),
        "open_orders": with_lines(
            select(SalesOrder)
            .where(o.c.customer_id == customer, o.c.state.in_(OPEN_STATES))
            .order_by(o.c.id),
            SalesOrder,
        ),
        "unapplied_for": with_lines(
            select(Payment)  # ix_payments_unapplied and ix_payments_order_id hold these
            .where(p.c.unapplied > 0, (p.c.customer_id == customer) | p.c.order_id.in_(_ids()))
            .order_by(p.c.id),
            Payment,
        ),
        "unapplied_of_customer": with_lines(
            select(Payment)  # ix_payments_unapplied holds these
            .where(p.c.unapplied > 0, p.c.customer_id == customer)
            .order_by(p.c.received_on, p.c.number),
            Payment,
        ),
    }


@functools.cache
def _prepared(name: str) -> Select[Any]:
    """The documents posting loads, each built once with its lines (on first use: the
    classes are mapped by then), so a call neither builds a statement nor its cache key."""
    return _statements()[name]


class SalesRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    # --- documents -----------------------------------------------------------------------

    def add(self, document: object, *, flush: bool = True) -> None:
        """Add a new document; flushed at once (it has its id then) unless ``flush`` is
        false (it is written with the transaction's next flush)."""
        self.session.add(document)
        if flush:
            self.session.flush()

    def order(self, order_id: int) -> SalesOrder | None:
        return document(self.session, SalesOrder, order_id)

    def order_by_number(self, number: str) -> SalesOrder | None:
        stmt = select(SalesOrder).where(t.sales_orders.c.number == number)
        return self.session.scalars(stmt).first()

    def open_picking(self, order_id: int) -> PickingList | None:
        return self.session.scalars(_open_picking(), {"order_id": order_id}).unique().first()

    def pickings_of_order(self, order_id: int) -> list[PickingList]:
        stmt = select(PickingList).where(t.picking_lists.c.order_id == order_id)
        return documents(self.session, stmt.order_by(t.picking_lists.c.id), PickingList)

    def picking_by_number(self, number: str) -> PickingList | None:
        stmt = select(PickingList).where(t.picking_lists.c.number == number)
        return self.session.scalars(stmt).first()

    def deliveries(self, ids: Iterable[int]) -> list[Delivery]:
        return loaded(self.session, _prepared("deliveries"), {"ids": list(ids)})

    def delivery_by_number(self, number: str) -> Delivery | None:
        stmt = select(Delivery).where(t.deliveries.c.number == number)
        return self.session.scalars(stmt).first()

    def deliveries_of_order(self, order_id: int) -> list[Delivery]:
        return loaded(self.session, _prepared("deliveries_of_order"), {"order_id": order_id})

    def deliveries_of_invoice(self, invoice_id: int) -> list[Delivery]:
        stmt = select(Delivery).where(t.deliveries.c.invoice_id == invoice_id)
        return documents(self.session, stmt.order_by(t.deliveries.c.id), Delivery)

    def uninvoiced_deliveries(self, customer_id: int) -> list[Delivery]:
        stmt = select(Delivery).where(
            t.deliveries.c.customer_id == customer_id, t.deliveries.c.invoice_id.is_(None)
        )
        return documents(self.session, stmt.order_by(t.deliveries.c.id), Delivery)

    def invoice(self, invoice_id: int) -> Invoice | None:
        return document(self.session, Invoice, invoice_id)

    def invoice_by_number(self, number: str) -> Invoice | None:
        stmt = select(Invoice).where(t.invoices.c.number == number)
        return self.session.scalars(stmt).first()

    def invoice_by_e_invoice_number(self, number: str) -> Invoice | None:
        """The invoice the official e-invoice ``number`` is recorded against."""
        stmt = select(Invoice).where(t.invoices.c.e_invoice_number == number)
        return self.session.scalars(stmt).first()

    def open_invoices(self, customer_id: int) -> list[Invoice]:
        return loaded(self.session, _prepared("open_invoices"), {"customer_id": customer_id})

    def invoices_of_order(self, order_id: int) -> list[Invoice]:
        return loaded(self.session, _prepared("invoices_of_order"), {"order_id": order_id})

    def invoices(self, ids: Iterable[int]) -> list[Invoice]:
        """Invoices by id with their lines, those already loaded taken from the session."""
        return by_ids(self.session, Invoice, ids)

    def delivery_invoices(self, order_id: int) -> list[tuple[int, int | None]]:
        """(delivery id, invoice id or ``None``) of each delivery of the order, as rows: what
        settling the order reads of its deliveries (flush what it depends on first)."""
        rows = self.session.execute(_DELIVERY_INVOICES, {"order_id": order_id})
        return [(delivery_id, invoice_id) for delivery_id, invoice_id in rows]

    def orders_of_invoice(self, invoice_id: int) -> list[SalesOrder]:
        return loaded(self.session, _prepared("orders_of_invoice"), {"invoice_id": invoice_id})

    def payment_by_number(self, number: str) -> Payment | None:
        stmt = select(Payment).where(t.payments.c.number == number)
        return self.session.scalars(stmt).first()

    def advances(self, order_ids: Sequence[int]) -> list[Payment]:
        """Payments against these orders that are not fully applied yet."""
        found = loaded(self.session, _prepared("advances"), {"ids": list(order_ids)})
        return [payment for payment in found if payment.unallocated.minor > 0]

    def payments_of(self, customer_id: int) -> list[Payment]:
        stmt = select(Payment).where(t.payments.c.customer_id == customer_id)
        return documents(self.session, stmt.order_by(t.payments.c.id), Payment)

    def payments_for(self, order_id: int, invoice_ids: Iterable[int]) -> list[Payment]:
        """Payments against the order or applied to any of these invoices (its payments),
        found by index whatever the length of the customer's history."""
        p, a = t.payments, t.payment_allocations
        applied = select(a.c.payment_id).where(a.c.invoice_id.in_(list(invoice_ids)))
        stmt = select(Payment).where((p.c.order_id == order_id) | p.c.id.in_(applied))
        return documents(self.session, stmt.order_by(p.c.id), Payment)

    # --- figures -----------------------------------------------------------------------

    def lock_items(self, item_ids: Iterable[int]) -> None:
        """Serialise confirmations, picking plans and shipments touching the same items
        (PostgreSQL row locks, taken in id order so two PCs cannot deadlock; on SQLite the
        IMMEDIATE write transaction already serialises every writer).  Everything read
        after the lock (balances, reservations, open picking lists) is what is committed."""
        ids = sorted(set(item_ids))
        if ids and self.session.get_bind().dialect.name == "postgresql":
            self.session.execute(
                select(t.items.c.id).where(t.items.c.id.in_(ids)).with_for_update()
            ).all()

    def on_hand(self, item_ids: Iterable[int]) -> dict[int, Decimal]:
        """Quantity in saleable locations (warehouse and bins) per item."""
        rows = self.session.execute(_ON_HAND, {"ids": list(item_ids)})
        return {item_id: qty or Decimal(0) for item_id, qty in rows}

    def reserved(
        self, item_ids: Iterable[int], except_order: int | None = None
    ) -> dict[int, Decimal]:
        """Quantity reserved per item by orders that hold reservations, read from the live
        reservations alone (``ix_sales_order_lines_reserving``: a line's reservation is
        never negative and goes to 0 when shipped or released, so the sum is the same)."""
        rows = self.session.execute(
            _RESERVED, {"ids": list(item_ids), "except_order": except_order or 0}
        )
        return {item_id: qty or Decimal(0) for item_id, qty in rows}

    def reserving_orders(self, item_ids: Iterable[int]) -> list[SalesOrder]:
        """Orders holding a reservation on any of these items."""
        ln, o = t.sales_order_lines, t.sales_orders
        ids = select(ln.c.order_id).where(ln.c.item_id.in_(list(item_ids)), ln.c.reserved > 0)
        stmt = select(SalesOrder).where(o.c.id.in_(ids), o.c.state.in_(RESERVING))
        return documents(self.session, stmt.order_by(o.c.id), SalesOrder)

    def invoiced_quantities(self, order_id: int) -> dict[int, Decimal]:
        """Per order line, the quantity on deliveries that have been invoiced."""
        d, dl = t.deliveries, t.delivery_lines
        stmt = (
            select(dl.c.order_line_id, func.sum(dl.c.quantity))
            .join(d, d.c.id == dl.c.delivery_id)
            .where(d.c.order_id == order_id, d.c.invoice_id.is_not(None))
            .group_by(dl.c.order_line_id)
        )
        return {line_id: qty for line_id, qty in self.session.execute(stmt)}

    def free_stock(
        self,
        item_ids: Iterable[int],
        except_order: int | None = None,
        fill_ups: FillUps | None = None,
    ) -> dict[int, Decimal]:
        """On hand less reserved less held by fill-ups being picked; ``fill_ups`` is
        :meth:`fill_ups` of these items when the caller has read it already."""
        ids = list(item_ids)
        on_hand = self.on_hand(ids)
        reserved = self.reserved(ids, except_order)
        held = self._on_fill_ups(ids, fill_ups)
        return {
            i: on_hand.get(i, Decimal(0)) - reserved.get(i, Decimal(0)) - held.get(i, Decimal(0))
            for i in ids
        }

    def lots(
        self, item_ids: Iterable[int], fill_ups: FillUps | None = None
    ) -> dict[int, list[Lot]]:
        """Pickable stock per item: saleable places, less what open picking lists hold
        (``fill_ups`` as in :meth:`free_stock`)."""
        item_ids = list(item_ids)
        held = self._on_open_pickings(item_ids, fill_ups)
        result: dict[int, list[Lot]] = {}
        rows = self.session.execute(_LOTS, {"ids": item_ids})
        for item_id, loc_id, code, key, expiry, qty, tracking, bin_id in rows:
            free = qty - held.get((item_id, loc_id, key), Decimal(0))
            if free <= 0:
                continue
            serial = key if tracking == Tracking.SERIAL else ""
            batch = "" if serial else key
            lot = Lot(loc_id, code, batch, serial, expiry, free, preferred=loc_id == bin_id)
            result.setdefault(item_id, []).append(lot)
        return result

    def fill_ups(self, item_ids: Iterable[int]) -> FillUps:
        """What consignment fill-ups being picked hold of these items, per place and lot."""
        return ConsignmentRepository(self.session).held_by_fill_ups(item_ids)

    def _on_open_pickings(
        self, item_ids: Iterable[int], fill_ups: FillUps | None = None
    ) -> dict[tuple[int, int, str], Decimal]:
        item_ids = list(item_ids)
        rows = self.session.execute(_ON_OPEN_PICKINGS, {"ids": item_ids})
        held = {(i, loc, k): q for i, loc, k, q in rows}
        for spot, qty in (self.fill_ups(item_ids) if fill_ups is None else fill_ups).items():
            held[spot] = held.get(spot, Decimal(0)) + qty
        return held

    def _on_fill_ups(
        self, item_ids: Iterable[int], fill_ups: FillUps | None = None
    ) -> dict[int, Decimal]:
        """Per item, what consignment fill-ups being picked hold (like a reservation)."""
        result: dict[int, Decimal] = {}
        for (item_id, _, _), qty in (
            self.fill_ups(item_ids) if fill_ups is None else fill_ups
        ).items():
            result[item_id] = result.get(item_id, Decimal(0)) + qty
        return result

    # --- money: what settlement and the credit check read ---------------------------------

    def lock_money(self, customer_id: int) -> None:
        """Serialise the changes to one customer's money (invoicing, payments, applying money
        on account): a PostgreSQL row lock on the customer, taken before any invoice or
        payment is read, so two PCs cannot apply the same money twice.  On SQLite the
        IMMEDIATE write transaction already serialises every writer."""
        if self.session.get_bind().dialect.name == "postgresql":
            c = t.customers
            self.session.execute(select(c.c.id).where(c.c.id == customer_id).with_for_update())

    def unapplied_payments(self, customer_id: int | None = None) -> list[Payment]:
        """Payments (of one customer, or of all) with money not yet applied to an invoice,
        oldest received first."""
        if customer_id is not None:
            params = {"customer_id": customer_id}
            return loaded(self.session, _prepared("unapplied_of_customer"), params)
        p = t.payments
        stmt = select(Payment).where(p.c.unapplied > 0)  # ix_payments_unapplied holds these
        return documents(self.session, stmt.order_by(p.c.received_on, p.c.number), Payment)

    def unapplied_for(self, customer_id: int, order_ids: Sequence[int]) -> list[Payment]:
        """In one statement: the payments with money not yet applied that are the
        customer's (:meth:`unapplied_payments`) or against these orders (:meth:`advances`
        before the domain's check of what is left), in id order."""
        params = {"customer_id": customer_id, "ids": list(order_ids)}
        return loaded(self.session, _prepared("unapplied_for"), params)

    def orders_by_ids(self, ids: Iterable[int]) -> list[SalesOrder]:
        """Orders by id with their lines, those already loaded taken from the session."""
        return by_ids(self.session, SalesOrder, ids)

    def open_orders(self, customer_id: int) -> list[SalesOrder]:
        """The customer's orders in the states the domain calls open (they hold money paid
        against them and count against credit)."""
        return loaded(self.session, _prepared("open_orders"), {"customer_id": customer_id})

    def orders(self, ids: Iterable[int]) -> list[SalesOrder]:
        stmt = select(SalesOrder).where(t.sales_orders.c.id.in_(sorted(set(ids))))
        return documents(self.session, stmt.order_by(t.sales_orders.c.id), SalesOrder)

    def all_open_invoices(self) -> list[Invoice]:
        """Every invoice not fully paid, of every customer, oldest due first."""
        i = t.invoices
        stmt = select(Invoice).where(i.c.paid < i.c.gross)
        return documents(self.session, stmt.order_by(i.c.due_date, i.c.id), Invoice)
