"""Invoices and receivables: the invoice list (open filter, payments, applying money on
account, the selected customer's balance, batch print) and the ageing of what customers owe,
with each customer's money on account as a credit."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from retailerp import i18n
from retailerp.domain.errors import DomainError
from retailerp.domain.invoicing import AGEING_BUCKETS, Invoice, Payment
from retailerp.domain.money import Money
from retailerp.services import InvoiceRow, Services
from retailerp.services.changes import Change
from retailerp.services.invoicing import AgeingRow
from retailerp.ui.changes import watch
from retailerp.ui.errors import show_error
from retailerp.ui.list_page import refresh_button
from retailerp.ui.list_view import fit_table
from retailerp.ui.permissions import gate
from retailerp.ui.printing import batch
from retailerp.ui.printing.preview import PrintPreviewDialog
from retailerp.ui.sales import payment_dialog
from retailerp.ui.sales.balance import position_text
from retailerp.ui.sales.list_base import DocumentList
from retailerp.ui.sales.sources import InvoiceSource, customer_text
from retailerp.ui.sources import money_text, term
from retailerp.ui.styles import icon


class InvoiceList(DocumentList):
    """Invoices, newest first; several can be selected for printing."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(
            services, InvoiceSource(services), "invoices", multi_select=True, parent=parent
        )
        self.open_only = QCheckBox(self.tr("&Open only"), self)
        self.open_only.setObjectName("open_filter")
        self.open_only.toggled.connect(lambda _on: self.apply_filters())
        self.pay_button = self.add_button(self.tr("Record pa&yment…"), self.record_payment)
        self.credit_button = self.add_button(self.tr("Apply &credit on account"), self.apply_credit)
        self.print_button = self.add_button(self.tr("&Print selected…"), self.print_selected)
        self.complaint_button = self.add_button(self.tr("Co&mplaint…"), self.complaint)
        self.red_button = self.add_button(self.tr("Re&d invoice…"), self.red_invoice)
        self.refund_button = self.add_button(self.tr("Refu&nd…"), self.refund)
        self.return_button = self.add_button(self.tr("Re&turn…"), self.return_goods)
        self.return_button.setToolTip(self.tr("Goods of the selected invoice came back"))
        for button, method in (
            (self.pay_button, "InvoiceService.record_payment"),
            (self.credit_button, "InvoiceService.apply_credit"),
            (self.complaint_button, "ComplaintService.create"),
            (self.red_button, "RedInvoiceService.create"),
            (self.refund_button, "InvoiceService.refund"),
            (self.return_button, "ReturnService.create"),
        ):
            gate(button, self.services, method)
        self.pay_button.setIcon(icon("payment"))
        self.print_button.setIcon(icon("print"))
        self.build_layout(
            [self.open_only],
            [self.pay_button, self.credit_button, self.refund_button, self.red_button,
             self.return_button, self.print_button, self.complaint_button],
        )  # fmt: skip
        self.red_forms: list[QWidget] = []
        self.position_label = QLabel(self)
        self.position_label.setObjectName("customer_position")
        self.position_label.setWordWrap(True)
        self.layout().insertWidget(2, self.position_label)
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self.show_position())

    def extra_filters(self) -> dict[str, object]:
        return {"open": True} if self.open_only.isChecked() else {}

    def open_row(self, row: InvoiceRow) -> PrintPreviewDialog:
        return self.open_preview(row.number)

    def _one_customer(self) -> InvoiceRow | None:
        """The first selected row if every selected invoice is of one customer."""
        rows = self.selected_rows()
        if len({row.customer_id for row in rows}) != 1:
            self.show_problem(self.tr("Select the invoices of one customer."))
            return None
        return rows[0]

    def complaint(self) -> QWidget | None:
        """A complaint ticket about the selected invoice (its customer)."""
        rows = self.selected_rows()
        if len(rows) != 1:
            self.show_problem(self.tr("Select the one invoice the customer complains about."))
            return None
        from retailerp.ui.complaints import complaint_from

        row = rows[0]
        return self.attempt(
            lambda: complaint_from(
                self.services, self, customer_id=row.customer_id, invoice_id=row.id
            )
        )

    def return_goods(self) -> QWidget | None:
        """The return form for the selected invoice's delivery (asking which, if several)."""
        rows = self.selected_rows()
        if len(rows) != 1:
            self.show_problem(self.tr("Select the one invoice whose goods came back."))
            return None
        from retailerp.ui.returns.links import return_from_invoice

        return self.attempt(lambda: return_from_invoice(self, self.services, rows[0].id))

    def record_payment(self) -> Payment | None:
        """Money from the selected invoices' customer; it pays open invoices oldest first.
        The dialog asks before accepting more than is open."""
        first = self._one_customer()
        if first is None:
            return None
        rows = self.selected_rows()
        open_amount = sum((row.open_amount for row in rows), Money.zero())
        about = self.tr("Payment from {customer}; it pays open invoices oldest first.").format(
            customer=customer_text(first.customer_code, first.customer_name)
        )
        customer_id = first.customer_id
        entered = payment_dialog.ask_payment(
            self,
            about,
            open_amount if open_amount.minor > 0 else None,
            lambda amount: self.services.invoices.preview_payment(customer_id, amount),
        )
        if entered is None:
            return None
        return self._record(customer_id, entered)

    def apply_credit(self) -> list[Invoice] | None:
        """Apply the selected customer's money on account to its open invoices."""
        first = self._one_customer()
        if first is None:
            return None
        paid = self.attempt(lambda: self.services.invoices.apply_credit(first.customer_id))
        if paid is None:
            return None
        if paid:
            self.show_message(
                self.tr("Money on account applied to {invoices}.").format(
                    invoices=", ".join(i.number for i in paid)
                )
            )
        else:
            self.show_message(self.tr("There was no money on account to apply."))
        self.refresh()
        return paid

    def red_invoice(self) -> QWidget | None:
        """The red invoice form against the selected (blue) invoice."""
        from retailerp.ui.red_invoices.form import RedInvoiceDialog

        rows = self.selected_rows()
        if len(rows) != 1:
            self.show_problem(self.tr("Select the one invoice to credit."))
            return None
        dialog = RedInvoiceDialog(self.services, self, invoice_id=rows[0].id)
        dialog.finished.connect(lambda _r: self.refresh())
        dialog.show()
        self.red_forms.append(dialog)
        return dialog

    def refund(self) -> object | None:
        """Pay the selected customer's money on account back (finance)."""
        from retailerp.ui.red_invoices.refund_dialog import ask_refund

        first = self._one_customer()
        if first is None:
            return None
        customer_id = first.customer_id
        position = self.attempt(lambda: self.services.invoices.position(customer_id))
        if position is None:
            return None
        about = self.tr("Refund to {customer}.").format(
            customer=customer_text(first.customer_code, first.customer_name)
        )
        refund = self.attempt(
            lambda: ask_refund(
                self, about, position.on_account,
                lambda amount, method, ref: self.services.invoices.refund(
                    customer_id, amount, method, ref),
            )
        )  # fmt: skip
        if refund is not None:
            self.show_message(
                self.tr("Refund {number} of {amount} recorded.").format(
                    number=refund.number, amount=money_text(refund.amount)
                )
            )
            self.refresh()
            self.show_position()
        return refund

    def show_position(self) -> None:
        """The balance of the selected invoices' customer: open invoices, money on account."""
        rows = self.selected_rows()
        if len({row.customer_id for row in rows}) != 1:
            self.position_label.clear()
            return
        try:
            position = self.services.invoices.position(rows[0].customer_id)
        except DomainError as error:
            self.position_label.setText(error.render(i18n.translate))
            return
        self.position_label.setText(position_text(position))

    def _record(self, customer_id: int, entered: payment_dialog.PaymentInput) -> Payment | None:
        payment = self.attempt(
            lambda: self.services.invoices.record_payment(
                customer_id, entered.amount, entered.method, entered.reference
            )
        )
        if payment is None:
            return None
        text = self.tr("Payment {number} of {amount} recorded.").format(
            number=payment.number, amount=money_text(payment.amount)
        )
        if payment.unallocated.minor > 0:
            text += " " + self.tr("{amount} of it is not applied to an invoice yet.").format(
                amount=money_text(payment.unallocated)
            )
        self.show_message(text)
        self.refresh()
        self.show_position()
        return payment

    def print_selected(self) -> batch.BatchPrint | None:
        return self.print_rows(
            self.tr("Select the invoices to print."),
            self.tr("{done} of {total} invoices saved in {folder}."),
            self.tr("{done} of {total} invoices sent to the printer."),
        )


class AgeingTable(QWidget):
    """What each customer owes, by how long it is overdue."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.rows: list[AgeingRow] = []
        labels = [label for label, _low, _high in AGEING_BUCKETS]
        self.buckets = labels
        self.table = QTableWidget(0, len(labels) + 4, self)
        self.table.setObjectName("ageing_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Code"), self.tr("Customer")]
            + [term(b) for b in labels]
            + [self.tr("Money on account"), self.tr("Total")]
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        refresh = refresh_button(self, self.refresh)
        shows = (Change.INVOICES, Change.PAYMENTS, Change.CUSTOMERS)
        self.watcher = watch(self, services.changes, shows, self.refresh)
        refresh.setIcon(icon("refresh"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(refresh, 0, Qt.AlignmentFlag.AlignLeft)

    def refresh(self) -> None:
        try:
            self.rows = self.services.invoices.ageing()
        except Exception as error:  # noqa: BLE001 - shown; the table stays as it was
            show_error(self, error)
            return
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            credit = -row.on_account if row.on_account else None
            amounts = [row.buckets.get(b) for b in self.buckets] + [credit, row.total]
            texts = [row.code, row.name] + [money_text(a) if a else "" for a in amounts]
            for column, text in enumerate(texts):
                cell = QTableWidgetItem(text)
                if column >= 2:
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(r, column, cell)
        fit_table(self.table, 1)  # the customer's name takes the room left


class InvoicesPage(QWidget):
    """Tabs: the invoice list and the ageing of receivables."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.invoices = InvoiceList(services, self)
        self.ageing = AgeingTable(services, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.invoices, self.tr("&Invoices"))
        self.tabs.addTab(self.ageing, self.tr("&Ageing"))
        self.tabs.currentChanged.connect(self._tab_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def refresh(self) -> None:
        """F5: both tabs load again."""
        self.invoices.refresh()
        self.ageing.refresh()

    def show_preset(self, filters: dict[str, object], label: str) -> None:
        """The invoice list showing only ``filters`` (from the home page)."""
        self.tabs.setCurrentWidget(self.invoices)
        self.invoices.show_preset(filters, label)

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.ageing:
            self.ageing.refresh()
        else:
            self.invoices.refresh()
