"""The return chain among an order's linked documents (returns, red invoices, refunds, the
replacement order and delivery of an exchange, or the return a replacement answers), opening
them where they live, and "Return…" on the selected delivery."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QPushButton, QWidget

from retailerp.domain.numbering import DocumentType, parse_number
from retailerp.services import Services
from retailerp.ui import prompts
from retailerp.ui.returns.chain import link_text, open_document
from retailerp.ui.sales.documents import NUMBER_ROLE
from retailerp.ui.sales.sources import is_printable

WINDOWS = (DocumentType.RETURN, DocumentType.RED_INVOICE, DocumentType.SALES_ORDER)


def show_chain(linked: QListWidget, services: Services, order_number: str | None) -> None:
    """Add the order's return chain (``services.links``) to the linked documents: each
    document once, with what it is to the order and its state."""
    if not order_number:
        return
    shown = {linked.item(row).data(NUMBER_ROLE) for row in range(linked.count())}
    for link in services.links.of(order_number):
        if link.number in shown:
            continue
        item = QListWidgetItem(link_text(link))
        item.setData(NUMBER_ROLE, link.number)
        linked.addItem(item)


def open_linked(
    parent: QWidget, services: Services, number: str, preview: Callable[[str], object]
) -> object:
    """Enter / double-click on a linked document: a return, red invoice or order opens in its
    window, anything else printable in the print preview."""
    parsed = parse_number(number)
    if parsed is not None and parsed[0] in WINDOWS:
        return open_document(parent, services, number)
    return preview(number) if is_printable(number) else None


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


def return_from_invoice(parent: QWidget, services: Services, invoice_id: int) -> QWidget | None:
    """ "Return…" on an invoice: the return form for the delivery it billed, asking which one
    when it billed several."""
    from retailerp.ui.returns.windows import open_return

    deliveries = services.returns.deliveries_of_invoice(invoice_id)
    if len(deliveries) > 1:
        choice = prompts.ask_choice(
            parent,
            QCoreApplication.translate("ReturnLinks", "Return goods"),
            QCoreApplication.translate(
                "ReturnLinks", "The invoice billed several deliveries. Which one came back?"
            ),
            [f"{d.number} · {d.delivery_date.isoformat()}" for d in deliveries],
        )
        if choice is None:
            return None
        deliveries = [deliveries[choice]]
    if not deliveries:
        return None
    return open_return(parent, services, delivery_id=deliveries[0].id)
