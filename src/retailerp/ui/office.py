"""The shared office in the window: who is connected, other PCs' changes, waiting for a PC,
the network-share notice and the audit trail's check at start.

:class:`OfficeMonitor` drives ``services.office`` with two timers (the SQL is the service's):
a heartbeat every 30 s that also says who is connected ("3 connected" in the status bar, the
tooltip lists PC, user and since when), and a poll every 1.5 s for another PC's changes, which
the service publishes on the change bus (``local=False``) so open lists and documents reload.
A write that waits for another PC's lock says "waiting for PC-2…" in the status bar and
keeps the window painting (user input waits until the write is through).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, QTimer, Signal
from PySide6.QtWidgets import QMessageBox

from retailerp.domain.audit import Checkpoint, Verification
from retailerp.domain.security import Permission
from retailerp.persistence.office import Presence
from retailerp.services import Services
from retailerp.services.audit import load_checkpoint, save_checkpoint
from retailerp.services.changes import Change
from retailerp.services.office import HEARTBEAT_SECONDS, POLL_SECONDS
from retailerp.ui.changes import watch
from retailerp.ui.main_window import MainWindow
from retailerp.ui.tasks import LatestRead

log = logging.getLogger(__name__)


def local_time(value: object) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M")  # type: ignore[attr-defined]


def connected_text(people: list[Presence]) -> tuple[str, str]:
    """``3 connected`` and the tooltip listing PC, user and since when."""
    if not people:
        return "", ""
    lines = [
        QCoreApplication.translate("Office", "{pc} — {user}, since {since}").format(
            pc=p.pc, user=p.username, since=local_time(p.since)
        )
        for p in people
    ]
    return QCoreApplication.translate("Office", "{n} connected").format(n=len(people)), "\n".join(
        lines
    )


def waiting_text(others: list[Presence], holders: tuple[str, ...] = ()) -> str:
    """``waiting for PC-2…``: who holds the lock when the database says (PostgreSQL),
    else the other PCs connected (one of them holds the write)."""
    pcs = sorted(set(holders)) if holders else sorted({p.pc for p in others})
    if not pcs:
        return QCoreApplication.translate("Office", "Waiting for another PC to finish saving…")
    return QCoreApplication.translate("Office", "Waiting for {pc}…").format(pc=", ".join(pcs))


class OfficeMonitor(QObject):
    """Keeps this program's session, hears other PCs, shows the office in the status bar."""

    wait_changed = Signal(str)
    """The waiting text from a writer on another thread ("" when it is through)."""

    def __init__(self, window: MainWindow, services: Services) -> None:
        super().__init__(window)
        self.window = window
        self.services = services
        self.office = services.office
        self.db = services.ctx.db
        self.heartbeat_timer = QTimer(self)
        self.heartbeat_timer.setInterval(HEARTBEAT_SECONDS * 1000)
        self.heartbeat_timer.timeout.connect(self.heartbeat)
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(int(POLL_SECONDS * 1000))
        self.poll_timer.timeout.connect(self.poll)
        self.waiting = False
        self.wait_changed.connect(self._show_waiting)
        window.closing.connect(self.stop)
        self.db.write_wait.listener = self._waited
        self._show_network_notice()
        watch(window, services.changes, {Change.SESSIONS}, self.show_connected)
        self.heartbeat()
        self.poll()  # the first poll starts the watcher
        self.heartbeat_timer.start()
        self.poll_timer.start()

    def heartbeat(self) -> None:
        try:
            people = self.office.heartbeat()
        except Exception:  # noqa: BLE001 - the next beat tries again
            log.warning("The office heartbeat failed", exc_info=True)
            return
        self._show_connected(people)

    def show_connected(self) -> None:
        """Someone came or went (a session changed here or on another PC): read who."""
        try:
            people = self.office.connected()
        except Exception:  # noqa: BLE001 - the next heartbeat shows it
            log.warning("Could not read who is connected", exc_info=True)
            return
        self._show_connected(people)

    def _show_connected(self, people: list[Presence]) -> None:
        text, tooltip = connected_text(people)
        self.window.set_office_status("connected", text, tooltip)

    def poll(self) -> None:
        try:
            self.office.poll_remote()
        except Exception:  # noqa: BLE001 - the next poll tries again
            log.warning("Polling for other PCs' changes failed", exc_info=True)

    def stop(self) -> None:
        self.heartbeat_timer.stop()
        self.poll_timer.stop()
        if self.db.write_wait.listener == self._waited:
            self.db.write_wait.listener = None
        try:
            self.office.close()
        except Exception:  # noqa: BLE001 - the session expires by itself
            log.warning("Could not end the office session", exc_info=True)

    def _waited(self, seconds: float | None, holders: tuple[str, ...] = ()) -> None:
        """The write waits for ``holders`` (or another PC; ``None``: it is through).  Called
        on the thread that writes (SQLite) or the lock watcher's (PostgreSQL): on the
        window's own it repaints while waiting; from another thread the status bar is told
        through a queued signal."""
        text = "" if seconds is None else waiting_text(self.office.others(), holders)
        if QThread.currentThread() is not self.thread():
            self.wait_changed.emit(text)
            return
        self._show_waiting(text)
        if text:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

    def _show_waiting(self, text: str) -> None:
        if text:
            self.waiting = True
            self.window.statusBar().showMessage(text)
        elif self.waiting:
            self.waiting = False
            self.window.statusBar().clearMessage()

    def _show_network_notice(self) -> None:
        if self.db.is_sqlite and self.db.network:
            self.window.set_office_status(
                "network",
                QCoreApplication.translate("Office", "On a network share"),
                QCoreApplication.translate(
                    "Office",
                    "The database file is in a shared folder: it runs in the shared-folder "
                    "mode, and saving waits its turn when another PC saves.",
                ),
            )


def check_audit_trail(window: MainWindow, services: Services) -> LatestRead | None:
    """For the owner: check the audit trail (from this PC's last checkpoint when it is
    large) in a worker, and warn in the status bar and a message when it was tampered with.

    The check reads and hashes every entry since the checkpoint (every entry, up to
    ``QUICK_CHECK_ABOVE``, on each start of a PC that has none: ~0.25 s for 16,500), which
    would hold the window still as it opens."""
    if not services.ctx.actor.may(Permission.ADMINISTER):
        return None
    label = services.ctx.db.label
    reads = LatestRead(window, lambda result, error: _audit_checked(window, label, result, error))
    reads.start(_verify_at_start, services, load_checkpoint(label))
    return reads


def _verify_at_start(
    _progress: object, services: Services, since: Checkpoint | None
) -> Verification:
    """In the worker (the services open their own unit of work there)."""
    return services.audit.verify_at_start(since)


def _audit_checked(
    window: MainWindow, label: str, result: Verification | None, error: BaseException | None
) -> None:
    if error is not None or result is None:  # a check that cannot run is not a finding
        log.warning("The audit trail could not be checked", exc_info=error)
        return
    if result.ok:
        save_checkpoint(label, result.last)
        window.set_office_status("audit", "")
        return
    from retailerp import i18n

    lines = [finding.render(i18n.translate) for finding in result.findings[:10]]
    window.set_office_status(
        "audit", QCoreApplication.translate("Office", "Audit trail changed!"), "\n".join(lines)
    )
    window.show_status(
        QCoreApplication.translate(
            "Office", "The audit trail was changed outside RetailERP: {first}"
        ).format(first=lines[0]),
        0,
    )
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("Office", "Audit trail changed"),
        QCoreApplication.translate(
            "Office",
            "Someone changed the audit trail outside RetailERP. Check who had access to the "
            "database; 'retailerp audit verify' lists every entry concerned.",
        ),
        QMessageBox.StandardButton.Ok,
        window,
    )
    box.setObjectName("audit_warning")
    box.setDetailedText("\n".join(lines))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
