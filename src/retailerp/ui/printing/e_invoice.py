"""The official e-invoice (数电票) number of an invoice, recorded from its print preview.

The shop issues the VAT e-invoice on the tax platform and types its number here; the service
checks it (digits, length, not recorded against another invoice) and audits the change; the
preview then shows it printed on the settlement.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from retailerp import i18n
from retailerp.domain.errors import DomainError
from retailerp.printing.model import E_INVOICE_NUMBER
from retailerp.services import Services
from retailerp.ui.styles import ERROR_STYLE


def is_invoice(number: str) -> bool:
    return number.strip().upper().startswith("IV")


class EInvoiceBar(QWidget):
    """``recorded(number)`` after the e-invoice number was saved (or cleared: ``""``)."""

    recorded = Signal(str)

    def __init__(
        self, services: Services, invoice_number: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.invoice_number = invoice_number
        self.setObjectName("e_invoice_bar")
        self.edit = QLineEdit(self)
        self.edit.setObjectName("e_invoice_number")
        self.edit.setPlaceholderText(self.tr("20 digits, from the tax platform"))
        self.edit.returnPressed.connect(lambda: self.record())
        label = QLabel(self.tr("&E-invoice no."), self)
        label.setBuddy(self.edit)
        self.button = QPushButton(self.tr("Recor&d"), self)
        self.button.setAutoDefault(False)
        self.button.clicked.connect(lambda: self.record())
        self.message = QLabel(self)
        self.message.setObjectName("e_invoice_error")
        self.message.setStyleSheet(ERROR_STYLE)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (label, self.edit, self.button):
            layout.addWidget(widget)
        layout.addWidget(self.message, 1)
        self.edit.textEdited.connect(lambda _text: self.message.clear())
        self._load()

    def _load(self) -> None:
        try:
            document = self.services.printing.document(self.invoice_number)
        except DomainError:
            return
        self.edit.setText(document.references.get(E_INVOICE_NUMBER, ""))

    def record(self) -> bool:
        """Save the typed number; a refusal is shown beside the field and nothing changes."""
        try:
            invoice = self.services.e_invoices.record(self.invoice_number, self.edit.text())
        except DomainError as error:
            self.message.setText(error.render(i18n.translate))
            return False
        self.message.clear()
        self.edit.setText(invoice.e_invoice_number or "")
        self.recorded.emit(invoice.e_invoice_number or "")
        return True
