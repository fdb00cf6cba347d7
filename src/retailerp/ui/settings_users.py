"""Settings ▸ Users and roles (the owner's): users added, passwords reset, users ended and
unlocked, roles changed, custom roles edited, and whether this PC starts without a login.

Each button acts at once through :class:`~retailerp.services.users.UserService` (the
dialog's Save is not needed); a refusal is shown under the page.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from retailerp import i18n
from retailerp.config import pc_name
from retailerp.domain.errors import DomainError
from retailerp.domain.security import OWNER_ONLY, PERMISSION_LABELS, Permission, RoleDefinition
from retailerp.domain.users import USER_STATE_LABELS, UserState
from retailerp.services import Services
from retailerp.ui.errors import message_for, show_error
from retailerp.ui.list_view import fit_table
from retailerp.ui.login import password_box, typed_twice
from retailerp.ui.widgets.form import FormPage

NAME_ROLE = Qt.ItemDataRole.UserRole + 1


def role_label(role: RoleDefinition) -> str:
    return i18n.translate("terms", role.label) if role.built_in else role.label


class UserDialog(QDialog):
    """A new user: name, name shown, role, password twice."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName("user_dialog")
        self.setWindowTitle(self.tr("New user"))
        self.form = FormPage(self, submit_on_last_enter=True)
        self.form.add_field("username", self.tr("&User name"), QLineEdit())
        self.form.add_field("display_name", self.tr("&Name shown"), QLineEdit())
        roles = QComboBox()
        for role in services.users.roles():
            roles.addItem(role_label(role), role.name)
        self.form.add_field("role", self.tr("&Role"), roles)
        self.form.add_field("password", self.tr("&Password"), password_box())
        self.form.add_field("again", self.tr("Password a&gain"), password_box())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.add)
        buttons.rejected.connect(self.reject)
        self.form.save_requested.connect(self.add)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(buttons)

    def add(self) -> bool:
        values = self.form.values()
        password = typed_twice(self.form, "password")
        if password is None:
            return False
        try:
            self.services.users.add(
                values["username"], values["display_name"], values["role"] or "", password
            )
        except DomainError as error:
            self.form.show_domain_error(error, i18n.translate)
            return False
        self.accept()
        return True


class PasswordDialog(QDialog):
    """The owner sets a user's new password (twice)."""

    def __init__(self, services: Services, username: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.username = username
        self.setObjectName("password_dialog")
        self.setWindowTitle(self.tr("New password for {user}").format(user=username))
        self.form = FormPage(self, submit_on_last_enter=True)
        self.form.add_field("password", self.tr("New &password"), password_box())
        self.form.add_field("again", self.tr("Password a&gain"), password_box())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.reset)
        buttons.rejected.connect(self.reject)
        self.form.save_requested.connect(self.reset)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(buttons)

    def reset(self) -> bool:
        password = typed_twice(self.form, "password")
        if password is None:
            return False
        try:
            self.services.users.reset_password(self.username, password)
        except DomainError as error:
            self.form.show_domain_error(error, i18n.translate)
            return False
        self.accept()
        return True


class UsersPage(QWidget):
    """The users and the roles of the shop (built-in roles shown, custom roles edited)."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName("users_page")
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("users_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("User"), self.tr("Name"), self.tr("Role"), self.tr("State")]
        )
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.add_button = self._button(self.tr("&Add user…"), self.add_user)
        self.password_button = self._button(self.tr("Reset pass&word…"), self.reset_password)
        self.role_button = self._button(self.tr("C&hange role…"), self.change_role)
        self.unlock_button = self._button(self.tr("Unloc&k"), self.unlock)
        self.end_button = self._button(self.tr("&End user…"), self.end_user)
        self.no_login = QCheckBox(self.tr("Start without a &login on this PC ({pc})").format(
            pc=pc_name()))  # fmt: skip
        self.no_login.setObjectName("no_login")
        self.no_login.setToolTip(
            self.tr("This PC opens as you, the owner, without asking for the password.")
        )
        self.no_login.toggled.connect(self.set_login_free)
        self.message = QLabel(self)
        self.message.setObjectName("users_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")
        self._build_roles()
        self._lay_out()
        self.reload()

    def _button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.setAutoDefault(False)
        button.clicked.connect(lambda: slot())
        return button

    def _build_roles(self) -> None:
        self.roles = QListWidget(self)
        self.roles.setObjectName("roles_list")
        self.roles.currentItemChanged.connect(lambda *_: self._show_role())
        self.permission_boxes: dict[Permission, QCheckBox] = {}
        self.permission_group = QGroupBox(self.tr("What the role may do"), self)
        grid = QVBoxLayout(self.permission_group)
        for permission in Permission:
            box = QCheckBox(i18n.translate("terms", PERMISSION_LABELS[permission]))
            box.setObjectName(f"permission_{permission.value}")
            self.permission_boxes[permission] = box
            grid.addWidget(box)
        self.new_role_button = self._button(self.tr("&New role…"), self.new_role)
        self.save_role_button = self._button(self.tr("Sa&ve role"), self.save_role)
        self.delete_role_button = self._button(self.tr("Re&move role"), self.delete_role)

    def _lay_out(self) -> None:
        users = QGroupBox(self.tr("Users"), self)
        users_layout = QVBoxLayout(users)
        users_layout.addWidget(self.table)
        row = QHBoxLayout()
        for button in (self.add_button, self.password_button, self.role_button,
                       self.unlock_button, self.end_button):  # fmt: skip
            row.addWidget(button)
        row.addStretch(1)
        users_layout.addLayout(row)
        users_layout.addWidget(self.no_login)
        roles = QGroupBox(self.tr("Roles"), self)
        roles_layout = QHBoxLayout(roles)
        left = QVBoxLayout()
        left.addWidget(self.roles)
        for button in (self.new_role_button, self.save_role_button, self.delete_role_button):
            left.addWidget(button)
        roles_layout.addLayout(left)
        roles_layout.addWidget(self.permission_group, 1)
        layout = QHBoxLayout(self)
        column = QVBoxLayout()
        column.addWidget(users, 1)
        column.addWidget(self.message)
        layout.addLayout(column, 3)
        layout.addWidget(roles, 2)

    # --- showing --------------------------------------------------------------------------

    def reload(self, keep_role: str | None = None) -> None:
        rows = self.services.users.users()
        self.table.setRowCount(len(rows))
        for n, row in enumerate(rows):
            state = i18n.translate("terms", USER_STATE_LABELS[row.state])
            role = i18n.translate("terms", row.role_label)
            for column, text in enumerate((row.username, row.display_name, role, state)):
                cell = QTableWidgetItem(text)
                cell.setData(NAME_ROLE, row.username)
                cell.setData(NAME_ROLE + 1, row.state.value)
                self.table.setItem(n, column, cell)
        fit_table(self.table)
        free = self.services.users.pcs_without_login()
        self.no_login.blockSignals(True)
        self.no_login.setChecked(free.get(pc_name()) == self.services.ctx.actor.username)
        self.no_login.blockSignals(False)
        current = keep_role or (self.roles.currentItem().data(NAME_ROLE)
                                if self.roles.currentItem() else None)  # fmt: skip
        self.roles.clear()
        for role in self.services.users.roles():
            item = QListWidgetItem(role_label(role))
            item.setData(NAME_ROLE, role.name)
            item.setData(NAME_ROLE + 1, role)
            self.roles.addItem(item)
            if role.name == current:
                self.roles.setCurrentItem(item)
        if self.roles.currentItem() is None and self.roles.count():
            self.roles.setCurrentRow(0)

    def selected_user(self) -> str | None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        return None if item is None else str(item.data(NAME_ROLE))

    def selected_role(self) -> RoleDefinition | None:
        item = self.roles.currentItem()
        return None if item is None else item.data(NAME_ROLE + 1)

    def _show_role(self) -> None:
        role = self.selected_role()
        editable = role is not None and not role.built_in
        for permission, box in self.permission_boxes.items():
            box.setChecked(role is not None and permission in role.permissions)
            box.setEnabled(editable and permission not in OWNER_ONLY)
        self.save_role_button.setEnabled(editable)
        self.delete_role_button.setEnabled(editable)
        tip = "" if editable else self.tr("A built-in role cannot be changed; make a new role.")
        self.permission_group.setToolTip(tip)

    # --- acting ---------------------------------------------------------------------------

    def _run(self, action: Callable[[], object], keep_role: str | None = None) -> bool:
        self.message.clear()
        try:
            action()
        except DomainError as error:
            self.message.setText(message_for(error, i18n.translate))
            return False
        except Exception as error:  # noqa: BLE001 - shown and logged; the page stays
            show_error(self, error)
            return False
        self.reload(keep_role)
        return True

    def _need_user(self) -> str | None:
        name = self.selected_user()
        if name is None:
            self.message.setText(self.tr("Choose a user in the list first."))
        return name

    def add_user(self) -> None:
        dialog = UserDialog(self.services, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reload()

    def reset_password(self) -> None:
        name = self._need_user()
        if name is not None:
            PasswordDialog(self.services, name, self).exec()
            self.reload()

    def change_role(self) -> None:
        name = self._need_user()
        if name is None:
            return
        roles = self.services.users.roles()
        labels = [role_label(r) for r in roles]
        chosen, ok = QInputDialog.getItem(
            self, self.tr("Role"), self.tr("Role of {user}:").format(user=name), labels, 0, False
        )
        if ok:
            role = roles[labels.index(chosen)].name
            self._run(lambda: self.services.users.change_role(name, role))

    def unlock(self) -> None:
        name = self._need_user()
        if name is not None:
            self._run(lambda: self.services.users.unlock(name))

    def end_user(self) -> None:
        name = self._need_user()
        if name is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("End user"),
            self.tr(
                "End {user}? They can no longer log in; what they did keeps their name."
            ).format(user=name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._run(lambda: self.services.users.end(name))

    def set_login_free(self, on: bool) -> None:
        self._run(lambda: self.services.users.set_login_free(pc_name(), on))

    def new_role(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New role"), self.tr("Name of the role:"))
        if ok:
            self._run(lambda: self.services.users.save_role(name, []), keep_role=name.strip())

    def save_role(self) -> None:
        role = self.selected_role()
        if role is None or role.built_in:
            return
        ticked = [p.value for p, box in self.permission_boxes.items() if box.isChecked()]
        self._run(lambda: self.services.users.save_role(role.name, ticked), keep_role=role.name)

    def delete_role(self) -> None:
        role = self.selected_role()
        if role is not None and not role.built_in:
            self._run(lambda: self.services.users.delete_role(role.name))


__all__ = ["PasswordDialog", "UserDialog", "UserState", "UsersPage"]
