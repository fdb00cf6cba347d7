"""Loading documents with their lines without asking again for lines already loaded.

A document's lines are mapped ``lazy="selectin"``: loading documents also loads their lines
in one more query.  But SQLAlchemy sends that query even when every document the query
returns is already in the session with its lines (it then throws the rows away), and a
posting step meets the same order, delivery or invoice several times in one transaction.
:func:`documents` loads the documents without the eager line load, then loads the lines
only of those that do not have them yet, in one query, as the ``selectin`` load would.
"""

from __future__ import annotations

import functools
from typing import Any, TypeVar

from sqlalchemy import Select, inspect, select
from sqlalchemy.orm import RelationshipProperty, Session, lazyload
from sqlalchemy.orm.attributes import set_committed_value

T = TypeVar("T")


@functools.cache
def _eager_lines(cls: type) -> tuple[RelationshipProperty[Any], ...]:
    """The collections of ``cls`` loaded with it (``selectin``), at most one per class here."""
    return tuple(
        prop
        for prop in inspect(cls).relationships
        if prop.lazy == "selectin" and prop.uselist and len(prop.local_remote_pairs) == 1
    )


def documents(session: Session, stmt: Select[tuple[T]], cls: type[T]) -> list[T]:
    """The documents ``stmt`` selects, their lines loaded (once per session)."""
    props = _eager_lines(cls)
    for prop in props:
        stmt = stmt.options(lazyload(getattr(cls, prop.key)))
    found = list(session.scalars(stmt))
    for prop in props:
        missing = [doc for doc in found if prop.key not in inspect(doc).dict]
        if missing:
            _load_lines(session, prop, missing)
    return found


def _load_lines(session: Session, prop: RelationshipProperty[Any], docs: list[Any]) -> None:
    (parent_col, child_col) = prop.local_remote_pairs[0]
    key = inspect(docs[0]).mapper.get_property_by_column(parent_col).key
    owners = {getattr(doc, key): doc for doc in docs}
    line_cls = prop.mapper.class_
    order = prop.order_by or ()
    stmt = select(line_cls, child_col).where(child_col.in_(sorted(owners))).order_by(*order)
    lines: dict[Any, list[Any]] = {owner: [] for owner in owners}
    for line, owner in session.execute(stmt):
        lines[owner].append(line)
    for owner, doc in owners.items():
        set_committed_value(doc, prop.key, lines[owner])
