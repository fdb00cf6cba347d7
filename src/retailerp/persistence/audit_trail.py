"""Writing and reading the sealed audit trail.

:func:`append` is the one way entries reach ``audit_log``: it locks the chain's head (SQLite's
``BEGIN IMMEDIATE`` already serialises writers; PostgreSQL takes the head row ``FOR UPDATE``),
gives each entry the next id, seals it with the head's hash and moves the head, all inside
the transaction of the change the entries describe.  The unit of work calls it just before
the commit, so the head is locked for the shortest time and always last (no lock cycles).
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, bindparam, func, select

from retailerp.domain.audit import GENESIS, Entry, Head, seal
from retailerp.persistence import tables as t

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

CHUNK = 2000
"""Entries read at a time while verifying."""


@dataclass(frozen=True)
class Pending:
    """An entry asked for during the work, written at the commit."""

    at: datetime
    username: str
    pc: str
    action: str
    entity: str
    entity_id: str
    document: str
    detail: str


def append(
    session: Session | Connection, pending: Sequence[Pending], *, sealed: bool = True
) -> Head:
    """Seal and insert ``pending`` after the chain's head; returns the new head.  ``session``
    is the transaction's ORM session or Core connection (the start's login runs on Core).

    ``sealed=False``: the schema is older than the seal (a command run before the upgrade);
    the entries are written as that schema holds them and sealed by the upgrade."""
    if not sealed:
        for entry in pending:
            session.execute(
                t.audit_log.insert().values(
                    at=entry.at,
                    username=entry.username,
                    action=entry.action,
                    entity=entry.entity,
                    entity_id=entry.entity_id,
                    detail=entry.detail,
                )  # fmt: skip
            )
        return Head()
    bind = engine_of(session)
    known = _heads.get(bind)
    if known is not None:
        rows, head = _sealed_rows(pending, known)
        moved = session.execute(
            _EXTEND_HEAD,
            {
                "was_id": known.last_id,
                "was_hash": known.last_hash,
                "new_id": head.last_id,
                "new_hash": head.last_hash,
            },
        )
        if moved.rowcount != 1:  # another PC (or a rolled-back write) moved it: read it
            known = None
    if known is None:
        rows, head = _sealed_rows(pending, read_head(session, lock=True))
        session.execute(_MOVE_HEAD, {"new_id": head.last_id, "new_hash": head.last_hash})
    session.execute(_INSERT_ENTRY, rows)
    _heads[bind] = head
    return head


_c = t.audit_chain.c
_NEW_HEAD = {"last_id": bindparam("new_id"), "last_hash": bindparam("new_hash")}
_EXTEND_HEAD = (
    t.audit_chain.update()
    .where(_c.id == 1, _c.last_id == bindparam("was_id"), _c.last_hash == bindparam("was_hash"))
    .values(_NEW_HEAD)
)
"""Built once, as every statement of a commit: move the head from the one we know."""
_MOVE_HEAD = t.audit_chain.update().where(_c.id == 1).values(_NEW_HEAD)
_INSERT_ENTRY = t.audit_log.insert()


_heads: weakref.WeakKeyDictionary[Any, Head] = weakref.WeakKeyDictionary()
"""The head this program last moved the chain to, per engine: the next append extends it
with one conditional UPDATE (``WHERE last_id = … AND last_hash = …``) instead of reading it
first; when the UPDATE finds another head (another PC appended, or the write that moved it
rolled back) the head is read, locked, as before."""


def _sealed_rows(pending: Sequence[Pending], head: Head) -> tuple[list[dict[str, Any]], Head]:
    last_id, last_hash = head.last_id, head.last_hash
    rows = []
    for entry in pending:
        last_id += 1
        sealed = Entry(
            last_id, entry.at, entry.username, entry.pc, entry.action, entry.entity,
            entry.entity_id, entry.document, entry.detail,
        )  # fmt: skip
        row_hash = seal(sealed, last_hash)
        rows.append(
            {
                "id": last_id,
                "at": entry.at,
                "username": entry.username,
                "pc": entry.pc,
                "action": entry.action,
                "entity": entry.entity,
                "entity_id": entry.entity_id,
                "document": entry.document,
                "detail": entry.detail,
                "prev_hash": last_hash,
                "row_hash": row_hash,
            }
        )
        last_hash = row_hash
    return rows, Head(last_id, last_hash)


def engine_of(session: Session | Connection) -> Any:
    """The engine a session or a connection runs on (the key of :data:`_heads`)."""
    return session.engine if isinstance(session, Connection) else session.get_bind()


def read_head(session: Session | Connection, *, lock: bool = False) -> Head:
    """The chain's head (made if a database lacks it); ``lock`` holds it to the commit."""
    query = select(t.audit_chain.c.last_id, t.audit_chain.c.last_hash).where(
        t.audit_chain.c.id == 1
    )
    if lock and engine_of(session).dialect.name == "postgresql":
        query = query.with_for_update()
    row = session.execute(query).first()
    if row is None:
        if not lock:
            return Head()
        session.execute(t.audit_chain.insert().values(id=1, last_id=0, last_hash=GENESIS))
        return Head()
    return Head(int(row.last_id), str(row.last_hash))


def chunk(session: Session | Connection, after_id: int) -> tuple[list[Entry], Head]:
    """Up to :data:`CHUNK` entries after ``after_id`` in id order, and the head as the same
    read sees it (a walk in short reads checks its end against the last read's head).

    Run it in a snapshot read (``core_work.read(…, snapshot=True)``): on PostgreSQL's
    default level the head, read by a second statement, could already count an entry
    another PC committed after the entries were read."""
    a = t.audit_log
    rows = session.execute(select(a).where(a.c.id > after_id).order_by(a.c.id).limit(CHUNK))
    return [entry_of(row) for row in rows], read_head(session)


def entry_of(row: object) -> Entry:
    m = row._mapping  # type: ignore[attr-defined]
    return Entry(
        int(m["id"]), m["at"], m["username"], m["pc"], m["action"], m["entity"],
        m["entity_id"], m["document"], m["detail"] or "", m["prev_hash"], m["row_hash"],
    )  # fmt: skip


def entry(session: Session, entry_id: int) -> Entry | None:
    row = session.execute(select(t.audit_log).where(t.audit_log.c.id == entry_id)).first()
    return entry_of(row) if row is not None else None


def locate(session: Session, row_hash: str) -> int | None:
    """The id of the entry sealed with ``row_hash`` (only asked where the chain breaks)."""
    found = session.execute(
        select(t.audit_log.c.id).where(t.audit_log.c.row_hash == row_hash).limit(1)
    ).scalar()
    return int(found) if found is not None else None


def count(session: Session) -> int:
    return int(session.execute(select(func.count()).select_from(t.audit_log)).scalar() or 0)
