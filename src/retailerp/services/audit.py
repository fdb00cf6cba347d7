"""The audit trail: the list, the check of its seal, the export.

Entries are written by the services themselves (``uow.audit`` in the change's own
transaction, sealed at the commit by ``persistence.audit_trail``); this service only reads.
Reading the trail and checking it are the owner's (``Permission.ADMINISTER``).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from retailerp.config import config_dir
from retailerp.domain.audit import (
    Checkpoint,
    Entry,
    Head,
    Verification,
    checkpoint_lost,
    seal,
    verify,
)
from retailerp.persistence import audit_trail
from retailerp.persistence.audit_queries import AuditRow, action_groups, audit_page, users
from retailerp.persistence.core_work import read
from retailerp.persistence.engine import Database
from retailerp.persistence.paging import PAGE_LIMIT_MAX, Page
from retailerp.services.context import ServiceContext
from retailerp.services.door import door

if TYPE_CHECKING:  # the export route is imported when the trail is exported
    from retailerp.printing.export import Cell

log = logging.getLogger(__name__)

QUICK_CHECK_ABOVE = 20_000
"""Above this many entries the window's start-up check goes on from its last checkpoint."""

EXPORT_COLUMNS = ("id", "at", "username", "pc", "action", "entity", "entity_id", "document",
                  "detail", "row_hash")  # fmt: skip


@dataclass(frozen=True)
class AuditFilters:
    """What the list's filters offer: the users and the kinds of action in the trail."""

    users: list[str]
    action_groups: list[str]


class AuditService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @door
    def page(self, page: Page) -> list[AuditRow]:
        """Newest first by default (sort ``id`` descending); see ``audit_page`` for filters."""
        return read(self.ctx.db, lambda uow: audit_page(uow.session, page))

    @door
    def filters(self) -> AuditFilters:
        return read(
            self.ctx.db,
            lambda uow: AuditFilters(users(uow.session), action_groups(uow.session)),
        )

    @door
    def verify(self, since: Checkpoint | None = None) -> Verification:
        """Check every entry's seal, the links between them and the head.

        ``since``: an entry verified before (kept on this PC); the check then starts after
        it, having made sure it is still there as it was."""
        return _verify(self.ctx.db, since)

    @door
    def verify_at_start(self, since: Checkpoint | None = None) -> Verification:
        """The window's check for the owner: everything for a small trail, else from
        ``since`` (when this PC verified before)."""

        count = read(self.ctx.db, lambda uow: audit_trail.count(uow.session))
        quick = since is not None and count > QUICK_CHECK_ABOVE
        return _verify(self.ctx.db, since if quick else None)

    @door
    def export(self, target: Path, filters: Mapping[str, Any] | None = None) -> int:
        """Write the entries the filters select (oldest first) to ``target`` through the
        export route of ``printing.export``: Excel for a ``.xlsx`` file, else CSV (UTF-8 with
        BOM, so spreadsheet programs keep Chinese); returns how many entries."""
        from retailerp.printing.export import Table, to_csv, to_xlsx

        chosen = dict(filters or {})
        rows: list[list[Cell]] = []
        page = Page(filters=chosen, sort_key="id", limit=PAGE_LIMIT_MAX)
        while True:
            batch = read(self.ctx.db, lambda uow, p=page: audit_page(uow.session, p))
            rows.extend(_export_row(row) for row in batch)
            if len(batch) < page.limit:
                break
            page = replace(page, after=batch[-1].cursor)
        about = [("database", self.ctx.db.label)]
        about += [(key, str(value)) for key, value in sorted(chosen.items())]
        made = Table("Audit trail", about, EXPORT_COLUMNS, rows)
        data = to_xlsx(made) if target.suffix.lower() == ".xlsx" else to_csv(made)
        target.write_bytes(data)
        return len(rows)


def _export_row(row: AuditRow) -> list[Cell]:
    at = row.at.astimezone().isoformat(timespec="seconds")
    return [str(row.id), at, row.username, row.pc, row.action, row.entity, row.entity_id,
            row.document, row.detail, row.row_hash]  # fmt: skip


def _verify(db: Database, since: Checkpoint | None) -> Verification:
    """The walk along the chain, in short reads of :data:`~retailerp.persistence.
    audit_trail.CHUNK` entries each: the entries are hashed between the reads, so a long
    check never holds the file (in the shared-file journal another PC's save waits for
    every open read).  The trail only grows; the end is checked against the head the last
    read saw."""
    walk = _ShortReads(db)
    if since is not None:
        stored = read(db, lambda uow: audit_trail.entry(uow.session, since.id))
        if (
            stored is None
            or stored.row_hash != since.row_hash
            or (seal(stored, stored.prev_hash) != stored.row_hash)
        ):
            result = Verification(findings=[checkpoint_lost(since)])
            start = Checkpoint(since.id, stored.row_hash) if stored is not None else since
            rest = verify(walk.entries(since.id), walk.head, start=start, locate=walk.locate)
            result.checked = rest.checked
            result.findings.extend(rest.findings)
            return result
    return verify(walk.entries(since.id if since else 0), walk.head, start=since,
                  locate=walk.locate)  # fmt: skip


class _ShortReads:
    """The trail read a chunk per transaction, remembering the head the last read saw."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.last_head = Head()

    def entries(self, after_id: int) -> Iterator[Entry]:
        while True:
            rows, self.last_head = read(
                self.db,
                lambda uow, after=after_id: audit_trail.chunk(uow.session, after),
                snapshot=True,
            )
            yield from rows
            if len(rows) < audit_trail.CHUNK:
                return
            after_id = rows[-1].id

    def head(self) -> Head:
        return self.last_head

    def locate(self, row_hash: str) -> int | None:
        return read(self.db, lambda uow: audit_trail.locate(uow.session, row_hash))


# --- this PC's checkpoint -------------------------------------------------------------------


def checkpoint_file() -> Path:
    return config_dir() / "audit_checkpoints.json"


def load_checkpoint(database: str) -> Checkpoint | None:
    """The last entry this PC verified in ``database`` (its label), if any."""
    try:
        known = json.loads(checkpoint_file().read_text(encoding="utf-8"))
        entry = known[database]
        return Checkpoint(int(entry["id"]), str(entry["hash"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def save_checkpoint(database: str, checkpoint: Checkpoint | None) -> None:
    if checkpoint is None:
        return
    path = checkpoint_file()
    try:
        known = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        if not isinstance(known, dict):
            known = {}
        known[database] = {"id": checkpoint.id, "hash": checkpoint.row_hash}
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(known, indent=1), encoding="utf-8")
    except (OSError, ValueError):
        log.warning("Could not keep the audit checkpoint in %s", path, exc_info=True)
