"""The unit of work: one short transaction, the repositories inside it, and retries.

A writer's transaction begins IMMEDIATE on SQLite (it waits its turn instead of failing
later), and is retried a few times if another PC held the database past the busy timeout, or
if PostgreSQL reports a serialization failure or deadlock.  Nothing is committed unless the
work finished; nothing is held open across a dialog.

A writer also notes which tables its statements wrote (every INSERT, UPDATE and DELETE the
session's connection executes: ORM flushes, Core statements, text).  After the commit, the
commit listeners (see :func:`add_commit_listener`) get the database and those table names;
``services.changes`` turns them into change kinds for the open screens.  Nothing is told of a
transaction that rolled back.
"""

from __future__ import annotations

import functools
import logging
import re
import time
import weakref
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, TypeVar

from sqlalchemy import event, func, inspect, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, SessionTransaction
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.sql.dml import UpdateBase
from sqlalchemy.sql.elements import TextClause

from retailerp.domain.audit import detail_text, document_of
from retailerp.domain.errors import DomainError
from retailerp.domain.security import Actor
from retailerp.domain.text import QT_TRANSLATE_NOOP
from retailerp.persistence import audit_trail, office
from retailerp.persistence.complaints_repository import ComplaintRepository
from retailerp.persistence.consignment_repository import ConsignmentRepository
from retailerp.persistence.engine import Database, explain
from retailerp.persistence.errors import DatabaseBusy
from retailerp.persistence.mappers import start_mappers
from retailerp.persistence.red_invoices_repository import RedInvoiceRepository
from retailerp.persistence.repositories import (
    CustomerRepository,
    DocumentRepository,
    ItemRepository,
    LocationRepository,
    SettingsRepository,
    StockRepository,
    UnitRepository,
)
from retailerp.persistence.returns_repository import ReturnRepository
from retailerp.persistence.sales_repositories import SalesRepository
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


def _tell_listeners(db: Database, tables: frozenset[str]) -> None:
    """The write is committed: a failing listener must not make it look failed."""
    for listener in list(_commit_listeners):
        try:
            listener(db, tables)
        except Exception:  # noqa: BLE001 - logged; the data is saved whatever a screen does
            log.exception("A commit listener failed")


class UnitOfWork:
    """A session and the repositories over it; rolls back unless :meth:`commit` was called."""

    def __init__(self, db: Database, *, write: bool = False) -> None:
        start_mappers()
        self.db = db
        self.write = write
        self.session: Session
        self.written: set[str] = set()
        """Names of the tables this unit of work's statements wrote."""
        self._audit: list[audit_trail.Pending] = []

    def __enter__(self) -> UnitOfWork:
        engine = self.db.write_engine if self.write else self.db.engine
        if self.write:
            _watch_engine(engine)
            kind = _SQLiteWriteSession if self.db.is_sqlite else _WriteSession
            self.session = kind(bind=engine, expire_on_commit=False, autoflush=True)
            self.session.info[_WRITTEN] = self.written
        else:
            self.session = Session(bind=engine, expire_on_commit=False, autoflush=True)
        self.customers = CustomerRepository(self.session)
        self.items = ItemRepository(self.session)
        self.locations = LocationRepository(self.session)
        self.stock = StockRepository(self.session)
        self.documents = DocumentRepository(self.session)
        self.settings = SettingsRepository(self.session)
        self.sales = SalesRepository(self.session)
        self.returns = ReturnRepository(self.session)
        self.red_invoices = RedInvoiceRepository(self.session)
        self.consignment = ConsignmentRepository(self.session)
        self.units = UnitRepository(self.session)
        self.complaints = ComplaintRepository(self.session)
        self.users = UserRepository(self.session)
        return self

    def __exit__(self, *exc: object) -> None:
        # close() rolls back whatever was not committed and detaches the loaded objects
        # without expiring them, so callers can read what a service returned.
        self.session.close()

    def commit(self) -> None:
        """Write the noted audit entries, tell other PCs which tables changed, commit."""
        if self._audit:
            sealed = office.schema_has(self.session, self.db, "audit_chain")
            audit_trail.append(self.session, self._audit, sealed=sealed)
            self._audit.clear()
        serials = office.announce(self.session, self.db, self.written)
        connection = self.session.info.pop(_CONNECTION, None)
        if connection is not None:
            connection.info.pop(_WRITTEN, None)
        self.session.commit()
        office.committed(self.db, serials)

    def flush(self) -> None:
        self.session.flush()

    def audit(
        self,
        actor: Actor,
        action: str,
        entity: str,
        entity_id: object,
        *,
        document: str | None = None,
        **detail: Any,
    ) -> None:
        """Note one audit entry for this transaction: sealed and written at the commit (it
        commits or fails with the change).  ``document`` is the document number concerned;
        by default the entity id when it is one.  The PC is this program's (``db.pc``)."""
        self._audit.append(
            audit_trail.Pending(
                at=now(),
                username=actor.username,
                pc=self.db.pc,
                action=action,
                entity=entity,
                entity_id=str(entity_id),
                document=document_of(entity_id) if document is None else document,
                detail=detail_text(detail),
            )
        )


_WRITTEN = "retailerp.written"
"""Key of the set of written table names: in a write session's ``info``, and in its
connection's while the transaction runs (where the engine's listener finds it)."""
_CONNECTION = "retailerp.connection"


class _WriteSession(Session):
    """A writer's session: its transaction's connection notes the tables written."""


class _SQLiteWriteSession(_WriteSession):
    """A writer's session on SQLite: new rows are numbered before the flush, too."""


def _watch_connection(
    session: Session, _transaction: SessionTransaction, connection: Connection
) -> None:
    connection.info[_WRITTEN] = session.info[_WRITTEN]
    session.info[_CONNECTION] = connection


_watched: weakref.WeakSet[Engine] = weakref.WeakSet()


def _watch_engine(engine: Engine) -> None:
    """Listen once per engine (not once per transaction) for the tables its statements
    write; each statement's table goes to the set of the unit of work running it."""
    if engine not in _watched:
        _watched.add(engine)
        event.listen(engine, "after_execute", _executed)


def _executed(conn: Connection, statement: object, *_args: object) -> None:
    written = conn.info.get(_WRITTEN)
    if written is not None:
        table = written_table(statement)
        if table is not None:
            written.add(table)


def _number_new_rows(session: Session, _context: object, _instances: object) -> None:
    """Give the new rows of a table their ids before the flush when it inserts several
    (SQLite, in a write transaction, which holds the file's write lock from its start).

    Without ids the ORM inserts such rows one statement each, with ``RETURNING id`` (SQLite
    has no way to tie returned ids to rows in a batch); with them it sends one batch.  The
    ids are the ones SQLite would hand out: one more than the largest, in the order the
    rows were added."""
    groups: dict[Any, list[Any]] = {}
    for obj in session.new:
        state = inspect(obj)
        mapper = state.mapper
        if len(mapper.primary_key) != 1 or mapper.primary_key[0].key != "id":
            continue
        if getattr(obj, "id", None) is None:
            groups.setdefault(mapper, []).append(state)
    for mapper, states in groups.items():
        if len(states) < 2:
            continue
        table = mapper.local_table
        top = session.execute(_largest_id(table)).scalar() or 0
        for offset, state in enumerate(sorted(states, key=lambda st: st.insert_order), 1):
            state.obj().id = top + offset


@functools.cache
def _largest_id(table: Any) -> Any:
    return select(func.max(table.c.id))


def now() -> datetime:
    return datetime.now(UTC)


def read(db: Database, work: Callable[[UnitOfWork], T]) -> T:
    """Run a read in a short transaction."""
    return _attempt(db, work, write=False)


def write(db: Database, work: Callable[[UnitOfWork], T]) -> T:
    """Run a change in one transaction, committed only if ``work`` returns."""
    return _attempt(db, work, write=True)


def _attempt(db: Database, work: Callable[[UnitOfWork], T], *, write: bool) -> T:
    for attempt in range(RETRIES):
        try:
            with UnitOfWork(db, write=write) as uow:
                result = work(uow)
                if write:
                    uow.commit()
            if write and uow.written:
                _tell_listeners(db, frozenset(uow.written))
            return result
        except DomainError:
            raise
        except StaleDataError:
            # Another PC committed the same record between our read and our UPDATE (possible
            # on PostgreSQL).  Run the work again on fresh data: the service's version check
            # then refuses with "changed by … at …" instead of this vaguer message.
            if attempt + 1 < RETRIES:
                continue
            raise DomainError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "Someone else changed this record while you were saving. Reload it and "
                    "try again.",
                )
            ) from None
        except DBAPIError as error:
            if _retryable(error) and attempt + 1 < RETRIES:
                time.sleep(0.2 * (attempt + 1))
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


event.listen(_WriteSession, "after_begin", _watch_connection)
event.listen(_SQLiteWriteSession, "before_flush", _number_new_rows)
