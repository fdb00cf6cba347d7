"""Keyboard habits: Enter on an order line's quantity goes back to the scan field, so the
next item is scanned at once; a button names its key in its tooltip."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialog, QPushButton, QVBoxLayout

from retailerp.services import Services
from retailerp.ui.sales.order_dialog import OrderDialog
from retailerp.ui.widgets.shortcuts import ShortcutTips
from ui.conftest import activate

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def dialog(qtbot, services: Services) -> OrderDialog:
    for sku in ("TEA-1", "KET-1"):
        services.items.create({"sku": sku, "name": sku.lower(), "price": "10", "vat_rate": "13"})
    widget = OrderDialog(services)
    qtbot.addWidget(widget)
    activate(qtbot, widget)
    return widget


def scan(qtbot, dialog: OrderDialog, code: str) -> None:
    dialog.lines.entry.selectAll()
    qtbot.keyClicks(dialog.lines.entry, code)
    qtbot.keyClick(dialog.lines.entry, Qt.Key.Key_Return)


def test_enter_on_the_quantity_returns_to_the_scan_field(qtbot, dialog: OrderDialog) -> None:
    lines = dialog.lines
    scan(qtbot, dialog, "TEA-1")
    assert lines.table.currentColumn() == 1  # the new line's quantity
    qtbot.keyClick(lines.entry, Qt.Key.Key_Down)
    assert lines.table.hasFocus()
    qtbot.keyClick(lines.table, Qt.Key.Key_3)
    editor = QApplication.focusWidget()
    assert lines.table.isAncestorOf(editor)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lines.entry.hasFocus)
    assert lines.table.state() != QAbstractItemView.State.EditingState
    assert lines.cell_text(0, "quantity") == "3"
    assert lines.entry.selectedText() == "TEA-1"  # the next scan replaces it
    scan(qtbot, dialog, "KET-1")
    assert [lines.cell_text(r, "quantity") for r in range(2)] == ["3", "1"]


def test_enter_on_the_price_stays_in_the_grid(qtbot, dialog: OrderDialog) -> None:
    lines = dialog.lines
    scan(qtbot, dialog, "TEA-1")
    qtbot.keyClick(lines.entry, Qt.Key.Key_Down)
    qtbot.keyClick(lines.table, Qt.Key.Key_Right)  # the unit price
    qtbot.keyClick(lines.table, Qt.Key.Key_9)
    editor = QApplication.focusWidget()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: lines.table.state() != QAbstractItemView.State.EditingState)
    qtbot.wait(10)
    assert lines.table.hasFocus()
    assert lines.cell_text(0, "unit_price") == "9"


def test_a_button_names_its_key_in_the_tooltip(qtbot) -> None:
    tips = ShortcutTips()
    QApplication.instance().installEventFilter(tips)
    try:
        window = QDialog()
        qtbot.addWidget(window)
        layout = QVBoxLayout(window)
        plain = QPushButton("Start &picking")
        own = QPushButton("&Save draft")
        own.setToolTip("Save the draft (Ctrl+S)")
        layout.addWidget(plain)
        layout.addWidget(own)
        window.show()
        qtbot.waitExposed(window)
        assert plain.toolTip() == "Start picking (Alt+P)"
        assert own.toolTip() == "Save the draft (Ctrl+S)"
    finally:
        QApplication.instance().removeEventFilter(tips)
