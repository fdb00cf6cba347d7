"""The pure stock ledger: all-or-nothing posting, the negative-stock rule, exact reversals."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from retailerp.domain.errors import FieldError, InsufficientStockError
from retailerp.domain.stock import (
    Ledger,
    Location,
    LocationKind,
    StockMove,
    balances_from_moves,
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


def nonzero(balances: dict) -> dict:
    return {k: q for k, q in balances.items() if q != 0}


def test_a_receipt_brings_goods_from_the_supplier_end() -> None:
    ledger = Ledger(LOCATIONS)
    ledger.post([move(SUPPLIERS, WH, 10), move(SUPPLIERS, WH, "2.5", item=PEAR)])
    assert ledger.quantity(APPLE, WH) == 10
    assert ledger.quantity(APPLE, SUPPLIERS) == -10  # a virtual end goes negative
    assert ledger.quantity(PEAR, WH) == Decimal("2.5")
    assert ledger.quantity(PEAR, QC) == 0


def test_posting_is_all_or_nothing() -> None:
    ledger = Ledger(LOCATIONS)
    ledger.post([move(SUPPLIERS, WH, 10)])
    before = dict(ledger.balances)
    with pytest.raises(InsufficientStockError) as info:
        ledger.post([move(WH, SOLD, 5), move(WH, QC, 1, item=PEAR), move(WH, SOLD, 6)])
    assert ledger.balances == before
    assert info.value.field == "quantity"
    # the pear line failed first: nothing of the pear at WH
    assert str(info.value) == "Not enough stock at WH: 1 wanted, 0 available."
    with pytest.raises(InsufficientStockError) as info:
        ledger.post([move(WH, SOLD, 5), move(WH, SOLD, "5.5")])
    assert str(info.value) == "Not enough stock at WH: 5.5 wanted, 5 available."
    assert ledger.balances == before


def test_a_real_location_may_not_go_negative() -> None:
    ledger = Ledger(LOCATIONS)
    ledger.post([move(SUPPLIERS, WH, 3), move(WH, CONS, 3)])
    for src in (WH, QC, CONS):
        with pytest.raises(InsufficientStockError) as info:
            ledger.post([move(src, SOLD, "3.001")])
        assert LOCATIONS[src].code in str(info.value)
    assert ledger.quantity(APPLE, CONS) == 3


def test_virtual_ends_may_go_negative() -> None:
    ledger = Ledger(LOCATIONS)
    ledger.post([move(SOLD, CONS, 4), move(ADJUST, QC, 1), move(SUPPLIERS, SOLD, 2)])
    assert ledger.quantity(APPLE, SOLD) == -2
    assert ledger.quantity(APPLE, ADJUST) == -1
    assert ledger.quantity(APPLE, SUPPLIERS) == -2


def test_negative_stock_is_allowed_when_the_shop_allows_it() -> None:
    ledger = Ledger(LOCATIONS, allow_negative_stock=True)
    ledger.post([move(WH, SOLD, 5)])
    assert ledger.quantity(APPLE, WH) == -5
    ledger.post([move(SUPPLIERS, WH, 5)])
    assert ledger.quantity(APPLE, WH) == 0


def test_stock_is_kept_per_batch_and_serial() -> None:
    ledger = Ledger(LOCATIONS)
    ledger.post([move(SUPPLIERS, WH, 5, batch="L1"), move(SUPPLIERS, WH, 3, batch="L2"),
                 move(SUPPLIERS, WH, 1, item=PEAR, batch="L1", serial="SN-1")])  # fmt: skip
    assert ledger.quantity(APPLE, WH, "L1") == 5
    assert ledger.quantity(APPLE, WH, "L2") == 3
    assert ledger.quantity(APPLE, WH) == 0
    assert ledger.quantity(PEAR, WH, "SN-1") == 1  # the serial tells the unit apart
    with pytest.raises(InsufficientStockError):
        ledger.post([move(WH, SOLD, 4, batch="L2")])  # L1 has plenty, L2 has not
    ledger.post([move(WH, SOLD, 3, batch="L2")])
    assert ledger.quantity(APPLE, WH, "L2") == 0


def test_reversal_moves_restore_balances_exactly() -> None:
    ledger = Ledger(LOCATIONS)
    ledger.post([move(SUPPLIERS, WH, 10, batch="L1")])
    start = nonzero(ledger.balances)
    originals = [move(WH, CONS, "2.125", batch="L1"), move(WH, QC, 1, batch="L1")]
    ledger.post(originals)
    reversals = [m.reversal("RV", "RV2026-000001", "boss", AT) for m in originals]
    for original, back in zip(originals, reversals, strict=True):
        assert (back.from_location_id, back.to_location_id) == (
            original.to_location_id, original.from_location_id,
        )  # fmt: skip
        assert (back.quantity, back.batch, back.reverses_id) == (
            original.quantity, original.batch, original.id,
        )  # fmt: skip
        assert (back.doc_type, back.doc_number, back.user) == ("RV", "RV2026-000001", "boss")
    ledger.post(reversals)
    assert nonzero(ledger.balances) == start


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
    assert balances_from_moves([]) == {}
    assert balances_from_moves([move(SUPPLIERS, WH, 2), move(WH, QC, 1)]) == {
        (APPLE, SUPPLIERS, ""): -2, (APPLE, WH, ""): 1, (APPLE, QC, ""): 1,
    }  # fmt: skip


# --- property: balances always equal the sum of the accepted moves -----------------------

quantities = st.decimals(min_value=Decimal("0.001"), max_value=Decimal(20), places=3)
pairs = st.tuples(st.sampled_from(list(LOCATIONS)), st.sampled_from(list(LOCATIONS))).filter(
    lambda p: p[0] != p[1]
)
moves_st = st.builds(
    lambda pair, qty, item, batch: move(pair[0], pair[1], qty, item=item, batch=batch),
    pairs,
    quantities,
    st.sampled_from([APPLE, PEAR]),
    st.sampled_from(["", "L1"]),
)


@given(st.lists(st.lists(moves_st, min_size=1, max_size=5), max_size=15), st.booleans())
def test_balances_always_equal_the_sum_of_the_accepted_moves(
    batches: list[list[StockMove]], allow_negative: bool
) -> None:
    ledger = Ledger(LOCATIONS, allow_negative_stock=allow_negative)
    accepted: list[StockMove] = []
    for batch in batches:
        before = dict(ledger.balances)
        try:
            ledger.post(batch)
        except InsufficientStockError:
            assert not allow_negative
            assert ledger.balances == before  # a refused batch leaves no trace
        else:
            accepted.extend(batch)
        assert nonzero(ledger.balances) == nonzero(balances_from_moves(accepted))
        if not allow_negative:
            assert all(q >= 0 for (_, loc, _), q in ledger.balances.items() if loc in REAL)
    # and the whole system is closed: every item's quantities add up to zero
    for item in (APPLE, PEAR):
        assert sum(q for (i, _, _), q in ledger.balances.items() if i == item) == 0
