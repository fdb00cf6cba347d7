"""Two finance PCs credit the same blue invoice at once.

The first PC is stopped after checking its red lines against what is credited already and
before writing; the second asks meanwhile.  The blue invoice's row is locked (PostgreSQL) or
the writer waits its turn (SQLite, shared-file DELETE journal mode), so the second reads what
the first credited and is refused: together they never credit more than the blue invoice.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from retailerp.domain.money import Money
from retailerp.persistence.engine import Database, open_database
from support.dbtools import as_owner

WORKER = Path(__file__).resolve().parents[1] / "support" / "red_invoice_worker.py"
TIMEOUT = 120


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def target(request: pytest.FixtureRequest) -> str:
    if request.param == "sqlite":
        return str(request.getfixturevalue("migrated_sqlite_path"))
    return request.getfixturevalue("migrated_pg_url")


def _start(
    target: str, invoice_id: int, line_id: int, user: str, pause: bool
) -> subprocess.Popen[str]:
    args = {"target": target, "invoice_id": invoice_id, "line_id": line_id, "net": "400",
            "user": user, "pause": pause}  # fmt: skip
    return subprocess.Popen(
        [sys.executable, str(WORKER), json.dumps(args)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _let_run_until_it_waits(db: Database, proc: subprocess.Popen[str]) -> None:
    """On PostgreSQL until the second PC is seen waiting for a lock; on SQLite a moment (its
    writer waits at BEGIN IMMEDIATE, which cannot be observed from outside)."""
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


def test_two_pcs_crediting_one_invoice_never_exceed_it(target: str) -> None:
    db = open_database(target) if "://" in target else open_database(target, journal_mode="delete")
    try:
        s = as_owner(db)
        customer = s.customers.create({"code": "C1", "name": "华联", "credit_limit": "99999"})
        item = s.items.create({"sku": "RICE", "name": "Rice 大米", "price": "100", "vat_rate": "9"})
        s.stock.receive(s.stock.add_bin("A-01").id, [{"item_id": item.id, "quantity": "6"}])
        order = s.orders.create(customer.id, {}, [{"item_id": item.id, "quantity": "6"}])
        order = s.orders.confirm(order.id, order.version)
        s.orders.start_picking(order.id, order.version)
        delivery = s.orders.ship(order.id, s.orders.get(order.id).version)
        invoice = s.invoices.invoice([delivery.id])
        line_id = invoice.lines[0].id  # 600 net: room for one allowance of 400, not two

        first = _start(target, invoice.id, line_id, "pc1", pause=True)
        assert first.stdout is not None and first.stdin is not None
        assert first.stdout.readline().strip() == "started", first.stderr
        assert first.stdout.readline().strip() == "checked", first.stderr
        second = _start(target, invoice.id, line_id, "pc2", pause=False)
        assert second.stdout is not None
        assert second.stdout.readline().strip() == "started", second.stderr
        _let_run_until_it_waits(db, second)
        first.stdin.write("go\n")
        first.stdin.flush()
        reports = [_report(first), _report(second)]

        assert reports[0]["number"] and not reports[0]["refused"]
        assert not reports[1]["number"] and "200.00" in reports[1]["refused"]
        [blue] = s.red_invoices.blue_lines(invoice.id)
        assert blue.credited_net == Money.of("400") and blue.open_net == Money.of("200")
        assert len(s.red_invoices.of_invoice(invoice.id)) == 1
    finally:
        db.dispose()
