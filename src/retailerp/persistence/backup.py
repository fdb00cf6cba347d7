"""Backup and restore of a SQLite database file (PostgreSQL: pg_dump / pg_restore)."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from retailerp.domain.text import QT_TRANSLATE_NOOP, Term
from retailerp.persistence import journal, migrate
from retailerp.persistence.engine import (
    Database,
    check_sqlite_path,
    is_network_path,
    not_a_regular_file,
)
from retailerp.persistence.errors import DatabaseProblem
from retailerp.persistence.migrate import copy_sqlite


def backup(db: Database, target: Path) -> Path:
    """Write a consistent copy of the database to ``target`` (a file, or a folder to put a
    dated file in).  Works while other PCs use the database."""
    if not db.is_sqlite or db.path is None:
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP(
                "errors",
                "Back up a PostgreSQL database with the server's tools (pg_dump); RetailERP "
                "backs up SQLite files only.",
            )
        )
    migrate.require_known(db)  # not another program's file, nor a newer version's
    if target.is_dir():
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
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
    partial = target.with_name(target.name + ".partial")
    try:
        copy_sqlite(db.path, partial)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(target)
    return target


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
        conn = sqlite3.connect(f"file:{source}?mode=rw", uri=True)
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
    if revision[0] not in migrate.known_revisions():
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


def office_mode(target: Path, wanted: str) -> str:
    """The journal mode the office uses for ``target``: the one recorded in it, else the one
    its header says, else the one a new file there would get."""
    if not journal.is_empty(target):
        try:
            conn = sqlite3.connect(f"file:{target}?mode=rw", uri=True)
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
