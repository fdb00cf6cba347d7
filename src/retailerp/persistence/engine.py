"""Opening the database: SQLite file (local or on a network share) or PostgreSQL.

SQLite is set up as the architecture notes require: WAL on a local disk, the rollback journal
(DELETE) on a network share, where WAL's shared memory does not work; ``synchronous=FULL``,
a busy timeout, foreign keys on, and every write transaction started with ``BEGIN IMMEDIATE``
so that two writers queue instead of failing.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from retailerp.domain.text import QT_TRANSLATE_NOOP
from retailerp.persistence.errors import DatabaseProblem

NETWORK_FILESYSTEMS = frozenset(
    {"cifs", "smb3", "smbfs", "nfs", "nfs4", "fuse.sshfs", "9p", "afs", "ncpfs", "davfs"}
)
BUSY_TIMEOUT_MS = 10_000
WRITE_OPTION = "retailerp_write"
JOURNAL_MODES = ("auto", "wal", "delete")


@dataclass
class Database:
    """An open database: an engine for reads and one whose transactions begin IMMEDIATE."""

    url: URL
    engine: Engine
    write_engine: Engine
    path: Path | None = None
    journal_mode: str = ""

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @property
    def label(self) -> str:
        """How the database is named to the user (file path, or server and database)."""
        if self.path is not None:
            return str(self.path)
        return self.url.render_as_string(hide_password=True)

    def dispose(self) -> None:
        self.engine.dispose()


def mount_fstype(path: Path, mountinfo: str | None = None) -> str:
    """The filesystem type of the mount holding ``path`` (Linux ``/proc/self/mountinfo``)."""
    if mountinfo is None:
        try:
            mountinfo = Path("/proc/self/mountinfo").read_text(encoding="utf-8")
        except OSError:
            return ""
    best, fstype = "", ""
    target = str(path.resolve())
    for line in mountinfo.splitlines():
        left, _, right = line.partition(" - ")
        fields = left.split()
        if len(fields) < 5 or not right:
            continue
        mount_point = fields[4].replace("\\040", " ")
        inside = target == mount_point or target.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) >= len(best):
            best, fstype = mount_point, right.split()[0]
    return fstype


def is_network_path(path: Path) -> bool:
    """Whether ``path`` lies on a network share (SMB/CIFS, NFS, sshfs …)."""
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        return _windows_is_remote(path)
    return mount_fstype(path.parent if not path.exists() else path) in NETWORK_FILESYSTEMS


def _windows_is_remote(path: Path) -> bool:  # pragma: no cover - Windows only
    text = str(path.resolve())
    if text.startswith("\\\\"):
        return True
    import ctypes

    drive = os.path.splitdrive(text)[0] + "\\"
    return ctypes.windll.kernel32.GetDriveTypeW(drive) == 4  # DRIVE_REMOTE


def resolve_url(target: str | Path) -> URL:
    """A SQLAlchemy URL from a file path or a ``postgresql+psycopg://…`` URL."""
    text = str(target)
    if "://" not in text:
        return URL.create("sqlite+pysqlite", database=str(Path(text).expanduser().resolve()))
    try:
        url = make_url(text)
    except ArgumentError:
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP("errors", "'{url}' is not a database address."), url=text
        ) from None
    if url.get_backend_name() in ("postgresql", "postgres"):  # libpq accepts both
        return url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() != "sqlite":
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP(
                "errors", "Only SQLite files and PostgreSQL servers are supported, not '{kind}'."
            ),
            kind=url.get_backend_name(),
        )
    return url


def open_database(
    target: str | Path,
    *,
    journal_mode: str = "auto",
    must_exist: bool = False,
    busy_timeout_ms: int = BUSY_TIMEOUT_MS,
) -> Database:
    """Open (creating where allowed) a database; raises :class:`DatabaseProblem` with the cause.

    ``busy_timeout_ms`` is how long a SQLite writer waits for another PC's transaction.
    """
    url = resolve_url(target)
    if url.get_backend_name() == "sqlite":
        return _open_sqlite(url, journal_mode, must_exist, busy_timeout_ms)
    return _open_postgres(url)


def _open_sqlite(url: URL, journal_mode: str, must_exist: bool, busy_timeout_ms: int) -> Database:
    path = Path(url.database or "")
    _check_sqlite_file(path, must_exist)
    mode = choose_journal_mode(path, journal_mode)
    engine = create_engine(url, pool_pre_ping=False)
    _install_sqlite_events(engine, mode, busy_timeout_ms)
    db = Database(url, engine, engine.execution_options(**{WRITE_OPTION: True}), path, mode)
    _probe(db)
    return db


def choose_journal_mode(path: Path, setting: str) -> str:
    """``wal`` on a local disk, ``delete`` on a network share; a setting may force either."""
    setting = (setting or "auto").lower()
    if setting not in JOURNAL_MODES:
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP("errors", "Journal mode must be auto, wal or delete, not '{mode}'."),
            mode=setting,
        )
    if setting != "auto":
        return setting
    return "delete" if is_network_path(path) else "wal"


def _check_sqlite_file(path: Path, must_exist: bool) -> None:
    if path.is_dir():
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP("errors", "{path} is a folder, not a database file."), path=path
        )
    if not path.exists():
        if must_exist:
            raise DatabaseProblem(
                QT_TRANSLATE_NOOP("errors", "The database file {path} does not exist."), path=path
            )
        if not path.parent.is_dir():
            raise DatabaseProblem(
                QT_TRANSLATE_NOOP("errors", "The folder {folder} does not exist."),
                folder=path.parent,
            )
    writable = os.access(path, os.W_OK) if path.exists() else True
    if not writable or not os.access(path.parent, os.W_OK | os.X_OK):
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP(
                "errors",
                "The database file {path} (or its folder) is read-only. Ask for write access "
                "or copy it to a folder you can write to.",
            ),
            path=path,
        )


def _install_sqlite_events(engine: Engine, journal_mode: str, busy_timeout_ms: int) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        cursor.execute(f"PRAGMA journal_mode = {journal_mode.upper()}")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        writer = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writer else "BEGIN")


def _open_postgres(url: URL) -> Database:
    try:
        engine = create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 10})
    except NoSuchModuleError:  # pragma: no cover - psycopg is a dependency
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP("errors", "The PostgreSQL driver is not installed.")
        ) from None
    db = Database(url, engine, engine.execution_options(**{WRITE_OPTION: True}))
    _probe(db)
    return db


def _probe(db: Database) -> None:
    """Connect once so a wrong address, a locked or a corrupt file is reported at open."""
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    try:
        with db.engine.connect() as conn:
            conn.execute(text("SELECT count(*) FROM sqlite_master" if db.is_sqlite else "SELECT 1"))
    except DBAPIError as error:
        db.dispose()
        raise explain(error, db) from None


def explain(error: Exception, db: Database) -> DatabaseProblem:
    """Turn a driver error into a message naming the database and the cause."""
    detail = str(getattr(error, "orig", error)).strip().splitlines()[0] if str(error) else ""
    lowered = detail.lower()
    if "not a database" in lowered or "malformed" in lowered:
        return DatabaseProblem(
            QT_TRANSLATE_NOOP(
                "errors",
                "{database} is not a RetailERP database or it is damaged ({detail}). Restore a "
                "backup.",
            ),
            database=db.label,
            detail=detail,
        )
    if "locked" in lowered or "busy" in lowered:
        return DatabaseProblem(
            QT_TRANSLATE_NOOP(
                "errors", "{database} is locked by another program. Try again in a moment."
            ),
            database=db.label,
        )
    if "readonly" in lowered or "read-only" in lowered:
        return DatabaseProblem(
            QT_TRANSLATE_NOOP("errors", "{database} is read-only."), database=db.label
        )
    return DatabaseProblem(
        QT_TRANSLATE_NOOP("errors", "Cannot open {database}: {detail}"),
        database=db.label,
        detail=detail,
    )
