"""The red invoice list: state filter, open (Enter) the form, print the selected ones."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from retailerp.domain.red_invoices import RedState
from retailerp.persistence.red_invoice_queries import RedInvoiceRow
from retailerp.services import Services
from retailerp.ui.permissions import gate
from retailerp.ui.printing import batch
from retailerp.ui.red_invoices.form import RedInvoiceDialog
from retailerp.ui.red_invoices.sources import RedInvoiceSource, red_state_text
from retailerp.ui.sales.list_base import DocumentList
from retailerp.ui.styles import icon


class RedInvoicesPage(DocumentList):
    """Red invoices, newest first; the home page opens those awaiting confirmation."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(
            services, RedInvoiceSource(services), "red_invoices", multi_select=True, parent=parent
        )
        self.forms: list[RedInvoiceDialog] = []
        self.state_filter = QComboBox(self)
        self.state_filter.setObjectName("red_state_filter")
        self.state_filter.addItem(self.tr("Every state"), "")
        for state in RedState:
            self.state_filter.addItem(red_state_text(state), state.value)
        self.state_filter.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.new_button = self.add_button(self.tr("&New red invoice…"), self.new_red)
        gate(self.new_button, self.services, "RedInvoiceService.create")
        self.open_button = self.add_button(self.tr("&Open"), self.open_current)
        self.print_button = self.add_button(self.tr("&Print selected…"), self.print_selected)
        self.print_button.setIcon(icon("print"))
        self.build_layout(
            [self.state_filter], [self.new_button, self.open_button, self.print_button]
        )

    def extra_filters(self) -> dict[str, object]:
        state = self.state_filter.currentData()
        return {"state": state} if state else {}

    def open_row(self, row: RedInvoiceRow) -> RedInvoiceDialog:
        return self._show(RedInvoiceDialog(self.services, self, red_id=row.id))

    def open_current(self) -> RedInvoiceDialog | None:
        rows = self.selected_rows()
        return self.open_row(rows[0]) if rows else None

    def new_red(self) -> RedInvoiceDialog:
        """An empty form: type the blue invoice's number."""
        return self._show(RedInvoiceDialog(self.services, self))

    def _show(self, dialog: RedInvoiceDialog) -> RedInvoiceDialog:
        dialog.finished.connect(lambda _r, d=dialog: self._closed(d))
        dialog.show()
        self.forms.append(dialog)
        return dialog

    def _closed(self, dialog: RedInvoiceDialog) -> None:
        if dialog in self.forms:
            self.forms.remove(dialog)
        dialog.deleteLater()
        self.refresh()

    def print_selected(self) -> batch.BatchPrint | None:
        return self.print_rows(
            self.tr("Select the red invoices to print."),
            self.tr("{done} of {total} red invoices saved in {folder}."),
            self.tr("{done} of {total} red invoices sent to the printer."),
        )
