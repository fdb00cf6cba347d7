"""What the goods receipt and the stock count share: a location, scanned lines, posting.

A scanner types the barcode and presses Enter.  Each Enter in the scan box looks the code
up as a barcode or SKU (:meth:`ItemService.find`) and adds a line, or adds one to the
quantity of the item's line; the code stays selected, so the next scan replaces it and a
second Enter counts the same item again.  Ctrl+S posts; refusals naming ``lines.<n>.<field>``
are listed as "Line n: …" and the cell is marked.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from retailerp import i18n
from retailerp.domain.errors import DomainError, ValidationError
from retailerp.domain.inventory import StockDocument
from retailerp.domain.items import Item, Tracking
from retailerp.domain.stock import Location, LocationKind
from retailerp.services import Services
from retailerp.ui.errors import message_for, show_error
from retailerp.ui.line_table import (
    ITEM_ROLE,
    clear_marks,
    line_field,
    line_item_id,
    mark_cell,
)
from retailerp.ui.sources import quantity_text, term
from retailerp.ui.styles import ERROR_STYLE

NUMBER_COLUMNS = frozenset({"quantity", "book", "difference", "unit_cost"})
"""Line columns holding numbers: right-aligned."""

LOCATION_ORDER = [
    LocationKind.WAREHOUSE,
    LocationKind.BIN,
    LocationKind.QUARANTINE,
    LocationKind.SCRAP,
    LocationKind.CONSIGNMENT,
]


def location_text(location: Location) -> str:
    """``WH – Main warehouse`` (standard names in the current language)."""
    return f"{location.code} – {term(location.name)}"


def sorted_locations(locations: Sequence[Location]) -> list[Location]:
    """Warehouses first, then bins, quarantine, scrap; by code within each kind."""

    def rank(location: Location) -> tuple[int, str]:
        kind = LocationKind(location.kind)
        order = LOCATION_ORDER.index(kind) if kind in LOCATION_ORDER else len(LOCATION_ORDER)
        return order, location.code

    return sorted(locations, key=rank)


def fill_location_combo(combo: QComboBox, locations: Sequence[Location]) -> None:
    for location in sorted_locations(locations):
        combo.addItem(location_text(location), location.id)


def plain_number(text: str) -> Decimal | None:
    """A number typed in a cell, for adding one to it; ``None`` when it is not one."""
    try:
        return Decimal(text.strip().replace(",", ""))
    except InvalidOperation:
        return None


class StockLinesDialog(QDialog):
    """Base of the receipt and count dialogs (subclasses set the columns and the posting).

    ``posted(number)`` follows a successful posting.
    """

    posted = Signal(str)

    COLUMNS: tuple[str, ...] = ()
    """Column keys; ``item`` first, the quantity column named by :attr:`QUANTITY`."""
    QUANTITY = "quantity"
    READ_ONLY: frozenset[str] = frozenset({"item"})

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.document: StockDocument | None = None
        self.location = QComboBox()
        self.location.setObjectName("location")
        fill_location_combo(self.location, services.stock.locations())
        self.scan = QLineEdit()
        self.scan.setObjectName("scan")
        self.scan.setPlaceholderText(
            QCoreApplication.translate("StockLines", "Scan a barcode or type a SKU, then Enter")
        )
        self.scan.installEventFilter(self)
        self.message = self._label("message")
        self.result = self._label("result")
        self.table = self._build_table()
        self.fields = QFormLayout()
        self.fields.addRow(QCoreApplication.translate("StockLines", "&Location"), self.location)
        self._build_buttons()

    @staticmethod
    def _label(name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        return label

    def _build_table(self) -> QTableWidget:
        table = QTableWidget(0, len(self.COLUMNS))
        table.setObjectName("lines")
        table.setHorizontalHeaderLabels([self.header(key) for key in self.COLUMNS])
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(90)
        table.setColumnWidth(0, 260)
        return table

    def _build_buttons(self) -> None:
        self.buttons = QDialogButtonBox()
        self.post_button = self.add_button(
            QCoreApplication.translate("StockLines", "&Post"), self.post
        )
        self.post_button.setToolTip(QCoreApplication.translate("StockLines", "Post (Ctrl+S)"))
        self.remove_button = self.add_button(
            QCoreApplication.translate("StockLines", "&Remove line"), self.remove_line
        )
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.reject)
        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        shortcut.activated.connect(self.post)

    def add_button(self, text: str, slot: Any) -> QPushButton:
        button = self.buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.clicked.connect(lambda: slot())
        return button

    def build_layout(self) -> None:
        """Lay the dialog out (subclasses add their own fields to :attr:`fields` first)."""
        self.fields.addRow(QCoreApplication.translate("StockLines", "&Scan"), self.scan)
        for button in self.buttons.buttons():
            if isinstance(button, QPushButton):  # Enter never posts; Ctrl+S does
                button.setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.addLayout(self.fields)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.result)
        layout.addWidget(self.buttons)
        self.message.setStyleSheet(ERROR_STYLE)
        self.scan.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Enter in the scan box adds the item; it never reaches the dialog's buttons."""
        if (
            watched is self.scan
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.scan_entered()
            return True
        return super().eventFilter(watched, event)

    # -- what subclasses provide ---------------------------------------------------------

    def header(self, key: str) -> str:
        raise NotImplementedError

    def new_line_values(self, item: Item) -> dict[str, str]:
        """The cells of a new line for ``item`` (besides the item column)."""
        return {self.QUANTITY: "1"}

    def line_values(self, row: int) -> dict[str, Any]:
        raise NotImplementedError

    def submit(self, location_id: int, lines: list[dict[str, Any]]) -> StockDocument:
        raise NotImplementedError

    def after_post(self, document: StockDocument) -> None:
        raise NotImplementedError

    # -- lines ---------------------------------------------------------------------------

    def location_id(self) -> int:
        return int(self.location.currentData() or 0)

    def scan_entered(self) -> None:
        """Look up what the scanner typed and add it."""
        code = self.scan.text().strip()
        self.scan.selectAll()
        if not code:
            return
        try:
            item = self.services.items.find(code)
        except DomainError as error:
            self.message.setText(error.render(i18n.translate))
            return
        if item is None:
            self.message.setText(
                QCoreApplication.translate(
                    "StockLines", "No item has the SKU or barcode {code}."
                ).format(code=code)
            )
            return
        self.message.clear()
        self.add_item(item)

    def add_item(self, item: Item) -> int:
        """Add one of ``item``: to its line (the last one without batch or serial typed
        differently) or as a new line; returns the row."""
        row = self.line_of(item)
        if row < 0:
            return self.append_line(item)
        column = self.COLUMNS.index(self.QUANTITY)
        cell = self.table.item(row, column)
        current = plain_number(cell.text()) if cell is not None else None
        self.set_cell(row, self.QUANTITY, quantity_text((current or Decimal(0)) + 1))
        self.table.setCurrentCell(row, column)
        return row

    def line_of(self, item: Item) -> int:
        """The row to add another unit of ``item`` to, or -1 for a new line."""
        if item.tracking == Tracking.SERIAL:
            return -1  # one line per serial number
        for row in range(self.table.rowCount() - 1, -1, -1):
            if self.item_id(row) == item.id:
                return row
        return -1

    def append_line(self, item: Item) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        cell = QTableWidgetItem(f"{item.sku} {item.name}")
        cell.setData(ITEM_ROLE, item.id)
        self.table.setItem(row, 0, cell)
        for key in self.COLUMNS[1:]:
            self.set_cell(row, key, "")
        for key, text in self.new_line_values(item).items():
            self.set_cell(row, key, text)
        self.table.setCurrentCell(row, self.COLUMNS.index(self.QUANTITY))
        return row

    def set_cell(self, row: int, key: str, text: str) -> None:
        column = self.COLUMNS.index(key)
        cell = self.table.item(row, column)
        if cell is None:
            cell = QTableWidgetItem()
            if key in self.READ_ONLY:
                cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
            if key in NUMBER_COLUMNS:
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, column, cell)
        cell.setText(text)

    def cell_text(self, row: int, key: str) -> str:
        cell = self.table.item(row, self.COLUMNS.index(key))
        return cell.text().strip() if cell is not None else ""

    def item_id(self, row: int) -> int:
        return line_item_id(self.table, row)

    def remove_line(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def clear_lines(self) -> None:
        self.table.setRowCount(0)

    # -- posting -------------------------------------------------------------------------

    def post(self) -> StockDocument | None:
        """Post the document; refusals are listed and the lines stay for correcting."""
        if not self.post_button.isEnabled():
            return None
        self.clear_marks()
        self.result.clear()
        lines = [self.line_values(row) for row in range(self.table.rowCount())]
        try:
            document = self.submit(self.location_id(), lines)
        except DomainError as error:
            self.show_refusal(error)
            return None
        except Exception as error:  # noqa: BLE001 - shown and logged, the lines stay
            show_error(self, error)
            return None
        self.message.clear()
        self.document = document
        self.after_post(document)
        self.posted.emit(document.number)
        return document

    def show_refusal(self, error: DomainError) -> None:
        """List every message, naming the line, and mark the cells at fault."""
        errors = error.errors if isinstance(error, ValidationError) and error.errors else [error]
        texts = [self.refusal_text(e) for e in errors]
        self.message.setText("\n".join(texts))

    def refusal_text(self, error: DomainError) -> str:
        text = message_for(error, i18n.translate)
        line = line_field(error.field)
        if line is None:
            return text
        row, key = line
        self.mark(row, key)
        return QCoreApplication.translate("StockLines", "Line {n}: {message}").format(
            n=row + 1, message=text
        )

    def mark(self, row: int, key: str) -> None:
        mark_cell(self.table, row, self.COLUMNS.index(key if key in self.COLUMNS else "item"))

    def clear_marks(self) -> None:
        clear_marks(self.table)

    def set_posting_enabled(self, enabled: bool) -> None:
        for widget in (self.post_button, self.remove_button, self.scan, self.location):
            widget.setEnabled(enabled)
        self.table.setEnabled(enabled)
