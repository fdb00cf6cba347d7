"""Two warehouse PCs start picking at once for two orders of the same item.

The first PC is stopped between planning its picking list and writing it; the second starts
meanwhile.  The plan is made under the item lock, so the second waits and then plans from
what is really left: the other bin.  Both lists can be shipped.  SQLite in the shared-file
journal mode and PostgreSQL.
"""

from __future__ import annotations

from decimal import Decimal

from support import race
from support.dbtools import as_owner
from support.race import open_target, two_pcs

target = race.target  # the fixture: the shared SQLite file, or PostgreSQL


def test_two_pcs_starting_picking_at_once_plan_different_bins(target: str) -> None:
    db = open_target(target)
    try:
        s = as_owner(db)
        customer = s.customers.create({"code": "C1", "name": "华联", "credit_limit": "99999"})
        item = s.items.create({"sku": "RICE", "name": "Rice 大米", "price": "50", "vat_rate": "9"})
        for code in ("A-01", "B-01"):
            s.stock.receive(s.stock.add_bin(code).id, [{"item_id": item.id, "quantity": "5"}])
        orders = []
        for _ in range(2):
            order = s.orders.create(customer.id, {}, [{"item_id": item.id, "quantity": "5"}])
            orders.append(s.orders.confirm(order.id, order.version))

        reports = two_pcs(
            db, "picking_worker.py",
            {"target": target, "order_id": orders[0].id, "user": "pc1"},
            {"target": target, "order_id": orders[1].id, "user": "pc2"},
            signal="planned",
        )  # fmt: skip
        plans = [r["lines"] for r in reports]

        assert sorted(plans) == [[["A-01", "5"]], [["B-01", "5"]]]
        for order in orders:
            s.orders.ship(order.id, s.orders.get(order.id).version)
        assert s.stock.quantity(item.id, "A-01") == Decimal(0)
        assert s.stock.quantity(item.id, "B-01") == Decimal(0)
        assert [s.orders.get(o.id).state for o in orders] == ["shipped", "shipped"]
        assert s.stock.ledger_mismatches() == []
    finally:
        db.dispose()
