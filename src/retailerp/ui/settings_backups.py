"""The Backups page of the settings dialog: this PC's backup folder, the backups of the
database with their date and size, *Back up now* and *Restore…*.

The folder is this PC's setting (``LocalSettings.backup_folder``; empty is the default under
the user data folder) and is saved with the dialog.  A restore asks first, then, off the UI
thread: the program's own connections are closed, the backup replaces the file (the current
file is kept aside, a newer or foreign file is refused, so is a file another PC has open),
the restored database is brought to this version, and every open list reloads.  A PostgreSQL
database shows how to back it up on the server instead.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from retailerp import i18n
from retailerp.config import LocalSettings, default_backup_folder
from retailerp.persistence import backup, migrate
from retailerp.persistence.engine import Database
from retailerp.services import Services
from retailerp.services.changes import ChangeSet
from retailerp.ui.auto_backup import run_backup
from retailerp.ui.styles import ERROR_STYLE
from retailerp.ui.tasks import Progress, TaskHandle, run_task

PATH_ROLE = Qt.ItemDataRole.UserRole + 1


def size_text(size: int) -> str:
    """``0.8 MB``; ``12 KB`` under a tenth of a megabyte."""
    if size < 100_000:
        return f"{max(size // 1000, 1)} KB"
    return f"{size / 1_000_000:,.1f} MB"


class BackupsPage(QWidget):
    """The folder, the list, Back up now and Restore…; ``save_into(local)`` on Save."""

    def __init__(
        self, services: Services, local: LocalSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("backups_page")
        self.services = services
        self.local = local
        self.task: TaskHandle | None = None
        self.db: Database = services.ctx.db
        layout = QVBoxLayout(self)
        if not (self.db.is_sqlite and self.db.path is not None):
            note = QLabel(self.postgres_text(), self)
            note.setObjectName("postgres_backup_note")
            note.setWordWrap(True)
            note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(note)
            layout.addStretch(1)
            self.folder = None
            self.table = None
            return
        self._build(layout)
        self.refresh()

    def postgres_text(self) -> str:
        return self.tr(
            "This database is on a PostgreSQL server, so RetailERP does not copy it itself. "
            "Have the server back it up every night with pg_dump, for example "
            "'pg_dump -Fc -f retailerp-%date%.dump retailerp', keep the copies on another "
            "disk, and restore one with 'pg_restore --clean -d retailerp <file>' after "
            "everyone has closed RetailERP. The README says more."
        )

    def _build(self, layout: QVBoxLayout) -> None:
        form = QFormLayout()
        self.folder = QLineEdit(self)
        self.folder.setObjectName("backup_folder")
        self.folder.setPlaceholderText(str(default_backup_folder()))
        self.folder.setText(self.local.backup_folder)
        self.folder.editingFinished.connect(self.refresh)
        browse = QPushButton(self.tr("C&hoose…"), self)
        browse.setObjectName("choose_backup_folder")
        browse.setAutoDefault(False)
        browse.clicked.connect(self.choose_folder)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        label = QLabel(self.tr("Backup &folder on this PC"), self)
        label.setBuddy(self.folder)
        form.addRow(label, row)
        self.folder_error = QLabel(self)
        self.folder_error.setObjectName("backup_folder_error")
        self.folder_error.setStyleSheet(ERROR_STYLE)
        self.folder_error.setWordWrap(True)
        self.folder_error.hide()
        form.addRow("", self.folder_error)
        layout.addLayout(form)
        explain = QLabel(
            self.tr(
                "RetailERP copies the database here by itself at the first start of each day, "
                "when it closes and before each upgrade, checks every copy, and keeps the last "
                "7 days, 4 weeks and 12 months."
            ),
            self,
        )
        explain.setWordWrap(True)
        layout.addWidget(explain)
        listed = QLabel(self.tr("Backups of &this database"), self)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("backup_list")
        self.table.setHorizontalHeaderLabels([self.tr("Made"), self.tr("Size"), self.tr("Kind")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.itemSelectionChanged.connect(self._update_buttons)
        listed.setBuddy(self.table)
        layout.addWidget(listed)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.backup_button = QPushButton(self.tr("Back &up now"), self)
        self.backup_button.setObjectName("backup_now")
        self.backup_button.setAutoDefault(False)
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton(self.tr("&Restore…"), self)
        self.restore_button.setObjectName("restore_backup")
        self.restore_button.setAutoDefault(False)
        self.restore_button.clicked.connect(self.ask_restore)
        buttons.addWidget(self.backup_button)
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        layout.addLayout(buttons)
        self.status = QLabel(self)
        self.status.setObjectName("backup_status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

    # -- the folder ----------------------------------------------------------------------

    def chosen_root(self) -> Path:
        text = self.folder.text().strip() if self.folder is not None else ""
        return Path(text).expanduser() if text else default_backup_folder()

    def folder_problem(self) -> str:
        """Why the typed folder cannot take backups (``""``: it can)."""
        root = self.chosen_root()
        probe = root
        while not probe.exists() and probe.parent != probe:
            probe = probe.parent
        if not probe.is_dir():
            return self.tr("{path} is a file, not a folder.").format(path=probe)
        if not os.access(probe, os.W_OK | os.X_OK):
            return self.tr("The folder {path} cannot be written to.").format(path=probe)
        return ""

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Backup folder"), str(self.chosen_root())
        )
        if chosen and self.folder is not None:
            self.folder.setText(chosen)
            self.refresh()

    def save_into(self, local: LocalSettings) -> bool:
        """Put the folder into ``local``; ``False`` (message under the field) when it cannot
        be used."""
        if self.folder is None:
            return True
        problem = self.folder_problem()
        self.folder_error.setText(problem)
        self.folder_error.setVisible(bool(problem))
        if problem:
            return False
        local.backup_folder = self.folder.text().strip()
        return True

    # -- the list ------------------------------------------------------------------------

    def backups(self) -> list[backup.BackupFile]:
        assert self.db.path is not None
        return backup.database_backups(self.chosen_root(), self.db.path)

    def refresh(self) -> None:
        if self.table is None:
            return
        kinds = {
            backup.AUTOMATIC: self.tr("automatic"),
            backup.BEFORE_UPGRADE: self.tr("before an upgrade"),
        }
        found = self.backups()
        self.table.setRowCount(len(found))
        for row, item in enumerate(found):
            made = QTableWidgetItem(f"{item.made:%Y-%m-%d %H:%M:%S}")
            made.setData(PATH_ROLE, str(item.path))
            made.setToolTip(str(item.path))
            size = QTableWidgetItem(size_text(item.size))
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 0, made)
            self.table.setItem(row, 1, size)
            self.table.setItem(row, 2, QTableWidgetItem(kinds.get(item.kind, item.kind)))
        if found:
            self.table.selectRow(0)
        self._update_buttons()

    def selected_path(self) -> Path | None:
        if self.table is None:
            return None
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return Path(str(self.table.item(rows[0].row(), 0).data(PATH_ROLE)))

    def _update_buttons(self) -> None:
        busy = self.task is not None and self.task.running
        self.restore_button.setEnabled(not busy and self.selected_path() is not None)
        self.backup_button.setEnabled(not busy)

    def say(self, text: str) -> None:
        self.status.setText(text)

    # -- back up now ---------------------------------------------------------------------

    def back_up_now(self) -> TaskHandle | None:
        if not self.save_into(LocalSettings()):
            return None
        self.local.backup_folder = self.folder.text().strip()
        self.task = run_backup(self, self.db, self.tr("Backing up"), self._backed_up)
        self._update_buttons()
        return self.task

    def _backed_up(self, made: backup.BackupFile | None) -> None:
        self.task = None
        self.refresh()
        if made is not None:
            self.say(self.tr("Backup made and checked: {path}").format(path=made.path))

    # -- restore -------------------------------------------------------------------------

    def ask_restore(self) -> TaskHandle | None:
        source = self.selected_path()
        if source is None:
            return None
        answer = QMessageBox.question(
            self,
            self.tr("Restore a backup"),
            self.tr(
                "Replace the database with the backup {name}? Everything entered after it was "
                "made is taken out (the database as it is now is kept aside as a file beside "
                "it). Everyone else must have closed RetailERP."
            ).format(name=source.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        return self.restore(source)

    def restore(self, source: Path) -> TaskHandle:
        """Restore ``source`` over the open database, off the UI thread."""
        db = self.db
        folder = backup.folder_for(self.chosen_root(), db.path) if db.path else None
        restoring = QCoreApplication.translate("Backups", "Restoring…")

        def work(progress: Progress) -> Path | None:
            progress.report(0, 0, restoring)
            assert db.path is not None
            db.dispose()  # our own connections closed: only other programs count as in use
            kept = backup.restore(source, db.path, db.journal_mode or "auto")
            migrate.upgrade(db, backup_dir=folder)  # an older backup is brought up to date
            return kept

        self.task = run_task(
            self,
            self.tr("Restoring a backup"),
            work,
            on_done=self._restored,
            on_error=self._restore_failed,
            cancellable=False,
        )
        self._update_buttons()
        return self.task

    def _restored(self, kept: Path | None) -> None:
        self.task = None
        self.services.changes.publish(ChangeSet.everything(local=True))
        self.refresh()
        text = self.tr("The backup was restored.")
        if kept is not None:
            text += " " + self.tr("The database as it was is kept as {path}.").format(path=kept)
        self.say(text)

    def _restore_failed(self, error: BaseException) -> None:
        from retailerp.ui.errors import message_for

        self.task = None
        self._update_buttons()
        self.say(message_for(error, i18n.translate))
