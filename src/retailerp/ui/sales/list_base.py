"""What the order, delivery and invoice lists share: search, a date range, a lazy table.

Searching (number or customer) and filtering happen in SQL through the page source; the
table loads 200 rows at a time.  Double-click or Enter opens the document.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QModelIndex
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from retailerp.services import Services
from retailerp.ui.errors import show_error
from retailerp.ui.models import ROW_ROLE, LazyTableModel, PageSource
from retailerp.ui.printing.preview import PrintPreviewDialog
from retailerp.ui.widgets import SearchBox

NO_DATE = QDate(2000, 1, 1)
MESSAGE_STYLE = "color: #1b5e20;"


def date_box(parent: QWidget, special: str) -> QDateEdit:
    """A date edit whose lowest value means "no limit" and shows ``special``."""
    box = QDateEdit(parent)
    box.setCalendarPopup(True)
    box.setMinimumDate(NO_DATE)
    box.setSpecialValueText(special)
    box.setDisplayFormat("yyyy-MM-dd")
    box.setDate(NO_DATE)
    return box


def date_value(box: QDateEdit) -> date | None:
    return None if box.date() == box.minimumDate() else box.date().toPython()


class DocumentList(QWidget):
    """Base of the three sales lists; subclasses add filters, buttons and :meth:`open_row`."""

    def __init__(
        self,
        services: Services,
        source: PageSource,
        name: str,
        *,
        multi_select: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.previews: list[PrintPreviewDialog] = []
        self.model = LazyTableModel(source, sort_key="number", descending=True, parent=self)
        self.model.load_failed.connect(lambda exc: show_error(self, exc))
        self.search = SearchBox(self)
        self.search.setObjectName(f"{name}_search")
        self.search.setPlaceholderText(
            QCoreApplication.translate("DocumentList", "Search number, customer code or name…")
        )
        self.search.search_changed.connect(self.model.set_search)
        self.date_from = date_box(self, QCoreApplication.translate("DocumentList", "from any date"))
        self.date_to = date_box(self, QCoreApplication.translate("DocumentList", "to any date"))
        for box in (self.date_from, self.date_to):
            box.dateChanged.connect(lambda _d: self.apply_filters())
        self.message = QLabel(self)
        self.message.setObjectName(f"{name}_message")
        self.message.setWordWrap(True)
        self.view = self._build_view(name, multi_select)
        self.filter_bar = QHBoxLayout()
        self.button_bar = QHBoxLayout()

    def _build_view(self, name: str, multi_select: bool) -> QTableView:
        view = QTableView(self)
        view.setObjectName(f"{name}_table")
        view.setModel(self.model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        mode = QAbstractItemView.SelectionMode
        view.setSelectionMode(mode.ExtendedSelection if multi_select else mode.SingleSelection)
        view.horizontalHeader().setSortIndicator(self.model.sort_column(), self.model.sort_order())
        view.setSortingEnabled(True)
        view.horizontalHeader().setStretchLastSection(True)
        view.verticalHeader().hide()
        view.activated.connect(self._activated)
        customer = self.model.column_of("customer_name")
        if customer >= 0:
            view.setColumnWidth(customer, 240)
        return view

    def build_layout(self, filters: list[QWidget], buttons: list[QPushButton]) -> None:
        """Lay out: search and filters, the date range, the table, a message, the buttons."""
        self.filter_bar.addWidget(self.search, 2)
        for widget in filters:
            self.filter_bar.addWidget(widget)
        self.filter_bar.addWidget(self.date_from)
        self.filter_bar.addWidget(self.date_to)
        self.filter_bar.addStretch(1)
        for button in buttons:
            self.button_bar.addWidget(button)
        self.button_bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(self.filter_bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addLayout(self.button_bar)

    def add_button(self, text: str, slot: Callable[[], Any]) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(lambda: slot())
        return button

    # -- filters and rows -----------------------------------------------------------------

    def extra_filters(self) -> dict[str, object]:
        return {}

    def filters(self) -> dict[str, object]:
        filters = self.extra_filters()
        if date_value(self.date_from) is not None:
            filters["date_from"] = date_value(self.date_from)
        if date_value(self.date_to) is not None:
            filters["date_to"] = date_value(self.date_to)
        return filters

    def apply_filters(self) -> None:
        self.model.set_filters(self.filters())

    def refresh(self) -> None:
        self.model.refresh()

    def selected_rows(self) -> list[Any]:
        """The row objects selected, top to bottom."""
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        return [self.model.row_at(row) for row in rows]

    def select_rows(self, numbers: list[int]) -> None:
        """Select these row numbers (for keyboard users and tests)."""
        selection = self.view.selectionModel()
        selection.clearSelection()
        flags = selection.SelectionFlag.Select | selection.SelectionFlag.Rows
        for row in numbers:
            selection.select(self.model.index(row, 0), flags)

    def _activated(self, index: QModelIndex) -> None:
        row = self.model.data(index, ROW_ROLE)
        if row is not None:
            self.open_row(row)

    def open_row(self, row: Any) -> QWidget | None:
        raise NotImplementedError

    def show_message(self, text: str) -> None:
        self.message.setStyleSheet(MESSAGE_STYLE)
        self.message.setText(text)

    def show_problem(self, text: str) -> None:
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(text)

    def open_preview(self, number: str) -> PrintPreviewDialog:
        dialog = PrintPreviewDialog(self, self.services, number)
        dialog.finished.connect(lambda _r, d=dialog: self._forget_preview(d))
        dialog.show()
        self.previews.append(dialog)
        return dialog

    def _forget_preview(self, dialog: PrintPreviewDialog) -> None:
        if dialog in self.previews:
            self.previews.remove(dialog)
        dialog.deleteLater()
