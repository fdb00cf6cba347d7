"""The automatic backups of the window: at the first start of a day and when it closes.

The one on closing is skipped when nothing was written since the newest backup in this PC's
folder (:mod:`retailerp.persistence.last_backup`): opening a large shop to look something up
and closing it again does not copy the whole file.

Both run off the UI thread (``ui/tasks.run_task``, progress in pages copied) and go into this
PC's backup folder (:meth:`LocalSettings.backup_root`, Settings ▸ Backups).  A backup that
fails — a full or read-only folder — is said in a message and the program goes on (on
closing: it closes anyway); the earlier backups are untouched.  A PostgreSQL database is
backed up on the server (``pg_dump``), so nothing runs here for it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThreadPool
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from retailerp import i18n
from retailerp.config import LocalSettings
from retailerp.persistence import backup, last_backup
from retailerp.persistence.engine import Database
from retailerp.ui.errors import message_for
from retailerp.ui.main_window import MainWindow
from retailerp.ui.tasks import Progress, TaskHandle, run_task

_ONE_AT_A_TIME = threading.Lock()
"""Automatic backups copy one after the other, never two large copies side by side."""


def backup_root() -> Path:
    return LocalSettings.load().backup_root()


def upgrade_folder(db: Database) -> Path | None:
    """Where the copy before a migration goes: the database's folder among the backups."""
    return backup.folder_for(backup_root(), db.path) if db.path is not None else None


def backs_up(db: Database) -> bool:
    """Whether this program backs the database up itself (a SQLite file)."""
    return db.is_sqlite and db.path is not None


def run_backup(
    parent: QWidget,
    db: Database,
    title: str,
    on_finished: Callable[[backup.BackupFile | None], None],
    *,
    unless_current: bool = False,
) -> TaskHandle:
    """One automatic backup behind a progress dialog; ``on_finished(made or None)``.
    ``unless_current``: none is made (None) when the newest backup still holds everything
    (:func:`~retailerp.persistence.last_backup.still_current`)."""
    root = backup_root()
    copying = QCoreApplication.translate("Backups", "Copying the database…")

    def work(progress: Progress) -> backup.BackupFile | None:
        with _ONE_AT_A_TIME:  # closing while the day's first runs: wait, then compare with it
            if unless_current and last_backup.still_current(db, root) is not None:
                return None
            return backup.automatic_backup(
                db, root, progress=lambda done, total: progress.report(done, total, copying)
            )

    def failed(error: BaseException) -> None:
        warn_failed(parent, error)
        on_finished(None)

    return run_task(parent, title, work, on_done=on_finished, cancellable=False, on_error=failed)


def warn_failed(parent: QWidget | None, error: BaseException) -> None:
    """Say why the backup failed; the program goes on."""
    QMessageBox.warning(
        parent,
        QCoreApplication.translate("Backups", "Backup not made"),
        QCoreApplication.translate(
            "Backups", "The automatic backup could not be made: {reason} RetailERP goes on working."
        ).format(reason=message_for(error, i18n.translate)),
    )


def start_daily_backup(window: QWidget, db: Database, now: datetime | None = None) -> bool:
    """Make today's first backup if there is none yet; returns whether one was started."""
    if not backs_up(db) or db.path is None:
        return False
    if not backup.backup_due(backup_root(), db.path, now):
        return False
    title = QCoreApplication.translate("Backups", "Daily backup")

    def done(made: backup.BackupFile | None) -> None:
        if made is not None and hasattr(window, "show_status"):
            window.show_status(
                QCoreApplication.translate("Backups", "Backup made: {path}").format(path=made.path)
            )

    run_backup(window, db, title, done)
    return True


class BackupOnClose(QObject):
    """Installed on the application while the window runs: the first close of a main window
    (the one on screen, also after a language switch) makes a backup, then closes for real.

    ``QApplication.quit()`` asks every window to close and gives up when one refuses, so a
    quit is held too and repeated once the backup is done.
    """

    def __init__(self, app: QObject, db: Database) -> None:
        super().__init__(app)
        self.app = app
        self.db = db
        self.task: TaskHandle | None = None
        self.finished = not backs_up(db)
        self.quit_asked = False
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if self.finished:
            return False
        if event.type() == QEvent.Type.Quit and watched is self.app:
            self.quit_asked = True
            window = next((w for w in main_windows() if w.isVisible()), None)
            if window is None:
                return False
            self._start(window)
            return True
        if event.type() != QEvent.Type.Close:
            return False
        if not isinstance(watched, MainWindow) or not watched.isVisible():
            return False
        event.ignore()
        self._start(watched)
        return True

    def _start(self, window: QWidget) -> None:
        if self.task is None:
            title = QCoreApplication.translate("Backups", "Backing up before closing")
            self.task = run_backup(
                window, self.db, title, lambda _made: self._close(window), unless_current=True
            )

    def _close(self, window: QWidget) -> None:
        self.finished = True
        window.close()
        if self.quit_asked:
            QCoreApplication.quit()

    def remove(self) -> None:
        self.app.removeEventFilter(self)
        self.deleteLater()


def main_windows() -> list[MainWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]


def wait_for_backups() -> None:
    """Let a backup still running finish before the database is closed."""
    QThreadPool.globalInstance().waitForDone()
