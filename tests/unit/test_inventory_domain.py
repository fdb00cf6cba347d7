"""Receipt and count lines, the moves they make, and the rules of reversal."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from retailerp.domain.errors import FieldError, StateError, ValidationError
from retailerp.domain.inventory import (
    StockDocument,
    StockDocumentLine,
    check_reversible,
    clean_count_line,
    clean_lines,
    count_moves,
    receipt_moves,
    reversal_moves,
)
from retailerp.domain.items import Item, Tracking
from retailerp.domain.money import Money
from retailerp.domain.numbering import DocumentType
from retailerp.domain.validation import MAX_LINES

PLAIN, BATCHED, SERIAL, RETIRED = 1, 2, 3, 4
ITEMS = {
    PLAIN: Item(sku="APPLE", name="Apple", id=PLAIN),
    BATCHED: Item(sku="MILK", name="Milk", tracking=Tracking.BATCH, id=BATCHED),
    SERIAL: Item(sku="PHONE", name="Phone", tracking=Tracking.SERIAL, id=SERIAL),
    RETIRED: Item(sku="OLD", name="Old", active=False, id=RETIRED),
}
WH, SUPPLIERS, ADJUST = 1, 5, 6
AT = datetime(2026, 3, 16, 8, 0, tzinfo=UTC)


def document(doc_type: DocumentType, lines: list[StockDocumentLine], number: str = "") -> (
    StockDocument
):  # fmt: skip
    return StockDocument(
        doc_type=doc_type, number=number or f"{doc_type.value}2026-000001",
        doc_date=date(2026, 3, 16), location_id=WH, posted_by="clerk", posted_at=AT,
        lines=lines, id=7,
    )  # fmt: skip


def validation_errors(raw: list[dict], cleaner=None) -> dict[str, FieldError]:  # noqa: ANN001
    with pytest.raises(ValidationError) as info:
        if cleaner is None:
            clean_lines(raw, ITEMS)
        else:
            clean_lines(raw, ITEMS, cleaner)
    return {e.field or "": e for e in info.value.errors}


# --- receipt lines -----------------------------------------------------------------------


def test_clean_receipt_lines() -> None:
    lines = clean_lines(
        [
            {"item_id": PLAIN, "quantity": "2.5", "unit_cost": "3.455"},
            {"item_id": BATCHED, "quantity": 24, "batch": " L2026-03 ",
             "expiry": date(2026, 9, 1)},
            {"item_id": SERIAL, "quantity": "1", "serial": "SN-0001"},
        ],
        ITEMS,
    )  # fmt: skip
    assert [(ln.line_no, ln.item_id, ln.quantity) for ln in lines] == [
        (1, PLAIN, Decimal("2.500")), (2, BATCHED, Decimal("24.000")),
        (3, SERIAL, Decimal("1.000")),
    ]  # fmt: skip
    assert lines[0].unit_cost == Money.of("3.46")
    assert (lines[1].batch, lines[1].expiry) == ("L2026-03", date(2026, 9, 1))
    assert lines[2].serial == "SN-0001"


def test_every_line_error_is_reported_at_once_with_its_line_number() -> None:
    errors = validation_errors(
        [
            {"quantity": 1},  # no item
            {"item_id": PLAIN, "quantity": 0},
            {"item_id": BATCHED, "quantity": 5},  # batch missing
            {"item_id": SERIAL, "quantity": 2, "serial": "SN-1"},
            {"item_id": SERIAL, "quantity": 1},  # serial missing
            {"item_id": RETIRED, "quantity": 1},
            {"item_id": PLAIN, "quantity": 1, "expiry": "2026-09-01"},
            {"item_id": PLAIN, "quantity": 1, "unit_cost": "-1"},
            {"item_id": PLAIN, "quantity": "1.0001"},
            {"item_id": 999, "quantity": 1},  # an item that does not exist
            {"item_id": PLAIN, "quantity": 1, "batch": "B" * 41},
            {"item_id": PLAIN, "quantity": 1},  # the only good line
        ]
    )
    assert set(errors) == {
        "lines.1.item", "lines.2.quantity", "lines.3.batch", "lines.4.quantity",
        "lines.5.serial", "lines.6.item", "lines.7.expiry", "lines.8.unit_cost",
        "lines.9.quantity", "lines.10.item", "lines.11.batch",
    }  # fmt: skip
    assert str(errors["lines.3.batch"]) == "Item MILK is tracked by batch: enter the batch."
    assert "PHONE is tracked by serial" in str(errors["lines.5.serial"])
    assert "exactly one unit" in str(errors["lines.4.quantity"])
    assert "OLD is no longer in use" in str(errors["lines.6.item"])


def test_a_serial_number_may_appear_only_once_per_item() -> None:
    errors = validation_errors(
        [
            {"item_id": SERIAL, "quantity": 1, "serial": "SN-1"},
            {"item_id": SERIAL, "quantity": 1, "serial": "SN-2"},
            {"item_id": SERIAL, "quantity": 1, "serial": "SN-1"},
        ]
    )
    assert list(errors) == ["lines.3.serial"]
    assert str(errors["lines.3.serial"]) == "Serial number SN-1 is on two lines."


def test_the_same_serial_on_two_different_items_is_fine() -> None:
    other = Item(sku="TAB", name="Tablet", tracking=Tracking.SERIAL, id=9)
    lines = clean_lines(
        [{"item_id": SERIAL, "quantity": 1, "serial": "X1"},
         {"item_id": 9, "quantity": 1, "serial": "X1"}],
        {**ITEMS, 9: other},
    )  # fmt: skip
    assert len(lines) == 2


def test_a_document_needs_lines_but_not_too_many() -> None:
    with pytest.raises(FieldError) as info:
        clean_lines([], ITEMS)
    assert info.value.field == "lines"
    with pytest.raises(FieldError) as info:
        clean_lines([{"item_id": PLAIN, "quantity": 1}] * (MAX_LINES + 1), ITEMS)
    assert info.value.field == "lines"
    assert str(MAX_LINES) in str(info.value)
    assert len(clean_lines([{"item_id": PLAIN, "quantity": 1}] * MAX_LINES, ITEMS)) == MAX_LINES


def test_receipt_moves_come_from_the_supplier_end() -> None:
    lines = clean_lines(
        [{"item_id": PLAIN, "quantity": 3},
         {"item_id": BATCHED, "quantity": 2, "batch": "L1", "expiry": date(2026, 9, 1)}],
        ITEMS,
    )  # fmt: skip
    moves = receipt_moves(document(DocumentType.GOODS_RECEIPT, lines), SUPPLIERS)
    assert [(m.item_id, m.quantity, m.from_location_id, m.to_location_id, m.batch, m.expiry)
            for m in moves] == [
        (PLAIN, 3, SUPPLIERS, WH, "", None),
        (BATCHED, 2, SUPPLIERS, WH, "L1", date(2026, 9, 1)),
    ]  # fmt: skip
    assert {(m.doc_type, m.doc_number, m.user, m.at) for m in moves} == {
        ("GR", "GR2026-000001", "clerk", AT)
    }


# --- count lines -------------------------------------------------------------------------


def test_count_lines_allow_zero_and_need_the_batch_of_batch_items() -> None:
    lines = clean_lines(
        [{"item_id": PLAIN, "quantity": 0}, {"item_id": BATCHED, "quantity": "4", "batch": "L1"},
         {"item_id": RETIRED, "quantity": 0}],
        ITEMS, clean_count_line,
    )  # fmt: skip
    assert [ln.quantity for ln in lines] == [0, 4, 0]
    errors = validation_errors(
        [{"item_id": PLAIN, "quantity": -1}, {"item_id": BATCHED, "quantity": 1},
         {"item_id": 999, "quantity": 1}, {"item_id": PLAIN, "quantity": 1, "batch": "B" * 41}],
        clean_count_line,
    )  # fmt: skip
    assert set(errors) == {"lines.1.quantity", "lines.2.batch", "lines.3.item", "lines.4.batch"}
    assert "cannot be negative" in str(errors["lines.1.quantity"])


def _count_line(item: int, counted: str, book: str | None, batch: str = "") -> (
    StockDocumentLine
):  # fmt: skip
    return StockDocumentLine(
        item_id=item, quantity=Decimal(counted), batch=batch,
        book_quantity=None if book is None else Decimal(book),
    )  # fmt: skip


def test_count_moves_book_gains_in_and_losses_out() -> None:
    lines = [
        _count_line(PLAIN, "8", "5"),  # found 3 more
        _count_line(BATCHED, "2", "5", batch="L1"),  # 3 missing
        _count_line(BATCHED, "5", "5", batch="L2"),  # as booked: no move
        _count_line(SERIAL, "1", None),  # nothing on the books
        _count_line(RETIRED, "0", "1.5"),
    ]
    assert [ln.difference for ln in lines] == [3, -3, 0, 1, Decimal("-1.5")]
    moves = count_moves(document(DocumentType.STOCK_COUNT, lines), ADJUST)
    assert [(m.item_id, m.quantity, m.from_location_id, m.to_location_id, m.batch)
            for m in moves] == [
        (PLAIN, 3, ADJUST, WH, ""),
        (BATCHED, 3, WH, ADJUST, "L1"),
        (SERIAL, 1, ADJUST, WH, ""),
        (RETIRED, Decimal("1.5"), WH, ADJUST, ""),
    ]  # fmt: skip
    assert {m.doc_type for m in moves} == {"SC"}


def test_a_count_that_matches_the_books_makes_no_moves() -> None:
    doc = document(DocumentType.STOCK_COUNT, [_count_line(PLAIN, "5", "5")])
    assert count_moves(doc, ADJUST) == []


# --- reversal ----------------------------------------------------------------------------


def test_a_document_is_reversed_at_most_once_and_a_reversal_never() -> None:
    receipt = document(DocumentType.GOODS_RECEIPT, [], "GR2026-000004")
    check_reversible(receipt, already_reversed=False)
    with pytest.raises(StateError) as info:
        check_reversible(receipt, already_reversed=True)
    assert str(info.value) == "GR2026-000004 has already been reversed."
    reversal = document(DocumentType.REVERSAL, [], "RV2026-000001")
    with pytest.raises(StateError) as info:
        check_reversible(reversal, already_reversed=False)
    assert "RV2026-000001 is a reversal" in str(info.value)


def test_reversal_moves_undo_each_move_and_name_it() -> None:
    lines = clean_lines([{"item_id": BATCHED, "quantity": 2, "batch": "L1"},
                         {"item_id": PLAIN, "quantity": 1}], ITEMS)  # fmt: skip
    originals = receipt_moves(document(DocumentType.GOODS_RECEIPT, lines), SUPPLIERS)
    for n, m in enumerate(originals, 100):
        m.id = n
    back = reversal_moves(originals, "RV2026-000009", "boss", AT)
    assert [
        (m.from_location_id, m.to_location_id, m.quantity, m.batch, m.reverses_id) for m in back
    ] == [(WH, SUPPLIERS, 2, "L1", 100), (WH, SUPPLIERS, 1, "", 101)]
    assert {(m.doc_type, m.doc_number, m.user) for m in back} == {("RV", "RV2026-000009", "boss")}
