"""Page sources of the sales lists and the shop terms they show.

Orders, deliveries and invoices are read through ``services.orders.page``,
``services.orders.deliveries_page`` and ``services.invoices.page`` (keyset pages of
``persistence.queries`` rows); cells are formatted here, states and payment modes
translated as shop terms.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from retailerp.domain.invoicing import is_overdue
from retailerp.domain.numbering import DOCUMENT_LABELS, DocumentType, parse_number
from retailerp.domain.sales import (
    ORDER_STATE_LABELS,
    PAYMENT_MODE_LABELS,
    OrderState,
    PaymentMode,
)
from retailerp.services import DeliveryRow, InvoiceRow, OrderRow, Services
from retailerp.services.changes import Change
from retailerp.ui.models import Column
from retailerp.ui.sources import ServiceSource, date_text, money_text, term

OVERDUE_COLOUR = "#b00020"
DONE_COLOUR = "gray"
PRINTABLE = (
    DocumentType.PICKING_LIST,
    DocumentType.DELIVERY,
    DocumentType.INVOICE,
    DocumentType.RETURN,
    DocumentType.RED_INVOICE,
)


def state_text(state: str) -> str:
    """An order state in the current language."""
    try:
        return term(ORDER_STATE_LABELS[OrderState(state)])
    except ValueError:
        return state


def payment_mode_text(mode: str) -> str:
    try:
        return term(PAYMENT_MODE_LABELS[PaymentMode(mode)])
    except ValueError:
        return mode


def customer_text(code: str, name: str) -> str:
    return f"{code} {name}"


def is_printable(number: str) -> bool:
    """A picking list, delivery note or invoice number (what the preview can show)."""
    parsed = parse_number(number)
    return parsed is not None and parsed[0] in PRINTABLE


def document_kind_text(number: str) -> str:
    """ "picking list", "invoice"… for a document number, in the current language."""
    parsed = parse_number(number)
    return term(DOCUMENT_LABELS[parsed[0]]) if parsed else ""


class OrderSource(ServiceSource):
    """Filters: ``state`` (one or a list), ``customer_id``, ``date_from``, ``date_to``."""

    shows = frozenset({Change.ORDERS, Change.CUSTOMERS})

    def __init__(self, services: Services) -> None:
        super().__init__(services, services.orders.page)

    @property
    def columns(self) -> list[Column]:
        return [
            Column("number", QCoreApplication.translate("OrderSource", "Number")),
            Column("order_date", QCoreApplication.translate("OrderSource", "Date")),
            Column("customer_name", QCoreApplication.translate("OrderSource", "Customer")),
            Column("state", QCoreApplication.translate("OrderSource", "State")),
            Column("payment_mode", QCoreApplication.translate("OrderSource", "Payment")),
            Column(
                "requested_date",
                QCoreApplication.translate("OrderSource", "Requested delivery"),
                sortable=False,
            ),
        ]

    def cell(self, row: OrderRow, column_key: str) -> object:
        if column_key == "customer_name":
            return customer_text(row.customer_code, row.customer_name)
        if column_key == "state":
            return state_text(row.state)
        if column_key == "payment_mode":
            return payment_mode_text(row.payment_mode)
        if column_key in ("order_date", "requested_date"):
            return date_text(getattr(row, column_key))
        return getattr(row, column_key)

    def decorate(self, row: OrderRow, column_key: str) -> str | None:
        finished = (OrderState.CLOSED.value, OrderState.CANCELLED.value)
        return DONE_COLOUR if row.state in finished else None

    def chip(self, row: OrderRow, column_key: str) -> str | None:
        """The state as a chip (its colour: ``styles.CHIP_COLOURS``)."""
        return row.state if column_key == "state" else None


class DeliverySource(ServiceSource):
    """Filters: ``uninvoiced``, ``customer_id``, ``date_from``, ``date_to``."""

    shows = frozenset({Change.DELIVERIES, Change.INVOICES, Change.ORDERS, Change.CUSTOMERS})

    def __init__(self, services: Services) -> None:
        super().__init__(services, services.orders.deliveries_page)

    @property
    def columns(self) -> list[Column]:
        return [
            Column("number", QCoreApplication.translate("DeliverySource", "Number")),
            Column("delivery_date", QCoreApplication.translate("DeliverySource", "Date")),
            Column("customer_name", QCoreApplication.translate("DeliverySource", "Customer")),
            Column(
                "order_number",
                QCoreApplication.translate("DeliverySource", "Order"),
                sortable=False,
            ),
            Column(
                "invoice_number",
                QCoreApplication.translate("DeliverySource", "Invoice"),
                sortable=False,
            ),
        ]

    def cell(self, row: DeliveryRow, column_key: str) -> object:
        if column_key == "customer_name":
            return customer_text(row.customer_code, row.customer_name)
        if column_key == "delivery_date":
            return date_text(row.delivery_date)
        return getattr(row, column_key)

    def chip(self, row: DeliveryRow, column_key: str) -> str | None:
        return "invoiced" if column_key == "invoice_number" and row.invoice_number else None


INVOICE_STATUS_TEXT = {
    "paid": lambda: QCoreApplication.translate("InvoiceSource", "paid"),
    "open": lambda: QCoreApplication.translate("InvoiceSource", "open"),
    "overdue": lambda: QCoreApplication.translate("InvoiceSource", "overdue"),
}


class InvoiceSource(ServiceSource):
    """Filters: ``open`` (not fully paid), ``customer_id``, ``date_from``, ``date_to``."""

    shows = frozenset({Change.INVOICES, Change.PAYMENTS, Change.CUSTOMERS})

    def __init__(self, services: Services) -> None:
        super().__init__(services, services.invoices.page)

    @property
    def columns(self) -> list[Column]:
        return [
            Column("number", QCoreApplication.translate("InvoiceSource", "Number")),
            Column("invoice_date", QCoreApplication.translate("InvoiceSource", "Date")),
            Column("due_date", QCoreApplication.translate("InvoiceSource", "Due")),
            Column("customer_name", QCoreApplication.translate("InvoiceSource", "Customer")),
            Column(
                "gross", QCoreApplication.translate("InvoiceSource", "Amount"), alignment="right"
            ),
            Column(
                "paid",
                QCoreApplication.translate("InvoiceSource", "Paid"),
                sortable=False,
                alignment="right",
            ),
            Column(
                "open",
                QCoreApplication.translate("InvoiceSource", "Open"),
                sortable=False,
                alignment="right",
            ),
            Column("status", QCoreApplication.translate("InvoiceSource", "Status"), sortable=False),
        ]

    def cell(self, row: InvoiceRow, column_key: str) -> object:
        if column_key == "customer_name":
            return customer_text(row.customer_code, row.customer_name)
        if column_key in ("invoice_date", "due_date"):
            return date_text(getattr(row, column_key))
        if column_key in ("gross", "paid"):
            return money_text(getattr(row, column_key))
        if column_key == "open":
            return money_text(row.open_amount)
        if column_key == "status":
            return INVOICE_STATUS_TEXT[self.status(row)]()
        return getattr(row, column_key)

    def status(self, row: InvoiceRow) -> str:
        """``paid``, ``overdue`` or ``open``."""
        if row.open_amount.minor <= 0:
            return "paid"
        overdue = is_overdue(row.due_date, row.open_amount, self.services.ctx.today())
        return "overdue" if overdue else "open"

    def chip(self, row: InvoiceRow, column_key: str) -> str | None:
        return self.status(row) if column_key == "status" else None

    def sort_value(self, row: InvoiceRow, column_key: str) -> object:
        if column_key == "open":
            return row.open_amount
        return super().sort_value(row, column_key)

    def decorate(self, row: InvoiceRow, column_key: str) -> str | None:
        overdue = is_overdue(row.due_date, row.open_amount, self.services.ctx.today())
        return OVERDUE_COLOUR if overdue else None
