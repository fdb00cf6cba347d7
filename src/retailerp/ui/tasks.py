"""Long work (printing a batch, importing, backing up, big reports) off the UI thread.

``run_task(parent, title, fn, *args, on_done=...)`` runs ``fn(progress, *args)`` on the
global ``QThreadPool`` and shows a progress dialog.  ``fn`` must not touch widgets; it calls
services (each opens and closes its own unit of work in the worker thread), reports with
``progress.report(done, total, text)`` and looks at ``progress.cancelled`` between steps
(or calls ``progress.check()``, which raises :class:`TaskCancelled`).  The result, the
error or the cancellation comes back to the UI thread by a queued signal.

Object lifetimes across the two threads: the queued signals come from a ``QObject`` that
lives in the UI thread, so it must also die there.  The worker drops every reference it
holds before it says it is through (``released``), and the handle (which holds that object
too) stays in ``_RUNNING`` until then; the last reference is therefore always the UI
thread's.  (Freed in the pool thread, it was destroyed while the UI thread disconnected
from it, and the process crashed.)
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QProgressDialog, QWidget

from retailerp.ui.errors import show_error

REPORT_INTERVAL_S = 0.05
"""At most one progress signal per 50 ms reaches the UI (the final one always does)."""

RELEASE_POLL_MS = 5
"""How often a finished handle looks whether its worker has let go of the task."""


class TaskCancelled(Exception):  # noqa: N818 - it is an outcome, not a fault
    """Raised by :meth:`Progress.check` when the user pressed Cancel."""


class _Signals(QObject):
    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class Progress:
    """What the worker function is given: thread-safe reporting and the cancel flag."""

    def __init__(self, signals: _Signals) -> None:
        self._signals = signals
        self._cancel = threading.Event()
        self._last_report = 0.0

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def check(self) -> None:
        """Raise :class:`TaskCancelled` if the user asked to stop."""
        if self._cancel.is_set():
            raise TaskCancelled

    def report(self, done: int, total: int, text: str = "") -> None:
        """``done`` of ``total`` steps finished (``total`` 0: unknown); ``text`` says what."""
        now = time.monotonic()
        if done < total and now - self._last_report < REPORT_INTERVAL_S:
            return
        self._last_report = now
        self._signals.progressed.emit(done, total, text)


class _Worker(QRunnable):
    def __init__(self, fn: Callable[..., Any], progress: Progress, args: tuple[Any, ...]):
        super().__init__()
        self._fn: Callable[..., Any] | None = fn
        self._progress: Progress | None = progress
        self._args: tuple[Any, ...] = args
        self.released = threading.Event()
        """Set once the worker holds no reference to anything of the task any more."""

    def run(self) -> None:
        try:
            self._work()  # its frame, and every reference in it, ends here
        finally:
            self._fn, self._progress, self._args = None, None, ()
            self.released.set()

    def _work(self) -> None:
        fn, progress = self._fn, self._progress
        assert fn is not None and progress is not None
        signals = progress._signals
        try:
            result = fn(progress, *self._args)
        except TaskCancelled:
            signals.cancelled.emit()
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the UI
            signals.failed.emit(exc)
        else:
            signals.succeeded.emit(result)


_RUNNING: set[TaskHandle] = set()
"""Handles of running tasks, so nothing is garbage-collected under a worker."""


class TaskHandle(QObject):
    """A running task, seen from the UI thread.

    Signals (all in the UI thread): ``progressed(done, total, text)``, ``done(result)``,
    ``failed(exception)``, ``cancelled()``, and ``finished()`` after any of the last three.
    """

    progressed = Signal(int, int, str)
    done = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()

    def __init__(self, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
        super().__init__()
        self._signals = _Signals()
        self.progress = Progress(self._signals)
        self._worker: _Worker | None = _Worker(fn, self.progress, args)
        self._released = self._worker.released
        self._running = False
        self.dialog: TaskDialog | None = None
        connection = Qt.ConnectionType.QueuedConnection
        self._signals.progressed.connect(self.progressed.emit, connection)
        self._signals.succeeded.connect(self._on_succeeded, connection)
        self._signals.failed.connect(self._on_failed, connection)
        self._signals.cancelled.connect(self._on_cancelled, connection)

    @property
    def running(self) -> bool:
        return self._running

    def start(self, pool: QThreadPool | None = None) -> None:
        """Hand the work to ``pool`` (the global pool by default), which then owns it."""
        if self._worker is None:
            raise RuntimeError("a task runs only once")
        worker, self._worker = self._worker, None
        self._running = True
        _RUNNING.add(self)
        (pool or QThreadPool.globalInstance()).start(worker)

    def cancel(self) -> None:
        """Ask the worker to stop; it stops at its next ``cancelled`` look."""
        self.progress.cancel()

    def _on_succeeded(self, result: object) -> None:
        self._end()
        self.done.emit(result)
        self.finished.emit()

    def _on_failed(self, exc: object) -> None:
        self._end()
        self.failed.emit(exc)
        self.finished.emit()

    def _on_cancelled(self) -> None:
        self._end()
        self.cancelled.emit()
        self.finished.emit()

    def _end(self) -> None:
        self._running = False
        self._forget()

    def _forget(self) -> None:
        """Let the handle go once the worker has let go of the task (see the module doc)."""
        if self._released.is_set():
            _RUNNING.discard(self)
        else:  # the worker is between its last emit and its return: a moment more
            QTimer.singleShot(RELEASE_POLL_MS, self._forget)


Answer = Callable[[Any, BaseException | None], None]
"""What a :class:`LatestRead` hands back: ``(result, None)``, or ``(None, error)``."""


class LatestRead:
    """Background reads for one widget, where only the newest answer counts.

    A page that reads long work in a worker (a period's figures, an overview, a count, a
    preview's pages) starts a read each time what it shows must change.  ``start(fn,
    *args)`` runs ``fn(progress, *args)`` as a :class:`TaskHandle` (``fn`` must not touch
    widgets).  Its answer reaches ``on_answer(result, error)`` in the UI thread, unless the
    widget has been deleted meanwhile or a newer read was started: an older read answering
    late would otherwise show what is no longer asked for.  ``task`` is the read under way,
    ``None`` once the newest one has answered."""

    def __init__(self, widget: QObject, on_answer: Answer) -> None:
        self._widget = widget
        self._on_answer = on_answer
        self._started = 0
        self.task: TaskHandle | None = None

    def start(self, fn: Callable[..., Any], *args: Any) -> TaskHandle:
        """Read ``fn(progress, *args)`` in a worker; an earlier read's answer is dropped."""
        self._started += 1
        number = self._started
        task = TaskHandle(fn, args)
        task.done.connect(lambda result: self._answer(number, result, None))
        task.failed.connect(lambda error: self._answer(number, None, error))
        self.task = task
        task.start()
        return task

    def _answer(self, number: int, result: object, error: BaseException | None) -> None:
        if not shiboken6.isValid(self._widget) or number != self._started:
            return  # the widget is gone, or a newer read is under way
        self.task = None
        self._on_answer(result, error)


class TaskDialog(QProgressDialog):
    """A window-modal progress dialog that appears only if the work takes over 400 ms."""

    def __init__(self, parent: QWidget | None, title: str, cancellable: bool) -> None:
        cancel_text = QCoreApplication.translate("TaskDialog", "Cancel") if cancellable else ""
        super().__init__(title, cancel_text, 0, 0, parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(400)
        self.setAutoClose(False)
        self.setAutoReset(False)
        if not cancellable:
            self.setCancelButton(None)

    def show_progress(self, done: int, total: int, text: str) -> None:
        """``total`` 0 shows a busy bar."""
        self.setMaximum(max(total, 0))
        self.setValue(min(done, total) if total > 0 else 0)
        if text:
            self.setLabelText(text)


def _default_on_error(parent: QWidget | None) -> Callable[[BaseException], None]:
    def report(exc: BaseException) -> None:
        alive = parent if parent is not None and shiboken6.isValid(parent) else None
        show_error(alive, exc)

    return report


def run_task(
    parent: QWidget | None,
    title: str,
    fn: Callable[..., Any],
    *args: Any,
    on_done: Callable[[Any], None],
    cancellable: bool = True,
    on_error: Callable[[BaseException], None] | None = None,
    on_cancelled: Callable[[], None] | None = None,
) -> TaskHandle:
    """Run ``fn(progress, *args)`` in a worker thread behind a progress dialog.

    ``on_done(result)`` runs in the UI thread when ``fn`` returns (also after a cancel, if
    ``fn`` chose to return a partial result).  Errors go to ``on_error``, by default
    :func:`~retailerp.ui.errors.show_error`.  ``title`` is already translated.
    """
    handle = TaskHandle(fn, args)
    dialog = TaskDialog(parent, title, cancellable)
    handle.dialog = dialog
    dialog.canceled.connect(handle.cancel)  # the dialog hides; the worker stops soon after
    handle.progressed.connect(dialog.show_progress)  # bound methods: dropped if it dies
    handle.finished.connect(dialog.close)
    handle.finished.connect(dialog.deleteLater)
    handle.done.connect(on_done)
    handle.failed.connect(on_error or _default_on_error(parent))
    if on_cancelled is not None:
        handle.cancelled.connect(on_cancelled)
    handle.start()
    return handle
