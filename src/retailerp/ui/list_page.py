"""What the list screens share: a search box over a lazy table whose rows open on Enter or
double-click, a refresh button (F5), and one card window per record.

A list follows the data: when a committed write changed a kind of thing its source shows
(the source's ``shows``, see :mod:`retailerp.services.changes`), it reloads, keeping the
selected rows, the current cell and how far it was scrolled.  ↓ in the search box goes into
the list.

Searching, filtering and sorting happen in SQL through the page source; the table loads
80 rows at a time.  A subclass creates its filters and buttons, then the view with
:meth:`ListPage.make_view` (widgets take the keyboard focus in the order they are made), and
lays them out.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    Qt,
    SignalInstance,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from retailerp.services import Services
from retailerp.services.changes import ALL_CHANGES
from retailerp.ui.changes import watch
from retailerp.ui.errors import show_error
from retailerp.ui.list_view import list_view
from retailerp.ui.models import ROW_ROLE, LazyTableModel, PageSource
from retailerp.ui.styles import icon
from retailerp.ui.widgets import SearchBox

REFRESH_KEY = "F5"

D = TypeVar("D", bound=QDialog)


class ListPage(QWidget):
    """Rows of ``source``; the search box is ``<name>_search``, the table ``<name>_table``.

    Subclasses say what their filters ask for (:meth:`filters`) and what opening a row does
    (:meth:`open_row`).  A page whose filters start at something other than "everything"
    says ``filters_first``: nothing is read until its :meth:`apply_filters` (so the first
    page is read once, filtered, not once unfiltered and then again).
    """

    def __init__(
        self,
        services: Services,
        source: PageSource,
        name: str,
        *,
        sort_key: str,
        descending: bool = False,
        filters_first: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.list_name = name
        self.model = LazyTableModel(
            source, sort_key=sort_key, descending=descending, autoload=not filters_first,
            parent=self,
        )  # fmt: skip
        if filters_first:
            self.model.defer()
        self.model.load_failed.connect(lambda exc: show_error(self, exc))
        self.search = SearchBox(self)
        self.search.setObjectName(f"{name}_search")
        self.search.search_changed.connect(self.model.set_search)
        self.view: QTableView | None = None
        self.refresh_button = refresh_button(self, self.refresh)
        self.refresh_button.setObjectName(f"{name}_refresh")
        self.watcher = watch(
            self, services.changes, getattr(source, "shows", ALL_CHANGES), self.refresh
        )
        self.preset: dict[str, object] = {}
        self.preset_bar: QFrame | None = None

    def make_view(
        self, widths: Mapping[str, int] | None = None, *, multi_select: bool = False
    ) -> QTableView:
        """The table; Enter or double-click on a row calls :meth:`open_row`."""
        view = list_view(
            self.model, f"{self.list_name}_table", widths, self, multi_select=multi_select
        )
        view.activated.connect(self._activated)
        self.search.enter_list.connect(lambda: enter_list(view))
        self.view = view
        return view

    def lay_out(self, filters: list[QWidget], buttons: list[QWidget], view: QTableView) -> None:
        """One bar (search, filters, then the buttons on the right) over the table."""
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        for widget in filters:
            bar.addWidget(widget)
        bar.addStretch(1)
        for button in [self.refresh_button, *buttons]:
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(view, 1)

    # -- filters and rows -----------------------------------------------------------------

    def filters(self) -> dict[str, object]:
        """What the filter widgets ask for, as the read side's filters."""
        return {}

    def apply_filters(self) -> None:
        self.model.set_filters({**self.filters(), **self.preset})
        if self.model.deferred:  # the first read, with filters equal to the model's own
            self.model.refresh()

    def show_preset(self, filters: Mapping[str, object], label: str) -> None:
        """Show only the rows ``filters`` ask for (a home page queue, named ``label``) on
        top of the page's own filters, until "Show all" is pressed."""
        self.preset = dict(filters)
        bar = self._preset_bar()
        bar.findChild(QLabel, f"{self.list_name}_preset").setText(
            self.tr("Showing: {what}").format(what=label)
        )
        bar.show()
        self.apply_filters()

    def clear_preset(self) -> None:
        self.preset = {}
        if self.preset_bar is not None:
            self.preset_bar.hide()
        self.apply_filters()

    def _preset_bar(self) -> QFrame:
        if self.preset_bar is None:
            self.preset_bar = QFrame(self)
            self.preset_bar.setObjectName("preset_bar")
            label = QLabel(self.preset_bar)
            label.setObjectName(f"{self.list_name}_preset")
            show_all = QPushButton(self.tr("Show a&ll"), self.preset_bar)
            show_all.setObjectName(f"{self.list_name}_show_all")
            show_all.clicked.connect(self.clear_preset)
            row = QHBoxLayout(self.preset_bar)
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(label, 1)
            row.addWidget(show_all)
            layout = self.layout()
            if isinstance(layout, QVBoxLayout):
                layout.insertWidget(0, self.preset_bar)
        return self.preset_bar

    def refresh(self) -> None:
        """Load the list again, keeping the selection and how far it was scrolled."""
        self.watcher.seen()
        if self.view is None:
            self.model.refresh()
        else:
            reload_keeping_place(self.view, self.model)

    def _activated(self, index: QModelIndex) -> None:
        row = self.model.data(index, ROW_ROLE)
        if row is not None:
            self.open_row(row)

    def open_row(self, row: Any) -> QWidget | None:
        raise NotImplementedError


def refresh_button(parent: QWidget, slot: Callable[[], object]) -> QPushButton:
    """ "Refresh", with F5 named in its tooltip (the main window's F5 reloads the page)."""
    button = QPushButton(icon("refresh"), QCoreApplication.translate("ListPage", "Refresh"), parent)
    button.setToolTip(
        QCoreApplication.translate("ListPage", "Load the list again ({key})").format(
            key=REFRESH_KEY
        )
    )
    button.setObjectName("refresh")
    button.setAutoDefault(False)
    button.clicked.connect(lambda: slot())
    return button


def enter_list(view: QTableView) -> None:
    """Put the keyboard into the list, on the current row or the first one."""
    model = view.model()
    if model is None or model.rowCount() == 0:
        return
    current = view.currentIndex()
    if not current.isValid():
        view.setCurrentIndex(model.index(0, 0))
    view.setFocus(Qt.FocusReason.OtherFocusReason)


def reload_keeping_place(view: QTableView, model: LazyTableModel) -> None:
    """``model.refresh()`` keeping the selected rows, the current cell and the scroll."""
    selection = view.selectionModel()
    selected = [model.row_id(i.row()) for i in selection.selectedRows()] if selection else []
    current = view.currentIndex()
    current_id = model.row_id(current.row()) if current.isValid() else None
    top_id = model.row_id(max(view.rowAt(0), 0))
    horizontal = view.horizontalScrollBar().value()
    model.refresh()
    _restore(view, model, selected, (current_id, current.column()), top_id)
    view.horizontalScrollBar().setValue(horizontal)


def _restore(
    view: QTableView,
    model: LazyTableModel,
    selected: list[Hashable | None],
    current: tuple[Hashable | None, int],
    top_id: Hashable | None,
) -> None:
    selection = view.selectionModel()
    if selection is None:
        return
    rows = [model.row_of(row_id) for row_id in selected if row_id is not None]
    chosen = QItemSelection()
    last = max(model.columnCount() - 1, 0)
    for row in (r for r in rows if r >= 0):
        chosen.select(model.index(row, 0), model.index(row, last))
    flags = QItemSelectionModel.SelectionFlag
    current_row = model.row_of(current[0]) if current[0] is not None else -1
    if current_row >= 0:
        selection.setCurrentIndex(model.index(current_row, max(current[1], 0)), flags.NoUpdate)
    selection.select(chosen, flags.ClearAndSelect)
    top = model.row_of(top_id) if top_id is not None else -1
    if top >= 0:
        view.scrollTo(model.index(top, 0), QAbstractItemView.ScrollHint.PositionAtTop)


class CardWindows(Generic[D]):
    """One card window per record: opening a record again raises its window.

    ``make(record_id)`` builds a card (``record_id`` ``None`` for a new record);
    ``changed(card)`` is the signal a card emits with the record's id after each saved
    change, when a new record's card becomes that record's and ``on_change()`` runs (the
    list reloads).  Cards delete themselves when closed.
    """

    def __init__(
        self,
        make: Callable[[int | None], D],
        changed: Callable[[D], SignalInstance],
        on_change: Callable[[], None],
    ) -> None:
        self.dialogs: dict[int, D] = {}
        self._make = make
        self._changed = changed
        self._on_change = on_change

    def show(self, record_id: int | None) -> D:
        dialog = self.dialogs.get(record_id) if record_id is not None else None
        if dialog is None:
            dialog = self._make(record_id)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self._changed(dialog).connect(lambda new_id, d=dialog: self._saved(new_id, d))
            dialog.finished.connect(lambda _result, d=dialog: self._forget(d))
            if record_id is not None:
                self.dialogs[record_id] = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _saved(self, record_id: int, dialog: D) -> None:
        self.dialogs.setdefault(record_id, dialog)
        self._on_change()

    def _forget(self, dialog: D) -> None:
        for key in [k for k, d in self.dialogs.items() if d is dialog]:
            del self.dialogs[key]
