"""Every action of every module page that leads to a service method a role may not call
(the "New …" buttons, Ctrl+N and the other keys that open a form, the page's actions) is
disabled for that role with the reason, and its key opens nothing and says why. Expected
answers come from ``services/permissions.TABLE`` itself, so the screens cannot drift."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import QApplication, QWidget

from retailerp.domain.security import Actor, Permission, Role
from retailerp.persistence.engine import Database
from retailerp.services import Services, permissions
from retailerp.ui import permissions as ui_permissions
from retailerp.ui.app import build_main_window

pytestmark = pytest.mark.usefixtures("english")

ACTORS = [Actor(f"user_{role.value}", role) for role in Role] + [
    Actor("clerk", "counter", frozenset({Permission.EDIT_ORDERS, Permission.RECEIVE_GOODS}))
]


def gated(page: QWidget) -> list[QObject]:
    return [o for o in page.findChildren(QObject) if o.property("permission")]


def methods_of(target: QObject) -> list[str]:
    return str(target.property("permission")).split()


def shown_dialogs() -> set[QWidget]:
    return {w for w in QApplication.topLevelWidgets() if w.isVisible() and w.isWindow()}


@pytest.fixture
def window_as(qtbot, db: Database):
    def build(actor: Actor):
        window = build_main_window(Services.over(db, actor=actor), "shop.db")
        qtbot.addWidget(window)
        window.show()
        return window

    return build


@pytest.mark.parametrize("actor", ACTORS, ids=lambda a: str(a.role_label))
def test_every_gated_action_follows_the_permission_table(window_as, actor: Actor) -> None:
    window = window_as(actor)
    seen: set[str] = set()
    for key in window.module_keys():
        window.show_module(key)
        page = window.module_widget(key)
        for target in gated(page):
            assert isinstance(target, (QWidget, QAction, QShortcut))
            names = methods_of(target)
            assert all(permissions.needed(m) is not None for m in names), names
            may = all(permissions.may(actor, m) for m in names)
            seen.update(names)
            if isinstance(target, QShortcut):
                continue
            where = f"{key}: {target.objectName() or getattr(target, 'text', lambda: '')()}"
            assert ui_permissions.allowed(target) == may, where
            if not may:
                assert not target.isEnabled(), where
                assert target.toolTip() == ui_permissions.why_not(actor, names[0]), where
            elif not target.property("needs_selection"):
                assert target.isEnabled(), where
    assert {"CustomerService.create", "ItemService.create", "OrderService.create"} <= seen
    window.office.stop()


@pytest.mark.parametrize("actor", ACTORS, ids=lambda a: str(a.role_label))
def test_every_new_key_opens_a_form_only_for_a_role_that_may_save_it(
    qtbot, window_as, actor: Actor
) -> None:
    window = window_as(actor)
    keys_seen = 0
    for key in window.module_keys():
        window.show_module(key)
        page = window.module_widget(key)
        for shortcut in page.findChildren(QShortcut):
            if shortcut.key().toString() not in ("Ctrl+N", "Ctrl+R"):
                continue
            method = shortcut.property("permission")
            assert method, f"{key}: {shortcut.key().toString()} is not gated"
            keys_seen += 1
            before = shown_dialogs()
            window.statusBar().clearMessage()
            shortcut.activated.emit()
            opened = shown_dialogs() - before
            if permissions.may(actor, method):
                assert opened, f"{key}: {shortcut.key().toString()} opened nothing"
                for dialog in opened:
                    dialog.hide()
            else:
                assert not opened, f"{key}: {shortcut.key().toString()} opened a form"
                reason = ui_permissions.why_not(actor, method)
                assert window.statusBar().currentMessage() == reason
    assert keys_seen >= 5  # customers, items, orders, complaints (Ctrl+N); stock (Ctrl+R)
    window.office.stop()


@pytest.mark.parametrize("actor", ACTORS, ids=lambda a: str(a.role_label))
def test_a_card_opened_by_a_role_that_may_not_save_it_says_why(
    qtbot, db: Database, actor: Actor
) -> None:
    from retailerp.ui.customers.dialog import CustomerDialog
    from retailerp.ui.items.dialog import ItemDialog

    owner = Services.over(db, actor=Actor("boss"))
    customer = owner.customers.create({"code": "C1", "name": "华联"})
    services = Services.over(db, actor=actor)
    for card, method in (
        (CustomerDialog(services, customer.id), "CustomerService.update"),
        (ItemDialog(services), "ItemService.update"),
    ):
        qtbot.addWidget(card)
        save = next(o for o in gated(card) if methods_of(o) == [method])
        assert save.isEnabled() == permissions.may(actor, method)
        assert save.toolTip() == (ui_permissions.why_not(actor, method) or "Save (Ctrl+S)")
