"""Page sources of the returns lists and the return terms they show.

Returns are read through ``services.returns.page`` and returns by reason, item and month
through ``services.returns.analysis`` (keyset pages of ``persistence.returns_queries``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from retailerp.domain.returns import (
    RETURN_CONDITION_LABELS,
    RETURN_FLOW,
    RETURN_REASON_LABELS,
    ReturnCondition,
    ReturnReason,
    ReturnState,
)
from retailerp.persistence.returns_queries import ReturnAnalysisRow, ReturnRow
from retailerp.services import Services
from retailerp.services.changes import Change
from retailerp.ui.models import Column
from retailerp.ui.sales.sources import customer_text
from retailerp.ui.sources import ServiceSource, date_text, money_text, quantity_text, term

STATE_CHIPS = {
    ReturnState.DRAFT.value: "draft",
    ReturnState.POSTED.value: "shipped",
    ReturnState.CANCELLED.value: "cancelled",
    ReturnState.REVERSED.value: "cancelled",
}
"""The chip colour of each return state (the chip table of every list)."""


def reason_text(reason: str) -> str:
    try:
        return term(RETURN_REASON_LABELS[ReturnReason(reason)])
    except ValueError:
        return reason


def condition_text(condition: str) -> str:
    try:
        return term(RETURN_CONDITION_LABELS[ReturnCondition(condition)])
    except ValueError:
        return condition


def return_state_text(state: str) -> str:
    try:
        return term(RETURN_FLOW.state_labels[ReturnState(state)])
    except (ValueError, KeyError):
        return state


class ReturnSource(ServiceSource):
    """Filters: ``state``, ``reason``, ``customer_id``, ``delivery_id``, dates."""

    shows = frozenset({Change.RETURNS, Change.CUSTOMERS})

    def __init__(self, services: Services) -> None:
        super().__init__(services, services.returns.page)

    @property
    def columns(self) -> list[Column]:
        return [
            Column("number", QCoreApplication.translate("ReturnSource", "Number")),
            Column("return_date", QCoreApplication.translate("ReturnSource", "Date")),
            Column("customer_name", QCoreApplication.translate("ReturnSource", "Customer")),
            Column(
                "delivery_number",
                QCoreApplication.translate("ReturnSource", "Delivery"),
                sortable=False,
            ),
            Column("reason", QCoreApplication.translate("ReturnSource", "Reason")),
            Column("state", QCoreApplication.translate("ReturnSource", "State")),
            Column(
                "refund",
                QCoreApplication.translate("ReturnSource", "Refund"),
                sortable=False,
                alignment="right",
            ),
        ]

    def cell(self, row: ReturnRow, column_key: str) -> object:
        if column_key == "customer_name":
            return customer_text(row.customer_code, row.customer_name)
        if column_key == "return_date":
            return date_text(row.return_date)
        if column_key == "reason":
            return reason_text(row.reason)
        if column_key == "state":
            return return_state_text(row.state)
        if column_key == "refund":
            return money_text(row.refund) if row.state != ReturnState.DRAFT.value else ""
        return getattr(row, column_key)

    def chip(self, row: ReturnRow, column_key: str) -> str | None:
        return STATE_CHIPS.get(row.state) if column_key == "state" else None

    def decorate(self, row: ReturnRow, column_key: str) -> str | None:
        done = (ReturnState.CANCELLED.value, ReturnState.REVERSED.value)
        return "gray" if row.state in done else None


class ReturnAnalysisSource(ServiceSource):
    """Posted returns by month, reason and item; filters ``reason``, ``item_id``,
    ``customer_id``, dates; the search finds item codes and names."""

    shows = frozenset({Change.RETURNS, Change.ITEMS})

    def __init__(self, services: Services) -> None:
        super().__init__(services, services.returns.analysis)

    @property
    def columns(self) -> list[Column]:
        return [
            Column("month", QCoreApplication.translate("ReturnAnalysisSource", "Month")),
            Column("reason", QCoreApplication.translate("ReturnAnalysisSource", "Reason")),
            Column("sku", QCoreApplication.translate("ReturnAnalysisSource", "Item")),
            Column(
                "item_name",
                QCoreApplication.translate("ReturnAnalysisSource", "Name"),
                sortable=False,
            ),
            Column(
                "returns",
                QCoreApplication.translate("ReturnAnalysisSource", "Returns"),
                alignment="right",
            ),
            Column(
                "quantity",
                QCoreApplication.translate("ReturnAnalysisSource", "Quantity"),
                alignment="right",
            ),
            Column(
                "refund",
                QCoreApplication.translate("ReturnAnalysisSource", "Refunded"),
                alignment="right",
            ),
        ]

    def cell(self, row: ReturnAnalysisRow, column_key: str) -> object:
        if column_key == "reason":
            return reason_text(row.reason)
        if column_key == "quantity":
            return quantity_text(row.quantity)
        if column_key == "refund":
            return money_text(row.refund)
        return getattr(row, column_key)
