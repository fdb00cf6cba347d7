"""Goods receipts (入库), stock counts (盘点) and their reversals (冲销).

Each is a stock document: posted once, never edited; its lines become stock moves.  A mistake
is corrected by a reversal document that moves every quantity back and names the original.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from retailerp.domain import validation as v
from retailerp.domain.errors import FieldError, StateError, ValidationError
from retailerp.domain.items import Item, Tracking, line_item
from retailerp.domain.money import Money, check_price, check_quantity
from retailerp.domain.numbering import DocumentType
from retailerp.domain.stock import StockMove
from retailerp.domain.text import QT_TRANSLATE_NOOP


@dataclass(eq=False)
class StockDocumentLine:
    """A line of a receipt (quantity received) or a count (quantity counted vs. on the books)."""

    item_id: int
    quantity: Decimal
    batch: str = ""
    serial: str = ""
    expiry: date | None = None
    unit_cost: Money = field(default_factory=Money.zero)
    book_quantity: Decimal | None = None
    location_id: int | None = None
    """The bin (or the document's location) the line goes to or was counted at."""
    line_no: int = 0
    id: int | None = None
    document_id: int | None = None

    @property
    def difference(self) -> Decimal:
        """For a count: counted less booked (positive = found more than the books said)."""
        return self.quantity - (self.book_quantity or Decimal(0))


@dataclass(eq=False)
class StockDocument:
    """A posted goods receipt, stock count or reversal."""

    doc_type: DocumentType
    number: str
    doc_date: date
    location_id: int
    posted_by: str
    posted_at: datetime
    partner: str = ""
    note: str = ""
    reverses_id: int | None = None
    reverses_number: str | None = None
    """The number of the posted document a reversal undoes (a receipt, a count, a return …)."""
    lines: list[StockDocumentLine] = field(default_factory=list)
    id: int | None = None


def clean_receipt_line(
    index: int, raw: Mapping[str, object], items: Mapping[int, Item]
) -> StockDocumentLine:
    """Check one receipt line; field names are ``lines.<n>.<field>`` (n from 1)."""
    prefix = f"lines.{index + 1}."
    item = line_item(raw, items, prefix)
    qty = check_quantity(raw.get("quantity"), prefix + "quantity")
    batch = v.optional_text(str(raw.get("batch") or ""), prefix + "batch", 40)
    serial = v.optional_text(str(raw.get("serial") or ""), prefix + "serial", 60)
    _check_tracking(item, prefix, qty, batch, serial)
    expiry = raw.get("expiry")
    if expiry is not None and not isinstance(expiry, date):
        raise FieldError(prefix + "expiry", QT_TRANSLATE_NOOP("errors", "Enter a date."))
    cost = check_price(raw.get("unit_cost") or 0, prefix + "unit_cost")
    return StockDocumentLine(
        item_id=item.id or 0,
        quantity=qty,
        batch=batch,
        serial=serial,
        expiry=expiry,
        unit_cost=cost,
        location_id=_location_id(raw, prefix),
        line_no=index + 1,
    )


def _location_id(raw: Mapping[str, object], prefix: str) -> int | None:
    """The place a line names (``None``: the item's bin or the document's location)."""
    value = raw.get("location_id")
    if value in (None, "", 0):
        return None
    try:
        return int(str(value))
    except ValueError:
        raise FieldError(
            prefix + "location", QT_TRANSLATE_NOOP("errors", "Choose a bin.")
        ) from None


def _check_tracking(item: Item, prefix: str, qty: Decimal, batch: str, serial: str) -> None:
    if item.tracking == Tracking.BATCH and not batch:
        raise FieldError(
            prefix + "batch",
            QT_TRANSLATE_NOOP("errors", "Item {sku} is tracked by batch: enter the batch."),
            sku=item.sku,
        )
    if item.tracking == Tracking.SERIAL:
        if not serial:
            raise FieldError(
                prefix + "serial",
                QT_TRANSLATE_NOOP(
                    "errors", "Item {sku} is tracked by serial number: enter the serial."
                ),
                sku=item.sku,
            )
        if qty != 1:
            raise FieldError(
                prefix + "quantity",
                QT_TRANSLATE_NOOP("errors", "A line with a serial number holds exactly one unit."),
            )


def clean_lines(
    raw_lines: Sequence[Mapping[str, object]], items: Mapping[int, Item], cleaner=clean_receipt_line
) -> list[StockDocumentLine]:
    """Check every line; all errors at once; at least one line; no serial twice."""
    lines, errors = v.document_lines(raw_lines, lambda i, raw: cleaner(i, raw, items))
    errors.extend(_duplicate_serials(lines))
    if errors:
        raise ValidationError(errors)
    return lines


def _duplicate_serials(lines: list[StockDocumentLine]) -> list[FieldError]:
    seen: set[tuple[int, str]] = set()
    errors = []
    for line in lines:
        if line.serial and (line.item_id, line.serial) in seen:
            errors.append(
                FieldError(
                    f"lines.{line.line_no}.serial",
                    QT_TRANSLATE_NOOP("errors", "Serial number {serial} is on two lines."),
                    serial=line.serial,
                )
            )
        seen.add((line.item_id, line.serial))
    return errors


def clean_count_line(
    index: int, raw: Mapping[str, object], items: Mapping[int, Item]
) -> StockDocumentLine:
    """Check one counted line: an item, the counted quantity (zero allowed) and its batch, or
    for a serial-tracked item its serial number with a count of 0 or 1 (the key may come in
    either field: the count form shows what the books hold under one "batch / serial")."""
    prefix = f"lines.{index + 1}."
    item = items.get(int(raw.get("item_id") or 0))
    if item is None:
        raise FieldError(prefix + "item", QT_TRANSLATE_NOOP("errors", "Choose an item."))
    qty = check_quantity(raw.get("quantity"), prefix + "quantity", allow_zero=True)
    if item.tracking == Tracking.SERIAL:
        serial = v.optional_text(
            str(raw.get("serial") or raw.get("batch") or ""), prefix + "serial", 60
        )
        _check_tracking(item, prefix, qty if qty else Decimal(1), "", serial)
        return StockDocumentLine(
            item_id=item.id or 0,
            quantity=qty,
            serial=serial,
            location_id=_location_id(raw, prefix),
            line_no=index + 1,
        )
    batch = v.optional_text(str(raw.get("batch") or ""), prefix + "batch", 40)
    if item.tracking == Tracking.BATCH and not batch:
        raise FieldError(
            prefix + "batch",
            QT_TRANSLATE_NOOP("errors", "Item {sku} is tracked by batch: enter the batch."),
            sku=item.sku,
        )
    return StockDocumentLine(
        item_id=item.id or 0,
        quantity=qty,
        batch=batch,
        location_id=_location_id(raw, prefix),
        line_no=index + 1,
    )


def receipt_moves(doc: StockDocument, supplier_location_id: int) -> list[StockMove]:
    """A receipt brings every line from the suppliers' end into the receiving location."""
    return [
        StockMove(
            item_id=line.item_id,
            quantity=line.quantity,
            from_location_id=supplier_location_id,
            to_location_id=line.location_id or doc.location_id,
            doc_type=doc.doc_type.value,
            doc_number=doc.number,
            user=doc.posted_by,
            at=doc.posted_at,
            batch=line.batch,
            serial=line.serial,
            expiry=line.expiry,
        )
        for line in doc.lines
    ]


def count_moves(doc: StockDocument, adjustment_location_id: int) -> list[StockMove]:
    """A count books each difference against the adjustment end: gains in, losses out."""
    moves = []
    for line in doc.lines:
        diff = line.difference
        if diff == 0:
            continue
        place = line.location_id or doc.location_id
        source, target = (
            (adjustment_location_id, place) if diff > 0 else (place, adjustment_location_id)
        )
        moves.append(
            StockMove(
                item_id=line.item_id,
                quantity=abs(diff),
                from_location_id=source,
                to_location_id=target,
                doc_type=doc.doc_type.value,
                doc_number=doc.number,
                user=doc.posted_by,
                at=doc.posted_at,
                batch=line.batch,
                serial=line.serial,
            )
        )
    return moves


REVERSIBLE_TYPES = frozenset({DocumentType.GOODS_RECEIPT, DocumentType.STOCK_COUNT})
"""Stock documents a reversal may undo (a delivery is corrected by a return)."""


def is_reversible(doc_type: DocumentType, already_reversed: bool) -> bool:
    """Whether a Reverse action is offered for a posted document."""
    return doc_type in REVERSIBLE_TYPES and not already_reversed


def check_reversible(original: StockDocument, already_reversed: bool) -> None:
    """A document is reversed at most once, and a reversal is not itself reversed."""
    if original.doc_type == DocumentType.REVERSAL:
        raise StateError(
            QT_TRANSLATE_NOOP("errors", "{number} is a reversal; post the original again instead."),
            number=original.number,
        )
    if already_reversed:
        raise StateError(
            QT_TRANSLATE_NOOP("errors", "{number} has already been reversed."),
            number=original.number,
        )


def reversal_moves(
    moves: Sequence[StockMove], number: str, user: str, at: datetime
) -> list[StockMove]:
    """Moves that undo the given ones exactly, each naming the move it reverses."""
    return [m.reversal(DocumentType.REVERSAL.value, number, user, at) for m in moves]
