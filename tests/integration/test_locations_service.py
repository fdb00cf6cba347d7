"""Warehouses and bins as master data, the item's bin and unit from lists, put-away into the
item's bin, stock documents that open, and the movement ledger (库存流水) — on SQLite and
PostgreSQL."""

from __future__ import annotations

from decimal import Decimal

import pytest

from retailerp.domain.errors import FieldError, PermissionDenied, StateError, ValidationError
from retailerp.domain.security import Role
from retailerp.persistence.engine import Database
from retailerp.services import Page, Services
from support.dbtools import audit_entries, location_id, services_for

D = Decimal


def ledger(services: Services, item_id: int, location: int | None = None, **kw) -> list:  # noqa: ANN003
    filters = {"item_id": item_id} | ({"location_id": location} if location else {})
    kw.setdefault("limit", 1000)
    return services.stock.ledger(Page(filters=filters, sort_key="day", **kw))


def sell(services: Services, item_id: int, quantity: str) -> str:
    """Order, pick and ship ``quantity`` to a new customer; the delivery's number."""
    customer = services.customers.create({"code": "C001", "name": "上海百货"}).id or 0
    order = services.orders.create(
        customer, {"payment_mode": "credit"}, [{"item_id": item_id, "quantity": quantity}]
    )
    order = services.orders.confirm(order.id or 0, order.version)
    services.orders.start_picking(order.id or 0, order.version)
    order = services.orders.get(order.id or 0)
    return services.orders.ship(order.id or 0, order.version).number


def test_warehouses_and_bins_are_added_renamed_and_listed(services: Services) -> None:
    east = services.stock.add_location({"kind": "warehouse", "code": "east", "name": "东仓"})
    shelf = services.stock.add_location(
        {"kind": "bin", "code": "e-01", "name": "", "warehouse_id": east.id}
    )
    assert (shelf.code, shelf.name, shelf.parent_id) == ("E-01", "E-01", east.id)
    services.stock.rename_location(shelf.id or 0, "茶叶货架")

    rows = services.stock.location_page(Page(limit=100, filters={"active": True}))
    by_code = {r.code: r for r in rows}
    assert {"WH", "QC", "SCRAP", "EAST", "E-01"} <= set(by_code)
    assert "CUSTOMERS" not in by_code and "SUPPLIERS" not in by_code
    assert (by_code["E-01"].name, by_code["E-01"].warehouse_code, by_code["E-01"].kind) == (
        "茶叶货架",
        "EAST",
        "bin",
    )
    with pytest.raises(FieldError, match="exists already"):
        services.stock.add_bin("E-01")
    with pytest.raises(FieldError) as no_warehouse:
        services.stock.add_location({"kind": "bin", "code": "X-01"})
    assert no_warehouse.value.field == "warehouse"
    assert services.stock.add_bin("a-01", warehouse_code="east").parent_id == east.id
    actions = [a for _u, a, _e in audit_entries(services.ctx.db)]
    assert actions.count("location.create") == 3 and "location.rename" in actions


def test_a_bin_with_stock_or_items_stays_in_use_and_a_used_one_is_never_deleted(
    services: Services,
) -> None:
    a01 = services.stock.add_bin("A-01")
    spare = services.stock.add_bin("TYPO")
    tea = services.items.create({"sku": "TEA", "name": "龙井", "bin": "A-01"})
    wh = location_id(services.ctx.db, "WH")
    services.stock.receive(wh, [{"item_id": tea.id, "quantity": "3"}])

    with pytest.raises(StateError, match="still holds stock"):
        services.stock.set_location_active(a01.id or 0, False)
    services.stock.count(wh, [{"item_id": tea.id, "quantity": "0"}])  # counted out
    with pytest.raises(StateError, match="bin of 1 items"):
        services.stock.set_location_active(a01.id or 0, False)
    services.items.update(tea.id or 0, tea.version, {"sku": "TEA", "name": "龙井", "bin_id": 0})
    assert not services.stock.set_location_active(a01.id or 0, False).active
    with pytest.raises(StateError, match="never deleted"):
        services.stock.delete_location(a01.id or 0)
    east = services.stock.add_location({"kind": "warehouse", "code": "EAST"})
    services.stock.add_bin("E-01", warehouse_code="EAST")
    with pytest.raises(StateError, match="1 bins in use"):
        services.stock.set_location_active(east.id or 0, False)

    services.stock.delete_location(spare.id or 0)
    assert all(loc.code != "TYPO" for loc in services.stock.locations())
    retired = {r.code for r in services.stock.location_page(Page(filters={"active": False}))}
    assert retired == {"A-01"}
    assert services.stock.set_location_active(a01.id or 0, True).active


def test_standard_locations_cannot_be_retired(services: Services) -> None:
    with pytest.raises(StateError, match="standard location"):
        services.stock.set_location_active(location_id(services.ctx.db, "QC"), False)


def test_only_item_editors_keep_warehouses_and_bins(db: Database) -> None:
    sales = services_for(db, "lin", Role.SALES)
    with pytest.raises(PermissionDenied):
        sales.stock.add_bin("A-01")
    with pytest.raises(PermissionDenied):
        sales.stock.rename_location(location_id(db, "WH"), "x")
    with pytest.raises(PermissionDenied):
        sales.items.add_unit("打")


def test_the_items_bin_is_a_location_chosen_by_id_or_code(services: Services) -> None:
    a01 = services.stock.add_bin("A-01")
    by_code = services.items.create({"sku": "TEA", "name": "龙井", "bin": "a-01"})
    by_id = services.items.create({"sku": "KET", "name": "电水壶", "bin_id": a01.id})
    assert by_code.bin_id == by_id.bin_id == a01.id
    rows = {r.sku: r.bin for r in services.items.page(Page(sort_key="bin"))}
    assert rows == {"TEA": "A-01", "KET": "A-01"}

    with pytest.raises(ValidationError, match="no bin B-09"):
        services.items.create({"sku": "X1", "name": "x", "bin": "B-09"})
    qc = location_id(services.ctx.db, "QC")
    with pytest.raises(ValidationError) as wrong_kind:
        services.items.create({"sku": "X2", "name": "x", "bin_id": qc})
    assert set(wrong_kind.value.by_field()) == {"bin_id"}
    services.items.update(by_id.id or 0, by_id.version, {"sku": "KET", "name": "电水壶"})
    assert services.items.get(by_id.id or 0).bin_id is None


def test_a_receipt_puts_goods_away_into_the_items_bin_unless_a_line_says_otherwise(
    services: Services,
) -> None:
    a01, b01 = services.stock.add_bin("A-01"), services.stock.add_bin("B-01")
    east = services.stock.add_location({"kind": "warehouse", "code": "EAST"})
    tea = services.items.create({"sku": "TEA", "name": "龙井", "bin": "A-01"}).id or 0
    cup = services.items.create({"sku": "CUP", "name": "茶杯"}).id or 0
    wh = location_id(services.ctx.db, "WH")

    doc = services.stock.receive(
        wh,
        [
            {"item_id": tea, "quantity": "5"},
            {"item_id": tea, "quantity": "2", "location_id": b01.id},
            {"item_id": cup, "quantity": "4"},
        ],
    )

    assert [line.location_id for line in doc.lines] == [a01.id, b01.id, wh]
    assert services.stock.quantity(tea, "A-01") == 5 and services.stock.quantity(tea, "B-01") == 2
    assert services.stock.quantity(cup, "WH") == 4
    assert services.stock.balance(tea) == 7 and services.stock.balance(tea, wh) == 7
    # received into another warehouse, the tea stays there: its bin lies in WH
    services.stock.receive(east.id or 0, [{"item_id": tea, "quantity": "1"}])
    assert services.stock.quantity(tea, "EAST") == 1
    with pytest.raises(ValidationError) as outside:
        services.stock.receive(
            east.id or 0, [{"item_id": tea, "quantity": "1", "location_id": a01.id}]
        )
    assert "lines.1.location" in outside.value.by_field()
    assert services.stock.balance(tea) == 8  # nothing of the refused receipt was posted


def test_a_count_reads_and_adjusts_each_lines_bin(services: Services) -> None:
    services.stock.add_bin("A-01")
    b01 = services.stock.add_bin("B-01")
    tea = services.items.create({"sku": "TEA", "name": "龙井", "bin": "A-01"}).id or 0
    wh = location_id(services.ctx.db, "WH")
    services.stock.receive(
        wh,
        [
            {"item_id": tea, "quantity": "5"},
            {"item_id": tea, "quantity": "2", "location_id": b01.id},
        ],
    )

    count = services.stock.count(
        wh,
        [
            {"item_id": tea, "quantity": "4"},
            {"item_id": tea, "quantity": "3", "location_id": b01.id},
        ],
    )

    assert [(ln.book_quantity, ln.difference) for ln in count.lines] == [(5, -1), (2, 1)]
    assert services.stock.quantity(tea, "A-01") == 4 and services.stock.quantity(tea, "B-01") == 3
    assert services.stock.ledger_mismatches() == []


def test_every_stock_document_and_the_goods_issue_of_a_delivery_open_with_their_lines(
    services: Services,
) -> None:
    a01 = services.stock.add_bin("A-01")
    tea = services.items.create({"sku": "TEA", "name": "龙井", "bin": "A-01", "unit": "盒"}).id
    wh = location_id(services.ctx.db, "WH")
    receipt = services.stock.receive(
        wh, [{"item_id": tea, "quantity": "10", "unit_cost": "12.5"}], supplier="西湖茶场"
    )
    delivery = sell(services, tea or 0, "4")

    listed = {r.number: r for r in services.stock.documents(Page(limit=100))}
    assert set(listed) == {receipt.number, delivery}
    assert (listed[delivery].doc_type, listed[delivery].partner) == ("DN", "上海百货")
    assert listed[delivery].location_code == "A-01" and listed[delivery].lines == 1
    only_dn = services.stock.documents(Page(filters={"doc_type": "DN"}))
    assert [r.number for r in only_dn] == [delivery]

    header, lines = services.stock.document_view(receipt.number)
    assert (header.doc_type, header.partner, header.location_code, header.reversible) == (
        "GR",
        "西湖茶场",
        "WH",
        True,
    )
    assert [(ln.sku, ln.location_code, ln.quantity, ln.unit) for ln in lines] == [
        ("TEA", "A-01", D(10), "盒")
    ]
    header, lines = services.stock.document_view(delivery)
    assert (header.doc_type, header.partner, header.reversible) == ("DN", "上海百货", False)
    assert [(ln.from_code, ln.to_code, ln.quantity) for ln in lines] == [
        ("A-01", "CUSTOMERS", D(4))
    ]
    assert a01.id

    reversal = services.stock.count(wh, [{"item_id": tea, "quantity": "6"}])
    rv = services.stock.reverse(reversal.number, "counted the wrong shelf")
    header, _ = services.stock.document_view(reversal.number)
    assert (header.reversed_by_number, header.reversible) == (rv.number, False)
    header, lines = services.stock.document_view(rv.number)
    assert header.reverses_number == reversal.number and not header.reversible


def test_the_ledger_lists_every_move_with_a_running_balance_matching_the_books(
    services: Services,
) -> None:
    services.stock.add_bin("A-01")
    b01 = services.stock.add_bin("B-01")
    tea = services.items.create({"sku": "TEA", "name": "龙井", "bin": "A-01"}).id or 0
    wh = location_id(services.ctx.db, "WH")
    gr1 = services.stock.receive(wh, [{"item_id": tea, "quantity": "10"}]).number
    gr2 = services.stock.receive(wh, [{"item_id": tea, "quantity": "3", "location_id": b01.id}])
    dn = sell(services, tea, "4")

    rows = ledger(services, tea)
    assert [(r.doc_number, r.doc_type, r.from_code, r.to_code) for r in rows] == [
        (gr1, "GR", "Suppliers", "A-01"),
        (gr2.number, "GR", "Suppliers", "B-01"),
        (dn, "DN", "A-01", "Customers (sold)"),
    ]
    assert [(r.quantity_in, r.quantity_out, r.balance) for r in rows] == [
        (D(10), D(0), D(10)),
        (D(3), D(0), D(13)),
        (D(0), D(4), D(9)),
    ]
    assert rows[-1].balance == services.stock.balance(tea) == D(9)
    assert all(r.day == services.ctx.today() for r in rows)

    at_b01 = ledger(services, tea, b01.id)
    assert [(r.doc_number, r.balance) for r in at_b01] == [(gr2.number, D(3))]
    a01 = location_id(services.ctx.db, "A-01")
    assert [r.balance for r in ledger(services, tea, a01)] == [D(10), D(6)]
    assert services.stock.balance(tea, a01) == 6 == services.stock.quantity(tea, "A-01")

    newest_first = ledger(services, tea, descending=True, limit=2)
    assert [r.doc_number for r in newest_first] == [dn, gr2.number]
    rest = ledger(services, tea, descending=True, after=newest_first[-1].cursor)
    assert [(r.doc_number, r.balance) for r in rest] == [(gr1, D(10))]


def test_units_are_a_list_items_pick_from(services: Services) -> None:
    names = [u.name for u in services.items.units()]
    assert names[:3] == ["个", "件", "箱"] and {"kg", "pcs"} <= set(names)
    dozen = services.items.add_unit("打")
    assert services.items.units()[-1].name == "打"
    with pytest.raises(FieldError, match="on the list already"):
        services.items.add_unit("打")
    egg = services.items.create({"sku": "EGG", "name": "鸡蛋", "unit": "打"})
    services.items.set_unit_active(dozen.id or 0, False)
    assert "打" not in [u.name for u in services.items.units(active_only=True)]
    with pytest.raises(ValidationError) as off_list:
        services.items.create({"sku": "EGG2", "name": "鸭蛋", "unit": "打"})
    assert set(off_list.value.by_field()) == {"unit"}
    # the egg keeps its unit when its card is saved again
    egg = services.items.update(
        egg.id or 0, egg.version, {"sku": "EGG", "name": "土鸡蛋", "unit": "打"}
    )
    assert egg.unit == "打"
