"""Shop-wide settings (one table) and the dialect's INSERT … ON CONFLICT.

Apart from :mod:`retailerp.persistence.repositories` so that the start (on SQLAlchemy Core,
:mod:`retailerp.persistence.core_work`) reads and writes settings without importing every
repository, the stock queries and their domain modules."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import case, func, select

from retailerp.persistence import audit_trail
from retailerp.persistence import tables as t

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def dialect_insert(dialect: str) -> Any:
    """``insert`` with ON CONFLICT for ``dialect``: the PostgreSQL one is imported only on
    PostgreSQL (its package loads five drivers, ~0.09 s of a start on SQLite)."""
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as on_postgresql

        return on_postgresql
    from sqlalchemy.dialects.sqlite import insert as on_sqlite

    return on_sqlite


def upsert(session: Session, table, values: dict, keys: Sequence[str], set_: dict):  # noqa: ANN001, ANN201
    """INSERT … ON CONFLICT DO UPDATE for the dialect in use."""
    dialect = audit_trail.engine_of(session).dialect.name  # a session or a Core connection
    stmt = dialect_insert(dialect)(table).values(**values)
    return stmt.on_conflict_do_update(index_elements=list(keys), set_=set_)


SMALL_SETTING = 4096
"""Settings up to this many characters are read together; longer ones (the logo) on demand."""


_SHORT_SETTINGS = select(
    t.settings.c.key,
    case((func.length(t.settings.c.value) <= SMALL_SETTING, t.settings.c.value), else_=None),
)
"""Every setting, the long values (the logo) left out: built once."""


class SettingsRepository:
    """Shop-wide settings kept in the database (every PC sees the same).

    The first :meth:`get` of a unit of work reads every short setting in one statement and
    keeps them for the rest of that transaction (one settings read per transaction, however
    many rules ask); :meth:`set` keeps the kept copy in step.  A long value (the logo) is read
    only when asked for.
    """

    @classmethod
    def _shown(cls, value: str | None) -> str | None:
        if value is not None and len(value) > cls.LONG:
            digest = hashlib.sha256(value.encode()).hexdigest()[:12]
            return f"({len(value)} characters, sha256 {digest}…)"
        return value

    LONG = 4000
    """A value longer than this is named by its length in :meth:`changes` (a logo, a policy)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._changed: dict[str, dict[str, str | None]] = {}
        self._known: dict[str, str | None] | None = None
        """Key → value of the short settings; ``None`` for a long value not read yet."""

    def get(self, key: str, default: str = "") -> str:
        known = self._load()
        if key not in known:
            return default
        value = known[key]
        if value is None:
            s = t.settings
            value = self.session.scalar(select(s.c.value).where(s.c.key == key))
            if value is None:
                return default
            known[key] = value
        return value

    def _load(self) -> dict[str, str | None]:
        if self._known is None:
            self._known = dict(self.session.execute(_SHORT_SETTINGS).all())
        return self._known

    def _stored(self, key: str) -> str | None:
        """The value stored now (for the audit's before), from the kept copy where it has it."""
        known = self._load()
        if key not in known:
            return None
        if known[key] is None:  # a long value not read yet: its size and hash are shown
            return self.get(key) or None
        return known[key]

    def changes(self) -> dict[str, dict[str, str | None]]:
        """``{key: {"before": …, "after": …}}`` of the rows this transaction changed, for the
        audit entry (long values shown as their length)."""
        return {key: dict(change) for key, change in self._changed.items()}

    def set(self, key: str, value: str) -> None:
        stored = self._stored(key)
        first = self._changed.get(key, {}).get("before", self._shown(stored))
        if stored is None or stored != value or key in self._changed:
            self._changed[key] = {"before": first, "after": self._shown(value)}
            if self._changed[key]["before"] == self._changed[key]["after"]:
                del self._changed[key]
        self.session.execute(
            upsert(
                self.session, t.settings, {"key": key, "value": value}, ("key",), {"value": value}
            )
        )
        if self._known is not None:
            self._known[key] = value
