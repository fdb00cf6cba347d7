"""Opening the database: SQLite pragmas, network-share detection, and clear refusals."""

from __future__ import annotations

import os
import socket
import sqlite3
from pathlib import Path

import pytest

from retailerp.persistence import engine as engine_module
from retailerp.persistence import migrate
from retailerp.persistence.engine import (
    choose_journal_mode,
    is_network_path,
    mount_fstype,
    open_database,
    resolve_url,
)
from retailerp.persistence.errors import DatabaseProblem


def pragma(db, name: str) -> object:  # noqa: ANN001
    with db.engine.connect() as conn:
        return conn.exec_driver_sql(f"PRAGMA {name}").scalar()


def migrated(path: Path) -> None:
    db = open_database(path)
    try:
        migrate.upgrade(db)
    finally:
        db.dispose()


def problem(target: object, **kwargs: object) -> str:
    with pytest.raises(DatabaseProblem) as info:
        open_database(target, **kwargs)  # type: ignore[arg-type]
    return str(info.value)


# --- SQLite settings ---------------------------------------------------------------------


def test_a_local_file_uses_wal_and_the_safe_settings(sqlite_path: Path) -> None:
    db = open_database(sqlite_path)
    try:
        assert db.is_sqlite and db.path == sqlite_path.resolve()
        assert db.journal_mode == "wal"
        assert pragma(db, "journal_mode") == "wal"
        assert pragma(db, "foreign_keys") == 1
        assert pragma(db, "synchronous") == 2  # FULL
        assert int(pragma(db, "busy_timeout")) >= 5000  # type: ignore[call-overload]
        assert db.label == str(sqlite_path.resolve())
    finally:
        db.dispose()


def test_journal_mode_delete_can_be_forced(sqlite_path: Path) -> None:
    db = open_database(sqlite_path, journal_mode="delete")
    try:
        assert db.journal_mode == "delete"
        assert pragma(db, "journal_mode") == "delete"
    finally:
        db.dispose()
    with sqlite3.connect(sqlite_path) as raw:  # the mode is in the file, for every program
        assert raw.execute("PRAGMA journal_mode").fetchone() == ("delete",)


def test_an_unknown_journal_mode_is_refused(sqlite_path: Path) -> None:
    assert "not 'memory'" in problem(sqlite_path, journal_mode="memory")
    assert not sqlite_path.exists()


def test_foreign_keys_are_enforced(sqlite_path: Path) -> None:
    from sqlalchemy.exc import IntegrityError

    db = open_database(sqlite_path)
    try:
        migrate.upgrade(db)
        with pytest.raises(IntegrityError), db.engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO customer_reviews (customer_id, reviewed_on, reviewer, "
                "credit_limit_before, credit_limit_after, outcome, note) "
                "VALUES (999, '2026-01-01', 'x', 0, 0, 'ok', '')"
            )
    finally:
        db.dispose()


def test_writers_take_the_write_lock_when_they_begin(sqlite_path: Path) -> None:
    """BEGIN IMMEDIATE: a second writer waits at its start instead of failing mid-way."""
    db = open_database(sqlite_path, journal_mode="delete")
    try:
        migrate.upgrade(db)
        with db.write_engine.connect() as conn, conn.begin():
            other = sqlite3.connect(sqlite_path, timeout=0, isolation_level=None)
            try:
                with pytest.raises(sqlite3.OperationalError, match="locked"):
                    other.execute("BEGIN IMMEDIATE")
            finally:
                other.close()
        with db.engine.connect() as conn, conn.begin():  # a reader takes no write lock
            other = sqlite3.connect(sqlite_path, timeout=0, isolation_level=None)
            try:
                other.execute("BEGIN IMMEDIATE")
                other.execute("ROLLBACK")
            finally:
                other.close()
    finally:
        db.dispose()


# --- network shares ----------------------------------------------------------------------

MOUNTINFO = r"""22 27 0:21 / /proc rw,relatime - proc proc rw
27 1 254:0 / / rw,relatime - ext4 /dev/vda rw,discard
40 27 0:50 / /srv rw,relatime - ext4 /dev/vdb rw
41 40 0:51 / /srv/share rw,relatime shared:5 - cifs //nas/shop rw,vers=3.0
42 41 0:52 / /srv/share/local rw,relatime - ext4 /dev/vdc rw
43 27 0:53 / /mnt/nfs\040drive rw,relatime - nfs4 nas:/export rw,vers=4.2
44 27 0:54 / /srv/sharedocs rw,relatime - ext4 /dev/vdd rw
"""


@pytest.mark.parametrize(
    ("path", "fstype"),
    [
        ("/srv/share/shop.db", "cifs"),
        ("/srv/share", "cifs"),
        ("/srv/share/local/shop.db", "ext4"),  # the longest mount point wins
        ("/srv/sharedocs/shop.db", "ext4"),  # a name prefix is not a parent folder
        ("/srv/other.db", "ext4"),
        ("/mnt/nfs drive/office/shop.db", "nfs4"),  # \040 in mountinfo is a space
        ("/home/x/shop.db", "ext4"),
    ],
)
def test_mount_fstype_reads_mountinfo(path: str, fstype: str) -> None:
    assert mount_fstype(Path(path), MOUNTINFO) == fstype


def test_mount_fstype_of_garbage_is_empty() -> None:
    assert mount_fstype(Path("/srv/x"), "not a mountinfo line\n\n") == ""


def test_auto_chooses_delete_on_a_network_share(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "shop.db"
    assert choose_journal_mode(target, "auto") == "wal"
    assert choose_journal_mode(target, "") == "wal"
    assert not is_network_path(target)
    monkeypatch.setattr(engine_module, "mount_fstype", lambda path, mountinfo=None: "cifs")
    assert is_network_path(target)
    assert choose_journal_mode(target, "auto") == "delete"
    assert choose_journal_mode(target, "WAL") == "wal"  # a setting overrides the detection
    db = open_database(target)
    try:
        assert db.journal_mode == "delete"
        assert pragma(db, "journal_mode") == "delete"
    finally:
        db.dispose()


# --- refusals ----------------------------------------------------------------------------


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    message = problem(tmp_path / "no" / "such" / "shop.db")
    assert f"The folder {tmp_path / 'no' / 'such'} does not exist." == message


def test_a_missing_file_is_refused_when_it_must_exist(sqlite_path: Path) -> None:
    assert "does not exist" in problem(sqlite_path, must_exist=True)
    assert not sqlite_path.exists()


def test_a_folder_is_not_a_database(tmp_path: Path) -> None:
    assert "is a folder, not a database file" in problem(tmp_path)


def test_a_read_only_file_is_refused_with_a_clear_message(
    sqlite_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests may run as root, for whom every file is writable: the check is simulated."""
    migrated(sqlite_path)
    real_access = os.access

    def access(path: object, mode: int, *args: object, **kwargs: object) -> bool:
        if Path(str(path)) == sqlite_path and mode & os.W_OK:
            return False
        return real_access(path, mode, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(engine_module.os, "access", access)
    message = problem(sqlite_path)
    assert str(sqlite_path) in message and "read-only" in message


def test_a_read_only_file_is_refused_for_real(sqlite_path: Path) -> None:
    migrated(sqlite_path)
    sqlite_path.chmod(0o444)
    try:
        if os.access(sqlite_path, os.W_OK):
            pytest.skip("running as root: a 0444 file is still writable (see the test above)")
        assert "read-only" in problem(sqlite_path)
    finally:
        sqlite_path.chmod(0o644)


def test_a_corrupt_file_is_reported_as_damaged(sqlite_path: Path) -> None:
    sqlite_path.write_bytes(b"This is a spreadsheet, not a database. " * 200)
    message = problem(sqlite_path)
    assert str(sqlite_path) in message
    assert "damaged" in message and "Restore a backup" in message


def test_a_closed_postgresql_port_is_reported_without_the_password() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again when the block ends
    message = problem(f"postgresql://shop:s3cret@127.0.0.1:{port}/retail")
    assert message.startswith("Cannot open postgresql+psycopg://shop:***@127.0.0.1:")
    assert "s3cret" not in message


@pytest.mark.parametrize(
    ("target", "words"),
    [
        ("mysql://u@localhost/shop", "not 'mysql'"),
        ("oracle+cx_oracle://u@h/db", "not 'oracle'"),
        ("://nothing", "is not a database address"),
    ],
)
def test_unsupported_addresses_are_refused(target: str, words: str) -> None:
    assert words in problem(target)


def test_urls_are_normalised() -> None:
    assert resolve_url("postgresql://u@h/db").drivername == "postgresql+psycopg"
    assert resolve_url("postgres://u@h/db").drivername == "postgresql+psycopg"
    url = resolve_url("~/shop.db")
    assert url.drivername == "sqlite+pysqlite" and url.database == str(Path.home() / "shop.db")
