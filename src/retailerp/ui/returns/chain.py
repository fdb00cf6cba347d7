"""The linked documents of a return's chain on every screen: delivery ↔ return ↔ red invoice
↔ refund ↔ exchange (replacement order and delivery).

``ChainLinks`` is a line of links ("Return RT… (posted) · Red invoice RI… (issued) · …")
read from ``services.links`` — the one link read the printouts use too.  Clicking a link, or
Tab to it and Enter, opens the document: a return or red invoice in its window, an order in
the order window, a delivery note or invoice in the print preview.  Refunds have no window
and are shown without a link.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from retailerp.domain.document_links import DocumentLink
from retailerp.domain.errors import DomainError
from retailerp.domain.numbering import DocumentType, parse_number
from retailerp.services import Services
from retailerp.ui.errors import show_error
from retailerp.ui.sources import term

OPENS = (DocumentType.RETURN, DocumentType.RED_INVOICE, DocumentType.SALES_ORDER,
         DocumentType.DELIVERY, DocumentType.INVOICE, DocumentType.PICKING_LIST)  # fmt: skip


def link_text(link: DocumentLink) -> str:
    """ "Red invoice RI2026-000001 (issued)" in the current language."""
    state = f" ({term(str(link.state))})" if link.state else ""
    return f"{term(link.label)} {link.number}{state}"


def opens(number: str) -> bool:
    parsed = parse_number(number)
    return parsed is not None and parsed[0] in OPENS


class ChainLinks(QLabel):
    """The documents linked to one document; ``opened(number)`` after one was opened."""

    opened = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName("chain_links")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.links: list[DocumentLink] = []
        self.windows: list[QWidget] = []
        self.linkActivated.connect(self.open)

    def show_for(self, number: str | None) -> list[DocumentLink]:
        """Read and show what is linked to ``number`` (nothing for a new document)."""
        self.links = self.services.links.of(number) if number else []
        parts = [
            f'<a href="{escape(link.number)}">{escape(link_text(link))}</a>'
            if opens(link.number)
            else escape(link_text(link))
            for link in self.links
        ]
        caption = escape(self.tr("Linked documents:"))
        self.setText(f"{caption} {' · '.join(parts)}" if parts else "")
        self.setVisible(bool(parts))
        return self.links

    def numbers(self) -> list[str]:
        return [link.number for link in self.links]

    def open(self, number: str) -> QWidget | None:
        window = open_document(self.window(), self.services, number)
        if window is not None:
            self.windows.append(window)
            self.opened.emit(number)
        return window


def open_document(parent: QWidget | None, services: Services, number: str) -> QWidget | None:
    """Open a linked document where it is looked at: a return or red invoice in its form, an
    order in the order window, anything printable in the print preview."""
    from retailerp.ui.printing.preview import PrintPreviewDialog
    from retailerp.ui.red_invoices.form import RedInvoiceDialog
    from retailerp.ui.returns.windows import open_return
    from retailerp.ui.sales.order_dialog import OrderDialog

    parsed = parse_number(number)
    kind = parsed[0] if parsed else None
    try:
        if kind == DocumentType.RETURN:
            return open_return(parent, services, return_id=services.returns.by_number(number).id)
        window: QWidget
        if kind == DocumentType.RED_INVOICE:
            red = services.red_invoices.by_number(number)
            window = RedInvoiceDialog(services, parent, red_id=red.id)
        elif kind == DocumentType.SALES_ORDER:
            window = OrderDialog(services, services.orders.by_number(number).id, parent)
        elif kind in OPENS:
            window = PrintPreviewDialog(parent, services, number)
        else:
            return None
    except DomainError as error:
        show_error(parent, error)
        return None
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show()
    return window
