"""Two warehouse PCs start picking at once for two orders of the same item.

The first PC is stopped between planning its picking list and writing it; the second starts
meanwhile.  The plan is made under the item lock, so the second waits and then plans from
what is really left: the other bin.  Both lists can be shipped.  SQLite in the shared-file
journal mode and PostgreSQL.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import text

from retailerp.persistence.engine import Database, open_database
from support.dbtools import as_owner

WORKER = Path(__file__).resolve().parents[1] / "support" / "picking_worker.py"
TIMEOUT = 120


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def target(request: pytest.FixtureRequest) -> str:
    if request.param == "sqlite":
        return str(request.getfixturevalue("migrated_sqlite_path"))
    return request.getfixturevalue("migrated_pg_url")


def _start(target: str, order_id: int, user: str, pause: bool) -> subprocess.Popen[str]:
    args = {"target": target, "order_id": order_id, "user": user, "pause": pause}
    return subprocess.Popen(
        [sys.executable, str(WORKER), json.dumps(args)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _let_run_until_it_waits(db: Database, proc: subprocess.Popen[str]) -> None:
    """Give the second PC every chance to plan while the first is paused: on PostgreSQL
    until it is seen waiting for a lock (or has finished), on SQLite a moment (its writer
    waits at BEGIN IMMEDIATE, which cannot be observed from outside)."""
    if db.is_sqlite:
        time.sleep(0.5)
        return
    waiting = text(
        "SELECT count(*) FROM pg_stat_activity "
        "WHERE datname = current_database() AND wait_event_type = 'Lock'"
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and proc.poll() is None:
        with db.engine.connect() as conn:
            if conn.execute(waiting).scalar_one():
                return
        time.sleep(0.05)


def _report(proc: subprocess.Popen[str]) -> dict:
    out, err = proc.communicate(timeout=TIMEOUT)
    assert proc.returncode == 0, err
    report = json.loads(out.strip().splitlines()[-1])
    assert report["errors"] == [], report["errors"]
    return report


def test_two_pcs_starting_picking_at_once_plan_different_bins(target: str) -> None:
    db = open_database(target) if "://" in target else open_database(target, journal_mode="delete")
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

        first = _start(target, orders[0].id, "pc1", pause=True)
        assert first.stdout is not None and first.stdin is not None
        assert first.stdout.readline().strip() == "started", first.stderr
        assert first.stdout.readline().strip() == "planned", first.stderr
        second = _start(target, orders[1].id, "pc2", pause=False)
        assert second.stdout is not None
        assert second.stdout.readline().strip() == "started", second.stderr
        _let_run_until_it_waits(db, second)
        first.stdin.write("go\n")
        first.stdin.flush()
        plans = [_report(first)["lines"], _report(second)["lines"]]

        assert sorted(plans) == [[["A-01", "5"]], [["B-01", "5"]]]
        for order in orders:
            s.orders.ship(order.id, s.orders.get(order.id).version)
        assert s.stock.quantity(item.id, "A-01") == Decimal(0)
        assert s.stock.quantity(item.id, "B-01") == Decimal(0)
        assert [s.orders.get(o.id).state for o in orders] == ["shipped", "shipped"]
        assert s.stock.ledger_mismatches() == []
    finally:
        db.dispose()
