"""The stock module: what is where, the posted documents (receipts, counts, reversals and
deliveries' goods issue, each opening read only), warehouses and bins, receipts, counts,
reversals and an item's movement ledger."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from retailerp import i18n
from retailerp.domain.errors import DomainError
from retailerp.domain.numbering import DOCUMENT_LABELS, DocumentType
from retailerp.domain.security import Permission
from retailerp.domain.stock import VIRTUAL_KINDS, LocationKind
from retailerp.services import Services
from retailerp.services.changes import Change
from retailerp.ui import prompts
from retailerp.ui.changes import watch
from retailerp.ui.errors import message_for, show_error
from retailerp.ui.list_page import enter_list, refresh_button, reload_keeping_place
from retailerp.ui.list_view import list_view
from retailerp.ui.models import LazyTableModel
from retailerp.ui.permissions import gate, gated_shortcut
from retailerp.ui.sources import DocumentSource, StockSource, term
from retailerp.ui.stock.count import CountDialog
from retailerp.ui.stock.document_view import DocumentDialog
from retailerp.ui.stock.ledger import LedgerDialog
from retailerp.ui.stock.lines import StockLinesDialog, fill_location_combo
from retailerp.ui.stock.locations import LocationsTab
from retailerp.ui.stock.receipt import ReceiptDialog
from retailerp.ui.styles import ERROR_STYLE, icon
from retailerp.ui.widgets import SearchBox

D = TypeVar("D", bound=QDialog)
L = TypeVar("L", bound=StockLinesDialog)

STOCK_DOCUMENT_TYPES = (
    DocumentType.GOODS_RECEIPT,
    DocumentType.STOCK_COUNT,
    DocumentType.REVERSAL,
    DocumentType.DELIVERY,
)


class StockPage(QWidget):
    """Three tabs (stock overview, documents, warehouses and bins) and the actions that post
    documents."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.dialogs: list[QWidget] = []
        self.stock_model = LazyTableModel(StockSource(services), sort_key="sku", parent=self)
        self.document_model = LazyTableModel(
            DocumentSource(services), sort_key="doc_date", descending=True, autoload=False,
            parent=self,
        )
        self.document_model.defer()  # read when its tab is first shown
        for model in (self.stock_model, self.document_model):
            model.load_failed.connect(lambda exc: show_error(self, exc))
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_overview(), self.tr("Stock"))
        self.tabs.addTab(self._build_documents(), self.tr("Documents"))
        self.locations = LocationsTab(services, self, deferred=True)
        self.locations.changed.connect(self._on_locations_changed)
        self.tabs.addTab(self.locations, self.tr("Warehouses and bins"))
        self.receipt_button = self._button(self.tr("&Goods receipt…"), self.new_receipt)
        self.receipt_button.setToolTip(self.tr("New goods receipt (Ctrl+R)"))
        self.count_button = self._button(self.tr("Stock &count…"), self.new_count)
        self.open_button = self._button(self.tr("&Open document"), self.open_selected)
        self.reverse_button = self._button(self.tr("&Reverse…"), self.reverse_selected)
        self.ledger_button = self._button(self.tr("Stock &movements…"), self.open_ledger)
        self.ledger_button.setToolTip(self.tr("Every move of the selected item (库存流水)"))
        for button in (self.open_button, self.reverse_button, self.ledger_button):
            button.setEnabled(False)
        for button, name in ((self.receipt_button, "receive"), (self.count_button, "count")):
            button.setIcon(icon(name))
        self.reverse_button.setIcon(icon("reverse"))
        gate(self.receipt_button, self.services, "StockService.receive")
        gate(self.count_button, self.services, "StockService.count")
        self.documents.selectionModel().selectionChanged.connect(self._update_actions)
        self.overview.selectionModel().selectionChanged.connect(self._update_actions)
        self.documents.activated.connect(lambda _index: self.open_selected())
        self.overview.activated.connect(lambda _index: self.open_ledger())
        self.tabs.currentChanged.connect(lambda _index: self._update_actions())
        self.tabs.currentChanged.connect(lambda _index: self._load_shown_tab())
        self._build_layout()
        gated_shortcut("Ctrl+R", self, self.services, "StockService.receive", self.new_receipt)
        shows = (Change.STOCK, Change.ITEMS, Change.LOCATIONS, Change.STOCK_DOCUMENTS)
        self.watcher = watch(self, services.changes, shows, self.refresh)

    def _load_shown_tab(self) -> None:
        shown = self.tabs.currentWidget()
        for model, tab in (
            (self.document_model, self.tabs.widget(1)),
            (self.locations.model, self.locations),
        ):
            if shown is tab and model.deferred:
                model.refresh()

    def _button(self, text: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(lambda: slot())  # type: ignore[operator]
        return button

    def _build_overview(self) -> QWidget:
        self.location_filter = QComboBox()
        self.location_filter.setObjectName("location_filter")
        self._fill_location_filter()
        self.location_filter.currentIndexChanged.connect(self._apply_stock_filters)
        self.stock_search = SearchBox()
        self.stock_search.setObjectName("stock_search")
        self.stock_search.search_changed.connect(self.stock_model.set_search)
        self.overview = list_view(
            self.stock_model, "stock_table", {"item_name": 240, "location_code": 200}
        )
        self.stock_search.enter_list.connect(lambda: enter_list(self.overview))
        return self._tab(self.stock_search, self.location_filter, self.overview)

    def _build_documents(self) -> QWidget:
        self.type_filter = QComboBox()
        self.type_filter.setObjectName("type_filter")
        self.type_filter.addItem(self.tr("All documents"), "")
        for doc_type in STOCK_DOCUMENT_TYPES:
            self.type_filter.addItem(term(DOCUMENT_LABELS[doc_type]), doc_type.value)
        self.type_filter.currentIndexChanged.connect(self._apply_document_filters)
        self.document_search = SearchBox()
        self.document_search.setObjectName("document_search")
        self.document_search.search_changed.connect(self.document_model.set_search)
        self.documents = list_view(
            self.document_model, "document_table", {"number": 140, "partner": 180}
        )
        self.document_search.enter_list.connect(lambda: enter_list(self.documents))
        return self._tab(self.document_search, self.type_filter, self.documents)

    def _fill_location_filter(self) -> None:
        combo = self.location_filter
        keep = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("All locations"), 0)
        kinds = [kind for kind in LocationKind if kind not in VIRTUAL_KINDS]
        fill_location_combo(combo, self.services.stock.locations(kinds))
        combo.setCurrentIndex(max(0, combo.findData(keep)) if keep else 0)
        combo.blockSignals(False)

    def _on_locations_changed(self) -> None:
        self._fill_location_filter()
        self.stock_model.refresh()

    @staticmethod
    def _tab(search: SearchBox, combo: QComboBox, view: QTableView) -> QWidget:
        tab = QWidget()
        bar = QHBoxLayout()
        bar.addWidget(search, 2)
        bar.addWidget(combo, 1)
        layout = QVBoxLayout(tab)
        layout.addLayout(bar)
        layout.addWidget(view, 1)
        return tab

    def _build_layout(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.receipt_button)
        bar.addWidget(self.count_button)
        bar.addWidget(self.open_button)
        bar.addWidget(self.reverse_button)
        bar.addWidget(self.ledger_button)
        bar.addStretch(1)
        self.refresh_button = refresh_button(self, self.refresh)
        bar.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)

    # -- lists ---------------------------------------------------------------------------

    def _apply_stock_filters(self) -> None:
        location_id = self.location_filter.currentData()
        self.stock_model.set_filters({"location_id": location_id} if location_id else {})

    def _apply_document_filters(self) -> None:
        doc_type = self.type_filter.currentData()
        self.document_model.set_filters({"doc_type": doc_type} if doc_type else {})

    def refresh(self) -> None:
        reload_keeping_place(self.overview, self.stock_model)
        reload_keeping_place(self.documents, self.document_model)
        self.locations.refresh()
        self._update_actions()

    def selected_document(self) -> str | None:
        """The number of the document selected in the documents tab."""
        rows = self.documents.selectionModel().selectedRows()
        row = self.document_model.row_at(rows[0]) if rows else None
        return row.number if row is not None else None

    def selected_stock(self) -> object | None:
        """The row selected in the stock overview."""
        rows = self.overview.selectionModel().selectedRows()
        return self.stock_model.row_at(rows[0]) if rows else None

    def _update_actions(self) -> None:
        current = self.tabs.currentWidget()
        number = self.selected_document() if current is self.documents.parentWidget() else None
        self.open_button.setEnabled(number is not None)
        self.reverse_button.setEnabled(
            number is not None
            and number.startswith((DocumentType.GOODS_RECEIPT, DocumentType.STOCK_COUNT))
            and gate(self.reverse_button, self.services, "StockService.reverse")
        )
        on_stock = current is self.overview.parentWidget()
        self.ledger_button.setEnabled(on_stock and self.selected_stock() is not None)

    # -- actions -------------------------------------------------------------------------

    def new_receipt(self) -> ReceiptDialog:
        return self._open(ReceiptDialog(self.services, self))

    def new_count(self) -> CountDialog:
        return self._open(CountDialog(self.services, self))

    def open_selected(self) -> DocumentDialog | None:
        """The selected document, read only, with Reverse where it may be reversed."""
        number = self.selected_document()
        if number is None:
            return None
        try:
            dialog = DocumentDialog(self.services, number, self)
        except Exception as error:  # noqa: BLE001 - e.g. deleted meanwhile: shown and logged
            show_error(self, error)
            return None
        dialog.reversed.connect(self._on_posted)
        return self._show(dialog)

    def open_ledger(
        self, item_id: int | None = None, location_id: int | None = None
    ) -> LedgerDialog | None:
        """The movement ledger of the item selected in the overview (at its location)."""
        if item_id is None:
            row = self.selected_stock()
            if row is None:
                return None
            item_id, location_id = row.item_id, row.location_id  # type: ignore[attr-defined]
        return self._show(LedgerDialog(self.services, item_id, location_id, self))

    def _show(self, dialog: D) -> D:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result, d=dialog: self._forget(d))
        self.dialogs.append(dialog)
        dialog.show()
        dialog.activateWindow()
        return dialog

    def _open(self, dialog: L) -> L:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.posted.connect(self._on_posted)
        dialog.finished.connect(lambda _result, d=dialog: self._forget(d))
        self.dialogs.append(dialog)
        dialog.show()
        dialog.activateWindow()
        return dialog

    def _forget(self, dialog: QWidget) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)

    def _on_posted(self, number: str) -> None:
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Posted {number}.").format(number=number))
        self.refresh()

    def reverse_selected(self) -> str | None:
        """Reverse the selected document after asking why; returns the reversal's number."""
        number = self.selected_document()
        if number is None:
            return None
        try:
            reversal = prompts.ask_reason(
                self,
                self.tr("Reverse {number}").format(number=number),
                self.tr("Why is {number} reversed?").format(number=number),
                act=lambda reason: prompts.with_override(
                    self,
                    lambda override: self.services.stock.reverse(number, reason, override),
                    self.services.ctx.actor.may(Permission.OVERRIDE_CHECKS),
                ),
                required=True,
            )
        except DomainError as error:
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(message_for(error, i18n.translate))
            return None
        except Exception as error:  # noqa: BLE001 - shown and logged, like every other action
            show_error(self, error)
            return None
        if reversal is None:
            return None
        self._on_posted(reversal.number)
        return reversal.number
