"""Page sources of the stock area: warehouses and bins, and an item's movement ledger."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from retailerp.domain.stock import LOCATION_KIND_LABELS, LocationKind
from retailerp.services import Services
from retailerp.ui.models import Column
from retailerp.ui.sources import (
    BELOW_MINIMUM_COLOUR,
    ENDED_COLOUR,
    ServiceSource,
    date_text,
    document_type_text,
    quantity_text,
    term,
)


def kind_text(kind: str) -> str:
    try:
        return term(LOCATION_KIND_LABELS[LocationKind(kind)])
    except ValueError:
        return kind


class LocationSource(ServiceSource):
    """Warehouses, bins, quarantine and scrap: filters ``active`` and ``kind``."""

    def __init__(self, services: Services) -> None:
        super().__init__(services, services.stock.location_page)

    @property
    def columns(self) -> list[Column]:
        return [
            Column("code", QCoreApplication.translate("LocationSource", "Code")),
            Column("name", QCoreApplication.translate("LocationSource", "Name")),
            Column("kind", QCoreApplication.translate("LocationSource", "Kind")),
            Column("warehouse_code", QCoreApplication.translate("LocationSource", "Warehouse")),
            Column(
                "on_hand", QCoreApplication.translate("LocationSource", "Quantity"), False, "right"
            ),
            Column(
                "items",
                QCoreApplication.translate("LocationSource", "Items with this bin"),
                False,
                "right",
            ),
            Column(
                "active", QCoreApplication.translate("LocationSource", "In use"), False, "center"
            ),
        ]

    def cell(self, row: Any, column_key: str) -> object:
        if column_key == "name":
            return term(row.name)
        if column_key == "kind":
            return kind_text(row.kind)
        if column_key == "on_hand":
            return quantity_text(row.on_hand)
        if column_key == "active":
            return (
                QCoreApplication.translate("LocationSource", "yes")
                if row.active
                else QCoreApplication.translate("LocationSource", "no")
            )
        return getattr(row, column_key)

    def decorate(self, row: Any, column_key: str) -> str | None:
        return None if row.active else ENDED_COLOUR


class LedgerSource(ServiceSource):
    """An item's moves with the running balance: filters ``item_id``, ``location_id``."""

    def __init__(self, services: Services) -> None:
        super().__init__(services, services.stock.ledger)

    @property
    def columns(self) -> list[Column]:
        return [
            Column("day", QCoreApplication.translate("LedgerSource", "Date")),
            Column("doc_number", QCoreApplication.translate("LedgerSource", "Document"), False),
            Column("doc_type", QCoreApplication.translate("LedgerSource", "Type"), False),
            Column("from_code", QCoreApplication.translate("LedgerSource", "From"), False),
            Column("to_code", QCoreApplication.translate("LedgerSource", "To"), False),
            Column(
                "stock_key", QCoreApplication.translate("LedgerSource", "Batch / serial"), False
            ),
            Column("quantity_in", QCoreApplication.translate("LedgerSource", "In"), False, "right"),
            Column(
                "quantity_out", QCoreApplication.translate("LedgerSource", "Out"), False, "right"
            ),
            Column(
                "balance", QCoreApplication.translate("LedgerSource", "Balance"), False, "right"
            ),
            Column("user", QCoreApplication.translate("LedgerSource", "By"), False),
        ]

    def cell(self, row: Any, column_key: str) -> object:
        if column_key == "day":
            return date_text(row.day)
        if column_key == "doc_type":
            return document_type_text(row.doc_type)
        if column_key == "stock_key":
            return row.serial or row.batch
        if column_key in ("from_code", "to_code"):
            return term(getattr(row, column_key))
        if column_key in ("quantity_in", "quantity_out"):
            value = getattr(row, column_key)
            return quantity_text(value) if value else ""
        if column_key == "balance":
            return quantity_text(row.balance)
        return getattr(row, column_key)

    def decorate(self, row: Any, column_key: str) -> str | None:
        return BELOW_MINIMUM_COLOUR if column_key == "balance" and row.balance < 0 else None
