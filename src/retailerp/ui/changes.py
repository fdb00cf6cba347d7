"""Screens that follow the data: the change bus heard on the Qt thread.

:func:`watch` ties a widget to the change bus of its services: when a committed write
changed one of the kinds the widget shows, ``on_change()`` runs on the UI thread (changes
published by a worker thread are queued over).  Several changes arriving together are
merged into one call; a hidden widget (a module not on screen) reloads when it is shown
again instead of at once.  A screen that has just reloaded by itself (F5, after its own
card saved) calls :meth:`ChangeWatcher.seen` first, so the changes it already shows are not
loaded a second time.  The subscription ends when the widget is destroyed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from retailerp.services.changes import ChangeBus, ChangeSet

OnChange = Callable[[], object]


class ChangeWatcher(QObject):
    """Calls ``on_change()`` after changes of ``kinds``; see :func:`watch`.

    ``heard(change_set)`` is emitted, merged, just before ``on_change()`` runs.
    """

    heard = Signal(object)
    _arrived = Signal(object)

    def __init__(
        self, widget: QWidget, bus: ChangeBus, kinds: Iterable[str], on_change: OnChange
    ) -> None:
        super().__init__(widget)
        self._widget = widget
        self._kinds = frozenset(kinds)
        self._on_change = on_change
        self._bus = bus
        self._seen = bus.serial
        self._pending: ChangeSet | None = None
        self._stale: ChangeSet | None = None
        self._arrived.connect(self._collect, Qt.ConnectionType.QueuedConnection)
        arrived = self._arrived

        def hear(change: ChangeSet) -> None:  # any thread: only post it over
            if change.touches(self._kinds):
                try:
                    arrived.emit(change)
                except RuntimeError:  # the widget is gone
                    stop()

        stop = bus.subscribe(hear)
        self.destroyed.connect(lambda *_: stop())
        self.stop = stop
        widget.installEventFilter(self)

    @property
    def kinds(self) -> frozenset[str]:
        return self._kinds

    def seen(self) -> None:
        """The widget is about to show the data as it is now: skip the changes so far."""
        self._seen = self._bus.serial
        self._stale = None

    def _collect(self, change: ChangeSet) -> None:
        if self._pending is None:
            self._pending = change
            QTimer.singleShot(0, self, self._deliver)  # not after the watcher is gone
        else:
            self._pending = self._pending.merged(change)

    def _deliver(self) -> None:
        change, self._pending = self._pending, None
        if change is None or not isValid(self._widget):
            return
        if not self._widget.isVisible():
            self._stale = change if self._stale is None else self._stale.merged(change)
            return
        self._run(change)

    def _run(self, change: ChangeSet) -> None:
        if change.serial and change.serial <= self._seen:
            return  # already shown: the widget reloaded after this change
        self._seen = max(self._seen, change.serial)
        self.heard.emit(change)
        self._on_change()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self._widget and event.type() == QEvent.Type.Show and self._stale:
            change, self._stale = self._stale, None
            self._run(change)
        return False


def watch(
    widget: QWidget, bus: ChangeBus, kinds: Iterable[str], on_change: OnChange
) -> ChangeWatcher:
    """Run ``on_change()`` whenever a change of ``kinds`` is committed (see the module)."""
    return ChangeWatcher(widget, bus, kinds, on_change)
