"""What posting one 5-line order to cash sends to SQLite, step by step.

Each step is its own service call and transaction (as ``benchmarks/posting.py`` posts it).
The numbers are ceilings: a change may lower them (then lower the pins with it), never
raise them.  Statements count everything the engine sends (``BEGIN``, the journal-mode
check, reads, writes); writes are the INSERTs, UPDATEs and DELETEs among them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from benchmarks import posting
from sqlalchemy import event

from retailerp.domain.money import Money
from retailerp.persistence import migrate
from retailerp.persistence.engine import Database, open_database
from retailerp.persistence.unit_of_work import written_table
from retailerp.services import Services
from support.dbtools import services_for

LINES = 5

# step: (statements, writes) at most
PINNED = {
    "create": (12, 6),
    "confirm": (17, 5),  # the order written once (no autoflush before the reads)
    "picking": (17, 7),  # the order written once, with the picking list; fill-ups read once
    "read": (2, 0),  # the order and its lines in one statement
    "ship": (21, 12),
    "invoice": (18, 9),  # each order written once; advances and money on account in one read
    "payment": (15, 8),  # the new payment inserted once, with its unapplied amount
}


@pytest.fixture
def sqlite_db(migrated_sqlite_path: Path) -> Iterator[Database]:
    database = open_database(migrated_sqlite_path)
    assert migrate.upgrade(database) is None
    try:
        yield database
    finally:
        database.dispose()


def _seed(s: Services) -> tuple[int, list[int]]:
    place = s.stock.add_bin("P-01")
    customer = s.customers.create(
        {"code": "P001", "name": "上海华联超市", "credit_limit": "900000"}
    )
    items = [
        s.items.create(
            {
                "sku": f"P-{n}",
                "name": f"商品 {n}",
                "price": "12.50",
                "vat_rate": "13",
                "bin": "P-01",
            }
        )  # fmt: skip
        for n in range(LINES)
    ]
    s.stock.receive(place.id or 0, [{"item_id": i.id, "quantity": "1000"} for i in items])
    return customer.id or 0, [i.id or 0 for i in items]


def _post(s: Services, customer: int, items: list[int], step: Any) -> Money:
    """The benchmark's order to cash (create, confirm, picking, read, ship, invoice,
    payment), ``step(name)`` called after each."""
    return posting.flow(s, posting.Shop(customer, tuple(items)), lambda name, _s: step(name))


def test_posting_an_order_sends_no_more_statements_than_pinned(sqlite_db: Database) -> None:
    s = services_for(sqlite_db)
    customer, items = _seed(s)
    _post(s, customer, items, lambda _name: None)  # the first order asks a few things once

    sent: list[str] = []

    def record(_c: Any, _cur: Any, sql: str, *_rest: Any) -> None:
        sent.append(sql)

    counted: dict[str, tuple[int, int]] = {}

    def step(name: str) -> None:
        counted[name] = (len(sent), sum(1 for sql in sent if written_table(sql)))
        sent.clear()

    event.listen(sqlite_db.engine, "before_cursor_execute", record)
    try:
        gross = _post(s, customer, items, step)
    finally:
        event.remove(sqlite_db.engine, "before_cursor_execute", record)

    assert gross == Money(14125)  # 5 × 2 × 12.50 + 13 % VAT: the order was really posted
    over = {
        name: (counted[name], PINNED[name])
        for name in PINNED
        if counted[name][0] > PINNED[name][0] or counted[name][1] > PINNED[name][1]
    }
    assert not over, f"(statements, writes) sent against the pinned ceiling: {over}"
    print({name: counted[name] for name in PINNED})


def test_each_step_moves_the_order_version_once_and_a_stale_version_is_refused(
    sqlite_db: Database,
) -> None:
    """The order is written once per step (no early autoflush and a second UPDATE), so its
    version moves by one; a step given the version before still refuses."""
    from retailerp.domain.errors import StaleRecordError

    s = services_for(sqlite_db)
    customer, items = _seed(s)
    order = s.orders.create(customer, {"payment_mode": "credit"}, [
        {"item_id": item, "quantity": "2"} for item in items
    ])  # fmt: skip
    created = order.version
    confirmed = s.orders.confirm(order.id or 0, created)
    assert confirmed.version == created + 1
    with pytest.raises(StaleRecordError):
        s.orders.start_picking(order.id or 0, created)
    s.orders.start_picking(order.id or 0, confirmed.version)
    picking = s.orders.get(order.id or 0)
    assert picking.version == created + 2
    with pytest.raises(StaleRecordError):
        s.orders.ship(order.id or 0, confirmed.version)
    delivery = s.orders.ship(order.id or 0, picking.version)
    s.invoices.invoice([delivery.id or 0])
    invoiced = s.orders.get(order.id or 0)
    assert invoiced.version == created + 4  # shipped, then invoiced (amount and state at once)
    assert invoiced.invoiced == invoiced.totals.gross
