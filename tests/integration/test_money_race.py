"""Two bookkeepers apply the same customer's money on account at once.

The first PC is stopped after applying the money and before committing; the second asks
meanwhile.  Money is applied under a lock on the customer, so the second waits and then
finds nothing left to apply: the money is applied once, the invoice's paid amount equals its
allocations.  SQLite in the shared-file journal mode and PostgreSQL.
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
from retailerp.services import Services
from support.dbtools import as_owner

WORKER = Path(__file__).resolve().parents[1] / "support" / "money_worker.py"
TIMEOUT = 120


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def target(request: pytest.FixtureRequest) -> str:
    if request.param == "sqlite":
        return str(request.getfixturevalue("migrated_sqlite_path"))
    return request.getfixturevalue("migrated_pg_url")


def _start(target: str, customer_id: int, user: str, pause: bool) -> subprocess.Popen[str]:
    args = {"target": target, "customer_id": customer_id, "user": user, "pause": pause}
    return subprocess.Popen(
        [sys.executable, str(WORKER), json.dumps(args)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _let_run_until_it_waits(db: Database, proc: subprocess.Popen[str]) -> None:
    """On PostgreSQL until the second PC is seen waiting for a lock (or has finished); on
    SQLite a moment (its writer waits at BEGIN IMMEDIATE, which cannot be seen from outside)."""
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


def _customer_with_money_on_account(s: Services) -> tuple[int, str, str]:
    """A 226.00 invoice open and 22.60 on account (released by a cancelled prepaid order)."""
    customer = s.customers.create({"code": "C1", "name": "华联", "credit_limit": "99999"}).id
    lamp = s.items.create({"sku": "LAMP", "name": "Lamp 台灯", "price": "200", "vat_rate": "13"})
    s.stock.receive(s.stock.add_bin("A-01").id, [{"item_id": lamp.id, "quantity": "5"}])
    order = s.orders.create(customer, {}, [{"item_id": lamp.id, "quantity": "1"}])
    order = s.orders.confirm(order.id, order.version)
    s.orders.start_picking(order.id, order.version)
    delivery = s.orders.ship(order.id, s.orders.get(order.id).version)
    number = s.invoices.invoice([delivery.id]).number
    prepaid = s.orders.create(
        customer, {"payment_mode": "prepaid"}, [{"item_id": lamp.id, "quantity": "1"}]
    )
    prepaid = s.orders.confirm(prepaid.id, prepaid.version)
    advance = s.invoices.record_payment(customer, "22.60", order_id=prepaid.id).number
    s.orders.cancel(prepaid.id, s.orders.get(prepaid.id).version, "changed mind")
    assert s.invoices.position(customer).on_account == Money.of("22.60")
    return customer, number, advance


def test_two_pcs_applying_the_same_money_apply_it_once(target: str) -> None:
    db = open_database(target) if "://" in target else open_database(target, journal_mode="delete")
    try:
        s = as_owner(db)
        customer, number, advance = _customer_with_money_on_account(s)

        first = _start(target, customer, "pc1", pause=True)
        assert first.stdout is not None and first.stdin is not None
        assert first.stdout.readline().strip() == "started", first.stderr
        assert first.stdout.readline().strip() == "applied", first.stderr
        second = _start(target, customer, "pc2", pause=False)
        assert second.stdout is not None
        assert second.stdout.readline().strip() == "started", second.stderr
        _let_run_until_it_waits(db, second)
        first.stdin.write("go\n")
        first.stdin.flush()
        reports = [_report(first)["paid"], _report(second)["paid"]]

        assert reports == [[number], []]
        payment = s.invoices.get_payment(advance)
        assert [a.amount for a in payment.allocations] == [Money.of("22.60")]
        assert payment.unallocated == Money(0)
        invoice = s.invoices.get(number)
        assert invoice.paid == Money.of("22.60") and invoice.open_amount == Money.of("203.40")
        assert s.invoices.position(customer).balance == Money.of("203.40")
    finally:
        db.dispose()
