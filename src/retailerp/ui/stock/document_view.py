"""A posted stock document, read only: goods receipt, stock count, reversal, or a delivery's
goods issue, with its lines and, where the document may be reversed, Reverse."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from retailerp import i18n
from retailerp.domain.errors import DomainError
from retailerp.domain.numbering import DocumentType
from retailerp.domain.security import Permission
from retailerp.services import Services
from retailerp.ui import prompts
from retailerp.ui.errors import message_for, show_error
from retailerp.ui.sources import date_text, document_type_text, money_text, quantity_text, term
from retailerp.ui.stock.count import signed
from retailerp.ui.styles import ERROR_STYLE

LINE_COLUMNS = {
    DocumentType.GOODS_RECEIPT: (
        "line_no", "item", "location", "quantity", "unit", "batch", "serial", "expiry",
        "unit_cost",
    ),
    DocumentType.STOCK_COUNT: (
        "line_no", "item", "location", "key", "book", "quantity", "difference", "unit",
    ),
}  # fmt: skip
MOVE_COLUMNS = ("line_no", "item", "from", "to", "key", "expiry", "quantity", "unit")
NUMBER_COLUMNS = frozenset({"line_no", "quantity", "book", "difference", "unit_cost"})
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class DocumentDialog(QDialog):
    """One document; ``reversed(number)`` follows a reversal posted from here."""

    reversed = Signal(str)

    def __init__(self, services: Services, number: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.number = number
        self.setObjectName("document_dialog")
        self.fields = QFormLayout()
        self.values: dict[str, QLabel] = {}
        self.table = QTableWidget(0, 0)
        self.table.setObjectName("lines")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.reverse_button: QPushButton = self.buttons.addButton(
            self.tr("&Reverse…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.reverse_button.setObjectName("reverse_button")
        self.reverse_button.clicked.connect(lambda: self.reverse())
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close).clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.fields)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.load()
        self.resize(820, 460)

    def load(self) -> None:
        """Read the document again and show it."""
        header, lines = self.services.stock.document_view(self.number)
        self.header, self.lines = header, lines
        kind = DocumentType(header.doc_type)
        self.setWindowTitle(
            self.tr("{kind} {number}").format(kind=document_type_text(kind), number=header.number)
        )
        self._show_header()
        self._show_lines(LINE_COLUMNS.get(kind, MOVE_COLUMNS))
        self.reverse_button.setEnabled(header.reversible)
        self.reverse_button.setVisible(kind in LINE_COLUMNS)

    def _show_header(self) -> None:
        h = self.header
        kind = DocumentType(h.doc_type)
        rows = [
            ("number", self.tr("Number"), h.number),
            ("doc_type", self.tr("Type"), document_type_text(kind)),
            ("doc_date", self.tr("Date"), date_text(h.doc_date)),
        ]
        if h.location_code:
            rows.append(
                ("location", self.tr("Location"), f"{h.location_code} – {term(h.location_name)}")
            )
        if kind == DocumentType.DELIVERY:
            rows += [
                ("partner", self.tr("Customer"), h.partner),
                ("note", self.tr("Order"), h.note),
            ]
        else:
            rows += [("partner", self.tr("Supplier"), h.partner), ("note", self.tr("Note"), h.note)]
        posted = h.posted_at.astimezone().strftime("%Y-%m-%d %H:%M")
        rows.append(("posted", self.tr("Posted by"), f"{h.posted_by}, {posted}"))
        if h.reverses_number:
            rows.append(("reverses", self.tr("Reverses"), h.reverses_number))
        if h.reversed_by_number:
            rows.append(("reversed_by", self.tr("Reversed by"), h.reversed_by_number))
        while self.fields.rowCount():
            self.fields.removeRow(0)
        self.values = {}
        for key, caption, text in rows:
            value = QLabel(text)
            value.setObjectName(f"value_{key}")
            self.values[key] = value
            self.fields.addRow(caption, value)

    def _headers(self) -> dict[str, str]:
        return {
            "line_no": self.tr("No."),
            "item": self.tr("Item"),
            "location": self.tr("Bin"),
            "from": self.tr("From"),
            "to": self.tr("To"),
            "quantity": self.tr("Quantity"),
            "unit": self.tr("Unit"),
            "batch": self.tr("Batch"),
            "serial": self.tr("Serial number"),
            "key": self.tr("Batch / serial"),
            "expiry": self.tr("Expiry"),
            "unit_cost": self.tr("Unit cost"),
            "book": self.tr("On the books"),
            "difference": self.tr("Difference"),
        }

    def _show_lines(self, columns: tuple[str, ...]) -> None:
        self.columns = columns
        headers = self._headers()
        self.table.clear()
        self.table.setColumnCount(len(columns))
        self.table.setHorizontalHeaderLabels([headers[c] for c in columns])
        self.table.setRowCount(len(self.lines))
        for row, line in enumerate(self.lines):
            for column, key in enumerate(columns):
                cell = QTableWidgetItem(self._cell(line, key))
                if key in NUMBER_COLUMNS:
                    cell.setTextAlignment(RIGHT)
                self.table.setItem(row, column, cell)

    @staticmethod
    def _cell(line, key: str) -> str:  # noqa: ANN001 - a DocumentLineRow
        counted = line.quantity if line.book_quantity is not None else None
        values = {
            "line_no": str(line.line_no),
            "item": f"{line.sku} {line.item_name}",
            "location": line.location_code,
            "from": line.from_code,
            "to": line.to_code,
            "quantity": quantity_text(line.quantity),
            "unit": line.unit,
            "batch": line.batch,
            "serial": line.serial,
            "key": line.serial or line.batch,
            "expiry": date_text(line.expiry),
            "unit_cost": money_text(line.unit_cost),
            "book": quantity_text(line.book_quantity),
            "difference": signed(counted - line.book_quantity) if counted is not None else "",
        }
        return values[key]

    def cell_text(self, row: int, key: str) -> str:
        cell = self.table.item(row, self.columns.index(key))
        return cell.text() if cell is not None else ""

    def reverse(self) -> str | None:
        """Reverse this document after asking why; returns the reversal's number."""
        if not self.header.reversible:
            return None
        reason = prompts.ask_reason(
            self,
            self.tr("Reverse {number}").format(number=self.number),
            self.tr("Why is {number} reversed?").format(number=self.number),
        )
        if reason is None:
            return None
        try:
            reversal = prompts.with_override(
                self,
                lambda override: self.services.stock.reverse(self.number, reason, override),
                self.services.ctx.actor.may(Permission.OVERRIDE_CHECKS),
            )
            if reversal is None:
                return None
        except DomainError as error:
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(message_for(error, i18n.translate))
            return None
        except Exception as error:  # noqa: BLE001 - shown and logged, like every other action
            show_error(self, error)
            return None
        self.load()
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Posted {number}.").format(number=reversal.number))
        self.reversed.emit(reversal.number)
        return reversal.number
