"""Opening the database: SQLite file (local or on a network share) or PostgreSQL.

SQLite is set up as the architecture notes require: a new file gets WAL on a local disk and
the rollback journal (DELETE) on a network share, where WAL's shared memory does not work; an
existing file keeps the mode the office recorded (:mod:`retailerp.persistence.journal`).
Every connection gets ``synchronous=FULL``, a busy timeout and foreign keys on, each answer
checked, and every write transaction starts with ``BEGIN IMMEDIATE`` so that two writers
queue instead of failing.
"""

from __future__ import annotations

import os
import re
import socket
import sqlite3
import sys
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError

from retailerp.domain.text import QT_TRANSLATE_NOOP
from retailerp.persistence import journal
from retailerp.persistence.errors import DatabaseProblem

NETWORK_FILESYSTEMS = frozenset(
    {"cifs", "smb3", "smbfs", "nfs", "nfs4", "fuse.sshfs", "9p", "afs", "ncpfs", "davfs"}
)
BUSY_TIMEOUT_MS = 10_000
WRITE_OPTION = "retailerp_write"
JOURNAL_MODES = journal.SETTINGS


def this_pc() -> str:
    """This PC's name as the office sees it (``RETAILERP_PC`` may set it; else the host)."""
    return (os.environ.get("RETAILERP_PC") or socket.gethostname() or "?")[:60]


WaitListener = Callable[[float | None, tuple[str, ...]], None]
"""Told the seconds a writer has waited for another PC so far and, where the database can
say (PostgreSQL), who holds the lock (``PC-1 (li)``; ``()`` when unknown); ``None`` once it
has the database (or gave up)."""


@dataclass
class WriteWait:
    """How a SQLite writer waits for another PC's write: in short steps, telling a listener
    between them (the window shows "waiting for …" and keeps painting), up to the timeout."""

    timeout_ms: int = 10_000
    step_ms: int = 250
    listener: WaitListener | None = None


@dataclass
class OwnChanges:
    """The change-counter values this program's own commits produced (not another PC's)."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    serials: dict[str, set[int]] = field(default_factory=dict)

    def note(self, serials: dict[str, int]) -> None:
        with self.lock:
            for table, serial in serials.items():
                self.serials.setdefault(table, set()).add(serial)

    def take(self, table: str, after: int, upto: int) -> bool:
        """Whether every change of ``table`` in ``(after, upto]`` was ours (forgets them)."""
        with self.lock:
            own = self.serials.get(table, set())
            wanted = set(range(after + 1, upto + 1))
            ours = wanted <= own
            own -= wanted
            own.difference_update({s for s in own if s <= upto})
            return ours


@dataclass
class Database:
    """An open database: an engine for reads and one whose transactions begin IMMEDIATE."""

    url: URL
    engine: Engine
    write_engine: Engine
    path: Path | None = None
    journal_mode: str = ""
    """The SQLite file's journal mode (``wal`` or ``delete``) this program runs in."""
    recorded_journal_mode: str = ""
    """The mode the office recorded in the database (``""``: not recorded yet)."""
    network: bool = False
    """The SQLite file lies on a network share."""
    pc: str = field(default_factory=this_pc)
    """The PC the audit trail and the office's sessions name for this program."""
    instance: str = field(default_factory=lambda: uuid.uuid4().hex)
    """This open database's own id (to tell our notifications from other PCs')."""
    write_wait: WriteWait = field(default_factory=WriteWait)
    own_changes: OwnChanges = field(default_factory=OwnChanges)
    tables_seen: set[str] = field(default_factory=set)
    """Tables of the newer schema found present (an older schema, before its upgrade, lacks
    the change counters and the audit chain)."""
    user: str = ""
    """Who works in this program (the office session sets it); PostgreSQL connections name
    PC and user in ``application_name`` so another PC's wait can say whom it waits for."""

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
        try:
            path = Path(text).expanduser().resolve()
        except (RuntimeError, OSError) as error:  # ~nosuchuser, a loop of links
            raise DatabaseProblem(
                QT_TRANSLATE_NOOP("errors", "Cannot open {database}: {detail}"),
                database=text,
                detail=str(error),
            ) from None
        return URL.create("sqlite+pysqlite", database=str(path))
    try:
        url = make_url(text)
        url.port  # noqa: B018 - a port that is not a number fails here, not on connect
    except (ArgumentError, ValueError):
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP(
                "errors",
                "'{url}' is not a database address (a PostgreSQL address looks like "
                "postgresql+psycopg://user@server:5432/database).",
            ),
            url=re.sub(r"(://[^:/@]*:)[^@/]*@", r"\1***@", text),
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
    for_mode_change: bool = False,
) -> Database:
    """Open (creating where allowed) a database; raises :class:`DatabaseProblem` with the cause.

    ``journal_mode`` is this PC's setting (auto, wal, delete): the mode a new file gets, and
    what an existing file must be in (auto: whatever the office recorded). An existing file's
    mode is never changed here (see :mod:`retailerp.persistence.journal`); ``must_exist``
    also refuses an empty file, so a read-only command writes nothing at all.
    ``for_mode_change`` opens the file in whatever mode it is in, without those checks (for
    ``retailerp db journal-mode`` only). ``busy_timeout_ms`` is how long a SQLite writer
    waits for another PC's transaction.
    """
    url = resolve_url(target)
    if url.get_backend_name() == "sqlite":
        return _open_sqlite(url, journal_mode, must_exist, busy_timeout_ms, for_mode_change)
    return _open_postgres(url)


def _open_sqlite(
    url: URL, wanted: str, must_exist: bool, busy_timeout_ms: int, for_mode_change: bool
) -> Database:
    path = Path(url.database or "")
    wanted = journal.normalised(wanted)
    check_sqlite_path(path, must_exist)
    network = is_network_path(path)
    facts: journal.FileFacts | None = None
    if journal.is_empty(path):
        if must_exist:
            raise DatabaseProblem(
                QT_TRANSLATE_NOOP("errors", "{path} is empty: it is not a RetailERP database."),
                path=path,
            )
        mode = journal.mode_for_new(wanted, network)
        journal.check_locking(path, str(path))
        journal.create_file(path, mode)
    else:
        facts = journal.FileFacts(
            str(path), journal.header_mode(path), network, journal.in_use_in_wal(path)
        )
        mode = facts.actual if for_mode_change else journal.check_header(facts, wanted)
        if not must_exist:
            journal.check_locking(path, str(path))
    engine = create_engine(url, pool_pre_ping=False)
    wait = WriteWait(timeout_ms=busy_timeout_ms)
    _install_sqlite_events(engine, str(path), mode, wait)
    db = Database(
        url,
        engine,
        engine.execution_options(**{WRITE_OPTION: True}),
        path,
        mode,
        network=network,
        write_wait=wait,
    )
    db.recorded_journal_mode = _probe(db)
    if facts is not None and not for_mode_change:
        try:
            journal.check_recorded(facts, db.recorded_journal_mode, wanted)
        except DatabaseProblem:
            db.dispose()
            raise
    return db


def choose_journal_mode(path: Path, setting: str) -> str:
    """The mode a new file gets: WAL on a local disk, DELETE on a network share; a setting
    may force either."""
    return journal.mode_for_new(setting, is_network_path(path))


def check_sqlite_path(path: Path, must_exist: bool) -> None:
    """Refuse a path that cannot hold (or, with ``must_exist``, does not hold) a database file:
    a folder, a device or pipe, a missing folder, a read-only file."""
    if path.is_dir():
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP("errors", "{path} is a folder, not a database file."), path=path
        )
    if path.exists() and not path.is_file():
        raise not_a_regular_file(path)
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


def not_a_regular_file(path: Path) -> DatabaseProblem:
    return DatabaseProblem(
        QT_TRANSLATE_NOOP("errors", "{path} is a device or a pipe, not a file."), path=path
    )


def _install_sqlite_events(engine: Engine, label: str, journal_mode: str, wait: WriteWait) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
        configure_connection(dbapi_connection, label, journal_mode, wait.timeout_ms)

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        writer = connection.get_execution_options().get(WRITE_OPTION, False)
        if not writer:
            connection.exec_driver_sql("BEGIN")
            return
        if wait.listener is None:
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            begin_waiting(connection.connection.dbapi_connection, wait)
        if journal_mode:
            _check_mode_at_write(connection, label, journal_mode)


def begin_waiting(dbapi_connection: sqlite3.Connection, wait: WriteWait) -> None:
    """``BEGIN IMMEDIATE`` in steps of ``wait.step_ms``, telling ``wait.listener`` how long it
    has waited between them; after ``wait.timeout_ms`` the busy error is raised as usual."""
    listener = wait.listener
    step = max(1, min(wait.step_ms, wait.timeout_ms))
    started = time.monotonic()
    dbapi_connection.execute(f"PRAGMA busy_timeout = {int(step)}")
    try:
        while True:
            try:
                dbapi_connection.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as error:
                waited = time.monotonic() - started
                busy = "locked" in str(error).lower() or "busy" in str(error).lower()
                if not busy or waited * 1000 >= wait.timeout_ms:
                    raise OperationalError("BEGIN IMMEDIATE", {}, error) from error
                if listener is not None:
                    listener(waited, ())
    finally:
        dbapi_connection.execute(f"PRAGMA busy_timeout = {int(wait.timeout_ms)}")
        if listener is not None:
            listener(None, ())


def _check_mode_at_write(connection: Any, label: str, journal_mode: str) -> None:
    """A writer holds the lock and has read the header: still the mode we opened it in?

    An open connection silently follows a file that another program switched; this stops
    the write before it happens in the wrong mode.
    """
    actual = str(connection.exec_driver_sql("PRAGMA journal_mode").scalar()).lower()
    if actual != journal_mode:
        connection.exec_driver_sql("ROLLBACK")
        raise journal.different_mode(label, journal_mode, actual)


def configure_connection(
    connection: sqlite3.Connection, label: str, journal_mode: str, busy_timeout_ms: int
) -> None:
    """Set up one new connection and check every answer; the journal mode is only checked.

    ``journal_mode`` is the mode the file was found in (or created with); ``""`` when the file
    is not a SQLite file, which the first query then reports.
    """
    timeout = int(busy_timeout_ms)
    _pragma(connection, label, f"busy_timeout = {timeout}", "busy_timeout", timeout)
    if journal_mode:
        try:
            actual = str(connection.execute("PRAGMA journal_mode").fetchone()[0]).lower()
        except sqlite3.DatabaseError as error:
            raise explain_detail(str(error), label) from None
        if actual != journal_mode:
            raise journal.different_mode(label, journal_mode, actual)
    _pragma(connection, label, "synchronous = FULL", "synchronous", 2)
    _pragma(connection, label, "foreign_keys = ON", "foreign_keys", 1)


def _pragma(
    connection: sqlite3.Connection, label: str, assignment: str, name: str, expected: object
) -> None:
    connection.execute(f"PRAGMA {assignment}")
    row = connection.execute(f"PRAGMA {name}").fetchone()
    answer = row[0] if row else None
    if answer != expected:
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP(
                "errors",
                "SQLite did not accept the setting {setting} for {database} (it answered "
                "'{answer}').",
            ),
            setting=assignment,
            database=label,
            answer=answer,
        )


def _open_postgres(url: URL) -> Database:
    try:
        engine = create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 10})
    except NoSuchModuleError:  # pragma: no cover - psycopg is a dependency
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP("errors", "The PostgreSQL driver is not installed.")
        ) from None
    db = Database(url, engine, engine.execution_options(**{WRITE_OPTION: True}))
    from retailerp.persistence import tables, waiting  # psycopg is imported for PostgreSQL only

    tables.partial_indexes_on_postgresql()

    waiting.install(db)
    _probe(db)
    return db


def _probe(db: Database) -> str:
    """Connect once so a wrong address, a locked or a corrupt file is reported at open.

    Returns the journal mode the office recorded in a SQLite database (``""``: none).
    """
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    try:
        with db.engine.connect() as conn:
            conn.execute(text("SELECT count(*) FROM sqlite_master" if db.is_sqlite else "SELECT 1"))
            if not db.is_sqlite:
                return ""
            return journal.read_recorded(conn.connection.dbapi_connection)  # type: ignore[arg-type]
    except (DBAPIError, sqlite3.Error) as error:
        db.dispose()
        raise explain(error, db) from None


def explain(error: Exception, db: Database) -> DatabaseProblem:
    """Turn a driver error into a message naming the database and the cause."""
    detail = str(getattr(error, "orig", error)).strip().splitlines()[0] if str(error) else ""
    lowered = detail.lower()
    if db.path is not None and db.journal_mode and ("locked" in lowered or "busy" in lowered):
        actual = journal.header_mode(db.path)
        if actual and actual != db.journal_mode:  # SQLite says "locked" for this too
            return journal.different_mode(db.label, db.journal_mode, actual)
    return explain_detail(detail, db.label)


def explain_detail(detail: str, label: str) -> DatabaseProblem:
    """The message for a driver's error text about the database ``label``."""
    lowered = detail.lower()
    if "not a database" in lowered or "malformed" in lowered:
        return DatabaseProblem(
            QT_TRANSLATE_NOOP(
                "errors",
                "{database} is not a RetailERP database or it is damaged ({detail}). Restore a "
                "backup.",
            ),
            database=label,
            detail=detail,
        )
    if "locked" in lowered or "busy" in lowered:
        return DatabaseProblem(
            QT_TRANSLATE_NOOP(
                "errors", "{database} is locked by another program. Try again in a moment."
            ),
            database=label,
        )
    if "readonly" in lowered or "read-only" in lowered:
        return DatabaseProblem(
            QT_TRANSLATE_NOOP("errors", "{database} is read-only."), database=label
        )
    return DatabaseProblem(
        QT_TRANSLATE_NOOP("errors", "Cannot open {database}: {detail}"),
        database=label,
        detail=detail,
    )
