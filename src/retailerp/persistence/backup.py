"""Backup and restore of a SQLite database file (PostgreSQL: pg_dump / pg_restore)."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from retailerp.domain.text import QT_TRANSLATE_NOOP
from retailerp.persistence.engine import Database
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
    if target.is_dir():
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        target = target / f"{db.path.stem}-{stamp}.db"
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
    copy_sqlite(db.path, partial)
    partial.replace(target)
    return target


def check_backup_file(source: Path) -> None:
    """Refuse a restore source that is missing or not a sound SQLite database."""
    if not source.is_file():
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP("errors", "The backup file {path} does not exist."), path=source
        )
    try:
        conn = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            result = conn.execute("PRAGMA integrity_check").fetchone()
            has_schema = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE name = 'alembic_version'"
            ).fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP("errors", "{path} is not a usable backup: {detail}"),
            path=source,
            detail=str(error),
        ) from None
    if not result or result[0] != "ok" or not has_schema:
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP("errors", "{path} is not a usable backup: {detail}"),
            path=source,
            detail=result[0] if result and result[0] != "ok" else "not a RetailERP database",
        )


def restore(source: Path, target: Path) -> Path | None:
    """Replace the database file ``target`` with the backup ``source``.

    The current file is first kept beside it as ``<name>.before-restore-<stamp>``; that copy's
    path is returned (None when there was no file).  Close the program on every PC first.
    """
    check_backup_file(source)
    kept = None
    if target.exists():
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        kept = target.with_name(f"{target.stem}.before-restore-{stamp}{target.suffix or '.db'}")
        copy_sqlite(target, kept)
    partial = target.with_name(target.name + ".partial")
    copy_sqlite(source, partial)
    for suffix in ("-wal", "-shm", "-journal"):
        leftover = target.with_name(target.name + suffix)
        if leftover.exists():
            leftover.unlink()
    shutil.move(partial, target)
    return kept
