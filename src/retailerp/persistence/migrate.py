"""Bringing a database to the schema this program needs (alembic, shipped in the package).

On SQLite the file is copied before any migration, foreign keys are switched off while tables
are rebuilt (with them on, a batch rebuild silently deletes ``ON DELETE CASCADE`` children) and
``PRAGMA foreign_key_check`` must come back empty before the migration commits.

Start-up does not import alembic when nothing is to be done: :func:`upgrade` compares the
revision stored in the database with the head read from the migration files' own
``revision`` / ``down_revision`` lines (:func:`file_head`), and loads alembic only when they
differ (an upgrade, a new file, a database from a newer program).
"""

from __future__ import annotations

import errno
import re
import sqlite3
from collections.abc import Callable
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from retailerp.domain.text import QT_TRANSLATE_NOOP
from retailerp.persistence import journal
from retailerp.persistence.engine import Database
from retailerp.persistence.errors import DatabaseProblem

if TYPE_CHECKING:
    from alembic.config import Config

    from retailerp.persistence.unit_of_work import UnitOfWork

_REVISION_LINE = re.compile(r"^(down_revision|revision)\b[^=]*=(.*)$", re.MULTILINE)
_QUOTED = re.compile(r"[\"']([^\"']+)[\"']")


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(files("retailerp.migrations")))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head() or ""


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


@cache
def file_head() -> str | None:
    """The one head of the migration files, read from their ``revision`` and
    ``down_revision`` lines without alembic; ``None`` when that is not clear-cut (several
    heads, or a file that names its revisions some other way)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in files("retailerp.migrations").joinpath("versions").iterdir():
        if not script.name.endswith(".py") or script.name.startswith("__"):
            continue
        found = dict(
            (name, _QUOTED.findall(value))
            for name, value in _REVISION_LINE.findall(script.read_text(encoding="utf-8"))
        )
        if len(found.get("revision", [])) != 1:
            return None
        revisions.update(found["revision"])
        parents.update(found.get("down_revision", []))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def is_known(revision: str) -> bool:
    """Whether ``revision`` is one of this program's migrations (not a newer program's).

    The head is known from the files without alembic (a backup of a current database, made
    on every close, asks this); any other revision asks alembic's script directory."""
    return revision == file_head() or revision in known_revisions()


def stored_revision(db: Database) -> str | None:
    """The revision in the database's ``alembic_version`` table (``None``: no table)."""
    try:
        with db.engine.connect() as conn:
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).all()
    except DBAPIError:
        return None
    return rows[0][0] if len(rows) == 1 else None


def at_head(db: Database) -> bool:
    """Whether the database is at this program's schema, known without alembic."""
    head = file_head()
    return head is not None and stored_revision(db) == head


def current_revision(db: Database) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def needs_upgrade(db: Database) -> bool:
    """Whether the database is behind; refuses a database from a newer program."""
    current = current_revision(db)
    if current is not None and current not in known_revisions():
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP(
                "errors",
                "{database} was written by a newer version of RetailERP (schema {revision}). "
                "Install the newer version to open it.",
            ),
            database=db.label,
            revision=current,
        )
    return current != head_revision()


def require_known(db: Database) -> str:
    """The schema revision; refuses a database that is not RetailERP's or is from a newer
    program (what ``db backup`` needs).  A database at this program's head is known without
    loading alembic (the daily backup asks on every start)."""
    if at_head(db):
        return file_head() or ""
    needs_upgrade(db)  # refuses a newer one
    current = current_revision(db)
    if current is None:
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP(
                "errors",
                "{database} has no RetailERP tables. Run 'retailerp db upgrade' to create them.",
            ),
            database=db.label,
        )
    return current


def require_current(db: Database) -> None:
    """Refuse a database that is not exactly at this program's schema (``print`` and the
    other commands that use the data without upgrading it)."""
    current = require_known(db)
    if current != head_revision():
        raise behind(current)


def behind(current: str | None) -> DatabaseProblem:
    return DatabaseProblem(
        QT_TRANSLATE_NOOP(
            "errors",
            "The database is at schema {current}; this program needs {head}. Run "
            "'retailerp db upgrade'.",
        ),
        current=current or "-",
        head=head_revision(),
    )


def upgrade(db: Database, revision: str = "head", backup_dir: Path | None = None) -> Path | None:
    """Migrate to ``revision``; returns the backup copy made first (SQLite files with data).

    A SQLite database also gets its journal mode recorded, if it is not yet (a new file, or
    one made before the mode was recorded).
    """
    backup = None
    if revision != "head" or (not at_head(db) and needs_upgrade(db)):
        from alembic import command

        backup = _backup_before(db, backup_dir)
        _run(db, lambda cfg: command.upgrade(cfg, revision))
    record_journal_mode(db)
    return backup


def record_journal_mode(db: Database) -> None:
    """Write the mode the file runs in as the office's mode, unless one is recorded."""
    if not db.is_sqlite or not db.journal_mode or db.recorded_journal_mode:
        return
    if stored_revision(db) is None:
        return  # no settings table yet (downgraded to base)
    from retailerp.persistence.unit_of_work import write

    def work(uow: UnitOfWork) -> str:
        recorded = uow.settings.get(journal.RECORDED_KEY)
        if recorded:
            return recorded
        uow.settings.set(journal.RECORDED_KEY, db.journal_mode)
        return db.journal_mode

    db.recorded_journal_mode = write(db, work)


def run_upgrade_on(conn: Connection) -> None:
    """Migrate an empty PostgreSQL database to the head on ``conn``, inside the caller's
    transaction (``db migrate-to`` makes schema and data in one)."""
    from alembic import command

    command.upgrade(alembic_config(conn), "head")


def downgrade(db: Database, revision: str) -> None:
    from alembic import command

    _run(db, lambda cfg: command.downgrade(cfg, revision))


def _run(db: Database, action) -> None:  # noqa: ANN001 - alembic command callable
    with db.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        if db.is_sqlite:  # outside any transaction, or SQLite ignores it
            raw.execute("PRAGMA foreign_keys = OFF")
        try:
            with conn.begin():
                action(alembic_config(conn))
                if db.is_sqlite:
                    _check_foreign_keys(conn)
        finally:
            if db.is_sqlite:
                raw.execute("PRAGMA foreign_keys = ON")


def _check_foreign_keys(conn: Connection) -> None:
    broken = conn.execute(text("PRAGMA foreign_key_check")).fetchall()
    if broken:
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP(
                "errors",
                "The migration would break {count} links between records; nothing was changed.",
            ),
            count=len(broken),
        )


def _backup_before(db: Database, backup_dir: Path | None) -> Path | None:
    """The verified copy made before a migration (:func:`backup.make_backup`, kind
    ``before-upgrade``), into ``backup_dir`` or beside the file."""
    if not db.is_sqlite or db.path is None or not db.path.exists():
        return None
    if current_revision(db) is None:
        return None  # a new, empty file: nothing to keep
    from retailerp.persistence import backup

    made = backup.make_backup(db.path, backup_dir or db.path.parent, backup.BEFORE_UPGRADE)
    return made.path


ProgressCallback = Callable[[int, int], None]
"""``progress(pages_done, pages_total)`` while a copy runs."""

PAGES_PER_STEP = 256
"""Pages the online backup copies between progress reports (and between the moments another
PC's writer may get in)."""


def copy_sqlite(source: Path, target: Path, progress: ProgressCallback | None = None) -> None:
    """A consistent copy of a live SQLite file (the online backup API, not a file copy), in
    DELETE mode.  ``progress(done, total)`` is told the pages copied as it goes."""

    def report(_status: int, remaining: int, total: int) -> None:
        if progress is not None:
            progress(total - remaining, total)

    try:
        src = sqlite3.connect(journal.sqlite_uri(source, "mode=rw"), uri=True, timeout=15)
        try:
            dst = sqlite3.connect(target, isolation_level=None)
            try:
                src.backup(dst, pages=PAGES_PER_STEP, progress=report)
                # a copy is a file on its own: no WAL beside it (a restore sets the mode)
                journal.set_file_mode(dst, "delete", str(target))
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.Error as error:
        raise copy_failed(source, target, error) from None


def copy_failed(source: Path, target: Path, error: BaseException) -> DatabaseProblem:
    """The message for a copy that failed: a full or read-only folder said as such."""
    detail = str(getattr(error, "strerror", None) or error)
    lowered = detail.lower()
    if "full" in lowered or getattr(error, "errno", None) == errno.ENOSPC:
        return DatabaseProblem(
            QT_TRANSLATE_NOOP(
                "errors",
                "There is no room left in {folder} for the copy of {source}. Free some space "
                "or choose another folder; nothing was replaced and the earlier copies are "
                "kept.",
            ),
            folder=target.parent,
            source=source,
        )
    if (
        "readonly" in lowered
        or "read-only" in lowered
        or "unable to open" in lowered
        or (getattr(error, "errno", None) in (errno.EACCES, errno.EPERM, errno.EROFS))
    ):
        return DatabaseProblem(
            QT_TRANSLATE_NOOP(
                "errors",
                "The folder {folder} cannot be written to, so {source} was not copied there. "
                "Choose a folder you can write to; nothing was replaced.",
            ),
            folder=target.parent,
            source=source,
        )
    return DatabaseProblem(
        QT_TRANSLATE_NOOP("errors", "Cannot copy {source} to {target}: {detail}"),
        source=source,
        target=target,
        detail=detail,
    )


def schema_differences(db: Database) -> list[object]:
    """What differs between the tables in code and the migrated database (empty = in step)."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from retailerp.persistence.tables import include_name, metadata

    with db.engine.connect() as conn:
        context = MigrationContext.configure(
            conn,
            opts={
                "include_name": include_name,
                "compare_type": True,
                "render_as_batch": db.is_sqlite,
            },
        )
        return list(compare_metadata(context, metadata))
