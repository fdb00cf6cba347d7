"""Loading documents with their lines in one statement.

A document's lines are mapped ``lazy="selectin"``: loading documents also loads their lines
in one more query, and SQLAlchemy sends that query even when every document the query
returns is already in the session with its lines (it then throws the rows away); a posting
step meets the same order, delivery or invoice several times in one transaction.
:func:`documents` loads the documents and their lines together (a joined eager load: one
statement); a document already in the session keeps the lines it has.  :func:`document`
loads one by id, from the session when it is there already (as ``Session.get``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any, TypeVar

from sqlalchemy import Select, bindparam, inspect, select
from sqlalchemy.orm import RelationshipProperty, Session, joinedload

T = TypeVar("T")


@functools.cache
def _eager_lines(cls: type) -> tuple[RelationshipProperty[Any], ...]:
    """The collections of ``cls`` loaded with it (``selectin``), at most one per class here."""
    return tuple(
        prop
        for prop in inspect(cls).relationships
        if prop.lazy == "selectin" and prop.uselist and len(prop.local_remote_pairs) == 1
    )


def with_lines(stmt: Select[tuple[T]], cls: type[T]) -> Select[tuple[T]]:
    """``stmt`` loading the line collections of ``cls`` in the same statement."""
    for prop in _eager_lines(cls):
        stmt = stmt.options(joinedload(getattr(cls, prop.key)))
    return stmt


def documents(session: Session, stmt: Select[tuple[T]], cls: type[T]) -> list[T]:
    """The documents ``stmt`` selects, their lines loaded with them in one statement."""
    return list(session.scalars(with_lines(stmt, cls)).unique())


def loaded(session: Session, stmt: Select[tuple[T]], params: dict[str, Any]) -> list[T]:
    """The documents a statement built once by :func:`with_lines` selects, with ``params``."""
    return list(session.scalars(stmt, params).unique())


@functools.cache
def _by_id(cls: type) -> Select[Any]:
    """Built once per class: one document by id, with its lines."""
    table = inspect(cls).local_table
    return with_lines(select(cls).where(table.c.id == bindparam("id")), cls)


def document(session: Session, cls: type[T], document_id: int) -> T | None:
    """The document with this id and its lines: the session's copy if it has one (no
    statement), else one statement."""
    found = session.identity_map.get(session.identity_key(cls, document_id))
    if found is not None:
        state = inspect(found)
        if state.expired or state.deleted or found in session.deleted:
            return session.get(cls, document_id)
        return found  # type: ignore[no-any-return]
    return session.scalars(_by_id(cls), {"id": document_id}).unique().first()


@functools.cache
def _by_ids(cls: type) -> Select[Any]:
    """Built once per class: documents by ids, with their lines, in id order."""
    table = inspect(cls).local_table
    ids = bindparam("ids", expanding=True)
    return with_lines(select(cls).where(table.c.id.in_(ids)).order_by(table.c.id), cls)


def by_ids(session: Session, cls: type[T], ids: Iterable[int]) -> list[T]:
    """The documents with these ids and their lines, in id order: those the session holds
    (current, not expired or deleted) without a statement, the rest in one statement."""
    found: dict[int, T] = {}
    missing = []
    for document_id in sorted(set(ids)):
        held = session.identity_map.get(session.identity_key(cls, document_id))
        state = inspect(held) if held is not None else None
        if state is None or state.expired or state.deleted or held in session.deleted:
            missing.append(document_id)
        else:
            found[document_id] = held  # type: ignore[assignment]
    if missing:
        for loaded_ in session.scalars(_by_ids(cls), {"ids": missing}).unique():
            found[loaded_.id] = loaded_  # type: ignore[attr-defined]
    return [found[i] for i in sorted(found)]
