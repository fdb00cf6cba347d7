"""Stock scenarios on a real database: receive → count → reverse, with the ledger, the
balances and the document numbers checked after every step."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from retailerp.domain.errors import (
    FieldError,
    InsufficientStockError,
    NotFoundError,
    PermissionDenied,
    StateError,
    ValidationError,
)
from retailerp.domain.security import Role
from retailerp.persistence import tables as t
from retailerp.persistence.engine import Database
from retailerp.services import Page, Services
from retailerp.services.settings import ShopSettings
from support.dbtools import audit_entries, location_id, row_count, services_for

D = Decimal
TRACKED = ("WH", "QC", "ADJUST", "SUPPLIERS", "CUSTOMERS")


class Books:
    """What a scenario reads back after each step."""

    def __init__(self, db: Database, services: Services) -> None:
        self.db, self.s = db, services
        self.wh = location_id(db, "WH")

    def qty(self, item_id: int, key: str = "") -> dict[str, Decimal]:
        """Quantity per location (zeros left out) of one item and batch/serial."""
        found = {code: self.s.stock.quantity(item_id, code, key) for code in TRACKED}
        return {code: q for code, q in found.items() if q != 0}

    def stock_rows(self) -> list[tuple[str, str, str, Decimal]]:
        return [(r.sku, r.location_code, r.stock_key, r.quantity)
                for r in self.s.stock.page(Page(limit=1000))]  # fmt: skip

    def numbers(self) -> list[str]:
        return sorted(r.number for r in self.s.stock.documents(Page(limit=1000)))

    def check_ledger(self) -> None:
        assert self.s.stock.ledger_mismatches() == []


@pytest.fixture
def books(db: Database, services: Services) -> Books:
    return Books(db, services)


def make_items(services: Services) -> tuple[int, int]:
    apple = services.items.create({"sku": "APPLE", "name": "红富士苹果", "unit": "kg"}).id
    pear = services.items.create({"sku": "PEAR", "name": "雪梨", "unit": "kg"}).id
    return apple, pear


def test_receive_count_and_reverse(db: Database, services: Services, books: Books) -> None:
    apple, pear = make_items(services)
    wh = books.wh

    # 1. a goods receipt brings 10 apples and 5 pears in from the supplier
    gr1 = services.stock.receive(
        wh, [{"item_id": apple, "quantity": "10", "unit_cost": "6.5"},
             {"item_id": pear, "quantity": 5}],
        supplier="烟台果园", note="第一批",
    )  # fmt: skip
    assert gr1.number == "GR2026-000001"
    assert (gr1.doc_date, gr1.partner, gr1.posted_by) == (date(2026, 3, 16), "烟台果园", "owner")
    assert books.qty(apple) == {"WH": 10, "SUPPLIERS": -10}
    assert books.qty(pear) == {"WH": 5, "SUPPLIERS": -5}
    assert books.stock_rows() == [("APPLE", "WH", "", 10), ("PEAR", "WH", "", 5)]
    assert [(m.quantity, m.doc_type) for m in services.stock.moves_of(gr1.number)] == [
        (10, "GR"), (5, "GR"),
    ]  # fmt: skip
    books.check_ledger()

    # 2. a second receipt
    gr2 = services.stock.receive(wh, [{"item_id": apple, "quantity": "4"}])
    assert gr2.number == "GR2026-000002"
    assert books.qty(apple) == {"WH": 14, "SUPPLIERS": -14}
    assert books.stock_rows() == [("APPLE", "WH", "", 14), ("PEAR", "WH", "", 5)]
    books.check_ledger()

    # 3. a count: 16 apples found (gain 2), 3 pears (loss 2)
    sc1 = services.stock.count(wh, [{"item_id": apple, "quantity": 16},
                                    {"item_id": pear, "quantity": "3"}])  # fmt: skip
    assert sc1.number == "SC2026-000001"
    counted = services.stock.document(sc1.number)
    assert [(ln.quantity, ln.book_quantity, ln.difference) for ln in counted.lines] == [
        (16, 14, 2), (3, 5, -2),
    ]  # fmt: skip
    assert books.qty(apple) == {"WH": 16, "ADJUST": -2, "SUPPLIERS": -14}
    assert books.qty(pear) == {"WH": 3, "ADJUST": 2, "SUPPLIERS": -5}
    assert books.stock_rows() == [("APPLE", "WH", "", 16), ("PEAR", "WH", "", 3)]
    books.check_ledger()

    # 4. a count that matches the books moves nothing, but is a document all the same
    sc2 = services.stock.count(wh, [{"item_id": apple, "quantity": 16}])
    assert sc2.number == "SC2026-000002"
    assert services.stock.moves_of(sc2.number) == []
    assert books.qty(apple) == {"WH": 16, "ADJUST": -2, "SUPPLIERS": -14}
    books.check_ledger()

    # 5. the first count was wrong: reverse it
    rv1 = services.stock.reverse(sc1.number, "盘点有误")
    assert rv1.number == "RV2026-000001" and rv1.reverses_id == counted.id
    assert books.qty(apple) == {"WH": 14, "SUPPLIERS": -14}
    assert books.qty(pear) == {"WH": 5, "SUPPLIERS": -5}
    assert books.stock_rows() == [("APPLE", "WH", "", 14), ("PEAR", "WH", "", 5)]
    originals = {m.id for m in services.stock.moves_of(sc1.number)}
    assert {m.reverses_id for m in services.stock.moves_of(rv1.number)} == originals
    books.check_ledger()

    # 6. and the second receipt
    rv2 = services.stock.reverse(gr2.number, "重复入库")
    assert rv2.number == "RV2026-000002"
    assert books.qty(apple) == {"WH": 10, "SUPPLIERS": -10}
    assert books.stock_rows() == [("APPLE", "WH", "", 10), ("PEAR", "WH", "", 5)]
    books.check_ledger()

    # 7. refusals change nothing and use up no number
    moves = row_count(db, t.stock_moves)
    with pytest.raises(StateError, match="already been reversed"):
        services.stock.reverse(sc1.number, "again")
    with pytest.raises(StateError, match="is a reversal"):
        services.stock.reverse(rv1.number, "undo the undo")
    with pytest.raises(NotFoundError):
        services.stock.reverse("GR2026-999999", "typo")
    with pytest.raises(FieldError) as info:
        services.stock.reverse(gr1.number, "  ")
    assert info.value.field == "reason"
    assert row_count(db, t.stock_moves) == moves
    assert books.qty(apple) == {"WH": 10, "SUPPLIERS": -10}
    books.check_ledger()

    # 8. the numbers: one gapless series per document type
    assert books.numbers() == [
        "GR2026-000001", "GR2026-000002", "RV2026-000001", "RV2026-000002",
        "SC2026-000001", "SC2026-000002",
    ]  # fmt: skip
    rows = {r.number: r for r in services.stock.documents(Page())}
    assert rows["RV2026-000001"].reverses_number == "SC2026-000001"
    assert rows["GR2026-000001"].lines == 2 and rows["GR2026-000001"].partner == "烟台果园"
    assert services.stock.reverse(gr1.number, "退回供应商").number == "RV2026-000003"
    assert books.stock_rows() == []
    assert books.qty(apple) == {} and books.qty(pear) == {}
    books.check_ledger()
    assert [a for _, a, _ in audit_entries(db) if a.startswith("stock.")] == [
        "stock.receive", "stock.receive", "stock.count", "stock.count", "stock.reverse",
        "stock.reverse", "stock.reverse",
    ]  # fmt: skip


def test_a_refused_receipt_writes_nothing_and_uses_no_number(
    db: Database, services: Services, books: Books
) -> None:
    apple, _ = make_items(services)
    audit = row_count(db, t.audit_log)
    with pytest.raises(ValidationError) as info:
        services.stock.receive(books.wh, [{"item_id": apple, "quantity": "5"},
                                          {"item_id": apple, "quantity": "-1"},
                                          {"item_id": 999, "quantity": "1"}])  # fmt: skip
    assert set(info.value.by_field()) == {"lines.2.quantity", "lines.3.item"}
    with pytest.raises(FieldError) as place:
        services.stock.receive(location_id(db, "SUPPLIERS"), [{"item_id": apple, "quantity": 1}])
    assert place.value.field == "location"
    with pytest.raises(FieldError):
        services.stock.receive(books.wh, [])
    for table in (t.stock_documents, t.stock_document_lines, t.stock_moves, t.stock_balances):
        assert row_count(db, table) == 0
    assert row_count(db, t.audit_log) == audit
    assert services.stock.receive(books.wh, [{"item_id": apple, "quantity": 1}]).number == (
        "GR2026-000001"
    )
    books.check_ledger()


def test_a_receipt_whose_goods_were_counted_away_cannot_be_reversed(
    db: Database, services: Services, books: Books
) -> None:
    apple, _ = make_items(services)
    gr = services.stock.receive(books.wh, [{"item_id": apple, "quantity": 10}])
    sc = services.stock.count(books.wh, [{"item_id": apple, "quantity": 0}])
    assert books.qty(apple) == {"ADJUST": 10, "SUPPLIERS": -10}
    documents, moves = row_count(db, t.stock_documents), row_count(db, t.stock_moves)

    with pytest.raises(InsufficientStockError) as info:
        services.stock.reverse(gr.number, "退货")
    assert str(info.value) == "Not enough stock at WH: 10 wanted, 0 available."
    assert (row_count(db, t.stock_documents), row_count(db, t.stock_moves)) == (documents, moves)
    assert books.qty(apple) == {"ADJUST": 10, "SUPPLIERS": -10}
    books.check_ledger()

    assert services.stock.reverse(sc.number, "盘点有误").number == "RV2026-000001"
    assert books.qty(apple) == {"WH": 10, "SUPPLIERS": -10}
    assert services.stock.reverse(gr.number, "退货").number == "RV2026-000002"
    assert books.qty(apple) == {}
    books.check_ledger()


def test_with_negative_stock_allowed_the_reversal_goes_through(
    db: Database, services: Services, books: Books
) -> None:
    apple, _ = make_items(services)
    gr = services.stock.receive(books.wh, [{"item_id": apple, "quantity": 10}])
    services.stock.count(books.wh, [{"item_id": apple, "quantity": 4}])
    services.settings.save(ShopSettings(allow_negative_stock=True))
    services.stock.reverse(gr.number, "退货")
    assert books.qty(apple) == {"WH": -6, "ADJUST": 6}
    assert books.stock_rows() == [("APPLE", "WH", "", -6)]
    books.check_ledger()


def test_batches_keep_their_own_balances(db: Database, services: Services, books: Books) -> None:
    milk = services.items.create({"sku": "MILK", "name": "纯牛奶", "tracking": "batch"}).id
    gr = services.stock.receive(books.wh, [
        {"item_id": milk, "quantity": 5, "batch": "L0301", "expiry": date(2026, 9, 1)},
        {"item_id": milk, "quantity": 3, "batch": "L0315", "expiry": date(2026, 9, 15)},
    ])  # fmt: skip
    assert books.qty(milk, "L0301") == {"WH": 5, "SUPPLIERS": -5}
    assert books.qty(milk, "L0315") == {"WH": 3, "SUPPLIERS": -3}
    assert books.qty(milk) == {}
    rows = services.stock.page(Page())
    assert [(r.stock_key, r.quantity, r.expiry) for r in rows] == [
        ("L0301", 5, date(2026, 9, 1)), ("L0315", 3, date(2026, 9, 15)),
    ]  # fmt: skip
    assert services.stock.book_quantities(books.wh, [milk]) == {
        (milk, "L0301"): 5, (milk, "L0315"): 3,
    }  # fmt: skip
    books.check_ledger()

    with pytest.raises(ValidationError) as info:
        services.stock.count(books.wh, [{"item_id": milk, "quantity": 4}])  # which batch?
    assert info.value.field == "lines.1.batch"

    sc = services.stock.count(books.wh, [{"item_id": milk, "quantity": 4, "batch": "L0301"}])
    assert books.qty(milk, "L0301") == {"WH": 4, "ADJUST": 1, "SUPPLIERS": -5}
    assert books.qty(milk, "L0315") == {"WH": 3, "SUPPLIERS": -3}
    assert {r.sku: r.on_hand for r in services.items.page(Page())} == {"MILK": 7}
    books.check_ledger()

    with pytest.raises(InsufficientStockError):  # batch L0301 holds only 4 of the 5 received
        services.stock.reverse(gr.number, "退货")
    assert books.qty(milk, "L0315") == {"WH": 3, "SUPPLIERS": -3}
    services.stock.reverse(sc.number, "盘点有误")
    services.stock.reverse(gr.number, "退货")
    assert books.qty(milk, "L0301") == {} and books.qty(milk, "L0315") == {}
    books.check_ledger()


def test_serial_numbers_are_single_units(db: Database, services: Services, books: Books) -> None:
    phone = services.items.create({"sku": "PHONE", "name": "手机", "tracking": "serial"}).id
    with pytest.raises(ValidationError) as info:
        services.stock.receive(
            books.wh,
            [
                {"item_id": phone, "quantity": 1, "serial": "SN1"},
                {"item_id": phone, "quantity": 1, "serial": "SN1"},
            ],
        )
    assert info.value.field == "lines.2.serial"
    services.stock.receive(
        books.wh,
        [
            {"item_id": phone, "quantity": 1, "serial": "SN1"},
            {"item_id": phone, "quantity": 1, "serial": "SN2"},
        ],
    )
    assert books.qty(phone, "SN1") == {"WH": 1, "SUPPLIERS": -1}
    assert books.qty(phone, "SN2") == {"WH": 1, "SUPPLIERS": -1}
    assert [r.stock_key for r in services.stock.page(Page())] == ["SN1", "SN2"]
    books.check_ledger()


def test_each_year_has_its_own_series(services: Services, books: Books) -> None:
    apple, _ = make_items(services)
    line = [{"item_id": apple, "quantity": 1}]
    assert services.stock.receive(books.wh, line).number == "GR2026-000001"
    assert services.stock.receive(books.wh, line, doc_date=date(2025, 12, 31)).number == (
        "GR2025-000001"
    )
    assert services.stock.receive(books.wh, line).number == "GR2026-000002"
    assert services.stock.receive(books.wh, line, doc_date=date(2025, 12, 30)).number == (
        "GR2025-000002"
    )
    assert books.qty(apple) == {"WH": 4, "SUPPLIERS": -4}
    books.check_ledger()


def test_stock_roles(db: Database, services: Services, books: Books) -> None:
    apple, _ = make_items(services)
    clerk = services_for(db, user="wang", role=Role.WAREHOUSE)
    gr = clerk.stock.receive(books.wh, [{"item_id": apple, "quantity": 3}])
    assert gr.posted_by == "wang"
    clerk.stock.count(books.wh, [{"item_id": apple, "quantity": 2}])
    with pytest.raises(PermissionDenied):
        clerk.stock.reverse(gr.number, "mine")
    with pytest.raises(PermissionDenied):
        services_for(db, role=Role.SALES).stock.receive(
            books.wh, [{"item_id": apple, "quantity": 1}]
        )
    assert books.qty(apple) == {"WH": 2, "ADJUST": 1, "SUPPLIERS": -3}
    books.check_ledger()


def test_bins_hold_stock_and_are_counted_separately(
    db: Database, services: Services, books: Books
) -> None:
    apple, _ = make_items(services)
    shelf = services.stock.add_bin("a-01", "货架 A-01")
    assert shelf.code == "A-01" and shelf.parent_id == books.wh
    with pytest.raises(FieldError):
        services.stock.add_bin("A-01")
    services.stock.receive(shelf.id, [{"item_id": apple, "quantity": 7}])
    services.stock.receive(books.wh, [{"item_id": apple, "quantity": 1}])
    assert services.stock.quantity(apple, "A-01") == 7
    assert books.stock_rows() == [("APPLE", "WH", "", 1), ("APPLE", "A-01", "", 7)]
    rows = services.stock.page(Page(filters={"location_id": shelf.id}))
    assert [(r.location_code, r.quantity) for r in rows] == [("A-01", 7)]
    books.check_ledger()


def test_the_same_goods_counted_on_two_lines_add_up(services: Services, books: Books) -> None:
    apple, _ = make_items(services)
    services.stock.receive(books.wh, [{"item_id": apple, "quantity": 10}])
    sc = services.stock.count(books.wh, [{"item_id": apple, "quantity": 4},
                                         {"item_id": apple, "quantity": 6}])  # fmt: skip
    assert books.qty(apple) == {"WH": 10, "SUPPLIERS": -10}  # 4 + 6 = 10: nothing missing
    lines = services.stock.document(sc.number).lines
    assert sum(ln.difference for ln in lines) == 0
    services.stock.count(books.wh, [{"item_id": apple, "quantity": 4},
                                    {"item_id": apple, "quantity": 5}])  # fmt: skip
    assert books.qty(apple) == {"WH": 9, "ADJUST": 1, "SUPPLIERS": -10}
    books.check_ledger()


def test_a_serial_number_in_stock_cannot_be_received_again(services) -> None:  # noqa: ANN001
    from retailerp.domain.errors import FieldError

    kettle = services.items.create({"sku": "KET-S", "name": "Kettle", "tracking": "serial"})
    wh = next(loc for loc in services.stock.locations() if loc.code == "WH")
    services.stock.receive(wh.id, [{"item_id": kettle.id, "quantity": 1, "serial": "SN-1"}])
    with pytest.raises(FieldError) as refused:
        services.stock.receive(wh.id, [{"item_id": kettle.id, "quantity": 1, "serial": "SN-1"}])
    assert refused.value.field == "lines.1.serial" and "already in stock at WH" in str(
        refused.value
    )
    assert services.stock.quantity(kettle.id, "WH", "SN-1") == 1


def test_counting_serial_numbers_books_each_missing_unit(services) -> None:  # noqa: ANN001
    from retailerp.domain.errors import ValidationError

    kettle = services.items.create({"sku": "KET-C", "name": "Kettle", "tracking": "serial"})
    wh = next(loc for loc in services.stock.locations() if loc.code == "WH")
    services.stock.receive(
        wh.id,
        [
            {"item_id": kettle.id, "quantity": 1, "serial": "SN-A"},
            {"item_id": kettle.id, "quantity": 1, "serial": "SN-B"},
        ],
    )
    with pytest.raises(ValidationError) as refused:
        services.stock.count(wh.id, [{"item_id": kettle.id, "serial": "SN-A", "quantity": 2}])
    assert "lines.1.quantity" in refused.value.by_field()
    count = services.stock.count(
        wh.id,
        [
            {"item_id": kettle.id, "serial": "SN-A", "quantity": 1},
            {"item_id": kettle.id, "batch": "SN-B", "quantity": 0},  # as the count form sends it
        ],
    )
    [move] = services.stock.moves_of(count.number)
    assert (move.serial, move.batch, move.quantity) == ("SN-B", "", 1)
    assert services.stock.quantity(kettle.id, "WH", "SN-A") == 1
    assert services.stock.quantity(kettle.id, "WH", "SN-B") == 0
    assert services.stock.ledger_mismatches() == []


def test_the_documents_list_pages_through_both_kinds_in_every_order(
    services: Services,
) -> None:
    """Receipts, counts, reversals and deliveries, paged three at a time in every sort order
    and direction, give exactly the rows of one big page, in the same order (each kind
    takes its first rows of a page on its own, the page is taken from both)."""
    apple, _pear = make_items(services)
    customer = services.customers.create({"code": "C1", "name": "华联超市"})
    for n in range(4):
        wh = location_id(services.ctx.db, "WH")
        services.stock.receive(wh, [{"item_id": apple, "quantity": "5"}], f"供应商 {n}")
        order = services.orders.create(customer.id, {}, [{"item_id": apple, "quantity": "1"}])
        order = services.orders.confirm(order.id, order.version)
        services.orders.start_picking(order.id, order.version)
        services.orders.ship(order.id, services.orders.get(order.id).version)
    for key in ("doc_date", "number", "doc_type", "partner", "posted_by"):
        for descending in (False, True):
            whole = services.stock.documents(Page(sort_key=key, descending=descending))
            assert len(whole) == 8
            paged, after = [], None
            while True:
                rows = services.stock.documents(
                    Page(sort_key=key, descending=descending, limit=3, after=after)
                )
                paged += rows
                if len(rows) < 3:
                    break
                after = rows[-1].cursor
            assert [r.number for r in paged] == [r.number for r in whole], (key, descending)
    deliveries = services.stock.documents(Page(filters={"doc_type": "DN"}))
    assert [r.partner for r in deliveries] == ["华联超市"] * 4
    assert all(r.lines == 1 and r.location_code for r in deliveries)
    found = services.stock.documents(Page(search="供应商 2"))
    assert [(r.doc_type, r.partner, r.lines) for r in found] == [("GR", "供应商 2", 1)]


def test_the_stock_list_pages_through_every_row_once_in_every_order(
    services: Services,
) -> None:
    """Items with lots at several places (one emptied again), paged two rows at a time in
    every order and direction, with a search and a place filter, give exactly the rows of
    one big page in its order (in SKU order the page is taken from its first items)."""
    wh = location_id(services.ctx.db, "WH")
    shelf = services.stock.add_bin("A-01", "货架 A-01").id
    ids = []
    for n, sku in enumerate(("MILK", "APPLE", "TEA", "BEAN", "RICE")):
        item = services.items.create({"sku": sku, "name": f"商品 {sku}", "tracking": "batch"})
        ids.append(item.id)
        lots = [{"item_id": item.id, "quantity": n + 1, "batch": f"L{k}"} for k in range(n % 3 + 1)]
        services.stock.receive(wh, lots)
        services.stock.receive(shelf, [{"item_id": item.id, "quantity": 2, "batch": "S"}])
    services.stock.count(wh, [{"item_id": ids[2], "quantity": 0, "batch": "L0"}])  # TEA's L0
    shown = {("TEA", "WH", "L0")}
    pages = [Page(), Page(search="L1"), Page(filters={"location_id": shelf}), Page(search="商品 T")]
    for base in pages:
        for key in ("sku", "item_name", "location_code", "quantity", "stock_key"):
            for descending in (False, True):
                page = replace(base, sort_key=key, descending=descending)
                whole = services.stock.page(page)
                assert whole, (base, key)
                paged, after = [], None
                while True:
                    rows = services.stock.page(replace(page, limit=2, after=after))
                    paged += rows
                    if len(rows) < 2:
                        break
                    after = rows[-1].cursor
                key_of = [(r.sku, r.location_code, r.stock_key) for r in whole]
                assert [(r.sku, r.location_code, r.stock_key) for r in paged] == key_of, page
                assert not shown & set(key_of)
    everything = services.stock.page(Page(sort_key="sku"))
    assert len(everything) == 1 + 2 + 3 + 1 + 2 - 1 + 5  # lots at WH, less the emptied, + shelf
    assert [r.sku for r in everything][:3] == ["APPLE", "APPLE", "APPLE"]
