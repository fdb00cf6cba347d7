"""Stock count (盘点): scan what is on the shelf, compare with the books, post the differences."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtWidgets import QLineEdit, QPushButton, QTableWidgetItem, QWidget

from retailerp.domain.inventory import StockDocument
from retailerp.domain.items import Item, Tracking
from retailerp.domain.security import Permission
from retailerp.services import Services
from retailerp.ui import prompts
from retailerp.ui.sources import quantity_text
from retailerp.ui.stock.lines import StockLinesDialog, places_in


class CountDialog(StockLinesDialog):
    """Lines: item, bin, batch, quantity on the books there, counted quantity, difference
    (after posting).

    The books are read again when posting, so a move another PC posts meanwhile counts.
    """

    COLUMNS = ("item", "location", "batch", "book", "quantity", "difference")
    READ_ONLY = frozenset({"item", "book", "difference"})

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self.setObjectName("count_dialog")
        self.setWindowTitle(self.tr("Stock count"))
        self.note = QLineEdit()
        self.note.setObjectName("note")
        self.fields.addRow(self.tr("&Note"), self.note)
        self.new_button: QPushButton = self.add_button(self.tr("New &count"), self.start_new)
        self.new_button.setEnabled(False)
        self.build_layout()
        self.table.itemChanged.connect(self._on_item_changed)
        self.resize(760, 480)

    def header(self, key: str) -> str:
        return {
            "item": self.tr("Item"),
            "location": self.tr("Bin"),
            "batch": self.tr("Batch"),
            "book": self.tr("On the books"),
            "quantity": self.tr("Counted"),
            "difference": self.tr("Difference"),
        }[key]

    def add_item(self, item: Item) -> int:
        """A tracked item scanned the first time gets a line per batch or serial number on
        the books (counted left empty to fill in); otherwise one more is counted."""
        if self.line_of(item) >= 0 or item.tracking == Tracking.NONE:
            return super().add_item(item)
        book = self.services.stock.book_quantities(self.default_place(item), [item.id or 0])
        keys = sorted(key for (item_id, key) in book if item_id == item.id and key)
        if not keys:
            return super().add_item(item)
        rows = [self._booked_line(item, key, book[(item.id or 0, key)]) for key in keys]
        self.message.setText(
            self.tr("Enter the counted quantity of each batch of {sku}.").format(sku=item.sku)
        )
        self.table.setCurrentCell(rows[0], self.COLUMNS.index("quantity"))
        return rows[0]

    def _booked_line(self, item: Item, key: str, quantity: Decimal) -> int:
        row = self.append_line(item)
        self.table.blockSignals(True)  # the batch is known: no need to read the books again
        try:
            self.set_cell(row, "batch", key)
            self.set_cell(row, "book", quantity_text(quantity))
            self.set_cell(row, "quantity", "")
        finally:
            self.table.blockSignals(False)
        return row

    def line_of(self, item: Item) -> int:
        """The item's last line (serial numbers too: the count is per line)."""
        for row in range(self.table.rowCount() - 1, -1, -1):
            if self.item_id(row) == item.id:
                return row
        return -1

    def default_place(self, item: Item) -> int:
        """Where a new line of ``item`` is counted: its bin when that lies here."""
        places = [p.id for p in places_in(self.document_location(), self.places)]
        return item.bin_id if item.bin_id in places else self.location_id()

    def new_line_values(self, item: Item) -> dict[str, str]:
        book = self.services.stock.book_quantities(self.default_place(item), [item.id or 0])
        return {"quantity": "1", "book": quantity_text(book.get((item.id or 0, ""), Decimal(0)))}

    def line_values(self, row: int) -> dict[str, Any]:
        return {
            "item_id": self.item_id(row),
            "location_id": self.line_location_id(row),
            "batch": self.cell_text(row, "batch"),
            "quantity": self.cell_text(row, "quantity"),
        }

    def submit(self, location_id: int, lines: list[dict[str, Any]]) -> StockDocument | None:
        return prompts.with_override(
            self,
            lambda override: self.services.stock.count(
                location_id, lines, note=self.note.text(), override_reason=override
            ),
            self.services.ctx.actor.may(Permission.OVERRIDE_CHECKS),
        )

    def places_changed(self, row: int | None = None) -> None:
        self.refresh_book(None if row is None or row < 0 else [row])

    def refresh_book(self, rows: list[int] | None = None) -> None:
        """Show what the books say for the lines (every line) at each line's place."""
        rows = list(range(self.table.rowCount())) if rows is None else rows
        by_place: dict[int, list[int]] = {}
        for row in rows:
            by_place.setdefault(self.line_location_id(row), []).append(row)
        for place, place_rows in by_place.items():
            ids = sorted({self.item_id(row) for row in place_rows})
            book = self.services.stock.book_quantities(place, ids) if ids else {}
            for row in place_rows:
                key = (self.item_id(row), self.cell_text(row, "batch"))
                self.set_cell(row, "book", quantity_text(book.get(key, Decimal(0))))

    def _on_item_changed(self, cell: QTableWidgetItem) -> None:
        if cell.column() == self.COLUMNS.index("batch"):
            self.refresh_book([cell.row()])

    def after_post(self, document: StockDocument) -> None:
        """Show each line's booked quantity and difference; the count is then closed."""
        changed = 0
        for line in document.lines:
            row = line.line_no - 1
            self.set_cell(row, "book", quantity_text(line.book_quantity))
            self.set_cell(row, "difference", signed(line.difference))
            changed += line.difference != 0
        self.result.setText(
            self.tr("Stock count {number} posted: {n} differences booked.").format(
                number=document.number, n=changed
            )
        )
        self.set_posting_enabled(False)
        self.new_button.setEnabled(True)

    def start_new(self) -> None:
        """Clear the lines for the next count."""
        self.clear_lines()
        self.note.clear()
        self.result.clear()
        self.document = None
        self.set_posting_enabled(True)
        self.new_button.setEnabled(False)
        self.scan.setFocus()


def signed(value: Decimal) -> str:
    """``+2``, ``-1``, ``0``."""
    text = quantity_text(value)
    return f"+{text}" if value > 0 else text
