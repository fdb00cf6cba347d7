"""The shared file's journal mode: a property of the file, recorded in the database.

SQLite keeps a file either in WAL mode (fast; every program using it must be on the computer
that holds the file) or in rollback-journal mode, ``DELETE`` (works on a network folder). The
mode is written in the file's header, and any connection that asks for another mode changes it
for everybody. So the office's mode is recorded once in the ``settings`` table (row
:data:`RECORDED_KEY`), when the database is created or first migrated, and changed only by
:func:`change_mode` (``retailerp db journal-mode``) with everyone out. Opening a file never
changes its mode; a file whose mode contradicts the record, or this PC's own setting, is
refused with a message saying what happened and how the owner puts it right.

The checks (:func:`check_header`, :func:`check_recorded`) are plain functions of the facts so
they can be tested without files.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from retailerp.domain.security import Actor
from retailerp.domain.text import QT_TRANSLATE_NOOP, Term
from retailerp.persistence.errors import DatabaseProblem

RECORDED_KEY = "database.journal_mode"
MODES = ("wal", "delete")
SETTINGS = ("auto", "wal", "delete")
SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True)
class FileFacts:
    """What is known about a SQLite file before it is read through SQLite."""

    label: str
    """How the file is named to the user."""
    actual: str
    """The mode in the header: ``wal``, ``delete``, or ``""`` for a new or empty file."""
    network: bool
    """The path lies on a network share."""
    in_use: bool
    """A WAL index (``-shm``) lies beside the file: some program has it open in WAL mode."""


def header_mode(path: Path) -> str:
    """``wal`` or ``delete`` from the file header; ``""`` when the file is new, empty or not
    a SQLite file (SQLite itself reports that case when the file is opened)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(20)
    except OSError:
        return ""
    if len(head) < 20 or not head.startswith(SQLITE_MAGIC):
        return ""
    return "wal" if head[18] == 2 and head[19] == 2 else "delete"


def is_empty(path: Path) -> bool:
    """A path with no file yet, or a zero-byte file: a database that may be created."""
    try:
        return path.stat().st_size == 0
    except FileNotFoundError:
        return True


def in_use_in_wal(path: Path) -> bool:
    return path.with_name(path.name + "-shm").exists()


def mode_for_new(wanted: str, network: bool) -> str:
    """The mode a new file gets: this PC's setting, or WAL locally and DELETE on a share."""
    wanted = normalised(wanted)
    if wanted != "auto":
        return wanted
    return "delete" if network else "wal"


def normalised(setting: str | None) -> str:
    value = (setting or "auto").strip().lower()
    if value not in SETTINGS:
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP("errors", "Journal mode must be auto, wal or delete, not '{mode}'."),
            mode=value,
        )
    return value


def check_header(facts: FileFacts, wanted: str) -> str:
    """The mode of an existing file, refused before SQLite reads it when that is unsafe."""
    if facts.actual == "wal" and facts.network and normalised(wanted) != "wal":
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP(
                "errors",
                "{database} is in WAL mode, which is safe only for programs on the computer "
                "that holds the file, and this PC reaches it over the network. {cause} Close "
                "RetailERP on every PC, then on the computer that holds the file run "
                "'retailerp db journal-mode delete' once.",
            ),
            database=facts.label,
            cause=_cause(facts),
        )
    return facts.actual


def check_recorded(facts: FileFacts, recorded: str, wanted: str) -> str:
    """The mode to run in: the recorded one, which the file and this PC must agree with.

    ``recorded`` is ``""`` for a database made before the mode was recorded: the file's own
    mode counts then (it is recorded at the next upgrade).
    """
    office = recorded or facts.actual
    if recorded and facts.actual and facts.actual != recorded:
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP(
                "errors",
                "{database} is set to {recorded} mode for the whole office, but the file is now "
                "in {actual} mode. {cause} Close RetailERP on every PC, then run "
                "'retailerp db journal-mode {recorded_lower}' once.",
            ),
            database=facts.label,
            recorded=recorded.upper(),
            recorded_lower=recorded,
            actual=facts.actual.upper(),
            cause=_cause(facts),
        )
    wanted = normalised(wanted)
    if wanted != "auto" and office and wanted != office:
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP(
                "errors",
                "This PC is set to use {wanted} mode, but {database} is in {office} mode, and "
                "every PC must use the file the same way. Set this PC's journal mode to "
                "Automatic (Settings, or start with '--journal-mode auto'), or have the owner "
                "change the file with 'retailerp db journal-mode {wanted_lower}' while no "
                "one is using it.",
            ),
            wanted=wanted.upper(),
            wanted_lower=wanted,
            database=facts.label,
            office=office.upper(),
        )
    return office


def _cause(facts: FileFacts) -> Term:
    if facts.in_use and facts.actual == "wal":
        return Term(
            QT_TRANSLATE_NOOP(
                "terms", "Another PC (or program) is using the file in a different mode right now."
            )
        )
    return Term(
        QT_TRANSLATE_NOOP("terms", "Another PC (or program) opened the file in a different mode.")
    )


def different_mode(label: str, expected: str, actual: str) -> DatabaseProblem:
    """A connection found the file in another mode than the one this program opened it in."""
    return DatabaseProblem(
        QT_TRANSLATE_NOOP(
            "errors",
            "Another PC uses {database} in a different mode ({actual} instead of {expected}), "
            "so it cannot be used from here; this is not a lock that goes away by waiting. "
            "Close RetailERP on every PC, then run 'retailerp db journal-mode {expected_lower}' "
            "once.",
        ),
        database=label,
        actual=actual.upper(),
        expected=expected.upper(),
        expected_lower=expected,
    )


def set_file_mode(connection: sqlite3.Connection, mode: str, label: str) -> None:
    """Switch an open raw connection's file to ``mode`` and check SQLite's answer."""
    try:
        answer = connection.execute(f"PRAGMA journal_mode = {mode.upper()}").fetchone()
    except sqlite3.OperationalError as error:
        if "locked" in str(error).lower() or "busy" in str(error).lower():
            raise DatabaseProblem(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "{database} is still open on another PC (or in another program), so its "
                    "mode cannot be changed. Close RetailERP everywhere and try again; nothing "
                    "was changed.",
                ),
                database=label,
            ) from None
        raise
    got = str(answer[0]).lower() if answer else ""
    if got != mode:
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP(
                "errors",
                "SQLite could not put {database} in {mode} mode (it answered '{answer}'). Keep "
                "the file on a local disk for WAL mode, or choose DELETE mode.",
            ),
            database=label,
            mode=mode.upper(),
            answer=got,
        )


def create_file(path: Path, mode: str) -> None:
    """Give a new (or zero-byte) file its journal mode before anything else writes it."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        set_file_mode(connection, mode, str(path))
    finally:
        connection.close()


def read_recorded(connection: sqlite3.Connection) -> str:
    """The recorded mode from a raw connection (``""`` when there is none or no table)."""
    has_table = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'settings'"
    ).fetchone()
    if not has_table:
        return ""
    row = connection.execute("SELECT value FROM settings WHERE key = ?", (RECORDED_KEY,)).fetchone()
    value = str(row[0]).lower() if row else ""
    return value if value in MODES else ""


def record(connection: sqlite3.Connection, mode: str) -> None:
    """Write the recorded mode on a raw connection (a restored copy, before it is used)."""
    connection.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (RECORDED_KEY, mode),
    )


def change_mode(target: str | Path, mode: str, username: str = "owner") -> str:
    """Put the office's SQLite file in ``mode`` (``wal`` or ``delete``) and record it.

    Run with everyone out: switching out of WAL is refused while another program has the
    file open. Returns the mode the file was in before.
    """
    from retailerp.persistence import migrate
    from retailerp.persistence.engine import is_network_path, open_database, resolve_url

    mode = normalised(mode)
    if mode == "auto":
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP("errors", "Choose the mode the file is to use: wal or delete.")
        )
    if resolve_url(target).get_backend_name() != "sqlite":
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP(
                "errors", "Only a SQLite file has a journal mode; PostgreSQL needs none."
            )
        )
    db = open_database(target, must_exist=True, for_mode_change=True)
    try:
        migrate.require_known(db)  # an older schema too: its settings table will do
        before, path, label = db.journal_mode, db.path, db.label
    finally:
        db.dispose()
    assert path is not None
    if mode == "wal" and is_network_path(path):
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP(
                "errors",
                "{database} lies on a network share, where WAL mode is not safe. Keep DELETE "
                "mode, or change it on the computer that holds the file.",
            ),
            database=label,
        )
    if before != mode:
        connection = sqlite3.connect(path, timeout=2, isolation_level=None)
        try:
            set_file_mode(connection, mode, label)
        finally:
            connection.close()
    _record_change(target, mode, before, Actor(username))
    return before


def _record_change(target: str | Path, mode: str, before: str, actor: Actor) -> None:
    from retailerp.persistence.engine import open_database
    from retailerp.persistence.unit_of_work import UnitOfWork, write

    def work(uow: UnitOfWork) -> None:
        uow.settings.set(RECORDED_KEY, mode)
        uow.audit(
            actor, "database.journal_mode", "settings", RECORDED_KEY, before=before, after=mode
        )

    db = open_database(target, must_exist=True, for_mode_change=True)
    try:
        write(db, work)
    finally:
        db.dispose()


# --- does locking work where the file lies? ---------------------------------------------------

PROBE_VFS: str | None = None
"""The SQLite VFS the lock probe opens its connections with (``None``: the default one).
Tests set ``"unix-none"``, which really takes no locks, to play a share without locking."""

_RESERVED_BYTE = 0x40000001
"""Where SQLite's rollback-journal mode keeps its RESERVED lock (the pending byte + 1)."""


def locking_works(path: Path, vfs: str | None = None) -> bool:
    """Whether a write lock taken on ``path`` is seen by a second taker: one connection
    begins IMMEDIATE, a second one's ``BEGIN IMMEDIATE`` (no waiting) must be refused, and on
    Linux the lock must also be visible to the kernel (an open-file-description lock query,
    which sees this process's own locks). Nothing is written; both roll back."""
    vfs = vfs or PROBE_VFS
    holder = _probe_connection(path, vfs)
    try:
        try:
            holder.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError:
            return True  # someone else holds the write lock: locks are seen
        try:
            return _second_writer_refused(path, vfs) and _kernel_sees_lock(holder, path)
        finally:
            holder.execute("ROLLBACK")
    finally:
        holder.close()


def sqlite_uri(path: Path, query: str = "") -> str:
    """The SQLite URI of the file ``path`` (``query``: e.g. ``mode=ro``).  Every character
    a URI gives a meaning (``?``, ``#``, ``%``, spaces) is escaped; a drive path becomes
    ``file:///C:/…`` and a network share ``file:////server/share/…`` (an empty authority:
    SQLite refuses any other)."""
    return uri_of(path.resolve().as_posix(), query)


def uri_of(where: str, query: str = "") -> str:
    """:func:`sqlite_uri` of an absolute path written with ``/``."""
    if where.startswith("//"):
        lead = "//"
    elif where[1:2] == ":":
        lead = "///"
    else:
        lead = ""
    uri = f"file:{lead}{quote(where, safe='/:')}"
    return f"{uri}?{query}" if query else uri


def _probe_connection(path: Path, vfs: str | None) -> sqlite3.Connection:
    uri = sqlite_uri(path, f"vfs={vfs}" if vfs else "")
    return sqlite3.connect(uri, uri=True, isolation_level=None, timeout=0)


def _second_writer_refused(path: Path, vfs: str | None) -> bool:
    other = _probe_connection(path, vfs)
    try:
        other.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError:
        return True
    else:
        other.execute("ROLLBACK")
        return False
    finally:
        other.close()


def _kernel_sees_lock(holder: sqlite3.Connection, path: Path) -> bool:
    """Linux only, rollback-journal files only (WAL locks live in the ``-shm`` file): the
    RESERVED byte the holder locked must show as locked to another open file description."""
    try:
        import fcntl
        import os
        import struct
    except ImportError:  # pragma: no cover - Windows
        return True
    query = getattr(fcntl, "F_OFD_GETLK", None)
    mode = str(holder.execute("PRAGMA journal_mode").fetchone()[0]).lower()
    if query is None or mode == "wal":
        return True
    layout = "hhqqi4x"  # struct flock: type, whence, start, len, pid
    wanted = struct.pack(layout, fcntl.F_WRLCK, os.SEEK_SET, _RESERVED_BYTE, 1, 0)
    handle = os.open(path, os.O_RDONLY)
    try:
        answer = fcntl.fcntl(handle, query, wanted)
    except OSError:
        return True  # the query itself is not offered here: nothing more to learn
    finally:
        os.close(handle)
    return struct.unpack(layout, answer)[0] != fcntl.F_UNLCK


def check_locking(path: Path, label: str) -> None:
    """Refuse a file whose folder does not lock (two PCs could write it at once); a path
    with no file yet is probed with a scratch file beside it, removed afterwards."""
    probe = path
    scratch = is_empty(path) and not path.exists()
    if scratch:
        probe = path.with_name(f".{path.name}.lock-probe")
    try:
        works = locking_works(probe)
    except sqlite3.OperationalError:  # a lock that fails outright (NFS without its lock daemon)
        works = False
    except sqlite3.DatabaseError:  # not a SQLite file: the open reports that in its words
        works = True
    finally:
        if scratch:
            for leftover in (probe, probe.with_name(probe.name + "-journal")):
                leftover.unlink(missing_ok=True)
    if not works:
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP(
                "errors",
                "File locking does not work in the folder of {database}: two PCs could save "
                "at the same moment and damage it, so RetailERP does not use it there; nothing "
                "was written. Keep the database on this PC's own disk, or move the office to a "
                "PostgreSQL server ('retailerp db migrate-to').",
            ),
            database=label,
        )
