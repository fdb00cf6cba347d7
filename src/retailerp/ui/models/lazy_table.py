"""A table model that loads its rows page by page from a :class:`PageSource`.

Searching, filtering and sorting go back to the source (that is, to SQL); the model never
sorts or filters in Python and is never put behind a ``QSortFilterProxyModel`` (39 s to sort
200k rows on this project's test machine).  Scrolling near the end of what is loaded makes
the view call :meth:`fetchMore`, which asks for the page after the last row's cursor.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Hashable, Mapping
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from retailerp.ui.models.page_source import (
    DEFAULT_PAGE_SIZE,
    Column,
    PageQuery,
    PageSource,
)

log = logging.getLogger(__name__)

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
"""``data(index, ROW_ROLE)`` is the row object the source returned."""

SORT_ROLE = Qt.ItemDataRole.UserRole + 2
"""``data(index, SORT_ROLE)`` is the raw (unformatted) value of the cell."""

CHIP_ROLE = Qt.ItemDataRole.UserRole + 3
"""``data(index, CHIP_ROLE)`` is the state chip kind of the cell (the source's optional
``chip(row, column_key)``), drawn by ``ui.delegates.ChipDelegate``; ``None`` for plain text."""

_ALIGNMENT = {
    "left": Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
    "right": Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
    "center": Qt.AlignmentFlag.AlignCenter,
}

AnyIndex = QModelIndex | QPersistentModelIndex

_ANSWERED = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.BackgroundRole,
        ROW_ROLE,
        SORT_ROLE,
        CHIP_ROLE,
    }
)
"""The roles :meth:`LazyTableModel.data` answers."""


def _display(value: object) -> str:
    return "" if value is None else str(value)


class LazyTableModel(QAbstractTableModel):
    """Rows of ``source``, loaded ``page_size`` at a time with a keyset cursor.

    ``load_failed(exception)`` is emitted when the source raises while loading (the view
    calls :meth:`fetchMore` from paint code, so the error cannot propagate); connect it to
    :func:`retailerp.ui.errors.show_error`.  ``rows_loaded(count)`` follows every load.
    The optional source methods ``decorate``, ``background`` (a cell's fill colour),
    ``sort_value`` and ``fetch_row`` (see
    :mod:`retailerp.ui.models.page_source`) are used when present.
    """

    load_failed = Signal(object)
    rows_loaded = Signal(int)

    def __init__(
        self,
        source: PageSource,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
        sort_key: str | None = None,
        descending: bool = False,
        filters: Mapping[str, object] | None = None,
        autoload: bool = True,
        parent: QObject | None = None,
    ) -> None:
        """Loads the first page at once unless ``autoload`` is false; then the first
        :meth:`fetchMore` (a view asks when the model is set) or :meth:`refresh` does.
        ``filters``: the first query's (a list that starts filtered reads once)."""
        super().__init__(parent)
        self._source = source
        self._decorate = getattr(source, "decorate", None)
        self._sort_value = getattr(source, "sort_value", None)
        self._fetch_row = getattr(source, "fetch_row", None)
        self._chip = getattr(source, "chip", None)
        self._background = getattr(source, "background", None)
        self._columns: list[Column] = list(source.columns)
        self._query = PageQuery(
            filters=filters or {},
            sort_key=sort_key or self._default_sort_key(),
            descending=descending,
            limit=page_size,
        )
        self._rows: list[Any] = []
        self._index_by_id: dict[Hashable, int] = {}
        self._exhausted = False
        self._busy = False
        self._deferred = False
        if autoload:
            self._reset()

    # -- what the screen asks for -------------------------------------------------------

    @property
    def query(self) -> PageQuery:
        """The query the loaded rows answer (``after`` is always ``None`` here)."""
        return self._query

    @property
    def columns(self) -> list[Column]:
        return list(self._columns)

    @property
    def loaded_count(self) -> int:
        return len(self._rows)

    @property
    def fully_loaded(self) -> bool:
        return self._exhausted

    def column_of(self, key: str) -> int:
        """The column number of ``key`` (``-1`` when there is none)."""
        return next((i for i, c in enumerate(self._columns) if c.key == key), -1)

    def set_search(self, text: str) -> None:
        """Show the rows matching ``text``; reloads from the first page."""
        self._requery(search=text.strip())

    def set_filters(self, filters: Mapping[str, object]) -> None:
        """Replace all filters; reloads from the first page."""
        self._requery(filters=filters)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by ``column`` in the source; ignored for columns that cannot be sorted."""
        if not 0 <= column < len(self._columns) or not self._columns[column].sortable:
            return
        self._requery(
            sort_key=self._columns[column].key,
            descending=order == Qt.SortOrder.DescendingOrder,
        )

    def sort_column(self) -> int:
        return self.column_of(self._query.sort_key)

    def sort_order(self) -> Qt.SortOrder:
        if self._query.descending:
            return Qt.SortOrder.DescendingOrder
        return Qt.SortOrder.AscendingOrder

    def defer(self) -> None:
        """Load nothing until :meth:`refresh` (or a search, filter or sort) asks: for a list
        on a tab not shown yet, whose view would otherwise ask for its first page at once."""
        self._deferred = True

    @property
    def deferred(self) -> bool:
        return self._deferred

    def refresh(self) -> None:
        """Load everything again, as many rows as were loaded (keeps the scroll depth)."""
        self._reset(limit=max(len(self._rows), self._query.limit))

    def row_at(self, index: AnyIndex | int) -> Any | None:
        """The row object at ``index`` (a model index or a row number), or ``None``."""
        row = index if isinstance(index, int) else index.row() if index.isValid() else -1
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def column_texts(self, column: int, rows: int) -> list[tuple[str, bool]]:
        """The display text of ``column`` in the first ``rows`` loaded rows, each with
        whether it is drawn as a chip (what sizing the column measures; no Qt round trip)."""
        key = self._columns[column].key
        return [
            (_display(self._source.cell(row, key)), bool(self._chip and self._chip(row, key)))
            for row in self._rows[:rows]
        ]

    def row_id(self, index: AnyIndex | int) -> Hashable | None:
        """The id of the loaded row at ``index`` (a model index or a row number), or ``None``."""
        row = self.row_at(index)
        return None if row is None else self._source.row_key(row, self._query.sort_key)[-1]

    def row_of(self, row_id: Hashable) -> int:
        """The row number of the loaded row with this id, or ``-1``."""
        return self._index_by_id.get(row_id, -1)

    def find_row(self, match: Callable[[Any], bool]) -> int:
        """The number of the first row ``match`` accepts, reading further pages until one
        does (a row just made may sort after the first page); ``-1`` when none does."""
        start = 0
        while True:
            for number in range(start, len(self._rows)):
                if match(self._rows[number]):
                    return number
            start = len(self._rows)
            if not self.canFetchMore(QModelIndex()):
                return -1
            self.fetchMore(QModelIndex())
            if len(self._rows) == start:  # nothing came (a load under way, or it failed)
                return -1

    def reload_row(self, row_id: Hashable) -> None:
        """Fetch one edited row again and repaint it; removes it when it was deleted.

        Without ``fetch_row`` on the source this is :meth:`refresh`.  A row whose sort value
        changed stays where it is until the next reload.
        """
        number = self.row_of(row_id)
        if number < 0:
            return
        if self._fetch_row is None:
            self.refresh()
            return
        row = self._fetch_row(row_id)
        if row is None:
            self._remove_row(number)
            return
        self._rows[number] = row
        last = self.index(number, len(self._columns) - 1)
        self.dataChanged.emit(self.index(number, 0), last)

    # -- QAbstractTableModel ------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._columns)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ANSWERED:
            return None  # a view asks ~10 roles per cell while sizing: most have no answer
        row = self.row_at(index)
        if row is None or not 0 <= index.column() < len(self._columns):
            return None
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(self._source.cell(row, column.key))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGNMENT.get(column.alignment)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(row, column.key)
        if role == Qt.ItemDataRole.BackgroundRole and self._background is not None:
            name = self._background(row, column.key)
            return QColor(name) if name else None
        if role == ROW_ROLE:
            return row
        if role == SORT_ROLE:
            return self._raw(row, column.key)
        if role == CHIP_ROLE:
            return self._chip(row, column.key) if self._chip is not None else None
        return None

    def headerData(  # noqa: N802
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return super().headerData(section, orientation, role)
        column = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.header
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGNMENT.get(column.alignment)
        return None

    def canFetchMore(self, parent: AnyIndex) -> bool:  # noqa: N802
        return not parent.isValid() and not self._exhausted and not self._deferred

    def fetchMore(self, parent: AnyIndex) -> None:  # noqa: N802
        if parent.isValid() or self._exhausted or self._busy or self._deferred:
            return
        self._busy = True  # views and testers call back into us from our own signals
        try:
            rows = self._load(self._next_query())
            if rows:
                first = len(self._rows)
                self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
                self._append(rows)
                self.endInsertRows()
        finally:
            self._busy = False
        self.rows_loaded.emit(len(self._rows))

    # -- internals ---------------------------------------------------------------------

    def _next_query(self) -> PageQuery:
        if not self._rows:
            return self._query.first_page()
        return self._query.next_page(self._source.row_key(self._rows[-1], self._query.sort_key))

    def _default_sort_key(self) -> str:
        sortable = [c.key for c in self._columns if c.sortable]
        return sortable[0] if sortable else ""

    def _requery(self, **changes: Any) -> None:
        query = replace(self._query, **changes)
        if query == self._query:
            return
        self._query = query
        self._reset()

    def _reset(self, limit: int | None = None) -> None:
        self._deferred = False
        query = self._query.first_page()
        if limit is not None:
            query = replace(query, limit=limit)
        self._busy = True
        try:
            self.beginResetModel()
            self._rows = []
            self._index_by_id = {}
            self._exhausted = False
            self._append(self._load(query))
            self.endResetModel()
        finally:
            self._busy = False
        self.rows_loaded.emit(len(self._rows))

    def _load(self, query: PageQuery) -> list[Any]:
        """One page from the source; on failure, stop loading and report it."""
        try:
            rows = list(self._source.fetch(query))
        except Exception as exc:  # the view calls us from paint code: report, don't raise
            log.exception("Loading a page failed: %r", query)
            self._exhausted = True
            self.load_failed.emit(exc)
            return []
        self._exhausted = len(rows) < query.limit
        return rows

    def _append(self, rows: list[Any]) -> None:
        sort_key = self._query.sort_key
        for row in rows:
            self._index_by_id[self._source.row_key(row, sort_key)[-1]] = len(self._rows)
            self._rows.append(row)

    def _remove_row(self, number: int) -> None:
        self.beginRemoveRows(QModelIndex(), number, number)
        del self._rows[number]
        sort_key = self._query.sort_key
        self._index_by_id = {
            self._source.row_key(row, sort_key)[-1]: i for i, row in enumerate(self._rows)
        }
        self.endRemoveRows()

    def _foreground(self, row: Any, column_key: str) -> QColor | None:
        if self._decorate is None:
            return None
        name = self._decorate(row, column_key)
        return QColor(name) if name else None

    def _raw(self, row: Any, column_key: str) -> object:
        if self._sort_value is not None:
            return self._sort_value(row, column_key)
        return self._source.cell(row, column_key)
