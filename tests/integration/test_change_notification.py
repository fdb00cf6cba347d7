"""Every committed write tells the change bus what kinds of thing it changed, from the
tables its statements wrote; nothing is told of a refused or rolled-back write."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import delete, insert, text, update

from retailerp.domain.customers import Customer
from retailerp.domain.errors import DomainError
from retailerp.persistence import tables as t
from retailerp.persistence.mappers import start_mappers
from retailerp.persistence.unit_of_work import write, written_table
from retailerp.services import Services
from retailerp.services.changes import (
    ALL_CHANGES,
    TABLE_CHANGES,
    Change,
    ChangeBus,
    ChangeSet,
    changes_of,
)
from support.dbtools import as_owner


@pytest.fixture
def heard(services: Services) -> Iterator[list[ChangeSet]]:
    changes: list[ChangeSet] = []
    stop = services.changes.subscribe(changes.append)
    yield changes
    stop()


def test_every_table_declares_the_kinds_of_thing_it_holds() -> None:
    assert sorted(set(t.metadata.tables) - set(TABLE_CHANGES)) == []
    assert sorted(set(TABLE_CHANGES) - set(t.metadata.tables)) == []


def test_an_undeclared_table_counts_as_every_kind() -> None:
    assert changes_of(["complaints"]) == ALL_CHANGES
    assert changes_of(["items", "stock_moves"]) == {Change.ITEMS, Change.STOCK}


def test_the_written_table_is_read_from_core_statements_and_sql_text() -> None:
    assert written_table(insert(t.items)) == "items"
    assert written_table(update(t.customers).values(name="x")) == "customers"
    assert written_table(delete(t.stock_balances)) == "stock_balances"
    assert written_table(text('INSERT OR REPLACE INTO "settings" VALUES (1, 2)')) == "settings"
    assert written_table("delete from payments where id = 1") == "payments"
    assert written_table("SELECT * FROM items") is None
    start_mappers()
    assert written_table(update(Customer).values(name="x")) == "customers"  # ORM-enabled


def test_a_goods_receipt_reports_stock_and_its_document(
    services: Services, heard: list[ChangeSet]
) -> None:
    item = services.items.create({"sku": "A", "name": "a", "price": "1", "vat_rate": "13"})
    bin_id = services.stock.add_bin("A-01").id or 0
    heard.clear()
    services.stock.receive(bin_id, [{"item_id": item.id, "quantity": "10"}])
    assert len(heard) == 1
    assert heard[0].kinds == {Change.STOCK, Change.STOCK_DOCUMENTS, Change.AUDIT}
    assert heard[0].local


def test_the_order_steps_report_what_each_one_changed(
    services: Services, heard: list[ChangeSet]
) -> None:
    customer = services.customers.create(
        {"code": "C1", "name": "c", "credit_limit": "100000", "payment_terms_days": "30"}
    )
    item = services.items.create({"sku": "A", "name": "a", "price": "1", "vat_rate": "13"})
    services.stock.receive(
        services.stock.add_bin("A-01").id or 0, [{"item_id": item.id, "quantity": "10"}]
    )
    order = services.orders.create(customer.id or 0, {}, [{"item_id": item.id, "quantity": "2"}])
    order = services.orders.confirm(order.id or 0, order.version, "")
    services.orders.start_picking(order.id or 0, order.version)
    heard.clear()
    order = services.orders.get(order.id or 0)
    delivery = services.orders.ship(order.id or 0, order.version, None)
    assert {Change.ORDERS, Change.DELIVERIES, Change.STOCK, Change.PICKING} <= heard[-1].kinds
    services.invoices.invoice([delivery.id or 0])
    assert Change.INVOICES in heard[-1].kinds
    services.invoices.record_payment(customer.id or 0, "2.26", "cash", "")
    assert Change.PAYMENTS in heard[-1].kinds


def test_a_refused_change_reports_nothing(services: Services, heard: list[ChangeSet]) -> None:
    with pytest.raises(DomainError):
        services.items.create({"sku": "", "name": "", "price": "1", "vat_rate": "13"})
    assert heard == []


def test_a_write_that_fails_after_writing_reports_nothing(
    services: Services, heard: list[ChangeSet]
) -> None:
    def work(uow) -> None:  # noqa: ANN001
        uow.session.execute(insert(t.settings).values(key="k", value="v"))
        raise DomainError("refused after writing")

    with pytest.raises(DomainError):
        write(services.ctx.db, work)
    assert heard == []


def test_reads_report_nothing(services: Services, heard: list[ChangeSet]) -> None:
    services.items.create({"sku": "A", "name": "a", "price": "1", "vat_rate": "13"})
    heard.clear()
    services.items.find("A")
    services.stock.locations()
    assert heard == []


def test_a_failing_subscriber_neither_fails_the_write_nor_silences_the_others(
    services: Services, heard: list[ChangeSet]
) -> None:
    def broken(_change: ChangeSet) -> None:
        raise RuntimeError("a screen broke")

    stop = services.changes.subscribe(broken)
    later: list[ChangeSet] = []
    stop_later = services.changes.subscribe(later.append)
    try:
        item = services.items.create({"sku": "A", "name": "a", "price": "1", "vat_rate": "13"})
    finally:
        stop()
        stop_later()
    assert item.id is not None
    assert [c.kinds for c in later] == [{Change.ITEMS, Change.AUDIT}]


def test_each_database_has_its_own_bus(services: Services) -> None:
    assert as_owner(services.ctx.db).changes is services.changes
    assert isinstance(services.changes, ChangeBus)
    other = ChangeBus()
    heard: list[ChangeSet] = []
    other.subscribe(heard.append)
    other.publish(ChangeSet.everything())
    assert heard[0].kinds == ALL_CHANGES and not heard[0].local


def test_changes_are_numbered_and_a_merge_keeps_the_latest() -> None:
    bus = ChangeBus()
    heard: list[ChangeSet] = []
    bus.subscribe(heard.append)
    bus.publish_tables(["items"])
    bus.publish_tables(["stock_moves"])
    bus.publish_tables(["number_series"])  # changes nothing anyone shows: not published
    assert [c.serial for c in heard] == [1, 2] and bus.serial == 2
    merged = heard[0].merged(heard[1])
    assert merged.serial == 2 and merged.kinds == {Change.ITEMS, Change.STOCK}
