"""Stock use cases: goods receipt (入库), stock count (盘点), reversal (冲销), warehouses and
bins, overviews, documents and an item's movement ledger (库存流水)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

from retailerp.domain import inventory, locations
from retailerp.domain import validation as v
from retailerp.domain.errors import FieldError, ValidationError
from retailerp.domain.inventory import StockDocument, StockDocumentLine
from retailerp.domain.items import Item
from retailerp.domain.locations import LOCATION
from retailerp.domain.numbering import DocumentType
from retailerp.domain.stock import (
    ADJUSTMENT,
    MAIN_WAREHOUSE,
    SUPPLIERS,
    Location,
    LocationKind,
    StockMove,
)
from retailerp.domain.text import DOCUMENT, QT_TRANSLATE_NOOP
from retailerp.persistence import stock_queries
from retailerp.persistence.queries import Page
from retailerp.persistence.stock_queries import (
    DocumentHeader,
    DocumentLineRow,
    DocumentRow,
    LedgerRow,
    LocationRow,
    StockRow,
)
from retailerp.persistence.unit_of_work import UnitOfWork, now, read, write
from retailerp.services.context import ServiceContext, not_found
from retailerp.services.door import DocumentDate, door
from retailerp.services.reversals import post_reversal
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
        return read(self.ctx.db, lambda uow: stock_queries.stock_page(uow.session, page))

    @door
    def documents(self, page: Page) -> list[DocumentRow]:
        """Goods receipts, counts, reversals and deliveries' goods issue."""
        return read(self.ctx.db, lambda uow: stock_queries.document_page(uow.session, page))

    @door
    def document_view(self, number: str) -> tuple[DocumentHeader, list[DocumentLineRow]]:
        """A posted stock document or delivery with its lines, for its read-only view."""

        def work(uow: UnitOfWork) -> tuple[DocumentHeader, list[DocumentLineRow]]:
            header = stock_queries.stock_document_header(uow.session, number)
            if header is not None:
                header = replace(
                    header,
                    reversible=inventory.is_reversible(
                        DocumentType(header.doc_type), bool(header.reversed_by_number)
                    ),
                )
            else:
                header = stock_queries.delivery_header(uow.session, number)
            if header is None:
                raise not_found(DOCUMENT, number)
            kind = DocumentType(header.doc_type)
            if kind in (DocumentType.GOODS_RECEIPT, DocumentType.STOCK_COUNT):
                return header, stock_queries.stock_document_lines(uow.session, number)
            return header, stock_queries.move_lines(uow.session, number)

        return read(self.ctx.db, work)

    @door
    def ledger(self, page: Page) -> list[LedgerRow]:
        """An item's moves with the running balance (filters ``item_id``, ``location_id``)."""
        return read(self.ctx.db, lambda uow: stock_queries.ledger_page(uow.session, page))

    @door
    def balance(self, item_id: int, location_id: int | None = None) -> Decimal:
        """What the books hold of an item at a place (a warehouse with its bins) or in all."""
        return read(
            self.ctx.db, lambda uow: stock_queries.balance(uow.session, item_id, location_id)
        )

    @door
    def location_page(self, page: Page) -> list[LocationRow]:
        """Warehouses, bins, quarantine and scrap for the list of places."""
        return read(self.ctx.db, lambda uow: stock_queries.location_page(uow.session, page))

    @door
    def location(self, location_id: int) -> Location:
        def work(uow: UnitOfWork) -> Location:
            location = uow.locations.get(location_id)
            if location is None:
                raise not_found(LOCATION, location_id)
            return location

        return read(self.ctx.db, work)

    @door
    def places(self) -> list[Location]:
        """Warehouses and bins in use: what an item's bin is chosen from."""
        return [
            loc
            for loc in read(self.ctx.db, lambda uow: uow.locations.all())
            if loc.kind in locations.ITEM_PLACE_KINDS and loc.active
        ]

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
    def locations(
        self, kinds: Sequence[LocationKind] = STOCK_HOLDING_KINDS, *, active_only: bool = False
    ) -> list[Location]:
        return [
            loc
            for loc in read(self.ctx.db, lambda uow: uow.locations.all())
            if loc.kind in kinds and (loc.active or not active_only)
        ]

    @door
    def quantity(self, item_id: int, location_code: str, key: str = "") -> Any:
        def work(uow: UnitOfWork) -> Any:
            location = uow.locations.by_code(location_code)
            if location is None:  # a code typed or sent in, not one of the seeded places
                raise not_found(LOCATION, location_code)
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
    def add_bin(self, code: str, name: str = "", warehouse_code: str = MAIN_WAREHOUSE) -> Location:
        """A bin (货位) inside a warehouse, for the picking route and to hold stock."""

        def parent(uow: UnitOfWork) -> Location | None:
            return uow.locations.by_code(warehouse_code.strip().upper())

        return self._create({"kind": LocationKind.BIN, "code": code, "name": name}, parent)

    @door
    def add_location(self, values: Mapping[str, Any]) -> Location:
        """A warehouse (``kind`` "warehouse") or a bin inside the warehouse ``warehouse_id``."""

        def parent(uow: UnitOfWork) -> Location | None:
            warehouse = values.get("warehouse_id")
            return uow.locations.get(int(warehouse)) if warehouse else None

        return self._create(values, parent)

    def _create(self, values: Mapping[str, Any], parent_of: Any) -> Location:

        def work(uow: UnitOfWork) -> Location:
            location = locations.new_location(values, parent_of(uow))
            locations.check_code_free(location.code, uow.locations.by_code(location.code))
            uow.locations.add(location)
            uow.audit(
                self.ctx.actor,
                "location.create",
                "location",
                location.id,
                code=location.code,
                kind=location.kind,
            )
            return location

        return write(self.ctx.db, work)

    @door
    def rename_location(self, location_id: int, name: str) -> Location:

        def work(uow: UnitOfWork) -> Location:
            location = self._location(uow, location_id)
            before = location.name
            locations.rename(location, name)
            uow.flush()
            uow.audit(
                self.ctx.actor,
                "location.rename",
                "location",
                location_id,
                changes={"name": {"before": before, "after": location.name}},
            )
            return location

        return write(self.ctx.db, work)

    @door
    def set_location_active(self, location_id: int, active: bool) -> Location:
        """Take a warehouse or bin out of use (it stays with its history) or bring it back."""

        def work(uow: UnitOfWork) -> Location:
            location = self._location(uow, location_id)
            if active:
                parent = uow.locations.get(location.parent_id) if location.parent_id else None
                locations.reactivate(location, parent)
            else:
                locations.deactivate(location, uow.locations.use(location_id))
            uow.flush()
            uow.audit(self.ctx.actor, "location.set_active", "location", location_id, active=active)
            return location

        return write(self.ctx.db, work)

    @door
    def delete_location(self, location_id: int) -> None:
        """Delete a warehouse or bin nothing ever referred to (a typing mistake)."""

        def work(uow: UnitOfWork) -> None:
            location = self._location(uow, location_id)
            locations.check_delete(location, uow.locations.use(location_id))
            code = location.code
            uow.locations.delete(location)
            uow.audit(self.ctx.actor, "location.delete", "location", location_id, code=code)

        write(self.ctx.db, work)

    @staticmethod
    def _location(uow: UnitOfWork, location_id: int) -> Location:
        location = uow.locations.get(location_id)
        if location is None:
            raise not_found(LOCATION, location_id)
        return location

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
        supplier = v.optional_text(supplier, "partner", 100)
        note = v.optional_text(note, "note", 500)

        def work(uow: UnitOfWork) -> StockDocument:
            location = self._holding_location(uow, location_id)
            items = uow.items.by_ids(int(r.get("item_id") or 0) for r in lines)
            clean = inventory.clean_lines(lines, items)
            _place_lines(uow, clean, items, location)
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
        note = v.optional_text(note, "note", 500)

        def work(uow: UnitOfWork) -> StockDocument:
            location = self._holding_location(uow, location_id)
            items = uow.items.by_ids(int(r.get("item_id") or 0) for r in lines)
            clean = inventory.clean_lines(lines, items, inventory.clean_count_line)
            _place_lines(uow, clean, items, location)
            book = _book(uow, clean)
            for line in clean:
                # the booked quantity goes to the first line of a place, item and batch
                # only: a second line (counted again on the same shelf) adds to the count
                key = (line.location_id or 0, line.item_id, line.serial or line.batch)
                line.book_quantity = book.pop(key, Decimal(0))
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
        reason = v.required_text(reason, "reason", 200)

        def work(uow: UnitOfWork) -> StockDocument:
            original = uow.documents.by_number(number)
            if original is None:
                raise not_found(DOCUMENT, number)
            inventory.check_reversible(
                original, uow.documents.reversal_of(original.id or 0) is not None
            )
            doc = post_reversal(
                self.ctx,
                uow,
                number,
                original.location_id,
                reason,
                reverses_id=original.id,
                allow_negative_stock=load_settings(uow).allow_negative_stock,
            )
            guard_reservations(
                self.ctx, uow, uow.stock.moves_of(doc.number), number, override_reason
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
        if not location.active:
            raise FieldError(
                "location",
                QT_TRANSLATE_NOOP("errors", "{code} is no longer in use."),
                code=location.code,
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


def _place_lines(
    uow: UnitOfWork,
    lines: Sequence[StockDocumentLine],
    items: Mapping[int, Item],
    document_location: Location,
) -> None:
    """Give every line its place: the bin asked for, else the item's bin when it lies in
    the document's location, else that location; refuse places outside it."""
    wanted = [ln.location_id for ln in lines if ln.location_id]
    bins = [items[ln.item_id].bin_id for ln in lines if items[ln.item_id].bin_id]
    known = uow.locations.by_ids([*wanted, *bins])
    errors = []
    for line in lines:
        field = f"lines.{line.line_no}.location"
        requested = known.get(line.location_id) if line.location_id else None
        if line.location_id and requested is None:
            errors.append(FieldError(field, QT_TRANSLATE_NOOP("errors", "Choose a bin.")))
            continue
        item_bin = known.get(items[line.item_id].bin_id or 0)
        place = locations.line_location(requested, item_bin, document_location)
        try:
            locations.check_line_location(field, place, document_location)
        except FieldError as error:
            errors.append(error)
            continue
        line.location_id = place.id
    if errors:
        raise ValidationError(errors)


def _book(
    uow: UnitOfWork, lines: Sequence[StockDocumentLine]
) -> dict[tuple[int, int, str], Decimal]:
    """What the books hold per (place, item, batch or serial) for the lines of a count."""
    book: dict[tuple[int, int, str], Decimal] = {}
    for place in {ln.location_id or 0 for ln in lines}:
        ids = [ln.item_id for ln in lines if ln.location_id == place]
        for (item_id, key), qty in uow.stock.balances_at(place, ids).items():
            book[(place, item_id, key)] = qty
    return book


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
