"""The lines of an order: an item entry, the grid, and the totals the domain computes.

Enter in the item entry looks the text up as a barcode or SKU (what a scanner types), then
as part of a code or name: the item's line gets one more, or a new line is added; several
matches open a popup to choose from; an unknown code is said next to the entry and adds
nothing.  ``3*TEA-1`` adds three.  ↓ moves into the grid, where typing edits the cell and
Enter (when not editing) comes back to the entry; Delete removes a line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from retailerp import i18n
from retailerp.domain.errors import DomainError
from retailerp.domain.money import (
    LineAmounts,
    Money,
    PriceEntry,
    check_price,
    check_quantity,
    check_vat_rate,
    line_amounts,
    net_unit_price,
    to_decimal,
    total,
)
from retailerp.domain.sales import OrderLine
from retailerp.services import Page, Services
from retailerp.ui.errors import message_for
from retailerp.ui.line_table import (
    ITEM_ROLE,
    back_after_enter,
    clear_fixed_marks,
    clear_marks,
    line_field,
    line_item_id,
    mark_cell,
)
from retailerp.ui.sales.lookup import MAX_CANDIDATES, LookupPopup, is_enter, is_key
from retailerp.ui.sources import money_text, quantity_text
from retailerp.ui.styles import ERROR_STYLE

COLUMNS = (
    "item", "quantity", "unit_price", "discount", "vat_rate", "net", "vat", "gross", "incl_vat"
)  # fmt: skip
EDITABLE = frozenset({"quantity", "unit_price", "discount", "vat_rate", "incl_vat"})
"""``incl_vat`` (a check box shown beside the price when the shop sets prices per line) says
that the line's unit price was typed with VAT included."""
COUNT_PREFIX = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*\*\s*(.+)$")


@dataclass(frozen=True)
class LineItem:
    """What a line needs to know of its item (from an ``Item`` or an ``ItemRow``)."""

    id: int
    sku: str
    name: str
    price: Money
    vat_rate: Decimal

    @classmethod
    def of(cls, item: Any) -> LineItem:
        return cls(item.id or 0, item.sku, item.name, item.price, item.vat_rate)


def percent_text(fraction: Decimal) -> str:
    """``10`` for 0.10 (a discount or VAT rate as the grid shows it)."""
    return quantity_text(Decimal(fraction) * 100)


def discount_value(text: str) -> Decimal | str:
    """The discount typed as a percentage, as the fraction the service takes.

    Text that is not a number, or 100 and above, goes on as typed for the domain to refuse.
    """
    try:
        percent = Decimal(text.strip().rstrip("%") or "0")
    except InvalidOperation:
        return text
    return percent / 100 if percent < 100 else text


def vat_value(text: str) -> str:
    return text.strip().rstrip("%")


def split_count(text: str) -> tuple[Decimal, str]:
    """``3*TEA-1`` → (3, "TEA-1"); anything else → (1, text)."""
    match = COUNT_PREFIX.match(text)
    if match is None:
        return Decimal(1), text.strip()
    return Decimal(match.group(1)), match.group(2).strip()


class OrderLinesEditor(QWidget):
    """``edited()`` follows every change of the lines by the user."""

    edited = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self._items: dict[int, LineItem] = {}
        self._candidates: list[LineItem] = []
        self._pending_count = Decimal(1)
        self._filling = False
        self.dirty = False
        self.price_entry = services.settings.get().price_entry
        self.entry = QLineEdit(self)
        self.entry.setObjectName("item_entry")
        self.entry.setPlaceholderText(
            self.tr("Scan a barcode or type an item's code or name, then Enter")
        )
        self.popup = LookupPopup(self.entry)
        self.popup.chosen.connect(self._choose_candidate)
        self.entry_message = self._message_label("entry_message")
        self.table = self._build_table()
        self.totals = QLabel(self)
        self.totals.setObjectName("totals")
        self.message = self._message_label("lines_message")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.entry, self.entry_message, self.table, self.totals, self.message):
            layout.addWidget(widget, 1 if widget is self.table else 0)
        self.update_totals()
        self.entry.installEventFilter(self)  # last: filters run while children are added
        self.table.installEventFilter(self)
        back_after_enter(self.table, {COLUMNS.index("quantity")}, self.entry)
        clear_fixed_marks(self.table, self.message)

    def _message_label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setStyleSheet(ERROR_STYLE)
        return label

    def _build_table(self) -> QTableWidget:
        table = QTableWidget(0, len(COLUMNS), self)
        table.setObjectName("lines")
        table.setHorizontalHeaderLabels([self.header(key) for key in COLUMNS])
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.setEditTriggers(self._triggers())
        table.cellChanged.connect(self._cell_changed)
        header.moveSection(COLUMNS.index("incl_vat"), COLUMNS.index("unit_price") + 1)
        table.setColumnHidden(COLUMNS.index("incl_vat"), self.price_entry != PriceEntry.PER_LINE)
        return table

    def header(self, key: str) -> str:
        return {
            "item": self.tr("Item"),
            "quantity": self.tr("Quantity"),
            "unit_price": self.tr("Unit price incl. VAT")
            if self.price_entry == PriceEntry.GROSS
            else self.tr("Unit price"),
            "incl_vat": self.tr("incl. VAT"),
            "discount": self.tr("Discount %"),
            "vat_rate": self.tr("VAT %"),
            "net": self.tr("Net"),
            "vat": self.tr("VAT"),
            "gross": self.tr("Gross"),
        }[key]

    # -- the entry -----------------------------------------------------------------------

    def enter_item(self) -> bool:
        """Add what the entry names (see the module); ``True`` when a line changed."""
        row = self.popup.highlighted_row()
        if row is not None:
            self._choose_candidate(row)
            return True
        count, code = split_count(self.entry.text())
        self.entry.selectAll()
        if not code:
            return False
        self._pending_count = count
        try:
            found = self._lookup(code)
        except DomainError as error:
            self.entry_message.setText(error.render(i18n.translate))
            return False
        return self._take(found, code)

    def _lookup(self, code: str) -> list[LineItem]:
        item = self.services.items.find(code)
        if item is not None:
            return [LineItem.of(item)] if item.active else []
        page = Page(search=code, filters={"active": True}, sort_key="sku", limit=MAX_CANDIDATES)
        return [LineItem.of(row) for row in self.services.items.page(page)]

    def _take(self, found: list[LineItem], code: str) -> bool:
        self._candidates = found
        if len(found) == 1:
            self.add_item(found[0], self._pending_count)
            return True
        if not found:
            self.popup.set_texts([], show=False)
            self.entry_message.setText(
                self.tr("No item in use has the barcode, code or name “{code}”.").format(code=code)
            )
            return False
        self.entry_message.setText(self.tr("Several items match: choose one with ↓ and Enter."))
        self.popup.set_texts([f"{i.sku}  {i.name}" for i in found], show=True)
        return False

    def _choose_candidate(self, row: int) -> None:
        self.popup.hide()
        if 0 <= row < len(self._candidates):
            self.add_item(self._candidates[row], self._pending_count)
        self.entry.setFocus(Qt.FocusReason.OtherFocusReason)
        self.entry.selectAll()

    # -- lines ---------------------------------------------------------------------------

    def add_item(self, item: LineItem, count: Decimal = Decimal(1)) -> int:
        """One more of ``item`` on its line, or a new line; returns the row."""
        self.entry_message.clear()
        self._items[item.id] = item
        row = self.row_of(item.id)
        if row < 0:
            row = self._append(item, count)
        else:
            current = self._number(self.cell_text(row, "quantity")) or Decimal(0)
            self.set_cell(row, "quantity", quantity_text(current + count))
        self.table.setCurrentCell(row, COLUMNS.index("quantity"))
        self._changed()
        return row

    def _append(self, item: LineItem, count: Decimal) -> int:
        row = self.table.rowCount()
        self._filling = True
        try:
            self.table.insertRow(row)
            cell = QTableWidgetItem(f"{item.sku}  {item.name}")
            cell.setData(ITEM_ROLE, item.id)
            self.table.setItem(row, 0, cell)
            self._add_incl_vat(row)
            self.set_cell(row, "quantity", quantity_text(count))
            self.set_cell(row, "unit_price", self._price_text(row, item.price, item.vat_rate))
            self.set_cell(row, "discount", "")
            self.set_cell(row, "vat_rate", percent_text(item.vat_rate))
        finally:
            self._filling = False
        return row

    def _add_incl_vat(self, row: int) -> None:
        cell = QTableWidgetItem()
        cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        cell.setCheckState(Qt.CheckState.Unchecked)
        self.table.setItem(row, COLUMNS.index("incl_vat"), cell)

    def _price_text(self, row: int, net: Money, vat_rate: Decimal) -> str:
        """A net unit price as the row shows it: with VAT where the row takes prices so."""
        shown = Money.of(net.amount * (1 + vat_rate)) if self.includes_vat(row) else net
        return f"{shown.amount:.2f}"

    def includes_vat(self, row: int) -> bool:
        """Whether the row's unit price is typed with VAT included (the shop setting, or the
        row's check box where prices are chosen per line)."""
        if self.price_entry != PriceEntry.PER_LINE:
            return self.price_entry == PriceEntry.GROSS
        cell = self.table.item(row, COLUMNS.index("incl_vat"))
        return cell is not None and cell.checkState() == Qt.CheckState.Checked

    def row_of(self, item_id: int) -> int:
        for row in range(self.table.rowCount()):
            if self.item_id(row) == item_id:
                return row
        return -1

    def item_id(self, row: int) -> int:
        return line_item_id(self.table, row)

    def set_cell(self, row: int, key: str, text: str) -> None:
        column = COLUMNS.index(key)
        cell = self.table.item(row, column)
        if cell is None:
            cell = QTableWidgetItem()
            if key not in EDITABLE:
                cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
            if key != "item":
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, column, cell)
        cell.setText(text)

    def cell_text(self, row: int, key: str) -> str:
        cell = self.table.item(row, COLUMNS.index(key))
        return cell.text().strip() if cell is not None else ""

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row >= 0 and self.is_editable():
            self.table.removeRow(row)
            self._changed()

    @staticmethod
    def _number(text: str) -> Decimal | None:
        try:
            return to_decimal(text, "quantity")  # "0,5" is refused, never read as 5
        except DomainError:
            return None

    # -- values, loading, state ------------------------------------------------------------

    def values(self) -> list[dict[str, Any]]:
        """The lines as the order service takes them."""
        self.commit_edit()
        return [
            {
                "item_id": self.item_id(row),
                "quantity": self.cell_text(row, "quantity"),
                "unit_price": self.cell_text(row, "unit_price"),
                "discount": discount_value(self.cell_text(row, "discount")),
                "vat_rate": vat_value(self.cell_text(row, "vat_rate")),
                "price_includes_tax": self.includes_vat(row),
            }
            for row in range(self.table.rowCount())
        ]

    def load(self, lines: list[OrderLine]) -> None:
        """Show a saved order's lines (and forget any edits)."""
        self._filling = True
        missing = [line.item_id for line in lines if line.item_id not in self._items]
        for item_id, item in self.services.items.get_many(missing).items():
            self._items[item_id] = LineItem.of(item)
        try:
            self.table.setRowCount(0)
            for line in lines:
                item = self._item(line.item_id)
                row = self._append(item, line.quantity)
                self.set_cell(
                    row, "unit_price", self._price_text(row, line.unit_price, line.vat_rate)
                )
                self.set_cell(row, "discount", percent_text(line.discount) if line.discount else "")
                self.set_cell(row, "vat_rate", percent_text(line.vat_rate))
        finally:
            self._filling = False
        self.clear_errors()
        self.update_totals()
        self.dirty = False

    def _item(self, item_id: int) -> LineItem:
        if item_id not in self._items:
            self._items[item_id] = LineItem.of(self.services.items.get(item_id))
        return self._items[item_id]

    def set_editable(self, editable: bool) -> None:
        self.entry.setEnabled(editable)
        triggers = self._triggers() if editable else QAbstractItemView.EditTrigger.NoEditTriggers
        self.table.setEditTriggers(triggers)

    def is_editable(self) -> bool:
        return self.entry.isEnabled()

    @staticmethod
    def _triggers() -> QAbstractItemView.EditTrigger:
        return (
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )

    def commit_edit(self) -> None:
        """Take over a cell still being edited (Ctrl+S pressed inside the cell)."""
        if self.table.state() != QAbstractItemView.State.EditingState:
            return
        editor = QApplication.focusWidget()
        if editor is not None and self.table.isAncestorOf(editor):
            self.table.commitData(editor)
            self.table.closeEditor(editor, QAbstractItemView.EndEditHint.NoHint)

    # -- totals --------------------------------------------------------------------------

    def line_amounts(self, row: int) -> LineAmounts | None:
        """The row's amounts by the domain's rule, or ``None`` while a cell is not valid."""
        discount = discount_value(self.cell_text(row, "discount"))
        try:
            if isinstance(discount, str) or not 0 <= discount < 1:
                return None
            qty = check_quantity(self.cell_text(row, "quantity"))
            price = check_price(self.cell_text(row, "unit_price"))
            vat = check_vat_rate(vat_value(self.cell_text(row, "vat_rate")) or "0")
            if self.includes_vat(row):
                price = net_unit_price(price, qty, vat, discount)
            return line_amounts(qty, price, vat, discount)
        except DomainError:
            return None

    def update_totals(self) -> LineAmounts:
        """Refresh each row's amounts and the order totals; returns the totals."""
        amounts = [self.line_amounts(row) for row in range(self.table.rowCount())]
        self._filling = True
        try:
            for row, line in enumerate(amounts):
                for key in ("net", "vat", "gross"):
                    self.set_cell(row, key, money_text(getattr(line, key)) if line else "")
        finally:
            self._filling = False
        totals = total([a for a in amounts if a is not None])
        text = self.tr("Net {net} · VAT {vat} · Gross {gross}").format(
            net=money_text(totals.net), vat=money_text(totals.vat), gross=money_text(totals.gross)
        )
        if any(a is None for a in amounts):
            text += " " + self.tr("(without the lines still to correct)")
        self.totals.setText(text)
        return totals

    def _cell_changed(self, row: int, column: int) -> None:
        if not self._filling and COLUMNS[column] in EDITABLE:
            self._changed()

    def _changed(self) -> None:
        self.update_totals()
        self.dirty = True
        self.edited.emit()

    # -- refusals ------------------------------------------------------------------------

    def show_errors(self, errors: list[DomainError]) -> None:
        """List the refusals, naming the line, and mark the cells at fault."""
        self.clear_errors()
        self.message.setText("\n".join(self._error_text(e) for e in errors))

    def _error_text(self, error: DomainError) -> str:
        text = message_for(error, i18n.translate)
        line = line_field(error.field)
        if line is None:
            return text
        row, key = line
        text = self.tr("Line {n}: {message}").format(n=row + 1, message=text)
        mark_cell(self.table, row, COLUMNS.index(key) if key in COLUMNS else 0, text)
        return text

    def clear_errors(self) -> None:
        self.message.clear()
        self._filling = True
        try:
            clear_marks(self.table)
        finally:
            self._filling = False

    # -- keys ----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.entry and is_enter(event):
            self.enter_item()
            return True
        if watched is self.entry and is_key(event, Qt.Key.Key_Down) and not self.popup.visible():
            return self._into_grid()
        if watched is self.table and self.table.state() != QAbstractItemView.State.EditingState:
            return self._grid_key(event)
        return super().eventFilter(watched, event)

    def _into_grid(self) -> bool:
        if self.table.rowCount() == 0:
            return False
        row = max(self.table.currentRow(), 0)
        self.table.setCurrentCell(row, COLUMNS.index("quantity"))
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _grid_key(self, event: QEvent) -> bool:
        if is_enter(event):
            self.entry.setFocus(Qt.FocusReason.OtherFocusReason)
            self.entry.selectAll()
            return True
        if is_key(event, Qt.Key.Key_Delete):
            self.remove_current()
            return True
        return False
