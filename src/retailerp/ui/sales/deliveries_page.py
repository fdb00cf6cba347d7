"""The delivery list: not-invoiced filter, invoice the selected deliveries of one customer,
print the selection in a batch; double-click shows the delivery note."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QWidget

from retailerp.domain.invoicing import Invoice
from retailerp.services import DeliveryRow, Services
from retailerp.ui.permissions import gate
from retailerp.ui.printing import batch
from retailerp.ui.printing.preview import PrintPreviewDialog
from retailerp.ui.sales.list_base import DocumentList
from retailerp.ui.sales.sources import DeliverySource
from retailerp.ui.styles import icon


class DeliveriesPage(DocumentList):
    """Delivery notes, newest first; several can be selected."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(
            services, DeliverySource(services), "deliveries", multi_select=True, parent=parent
        )
        self.uninvoiced = QCheckBox(self.tr("&Not invoiced only"), self)
        self.uninvoiced.setObjectName("uninvoiced_filter")
        self.uninvoiced.toggled.connect(lambda _on: self.apply_filters())
        self.invoice_button = self.add_button(self.tr("&Invoice selected"), self.invoice_selected)
        self.print_button = self.add_button(self.tr("&Print selected…"), self.print_selected)
        self.return_button = self.add_button(self.tr("&Return…"), self.return_selected)
        self.complaint_button = self.add_button(self.tr("Co&mplaint…"), self.complaint)
        gate(self.invoice_button, self.services, "InvoiceService.invoice")
        gate(self.return_button, self.services, "ReturnService.create")
        gate(self.complaint_button, self.services, "ComplaintService.create")
        self.invoice_button.setIcon(icon("invoice"))
        self.print_button.setIcon(icon("print"))
        self.return_button.setIcon(icon("reverse"))
        self.build_layout(
            [self.uninvoiced],
            [self.invoice_button, self.print_button, self.return_button, self.complaint_button],
        )

    def extra_filters(self) -> dict[str, object]:
        return {"uninvoiced": True} if self.uninvoiced.isChecked() else {}

    def complaint(self) -> QWidget | None:
        """A complaint ticket about the selected delivery (its customer and items)."""
        rows = self.selected_rows()
        if len(rows) != 1:
            self.show_problem(self.tr("Select the one delivery the customer complains about."))
            return None
        from retailerp.ui.complaints import complaint_from

        return self.attempt(lambda: complaint_from(self.services, self, delivery_id=rows[0].id))

    def open_row(self, row: DeliveryRow) -> PrintPreviewDialog:
        return self.open_preview(row.number)

    def return_selected(self) -> QWidget | None:
        """A new return against the current delivery (goods came back)."""
        from retailerp.ui.returns.windows import open_return

        index = self.view.currentIndex()
        row = self.model.row_at(index.row()) if index.isValid() else None
        if row is None:
            self.show_problem(self.tr("Select the delivery the goods came back from."))
            return None
        return open_return(self, self.services, delivery_id=row.id)

    def invoice_selected(self) -> Invoice | None:
        """One invoice for the selected deliveries (they must be one customer's)."""
        rows = self.selected_rows()
        if not rows:
            self.show_problem(self.tr("Select the deliveries to invoice."))
            return None
        invoice = self.attempt(lambda: self.services.invoices.invoice([row.id for row in rows]))
        if invoice is None:
            return None
        self.show_message(
            self.tr("Invoice {number} made for {n} deliveries.").format(
                number=invoice.number, n=len(rows)
            )
        )
        self.refresh()
        self.open_preview(invoice.number)
        return invoice

    def print_selected(self) -> batch.BatchPrint | None:
        return self.print_rows(
            self.tr("Select the delivery notes to print."),
            self.tr("{done} of {total} delivery notes saved in {folder}."),
            self.tr("{done} of {total} delivery notes sent to the printer."),
        )
