"""What the list screens share: a search box over a lazy table whose rows open on Enter or
double-click, and one card window per record.

Searching, filtering and sorting happen in SQL through the page source; the table loads
200 rows at a time.  A subclass creates its filters and buttons, then the view with
:meth:`ListPage.make_view` (widgets take the keyboard focus in the order they are made), and
lays them out.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QModelIndex, Qt, SignalInstance
from PySide6.QtWidgets import (
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
from retailerp.ui.errors import show_error
from retailerp.ui.list_view import list_view
from retailerp.ui.models import ROW_ROLE, LazyTableModel, PageSource
from retailerp.ui.widgets import SearchBox

D = TypeVar("D", bound=QDialog)


class ListPage(QWidget):
    """Rows of ``source``; the search box is ``<name>_search``, the table ``<name>_table``.

    Subclasses say what their filters ask for (:meth:`filters`) and what opening a row does
    (:meth:`open_row`).
    """

    def __init__(
        self,
        services: Services,
        source: PageSource,
        name: str,
        *,
        sort_key: str,
        descending: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.list_name = name
        self.model = LazyTableModel(source, sort_key=sort_key, descending=descending, parent=self)
        self.model.load_failed.connect(lambda exc: show_error(self, exc))
        self.search = SearchBox(self)
        self.search.setObjectName(f"{name}_search")
        self.search.search_changed.connect(self.model.set_search)
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
        return view

    def lay_out(self, filters: list[QWidget], buttons: list[QWidget], view: QTableView) -> None:
        """One bar (search, filters, then the buttons on the right) over the table."""
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        for widget in filters:
            bar.addWidget(widget)
        bar.addStretch(1)
        for button in buttons:
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
        """Load the list again, keeping how far it was scrolled."""
        self.model.refresh()

    def _activated(self, index: QModelIndex) -> None:
        row = self.model.data(index, ROW_ROLE)
        if row is not None:
            self.open_row(row)

    def open_row(self, row: Any) -> QWidget | None:
        raise NotImplementedError


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
