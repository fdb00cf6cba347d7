"""A database in a folder where file locking does not work is refused before anything is
written; a normal file passes the probe. SQLite's ``unix-none`` VFS really takes no locks, so
it plays the broken share."""

from __future__ import annotations

import hashlib
import sqlite3
import sys
from pathlib import Path

import pytest

from retailerp.persistence import journal, migrate
from retailerp.persistence.engine import open_database
from retailerp.persistence.errors import DatabaseProblem
from retailerp.services import Page
from support.dbtools import as_owner

unix_only = pytest.mark.skipif(sys.platform == "win32", reason="the unix-none VFS")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_shop(path: Path) -> None:
    db = open_database(path, journal_mode="delete")
    migrate.upgrade(db)
    as_owner(db).customers.create({"code": "C1", "name": "Before"})
    db.dispose()


def test_a_normal_file_passes_the_lock_probe(tmp_path: Path) -> None:
    path = tmp_path / "shop.db"
    make_shop(path)
    assert journal.locking_works(path)
    db = open_database(path)
    assert [row.code for row in as_owner(db).customers.page(Page())] == ["C1"]
    db.dispose()


@unix_only
def test_the_probe_sees_a_vfs_without_locks(tmp_path: Path) -> None:
    path = tmp_path / "shop.db"
    make_shop(path)
    assert not journal.locking_works(path, vfs="unix-none")


@unix_only
def test_an_existing_file_without_working_locks_is_refused_and_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "shop.db"
    make_shop(path)
    before = digest(path)
    monkeypatch.setattr(journal, "PROBE_VFS", "unix-none")
    with pytest.raises(DatabaseProblem) as caught:
        open_database(path)
    text = str(caught.value)
    assert str(path) in text
    assert "locking does not work" in text
    assert "PostgreSQL" in text and "own disk" in text
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shop.db"]


@unix_only
def test_a_new_file_in_a_folder_without_locks_is_not_created(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(journal, "PROBE_VFS", "unix-none")
    with pytest.raises(DatabaseProblem, match="locking does not work"):
        open_database(tmp_path / "new.db")
    assert list(tmp_path.iterdir()) == []


def test_a_lock_the_kernel_does_not_keep_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A filesystem that accepts a lock and forgets it (SQLite itself is fooled: the second
    writer is refused only by this process's own bookkeeping) is caught by the kernel query."""
    path = tmp_path / "shop.db"
    make_shop(path)
    monkeypatch.setattr(journal, "_kernel_sees_lock", lambda holder, path: False)
    with pytest.raises(DatabaseProblem, match="locking does not work"):
        open_database(path)


def test_a_file_another_program_is_writing_passes(tmp_path: Path) -> None:
    path = tmp_path / "shop.db"
    make_shop(path)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        assert journal.locking_works(path)
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_read_only_commands_do_not_probe(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "shop.db"
    make_shop(path)
    monkeypatch.setattr(journal, "PROBE_VFS", "unix-none")
    db = open_database(path, must_exist=True)
    db.dispose()
