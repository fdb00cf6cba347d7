"""Stock use cases: goods receipt (入库), stock count (盘点), reversal (冲销), overviews."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from retailerp.domain import inventory
from retailerp.domain import validation as v
from retailerp.domain.errors import FieldError
from retailerp.domain.inventory import StockDocument
from retailerp.domain.numbering import DocumentType
from retailerp.domain.security import Permission
from retailerp.domain.stock import (
    ADJUSTMENT,
    SUPPLIERS,
    Location,
    LocationKind,
    StockMove,
)
from retailerp.domain.text import DOCUMENT, QT_TRANSLATE_NOOP
from retailerp.persistence import queries
from retailerp.persistence.queries import DocumentRow, Page, StockRow
from retailerp.persistence.unit_of_work import UnitOfWork, now, read, write
from retailerp.services.context import ServiceContext, not_found
from retailerp.services.door import DocumentDate, door
from retailerp.services.sales import guard_reservations
from retailerp.services.settings import load_settings

STOCK_HOLDING_KINDS = (
    LocationKind.WAREHOUSE,
    LocationKind.BIN,
    LocationKind.QUARANTINE,
    LocationKind.SCRAP,
)
"""Where a receipt may put goods and a count may count them."""


class StockService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # --- reading ---------------------------------------------------------------------

    @door
    def page(self, page: Page) -> list[StockRow]:
        return read(self.ctx.db, lambda uow: queries.stock_page(uow.session, page))

    @door
    def documents(self, page: Page) -> list[DocumentRow]:
        return read(self.ctx.db, lambda uow: queries.document_page(uow.session, page))

    @door
    def document(self, number: str) -> StockDocument:
        def work(uow: UnitOfWork) -> StockDocument:
            document = uow.documents.by_number(number)
            if document is None:
                raise not_found(DOCUMENT, number)
            return document

        return read(self.ctx.db, work)

    @door
    def moves_of(self, number: str) -> list[StockMove]:
        return read(self.ctx.db, lambda uow: uow.stock.moves_of(number))

    @door
    def locations(self, kinds: Sequence[LocationKind] = STOCK_HOLDING_KINDS) -> list[Location]:
        return [
            loc for loc in read(self.ctx.db, lambda uow: uow.locations.all()) if loc.kind in kinds
        ]

    @door
    def quantity(self, item_id: int, location_code: str, key: str = "") -> Any:
        def work(uow: UnitOfWork) -> Any:
            location = uow.locations.require(location_code)
            return uow.stock.quantity(item_id, location.id or 0, key)

        return read(self.ctx.db, work)

    @door
    def book_quantities(self, location_id: int, item_ids: Sequence[int]) -> dict:
        """What the books say is at a location, per (item, batch) — for a count form."""
        return read(self.ctx.db, lambda uow: uow.stock.balances_at(location_id, item_ids))

    @door
    def ledger_mismatches(self) -> list:
        """Balances that differ from the sum of the ledger (empty when all is well)."""
        return read(self.ctx.db, lambda uow: uow.stock.ledger_mismatches())

    # --- changing --------------------------------------------------------------------

    @door
    def add_bin(self, code: str, name: str = "", warehouse_code: str = "WH") -> Location:
        """A bin (货位) inside a warehouse, for the picking route and to hold stock."""
        self.ctx.actor.require(Permission.EDIT_ITEMS)
        bin_code = v.code(code, "code")

        def work(uow: UnitOfWork) -> Location:
            if uow.locations.by_code(bin_code):
                raise FieldError(
                    "code",
                    QT_TRANSLATE_NOOP("errors", "Location {code} exists already."),
                    code=bin_code,
                )
            parent = uow.locations.require(warehouse_code)
            location = Location(
                code=bin_code, name=name or bin_code, kind=LocationKind.BIN, parent_id=parent.id
            )
            uow.locations.add(location)
            uow.audit(self.ctx.actor, "location.create", "location", location.id, code=bin_code)
            return location

        return write(self.ctx.db, work)

    @door(doc_date=DocumentDate)
    def receive(
        self,
        location_id: int,
        lines: Sequence[Mapping[str, object]],
        supplier: str = "",
        note: str = "",
        doc_date: date | None = None,
    ) -> StockDocument:
        """Post a goods receipt: every line comes in from the supplier end."""
        self.ctx.actor.require(Permission.RECEIVE_GOODS)
        supplier = v.optional_text(supplier, "partner", 100)
        note = v.optional_text(note, "note", 500)

        def work(uow: UnitOfWork) -> StockDocument:
            location = self._holding_location(uow, location_id)
            items = uow.items.by_ids(int(r.get("item_id") or 0) for r in lines)
            clean = inventory.clean_lines(lines, items)
            _serials_not_in_stock(uow, clean, items)
            doc = self._new_document(
                uow, DocumentType.GOODS_RECEIPT, location, doc_date, supplier, note, clean
            )
            moves = inventory.receipt_moves(doc, uow.locations.require(SUPPLIERS).id or 0)
            uow.stock.post(moves, load_settings(uow).allow_negative_stock)
            uow.audit(
                self.ctx.actor,
                "stock.receive",
                "document",
                doc.number,
                location=location.code,
                lines=len(clean),
            )
            return doc

        return write(self.ctx.db, work)

    @door(doc_date=DocumentDate)
    def count(
        self,
        location_id: int,
        lines: Sequence[Mapping[str, object]],
        note: str = "",
        doc_date: date | None = None,
        override_reason: str = "",
    ) -> StockDocument:
        """Post a stock count: the difference between counted and booked is adjusted.

        The booked quantity is read inside the posting transaction, so a move posted by
        another PC while the count was typed is taken into account.  A count that leaves
        less than orders have reserved is refused; an owner may post it with
        ``override_reason``, and the latest orders then lose that reservation.
        """
        self.ctx.actor.require(Permission.COUNT_STOCK)
        note = v.optional_text(note, "note", 500)

        def work(uow: UnitOfWork) -> StockDocument:
            location = self._holding_location(uow, location_id)
            items = uow.items.by_ids(int(r.get("item_id") or 0) for r in lines)
            clean = inventory.clean_lines(lines, items, inventory.clean_count_line)
            book = uow.stock.balances_at(location.id or 0, [ln.item_id for ln in clean])
            for line in clean:
                # the booked quantity goes to the first line of an item and batch only: a
                # second line (the same goods counted on another shelf) adds to the count
                line.book_quantity = book.pop((line.item_id, line.serial or line.batch), 0)
            doc = self._new_document(
                uow, DocumentType.STOCK_COUNT, location, doc_date, "", note, clean
            )
            moves = inventory.count_moves(doc, uow.locations.require(ADJUSTMENT).id or 0)
            uow.stock.post(moves, allow_negative_stock=True)
            guard_reservations(self.ctx, uow, moves, doc.number, override_reason)
            uow.audit(
                self.ctx.actor,
                "stock.count",
                "document",
                doc.number,
                location=location.code,
                differences=len(moves),
            )
            return doc

        return write(self.ctx.db, work)

    @door
    def reverse(self, number: str, reason: str, override_reason: str = "") -> StockDocument:
        """Post a reversal (冲销) of a receipt or count: every move goes back exactly.  A
        reversal that would take away stock orders have reserved is refused; an owner may
        post it with ``override_reason`` (see :meth:`count`)."""
        self.ctx.actor.require(Permission.REVERSE_STOCK)
        reason = v.required_text(reason, "reason", 200)

        def work(uow: UnitOfWork) -> StockDocument:
            original = uow.documents.by_number(number)
            if original is None:
                raise not_found(DOCUMENT, number)
            inventory.check_reversible(
                original, uow.documents.reversal_of(original.id or 0) is not None
            )
            location = uow.locations.get(original.location_id)
            assert location is not None
            doc = self._new_document(uow, DocumentType.REVERSAL, location, None, "", reason, [])
            doc.reverses_id = original.id
            moves = inventory.reversal_moves(
                uow.stock.moves_of(number), doc.number, doc.posted_by, doc.posted_at
            )
            uow.stock.post(moves, load_settings(uow).allow_negative_stock)
            guard_reservations(self.ctx, uow, moves, number, override_reason)
            uow.audit(
                self.ctx.actor,
                "stock.reverse",
                "document",
                doc.number,
                reverses=number,
                reason=reason,
            )
            return doc

        return write(self.ctx.db, work)

    # --- helpers -----------------------------------------------------------------------

    def _holding_location(self, uow: UnitOfWork, location_id: int) -> Location:
        location = uow.locations.get(location_id)
        if location is None or location.kind not in STOCK_HOLDING_KINDS:
            raise FieldError(
                "location",
                QT_TRANSLATE_NOOP(
                    "errors", "Choose a warehouse, bin, quarantine or scrap location."
                ),
            )
        return location

    def _new_document(
        self,
        uow: UnitOfWork,
        doc_type: DocumentType,
        location: Location,
        doc_date: date | None,
        partner: str,
        note: str,
        lines: list,
    ) -> StockDocument:
        day = doc_date or self.ctx.today()
        doc = StockDocument(
            doc_type=doc_type,
            number=uow.documents.next_number(doc_type, day.year),
            doc_date=day,
            location_id=location.id or 0,
            posted_by=self.ctx.actor.username,
            posted_at=now(),
            partner=partner,
            note=note,
            lines=lines,
        )
        uow.documents.add(doc)
        return doc


def _serials_not_in_stock(uow: UnitOfWork, lines: Sequence, items: Mapping) -> None:
    """A serial number is one unit: it cannot be received while it is already in stock."""
    for line in lines:
        if line.serial:
            where = uow.stock.serial_location(line.item_id, line.serial)
            if where is not None:
                raise FieldError(
                    f"lines.{line.line_no}.serial",
                    QT_TRANSLATE_NOOP(
                        "errors", "Serial number {serial} of {sku} is already in stock at {where}."
                    ),
                    serial=line.serial,
                    sku=items[line.item_id].sku,
                    where=where,
                )
