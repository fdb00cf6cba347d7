"""In-kind compensation (补货) of a complaint: which goods and how many, and how.

Two ways: a free delivery of any item (by default the item complained of), or more units of
the item complained of for the same total (the line's price is lowered so the delivered
line's total buys the new quantity; the rule is in ``domain.complaints``).  The dialog only
collects the choice; :meth:`choice` gives it to the ticket dialog, which calls the service.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from retailerp.domain.errors import DomainError
from retailerp.services import Page, Services

MAX_ITEMS = 50


@dataclass(frozen=True)
class CompensationChoice:
    """``same_total``: more of the ticket's item for the same money; else free goods."""

    same_total: bool
    item_id: int | None
    quantity: str


class CompensationDialog(QDialog):
    def __init__(
        self,
        services: Services,
        item_id: int | None = None,
        quantity: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.ticket_item = item_id
        self.setWindowTitle(self.tr("In-kind compensation"))
        self.free = QRadioButton(self.tr("&Free delivery"), self)
        self.same_total = QRadioButton(self.tr("More for the &same total"), self)
        self.free.setChecked(True)
        self.same_total.setEnabled(item_id is not None)
        self.find = QLineEdit(self)
        self.find.setObjectName("compensation_find")
        self.find.setPlaceholderText(self.tr("SKU, name or pinyin"))
        self.item = QComboBox(self)
        self.item.setObjectName("compensation_item")
        self.quantity = QLineEdit(quantity, self)
        self.quantity.setObjectName("compensation_quantity")
        form = QFormLayout()
        form.addRow(self.free)
        form.addRow(self.same_total)
        form.addRow(self.tr("Fi&nd item"), self.find)
        form.addRow(self.tr("&Item"), self.item)
        form.addRow(self.tr("&Quantity"), self.quantity)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.find.textChanged.connect(self._search)
        self.same_total.toggled.connect(self._way_changed)
        self._search("")

    def _search(self, text: str) -> None:
        """Fill the item list from the active items matching ``text`` (the ticket's item
        first when nothing is typed)."""
        chosen = self.item.currentData()
        try:
            rows = self.services.items.page(
                Page(search=text, filters={"active": True}, limit=MAX_ITEMS)
            )
        except DomainError:
            rows = []
        self.item.clear()
        if self.ticket_item is not None and not text.strip():
            ticket_item = self.services.items.get(self.ticket_item)
            self.item.addItem(f"{ticket_item.sku}  {ticket_item.name}", ticket_item.id)
        for row in rows:
            if self.item.findData(row.id) < 0:
                self.item.addItem(f"{row.sku}  {row.name}", row.id)
        index = self.item.findData(chosen)
        self.item.setCurrentIndex(max(index, 0))

    def _way_changed(self, same_total: bool) -> None:
        """More for the same total is always of the item complained of."""
        if same_total:
            self.find.clear()
            self.item.setCurrentIndex(max(self.item.findData(self.ticket_item), 0))
        self.find.setEnabled(not same_total)
        self.item.setEnabled(not same_total)

    def choice(self) -> CompensationChoice:
        same_total = self.same_total.isChecked()
        item_id = self.ticket_item if same_total else self.item.currentData()
        return CompensationChoice(same_total, item_id, self.quantity.text().strip())
