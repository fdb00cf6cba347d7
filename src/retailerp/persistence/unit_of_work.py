"""The unit of work: one short transaction, the repositories inside it, and retries.

A writer's transaction begins IMMEDIATE on SQLite (it waits its turn instead of failing
later), and is retried a few times if another PC held the database past the busy timeout, or
if PostgreSQL reports a serialization failure or deadlock.  Nothing is committed unless the
work finished; nothing is held open across a dialog.

A writer also notes which tables its statements wrote (every INSERT, UPDATE and DELETE the
session's connection executes: ORM flushes, Core statements, text).  After the commit, the
commit listeners (see :func:`add_commit_listener`) get the database and those table names;
``services.changes`` turns them into change kinds for the open screens.  Nothing is told of a
transaction that rolled back.  The listeners, the audit entries' sealing and the retry loop
are shared with the Core unit of work (:mod:`retailerp.persistence.core_work`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import event, func, inspect, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session, SessionTransaction
from sqlalchemy.orm.exc import StaleDataError

from retailerp.domain.security import Actor
from retailerp.persistence import audit_trail, office
from retailerp.persistence.complaints_repository import ComplaintRepository
from retailerp.persistence.consignment_repository import ConsignmentRepository
from retailerp.persistence.core_work import (  # shared with the Core unit of work
    WRITTEN,
    CommitListener,
    add_commit_listener,
    attempt,
    audit_entry,
    now,
    seal_and_announce,
    watch_engine,
    written_table,
)
from retailerp.persistence.engine import Database
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

__all__ = [
    "CommitListener", "UnitOfWork", "add_commit_listener", "now", "read", "write",
    "written_table",
]  # fmt: skip


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
            watch_engine(engine)
            kind = _SQLiteWriteSession if self.db.is_sqlite else _WriteSession
            self.session = kind(bind=engine, expire_on_commit=False, autoflush=True)
            self.session.info[WRITTEN] = self.written
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
        serials = seal_and_announce(self.session, self.db, self._audit, self.written)
        connection = self.session.info.pop(_CONNECTION, None)
        if connection is not None:
            connection.info.pop(WRITTEN, None)
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
        self._audit.append(audit_entry(self.db, actor, action, entity, entity_id, document, detail))


_CONNECTION = "retailerp.connection"


class _WriteSession(Session):
    """A writer's session: its transaction's connection notes the tables written."""


class _SQLiteWriteSession(_WriteSession):
    """A writer's session on SQLite: new rows are numbered before the flush, too."""


def _watch_connection(
    session: Session, _transaction: SessionTransaction, connection: Connection
) -> None:
    connection.info[WRITTEN] = session.info[WRITTEN]
    session.info[_CONNECTION] = connection


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


def read(db: Database, work: Callable[[UnitOfWork], T]) -> T:
    """Run a read in a short transaction."""
    return _attempt(db, work, write=False)


def write(db: Database, work: Callable[[UnitOfWork], T]) -> T:
    """Run a change in one transaction, committed only if ``work`` returns."""
    return _attempt(db, work, write=True)


def _attempt(db: Database, work: Callable[[UnitOfWork], T], *, write: bool) -> T:
    return attempt(db, work, UnitOfWork, write=write, stale=(StaleDataError,))


event.listen(_WriteSession, "after_begin", _watch_connection)
event.listen(_SQLiteWriteSession, "before_flush", _number_new_rows)
