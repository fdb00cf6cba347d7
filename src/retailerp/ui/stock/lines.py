"""What the goods receipt and the stock count share: a location, scanned lines, posting.

A scanner types the barcode and presses Enter.  Each Enter in the scan box looks the code
up as a barcode or SKU (:meth:`ItemService.find`) and adds a line, or adds one to the
quantity of the item's line; the code stays selected, so the next scan replaces it and a
second Enter counts the same item again.  Ctrl+S posts; refusals naming ``lines.<n>.<field>``
are listed as "Line n: …" and the cell is marked.

Every line has its own place (the ``location`` column): the document's location or one of
its bins, starting at the item's bin when the item has one there.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
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
from retailerp.domain.money import to_decimal
from retailerp.domain.stock import Location, LocationKind
from retailerp.services import Services
from retailerp.ui.errors import message_for, show_error
from retailerp.ui.line_table import (
    ITEM_ROLE,
    clear_fixed_marks,
    clear_marks,
    line_field,
    line_item_id,
    mark_cell,
)
from retailerp.ui.prompts import AsksBeforeDiscarding
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


BIN_ROLE = Qt.ItemDataRole.UserRole + 7
"""The item column's cell keeps the item's own bin id under this role."""


def places_in(document_location: Location | None, places: Sequence[Location]) -> list[Location]:
    """Where a line of a document at ``document_location`` may go: there, or a bin in it."""
    if document_location is None:
        return []
    bins = [p for p in places if p.kind == LocationKind.BIN and p.parent_id == document_location.id]
    return [document_location, *sorted(bins, key=lambda p: p.code)]


def plain_number(text: str) -> Decimal | None:
    """A number typed in a cell, for adding one to it; ``None`` when it is not one."""
    try:
        return to_decimal(text, "quantity")  # the domain's reading: "0,5" is not 5
    except DomainError:
        return None


class StockLinesDialog(AsksBeforeDiscarding, QDialog):
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
        self.places = services.stock.locations(active_only=True)
        fill_location_combo(self.location, self.places)
        self.location.currentIndexChanged.connect(lambda _index: self.refresh_places())
        self.scan = QLineEdit()
        self.scan.setObjectName("scan")
        self.scan.setPlaceholderText(
            QCoreApplication.translate("StockLines", "Scan a barcode or type a SKU, then Enter")
        )
        self.scan.installEventFilter(self)
        self.message = self._label("message")
        self.result = self._label("result")
        self.table = self._build_table()
        clear_fixed_marks(self.table, self.message)
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

    def submit(self, location_id: int, lines: list[dict[str, Any]]) -> StockDocument | None:
        raise NotImplementedError

    def after_post(self, document: StockDocument) -> None:
        raise NotImplementedError

    # -- lines ---------------------------------------------------------------------------

    def location_id(self) -> int:
        return int(self.location.currentData() or 0)

    def document_location(self) -> Location | None:
        return next((p for p in self.places if p.id == self.location_id()), None)

    def place_combo(self, row: int) -> QComboBox | None:
        widget = self.table.cellWidget(row, self.COLUMNS.index("location"))
        return widget if isinstance(widget, QComboBox) else None

    def line_location_id(self, row: int) -> int:
        """The place chosen for the line in ``row``."""
        combo = self.place_combo(row)
        return int(combo.currentData() or 0) if combo is not None else self.location_id()

    def set_line_location(self, row: int, location_id: int) -> None:
        combo = self.place_combo(row)
        if combo is not None and combo.findData(location_id) >= 0:
            combo.setCurrentIndex(combo.findData(location_id))

    def _fill_place_combo(self, row: int, combo: QComboBox) -> None:
        """The document's location and its bins; keeps the choice, else the item's bin."""
        keep = int(combo.currentData() or 0)
        cell = self.table.item(row, 0)
        item_bin = int(cell.data(BIN_ROLE) or 0) if cell is not None else 0
        combo.blockSignals(True)
        try:
            combo.clear()
            for place in places_in(self.document_location(), self.places):
                combo.addItem(place.code, place.id)
            for wanted in (keep, item_bin):
                if wanted and combo.findData(wanted) >= 0:
                    combo.setCurrentIndex(combo.findData(wanted))
                    break
        finally:
            combo.blockSignals(False)

    def refresh_places(self) -> None:
        """After the document's location changed: each line's places again."""
        for row in range(self.table.rowCount()):
            combo = self.place_combo(row)
            if combo is not None:
                self._fill_place_combo(row, combo)
        self.places_changed()

    def places_changed(self, row: int | None = None) -> None:
        """A line's place (``row``) or every line's changed; the count reads the books."""

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
        cell.setData(BIN_ROLE, item.bin_id or 0)
        self.table.setItem(row, 0, cell)
        for key in self.COLUMNS[1:]:
            self.set_cell(row, key, "")
        if "location" in self.COLUMNS:
            self._add_place_combo(row)
        for key, text in self.new_line_values(item).items():
            self.set_cell(row, key, text)
        self.table.setCurrentCell(row, self.COLUMNS.index(self.QUANTITY))
        return row

    def _add_place_combo(self, row: int) -> None:
        combo = QComboBox()
        combo.setObjectName(f"line_location_{row + 1}")
        self._fill_place_combo(row, combo)
        combo.currentIndexChanged.connect(
            lambda _index, c=combo: self.places_changed(self._row_of_widget(c))
        )
        self.table.setCellWidget(row, self.COLUMNS.index("location"), combo)

    def _row_of_widget(self, widget: QWidget) -> int:
        column = self.COLUMNS.index("location")
        return next(
            (r for r in range(self.table.rowCount()) if self.table.cellWidget(r, column) is widget),
            -1,
        )

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
        combo = self.place_combo(row) if key == "location" else None
        if combo is not None:
            return combo.currentText()
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
        if document is None:  # an override was asked for and not given: nothing was posted
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
        text = QCoreApplication.translate("StockLines", "Line {n}: {message}").format(
            n=row + 1, message=text
        )
        self.mark(row, key, text)
        return text

    def mark(self, row: int, key: str, message: str = "") -> None:
        column = self.COLUMNS.index(key if key in self.COLUMNS else "item")
        mark_cell(self.table, row, column, message)

    def clear_marks(self) -> None:
        clear_marks(self.table)

    def unsaved(self) -> bool:
        """Lines scanned and not posted: Esc and Close ask before they are dropped."""
        return self.post_button.isEnabled() and self.table.rowCount() > 0

    def set_posting_enabled(self, enabled: bool) -> None:
        for widget in (self.post_button, self.remove_button, self.scan, self.location):
            widget.setEnabled(enabled)
        for row in range(self.table.rowCount()):
            combo = self.place_combo(row)
            if combo is not None:
                combo.setEnabled(enabled)
        self.table.setEnabled(enabled)
