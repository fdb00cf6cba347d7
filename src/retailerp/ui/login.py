"""Who uses the program: the first start's owner account, the login, and signing in.

:func:`sign_in` runs at start: a new database (no users) shows :class:`FirstRunDialog`,
which makes the owner's account and may let this PC start without a login; a PC the owner
set so starts as that owner; otherwise :class:`LoginDialog` asks for name and password. A
refused login says why under the password (and how long to wait after failures).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from retailerp import i18n
from retailerp.config import pc_name
from retailerp.domain.errors import DomainError, FieldError
from retailerp.domain.security import NOBODY, Actor
from retailerp.domain.users import LoginRefused
from retailerp.persistence.engine import Database
from retailerp.services import Services
from retailerp.ui.errors import show_error
from retailerp.ui.widgets.form import FormPage


def password_box() -> QLineEdit:
    box = QLineEdit()
    box.setEchoMode(QLineEdit.EchoMode.Password)
    return box


def typed_twice(form: FormPage, key: str, again: str = "again") -> str | None:
    """The password typed in ``key``, or None (the refusal shown under ``again``) when the
    second typing differs; every dialog that sets a password asks this one."""
    password = form.editor(key).text()  # type: ignore[attr-defined]
    if password != form.editor(again).text():  # type: ignore[attr-defined]
        form.set_errors(
            {again: QCoreApplication.translate("Passwords", "The two passwords differ.")}
        )
        return None
    return password


class FirstRunDialog(QDialog):
    """A new database: the owner's account (name, password twice) and, for a one-person shop,
    "start without a login on this PC"."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.actor: Actor | None = None
        self.setObjectName("first_run_dialog")
        self.setWindowTitle(self.tr("RetailERP: the owner's account"))
        intro = QLabel(
            self.tr(
                "This database is new. Make the owner's account: the owner may do everything, "
                "adds the other users and gives them their roles."
            )
        )
        intro.setWordWrap(True)
        self.form = FormPage(self, submit_on_last_enter=True)
        self.form.add_field("username", self.tr("&User name"), QLineEdit())
        self.form.add_field("display_name", self.tr("&Name shown"), QLineEdit())
        self.form.add_field("password", self.tr("&Password"), password_box())
        self.form.add_field("again", self.tr("Password a&gain"), password_box())
        self.no_login = QCheckBox(self.tr("&Start without a login on this PC"))
        self.no_login.setObjectName("no_login")
        self.no_login.setToolTip(
            self.tr(
                "For a one-person shop: this PC opens as the owner without asking for the "
                "password. The owner can turn it off in Settings ▸ Users and roles."
            )
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.create)
        buttons.rejected.connect(self.reject)
        self.form.save_requested.connect(self.create)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(self.no_login)
        layout.addWidget(buttons)

    def create(self) -> bool:
        values = self.form.values()
        password = typed_twice(self.form, "password")
        if password is None:
            return False
        try:
            self.actor = self.services.users.create_first_owner(
                values["username"],
                values["display_name"],
                password,
                pc_name() if self.no_login.isChecked() else "",
            )
        except DomainError as error:
            self.form.show_domain_error(error, i18n.translate)
            return False
        except Exception as error:  # noqa: BLE001 - shown and logged; the dialog stays
            show_error(self, error)
            return False
        self.accept()
        return True


class LoginDialog(QDialog):
    """User name and password; a refusal stays under the password, OK waits out a delay."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.actor: Actor | None = None
        self.setObjectName("login_dialog")
        self.setWindowTitle(self.tr("RetailERP: log in"))
        self.form = FormPage(self, submit_on_last_enter=True)
        self.form.add_field("username", self.tr("&User name"), QLineEdit())
        self.form.add_field("password", self.tr("&Password"), password_box())
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("&Log in"))
        self.buttons.accepted.connect(self.log_in)
        self.buttons.rejected.connect(self.reject)
        self.form.save_requested.connect(self.log_in)
        self._wait = QTimer(self)
        self._wait.setSingleShot(True)
        self._wait.timeout.connect(lambda: self.ok.setEnabled(True))
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)

    def log_in(self) -> bool:
        if not self.ok.isEnabled():
            return False
        values = self.form.values()
        password = self.form.editor("password").text()  # type: ignore[attr-defined]
        try:
            self.actor = self.services.users.login(values["username"], password)
        except LoginRefused as refusal:
            self.form.editor("password").clear()  # type: ignore[attr-defined]
            self.form.show_domain_error(refusal, i18n.translate)
            if refusal.wait_seconds:
                self.ok.setEnabled(False)
                self._wait.start(refusal.wait_seconds * 1000)
            return False
        except FieldError as error:
            self.form.show_domain_error(error, i18n.translate)
            return False
        except Exception as error:  # noqa: BLE001 - shown and logged; the dialog stays
            show_error(self, error)
            return False
        self.accept()
        return True


def sign_in(db: Database, parent: QWidget | None = None, *, ask: bool = False) -> Actor | None:
    """Who uses the program from now on, or ``None`` when the user gave up.  ``ask``: show
    the login even on a PC that starts without one (a user logged out to let another in)."""
    door = Services.over(db, actor=NOBODY)
    if not door.users.has_users():
        dialog: FirstRunDialog | LoginDialog = FirstRunDialog(door, parent)
    else:
        actor = None if ask else door.users.login_without_password(pc_name())
        if actor is not None:
            return actor
        dialog = LoginDialog(door, parent)
    dialog.exec()
    return dialog.actor if dialog.result() == QDialog.DialogCode.Accepted else None


class ChangePasswordDialog(QDialog):
    """The logged-in user changes their own password (the current one proves it is them)."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName("change_password_dialog")
        self.setWindowTitle(self.tr("Password of {user}").format(user=services.ctx.actor.username))
        self.form = FormPage(self, submit_on_last_enter=True)
        self.form.add_field("current", self.tr("&Current password"), password_box())
        self.form.add_field("new", self.tr("&New password"), password_box())
        self.form.add_field("again", self.tr("Password a&gain"), password_box())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.change)
        buttons.rejected.connect(self.reject)
        self.form.save_requested.connect(self.change)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(buttons)

    def change(self) -> bool:
        new = typed_twice(self.form, "new")
        if new is None:
            return False
        text = {"current": self.form.editor("current").text(), "new": new}  # type: ignore[attr-defined]
        try:
            self.services.users.change_password(text["current"], text["new"])
        except DomainError as error:
            self.form.show_domain_error(error, i18n.translate)
            return False
        except Exception as error:  # noqa: BLE001 - shown and logged; the dialog stays
            show_error(self, error)
            return False
        self.accept()
        return True
