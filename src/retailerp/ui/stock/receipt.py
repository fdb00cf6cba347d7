"""Goods receipt (入库): scan what arrived, say where it goes, post."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QLineEdit, QWidget

from retailerp.domain.dates import parse_date
from retailerp.domain.errors import DomainError
from retailerp.domain.inventory import StockDocument
from retailerp.services import Services
from retailerp.ui.stock.lines import StockLinesDialog


def expiry_value(text: str, today: date | None = None) -> date | str | None:
    """A date typed as everywhere (2026-12-05, 1205, +3), ``None`` when empty; other text
    goes on for the domain to refuse."""
    try:
        return parse_date(text, today or date.today(), "expiry")
    except DomainError:
        return text


class ReceiptDialog(StockLinesDialog):
    """Lines: item, bin, quantity, batch, serial, expiry (YYYY-MM-DD), unit cost."""

    COLUMNS = ("item", "location", "quantity", "batch", "serial", "expiry", "unit_cost")

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self.setObjectName("receipt_dialog")
        self.setWindowTitle(self.tr("Goods receipt"))
        self.supplier = QLineEdit()
        self.supplier.setObjectName("supplier")
        self.note = QLineEdit()
        self.note.setObjectName("note")
        self.fields.addRow(self.tr("S&upplier"), self.supplier)
        self.fields.addRow(self.tr("&Note"), self.note)
        self.build_layout()
        self.resize(760, 480)

    def header(self, key: str) -> str:
        return {
            "item": self.tr("Item"),
            "location": self.tr("Bin"),
            "quantity": self.tr("Quantity"),
            "batch": self.tr("Batch"),
            "serial": self.tr("Serial number"),
            "expiry": self.tr("Expiry (YYYY-MM-DD)"),
            "unit_cost": self.tr("Unit cost"),
        }[key]

    def line_values(self, row: int) -> dict[str, Any]:
        return {
            "item_id": self.item_id(row),
            "location_id": self.line_location_id(row),
            "quantity": self.cell_text(row, "quantity"),
            "batch": self.cell_text(row, "batch"),
            "serial": self.cell_text(row, "serial"),
            "expiry": expiry_value(self.cell_text(row, "expiry"), self.services.ctx.today()),
            "unit_cost": self.cell_text(row, "unit_cost") or "0",
        }

    def submit(self, location_id: int, lines: list[dict[str, Any]]) -> StockDocument:
        return self.services.stock.receive(
            location_id, lines, supplier=self.supplier.text(), note=self.note.text()
        )

    def after_post(self, document: StockDocument) -> None:
        """Show the number and start the next receipt."""
        self.result.setText(
            self.tr("Goods receipt {number} posted ({n} lines).").format(
                number=document.number, n=len(document.lines)
            )
        )
        self.clear_lines()
        self.note.clear()
        self.scan.clear()
        self.scan.setFocus()
