"""The documents linked to an order: picking lists, deliveries, invoices, payments.

Double-click (or Enter) on a picking list, delivery note or invoice opens its print preview.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from retailerp.services.sales import OrderDocuments
from retailerp.ui.sales.sources import document_kind_text, is_printable
from retailerp.ui.sources import date_text, money_text

NUMBER_ROLE = Qt.ItemDataRole.UserRole + 1


class LinkedDocuments(QListWidget):
    """``open_requested(number)`` when a document is activated."""

    open_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("linked_documents")
        self.itemActivated.connect(self._activated)

    def show_documents(self, documents: OrderDocuments) -> None:
        self.clear()
        for picking in documents.pickings:
            self._add(picking.number, self._state_text(picking.state))
        for delivery in documents.deliveries:
            detail = date_text(delivery.delivery_date)
            if delivery.invoice_id is None:
                detail += " · " + self.tr("not invoiced")
            self._add(delivery.number, detail)
        for invoice in documents.invoices:
            self._add(
                invoice.number,
                self.tr("{gross}, open {open}").format(
                    gross=money_text(invoice.gross), open=money_text(invoice.open_amount)
                ),
            )
        for payment in documents.payments:
            self._add(payment.number, money_text(payment.amount))

    def numbers(self) -> list[str]:
        return [self.item(row).data(NUMBER_ROLE) for row in range(self.count())]

    def _state_text(self, state: str) -> str:
        return {
            "open": self.tr("open"),
            "done": self.tr("done"),
            "void": self.tr("void"),
        }.get(state, state)

    def _add(self, number: str, detail: str) -> None:
        item = QListWidgetItem(f"{document_kind_text(number)} {number} — {detail}")
        item.setData(NUMBER_ROLE, number)
        if is_printable(number):
            item.setToolTip(self.tr("Double-click for the print preview"))
        self.addItem(item)

    def _activated(self, item: QListWidgetItem) -> None:
        number = item.data(NUMBER_ROLE)
        if number:  # the window decides where it opens (print preview, its own window)
            self.open_requested.emit(number)
