"""What changed: the change kinds, the tables behind each, and the bus that tells the screens.

Every committed write reports the tables it wrote (the unit of work collects them from the
statements its session executed); :data:`TABLE_CHANGES` says once which kinds of thing each
table holds, and the database's :class:`ChangeBus` publishes a :class:`ChangeSet` to whoever
subscribed.  No service names what it changed.  A table not declared here counts as every
kind (a test makes sure each table is declared), so a new area cannot leave screens stale.

Changes another PC made (polled later through ``PRAGMA data_version`` or PostgreSQL
``LISTEN``) are published on the same bus with ``local=False``.

The bus is plain Python and never imports Qt: subscribers are called on the thread that
committed; the UI re-emits them on its own thread.
"""

from __future__ import annotations

import logging
import threading
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from enum import StrEnum

from retailerp.persistence import core_work
from retailerp.persistence.engine import Database

log = logging.getLogger(__name__)


class Change(StrEnum):
    """The kinds of thing a screen shows and a write can change."""

    SETTINGS = "settings"
    CUSTOMERS = "customers"
    ITEMS = "items"
    LOCATIONS = "locations"
    STOCK = "stock"
    STOCK_DOCUMENTS = "stock_documents"
    ORDERS = "orders"
    PICKING = "picking"
    DELIVERIES = "deliveries"
    INVOICES = "invoices"
    PAYMENTS = "payments"
    RETURNS = "returns"
    COMPLAINTS = "complaints"
    RED_INVOICES = "red_invoices"
    CONSIGNMENT = "consignment"
    AUDIT = "audit"
    SESSIONS = "sessions"
    """Who is connected and what each PC has open for editing."""
    USERS = "users"


ALL_CHANGES: frozenset[Change] = frozenset(Change)

TABLE_CHANGES: dict[str, frozenset[Change]] = {
    "settings": frozenset({Change.SETTINGS}),
    "customers": frozenset({Change.CUSTOMERS}),
    "customer_reviews": frozenset({Change.CUSTOMERS}),
    "revenue_entries": frozenset({Change.CUSTOMERS}),
    "items": frozenset({Change.ITEMS}),
    "locations": frozenset({Change.LOCATIONS}),
    "stock_moves": frozenset({Change.STOCK}),
    "stock_balances": frozenset({Change.STOCK}),
    "number_series": frozenset(),
    "stock_documents": frozenset({Change.STOCK_DOCUMENTS}),
    "stock_document_lines": frozenset({Change.STOCK_DOCUMENTS}),
    "audit_log": frozenset({Change.AUDIT}),
    "audit_chain": frozenset({Change.AUDIT}),
    "sessions": frozenset({Change.SESSIONS}),
    "edit_claims": frozenset({Change.SESSIONS}),
    "change_counters": frozenset(),
    "sales_orders": frozenset({Change.ORDERS}),
    "sales_order_lines": frozenset({Change.ORDERS}),
    "picking_lists": frozenset({Change.PICKING}),
    "picking_lines": frozenset({Change.PICKING}),
    "deliveries": frozenset({Change.DELIVERIES}),
    "delivery_lines": frozenset({Change.DELIVERIES}),
    "invoices": frozenset({Change.INVOICES}),
    "invoice_lines": frozenset({Change.INVOICES}),
    "payments": frozenset({Change.PAYMENTS}),
    "payment_allocations": frozenset({Change.PAYMENTS}),
    "returns": frozenset({Change.RETURNS}),
    "return_lines": frozenset({Change.RETURNS}),
    "red_invoices": frozenset({Change.RED_INVOICES}),
    "red_invoice_lines": frozenset({Change.RED_INVOICES}),
    "refunds": frozenset({Change.PAYMENTS}),
    "exchanges": frozenset({Change.RETURNS, Change.ORDERS}),
    "units": frozenset({Change.ITEMS}),
    "roles": frozenset({Change.USERS}),
    "users": frozenset({Change.USERS}),
    "complaint_tickets": frozenset({Change.COMPLAINTS}),
    "complaint_history": frozenset({Change.COMPLAINTS}),
    "complaint_resolutions": frozenset({Change.COMPLAINTS}),
    "complaint_attachments": frozenset({Change.COMPLAINTS}),
    "service_visits": frozenset({Change.COMPLAINTS}),
    "consignment_documents": frozenset({Change.CONSIGNMENT}),
    "consignment_lines": frozenset({Change.CONSIGNMENT}),
}
"""The kinds of thing each table holds; a table of a new area is added here."""


def changes_of(tables: Iterable[str]) -> frozenset[Change]:
    """The change kinds behind these tables; an undeclared table counts as every kind."""
    kinds: set[Change] = set()
    for table in tables:
        declared = TABLE_CHANGES.get(table)
        if declared is None:
            log.warning("Table %s has no change kinds declared; telling every screen", table)
            return ALL_CHANGES
        kinds |= declared
    return frozenset(kinds)


@dataclass(frozen=True)
class ChangeSet:
    """What one commit (or several, merged) changed; ``local`` is False for another PC's.

    ``serial`` numbers the changes of one bus (a merged set carries the latest), so a
    screen that reloaded after change ``n`` can skip what it has already seen."""

    kinds: frozenset[Change]
    tables: frozenset[str] = frozenset()
    local: bool = True
    serial: int = 0

    def touches(self, kinds: Iterable[Change]) -> bool:
        return not self.kinds.isdisjoint(kinds)

    def merged(self, other: ChangeSet) -> ChangeSet:
        return ChangeSet(
            self.kinds | other.kinds,
            self.tables | other.tables,
            self.local and other.local,
            max(self.serial, other.serial),
        )

    @classmethod
    def everything(cls, *, local: bool = False) -> ChangeSet:
        """Something changed, not known what (another PC wrote): every kind."""
        return cls(ALL_CHANGES, local=local)


Subscriber = Callable[[ChangeSet], None]


class ChangeBus:
    """Subscribers of one database's changes; safe to publish from any thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._subscribers: list[Subscriber] = []
        self._serial = 0

    @property
    def serial(self) -> int:
        """The serial of the latest change published (0 before the first)."""
        return self._serial

    def subscribe(self, subscriber: Subscriber) -> Callable[[], None]:
        """Call ``subscriber(change_set)`` after each change; returns the way to stop."""
        with self._lock:
            self._subscribers.append(subscriber)

        def unsubscribe() -> None:
            with self._lock:
                if subscriber in self._subscribers:
                    self._subscribers.remove(subscriber)

        return unsubscribe

    def publish(self, change: ChangeSet) -> None:
        """Tell every subscriber; one that fails is logged and the others still hear."""
        if not change.kinds:
            return
        with self._lock:
            self._serial += 1
            change = replace(change, serial=self._serial)
            subscribers = list(self._subscribers)
        for subscriber in subscribers:
            try:
                subscriber(change)
            except Exception:  # noqa: BLE001 - the change is committed whatever a screen does
                log.exception("A change subscriber failed")

    def publish_tables(self, tables: Iterable[str], *, local: bool = True) -> ChangeSet:
        """Publish what writing ``tables`` changed; returns the change set."""
        names = frozenset(tables)
        change = ChangeSet(changes_of(names), names, local)
        self.publish(change)
        return change


_buses: dict[int, ChangeBus] = {}
_buses_lock = threading.Lock()


def bus_for(db: Database | None) -> ChangeBus:
    """The change bus of ``db`` (one per open database, gone with it).  Services built
    without a database (introspection in tests) get a bus of their own."""
    if db is None:
        return ChangeBus()
    key = id(db)
    with _buses_lock:
        bus = _buses.get(key)
        if bus is None:
            bus = _buses[key] = ChangeBus()
            weakref.finalize(db, _forget, key)
        return bus


def _forget(key: int) -> None:
    with _buses_lock:
        _buses.pop(key, None)


def _committed(db: Database, tables: frozenset[str]) -> None:
    bus_for(db).publish_tables(tables)


core_work.add_commit_listener(_committed)
