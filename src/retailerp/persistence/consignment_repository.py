"""Loading and storing consignment documents, and the figures consignment reads: what sits
at a customer, what open fill-ups hold in the warehouse, what came back on an issue."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, bindparam, func, select, type_coerce
from sqlalchemy.orm import Session

from retailerp.domain.consignment import (
    ConsignedLot,
    ConsignmentDocument,
    ConsignmentKind,
    ConsignmentState,
)
from retailerp.domain.consignment_money import ReceiptCost
from retailerp.domain.items import Tracking
from retailerp.domain.money import Money
from retailerp.domain.numbering import DocumentType
from retailerp.domain.stock import Location, LocationKind, consignment_code
from retailerp.persistence import tables as t

ZERO = Decimal(0)

_ln, _d = t.consignment_lines, t.consignment_documents
_held_key = func.coalesce(func.nullif(_ln.c.serial, ""), _ln.c.batch)
_HELD_BY_FILL_UPS = (
    select(_ln.c.item_id, _ln.c.location_id, _held_key, func.sum(_ln.c.quantity))
    .join(_d, _d.c.id == _ln.c.document_id)
    .where(
        _d.c.kind == ConsignmentKind.FILL_UP.value,
        _d.c.state == ConsignmentState.PICKING.value,
        _ln.c.item_id.in_(bindparam("ids", expanding=True)),
        _d.c.id != bindparam("except_id"),  # 0 when none is left out: ids start at 1
    )
    .group_by(_ln.c.item_id, _ln.c.location_id, _held_key)
)
"""Built once: posting reads it in every confirmation and picking plan."""


class ConsignmentRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, document: ConsignmentDocument) -> None:
        self.session.add(document)
        self.session.flush()

    def get(self, document_id: int) -> ConsignmentDocument | None:
        return self.session.get(ConsignmentDocument, document_id)

    def by_number(self, number: str) -> ConsignmentDocument | None:
        stmt = select(ConsignmentDocument).where(t.consignment_documents.c.number == number)
        return self.session.scalars(stmt).first()

    def of_customer(self, customer_id: int | None = None) -> list[ConsignmentDocument]:
        """A customer's documents (every customer's with None) in posting order; drafts
        after the posted ones."""
        d = t.consignment_documents
        stmt = select(ConsignmentDocument)
        if customer_id is not None:
            stmt = stmt.where(d.c.customer_id == customer_id)
        stmt = stmt.order_by(d.c.posted_at.is_(None), d.c.posted_at, d.c.id)
        return list(self.session.scalars(stmt))

    # --- the customer's location -----------------------------------------------------------

    def location_of(self, customer_id: int) -> Location | None:
        loc = t.locations
        stmt = select(Location).where(
            loc.c.kind == LocationKind.CONSIGNMENT.value, loc.c.customer_id == customer_id
        )
        return self.session.scalars(stmt).first()

    def open_location(self, customer_id: int, customer_code: str, name: str) -> Location:
        """The customer's consignment location, made on first use."""
        found = self.location_of(customer_id)
        if found is not None:
            return found
        location = Location(
            consignment_code(customer_code), name, LocationKind.CONSIGNMENT,
            customer_id=customer_id,
        )  # fmt: skip
        self.session.add(location)
        self.session.flush()
        return location

    # --- figures ------------------------------------------------------------------------------

    def lots_at(self, location_id: int) -> list[ConsignedLot]:
        """What sits at one consignment location, per item and batch/serial."""
        b = t.stock_balances
        stmt = (
            select(b.c.item_id, b.c.stock_key, b.c.expiry, b.c.quantity)
            .where(b.c.location_id == location_id, b.c.quantity > 0)
            .order_by(b.c.item_id, b.c.expiry, b.c.stock_key)
        )
        return [ConsignedLot(i, k, e, q) for i, k, e, q in self.session.execute(stmt)]

    def stock_rows(
        self, customer_id: int | None = None
    ) -> list[tuple[int, int, str, date | None, Decimal, Money]]:
        """(customer id, item id, batch/serial, expiry, quantity, list price) of every lot
        at every consignment location (``customer_id``: at that customer's only)."""
        b, loc, it = t.stock_balances, t.locations, t.items
        stmt = (
            select(
                loc.c.customer_id, b.c.item_id, b.c.stock_key, b.c.expiry, b.c.quantity, it.c.price
            )  # fmt: skip
            .join(loc, loc.c.id == b.c.location_id)
            .join(it, it.c.id == b.c.item_id)
            .where(loc.c.kind == LocationKind.CONSIGNMENT.value, b.c.quantity > 0)
            .order_by(loc.c.customer_id, b.c.item_id, b.c.expiry, b.c.stock_key)
        )
        if customer_id is not None:
            stmt = stmt.where(loc.c.customer_id == customer_id)
        return [tuple(row) for row in self.session.execute(stmt)]  # type: ignore[misc]

    def balances_after(self, location_id: int, number: str) -> dict[int, Decimal]:
        """Per item, what the consignment location held right after document ``number``'s
        moves (its last move and every earlier one)."""
        m = t.stock_moves
        last = self.session.scalar(select(func.max(m.c.id)).where(m.c.doc_number == number))
        if last is None:
            return {}
        inflow = (
            select(m.c.item_id, func.sum(m.c.quantity))
            .where(m.c.to_location_id == location_id, m.c.id <= last)
            .group_by(m.c.item_id)
        )
        outflow = (
            select(m.c.item_id, func.sum(m.c.quantity))
            .where(m.c.from_location_id == location_id, m.c.id <= last)
            .group_by(m.c.item_id)
        )
        result: dict[int, Decimal] = dict(self.session.execute(inflow).all())  # type: ignore[arg-type]
        for item_id, qty in self.session.execute(outflow):
            result[item_id] = result.get(item_id, ZERO) - qty
        return result

    def expiring_tally(self, limit: date) -> tuple[int, Money]:
        """(lots, value at list price) at customers expiring on or before ``limit``."""
        b, loc, it = t.stock_balances, t.locations, t.items
        stmt = (
            select(func.count(), func.coalesce(func.sum(_raw(b.c.quantity) * _raw(it.c.price)), 0))
            .select_from(b)
            .join(loc, loc.c.id == b.c.location_id)
            .join(it, it.c.id == b.c.item_id)
            .where(loc.c.kind == LocationKind.CONSIGNMENT.value, b.c.quantity > 0)
            .where(b.c.expiry.is_not(None), b.c.expiry <= limit)
        )
        count, raw = self.session.execute(stmt).one()
        # quantities are thousandths, prices cents: the product is cents × 1000
        return int(count or 0), Money(int((Decimal(int(raw or 0)) / 1000).to_integral_value()))

    def tracking(self, item_ids: Iterable[int]) -> dict[int, Tracking]:
        it = t.items
        stmt = select(it.c.id, it.c.tracking).where(it.c.id.in_(list(item_ids)))
        return {i: Tracking(tr) for i, tr in self.session.execute(stmt)}

    def held_by_fill_ups(
        self, item_ids: Iterable[int], except_id: int | None = None
    ) -> dict[tuple[int, int, str], Decimal]:
        """(item, bin, batch/serial) → quantity planned on fill-ups being picked."""
        rows = self.session.execute(
            _HELD_BY_FILL_UPS, {"ids": list(item_ids), "except_id": except_id or 0}
        )
        return {(i, loc, k): q for i, loc, k, q in rows}

    def returned_on(self, issue_line_ids: Iterable[int]) -> dict[int, Decimal]:
        """Quantity on posted consignment returns per issue line."""
        ln, d = t.consignment_lines, t.consignment_documents
        stmt = (
            select(ln.c.source_line_id, func.sum(ln.c.quantity))
            .join(d, d.c.id == ln.c.document_id)
            .where(
                d.c.kind == ConsignmentKind.RETURN.value,
                d.c.state == ConsignmentState.POSTED.value,
                ln.c.source_line_id.in_(list(issue_line_ids)),
            )
            .group_by(ln.c.source_line_id)
        )
        return {line_id: qty for line_id, qty in self.session.execute(stmt)}

    def receipt_costs(self, item_ids: Iterable[int]) -> dict[tuple[int, str], ReceiptCost]:
        """(item, batch/serial) → quantity received with a cost and that cost, over the goods
        receipts not reversed."""
        sd, sl = t.stock_documents, t.stock_document_lines
        key = func.coalesce(func.nullif(sl.c.serial, ""), sl.c.batch)
        reversed_ = select(sd.c.reverses_number).where(sd.c.reverses_number.is_not(None))
        stmt = (
            select(
                sl.c.item_id,
                key,
                func.sum(_raw(sl.c.quantity)),
                func.sum(_raw(sl.c.quantity) * _raw(sl.c.unit_cost)),
            )  # fmt: skip
            .join(sd, sd.c.id == sl.c.document_id)
            .where(
                sd.c.doc_type == DocumentType.GOODS_RECEIPT.value,
                sd.c.number.not_in(reversed_),
                _raw(sl.c.unit_cost) > 0,
                sl.c.item_id.in_(list(item_ids)),
            )
            .group_by(sl.c.item_id, key)
        )
        result = {}
        for item_id, batch, thousandths, raw in self.session.execute(stmt):
            # quantities are thousandths, costs cents: the product is cents × 1000
            cost = Money(int((Decimal(int(raw or 0)) / 1000).to_integral_value()))
            result[(item_id, batch)] = ReceiptCost(Decimal(int(thousandths)) / 1000, cost)
        return result

    def money_in_period(self, customer_id: int, start: date, end: date) -> tuple[Money, Money]:
        """(gross invoiced for consignment issues, paid on those invoices) in the period."""
        d, inv, alloc, pay = t.consignment_documents, t.invoices, t.payment_allocations, t.payments
        billed = select(d.c.invoice_id).where(d.c.customer_id == customer_id,
                                               d.c.invoice_id.is_not(None))  # fmt: skip
        invoiced = self.session.scalar(
            select(func.coalesce(func.sum(inv.c.gross), 0)).where(
                inv.c.id.in_(billed), inv.c.invoice_date.between(start, end)
            )
        )
        paid = self.session.scalar(
            select(func.coalesce(func.sum(alloc.c.amount), 0))
            .join(pay, pay.c.id == alloc.c.payment_id)
            .where(alloc.c.invoice_id.in_(billed), pay.c.received_on.between(start, end))
        )
        return _money(invoiced), _money(paid)


def _raw(column: Any) -> Any:
    """A quantity or money column as its stored integer (thousandths, cents)."""
    return type_coerce(column, BigInteger)


def _money(value: object) -> Money:
    return value if isinstance(value, Money) else Money(int(value or 0))  # type: ignore[call-overload]
