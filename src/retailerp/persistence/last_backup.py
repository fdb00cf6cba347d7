"""Whether the newest backup still holds everything the shop's database holds.

The backup on closing copies the whole file, which on a shop with years of data takes many
seconds (issue 12).  When nothing was written since the newest backup in this PC's folder,
that backup already holds it all, and the copy is skipped (:func:`still_current`).

"Nothing written" is decided on both files' own records, read with plain ``sqlite3``:

- the same schema revision (an upgrade since is a change);
- the same last entry in ``audit_log`` once sign-ins and sign-outs are set aside (every
  start and close adds those; a failed sign-in is not set aside).  The trail is a hash
  chain, so the same sealed row means the same history up to it: a database restored from
  an older backup and written to again has another last entry;
- the same rows in ``settings``, ``users`` and ``roles`` (small; a sign-in rewrites its user
  row with the same values, and the office records its journal mode in ``settings`` on a
  raw connection);
- the same change counter for every other table (each write transaction moves the counters
  of the tables it wrote: ``office.announce``).  The office's presence tables (``sessions``,
  ``edit_claims``) are left out: they say who is connected, not what the shop holds;
- the same schema (``sqlite_master``: tables, indexes, triggers) and the same largest rowid
  of every table: a table made, or rows added or the newest removed, beside the program.

Anything missing or unreadable counts as a change: then the backup is made.  What a
database tool changes inside existing rows, beside the program, is not seen: after such a
repair make a backup by hand (*Settings → Backups → Back up now*).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from retailerp.persistence import backup, journal
from retailerp.persistence.engine import Database

SIGN_IN_OUT = ("login", "logout")
"""Audit actions every start and close writes: not a change to the shop's data."""
COMPARED_ROWS = ("settings", "users", "roles")
"""Small tables compared row by row rather than by their change counter."""
NOT_COUNTED = frozenset({"sessions", "edit_claims", "audit_log", "audit_chain", "change_counters"})
"""Counters left out: presence, and the trail (compared by its own rows)."""


def still_current(db: Database, root: Path) -> backup.BackupFile | None:
    """The newest backup of ``db`` in ``root`` if nothing was written since it; else None."""
    if not db.is_sqlite or db.path is None:
        return None
    found = backup.database_backups(root, db.path)
    if not found:
        return None
    newest = found[0]
    try:
        with _read_only(newest.path) as copy:
            kept = _state(copy)
        if kept is None:
            return None
        with _read_only(db.path) as live:
            now = _state(live)
    except sqlite3.Error:
        return None
    return newest if now == kept else None


class _read_only:  # noqa: N801 - used as a context manager, like open()
    """A read-only ``sqlite3`` connection that waits a little for a writer, then closes."""

    def __init__(self, path: Path) -> None:
        self.connection = sqlite3.connect(
            journal.sqlite_uri(path, "mode=ro"), uri=True, timeout=5, isolation_level=None
        )

    def __enter__(self) -> sqlite3.Connection:
        try:
            self.connection.execute("BEGIN")  # one snapshot for every read below
        except BaseException:
            self.connection.close()
            raise
        return self.connection

    def __exit__(self, *exc: object) -> None:
        self.connection.close()


def _state(connection: sqlite3.Connection) -> dict[str, Any] | None:
    """What the comparison reads of one file; None when it has no trail yet."""
    last = connection.execute(
        "SELECT id, at, username, action, entity, entity_id, detail, pc, document, "
        "prev_hash, row_hash FROM audit_log WHERE action NOT IN (?, ?) "
        "ORDER BY id DESC LIMIT 1",
        SIGN_IN_OUT,
    ).fetchone()
    if last is None:
        return None
    counters = dict(connection.execute("SELECT table_name, serial FROM change_counters"))
    state: dict[str, Any] = {
        "revision": connection.execute("SELECT version_num FROM alembic_version").fetchall(),
        "last_entry": tuple(last),
        "counters": {
            k: v for k, v in counters.items() if k not in NOT_COUNTED and k not in COMPARED_ROWS
        },
    }
    state["schema"] = connection.execute(
        "SELECT type, name, sql FROM sqlite_master ORDER BY type, name"
    ).fetchall()
    state["last_rows"] = _last_rows(connection)
    for table in COMPARED_ROWS:
        state[table] = connection.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()  # noqa: S608
    return state


def _last_rows(connection: sqlite3.Connection) -> dict[str, int | None]:
    """The largest rowid of every table (a look at the end of each index, no scan): rows
    added or the newest removed beside the program, e.g. with a database tool."""
    tables = [
        str(name)
        for (name, sql) in connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
        if name not in NOT_COUNTED
        and not str(sql).upper().startswith("CREATE VIRTUAL")
        and "WITHOUT ROWID" not in " ".join(str(sql).upper().split())
    ]
    return {
        name: connection.execute(f'SELECT max(rowid) FROM "{name}"').fetchone()[0]  # noqa: S608
        for name in tables
    }
