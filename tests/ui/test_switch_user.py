"""File ▸ Log out / switch user…: the open cards close (unsaved work asked about), the
logout is on record, the login shows (even on a PC that starts without one), and the window
is built again for who logged in, so every module follows the new role."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication, QDialog

from retailerp.domain.security import NOBODY, Actor
from retailerp.persistence.engine import Database
from retailerp.services import Services
from retailerp.ui import app as app_module
from retailerp.ui.app import build_main_window, switch_user
from retailerp.ui.login import LoginDialog
from retailerp.ui.main_window import MainWindow
from support.dbtools import audit_entries

pytestmark = pytest.mark.usefixtures("english", "shop_pc")

PASSWORD = "correct horse"


@pytest.fixture
def owner(db: Database) -> Services:
    actor = Services.over(db, actor=NOBODY).users.create_first_owner("boss", "Wang", PASSWORD)
    services = Services.over(db, actor=actor)
    services.users.add("li", "Li Lei", "sales", PASSWORD)
    services.users.add("wu", "Wu Gang", "warehouse", PASSWORD)
    return services


@pytest.fixture(autouse=True)
def _windows_close() -> object:
    """Close every main window a test made (a replaced one is already deleted)."""
    yield
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow) and shiboken6.isValid(widget):
            office = getattr(widget, "office", None)
            if office is not None:
                office.stop()
            widget.close()
            widget.deleteLater()
    app_module._windows.clear()


@pytest.fixture
def logins(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The login dialog's answers: each entry a user name to log in as ("" gives up)."""
    answers: list[str] = []

    def exec_(dialog: QDialog) -> int:
        name = answers.pop(0)
        if not name:
            dialog.reject()
            return dialog.result()
        dialog.form.editor("username").setText(name)  # type: ignore[attr-defined]
        dialog.form.editor("password").setText(PASSWORD)  # type: ignore[attr-defined]
        dialog.log_in()  # type: ignore[attr-defined]
        return dialog.result()

    monkeypatch.setattr(LoginDialog, "exec", exec_)
    return answers


def window_for(qtbot, db: Database, username: str) -> tuple[MainWindow, Services]:
    actor = Services.over(db, actor=NOBODY).users.login(username, PASSWORD)
    services = Services.over(db, actor=actor)
    window = build_main_window(services, "shop.db")
    window.show()
    return window, services


def test_sales_logs_out_and_warehouse_logs_in(qtbot, owner: Services, logins: list[str]) -> None:
    db = owner.ctx.db
    window, _ = window_for(qtbot, db, "li")
    window.show_module("customers")
    assert window.module_widget("customers").new_button.isEnabled()  # type: ignore[union-attr]
    logins.append("wu")
    window.logout_action.trigger()
    qtbot.waitUntil(lambda: not window.isVisible() and app_module._windows[:1] != [window])
    fresh = app_module._windows[0]
    assert fresh is not window and fresh.isVisible()
    assert "Wu Gang — wu (warehouse)" in fresh.status_texts()["user"]
    fresh.show_module("customers")
    new_customer = fresh.module_widget("customers").new_button  # type: ignore[union-attr]
    assert not new_customer.isEnabled()
    assert new_customer.toolTip() == "Your role (warehouse) may not edit customers."
    fresh.show_module("items")
    assert fresh.module_widget("items").new_button.isEnabled()  # type: ignore[union-attr]
    trail = [(user, action) for user, action, _ in audit_entries(db)]
    assert trail[-2:] == [("li", "logout"), ("wu", "login")]
    people = Services.over(db, actor=Actor("boss")).office.connected()
    assert [(p.pc, p.username) for p in people] == [(db.pc, "wu")]


def test_a_pc_without_login_still_asks_who_comes_next(
    qtbot, owner: Services, logins: list[str]
) -> None:
    db = owner.ctx.db
    owner.users.set_login_free("SHOP-PC", True)
    window = build_main_window(owner, "shop.db")
    logins.append("li")
    fresh = switch_user(window, owner, "shop.db")
    assert fresh is not None and fresh.status_texts()["user"] == "User: Li Lei — li (sales)"
    assert audit_entries(db)[-1][:2] == ("li", "login")


def test_giving_up_the_login_quits(
    qtbot, owner: Services, logins: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: quits.append(True)))
    window, services = window_for(qtbot, owner.ctx.db, "li")
    logins.append("")
    assert switch_user(window, services, "shop.db") is None
    assert quits == [True] and not window.isVisible()
    assert Services.over(owner.ctx.db, actor=Actor("boss")).office.connected() == []
    assert audit_entries(owner.ctx.db)[-1][:2] == ("li", "logout")


def test_unsaved_work_is_asked_about_and_kept_when_the_user_says_no(
    qtbot, owner: Services, logins: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    window, services = window_for(qtbot, owner.ctx.db, "li")
    window.show_module("customers")
    card = window.module_widget("customers").new_customer()  # type: ignore[union-attr]
    card.form.editor("name").setText("Half typed")
    asked: list[int] = []
    monkeypatch.setattr(app_module, "confirm_logout", lambda w, n: asked.append(n) or False)
    assert switch_user(window, services, "shop.db") is window
    assert asked == [1] and card.isVisible() and window.isVisible()
    assert audit_entries(owner.ctx.db)[-1][1] != "logout"
    monkeypatch.setattr(app_module, "confirm_logout", lambda w, n: True)
    logins.append("wu")
    fresh = switch_user(window, services, "shop.db")
    assert fresh is not None and not card.isVisible()
