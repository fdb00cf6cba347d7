"""The returns list and the list of returns by reason, item and month.

Returns: search by return or delivery number or customer, filter by state and reason and a
date range, state chips; Enter or double-click opens the return form, "New return…" opens an
empty one (scan the delivery number there).  The analysis counts posted returns per month,
reason and item, filterable by reason and dates, searchable by item.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QWidget

from retailerp.domain.returns import RETURN_FLOW, RETURN_REASON_LABELS, ReturnReason, ReturnState
from retailerp.persistence.returns_queries import ReturnRow
from retailerp.services import Services
from retailerp.ui.list_page import ListPage
from retailerp.ui.permissions import gate
from retailerp.ui.printing import batch
from retailerp.ui.returns.dialog import ReturnDialog
from retailerp.ui.returns.sources import ReturnAnalysisSource, ReturnSource
from retailerp.ui.returns.windows import open_return
from retailerp.ui.sales.list_base import DocumentList, date_box, date_value
from retailerp.ui.sources import term
from retailerp.ui.styles import icon


def reason_box(parent: QWidget, name: str) -> QComboBox:
    box = QComboBox(parent)
    box.setObjectName(name)
    box.addItem(QCoreApplication.translate("ReturnsPage", "Every reason"), "")
    for reason in ReturnReason:
        box.addItem(term(RETURN_REASON_LABELS[reason]), reason.value)
    return box


class ReturnsPage(DocumentList):
    """Returns (退货单), newest first."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, ReturnSource(services), "returns", multi_select=True,
                         parent=parent)  # fmt: skip
        self.search.setPlaceholderText(
            self.tr("Search return or delivery number, customer code or name…")
        )
        self.state = QComboBox(self)
        self.state.setObjectName("state_filter")
        self.state.addItem(self.tr("Every state"), "")
        for state in ReturnState:
            self.state.addItem(term(RETURN_FLOW.state_labels[state]), state.value)
        self.reason = reason_box(self, "reason_filter")
        for box in (self.state, self.reason):
            box.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.new_button = self.add_button(self.tr("&New return…"), self.new_return)
        gate(self.new_button, self.services, "ReturnService.create")
        self.new_button.setIcon(icon("new"))
        self.print_button = self.add_button(self.tr("&Print selected…"), self.print_selected)
        self.print_button.setIcon(icon("print"))
        self.build_layout([self.state, self.reason], [self.new_button, self.print_button])

    def extra_filters(self) -> dict[str, object]:
        filters: dict[str, object] = {}
        for key, box in (("state", self.state), ("reason", self.reason)):
            if box.currentData():
                filters[key] = box.currentData()
        return filters

    def open_row(self, row: ReturnRow) -> ReturnDialog:
        return open_return(self, self.services, return_id=row.id)

    def new_return(self) -> ReturnDialog:
        return open_return(self, self.services)

    def print_selected(self) -> batch.BatchPrint | None:
        return self.print_rows(
            self.tr("Select the return notes to print."),
            self.tr("{done} of {total} return notes saved in {folder}."),
            self.tr("{done} of {total} return notes sent to the printer."),
        )


class ReturnAnalysisPage(ListPage):
    """Posted returns by month, reason and item (what comes back, and why)."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, ReturnAnalysisSource(services), "return_analysis",
                         sort_key="month", descending=True, parent=parent)  # fmt: skip
        self.search.setPlaceholderText(self.tr("Search item code or name…"))
        self.reason = reason_box(self, "analysis_reason")
        self.reason.currentIndexChanged.connect(lambda _i: self.apply_filters())
        today = services.ctx.today
        self.date_from = date_box(self, self.tr("from any date"), today)
        self.date_to = date_box(self, self.tr("to any date"), today)
        for box in (self.date_from, self.date_to):
            box.valueChanged.connect(lambda _d: self.apply_filters())
        view = self.make_view({"item_name": 220})
        self.lay_out([self.reason, self.date_from, self.date_to], [], view)

    def filters(self) -> dict[str, object]:
        filters: dict[str, object] = {}
        if self.reason.currentData():
            filters["reason"] = self.reason.currentData()
        for key, box in (("date_from", self.date_from), ("date_to", self.date_to)):
            if date_value(box) is not None:
                filters[key] = date_value(box)
        return filters

    def open_row(self, row: object) -> None:
        return None
