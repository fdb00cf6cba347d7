"""Settings: this PC's (language, database, journal mode, backup folder) and the shop's (in
the database).

This PC's settings go to :class:`~retailerp.config.LocalSettings`: a new language is used
at once (``language_changed(code)``: the main window opens again in it), journal mode and
database when the program starts again; the shop's settings are saved through the settings
service and every PC of the office sees them at once.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from retailerp import i18n
from retailerp.config import LocalSettings, default_database
from retailerp.domain.errors import DomainError
from retailerp.domain.money import PriceEntry
from retailerp.services import Services
from retailerp.ui.errors import show_error
from retailerp.ui.login import ChangePasswordDialog
from retailerp.ui.permissions import may, why_not
from retailerp.ui.settings_backups import BackupsPage
from retailerp.ui.settings_company import CompanyPage
from retailerp.ui.settings_complaints import ComplaintSettingsPage
from retailerp.ui.settings_returns import ReturnPolicyPage
from retailerp.ui.settings_users import UsersPage
from retailerp.ui.widgets import FormPage

T = TypeVar("T")

LOCAL_KEYS = ("language", "journal_mode", "database")
"""This PC's settings (in its config file)."""

RESTART_KEYS = ("journal_mode", "database")
"""Settings that take effect only after a restart (the language does not need one)."""

SHOP_KEYS = (
    "allow_negative_stock",
    "abc_a",
    "abc_b",
    "review_months",
    "price_floor",
    "overdue_grace_days",
    "price_entry",
)


USERS = "UserService.add"
"""The Users and roles page is the owner's: it shows when the role may manage users."""


def percent(share: Decimal) -> str:
    """``80`` for 0.80, ``92.5`` for 0.925."""
    return f"{(share * 100).normalize():f}"


def months_text(months: tuple[int, ...]) -> str:
    return ", ".join(str(m) for m in months)


class SettingsDialog(QDialog):
    """Ctrl+S or Save stores both kinds of settings; ``saved(restart_needed)`` follows, and
    ``language_changed(code)`` when another language was chosen (the code it means)."""

    saved = Signal(bool)
    language_changed = Signal(str)

    def __init__(
        self,
        services: Services,
        local: LocalSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.local = local or LocalSettings.load()
        self.setObjectName("settings_dialog")
        self.setWindowTitle(self.tr("Settings"))
        self.form = FormPage(self)
        self._add_local_fields()
        self._add_shop_fields()
        self.restart_label = QLabel(
            self.tr("Journal mode and database take effect when RetailERP is restarted.")
        )
        self.restart_label.setObjectName("restart_label")
        self.restart_label.setWordWrap(True)
        self._load()
        self.form.edited.connect(lambda _key: self._update_restart_label())
        self.form.save_requested.connect(self.save)
        self.form.cancel_requested.connect(self.reject)
        self._build_layout()

    def _add_local_fields(self) -> None:
        language = QComboBox()
        language.addItem(self.tr("As the system"), "")
        for code, name in i18n.available_languages():
            language.addItem(name, code)
        self.form.add_field("language", self.tr("&Language"), language)
        journal = QComboBox()
        journal.addItem(self.tr("Automatic: use the file as it is set up (recommended)"), "auto")
        journal.addItem(self.tr("Only this computer uses the file (WAL)"), "wal")
        journal.addItem(self.tr("The file is shared in a network folder (DELETE)"), "delete")
        self.form.add_field("journal_mode", self.tr("&Journal mode"), journal)
        self.journal_help = QLabel(self.journal_explanation())
        self.journal_help.setObjectName("journal_mode_help")
        self.journal_help.setWordWrap(True)
        journal.setToolTip(self.journal_help.text())
        self._place_under("journal_mode", self.journal_help)
        database = QLineEdit()
        database.setPlaceholderText(str(default_database()))
        database.setToolTip(self.tr("A SQLite file, or postgresql+psycopg://user@host/database"))
        self.form.add_field("database", self.tr("&Database"), database)
        self.browse_button = QPushButton(self.tr("Bro&wse…"))
        self.browse_button.setAutoDefault(False)
        self.browse_button.clicked.connect(self.browse)

    def _place_under(self, key: str, help_label: QLabel) -> None:
        """Show ``help_label`` in the form right under the field ``key`` (and its message)."""
        below = self.form.error_label(key)
        for rows in self.form.findChildren(QFormLayout):
            row, _role = rows.getWidgetPosition(below)
            if row >= 0:
                rows.insertRow(row + 1, "", help_label)
                return

    def journal_explanation(self) -> str:
        """The journal mode in a shop owner's words, with the mode this database is in."""
        db = self.services.ctx.db
        if not db.is_sqlite:
            now = self.tr("This database is on a PostgreSQL server, where this does not apply.")
        elif db.journal_mode == "wal":
            now = self.tr("This database file is set up for one computer (WAL).")
        else:
            now = self.tr("This database file is set up for sharing in a network folder (DELETE).")
        return " ".join(
            (
                self.tr(
                    "How the database file is written. A file that only this computer uses can "
                    "use the faster mode (WAL); a file that several PCs open from a network "
                    "folder must use the shared mode (DELETE), or data can be lost. The mode "
                    "belongs to the file and every PC must use the same one, so leave this on "
                    "Automatic: a new file gets the right mode, an existing file keeps its own."
                ),
                now,
                self.tr(
                    "To change the mode of a file, close RetailERP on every PC and run "
                    "'retailerp db journal-mode delete' (or wal) once."
                ),
            )
        )

    def _add_shop_fields(self) -> None:
        self.form.add_field("allow_negative_stock", self.tr("Allow &negative stock"), QCheckBox())
        self.form.add_field("abc_a", self.tr("Class &A: first % of revenue"), QLineEdit())
        self.form.add_field("abc_b", self.tr("Class &B: up to % of revenue"), QLineEdit())
        self.form.add_field("review_months", self.tr("&Review months (e.g. 2, 8)"), QLineEdit())
        self.form.add_field(
            "price_floor", self.tr("Lowest &price: % of the list price"), QLineEdit()
        )
        self.form.add_field(
            "overdue_grace_days",
            self.tr("Refuse credit when &overdue more than (days)"),
            QLineEdit(),
        )
        self.form.add_field("price_entry", self.tr("Unit prices are &entered"), self._entry_box())

    def _entry_box(self) -> QComboBox:
        box = QComboBox()
        box.addItem(self.tr("without VAT (net)"), PriceEntry.NET.value)
        box.addItem(self.tr("with VAT included (gross)"), PriceEntry.GROSS.value)
        box.addItem(self.tr("chosen on each order line"), PriceEntry.PER_LINE.value)
        box.setToolTip(
            self.tr(
                "A price typed with VAT is turned into the net price whose line total with "
                "VAT comes out as quantity × the price typed."
            )
        )
        return box

    def _build_layout(self) -> None:
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        browse = QHBoxLayout()
        self.password_button = QPushButton(self.tr("C&hange my password…"))
        self.password_button.setAutoDefault(False)
        self.password_button.clicked.connect(
            lambda: ChangePasswordDialog(self.services, self).exec()
        )
        browse.addWidget(self.password_button)
        browse.addStretch(1)
        browse.addWidget(self.browse_button)
        layout = QVBoxLayout(self)
        general = QWidget(self)
        general_layout = QVBoxLayout(general)
        general_layout.addWidget(self.form)
        if self.journal_help.parent() is None:  # pragma: no cover - the form always has rows
            general_layout.addWidget(self.journal_help)
        general_layout.addLayout(browse)
        self.company = CompanyPage(self.services, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(general, self.tr("Shop and this P&C"))
        self.tabs.addTab(self.company, self.tr("Compan&y"))
        self.returns = ReturnPolicyPage(self.services, self)
        self.tabs.addTab(self.returns, self.tr("Return pol&icy"))
        self.complaints = ComplaintSettingsPage(self.services, self)
        self.tabs.addTab(self.complaints, self.tr("Complaints"))
        self.backups = BackupsPage(self.services, self.local, self)
        self.tabs.addTab(self.backups, self.tr("Backups"))
        self.users = UsersPage(self.services, self) if may(self.services, USERS) else QWidget()
        self.tabs.addTab(self.users, self.tr("U&sers and roles"))
        self._gate_pages()
        layout.addWidget(self.tabs)
        layout.addWidget(self.restart_label)
        layout.addWidget(buttons)

    def _gate_pages(self) -> None:
        """Pages the role may not save are shown disabled, saying why; this PC's own
        settings (language, journal mode, database) stay open to everyone."""
        for page, method in (
            (self.company, "SettingsService.save_company"),
            (self.returns, "ReturnService.save_policy"),
            (self.complaints, "ComplaintService.save_settings"),
            (self.users, USERS),
        ):
            reason = why_not(self.services, method)
            if reason:
                index = self.tabs.indexOf(page)
                self.tabs.setTabEnabled(index, False)
                self.tabs.setTabToolTip(index, reason)
        reason = why_not(self.services, "SettingsService.save_values")
        for key in SHOP_KEYS:
            if reason:
                self.form.editor(key).setEnabled(False)
                self.form.editor(key).setToolTip(reason)

    def may_save(self, method: str) -> bool:
        return may(self.services, method)

    def _load(self) -> None:
        shop = self.services.settings.get()
        self.form.set_values(
            {
                "language": self.local.language,
                "journal_mode": self.local.journal_mode or "auto",
                "database": self.local.database,
                "allow_negative_stock": shop.allow_negative_stock,
                "abc_a": percent(shop.abc.a_share),
                "abc_b": percent(shop.abc.b_share),
                "review_months": months_text(shop.review.months),
                "price_floor": percent(shop.price_floor),
                "overdue_grace_days": str(shop.overdue_grace_days),
                "price_entry": shop.price_entry.value,
            }
        )
        self._update_restart_label()

    def restart_needed(self) -> bool:
        values = self.form.values()
        return any((values[k] or "") != (getattr(self.local, k) or "") for k in RESTART_KEYS)

    def language_chosen(self) -> str | None:
        """The language code a changed language setting means (the system's for "as the
        system"), or ``None`` when the language stays."""
        chosen = self.form.values()["language"] or ""
        if chosen == (self.local.language or ""):
            return None
        code = chosen or i18n.system_language()
        return code if code != i18n.current_language() else None

    def _update_restart_label(self) -> None:
        self.restart_label.setVisible(self.restart_needed())

    def browse(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Database file"),
            str(default_database().parent),
            self.tr("RetailERP database (*.db);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            editor = self.form.editor("database")
            assert isinstance(editor, QLineEdit)
            editor.setText(path)

    # -- saving --------------------------------------------------------------------------

    def save(self) -> bool:
        """Save both kinds of settings; refusals appear next to their fields."""
        restart = self.restart_needed()
        if not self.backups.save_into(self.local):
            self.tabs.setCurrentWidget(self.backups)
            return False
        if self.may_save("SettingsService.save_company") and self.company.save() is None:
            self.tabs.setCurrentWidget(self.company)
            return False
        if self.may_save("ReturnService.save_policy") and self.returns.save() is None:
            self.tabs.setCurrentWidget(self.returns)
            return False
        if self.may_save("ComplaintService.save_settings") and self.complaints.save() is None:
            self.tabs.setCurrentWidget(self.complaints)
            return False
        language = self.language_chosen()
        try:
            if self.may_save("SettingsService.save_values"):
                self.services.settings.save_values(
                    {k: v for k, v in self.form.values().items() if k in SHOP_KEYS}
                )
        except DomainError as error:
            self.form.show_domain_error(error, i18n.translate)
            return False
        except Exception as error:  # noqa: BLE001 - shown and logged; the dialog stays
            show_error(self, error)
            return False
        values = self.form.values()
        self.local.language = values["language"] or ""
        self.local.journal_mode = values["journal_mode"] or "auto"
        self.local.database = values["database"]
        try:
            self.local.save()
        except OSError as error:
            show_error(self, error)
            return False
        self.saved.emit(restart)
        self.accept()
        if language is not None:
            self.language_changed.emit(language)
        return True
