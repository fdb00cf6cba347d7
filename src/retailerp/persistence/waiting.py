"""PostgreSQL: who a save waits for, told while it waits.

Every connection names its PC and user in ``application_name`` (``RetailERP PC-1 (li)``).
PostgreSQL waits for a row lock inside the statement, so a writer cannot look up for itself
between tries as SQLite's does; instead the driver's wait is given a tick: psycopg's
``Connection.wait`` wakes every ``interval`` seconds while the server has not answered
(sending the generator ``Ready.NONE``), and for a write transaction with a listener
(:attr:`~retailerp.persistence.engine.Database.write_wait`) each tick past the first step
asks, from a separate short connection, ``pg_blocking_pids`` of this backend joined to
``pg_stat_activity.application_name``, and tells the listener ``(seconds, holders)`` — on
the thread that writes, so the window keeps painting exactly as with SQLite. ``None`` is
told when the transaction ends.
"""

from __future__ import annotations

import time
from collections.abc import Generator
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import event, text

if TYPE_CHECKING:
    from retailerp.persistence.engine import Database, WaitListener

APP_PREFIX = "RetailERP "
"""PostgreSQL ``application_name`` of our connections: the prefix, the PC, the user."""

HOLDERS = text(
    "SELECT coalesce(nullif(application_name, ''), host(client_addr), '?') "
    "FROM pg_stat_activity WHERE pid = ANY(pg_blocking_pids(:pid)) ORDER BY pid"
)


@dataclass
class Waiter:
    """One write transaction's wait: since when, whom it told, how to ask."""

    db: Database
    pid: int
    listener: WaitListener
    step: float
    started: float = field(default_factory=time.monotonic)
    told: bool = False

    def tick(self) -> None:
        waited = time.monotonic() - self.started
        if waited < self.step:
            return
        try:
            holders = lock_holders(self.db, self.pid)
        except Exception:  # noqa: BLE001 - the next tick asks again
            return
        if holders:
            self.told = True
            self.listener(waited, holders)
        elif self.told:
            self.told = False
            self.listener(None, ())

    def done(self) -> None:
        if self.told:
            self.told = False
            self.listener(None, ())


def lock_holders(db: Database, pid: int) -> tuple[str, ...]:
    """Who holds what the backend ``pid`` waits for: each holder's PC (and user), from its
    ``application_name`` (another program's own name, or its address)."""
    with db.engine.connect() as conn:
        names = [str(row[0]) for row in conn.execute(HOLDERS, {"pid": pid})]
    return tuple(name.removeprefix(APP_PREFIX) for name in names)


def application_name(db: Database) -> str:
    who = f"{db.pc} ({db.user})" if db.user else db.pc
    return (APP_PREFIX + who)[:63]  # PostgreSQL keeps 63 bytes


@cache
def connection_class() -> type:
    """psycopg's connection whose wait ticks the transaction's :class:`Waiter`, if any."""
    import psycopg

    class TickingConnection(psycopg.Connection):  # type: ignore[type-arg]
        waiter: Waiter | None = None

        def wait(self, gen: Any, interval: float = 0.1, timeout: float | None = None) -> Any:
            waiter = self.waiter
            if waiter is None:
                return super().wait(gen, interval=interval, timeout=timeout)
            return super().wait(_ticking(gen, waiter), interval=waiter.step, timeout=timeout)

    return TickingConnection


def _ticking(gen: Generator[Any, Any, Any], waiter: Waiter) -> Generator[Any, Any, Any]:
    """``gen`` as it is, calling ``waiter.tick`` each time the wait woke with no answer."""
    from psycopg.waiting import Ready

    try:
        state = next(gen)
        while True:
            ready = yield state
            if ready == Ready.NONE:
                waiter.tick()
            state = gen.send(ready)
    except StopIteration as stop:
        return stop.value


def install(db: Database) -> None:
    """Connections of ``db`` name PC and user; its writers with a listener are ticked."""
    from retailerp.persistence.engine import WRITE_OPTION

    @event.listens_for(db.engine, "do_connect")
    def _connect(_dialect: Any, _record: Any, cargs: Any, cparams: Any) -> Any:
        return connection_class().connect(*cargs, **cparams)

    @event.listens_for(db.engine, "begin")
    def _begin(connection: Any) -> None:
        record = connection.connection
        name = application_name(db)
        if record.info.get("application_name") != name:
            record.info["application_name"] = name
            connection.exec_driver_sql(
                "SELECT set_config('application_name', %(name)s, false)", {"name": name}
            )
        record.dbapi_connection.waiter = None  # one left by a transaction the pool ended
        listener = db.write_wait.listener
        if listener is None or not connection.get_execution_options().get(WRITE_OPTION):
            return
        if "pid" not in record.info:
            record.info["pid"] = connection.exec_driver_sql("SELECT pg_backend_pid()").scalar()
        step = max(0.05, db.write_wait.step_ms / 1000)
        record.dbapi_connection.waiter = Waiter(db, record.info["pid"], listener, step)

    def _ended(connection: Any) -> None:
        dbapi = connection.connection.dbapi_connection
        waiter = getattr(dbapi, "waiter", None)
        if waiter is not None:
            dbapi.waiter = None
            waiter.done()

    def _rolled_back(connection: Any) -> None:
        connection.connection.info.pop("application_name", None)  # set_config is undone
        _ended(connection)

    event.listen(db.engine, "commit", _ended)
    event.listen(db.engine, "rollback", _rolled_back)
