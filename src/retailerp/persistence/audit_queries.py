"""The read side of the audit trail: the keyset-paged list and its filters."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, or_, select

from retailerp.persistence import tables as t
from retailerp.persistence.queries import Page, keyset, like_pattern

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

A = t.audit_log


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    username: str
    pc: str
    action: str
    entity: str
    entity_id: str
    document: str
    detail: str
    row_hash: str
    cursor: tuple


AUDIT_SORTS: dict[str, ColumnElement] = {"id": A.c.id, "at": A.c.id}
"""Entries are in the order they were written (their ids); the time follows it."""


def local_day_start(day: date) -> datetime:
    """The start of ``day`` in this PC's time zone, as an aware time."""
    return datetime.combine(day, time()).astimezone()


def audit_page(session: Session, page: Page) -> list[AuditRow]:
    """Filters: ``username``, ``document`` (part of the number), ``action`` (exact, or a
    prefix ending in ``.`` such as ``order.``), ``date_from`` / ``date_to`` (this PC's days)."""
    filters = page.filters or {}
    sort_col = AUDIT_SORTS.get(page.sort_key, A.c.id)
    stmt = select(A, sort_col.label("sort_value"))
    for clause in _clauses(filters, page.search):
        stmt = stmt.where(clause)
    rows = session.execute(keyset(stmt, sort_col, [A.c.id], page))
    return [
        AuditRow(
            r.id,
            r.at,
            r.username,
            r.pc,
            r.action,
            r.entity,
            r.entity_id,
            r.document,
            r.detail or "",
            r.row_hash,
            (r.sort_value, r.id),
        )  # fmt: skip
        for r in rows
    ]


def _clauses(filters: dict[str, Any] | Any, search: str) -> list[ColumnElement[bool]]:
    clauses: list[ColumnElement[bool]] = []
    if filters.get("username"):
        clauses.append(A.c.username == str(filters["username"]))
    if filters.get("document"):
        pattern = like_pattern(str(filters["document"]).strip())
        clauses.append(
            or_(A.c.document.ilike(pattern, escape="\\"), A.c.entity_id.ilike(pattern, escape="\\"))
        )
    action = str(filters.get("action") or "")
    if action.endswith("."):
        clauses.append(A.c.action.like(like_pattern(action)[1:], escape="\\"))
    elif action:
        clauses.append(A.c.action == action)
    if filters.get("date_from"):
        clauses.append(A.c.at >= local_day_start(_day(filters["date_from"])))
    if filters.get("date_to"):
        clauses.append(A.c.at < local_day_start(_day(filters["date_to"]) + timedelta(days=1)))
    if search.strip():
        pattern = like_pattern(search.strip())
        clauses.append(
            or_(
                *(
                    column.ilike(pattern, escape="\\")
                    for column in (
                        A.c.action,
                        A.c.document,
                        A.c.entity_id,
                        A.c.username,
                        A.c.pc,
                        A.c.detail,
                    )
                )
            )
        )
    return clauses


def _day(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def users(session: Session) -> list[str]:
    """Every user name the trail names, for the filter."""
    stmt = select(A.c.username).distinct().order_by(A.c.username)
    return [str(u) for u in session.execute(stmt).scalars()]


def action_groups(session: Session) -> list[str]:
    """The kinds of action (``order``, ``customer`` …) the trail holds, for the filter."""
    actions = session.execute(select(A.c.action).distinct()).scalars()
    return sorted({str(a).split(".", 1)[0] for a in actions})
