"""Painting cells: states as coloured chips, in every list.

A list's page source says which cells are chips with an optional ``chip(row, column_key)``
method returning a kind (``"draft"``, ``"paid"``, ``"overdue"`` …, see
:data:`retailerp.ui.styles.CHIP_COLOURS`); the table model hands it out as ``CHIP_ROLE``.
:class:`ChipDelegate` draws those cells' text in a rounded, coloured chip and every other
cell as usual, so one delegate serves the whole view.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from retailerp.ui.models.lazy_table import CHIP_ROLE
from retailerp.ui.styles import chip_colours

PADDING_X = 8
PADDING_Y = 2
CHIP_EXTRA = 2 * PADDING_X + 8
"""What a chip cell needs beyond its text: the pill's padding and its gap to the cell."""


class ChipDelegate(QStyledItemDelegate):
    """Draws chip cells as a coloured pill holding the cell's text."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        kind = index.data(CHIP_ROLE)
        if not kind:
            super().paint(painter, option, index)
            return
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        self.initStyleOption(option, index)
        option.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        background, foreground = chip_colours(str(kind))
        metrics = QFontMetrics(option.font)
        width = min(metrics.horizontalAdvance(text) + 2 * PADDING_X, option.rect.width() - 4)
        height = min(metrics.height() + 2 * PADDING_Y, option.rect.height() - 2)
        right = bool(option.displayAlignment & Qt.AlignmentFlag.AlignRight)  # numbers
        left = option.rect.right() - 3 - width if right else option.rect.left() + 4
        rect = QRectF(left, option.rect.center().y() - height / 2 + 0.5, max(width, 0), height)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(background)
        painter.drawRoundedRect(rect, height / 2, height / 2)
        painter.setPen(foreground)
        painter.setFont(option.font)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def sizeHint(  # noqa: N802
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        if index.data(CHIP_ROLE):
            text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
            width = QFontMetrics(option.font).horizontalAdvance(text) + CHIP_EXTRA
            size.setWidth(max(size.width(), width))
        return size


def install_chips(view: QWidget) -> ChipDelegate:
    """Give ``view`` (a table or tree view) the chip delegate for all its cells."""
    delegate = ChipDelegate(view)
    view.setItemDelegate(delegate)  # type: ignore[attr-defined]
    return delegate
