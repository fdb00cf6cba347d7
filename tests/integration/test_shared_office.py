"""Several PCs on one database: who is connected, records open elsewhere, hearing another
PC's changes, and a write that waits for another PC's lock.

Two "PCs" are two ``Database`` objects on the same SQLite file (or PostgreSQL database),
each with its own PC name, as two programs would open it.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from retailerp.domain.security import Actor
from retailerp.persistence.engine import Database, open_database
from retailerp.services import Services
from retailerp.services.changes import Change, ChangeSet

OWNER = Actor("owner")

START = datetime(2026, 3, 16, 9, 0, tzinfo=UTC)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def target(request: pytest.FixtureRequest) -> str:
    if request.param == "sqlite":
        return str(request.getfixturevalue("migrated_sqlite_path"))
    return request.getfixturevalue("migrated_pg_url")


def open_as(target: str, pc: str) -> Database:
    db = open_database(target) if "://" in target else open_database(target, journal_mode="delete")
    db.pc = pc
    return db


@pytest.fixture
def two_pcs(target: str) -> Iterator[tuple[Database, Database]]:
    first, second = open_as(target, "PC-1"), open_as(target, "PC-2")
    try:
        yield first, second
    finally:
        first.dispose()
        second.dispose()


def test_each_program_is_listed_and_a_silent_one_expires(two_pcs) -> None:  # noqa: ANN001
    clock = Clock()
    first = Services.over(two_pcs[0], actor=OWNER, clock=clock)
    second = Services.over(two_pcs[1], actor=Actor("anna"), clock=clock)
    first.office.open()
    clock.now += timedelta(seconds=30)
    people = second.office.open()
    assert [(p.pc, p.username, p.since) for p in people] == [
        ("PC-1", "owner", START),
        ("PC-2", "anna", START + timedelta(seconds=30)),
    ]
    clock.now += timedelta(seconds=80)  # PC-1 beat 110 s ago: still counted (< 2 minutes)
    assert [p.pc for p in second.office.heartbeat()] == ["PC-1", "PC-2"]
    clock.now += timedelta(seconds=60)  # 170 s without a heartbeat: gone, and removed
    assert [p.pc for p in second.office.heartbeat()] == ["PC-2"]
    assert [p.pc for p in first.office.connected()] == ["PC-2"]
    assert [p.pc for p in first.office.heartbeat()] == ["PC-2", "PC-1"]  # back, since now
    first.office.close()
    assert [p.pc for p in second.office.connected()] == ["PC-2"]


def test_a_record_open_on_another_pc_is_named_with_user_and_time(two_pcs) -> None:  # noqa: ANN001
    clock = Clock()
    first = Services.over(two_pcs[0], actor=OWNER, clock=clock)
    second = Services.over(two_pcs[1], actor=OWNER, clock=clock)
    first.office.open()
    second.office.open()
    assert first.office.claim("customer", "7") == []
    clock.now += timedelta(minutes=1)
    claims = second.office.claim("customer", "7")
    assert [(c.pc, c.username, c.since) for c in claims] == [("PC-1", "owner", START)]
    assert [c.pc for c in first.office.claims_on("customer", "7")] == ["PC-2"]
    assert second.office.claims_on("customer", "8") == []
    first.office.release("customer", "7")
    assert second.office.claims_on("customer", "7") == []
    second.office.close()  # its claims go with its session
    assert first.office.claims_on("customer", "7") == []


def poll_until_heard(services: Services) -> ChangeSet | None:
    """Poll as the window's timer does until another PC's change is heard (a PostgreSQL
    notification reaches the listening connection a moment after the commit)."""
    for _ in range(1000):
        change = services.office.poll_remote()
        if change is not None:
            return change
        time.sleep(0.01)
    return None


def test_another_pcs_write_is_heard_and_ones_own_is_not(two_pcs) -> None:  # noqa: ANN001
    first, second = Services.over(two_pcs[0], actor=OWNER), Services.over(two_pcs[1], actor=OWNER)
    heard: list[ChangeSet] = []
    stop = second.changes.subscribe(heard.append)
    try:
        assert second.office.poll_remote() is None  # starts watching
        first.customers.create({"code": "C1", "name": "上海华联"})
        change = poll_until_heard(second)
        assert change is not None and not change.local
        assert Change.CUSTOMERS in change.kinds and "customers" in change.tables
        assert [(c.tables, c.local) for c in heard] == [(change.tables, False)]
        assert second.office.poll_remote() is None  # told once
        heard.clear()
        second.items.create({"sku": "A", "name": "a", "price": "1", "vat_rate": "13"})
        assert [c.local for c in heard] == [True]  # its own commit, told at once
        assert second.office.poll_remote() is None  # and not again as another PC's
    finally:
        stop()


def test_a_write_waiting_for_another_pcs_lock_says_so_and_then_goes_through(
    migrated_sqlite_path: Path,
) -> None:
    db = open_as(str(migrated_sqlite_path), "PC-2")
    holder = sqlite3.connect(str(migrated_sqlite_path), isolation_level=None)
    waited: list[float | None] = []
    asked = threading.Event()

    def listener(seconds: float | None, holders: tuple[str, ...]) -> None:
        assert holders == ()  # SQLite cannot tell who holds the lock
        waited.append(seconds)
        asked.set()

    db.write_wait.listener = listener
    db.write_wait.step_ms = 50
    results: list[object] = []
    try:
        holder.execute("BEGIN IMMEDIATE")  # another PC is saving
        worker = threading.Thread(
            target=lambda: results.append(
                Services.over(db, actor=OWNER).customers.create({"code": "C1", "name": "x"})
            )
        )
        worker.start()
        assert asked.wait(30)  # the writer says it waits …
        assert results == []  # … and has not written
        holder.execute("COMMIT")  # the other PC is done
        worker.join(30)
        assert [r.code for r in results] == ["C1"]  # type: ignore[attr-defined]
        assert waited[0] is not None and waited[0] >= 0
        assert waited[-1] is None  # told when it has the database
    finally:
        holder.close()
        db.dispose()


@pytest.mark.postgres
def test_a_write_waiting_on_postgresql_names_the_pc_holding_the_lock(migrated_pg_url: str) -> None:
    holder_db, writer_db = open_as(migrated_pg_url, "PC-1"), open_as(migrated_pg_url, "PC-2")
    holder_db.user = "li"
    customer = Services.over(holder_db, actor=OWNER).customers.create({"code": "C1", "name": "x"})
    told: list[tuple[float | None, tuple[str, ...]]] = []
    asked = threading.Event()

    def listener(seconds: float | None, holders: tuple[str, ...]) -> None:
        told.append((seconds, holders))
        asked.set()

    writer_db.write_wait.listener = listener
    writer_db.write_wait.step_ms = 50
    results: list[object] = []
    holder = holder_db.write_engine.connect()
    try:
        holder.begin()
        holder.exec_driver_sql(  # PC-1 holds the customer's row
            "SELECT id FROM customers WHERE id = %(id)s FOR UPDATE", {"id": customer.id}
        )
        changes = {"code": "C1", "name": "Renamed on PC-2"}
        worker = threading.Thread(
            target=lambda: results.append(
                Services.over(writer_db, actor=OWNER).customers.update(
                    customer.id, customer.version, changes
                )
            )
        )
        worker.start()
        assert asked.wait(30)  # the writer is told whom it waits for …
        assert told[0][0] is not None and told[0][1] == ("PC-1 (li)",)
        assert results == []  # … and has not written
        holder.commit()  # PC-1 is done
        worker.join(30)
        assert [r.name for r in results] == ["Renamed on PC-2"]  # type: ignore[attr-defined]
        assert told[-1] == (None, ())  # and told when it is through
    finally:
        holder.close()
        holder_db.dispose()
        writer_db.dispose()
