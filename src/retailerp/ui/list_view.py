"""The table view every list screen uses over a :class:`LazyTableModel`, and Ctrl+N."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView, QWidget

from retailerp.ui.delegates import CHIP_EXTRA, install_chips
from retailerp.ui.models import LazyTableModel
from retailerp.ui.permissions import gated_shortcut

if TYPE_CHECKING:
    from retailerp.services import Services


def list_view(
    model: LazyTableModel,
    name: str,
    widths: Mapping[str, int] | None = None,
    parent: QWidget | None = None,
    *,
    multi_select: bool = False,
) -> QTableView:
    """A read-only view selecting whole rows, sorted (in SQL) the way ``model`` is.

    Columns are sized to their header and the first rows loaded (once: later pages and
    searches keep the widths the user sees); name columns (keys ending in ``name``) take the
    room left.  ``widths`` gives some columns a minimum width in pixels.  States are drawn
    as chips (:mod:`retailerp.ui.delegates`).  ``multi_select`` lets several rows be
    selected (Shift, Ctrl) instead of one.
    """
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    mode = QAbstractItemView.SelectionMode
    view.setSelectionMode(mode.ExtendedSelection if multi_select else mode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    header = view.horizontalHeader()
    header.setResizeContentsPrecision(FIT_ROWS)
    header.setSortIndicator(model.sort_column(), model.sort_order())
    view.setSortingEnabled(True)  # sorts by the indicator at once: it is set first
    view.verticalHeader().hide()
    install_chips(view)
    fit_columns(view, model, widths or {})
    if not model.loaded_count:  # size again once the first rows are there
        model.rows_loaded.connect(lambda n, v=view: _fit_once(v, model, widths or {}, n))
    return view


FIT_ROWS = 40
"""Rows a list's columns are sized to (about a screenful): measuring all of a 200-row first
page, chips and all, held the window up for 100–200 ms when a module was first shown."""


def is_name_column(key: str) -> bool:
    return key == "name" or key.endswith("_name")


def fit_columns(view: QTableView, model: LazyTableModel, widths: Mapping[str, int]) -> None:
    """Size every column to its header and the first loaded cells; names stretch into the
    rest.  The widths are measured here, from the cells' text and the view's font, instead
    of by ``resizeColumnsToContents`` (which asks the delegate for every cell's size hint,
    and the delegate asks the model for ten roles each: 20–40 ms a list on first show)."""
    header = view.horizontalHeader()
    names = [i for i, c in enumerate(model.columns) if is_name_column(c.key)]
    header.setStretchLastSection(not names)
    contents = content_widths(view, model)
    for number, column in enumerate(model.columns):
        needed = max(contents[number], header.sectionSizeFromContents(number).width())
        width = max(needed, widths.get(column.key, 0))
        header.setSectionResizeMode(number, QHeaderView.ResizeMode.Interactive)
        view.setColumnWidth(number, width)
    for number in names:
        header.setSectionResizeMode(number, QHeaderView.ResizeMode.Stretch)


def content_widths(view: QTableView, model: LazyTableModel) -> list[int]:
    """Per column, the width the first :data:`FIT_ROWS` loaded cells need: their text in the
    view's font, the style's text margins, a chip's padding, the grid line."""
    advance = view.fontMetrics().horizontalAdvance
    style = view.style()
    margin = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)
    margin += 2 if view.showGrid() else 1  # the grid line, and Qt's rounding
    result = []
    for number in range(model.columnCount()):
        cells = model.column_texts(number, FIT_ROWS)
        widths = [advance(text) + (CHIP_EXTRA if chip else 0) for text, chip in cells if text]
        result.append(max(widths) + margin if widths else 0)
    return result


def fit_table(view: QTableView, elastic: int | None = None) -> int:
    """Size a small table's columns (a dialog's lines, a report) to header and contents;
    column ``elastic`` takes the room left.  Returns the width the columns need."""
    header = view.horizontalHeader()
    header.setStretchLastSection(elastic is None)
    for number in range(header.count()):
        header.setSectionResizeMode(number, QHeaderView.ResizeMode.Interactive)
    view.resizeColumnsToContents()
    needed = sum(view.columnWidth(n) for n in range(header.count()))
    if elastic is not None:
        header.setSectionResizeMode(elastic, QHeaderView.ResizeMode.Stretch)
    return needed + view.frameWidth() * 2 + view.verticalScrollBar().sizeHint().width()


def _fit_once(
    view: QTableView, model: LazyTableModel, widths: Mapping[str, int], loaded: int
) -> None:
    if loaded and not view.property("fitted"):
        view.setProperty("fitted", True)
        fit_columns(view, model, widths)


def new_shortcut(
    parent: QWidget, slot: Callable[[], object], services: Services, method: str
) -> QShortcut:
    """Ctrl+N (the platform's "New") anywhere inside ``parent`` calls ``slot`` when the role
    may call ``method`` (the save the new form leads to), else says why."""
    return gated_shortcut(QKeySequence.StandardKey.New, parent, services, method, slot)
