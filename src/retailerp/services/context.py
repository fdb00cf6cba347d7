"""What every service needs: the database, who is acting, and today's date."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from retailerp.domain.errors import FieldError, NotFoundError, StaleRecordError, ValidationError
from retailerp.domain.security import Actor
from retailerp.domain.text import QT_TRANSLATE_NOOP
from retailerp.persistence.engine import Database


@dataclass
class ServiceContext:
    db: Database
    actor: Actor
    """Who acts: the user who logged in (there is no default; before the login it is
    ``security.NOBODY``, who may only call what anyone may)."""
    today: Callable[[], date] = date.today
    clock: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))
    """The time now (aware); tests give a clock they move by hand."""


def check_version(record: object, expected: int | None, what: str, key: str) -> None:
    """Refuse to save over a change someone else made after ``expected`` was read."""
    if expected is None or getattr(record, "version", None) == expected:
        return
    changed_at: datetime | None = getattr(record, "updated_at", None)
    raise StaleRecordError(
        what,
        key,
        getattr(record, "updated_by", "") or "?",
        changed_at.astimezone().strftime("%Y-%m-%d %H:%M:%S") if changed_at else "?",
    )


def not_found(what: str, key: object) -> NotFoundError:
    return NotFoundError(
        QT_TRANSLATE_NOOP("errors", "{what} {key} does not exist (any more)."), what=what, key=key
    )


def for_row(n: int, error: ValidationError) -> ValidationError:
    """The same errors named ``rows.<n>.<field>``, for imports of many rows."""
    return ValidationError(
        FieldError(f"rows.{n}.{e.field}", e.template, **e.params) for e in error.errors
    )


def validate_row(
    n: int, validate: Callable[[Mapping[str, Any]], dict[str, Any]], row: Mapping[str, Any]
) -> dict[str, Any]:
    """Validate one imported row; its errors name the row."""
    try:
        return validate(row)
    except ValidationError as error:
        raise for_row(n, error) from None
