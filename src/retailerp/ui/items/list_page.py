"""The item list: search by SKU, name, barcode or specification; in use; below minimum."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from retailerp.services import Services
from retailerp.ui.errors import show_error
from retailerp.ui.items.dialog import ItemDialog
from retailerp.ui.list_view import list_view
from retailerp.ui.models import ROW_ROLE, LazyTableModel
from retailerp.ui.sources import ItemSource
from retailerp.ui.widgets import SearchBox


class ItemListPage(QWidget):
    """Items, searched and filtered in the database, loaded page by page."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.dialogs: dict[int, ItemDialog] = {}
        self.model = LazyTableModel(ItemSource(services), sort_key="sku", parent=self)
        self.model.load_failed.connect(lambda exc: show_error(self, exc))
        self.search = SearchBox(self)
        self.search.setObjectName("item_search")
        self.search.setPlaceholderText(self.tr("Search SKU, name, barcode, specification…"))
        self.search.search_changed.connect(self.model.set_search)
        self.active_filter = QComboBox(self)
        self.active_filter.addItem(self.tr("In use"), True)
        self.active_filter.addItem(self.tr("Retired"), False)
        self.active_filter.addItem(self.tr("All items"), None)
        self.active_filter.currentIndexChanged.connect(self.apply_filters)
        self.below_min = QCheckBox(self.tr("&Below minimum stock"), self)
        self.below_min.toggled.connect(self.apply_filters)
        self.new_button = QPushButton(self.tr("&New item"), self)
        self.new_button.setToolTip(self.tr("New item (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_item)
        self.view = self._build_view()
        self._build_layout()
        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.New), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.new_item)
        self.apply_filters()

    def _build_view(self) -> QTableView:
        view = list_view(self.model, "item_table", {"name": 240, "spec": 140}, self)
        view.activated.connect(self._open_index)  # double-click or Enter
        return view

    def _build_layout(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.active_filter)
        bar.addWidget(self.below_min)
        bar.addStretch(1)
        bar.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

    def filters(self) -> dict[str, object]:
        filters: dict[str, object] = {}
        if self.active_filter.currentData() is not None:
            filters["active"] = self.active_filter.currentData()
        if self.below_min.isChecked():
            filters["below_min"] = True
        return filters

    def apply_filters(self) -> None:
        self.model.set_filters(self.filters())

    def refresh(self) -> None:
        self.model.refresh()

    def new_item(self) -> ItemDialog:
        return self._show_dialog(None)

    def open_item(self, item_id: int) -> ItemDialog:
        return self._show_dialog(item_id)

    def _open_index(self, index: QModelIndex) -> None:
        row = self.model.data(index, ROW_ROLE)
        if row is not None:
            self.open_item(row.id)

    def _show_dialog(self, item_id: int | None) -> ItemDialog:
        dialog = self.dialogs.get(item_id) if item_id is not None else None
        if dialog is None:
            dialog = ItemDialog(self.services, item_id, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.saved.connect(lambda new_id, d=dialog: self._on_saved(new_id, d))
            dialog.finished.connect(lambda _result, d=dialog: self._forget(d))
            if item_id is not None:
                self.dialogs[item_id] = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _on_saved(self, item_id: int, dialog: ItemDialog) -> None:
        self.dialogs.setdefault(item_id, dialog)
        self.refresh()

    def _forget(self, dialog: ItemDialog) -> None:
        for key in [k for k, d in self.dialogs.items() if d is dialog]:
            del self.dialogs[key]
