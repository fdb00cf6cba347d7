"""The unit of work on a Core connection, and what every unit of work shares.

:class:`CoreWork` is one short transaction on a SQLAlchemy Core connection, for the
services whose statements are all Core (users and the login, settings, the office, the
audit checks, the home page's counts): it needs neither the ORM nor the mappings, so the
window starts without importing them (issue 12).  It audits, announces its writes to the
other PCs and tells the commit listeners exactly as :class:`~retailerp.persistence.
unit_of_work.UnitOfWork` does, through the same functions below: one audit writer
(:func:`~retailerp.persistence.audit_trail.append`), one change notification, one retry
loop (:func:`attempt`).

``session`` is what the work's statements run on (here the connection; in the ORM unit of
work the session): both answer ``execute``, ``scalar`` and ``scalars`` alike, so the Core
queries and repositories take either.
"""

from __future__ import annotations

import functools
import logging
import re
import time
import weakref
from collections.abc import Callable
from datetime import UTC, datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.sql.dml import UpdateBase
from sqlalchemy.sql.elements import TextClause

from retailerp.domain.audit import detail_text, document_of
from retailerp.domain.errors import DomainError
from retailerp.domain.security import Actor
from retailerp.domain.text import QT_TRANSLATE_NOOP
from retailerp.persistence import audit_trail, office
from retailerp.persistence.engine import Database, explain
from retailerp.persistence.errors import DatabaseBusy

if TYPE_CHECKING:
    from retailerp.persistence.settings_repository import SettingsRepository
    from retailerp.persistence.users_repository import UserRepository

T = TypeVar("T")
RETRIES = 4
RETRY_PG_CODES = {"40001", "40P01"}

log = logging.getLogger(__name__)

CommitListener = Callable[[Database, frozenset[str]], None]
"""Called after a write committed, with the names of the tables it wrote."""

_commit_listeners: list[CommitListener] = []

_WRITE_SQL = re.compile(
    r"^\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)"
    r"\s+[\"`\[]?(\w+)",
    re.IGNORECASE,
)

WRITTEN = "retailerp.written"
"""Key of the set of written table names: in a write session's ``info``, and in its
connection's while the transaction runs (where the engine's listener finds it)."""


def add_commit_listener(listener: CommitListener) -> Callable[[], None]:
    """Call ``listener(db, tables)`` after every committed write; returns the way to stop."""
    _commit_listeners.append(listener)

    def remove() -> None:
        if listener in _commit_listeners:
            _commit_listeners.remove(listener)

    return remove


def written_table(statement: object) -> str | None:
    """The table an INSERT, UPDATE or DELETE writes (Core, ORM or SQL text); else ``None``."""
    if isinstance(statement, UpdateBase):
        table = getattr(statement, "table", None)
        return getattr(table, "name", None)
    if isinstance(statement, TextClause):
        statement = statement.text
    if isinstance(statement, str):
        match = _WRITE_SQL.match(statement)
        return match.group(1).lower() if match else None
    return None


def tell_listeners(db: Database, tables: frozenset[str]) -> None:
    """The write is committed: a failing listener must not make it look failed."""
    for listener in list(_commit_listeners):
        try:
            listener(db, tables)
        except Exception:  # noqa: BLE001 - logged; the data is saved whatever a screen does
            log.exception("A commit listener failed")


_watched: weakref.WeakSet[Engine] = weakref.WeakSet()


def watch_engine(engine: Engine) -> None:
    """Listen once per engine (not once per transaction) for the tables its statements
    write; each statement's table goes to the set of the unit of work running it."""
    if engine not in _watched:
        _watched.add(engine)
        event.listen(engine, "after_execute", _executed)


def _executed(conn: Connection, statement: object, *_args: object) -> None:
    written = conn.info.get(WRITTEN)
    if written is not None:
        table = written_table(statement)
        if table is not None:
            written.add(table)


def now() -> datetime:
    return datetime.now(UTC)


def audit_entry(
    db: Database, actor: Actor, action: str, entity: str, entity_id: object,
    document: str | None, detail: dict[str, Any],
) -> audit_trail.Pending:  # fmt: skip
    """One audit entry as a unit of work notes it (see ``UnitOfWork.audit``)."""
    return audit_trail.Pending(
        at=now(),
        username=actor.username,
        pc=db.pc,
        action=action,
        entity=entity,
        entity_id=str(entity_id),
        document=document_of(entity_id) if document is None else document,
        detail=detail_text(detail),
    )


def seal_and_announce(
    sql: Any, db: Database, pending: list[audit_trail.Pending], written: set[str]
) -> dict[str, int]:
    """Before a commit: write the noted audit entries, tell other PCs the tables written.
    ``sql`` is the session or connection of the transaction; ``pending`` is emptied."""
    if pending:
        sealed = office.schema_has(sql, db, "audit_chain")
        audit_trail.append(sql, pending, sealed=sealed)
        pending.clear()
    return office.announce(sql, db, written)


class CoreWork:
    """One transaction on a Core connection; rolls back unless :meth:`commit` was called."""

    def __init__(self, db: Database, *, write: bool = False, snapshot: bool = False) -> None:
        self.db = db
        self.write = write
        self.snapshot = snapshot
        """Every statement sees the same committed state (PostgreSQL: ``REPEATABLE READ``;
        a SQLite transaction always is one snapshot)."""
        self.connection: Connection
        self.session: Connection
        """What the statements run on (the connection; see the module)."""
        self.written: set[str] = set()
        """Names of the tables this unit of work's statements wrote."""
        self._audit: list[audit_trail.Pending] = []

    def __enter__(self) -> CoreWork:
        engine = self.db.write_engine if self.write else self.db.engine
        if self.write:
            watch_engine(engine)
        self.connection = self.session = engine.connect()
        if self.snapshot and not self.db.is_sqlite:  # reset when the pool takes it back
            self.connection.execution_options(isolation_level="REPEATABLE READ")
        try:
            self.connection.begin()  # the write engine's BEGIN IMMEDIATE (engine.py)
        except BaseException:
            self.connection.close()
            raise
        if self.write:
            self.connection.info[WRITTEN] = self.written
        return self

    def __exit__(self, *exc: object) -> None:
        self.connection.info.pop(WRITTEN, None)
        self.connection.close()  # rolls back whatever was not committed

    @cached_property
    def users(self) -> UserRepository:
        from retailerp.persistence.users_repository import UserRepository

        return UserRepository(self.connection)

    @cached_property
    def settings(self) -> SettingsRepository:
        from retailerp.persistence.settings_repository import SettingsRepository

        return SettingsRepository(self.connection)

    def commit(self) -> None:
        """Write the noted audit entries, tell other PCs which tables changed, commit."""
        serials = seal_and_announce(self.connection, self.db, self._audit, self.written)
        self.connection.info.pop(WRITTEN, None)
        self.connection.commit()
        office.committed(self.db, serials)

    def audit(
        self, actor: Actor, action: str, entity: str, entity_id: object, *,
        document: str | None = None, **detail: Any,
    ) -> None:  # fmt: skip
        """Note one audit entry, sealed and written at the commit (as ``UnitOfWork.audit``)."""
        self._audit.append(audit_entry(self.db, actor, action, entity, entity_id, document, detail))


class Work(Protocol):
    """A unit of work as :func:`attempt` runs it."""

    written: set[str]

    def __enter__(self) -> Any: ...

    def __exit__(self, *exc: object) -> None: ...

    def commit(self) -> None: ...


def read(db: Database, work: Callable[[CoreWork], T], *, snapshot: bool = False) -> T:
    """Run a read of Core statements in a short transaction; ``snapshot``: all of them see
    one committed state also on PostgreSQL (see :attr:`CoreWork.snapshot`)."""
    unit = functools.partial(CoreWork, snapshot=True) if snapshot else CoreWork
    return attempt(db, work, unit, write=False)


def write(db: Database, work: Callable[[CoreWork], T]) -> T:
    """Run a change of Core statements in one transaction, committed only if ``work`` returns."""
    return attempt(db, work, CoreWork, write=True)


STALE = QT_TRANSLATE_NOOP(
    "errors",
    "Someone else changed this record while you were saving. Reload it and try again.",
)


def attempt(
    db: Database, work: Callable[[Any], T], unit: Callable[..., Work], *, write: bool,
    stale: tuple[type[BaseException], ...] = (),
) -> T:  # fmt: skip
    """Run ``work`` in a unit of work ``unit(db, write=write)``, committed (when writing)
    only if it returns, retried while the database is busy or PostgreSQL asks for it.
    ``stale``: the errors of a record another PC changed under us (the ORM's version
    check): the work runs again on fresh data, whose own check then says so in words."""
    for round_ in range(RETRIES):
        try:
            with unit(db, write=write) as uow:
                result = work(uow)
                if write:
                    uow.commit()
            if write and uow.written:
                tell_listeners(db, frozenset(uow.written))
            return result
        except DomainError:
            raise
        except stale:
            if round_ + 1 < RETRIES:
                continue
            raise DomainError(STALE) from None
        except DBAPIError as error:
            if _retryable(error) and round_ + 1 < RETRIES:
                time.sleep(0.2 * (round_ + 1))
                continue
            if _busy(error):
                raise DatabaseBusy(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "The database is busy: another PC is saving. Nothing was saved; try "
                        "again in a moment.",
                    )
                ) from None
            raise explain(error, db) from error
    raise AssertionError("unreachable")  # pragma: no cover


def _busy(error: DBAPIError) -> bool:
    text = str(error.orig).lower()
    return isinstance(error, OperationalError) and ("locked" in text or "busy" in text)


def _retryable(error: DBAPIError) -> bool:
    code = getattr(error.orig, "sqlstate", None) or getattr(error.orig, "pgcode", None)
    return _busy(error) or code in RETRY_PG_CODES
