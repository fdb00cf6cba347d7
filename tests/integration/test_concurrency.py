"""Several PCs writing one database at once.

Each "PC" is a separate OS process (``support/concurrency_worker.py``) so SQLite's file locks
are really exercised, with ``journal_mode=delete`` as on a network share; the same tests run
against PostgreSQL.  All workers are started, wait until every one is ready, then go at once.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select

from retailerp.domain.errors import StaleRecordError
from retailerp.persistence import tables as t
from retailerp.persistence.engine import Database, open_database
from retailerp.persistence.unit_of_work import UnitOfWork
from support.dbtools import as_owner, row_count, services_for

WORKER = Path(__file__).resolve().parents[1] / "support" / "concurrency_worker.py"
TIMEOUT = 180


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def target(request: pytest.FixtureRequest) -> str:
    """A migrated database the workers can reach: a SQLite file path or a PostgreSQL URL."""
    if request.param == "sqlite":
        return str(request.getfixturevalue("migrated_sqlite_path"))
    return request.getfixturevalue("migrated_pg_url")


@pytest.fixture
def shared(target: str) -> Iterator[Database]:
    """The test's own connection to the shared database (the file in DELETE journal mode)."""
    db = open_database(target) if "://" in target else open_database(target, journal_mode="delete")
    try:
        yield db
    finally:
        db.dispose()


def run_workers(task: str, arguments: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Start one process per argument set, release them together, return their reports."""
    procs = [
        subprocess.Popen(
            [sys.executable, str(WORKER), task, json.dumps(args)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        for args in arguments
    ]
    try:
        for proc in procs:
            assert proc.stdout is not None
            line = proc.stdout.readline()
            if line.strip() != "ready":
                out, err = proc.communicate(timeout=TIMEOUT)
                pytest.fail(f"a worker did not start:\n{line}{out}{err}")
        for proc in procs:
            assert proc.stdin is not None
            proc.stdin.write("go\n")
            proc.stdin.flush()
        reports = []
        for proc in procs:
            out, err = proc.communicate(timeout=TIMEOUT)
            assert proc.returncode == 0, err
            reports.append(json.loads(out.strip().splitlines()[-1]))
        return reports
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()


def gapless(prefix: str, count: int) -> list[str]:
    return [f"{prefix}-{n:06d}" for n in range(1, count + 1)]


@pytest.mark.slow
def test_concurrent_receipts_lose_nothing_and_number_without_gaps(
    target: str, shared: Database, scale: int
) -> None:
    services = services_for(shared)
    item = services.items.create({"sku": "APPLE", "name": "苹果"}).id
    per_worker, workers = 20 * scale, 3
    reports = run_workers(
        "receive",
        [{"target": target, "item_id": item, "count": per_worker, "quantity": str(k + 1),
          "user": f"pc{k + 1}"} for k in range(workers)],
    )  # fmt: skip

    assert [r["errors"] for r in reports] == [[]] * workers  # no "database is locked"
    if shared.is_sqlite:
        assert {r["journal_mode"] for r in reports} == {"delete"}
        assert not Path(target + "-wal").exists()
    numbers = [n for r in reports for n in r["numbers"]]
    total = per_worker * workers
    assert sorted(numbers) == gapless("GR2026", total)  # unique and gapless
    for report in reports:  # each PC's own numbers rise
        assert report["numbers"] == sorted(report["numbers"])
    expected = Decimal(per_worker * sum(range(1, workers + 1)))
    assert services.stock.quantity(item, "WH") == expected  # no lost update
    assert services.stock.quantity(item, "SUPPLIERS") == -expected
    assert row_count(shared, t.stock_documents) == total
    assert row_count(shared, t.stock_moves) == total
    assert services.stock.ledger_mismatches() == []


def test_two_pcs_cannot_take_the_same_last_units(target: str, shared: Database) -> None:
    services = services_for(shared)
    item = services.items.create({"sku": "APPLE", "name": "苹果"}).id
    wh = next(loc.id for loc in services.stock.locations() if loc.code == "WH")
    services.stock.receive(wh, [{"item_id": item, "quantity": 10}])

    reports = run_workers(
        "take",
        [{"target": target, "item_id": item, "quantity": "7", "pause": 0.3, "user": f"pc{k}"}
         for k in (1, 2)],
    )  # fmt: skip

    assert [r["errors"] for r in reports] == [[], []]
    assert sorted(r["outcome"] for r in reports) == ["insufficient", "ok"]
    refused = next(r for r in reports if r["outcome"] == "insufficient")
    assert refused["message"] == "Not enough stock at WH: 7 wanted, 3 available."
    assert next(r for r in reports if r["outcome"] == "ok")["number"] == "GR2026-000002"
    assert services.stock.quantity(item, "WH") == 3
    assert services.stock.quantity(item, "CUSTOMERS") == 7
    assert services.stock.ledger_mismatches() == []
    # the refused posting gave its number back
    assert services.stock.receive(wh, [{"item_id": item, "quantity": 1}]).number == (
        "GR2026-000003"
    )


def test_two_pcs_saving_the_same_customer(target: str, shared: Database) -> None:
    services = services_for(shared)
    customer = services.customers.create({"code": "C1", "name": "上海华联"})
    reports = run_workers(
        "edit",
        [{"target": target, "customer_id": customer.id, "name": f"改名 by pc{k}",
          "user": f"pc{k}"} for k in (1, 2)],
    )  # fmt: skip

    assert [r["errors"] for r in reports] == [[], []]
    assert sorted(r["outcome"] for r in reports) == ["ok", "stale"]
    winner = 1 if reports[0]["outcome"] == "ok" else 2
    stale = reports[2 - winner]
    assert f"Customer C1 was changed by pc{winner} at" in stale["message"]
    saved = services.customers.get(customer.id)
    assert (saved.name, saved.version, saved.updated_by) == (
        f"改名 by pc{winner}", 2, f"pc{winner}",
    )  # fmt: skip


def test_a_save_waiting_behind_another_is_refused_as_stale(db: Database) -> None:
    """B saves while A's change of the same card is still uncommitted: B really waits for
    A's transaction, then gets the clear "changed by … at …" refusal, never an overwrite.

    The wait is proved by ordering, not by time.  A commits only once B has issued its
    blocking statement (``BEGIN IMMEDIATE`` on SQLite, the ``UPDATE`` of the card on
    PostgreSQL); when that statement returns, B's own connection already sees A's committed
    name — so B's transaction (SQLite) or update (PostgreSQL, which otherwise would have
    matched the old version and saved) went on only after A committed."""
    opened = services_for(db, user="bob").customers.create({"code": "C1", "name": "原名"})
    outcome: dict[str, Any] = {}
    events: list[str] = []
    blocking = "BEGIN IMMEDIATE" if db.engine.dialect.name == "sqlite" else "UPDATE customers"
    bob_issued = threading.Event()
    name_of = select(t.customers.c.name).where(t.customers.c.id == opened.id)

    def before(conn, cursor, statement: str, *args: Any) -> None:  # noqa: ANN001
        if threading.current_thread().name == "bob" and statement.startswith(blocking):
            events.append("bob issues")
            bob_issued.set()

    def after(conn, cursor, statement: str, *args: Any) -> None:  # noqa: ANN001
        if threading.current_thread().name == "bob" and statement.startswith(blocking):
            events.append(f"bob then sees {conn.execute(name_of).scalar_one()}")

    def bob_saves() -> None:
        try:
            services_for(db, user="bob").customers.update(
                opened.id, opened.version, {"code": "C1", "name": "bob 的名字"}
            )
            outcome["result"] = "saved"
        except Exception as error:  # noqa: BLE001 - checked below
            outcome["result"] = error

    event.listen(db.write_engine, "before_cursor_execute", before)
    event.listen(db.write_engine, "after_cursor_execute", after)
    try:
        with UnitOfWork(db, write=True) as uow:  # alice's transaction, held open
            card = uow.customers.get(opened.id)
            assert card is not None
            card.name, card.updated_by = "alice 的名字", "alice"
            uow.flush()
            bob = threading.Thread(target=bob_saves, name="bob")
            bob.start()
            assert bob_issued.wait(TIMEOUT), outcome
            assert events == ["bob issues"]  # issued while alice holds the card
            uow.commit()
        bob.join(timeout=TIMEOUT)
    finally:
        event.remove(db.write_engine, "before_cursor_execute", before)
        event.remove(db.write_engine, "after_cursor_execute", after)
    assert not bob.is_alive()
    assert events == ["bob issues", "bob then sees alice 的名字"]
    assert isinstance(outcome["result"], StaleRecordError), outcome["result"]
    assert "changed by alice" in str(outcome["result"])
    saved = as_owner(db).customers.get(opened.id)
    assert (saved.name, saved.version) == ("alice 的名字", 2)
