"""The item list: search by SKU, name, barcode or specification; in use; below minimum."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QPushButton, QWidget

from retailerp.services import Services
from retailerp.ui.items.dialog import ItemDialog
from retailerp.ui.items.units import UnitsDialog
from retailerp.ui.list_page import CardWindows, ListPage
from retailerp.ui.list_view import new_shortcut
from retailerp.ui.permissions import gate
from retailerp.ui.sources import ItemSource
from retailerp.ui.styles import icon


class ItemListPage(ListPage):
    """Items, searched and filtered in the database, loaded page by page."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, ItemSource(services), "item", sort_key="sku",
                         filters_first=True, parent=parent)  # fmt: skip
        self.cards: CardWindows[ItemDialog] = CardWindows(
            lambda item_id: ItemDialog(self.services, item_id, self),
            lambda dialog: dialog.saved,
            self.refresh,
        )
        self.dialogs = self.cards.dialogs
        self.search.setPlaceholderText(self.tr("Search SKU, name, barcode, specification…"))
        self.active_filter = QComboBox(self)
        self.active_filter.addItem(self.tr("In use"), True)
        self.active_filter.addItem(self.tr("Retired"), False)
        self.active_filter.addItem(self.tr("All items"), None)
        self.active_filter.currentIndexChanged.connect(self.apply_filters)
        self.below_min = QCheckBox(self.tr("&Below minimum stock"), self)
        self.below_min.toggled.connect(self.apply_filters)
        self.new_button = QPushButton(icon("new"), self.tr("&New item"), self)
        self.new_button.setToolTip(self.tr("New item (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_item)
        self.units_button = QPushButton(self.tr("&Units…"), self)
        self.units_button.setToolTip(self.tr("The units items are counted in"))
        self.units_button.clicked.connect(lambda: self.edit_units())
        gate(self.new_button, self.services, "ItemService.create")
        gate(self.units_button, self.services, "ItemService.add_unit")
        self.view = self.make_view({"name": 240, "spec": 140})
        self.lay_out(
            [self.active_filter, self.below_min], [self.units_button, self.new_button], self.view
        )
        new_shortcut(self, self.new_item, self.services, "ItemService.create")
        self.apply_filters()

    def filters(self) -> dict[str, object]:
        filters: dict[str, object] = {}
        if self.active_filter.currentData() is not None:
            filters["active"] = self.active_filter.currentData()
        if self.below_min.isChecked():
            filters["below_min"] = True
        return filters

    def edit_units(self) -> UnitsDialog:
        """The shop's list of units, in a window of its own."""
        dialog = UnitsDialog(self.services, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.units_dialog = dialog
        dialog.show()
        return dialog

    def new_item(self) -> ItemDialog:
        return self.cards.show(None)

    def open_item(self, item_id: int) -> ItemDialog:
        return self.cards.show(item_id)

    def open_row(self, row: Any) -> ItemDialog:
        return self.open_item(row.id)
