"""Stock moves as values: a move needs a quantity and two locations, a reversal mirrors it
exactly.  Posting (all-or-nothing, the negative-stock rule) and the property "balances equal
the moves" run against the real repository on a real file:
tests/integration/test_stock_ledger_repository.py."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from retailerp.domain.errors import FieldError
from retailerp.domain.stock import (
    Location,
    LocationKind,
    StockMove,
    consignment_code,
    stock_key,
)

WH, QC, CONS, SOLD, SUPPLIERS, ADJUST = 1, 2, 3, 4, 5, 6
LOCATIONS = {
    WH: Location("WH", "Main warehouse", LocationKind.WAREHOUSE, id=WH),
    QC: Location("QC", "Quarantine", LocationKind.QUARANTINE, id=QC),
    CONS: Location("CONS-C1", "C1", LocationKind.CONSIGNMENT, customer_id=1, id=CONS),
    SOLD: Location("CUSTOMERS", "Customers", LocationKind.CUSTOMER, id=SOLD),
    SUPPLIERS: Location("SUPPLIERS", "Suppliers", LocationKind.SUPPLIER, id=SUPPLIERS),
    ADJUST: Location("ADJUST", "Adjustment", LocationKind.ADJUSTMENT, id=ADJUST),
}
REAL = {WH, QC, CONS}
AT = datetime(2026, 3, 16, 8, 0, tzinfo=UTC)
APPLE, PEAR = 10, 11
_ids = iter(range(1, 10**9))


def move(src: int, dst: int, qty: str | int, item: int = APPLE, batch: str = "",
         serial: str = "", number: str = "GR2026-000001") -> StockMove:  # fmt: skip
    return StockMove(
        item_id=item, quantity=Decimal(qty), from_location_id=src, to_location_id=dst,
        doc_type=number[:2], doc_number=number, user="tester", at=AT, batch=batch,
        serial=serial, id=next(_ids),
    )  # fmt: skip


def test_a_reversal_mirrors_the_move_exactly() -> None:
    originals = [move(WH, CONS, "2.125", batch="L1"), move(WH, QC, 1, serial="SN-1")]
    for original in originals:
        back = original.reversal("RV", "RV2026-000001", "boss", AT)
        assert (back.from_location_id, back.to_location_id) == (
            original.to_location_id, original.from_location_id,
        )  # fmt: skip
        assert (back.quantity, back.batch, back.serial, back.reverses_id) == (
            original.quantity, original.batch, original.serial, original.id,
        )  # fmt: skip
        assert (back.doc_type, back.doc_number, back.user) == ("RV", "RV2026-000001", "boss")


def test_a_move_needs_a_positive_quantity_and_two_locations() -> None:
    for qty in ("0", "-1"):
        with pytest.raises(FieldError) as info:
            move(SUPPLIERS, WH, qty)
        assert info.value.field == "quantity"
    with pytest.raises(FieldError) as info:
        move(WH, WH, 1)
    assert info.value.field == "to_location"


def test_helpers() -> None:
    assert consignment_code("C001") == "CONS-C001"
    assert stock_key(move(SUPPLIERS, WH, 1, batch="B", serial="S")) == "S"
    assert stock_key(move(SUPPLIERS, WH, 1, batch="B")) == "B"
    assert LOCATIONS[SOLD].is_virtual and not LOCATIONS[CONS].is_virtual
    assert LOCATIONS[SOLD].may_go_negative(False) and not LOCATIONS[WH].may_go_negative(False)
    assert LOCATIONS[WH].may_go_negative(True)
