"""The shared office at the database: who is connected, what each has open, what changed.

- **Sessions**: one row per running program (PC, user, started, heartbeat); a row whose
  heartbeat is older than :data:`STALE_AFTER` belongs to a program that ended without saying
  so and is removed by the next heartbeat of anyone.
- **Edit claims**: a session notes the records it has open for editing; other PCs show them
  as "being edited on …".  They go with their session.
- **Remote changes.** SQLite: every write moves a counter per table it wrote
  (``change_counters``) in its own transaction; another program polls ``PRAGMA
  data_version`` on a connection of its own and, when it moved, reads the counters to learn
  which tables another PC changed (its own commits are told apart by the serials they
  produced).  PostgreSQL: every write sends ``NOTIFY retailerp_changes`` with the tables;
  the watcher ``LISTEN``s on a connection of its own.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import TextClause, delete, select, text, update

from retailerp.persistence import tables as t
from retailerp.persistence.engine import Database, configure_connection

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

log = logging.getLogger(__name__)

STALE_AFTER = timedelta(minutes=2)
CHANNEL = "retailerp_changes"
UNCOUNTED = frozenset({"change_counters"})
POLL_TIMEOUT_MS = 200
"""How long a poll waits for a busy file before trying again at the next tick."""


@dataclass(frozen=True)
class Presence:
    """A program connected to the database."""

    session_id: str
    pc: str
    username: str
    since: datetime
    heartbeat: datetime


@dataclass(frozen=True)
class Claim:
    """A record open for editing in some session."""

    pc: str
    username: str
    since: datetime


# --- what a commit tells the others ----------------------------------------------------------


def announce(session: Session, db: Database, written: Iterable[str]) -> dict[str, int]:
    """Tell other programs which tables this transaction wrote (before its commit).

    Returns the counter values it set (SQLite), so the poller can tell them from others'."""
    tables = sorted(set(written) - UNCOUNTED)
    if not tables:
        return {}
    if db.is_sqlite:
        if not schema_has(session, db, "change_counters"):
            return {}
        rows = session.execute(
            _counter_statement(len(tables)), {f"t{n}": t for n, t in enumerate(tables)}
        )
        serials = {str(table): int(serial) for table, serial in rows}
        return serials
    payload = f"{db.instance} {','.join(tables)}"[:7900]
    session.execute(text("SELECT pg_notify(:c, :p)"), {"c": CHANNEL, "p": payload})
    return {}


@functools.cache
def _counter_statement(count: int) -> TextClause:
    """One upsert moving the counters of ``count`` tables (one statement per commit, not
    one per table), answering each table's new serial."""
    values = ", ".join(f"(:t{n}, 1)" for n in range(count))
    return text(
        f"INSERT INTO change_counters (table_name, serial) VALUES {values} "
        "ON CONFLICT (table_name) DO UPDATE SET serial = serial + 1 "
        "RETURNING table_name, serial"
    )


def schema_has(session: Session, db: Database, table: str) -> bool:
    """Whether the database has ``table`` yet (asked until it has; an older schema is
    written to only while it is being upgraded)."""
    if table not in db.tables_seen:
        query = (
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :t"
            if db.is_sqlite
            else "SELECT to_regclass(:t) IS NOT NULL WHERE to_regclass(:t) IS NOT NULL"
        )
        if session.execute(text(query), {"t": table}).first():
            db.tables_seen.add(table)
    return table in db.tables_seen


def committed(db: Database, serials: dict[str, int]) -> None:
    if serials:
        db.own_changes.note(serials)


# --- sessions and claims -----------------------------------------------------------------------


def register(session: Session, session_id: str, pc: str, username: str, at: datetime) -> None:
    s = t.sessions
    session.execute(delete(s).where(s.c.token == session_id))
    session.execute(
        s.insert().values(
            token=session_id, pc=pc, username=username, started_at=at, heartbeat_at=at
        )
    )


def heartbeat(session: Session, session_id: str, at: datetime) -> bool:
    """Keep ``session_id`` alive and remove the stale sessions; False if it was removed."""
    s = t.sessions
    session.execute(delete(s).where(s.c.heartbeat_at < at - STALE_AFTER))
    moved = session.execute(update(s).where(s.c.token == session_id).values(heartbeat_at=at))
    return bool(moved.rowcount)


def end(session: Session, session_id: str) -> None:
    session.execute(delete(t.sessions).where(t.sessions.c.token == session_id))


def connected(session: Session, at: datetime) -> list[Presence]:
    """The live sessions (heartbeat within :data:`STALE_AFTER`), oldest first."""
    s = t.sessions
    rows = session.execute(
        select(s).where(s.c.heartbeat_at >= at - STALE_AFTER).order_by(s.c.started_at, s.c.token)
    ).all()
    return [Presence(r.token, r.pc, r.username, r.started_at, r.heartbeat_at) for r in rows]


def claim(session: Session, session_id: str, entity: str, entity_id: str, at: datetime) -> None:
    c = t.edit_claims
    key = (c.c.session_id == session_id) & (c.c.entity == entity) & (c.c.entity_id == entity_id)
    if session.execute(select(c.c.since).where(key)).first() is None:
        session.execute(
            c.insert().values(session_id=session_id, entity=entity, entity_id=entity_id, since=at)
        )


def release(session: Session, session_id: str, entity: str, entity_id: str) -> None:
    c = t.edit_claims
    session.execute(
        delete(c).where(
            (c.c.session_id == session_id) & (c.c.entity == entity) & (c.c.entity_id == entity_id)
        )
    )


def claims_on(
    session: Session, entity: str, entity_id: str, at: datetime, *, besides: str = ""
) -> list[Claim]:
    """Who (in a live session other than ``besides``) has this record open for editing."""
    c, s = t.edit_claims, t.sessions
    rows = session.execute(
        select(s.c.pc, s.c.username, c.c.since)
        .join(s, s.c.token == c.c.session_id)
        .where(
            (c.c.entity == entity)
            & (c.c.entity_id == entity_id)
            & (c.c.session_id != besides)
            & (s.c.heartbeat_at >= at - STALE_AFTER)
        )
        .order_by(c.c.since)
    ).all()
    return [Claim(r.pc, r.username, r.since) for r in rows]


# --- hearing another PC's changes ---------------------------------------------------------------


class RemoteWatcher:
    """Polled by the screen's timer: which tables did another program change since last time?

    Opens a connection of its own (SQLite: to read ``PRAGMA data_version``, which only moves
    for other connections' commits; PostgreSQL: to ``LISTEN``)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._sqlite: sqlite3.Connection | None = None
        self._pg: Any = None
        self._version: int | None = None
        self._serials: dict[str, int] = {}

    def start(self) -> None:
        if self.db.is_sqlite:
            self._start_sqlite()
        else:
            self._start_postgres()

    def close(self) -> None:
        for connection in (self._sqlite, self._pg):
            if connection is not None:
                with contextlib.suppress(Exception):
                    connection.close()
        self._sqlite = self._pg = None

    def poll(self) -> frozenset[str]:
        """The tables another program wrote since the last poll (empty: nothing, or busy)."""
        try:
            if self.db.is_sqlite:
                return self._poll_sqlite()
            return self._poll_postgres()
        except Exception:  # noqa: BLE001 - a failed poll is tried again at the next tick
            log.warning("Polling for other PCs' changes failed", exc_info=True)
            self.close()
            return frozenset()

    # SQLite

    def _start_sqlite(self) -> None:
        connection = sqlite3.connect(str(self.db.path), isolation_level=None)
        configure_connection(connection, self.db.label, self.db.journal_mode, POLL_TIMEOUT_MS)
        self._sqlite = connection
        self._version = self._data_version()
        self._serials = self._counters()

    def _data_version(self) -> int:
        assert self._sqlite is not None
        return int(self._sqlite.execute("PRAGMA data_version").fetchone()[0])

    def _counters(self) -> dict[str, int]:
        assert self._sqlite is not None
        rows = self._sqlite.execute("SELECT table_name, serial FROM change_counters").fetchall()
        return {str(name): int(serial) for name, serial in rows}

    def _poll_sqlite(self) -> frozenset[str]:
        if self._sqlite is None:
            self._start_sqlite()
            return frozenset()
        try:
            version = self._data_version()
            if version == self._version:
                return frozenset()
            counters = self._counters()
        except sqlite3.OperationalError as error:
            if "locked" in str(error).lower() or "busy" in str(error).lower():
                return frozenset()  # a writer is committing; the next tick sees it
            raise
        self._version = version
        changed = set()
        for table, serial in counters.items():
            before = self._serials.get(table, 0)
            if serial > before and not self.db.own_changes.take(table, before, serial):
                changed.add(table)
        self._serials = counters
        return frozenset(changed)

    # PostgreSQL

    def _start_postgres(self) -> None:
        import psycopg

        url = self.db.url.set(drivername="postgresql")
        self._pg = psycopg.connect(
            url.render_as_string(hide_password=False), autocommit=True, connect_timeout=10
        )
        self._pg.execute(f"LISTEN {CHANNEL}")

    def _poll_postgres(self) -> frozenset[str]:
        if self._pg is None:
            self._start_postgres()
            return frozenset()
        changed: set[str] = set()
        for note in self._pg.notifies(timeout=0):
            sender, _, tables = note.payload.partition(" ")
            if sender != self.db.instance:
                changed.update(name for name in tables.split(",") if name)
        return frozenset(changed)


def now() -> datetime:
    return datetime.now(UTC)
