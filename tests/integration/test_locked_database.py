"""Another program holding the SQLite file: a clear message, nothing half-written."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from retailerp.persistence import migrate
from retailerp.persistence.engine import open_database
from retailerp.persistence.errors import DatabaseBusy, DatabaseProblem
from retailerp.services import Page
from support.dbtools import as_owner


@pytest.mark.parametrize("journal", ["wal", "delete"])
def test_a_long_foreign_lock_gives_busy_and_saves_nothing(tmp_path: Path, journal: str) -> None:
    path = tmp_path / "shop.db"
    migrate.upgrade(open_database(path, journal_mode=journal))
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseProblem) as caught:
            db = open_database(path, journal_mode=journal, busy_timeout_ms=200)
            as_owner(db).customers.create({"code": "C1", "name": "Blocked"})
        assert "busy" in str(caught.value) or "locked" in str(caught.value)
        if isinstance(caught.value, DatabaseBusy):
            assert "Nothing was saved" in str(caught.value)
    finally:
        other.execute("ROLLBACK")
        other.close()
    services = as_owner(open_database(path, journal_mode=journal))
    assert services.customers.page(Page()) == []
    services.customers.create({"code": "C1", "name": "After the lock"})
    assert [row.code for row in services.customers.page(Page())] == ["C1"]
