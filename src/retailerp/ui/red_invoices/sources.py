"""The red invoice list's page source and the terms it shows."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from retailerp.domain.red_invoices import RED_FLOW, RED_KIND_LABELS, RedKind, RedState
from retailerp.persistence.red_invoice_queries import RedInvoiceRow
from retailerp.services import Services
from retailerp.services.changes import Change
from retailerp.ui.models import Column
from retailerp.ui.sources import ServiceSource, date_text, money_text, term


def kind_text(kind: str) -> str:
    try:
        return term(RED_KIND_LABELS[RedKind(kind)])
    except ValueError:
        return kind


def red_state_text(state: str) -> str:
    try:
        return term(RED_FLOW.state_labels[RedState(state)])
    except (ValueError, AttributeError, KeyError):
        return state


class RedInvoiceSource(ServiceSource):
    """Filters: ``state``, ``customer_id``, ``invoice_id``, ``return_id``, dates."""

    shows = frozenset({Change.RED_INVOICES, Change.CUSTOMERS})

    def __init__(self, services: Services) -> None:
        super().__init__(services, services.red_invoices.page)

    @property
    def columns(self) -> list[Column]:
        return [
            Column("number", QCoreApplication.translate("RedInvoiceSource", "Number")),
            Column("red_date", QCoreApplication.translate("RedInvoiceSource", "Date")),
            Column("blue_number", QCoreApplication.translate("RedInvoiceSource", "Blue invoice")),
            Column("customer_name", QCoreApplication.translate("RedInvoiceSource", "Customer")),
            Column(
                "kind", QCoreApplication.translate("RedInvoiceSource", "Reason"), sortable=False
            ),
            Column("state", QCoreApplication.translate("RedInvoiceSource", "State")),
            Column(
                "confirmation_number",
                QCoreApplication.translate("RedInvoiceSource", "Confirmation no."),
                sortable=False,
            ),
            Column(
                "gross",
                QCoreApplication.translate("RedInvoiceSource", "Amount"),
                sortable=False,
                alignment="right",
            ),
        ]

    def cell(self, row: RedInvoiceRow, column_key: str) -> object:
        if column_key == "customer_name":
            return f"{row.customer_code} {row.customer_name}"
        if column_key == "red_date":
            return date_text(row.red_date)
        if column_key == "gross":
            return money_text(-row.gross)
        if column_key == "kind":
            return kind_text(row.kind)
        if column_key == "state":
            return red_state_text(row.state)
        return getattr(row, column_key)
