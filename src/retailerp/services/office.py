"""The shared office: this program's session, who else is connected, records open for
editing elsewhere, and other PCs' changes published on the change bus.

The window drives it with timers (a heartbeat every :data:`HEARTBEAT_SECONDS`, a poll for
other PCs' changes every :data:`POLL_SECONDS`); each call here is one short transaction.
Being connected needs no permission: every user has a session.
"""

from __future__ import annotations

import logging
import uuid
from datetime import datetime

from retailerp.domain import validation as v
from retailerp.persistence import office
from retailerp.persistence.core_work import CoreWork, read, write
from retailerp.persistence.office import Claim, Presence, RemoteWatcher
from retailerp.services.changes import ChangeSet, bus_for
from retailerp.services.context import ServiceContext
from retailerp.services.door import door

log = logging.getLogger(__name__)

HEARTBEAT_SECONDS = 30
POLL_SECONDS = 1.5


class OfficeService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.session_id = uuid.uuid4().hex
        self._open = False
        self._watcher: RemoteWatcher | None = None
        self._connected: list[Presence] = []

    @property
    def pc(self) -> str:
        return self.ctx.db.pc

    def _now(self) -> datetime:
        return self.ctx.clock()

    # --- the session ---------------------------------------------------------------------

    @door
    def open(self) -> list[Presence]:
        """Register this program (PC, user, now); returns who is connected.  The database
        names the user from now on (PostgreSQL's ``application_name``: whom others wait for)."""
        self.ctx.db.user = self.ctx.actor.username

        def work(uow: CoreWork) -> list[Presence]:
            at = self._now()
            office.heartbeat(uow.session, self.session_id, at)  # clears the stale ones
            office.register(uow.session, self.session_id, self.pc, self.ctx.actor.username, at)
            return office.connected(uow.session, at)

        self._connected = write(self.ctx.db, work)
        self._open = True
        return self._connected

    @door
    def heartbeat(self) -> list[Presence]:
        """Say this program is still here, remove sessions gone quiet; who is connected."""
        if not self._open:
            return self.open()

        def work(uow: CoreWork) -> list[Presence]:
            at = self._now()
            if not office.heartbeat(uow.session, self.session_id, at):
                office.register(
                    uow.session, self.session_id, self.pc, self.ctx.actor.username, at
                )  # we were taken for gone (the PC slept): back again
            return office.connected(uow.session, at)

        self._connected = write(self.ctx.db, work)
        return self._connected

    @door
    def close(self) -> None:
        """This program ends: its session and edit claims go."""
        if self._watcher is not None:
            self._watcher.close()
            self._watcher = None
        if not self._open:
            return
        self._open = False
        write(self.ctx.db, lambda uow: office.end(uow.session, self.session_id))

    @door
    def connected(self) -> list[Presence]:
        """Who is connected now (read, no heartbeat)."""
        return read(self.ctx.db, lambda uow: office.connected(uow.session, self._now()))

    @door
    def last_known(self) -> list[Presence]:
        """Who was connected at the last heartbeat (no database call)."""
        return list(self._connected)

    @door
    def others(self) -> list[Presence]:
        """The other programs connected at the last heartbeat."""
        return [p for p in self._connected if p.session_id != self.session_id]

    # --- records open for editing ----------------------------------------------------------

    @door
    def claim(self, entity: str, entity_id: str) -> list[Claim]:
        """Note that this program has the record open for editing; returns who else has."""
        entity, entity_id = _record_key(entity, entity_id)

        def work(uow: CoreWork) -> list[Claim]:
            at = self._now()
            if not self._open:
                office.register(uow.session, self.session_id, self.pc, self.ctx.actor.username, at)
                self._open = True
            office.claim(uow.session, self.session_id, entity, entity_id, at)
            return office.claims_on(uow.session, entity, entity_id, at, besides=self.session_id)

        return write(self.ctx.db, work)

    @door
    def release(self, entity: str, entity_id: str) -> None:
        entity, entity_id = _record_key(entity, entity_id)
        if self._open:
            write(
                self.ctx.db,
                lambda uow: office.release(uow.session, self.session_id, entity, entity_id),
            )

    @door
    def claims_on(self, entity: str, entity_id: str) -> list[Claim]:
        """Who else (another live session) has the record open for editing."""
        entity, entity_id = _record_key(entity, entity_id)
        return read(
            self.ctx.db,
            lambda uow: office.claims_on(
                uow.session, entity, entity_id, self._now(), besides=self.session_id
            ),
        )

    # --- other PCs' changes ------------------------------------------------------------------

    @door
    def poll_remote(self) -> ChangeSet | None:
        """Publish what other programs changed since the last poll (``local=False``) on the
        change bus; returns it, or ``None`` when nothing changed."""
        if self._watcher is None:
            self._watcher = RemoteWatcher(self.ctx.db)
            try:
                self._watcher.start()
            except Exception:  # noqa: BLE001 - tried again at the next poll
                log.warning("Cannot watch for other PCs' changes yet", exc_info=True)
                self._watcher = None
                return None
            return None
        tables = self._watcher.poll()
        if not tables:
            return None
        return bus_for(self.ctx.db).publish_tables(tables, local=False)


def _record_key(entity: str, entity_id: str) -> tuple[str, str]:
    """A record's kind and id as the claims store them (each at most 40 characters)."""
    return v.required_text(entity, "entity", 40), v.required_text(entity_id, "entity_id", 40)
