"""Helpers for the integration tests: services on a fixed day, counting rows, the audit trail."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Table, func, select

from retailerp.domain.security import Actor, Role
from retailerp.persistence import tables as t
from retailerp.persistence.engine import Database
from retailerp.persistence.unit_of_work import read
from retailerp.services import Services

TODAY = date(2026, 3, 16)
"""The day the integration tests run on (the review period began on 1 February 2026)."""


OWNER = Actor("owner", Role.OWNER)
"""The acting owner of tests that do not care who acts."""


def as_owner(db: Database, **kwargs: object) -> Services:
    """Every service over ``db`` for :data:`OWNER` (or the ``actor`` given)."""
    kwargs.setdefault("actor", OWNER)
    return Services.over(db, **kwargs)


def services_for(
    db: Database, user: str = "owner", role: Role = Role.OWNER, today: date = TODAY
) -> Services:
    """Every service over ``db`` for ``user`` with ``role``, on ``today``."""
    return Services.over(db, actor=Actor(user, role), today=lambda: today)


def row_count(db: Database, table: Table) -> int:
    return read(db, lambda uow: uow.session.scalar(select(func.count()).select_from(table)))


def audit_entries(db: Database, entity_id: object | None = None) -> list[tuple[str, str, str]]:
    """(user, action, entity id) of the audit trail, oldest first."""
    a = t.audit_log
    stmt = select(a.c.username, a.c.action, a.c.entity_id).order_by(a.c.id)
    if entity_id is not None:
        stmt = stmt.where(a.c.entity_id == str(entity_id))
    return read(db, lambda uow: [tuple(r) for r in uow.session.execute(stmt)])


def location_id(db: Database, code: str) -> int:
    return read(db, lambda uow: uow.locations.require(code).id)
