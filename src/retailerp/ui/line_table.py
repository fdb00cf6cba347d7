"""What the grids of document lines share (order lines, receipt and count lines).

The item column's cell holds the line's item id under :data:`ITEM_ROLE`; a refusal naming
``lines.<n>.<field>`` marks the cell of line ``n`` at fault, and the moment that cell's value
is changed its mark and its message go (:func:`clear_fixed_marks`).
"""

from __future__ import annotations

import re
from collections.abc import Collection

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from retailerp.ui.styles import error_brush

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
"""The item column's cell holds the line's item id under this role."""

MARK_ROLE = Qt.ItemDataRole.UserRole + 3
"""A marked cell holds ``(text when marked, message)`` under this role."""

LINE_FIELD = re.compile(r"^lines\.(\d+)\.(\w+)$")


def line_field(field: str | None) -> tuple[int, str] | None:
    """``lines.3.quantity`` → ``(2, "quantity")`` (the row, counted from 0); else ``None``."""
    match = LINE_FIELD.match(field or "")
    if match is None:
        return None
    return int(match.group(1)) - 1, match.group(2)


def line_item_id(table: QTableWidget, row: int) -> int:
    """The item id of the line in ``row`` (0 when there is none)."""
    cell = table.item(row, 0)
    return int(cell.data(ITEM_ROLE) or 0) if cell is not None else 0


def mark_cell(table: QTableWidget, row: int, column: int, message: str = "") -> None:
    """Colour the cell a refusal names (nothing when the row is not there); ``message`` is
    the refusal's line in the grid's message label, taken away when the cell is fixed."""
    cell = table.item(row, column) if 0 <= row < table.rowCount() else None
    if cell is not None:
        cell.setData(MARK_ROLE, (cell.text(), message))
        cell.setBackground(error_brush())


def clear_marks(table: QTableWidget) -> None:
    """Take every cell's refusal colour away."""
    for row in range(table.rowCount()):
        for column in range(table.columnCount()):
            cell = table.item(row, column)
            if cell is not None:
                _unmark(cell)


def _unmark(cell: QTableWidgetItem) -> None:
    if cell.data(MARK_ROLE) is not None:
        cell.setData(MARK_ROLE, None)
    cell.setBackground(QBrush())


def clear_fixed_marks(table: QTableWidget, label: QLabel) -> None:
    """When the value of a marked cell changes, its mark goes and so does its message in
    ``label`` (the other refusals stay until they are fixed or the document is saved)."""

    def changed(cell: QTableWidgetItem) -> None:
        mark = cell.data(MARK_ROLE)
        if not mark or cell.text() == mark[0]:
            return  # not marked, or only its colour changed
        _unmark(cell)
        lines = label.text().split("\n")
        if mark[1] in lines:
            lines.remove(mark[1])
            label.setText("\n".join(lines))

    table.itemChanged.connect(changed)


def back_after_enter(table: QTableWidget, columns: Collection[int], target: QWidget) -> None:
    """Enter that ends editing a cell of ``columns`` puts the keyboard back on ``target``
    (the scan field), its text selected so the next scan replaces it.  Tab and the arrows
    stay in the grid; Esc (which drops the edit) too."""
    hint = QAbstractItemDelegate.EndEditHint

    def closed(_editor: QWidget, end: QAbstractItemDelegate.EndEditHint) -> None:
        if end == hint.SubmitModelCache and table.currentColumn() in columns:
            QTimer.singleShot(0, target, lambda: _focus(target))

    table.itemDelegate().closeEditor.connect(closed)


def _focus(target: QWidget) -> None:
    target.setFocus(Qt.FocusReason.OtherFocusReason)
    if isinstance(target, QLineEdit):
        target.selectAll()
