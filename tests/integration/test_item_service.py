"""Item use cases against a real database: unique SKU and barcode, stale edits, look-ups."""

from __future__ import annotations

from decimal import Decimal

import pytest

from retailerp.domain.errors import PermissionDenied, StaleRecordError, ValidationError
from retailerp.domain.items import Tracking
from retailerp.domain.money import Money
from retailerp.domain.security import Role
from retailerp.persistence import tables as t
from retailerp.persistence.engine import Database
from retailerp.services import Page, Services
from support.dbtools import audit_entries, location_id, row_count, services_for

MILK = {
    "sku": "milk-250",
    "name": "纯牛奶",
    "spec": "250ml×24",
    "unit": "箱",
    "barcode": "6901234567892",
    "price": "58.50",
    "vat_rate": "9",
    "min_stock": "10",
}


def test_create_read_and_update(db: Database, services: Services) -> None:
    item = services.items.create(MILK)
    loaded = services.items.get(item.id)
    assert (loaded.sku, loaded.name, loaded.barcode, loaded.unit) == (
        "MILK-250", "纯牛奶", "6901234567892", "箱",
    )  # fmt: skip
    assert loaded.price == Money.of("58.50") and loaded.vat_rate == Decimal("0.09")
    assert loaded.min_stock == Decimal("10") and loaded.tracking == Tracking.NONE
    assert loaded.version == 1 and loaded.active

    changed = services.items.update(item.id, 1, {**MILK, "price": "59.90", "tracking": "batch"})
    assert changed.version == 2
    again = services.items.get(item.id)
    assert again.price == Money.of("59.90") and again.tracking == Tracking.BATCH
    assert [a for _, a, _ in audit_entries(db, item.id)] == ["item.create", "item.update"]


def test_sku_and_barcode_are_unique(db: Database, services: Services) -> None:
    milk = services.items.create(MILK)
    with pytest.raises(ValidationError) as info:
        services.items.create({**MILK, "name": "copy"})
    assert set(info.value.by_field()) == {"sku", "barcode"}
    assert "SKU MILK-250 is already used by 纯牛奶" in info.value.by_field()["sku"].render()
    assert "already belongs to MILK-250" in info.value.by_field()["barcode"].render()
    with pytest.raises(ValidationError) as info:
        services.items.create({**MILK, "sku": "other"})
    assert list(info.value.by_field()) == ["barcode"]

    # items without a barcode never clash with each other
    a = services.items.create({"sku": "A", "name": "a"})
    b = services.items.create({"sku": "B", "name": "b"})
    with pytest.raises(ValidationError) as info:
        services.items.update(b.id, b.version, {"sku": "a", "name": "b"})
    assert list(info.value.by_field()) == ["sku"]
    assert services.items.update(milk.id, 1, {**MILK, "name": "牛奶"}).name == "牛奶"
    assert row_count(db, t.items) == 3 and a.barcode == b.barcode == ""


def test_a_bad_barcode_is_refused_and_nothing_is_written(db: Database, services: Services) -> (
    None
):  # fmt: skip
    with pytest.raises(ValidationError) as info:
        services.items.create({**MILK, "barcode": "6901234567891"})
    assert info.value.field == "barcode"
    assert "check digit should be 2" in str(info.value)
    assert row_count(db, t.items) == 0 and row_count(db, t.audit_log) == 0
    assert services.items.check({**MILK, "barcode": "6901234567891"}) == {
        "barcode": "Barcode 6901234567891: the check digit should be 2."
    }


def test_a_stale_edit_is_refused(db: Database) -> None:
    alice, bob = services_for(db, user="alice"), services_for(db, user="bob")
    item = alice.items.create(MILK)
    alice.items.update(item.id, 1, {**MILK, "price": "60"})
    with pytest.raises(StaleRecordError) as info:
        bob.items.update(item.id, 1, {**MILK, "price": "1"})
    assert "Item MILK-250 was changed by alice" in str(info.value)
    with pytest.raises(StaleRecordError):
        bob.items.set_active(item.id, 1, False)
    assert bob.items.get(item.id).price == Money.of(60)


def test_find_by_barcode_or_sku(services: Services) -> None:
    milk = services.items.create(MILK)
    assert services.items.find("6901234567892").id == milk.id  # type: ignore[union-attr]
    assert services.items.find(" milk-250 ").id == milk.id  # type: ignore[union-attr]
    assert services.items.find("MILK") is None
    assert services.items.find("4006381333931") is None


def test_the_item_list_shows_what_is_on_hand(db: Database, services: Services) -> None:
    milk = services.items.create(MILK)
    tea = services.items.create({"sku": "tea", "name": "绿茶", "price": "12", "min_stock": "1"})
    services.stock.receive(
        location_id(db, "WH"),
        [{"item_id": milk.id, "quantity": "10"}, {"item_id": tea.id, "quantity": "0.5"}],
    )
    services.stock.receive(location_id(db, "QC"), [{"item_id": milk.id, "quantity": "2"}])
    rows = {r.sku: r for r in services.items.page(Page())}
    assert rows["MILK-250"].on_hand == Decimal(12)  # WH + quarantine; virtual ends left out
    assert rows["TEA"].on_hand == Decimal("0.5")
    assert [r.sku for r in services.items.page(Page(filters={"below_min": True}))] == ["TEA"]
    assert [r.sku for r in services.items.page(Page(search="绿"))] == ["TEA"]
    assert [r.sku for r in services.items.page(Page(search="6901234"))] == ["MILK-250"]

    services.items.set_active(tea.id, tea.version, False)
    assert [r.sku for r in services.items.page(Page(filters={"active": True}))] == ["MILK-250"]
    assert [r.sku for r in services.items.page(Page(sort_key="price", descending=True,
                                                    limit=1))] == ["MILK-250"]  # fmt: skip
    after = services.items.page(Page(sort_key="price", limit=1))[0]
    assert after.sku == "TEA"
    assert [r.sku for r in services.items.page(Page(sort_key="price", after=after.cursor))] == [
        "MILK-250"
    ]


def test_warehouse_staff_may_keep_items_but_sales_may_not(db: Database) -> None:
    assert services_for(db, role=Role.WAREHOUSE).items.create(MILK).sku == "MILK-250"
    with pytest.raises(PermissionDenied):
        services_for(db, role=Role.SALES).items.create({**MILK, "sku": "x", "barcode": ""})
    assert row_count(db, t.items) == 1


def test_items_are_found_by_pinyin_initials_and_sorted_by_pinyin(services: Services) -> None:
    rows = [("T1", "特级绿茶"), ("M1", "纯牛奶"), ("B1", "Biscuits 饼干")]
    services.items.import_many(
        [{**MILK, "sku": sku, "name": name, "barcode": ""} for sku, name in rows]
    )
    assert [row.sku for row in services.items.page(Page(search="cnn"))] == ["M1"]
    assert [row.sku for row in services.items.page(Page(search="lvcha"))] == ["T1"]
    by_name = services.items.page(Page(sort_key="name"))
    assert [row.sku for row in by_name] == ["B1", "M1", "T1"]
