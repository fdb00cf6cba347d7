"""What every service needs: the database, who is acting, and today's date."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from retailerp.domain.errors import NotFoundError, StaleRecordError
from retailerp.domain.security import Actor
from retailerp.domain.text import QT_TRANSLATE_NOOP
from retailerp.persistence.engine import Database


@dataclass
class ServiceContext:
    db: Database
    actor: Actor = field(default_factory=lambda: Actor("owner"))
    today: Callable[[], date] = date.today


def check_version(record: object, expected: int | None, what: str) -> None:
    """Refuse to save over a change someone else made after ``expected`` was read."""
    if expected is None or getattr(record, "version", None) == expected:
        return
    changed_at: datetime | None = getattr(record, "updated_at", None)
    raise StaleRecordError(
        what,
        getattr(record, "updated_by", "") or "?",
        changed_at.astimezone().strftime("%Y-%m-%d %H:%M:%S") if changed_at else "?",
    )


def not_found(what: str, key: object) -> NotFoundError:
    return NotFoundError(
        QT_TRANSLATE_NOOP("errors", "{what} {key} does not exist (any more)."), what=what, key=key
    )
