"""The shell lists registered modules, builds each on first use and switches with Ctrl+digit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QWidget

from retailerp.ui.main_window import MainWindow
from retailerp.ui.widgets.shortcuts import ShortcutsDialog


class Factory:
    """Builds a labelled widget and counts how often it was asked to."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.calls = 0

    def __call__(self) -> QWidget:
        self.calls += 1
        return QLabel(self.text)


def make_window(qtbot) -> tuple[MainWindow, dict[str, Factory]]:
    window = MainWindow()
    qtbot.addWidget(window)
    factories = {key: Factory(key) for key in ("customers", "items", "sales")}
    for key, factory in factories.items():
        window.add_module(key, key.title(), factory)
    return window, factories


def test_only_registered_modules_are_listed_and_the_first_is_shown(qtbot) -> None:
    window, factories = make_window(qtbot)
    nav = window.findChild(QListWidget, "navigation")

    assert [nav.item(i).text() for i in range(nav.count())] == ["Customers", "Items", "Sales"]
    assert window.current_module() == "customers"
    assert window.module_widget("customers").text() == "customers"
    assert [f.calls for f in factories.values()] == [1, 0, 0]  # the others wait


def test_choosing_a_module_builds_it_once(qtbot) -> None:
    window, factories = make_window(qtbot)
    nav = window.findChild(QListWidget, "navigation")

    with qtbot.waitSignal(window.module_changed) as changed:
        nav.setCurrentRow(2)
    window.show_module("customers")
    window.show_module("sales")

    assert changed.args == ["sales"]
    assert factories["sales"].calls == 1
    assert window.module_widget("sales").isVisibleTo(window)
    assert not window.module_widget("customers").isVisibleTo(window)


def test_ctrl_and_a_digit_switch_modules(qtbot) -> None:
    window, _ = make_window(qtbot)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)

    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_module() == "items"
    qtbot.keyClick(window, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)  # no 9th module
    assert window.current_module() == "items"


def test_the_title_names_the_database(qtbot) -> None:
    window, _ = make_window(qtbot)

    window.set_database_label("shop.db on \\\\server\\erp")

    assert "shop.db on \\\\server\\erp" in window.windowTitle()


def test_menus_offer_settings_quit_and_about(qtbot) -> None:
    window, _ = make_window(qtbot)
    menus = [a.text() for a in window.menuBar().actions()]

    assert menus == ["&File", "&View", "&Help"]
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"
    assert window.refresh_action.shortcut().toString() == "F5"
    assert window.shortcuts_action.shortcut().toString() == "F1"
    with qtbot.waitSignal(window.settings_requested):
        window.settings_action.trigger()


def test_a_module_key_is_registered_once(qtbot) -> None:
    window, _ = make_window(qtbot)

    with pytest.raises(ValueError):
        window.add_module("items", "Items again", Factory("x"))
    assert window.module_keys() == ["customers", "items", "sales"]


def test_f1_lists_the_keyboard_shortcuts_with_the_modules(qtbot) -> None:
    window, _ = make_window(qtbot)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.findChild(ShortcutsDialog, "shortcuts_dialog")
    assert dialog is not None and dialog.isVisible()
    keys = dict(dialog.texts())
    assert {"F1", "F5", "Ctrl+N", "Ctrl+S", "Ctrl+Enter"} <= set(keys)
    assert keys["Ctrl+1"] == "Open Customers" and keys["Ctrl+3"] == "Open Sales"
    dialog.close()
