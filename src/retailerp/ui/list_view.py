"""The table view every list screen uses over a :class:`LazyTableModel`, and Ctrl+N."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from retailerp.ui.models import LazyTableModel


def list_view(
    model: LazyTableModel,
    name: str,
    widths: Mapping[str, int] | None = None,
    parent: QWidget | None = None,
    *,
    multi_select: bool = False,
) -> QTableView:
    """A read-only view selecting whole rows, sorted (in SQL) the way ``model`` is.

    ``widths`` gives some columns a starting width in pixels (names need more room); the
    widths are not computed from the contents, which would read every loaded row.
    ``multi_select`` lets several rows be selected (Shift, Ctrl) instead of one.
    """
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    mode = QAbstractItemView.SelectionMode
    view.setSelectionMode(mode.ExtendedSelection if multi_select else mode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    header = view.horizontalHeader()
    header.setSortIndicator(model.sort_column(), model.sort_order())
    view.setSortingEnabled(True)  # sorts by the indicator at once: it is set first
    header.setStretchLastSection(True)
    view.verticalHeader().hide()
    for key, width in (widths or {}).items():
        column = model.column_of(key)
        if column >= 0:
            view.setColumnWidth(column, width)
    return view


def new_shortcut(parent: QWidget, slot: Callable[[], object]) -> QShortcut:
    """Ctrl+N (the platform's "New") anywhere inside ``parent`` calls ``slot``."""
    shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.New), parent)
    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    shortcut.activated.connect(slot)
    return shortcut
