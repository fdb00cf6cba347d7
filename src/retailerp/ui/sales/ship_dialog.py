"""Posting the goods issue: the picking list's lines with the quantity actually picked.

Each line proposes the listed quantity; the warehouse hand types what was really taken
(0 = not picked; the rest stays on backorder).  The service checks the numbers.  A batch
with many complaints is named in red, with its tickets, before anything is posted.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from retailerp.domain.fulfilment import PickingList
from retailerp.services import Services
from retailerp.ui.list_view import fit_table
from retailerp.ui.sources import BELOW_MINIMUM_COLOUR, bad_batch_text, date_text, quantity_text

COLUMNS = ("no", "bin", "item", "batch", "listed", "picked", "complaints")
NUMBERS = frozenset({"no", "listed", "picked"})
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class ShipDialog(QDialog):
    """``picked()`` maps picking line numbers to the typed quantities."""

    def __init__(self, parent: QWidget | None, services: Services, picking: PickingList) -> None:
        super().__init__(parent)
        self.picking = picking
        self.setObjectName("ship_dialog")
        self.setWindowTitle(self.tr("Ship – picking list {number}").format(number=picking.number))
        self.table = QTableWidget(len(picking.lines), len(COLUMNS), self)
        self.table.setObjectName("picked_lines")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("No."),
                self.tr("Bin"),
                self.tr("Item"),
                self.tr("Batch / serial"),
                self.tr("Listed"),
                self.tr("Picked"),
                self.tr("Complaints"),
            ]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self._fill(services)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.tr("&Post delivery"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("Type the quantity actually picked; 0 leaves a line on backorder."))
        )
        layout.addWidget(self.table, 1)
        self.warning = QLabel(self)
        self.warning.setObjectName("bad_batch_warning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(f"color: {BELOW_MINIMUM_COLOUR};")
        self._warn()
        layout.addWidget(self.warning)
        layout.addWidget(buttons)
        needed = fit_table(self.table, COLUMNS.index("item"))
        room = self.screen().availableGeometry().width() - 40 if self.screen() else 1300
        self.resize(max(760, min(needed + 40, room)), 360)
        self.table.setCurrentCell(0, COLUMNS.index("picked"))

    def _fill(self, services: Services) -> None:
        item_ids = sorted({line.item_id for line in self.picking.lines})
        items = services.items.get_many(item_ids)
        self.bad_batches = services.complaints.bad_batches_of(item_ids)
        names = {item_id: f"{item.sku}  {item.name}" for item_id, item in items.items()}
        for row, line in enumerate(self.picking.lines):
            stock_key = line.serial or line.batch
            if line.expiry is not None:
                stock_key = f"{stock_key} ({date_text(line.expiry)})"
            texts = (
                str(line.line_no),
                line.bin_code,
                names[line.item_id],
                stock_key,
                quantity_text(line.quantity),
                quantity_text(line.quantity),
                bad_batch_text(self.bad_batches.get((line.item_id, line.batch), [])),
            )
            for column, text in enumerate(texts):
                cell = QTableWidgetItem(text)
                if COLUMNS[column] != "picked":
                    cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if COLUMNS[column] in NUMBERS:
                    cell.setTextAlignment(RIGHT)
                if COLUMNS[column] == "complaints" and text:
                    cell.setForeground(QColor(BELOW_MINIMUM_COLOUR))
                self.table.setItem(row, column, cell)

    def _warn(self) -> None:
        batches = sorted({line.batch for line in self.picking.lines
                          if (line.item_id, line.batch) in self.bad_batches})  # fmt: skip
        self.warning.setVisible(bool(batches))
        self.warning.setText(
            self.tr("Batch {batches} has many complaints: check the goods before they leave.")
            .format(batches=", ".join(batches))
        )  # fmt: skip

    def picked(self) -> dict[int, str]:
        column = COLUMNS.index("picked")
        result = {}
        for row, line in enumerate(self.picking.lines):
            cell = self.table.item(row, column)
            result[line.line_no] = cell.text().strip() if cell is not None else ""
        return result


def ask_picked(
    parent: QWidget | None, services: Services, picking: PickingList
) -> dict[int, str] | None:
    """The picked quantities by line number, or ``None`` (tests replace this function)."""
    dialog = ShipDialog(parent, services, picking)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.picked()
