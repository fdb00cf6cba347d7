"""Backups of a SQLite database file, and restoring one (PostgreSQL: pg_dump / pg_restore).

Every copy is made with SQLite's online-backup API (other PCs may go on working), written as
``<name>.partial``, checked with ``PRAGMA integrity_check`` (and that it is a RetailERP
database of a known schema) and only then renamed into place, so a failed or cut-short copy
never takes the place of a good one.  Automatic backups go into this PC's backup folder, one
sub-folder per database, and are rotated by :mod:`retailerp.domain.backup_rotation` after
each new one has been verified; copies made before a migration are kept apart from the
rotation.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import shutil
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from retailerp.domain import backup_rotation
from retailerp.domain.text import QT_TRANSLATE_NOOP, Term
from retailerp.persistence import journal, migrate
from retailerp.persistence.engine import (
    Database,
    check_sqlite_path,
    is_network_path,
    not_a_regular_file,
)
from retailerp.persistence.errors import DatabaseProblem
from retailerp.persistence.migrate import copy_failed, copy_sqlite

AUTOMATIC = "auto"
"""A backup the program made by itself (daily, on closing, or 'Back up now'): rotated."""
BEFORE_UPGRADE = "before-upgrade"
"""The copy made before a migration: kept, never rotated away."""
STAMP = "%Y%m%d-%H%M%S"
NAME = re.compile(r"^(?P<stem>.+?)(?P<kind>\.before-upgrade)?-(?P<stamp>\d{8}-\d{6})(?:-\d+)?\.db$")
SPACE_MARGIN = 1.1
"""A copy needs the database's size and a little more free in the folder."""

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class BackupFile:
    """A verified backup in a backup folder."""

    path: Path
    made: datetime
    size: int
    kind: str

    @property
    def rotated(self) -> bool:
        return self.kind == AUTOMATIC


def postgres_refusal() -> DatabaseProblem:
    """What ``db backup`` (and the Backups page) says on a PostgreSQL database."""
    return DatabaseProblem(
        QT_TRANSLATE_NOOP(
            "errors",
            "This database is on a PostgreSQL server: back it up there with the server's tools, "
            "e.g. 'pg_dump -Fc -f retailerp.dump <database>' every night, and restore with "
            "'pg_restore --clean -d <database> retailerp.dump' (see the README). RetailERP "
            "backs up SQLite files only.",
        )
    )


def folder_for(root: Path, database: Path) -> Path:
    """The sub-folder of the backup folder ``root`` that holds one database's backups: its
    name and a short digest of its full path (two ``shop.db`` in two places stay apart)."""
    digest = hashlib.sha1(str(database.resolve()).encode("utf-8")).hexdigest()[:8]
    return root / f"{database.stem}-{digest}"


def backup(db: Database, target: Path) -> Path:
    """Write a consistent, verified copy of the database to ``target`` (a file, or a folder to
    put a dated file in).  Works while other PCs use the database."""
    if not db.is_sqlite or db.path is None:
        raise postgres_refusal()
    migrate.require_known(db)  # not another program's file, nor a newer version's
    if target.is_dir():
        stamp = datetime.now().strftime(STAMP)
        target = target / f"{db.path.stem}-{stamp}.db"
    if target.exists() and not target.is_file():
        raise not_a_regular_file(target)
    if target.resolve() == db.path.resolve():
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP("errors", "The backup cannot overwrite the database itself.")
        )
    if not target.parent.is_dir():
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP("errors", "The folder {folder} does not exist."),
            folder=target.parent,
        )
    write_verified(db.path, target)
    return target


def automatic_backup(
    db: Database, root: Path, now: datetime | None = None, progress: Progress | None = None
) -> BackupFile:
    """A verified backup of ``db`` into its sub-folder of ``root``, then the rotation."""
    if not db.is_sqlite or db.path is None:
        raise postgres_refusal()
    migrate.require_known(db)
    now = now or datetime.now()
    made = make_backup(db.path, folder_for(root, db.path), AUTOMATIC, now, progress)
    rotate(made.path.parent, db.path.stem)
    return made


def make_backup(
    source: Path,
    folder: Path,
    kind: str = AUTOMATIC,
    now: datetime | None = None,
    progress: Progress | None = None,
) -> BackupFile:
    """A verified copy of the SQLite file ``source`` in ``folder`` (made if missing), named
    after the file, the kind and the moment."""
    now = (now or datetime.now()).replace(microsecond=0)
    prepare_folder(folder, source)
    middle = ".before-upgrade" if kind == BEFORE_UPGRADE else ""
    target = folder / f"{source.stem}{middle}-{now.strftime(STAMP)}.db"
    serial = 1
    while target.exists():  # two backups within one second
        serial += 1
        target = folder / f"{source.stem}{middle}-{now.strftime(STAMP)}-{serial}.db"
    write_verified(source, target, progress)
    return BackupFile(target, now, target.stat().st_size, kind)


def prepare_folder(folder: Path, source: Path) -> None:
    """Make the backup folder; refuse one that cannot be written or has too little room."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise copy_failed(source, folder / source.name, error) from None
    if not folder.is_dir():
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP("errors", "{path} is a file, not a folder for backups."), path=folder
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise copy_failed(source, folder / source.name, PermissionError(errno.EACCES, "read-only"))
    needed = int(database_size(source) * SPACE_MARGIN)
    free = shutil.disk_usage(folder).free
    if free < needed:
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP(
                "errors",
                "The backup folder {folder} has {free} MB free, and the copy of {source} needs "
                "about {needed} MB. Free some space or choose another folder; nothing was "
                "replaced and the earlier copies are kept.",
            ),
            folder=folder,
            source=source,
            free=megabytes(free),
            needed=megabytes(needed),
        )


def database_size(path: Path) -> int:
    """The file and its write-ahead log: what a copy may need."""
    total = 0
    for candidate in (path, path.with_name(path.name + "-wal")):
        if candidate.is_file():
            total += candidate.stat().st_size
    return total


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f}"


def write_verified(source: Path, target: Path, progress: Progress | None = None) -> None:
    """Copy ``source`` to ``<target>.partial``, check the copy, then put it in place.

    A copy that fails or does not pass :func:`check_backup_file` is removed; ``target`` (and
    any earlier copy) is untouched.
    """
    # a name of its own: a backup on closing may start while the day's first one still runs
    partial = target.with_name(f"{target.name}.{os.getpid()}-{threading.get_ident()}.partial")
    try:
        copy_sqlite(source, partial, progress)
        check_backup_file(partial)
        _flush(partial)
        os.replace(partial, target)
    except OSError as error:
        raise copy_failed(source, target, error) from None
    finally:
        partial.unlink(missing_ok=True)
        partial.with_name(partial.name + "-journal").unlink(missing_ok=True)


def _flush(path: Path) -> None:
    """The copy is on the disk before it counts (a power cut leaves no empty backup)."""
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def list_backups(folder: Path) -> list[BackupFile]:
    """The backups in one database's backup folder, newest first (partial copies are not)."""
    found: list[BackupFile] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return found
    for entry in entries:
        match = NAME.match(entry.name)
        if match is None or not entry.is_file():
            continue
        try:
            made = datetime.strptime(match["stamp"], STAMP)
            size = entry.stat().st_size
        except (ValueError, OSError):
            continue
        kind = BEFORE_UPGRADE if match["kind"] else AUTOMATIC
        found.append(BackupFile(entry, made, size, kind))
    return sorted(found, key=lambda b: (b.made, b.path.name), reverse=True)


def database_backups(root: Path, database: Path) -> list[BackupFile]:
    return list_backups(folder_for(root, database))


def rotate(
    folder: Path, stem: str | None = None, retention: backup_rotation.Retention | None = None
) -> list[Path]:
    """Remove the automatic backups the rotation no longer keeps; returns what went."""
    automatic = [
        b
        for b in list_backups(folder)
        if b.rotated and (stem is None or NAME.match(b.path.name)["stem"] == stem)  # type: ignore[index]
    ]
    by_moment: dict[datetime, list[BackupFile]] = {}
    for item in automatic:
        by_moment.setdefault(item.made, []).append(item)
    removed: list[Path] = []
    for moment in backup_rotation.to_remove(by_moment, retention or backup_rotation.Retention()):
        for item in by_moment[moment]:
            try:
                item.path.unlink()
            except OSError:
                continue  # kept for now; the next rotation tries again
            removed.append(item.path)
    return removed


def backup_due(root: Path, database: Path, now: datetime | None = None) -> bool:
    """Whether today's first backup is still to be made (the first start of a day)."""
    moments = [b.made for b in database_backups(root, database) if b.rotated]
    return backup_rotation.due_today(moments, now or datetime.now())


RETAILERP_TABLES = ("settings", "customers", "items", "stock_moves", "audit_log")
"""Tables every RetailERP schema has: a file without them is another program's database."""


def check_backup_file(source: Path) -> str:
    """Refuse a restore source that is missing, not a sound SQLite database, not a RetailERP
    database, or from a newer version of RetailERP; returns its schema revision."""
    if source.exists() and not source.is_file():
        raise not_a_regular_file(source)
    if not source.is_file():
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP("errors", "The backup file {path} does not exist."), path=source
        )
    try:
        conn = sqlite3.connect(journal.sqlite_uri(source, "mode=rw"), uri=True)
        try:
            result = conn.execute("PRAGMA integrity_check").fetchone()
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
            revision = (
                conn.execute("SELECT version_num FROM alembic_version").fetchone()
                if "alembic_version" in tables
                else None
            )
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        raise unusable(source, str(error)) from None
    if not result or result[0] != "ok":
        raise unusable(source, result[0] if result else "?")
    if revision is None or not set(RETAILERP_TABLES) <= tables:
        raise unusable(source, Term(QT_TRANSLATE_NOOP("terms", "not a RetailERP database")))
    if not migrate.is_known(revision[0]):
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP(
                "errors",
                "{path} was made by a newer version of RetailERP (schema {revision}); this "
                "version could not open it. Install the newer version to restore it. Nothing "
                "was changed.",
            ),
            path=source,
            revision=revision[0],
        )
    return str(revision[0])


def unusable(source: Path, detail: str) -> DatabaseProblem:
    return DatabaseProblem(
        QT_TRANSLATE_NOOP("errors", "{path} is not a usable backup: {detail}"),
        path=source,
        detail=detail,
    )


def restore(source: Path, target: Path, journal_mode: str = "auto") -> Path | None:
    """Replace the database file ``target`` with the backup ``source``.

    The current file is first kept beside it as ``<name>.before-restore-<stamp>``; that copy's
    path is returned (None when there was no file).  The restored file keeps the office's
    journal mode (the replaced file's; for a new file, as a new database would get it from
    ``journal_mode``).  Close the program on every PC first.
    """
    if not target.parent.is_dir():
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP("errors", "The folder {folder} does not exist."),
            folder=target.parent,
        )
    check_sqlite_path(target, must_exist=False)
    check_backup_file(source)
    if target.exists() and source.resolve() == target.resolve():
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP("errors", "{path} is the database itself, not a backup of it."),
            path=source,
        )
    if target.exists() and in_use(target):
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP(
                "errors",
                "{path} is open on another PC (or in another program) right now. Close "
                "RetailERP on every PC, then restore; nothing was changed.",
            ),
            path=target,
        )
    mode = office_mode(target, journal_mode)
    kept = None
    if target.exists() and not journal.is_empty(target):
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        kept = target.with_name(f"{target.stem}.before-restore-{stamp}{target.suffix or '.db'}")
        try:
            copy_sqlite(target, kept)
        except DatabaseProblem:  # a damaged file is what a restore is for: keep it as it is
            shutil.copyfile(target, kept)
    partial = target.with_name(target.name + ".partial")
    try:
        copy_sqlite(source, partial)
        _give_mode(partial, mode, str(target))
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    for suffix in ("-wal", "-shm", "-journal"):
        leftover = target.with_name(target.name + suffix)
        if leftover.exists():
            leftover.unlink()
    shutil.move(partial, target)
    return kept


def in_use(path: Path) -> bool:
    """Whether another connection holds the file: any open connection in WAL mode (it holds
    the shared-memory lock), a running transaction in DELETE mode.  (An idle PC on a shared
    file in DELETE mode holds no lock and cannot be seen this way.)"""
    if journal.is_empty(path):
        return False
    try:
        conn = sqlite3.connect(
            journal.sqlite_uri(path, "mode=rw"), uri=True, timeout=0, isolation_level=None
        )
    except sqlite3.Error:
        return False  # not openable: the restore replaces it
    try:
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("ROLLBACK")
    except sqlite3.OperationalError as error:
        return "locked" in str(error).lower() or "busy" in str(error).lower()
    except sqlite3.DatabaseError:
        return False  # damaged: what a restore is for
    finally:
        conn.close()
    return False


def office_mode(target: Path, wanted: str) -> str:
    """The journal mode the office uses for ``target``: the one recorded in it, else the one
    its header says, else the one a new file there would get."""
    if not journal.is_empty(target):
        try:
            conn = sqlite3.connect(journal.sqlite_uri(target, "mode=rw"), uri=True)
            try:
                recorded = journal.read_recorded(conn)
            finally:
                conn.close()
        except sqlite3.DatabaseError:
            recorded = ""
        if recorded or journal.header_mode(target):
            return recorded or journal.header_mode(target)
    return journal.mode_for_new(wanted, is_network_path(target))


def _give_mode(path: Path, mode: str, label: str) -> None:
    """Put the restored copy in the office's mode and record it there, before it is used."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        journal.set_file_mode(conn, mode, label)
        journal.record(conn, mode)
    finally:
        conn.close()
    for suffix in ("-wal", "-shm"):
        if path.with_name(path.name + suffix).exists():  # pragma: no cover - closed cleanly
            raise DatabaseProblem(
                QT_TRANSLATE_NOOP("errors", "Cannot open {database}: {detail}"),
                database=label,
                detail=suffix,
            )
