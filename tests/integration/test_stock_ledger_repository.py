"""The stock ledger as production posts it: ``StockRepository.post`` on a real SQLite file.

All-or-nothing posting, the negative-stock rule (one conditional UPDATE), virtual ends that
go negative, stock per batch and serial, exact reversals — and the property that after any
sequence of postings the balance table equals the sum of the accepted moves (and ``db
check``'s ``ledger_mismatches`` agrees).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from retailerp.domain.errors import InsufficientStockError
from retailerp.domain.items import Item
from retailerp.domain.stock import Location, LocationKind, StockMove, stock_key
from retailerp.persistence import migrate
from retailerp.persistence import tables as t
from retailerp.persistence.engine import Database, open_database
from retailerp.persistence.unit_of_work import UnitOfWork, read, write

AT = datetime(2026, 3, 16, 8, 0, tzinfo=UTC)
CODES = ("WH", "QC", "CONS-C1", "CUSTOMERS", "SUPPLIERS", "ADJUST")
WH, QC, CONS, SOLD, SUPPLIERS, ADJUST = CODES
REAL = {WH, QC, CONS}


class Books:
    """A migrated file with two items and a consignment location; moves by location code."""

    def __init__(self, db: Database) -> None:
        self.db = db

        def setup(uow: UnitOfWork) -> tuple[dict[str, int], list[int]]:
            if uow.locations.by_code(CONS) is None:
                uow.locations.add(Location(CONS, "C1", LocationKind.CONSIGNMENT))
            for sku in ("APPLE", "PEAR"):
                if uow.items.by_sku(sku) is None:
                    uow.items.add(Item(sku=sku, name=sku))
            uow.flush()
            ids = {code: uow.locations.require(code).id or 0 for code in CODES}
            return ids, [uow.items.by_sku(s).id or 0 for s in ("APPLE", "PEAR")]  # type: ignore[union-attr]

        self.ids, (self.apple, self.pear) = write(db, setup)
        self.codes = {v: k for k, v in self.ids.items()}

    def move(self, src: str, dst: str, qty: str | int | Decimal, item: int | None = None,
             batch: str = "", serial: str = "", number: str = "GR2026-000001",
             ) -> StockMove:  # fmt: skip
        return StockMove(
            item_id=item or self.apple, quantity=Decimal(qty), from_location_id=self.ids[src],
            to_location_id=self.ids[dst], doc_type=number[:2], doc_number=number,
            user="tester", at=AT, batch=batch, serial=serial,
        )  # fmt: skip

    def post(self, moves: list[StockMove], allow_negative: bool = False) -> None:
        write(self.db, lambda uow: uow.stock.post(moves, allow_negative))

    def qty(self, location: str, item: int | None = None, key: str = "") -> Decimal:
        return read(
            self.db, lambda uow: uow.stock.quantity(item or self.apple, self.ids[location], key)
        )

    def balances(self) -> dict[tuple[int, str, str], Decimal]:
        """The balance table, non-zero rows, keyed (item, location code, batch/serial)."""
        b = t.stock_balances
        rows = read(self.db, lambda uow: uow.session.execute(select(b)).all())
        return {
            (r.item_id, self.codes[r.location_id], r.stock_key): r.quantity
            for r in rows
            if r.quantity != 0
        }

    def stored_moves(self) -> list[StockMove]:
        return read(self.db, lambda uow: list(uow.session.scalars(select(StockMove))))

    def mismatches(self) -> list:
        return read(self.db, lambda uow: uow.stock.ledger_mismatches())


def summed(books: Books, moves: list[StockMove]) -> dict[tuple[int, str, str], Decimal]:
    """What a list of moves adds up to per (item, location, batch/serial): the definition the
    balance table must meet."""
    result: dict[tuple[int, str, str], Decimal] = {}
    for move in moves:
        for location, sign in ((move.from_location_id, -1), (move.to_location_id, 1)):
            key = (move.item_id, books.codes[location], stock_key(move))
            result[key] = result.get(key, Decimal(0)) + sign * move.quantity
    return {k: q for k, q in result.items() if q != 0}


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ledger") / "template.db"
    db = open_database(path)
    try:
        migrate.upgrade(db)
        Books(db)
    finally:
        db.dispose()
    return path


def fresh_books(template: Path, path: Path) -> Books:
    shutil.copyfile(template, path)
    return Books(open_database(path))


@pytest.fixture
def books(template: Path, tmp_path: Path) -> Iterator[Books]:
    b = fresh_books(template, tmp_path / "shop.db")
    try:
        yield b
    finally:
        b.db.dispose()


def test_a_receipt_brings_goods_from_the_supplier_end(books: Books) -> None:
    books.post([books.move(SUPPLIERS, WH, 10), books.move(SUPPLIERS, WH, "2.5", item=books.pear)])
    assert books.qty(WH) == 10
    assert books.qty(SUPPLIERS) == -10  # a virtual end goes negative
    assert books.qty(WH, books.pear) == Decimal("2.5")
    assert books.qty(QC, books.pear) == 0


def test_posting_is_all_or_nothing(books: Books) -> None:
    books.post([books.move(SUPPLIERS, WH, 10)])
    before, stored = books.balances(), len(books.stored_moves())
    with pytest.raises(InsufficientStockError) as info:
        books.post([books.move(WH, SOLD, 5), books.move(WH, QC, 1, item=books.pear),
                    books.move(WH, SOLD, 6)])  # fmt: skip
    assert info.value.field == "quantity"
    assert str(info.value) == "Not enough stock at WH: 1 wanted, 0 available."
    with pytest.raises(InsufficientStockError) as info:
        books.post([books.move(WH, SOLD, 5), books.move(WH, SOLD, "5.5")])
    assert str(info.value) == "Not enough stock at WH: 5.5 wanted, 5 available."
    assert books.balances() == before
    assert len(books.stored_moves()) == stored  # no move of a refused posting is kept


def test_a_real_location_may_not_go_negative(books: Books) -> None:
    books.post([books.move(SUPPLIERS, WH, 3), books.move(WH, CONS, 3), books.move(ADJUST, QC, 3)])
    for src in (WH, QC, CONS):
        with pytest.raises(InsufficientStockError) as info:
            books.post([books.move(src, SOLD, "3.001")])
        assert src in str(info.value)
    assert books.qty(CONS) == 3 and books.qty(WH) == 0


def test_virtual_ends_may_go_negative(books: Books) -> None:
    books.post([books.move(SOLD, CONS, 4), books.move(ADJUST, QC, 1),
                books.move(SUPPLIERS, SOLD, 2)])  # fmt: skip
    assert books.qty(SOLD) == -2
    assert books.qty(ADJUST) == -1
    assert books.qty(SUPPLIERS) == -2


def test_negative_stock_is_allowed_when_the_shop_allows_it(books: Books) -> None:
    books.post([books.move(WH, SOLD, 5)], allow_negative=True)
    assert books.qty(WH) == -5
    books.post([books.move(SUPPLIERS, WH, 5)])
    assert books.qty(WH) == 0


def test_stock_is_kept_per_batch_and_serial(books: Books) -> None:
    pear = books.pear
    books.post([books.move(SUPPLIERS, WH, 5, batch="L1"), books.move(SUPPLIERS, WH, 3, batch="L2"),
                books.move(SUPPLIERS, WH, 1, item=pear, batch="L1", serial="SN-1")])  # fmt: skip
    assert books.qty(WH, key="L1") == 5
    assert books.qty(WH, key="L2") == 3
    assert books.qty(WH) == 0
    assert books.qty(WH, pear, "SN-1") == 1  # the serial tells the unit apart
    with pytest.raises(InsufficientStockError):
        books.post([books.move(WH, SOLD, 4, batch="L2")])  # L1 has plenty, L2 has not
    books.post([books.move(WH, SOLD, 3, batch="L2")])
    assert books.qty(WH, key="L2") == 0


def test_reversal_moves_restore_balances_exactly(books: Books) -> None:
    books.post([books.move(SUPPLIERS, WH, 10, batch="L1")])
    start = books.balances()
    books.post([books.move(WH, CONS, "2.125", batch="L1", number="SC2026-000001"),
                books.move(WH, QC, 1, batch="L1", number="SC2026-000001")])  # fmt: skip
    originals = read(books.db, lambda uow: uow.stock.moves_of("SC2026-000001"))
    books.post([m.reversal("RV", "RV2026-000001", "boss", AT) for m in originals])
    assert books.balances() == start
    reversed_ids = {
        m.reverses_id for m in read(books.db, lambda u: u.stock.moves_of("RV2026-000001"))
    }
    assert reversed_ids == {m.id for m in originals}
    assert books.mismatches() == []


# --- property: balances always equal the sum of the accepted moves -----------------------

quantities = st.decimals(min_value=Decimal("0.001"), max_value=Decimal(20), places=3)
pairs = st.tuples(st.sampled_from(CODES), st.sampled_from(CODES)).filter(lambda p: p[0] != p[1])
raw_moves = st.tuples(pairs, quantities, st.booleans(), st.sampled_from(["", "L1"]))


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(raw_moves, min_size=1, max_size=5), max_size=12), st.booleans())
def test_balances_always_equal_the_sum_of_the_accepted_moves(
    template: Path, tmp_path: Path, batches: list, allow_negative: bool
) -> None:
    books = fresh_books(template, tmp_path / "property.db")
    try:
        accepted: list[StockMove] = []
        for batch in batches:
            moves = [
                books.move(src, dst, qty, item=books.pear if pear else books.apple, batch=lot)
                for (src, dst), qty, pear, lot in batch
            ]
            before = books.balances()
            try:
                books.post(moves, allow_negative)
            except InsufficientStockError:
                assert not allow_negative
                assert books.balances() == before  # a refused batch leaves no trace
            else:
                accepted.extend(moves)
            balances = books.balances()
            assert balances == summed(books, accepted)
            if not allow_negative:
                assert all(q >= 0 for (_, loc, _), q in balances.items() if loc in REAL)
        assert len(books.stored_moves()) == len(accepted)
        assert books.mismatches() == []  # what `db check` says agrees
        for item in (books.apple, books.pear):  # the system is closed: every item sums to 0
            assert sum(q for (i, _, _), q in books.balances().items() if i == item) == 0
    finally:
        books.db.dispose()
