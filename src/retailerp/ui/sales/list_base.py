"""What the order, delivery and invoice lists share: search, a date range, a lazy table.

Searching (number or customer) and filtering happen in SQL through the page source; the
table loads 80 rows at a time.  Double-click or Enter opens the document.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from retailerp import i18n
from retailerp.domain.errors import DomainError
from retailerp.services import Services
from retailerp.ui.errors import show_error
from retailerp.ui.list_page import ListPage
from retailerp.ui.models import PageSource
from retailerp.ui.printing import batch
from retailerp.ui.printing.preview import PrintPreviewDialog
from retailerp.ui.styles import ERROR_STYLE, MESSAGE_STYLE
from retailerp.ui.widgets import DateField

T = TypeVar("T")


def date_box(parent: QWidget, empty: str, today: Callable[[], date]) -> DateField:
    """A date field that, left empty, means "no limit" and says ``empty``."""
    box = DateField(parent, today=today)
    box.setPlaceholderText(empty)
    return box


def date_value(box: DateField) -> date | None:
    return box.value()


class DocumentList(ListPage):
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
        super().__init__(services, source, name, sort_key="number", descending=True, parent=parent)
        self.previews: list[PrintPreviewDialog] = []
        self.batch: batch.BatchPrint | None = None
        self.search.setPlaceholderText(
            QCoreApplication.translate("DocumentList", "Search number, customer code or name…")
        )
        today = services.ctx.today
        self.date_from = date_box(
            self, QCoreApplication.translate("DocumentList", "from any date"), today
        )
        self.date_to = date_box(
            self, QCoreApplication.translate("DocumentList", "to any date"), today
        )
        for box in (self.date_from, self.date_to):
            box.setObjectName("date_from" if box is self.date_from else "date_to")
            box.valueChanged.connect(lambda _d: self.apply_filters())
        self.message = QLabel(self)
        self.message.setObjectName(f"{name}_message")
        self.message.setWordWrap(True)
        self.view = self.make_view({"customer_name": 240}, multi_select=multi_select)
        self.filter_bar = QHBoxLayout()
        self.button_bar = QHBoxLayout()

    def build_layout(self, filters: list[QWidget], buttons: list[QPushButton]) -> None:
        """Lay out: search and filters, the date range, the table, a message, the buttons."""
        self.filter_bar.addWidget(self.search, 2)
        for widget in filters:
            self.filter_bar.addWidget(widget)
        self.filter_bar.addWidget(self.date_from)
        self.filter_bar.addWidget(self.date_to)
        self.filter_bar.addStretch(1)
        self.filter_bar.addWidget(self.refresh_button)
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

    # -- messages and service calls ---------------------------------------------------------

    def show_message(self, text: str) -> None:
        self.message.setStyleSheet(MESSAGE_STYLE)
        self.message.setText(text)

    def show_problem(self, text: str) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(text)

    def attempt(self, action: Callable[[], T]) -> T | None:
        """Run a service call; a refusal is shown under the list, anything else in a box."""
        try:
            return action()
        except DomainError as error:
            self.show_problem(error.render(i18n.translate))
        except Exception as error:  # noqa: BLE001 - shown and logged
            show_error(self, error)
        return None

    # -- printing ---------------------------------------------------------------------------

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

    def print_rows(self, nothing_selected: str, saved: str, sent: str) -> batch.BatchPrint | None:
        """Print (or save) the selected documents in the background, then say how many.

        ``saved`` and ``sent`` word the outcome, with ``{done}``, ``{total}`` and
        ``{folder}``: saved into a folder, sent to the printer."""
        numbers = [row.number for row in self.selected_rows()]
        if not numbers:
            self.show_problem(nothing_selected)
            return None
        self.batch = batch.print_selected(self, self.services, numbers)
        if self.batch is not None:
            self.batch.finished.connect(lambda result: self._printed(result, saved, sent))
        return self.batch

    def _printed(self, result: batch.BatchResult, saved: str, sent: str) -> None:
        text = saved if result.folder is not None else sent
        self.show_message(
            text.format(done=len(result.done), total=result.total, folder=result.folder)
        )
