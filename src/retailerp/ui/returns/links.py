"""Returns among an order's linked documents, and "Return…" on the selected delivery."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QPushButton, QWidget

from retailerp.domain.numbering import DocumentType, parse_number
from retailerp.services import Services
from retailerp.services.sales import OrderDocuments
from retailerp.ui.returns.sources import reason_text, return_state_text
from retailerp.ui.sales.documents import NUMBER_ROLE
from retailerp.ui.sales.sources import document_kind_text


def show_returns(linked: QListWidget, services: Services, documents: OrderDocuments) -> None:
    """Add each delivery's returns (number, state, reason) to the linked documents."""
    for delivery in documents.deliveries:
        for document in services.returns.of_delivery(delivery.id or 0):
            detail = f"{return_state_text(document.state)} · {reason_text(document.reason)}"
            item = QListWidgetItem(f"{document_kind_text(document.number)} {document.number} — "
                                   f"{detail}")  # fmt: skip
            item.setData(NUMBER_ROLE, document.number)
            linked.addItem(item)


def selected_delivery(linked: QListWidget) -> str | None:
    item = linked.currentItem()
    number = item.data(NUMBER_ROLE) if item is not None else None
    parsed = parse_number(number or "")
    return number if parsed is not None and parsed[0] == DocumentType.DELIVERY else None


def returns_button(parent: QWidget, services: Services, linked: QListWidget) -> QPushButton:
    """ "Return…": a new return against the delivery selected among the linked documents
    (enabled only while one is)."""
    button = QPushButton(QCoreApplication.translate("ReturnLinks", "Re&turn…"), parent)
    button.setObjectName("return_goods")
    button.setAutoDefault(False)
    button.setEnabled(False)
    linked.currentItemChanged.connect(
        lambda *_: button.setEnabled(selected_delivery(linked) is not None)
    )
    button.clicked.connect(lambda: open_selected(parent, services, linked))
    return button


def open_selected(parent: QWidget, services: Services, linked: QListWidget) -> QWidget | None:
    from retailerp.ui.returns.windows import open_return

    number = selected_delivery(linked)
    if number is None:
        return None
    delivery = services.returns.delivery_by_number(number)
    return open_return(parent, services, delivery_id=delivery.id)
