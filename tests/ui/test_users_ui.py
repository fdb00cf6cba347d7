"""Users on screen: the first start's owner account, the login (refusal, waiting out the
delay), the window acting as who logged in, what a role may not do disabled and explained,
and Settings ▸ Users and roles."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QPushButton

from retailerp.domain.security import NOBODY, Actor, Role
from retailerp.domain.users import UserState
from retailerp.persistence.engine import Database
from retailerp.services import Services
from retailerp.ui import app as app_module
from retailerp.ui import login as login_module
from retailerp.ui.app import build_main_window, run_gui
from retailerp.ui.login import FirstRunDialog, LoginDialog, sign_in
from retailerp.ui.settings_dialog import SettingsDialog
from retailerp.ui.settings_users import PasswordDialog, UserDialog, UsersPage

pytestmark = pytest.mark.usefixtures("english", "shop_pc")

PASSWORD = "correct horse"


def fill(dialog: QDialog, **values: str) -> None:
    for key, value in values.items():
        dialog.form.editor(key).setText(value)  # type: ignore[attr-defined]


@pytest.fixture
def owner(db: Database) -> Services:
    actor = Services.over(db, actor=NOBODY).users.create_first_owner("boss", "Wang", PASSWORD)
    return Services.over(db, actor=actor)


def test_the_first_start_makes_the_owner_and_may_skip_the_login_here(qtbot, db: Database) -> None:
    dialog = FirstRunDialog(Services.over(db, actor=NOBODY))
    qtbot.addWidget(dialog)
    fill(dialog, username="boss", display_name="Wang Fang", password=PASSWORD, again="other")
    assert not dialog.create()
    assert "differ" in dialog.form.error_label("again").text()
    fill(dialog, password="short", again="short")
    assert not dialog.create()
    assert "at least 8" in dialog.form.error_label("password").text()
    fill(dialog, password=PASSWORD, again=PASSWORD)
    dialog.no_login.setChecked(True)
    assert dialog.create() and dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor is not None and dialog.actor.role is Role.OWNER
    assert sign_in(db) == dialog.actor  # this PC starts without a login now


def test_the_login_says_why_and_waits_out_the_delay(qtbot, owner: Services) -> None:
    dialog = LoginDialog(Services.over(owner.ctx.db, actor=NOBODY))
    qtbot.addWidget(dialog)
    fill(dialog, username="boss", password="wrong!")
    assert not dialog.log_in()
    assert "Wrong user name or password" in dialog.form.error_label("password").text()
    assert not dialog.ok.isEnabled()  # one second before the next try
    assert dialog.form.editor("password").text() == ""  # type: ignore[attr-defined]
    qtbot.waitUntil(dialog.ok.isEnabled, timeout=5000)
    fill(dialog, password=PASSWORD)
    assert dialog.log_in()
    assert dialog.actor is not None and dialog.actor.username == "boss"


def test_sign_in_shows_the_login_when_the_pc_is_not_free(
    qtbot, owner: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []

    def exec_(dialog: QDialog) -> int:
        shown.append(type(dialog).__name__)
        fill(dialog, username="boss", password=PASSWORD)
        dialog.log_in()  # type: ignore[attr-defined]
        return dialog.result()

    monkeypatch.setattr(LoginDialog, "exec", exec_)
    actor = sign_in(owner.ctx.db)
    assert shown == ["LoginDialog"] and actor is not None and actor.username == "boss"


def test_the_window_acts_as_who_logged_in_and_shows_it(
    qtbot, owner: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    owner.users.add("li", "Li Lei", "sales", PASSWORD)
    monkeypatch.setattr(
        login_module,
        "sign_in",
        lambda db, parent=None: Services.over(db, actor=NOBODY).users.login("li", PASSWORD),
    )
    monkeypatch.setattr(app_module, "sign_in", login_module.sign_in)
    built: list = []
    real = app_module.build_main_window
    monkeypatch.setattr(app_module, "build_main_window",
                        lambda *a, **k: built.append(real(*a, **k)) or built[-1])  # fmt: skip
    assert run_gui(str(owner.ctx.db.path), language="en", exit_after=0.2) == 0
    assert "Li Lei — li (sales)" in built[0].status_texts()["user"]


def test_what_a_role_may_not_do_is_disabled_and_explained(qtbot, db: Database) -> None:
    clerk = Services.over(db, actor=Actor("li", Role.SALES))
    window = build_main_window(clerk, "shop.db")
    qtbot.addWidget(window)
    window.show_module("customers")
    customers = window.module_widget("customers")
    assert customers.new_button.isEnabled()  # type: ignore[union-attr]
    window.show_module("items")
    items = window.module_widget("items")
    assert not items.new_button.isEnabled()  # type: ignore[union-attr]
    assert items.new_button.toolTip() == (  # type: ignore[union-attr]
        "Your role (sales) may not edit items, units and places."
    )
    window.show_module("stock")
    stock = window.module_widget("stock")
    assert not stock.receipt_button.isEnabled()  # type: ignore[union-attr]
    assert "may not receive goods" in stock.receipt_button.toolTip()  # type: ignore[union-attr]
    window.show_module("invoices")
    invoices = window.module_widget("invoices")
    assert "may not record payments" in invoices.invoices.pay_button.toolTip()  # type: ignore[union-attr]
    window.show_module("consignment")
    fill_up = window.module_widget("consignment").findChild(QPushButton, "consignment_fill_up")
    assert fill_up is not None and not fill_up.isEnabled()
    owner_window = build_main_window(Services.over(db, actor=Actor("boss")), "shop.db")
    qtbot.addWidget(owner_window)
    owner_window.show_module("items")
    assert owner_window.module_widget("items").new_button.isEnabled()  # type: ignore[union-attr]


def test_settings_pages_a_role_may_not_save_are_disabled_saying_why(qtbot, db: Database) -> None:
    dialog = SettingsDialog(Services.over(db, actor=Actor("li", Role.SALES)))
    qtbot.addWidget(dialog)
    tabs = dialog.tabs
    users = tabs.indexOf(dialog.users)
    assert not tabs.isTabEnabled(users)
    assert tabs.tabToolTip(users) == "Your role (sales) may not manage users and roles."
    assert not tabs.isTabEnabled(tabs.indexOf(dialog.company))
    assert not dialog.form.editor("allow_negative_stock").isEnabled()
    assert dialog.form.editor("language").isEnabled()
    assert dialog.save()  # this PC's own settings still save


def test_the_owner_keeps_users_and_roles(
    qtbot, owner: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = UsersPage(owner)
    qtbot.addWidget(page)
    add = UserDialog(owner)
    qtbot.addWidget(add)
    fill(add, username="li", display_name="Li Lei", password=PASSWORD, again=PASSWORD)
    add.form.editor("role").setCurrentIndex(add.form.editor("role").findData("sales"))  # type: ignore[attr-defined]
    assert add.add()
    page.reload()
    assert page.table.rowCount() == 2 and page.table.item(1, 0).text() == "li"
    page.table.selectRow(1)
    reset = PasswordDialog(owner, "li")
    qtbot.addWidget(reset)
    fill(reset, password="another one", again="another one")
    assert reset.reset()
    assert Services.over(owner.ctx.db, actor=NOBODY).users.login("li", "another one")
    monkeypatch.setattr(
        "PySide6.QtWidgets.QMessageBox.question",
        lambda *a, **k: __import__("PySide6.QtWidgets").QtWidgets.QMessageBox.StandardButton.Yes,
    )
    page.end_user()
    states = {r.username: r.state for r in owner.users.users()}
    assert states["li"] is UserState.ENDED
    assert page.table.item(1, 3).text() == "account ended"
    page.table.selectRow(0)
    page.end_user()  # the only owner: refused, said on the page
    assert "only owner" in page.message.text()

    monkeypatch.setattr("PySide6.QtWidgets.QInputDialog.getText", lambda *a, **k: ("Cashier", True))
    page.new_role()
    assert page.selected_role() is not None and page.selected_role().name == "Cashier"  # type: ignore[union-attr]
    page.permission_boxes[next(iter(page.permission_boxes))].setChecked(True)
    page.save_role()
    saved = {r.name: r for r in owner.users.roles()}["Cashier"]
    assert len(saved.permissions) == 1
    page.delete_role()
    assert "Cashier" not in {r.name for r in owner.users.roles()}

    page.no_login.setChecked(True)
    assert owner.users.pcs_without_login() == {"SHOP-PC": "boss"}
    page.no_login.setChecked(False)
    assert owner.users.pcs_without_login() == {}


def test_a_user_changes_their_own_password(qtbot, owner: Services) -> None:
    from retailerp.ui.login import ChangePasswordDialog

    dialog = ChangePasswordDialog(owner)
    qtbot.addWidget(dialog)
    fill(dialog, current="not it", new="a newer secret", again="a newer secret")
    assert not dialog.change()
    assert "current password is wrong" in dialog.form.error_label("current").text()
    fill(dialog, current=PASSWORD)
    assert dialog.change()
    assert Services.over(owner.ctx.db, actor=NOBODY).users.login("boss", "a newer secret")


def test_a_password_typed_differently_the_second_time_is_refused_under_again(qtbot) -> None:
    from retailerp.ui.login import password_box, typed_twice
    from retailerp.ui.widgets.form import FormPage

    form = FormPage()
    qtbot.addWidget(form)
    form.add_field("password", "&Password", password_box())
    form.add_field("again", "Password a&gain", password_box())
    form.editor("password").setText("a long secret")
    form.editor("again").setText("a long secreT")
    assert typed_twice(form, "password") is None
    assert form.errors() == {"again": "The two passwords differ."}
    form.editor("again").setText("a long secret")
    assert typed_twice(form, "password") == "a long secret"
