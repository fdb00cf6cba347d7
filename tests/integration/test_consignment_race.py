"""Two PCs post issues of the same consignment stock at once: 10 at the customer, each
issue 6.  The first PC is stopped after checking what is at the customer, before it writes;
the second starts meanwhile.  It waits for the first (item lock on PostgreSQL, the IMMEDIATE
write transaction on SQLite), then finds 4 left and is refused: never more issued than was
at the customer.  SQLite in the shared-file journal mode and PostgreSQL."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from test_picking_race import _let_run_until_it_waits

from retailerp.persistence.engine import open_database
from support.dbtools import as_owner

WORKER = Path(__file__).resolve().parents[1] / "support" / "consignment_worker.py"
TIMEOUT = 120


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def target(request: pytest.FixtureRequest) -> str:
    if request.param == "sqlite":
        return str(request.getfixturevalue("migrated_sqlite_path"))
    return request.getfixturevalue("migrated_pg_url")


def _start(target: str, document_id: int, user: str, pause: bool) -> subprocess.Popen[str]:
    args = {"target": target, "document_id": document_id, "user": user, "pause": pause}
    return subprocess.Popen(
        [sys.executable, str(WORKER), json.dumps(args)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _report(proc: subprocess.Popen[str]) -> dict:
    out, err = proc.communicate(timeout=TIMEOUT)
    assert proc.returncode == 0, err
    report = json.loads(out.strip().splitlines()[-1])
    assert report["errors"] == [], report["errors"]
    return report


def test_two_pcs_issuing_the_same_consignment_stock_never_issue_more_than_is_there(
    target: str,
) -> None:
    db = open_database(target) if "://" in target else open_database(target, journal_mode="delete")
    try:
        s = as_owner(db)
        customer = s.customers.create({"code": "C1", "name": "华联"})
        item = s.items.create({"sku": "RICE", "name": "Rice 大米", "price": "50", "vat_rate": "9"})
        s.stock.receive(s.stock.add_bin("A-01").id, [{"item_id": item.id, "quantity": "10"}])
        fill = s.consignment.create_fill_up(customer.id, [{"item_id": item.id, "quantity": "10"}])
        fill = s.consignment.plan_fill_up(fill.id, fill.version)
        s.consignment.post_fill_up(fill.id, fill.version)
        issues = [
            s.consignment.create_issue(customer.id, [{"item_id": item.id, "quantity": "6"}])
            for _ in range(2)
        ]

        first = _start(target, issues[0].id, "pc1", pause=True)
        assert first.stdout is not None and first.stdin is not None
        assert first.stdout.readline().strip() == "started", first.stderr
        assert first.stdout.readline().strip() == "checked", first.stderr
        second = _start(target, issues[1].id, "pc2", pause=False)
        assert second.stdout is not None
        assert second.stdout.readline().strip() == "started", second.stderr
        _let_run_until_it_waits(db, second)
        first.stdin.write("go\n")
        first.stdin.flush()
        reports = [_report(first), _report(second)]

        assert reports[0] == {"posted": True, "refused": "", "errors": []}
        assert reports[1]["posted"] is False
        assert "At most 4 of RICE" in reports[1]["refused"]
        assert s.stock.quantity(item.id, "CONS-C1") == Decimal(4)
        assert s.stock.quantity(item.id, "CUSTOMERS") == Decimal(6)
        assert [s.consignment.get(i.id).state for i in issues] == ["posted", "draft"]
        assert s.stock.ledger_mismatches() == []
    finally:
        db.dispose()
