"""The customer list: search as you type, filters, the review reminder, and the cards."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from retailerp.domain.customers import AbcClass
from retailerp.services import Services
from retailerp.ui.customers.dialog import CustomerDialog
from retailerp.ui.errors import show_error
from retailerp.ui.list_view import list_view
from retailerp.ui.models import ROW_ROLE, LazyTableModel
from retailerp.ui.sources import CustomerSource
from retailerp.ui.tasks import run_task
from retailerp.ui.widgets import SearchBox

DUE = "due"


class CustomerListPage(QWidget):
    """Customers, searched and filtered in the database, loaded page by page."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.dialogs: dict[int, CustomerDialog] = {}
        self.model = LazyTableModel(CustomerSource(services), sort_key="name", parent=self)
        self.model.load_failed.connect(lambda exc: show_error(self, exc))
        self.search = SearchBox(self)
        self.search.setObjectName("customer_search")
        self.search.search_changed.connect(self.model.set_search)
        self.status_filter = self._combo(
            [
                (self.tr("All customers"), ""),
                (self.tr("Active"), "active"),
                (self.tr("Ended"), "ended"),
                (self.tr("Due for review"), DUE),
            ]
        )
        self.class_filter = self._combo(
            [(self.tr("All classes"), "")] + [(c.value, c.value) for c in AbcClass]
        )
        self.due_button = QPushButton(self)
        self.due_button.setFlat(True)
        self.due_button.clicked.connect(self.show_due)
        self.new_button = QPushButton(self.tr("&New customer"), self)
        self.new_button.setToolTip(self.tr("New customer (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_customer)
        self.classify_button = QPushButton(self.tr("Recompute &classes"), self)
        self.classify_button.clicked.connect(self.recompute_classes)
        self.view = self._build_view()
        self._build_layout()
        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.New), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.new_customer)
        self.update_due_count()

    def _combo(self, entries: list[tuple[str, Any]]) -> QComboBox:
        combo = QComboBox(self)
        for text, data in entries:
            combo.addItem(text, data)
        combo.currentIndexChanged.connect(self.apply_filters)
        return combo

    def _build_view(self) -> QTableView:
        view = list_view(self.model, "customer_table", {"name": 260, "contact": 120}, self)
        view.activated.connect(self._open_index)  # double-click or Enter
        return view

    def _build_layout(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.status_filter)
        bar.addWidget(self.class_filter)
        bar.addWidget(self.due_button)
        bar.addStretch(1)
        bar.addWidget(self.classify_button)
        bar.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

    # -- filters -------------------------------------------------------------------------

    def filters(self) -> dict[str, object]:
        """What the combos ask for, as the read side's filters."""
        filters: dict[str, object] = {}
        status = self.status_filter.currentData()
        if status == DUE:
            filters["due_for_review"] = True
        elif status:
            filters["status"] = status
        if self.class_filter.currentData():
            filters["abc_class"] = self.class_filter.currentData()
        return filters

    def apply_filters(self) -> None:
        self.model.set_filters(self.filters())

    def show_due(self) -> None:
        """Show the customers due for their review."""
        self.status_filter.setCurrentIndex(self.status_filter.findData(DUE))

    def update_due_count(self) -> None:
        count = self.services.customers.due_for_review_count()
        self.due_button.setText(self.tr("Due for review: {n}").format(n=count))
        self.due_button.setEnabled(count > 0)

    def refresh(self) -> None:
        """Load the list again (keeping how far it was scrolled) and the review count."""
        self.model.refresh()
        self.update_due_count()

    # -- cards ---------------------------------------------------------------------------

    def new_customer(self) -> CustomerDialog:
        return self._show_dialog(None)

    def open_customer(self, customer_id: int) -> CustomerDialog:
        return self._show_dialog(customer_id)

    def _open_index(self, index: QModelIndex) -> None:
        row = self.model.data(index, ROW_ROLE)
        if row is not None:
            self.open_customer(row.id)

    def _show_dialog(self, customer_id: int | None) -> CustomerDialog:
        dialog = self.dialogs.get(customer_id) if customer_id is not None else None
        if dialog is None:
            dialog = CustomerDialog(self.services, customer_id, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.saved.connect(lambda new_id, d=dialog: self._on_saved(new_id, d))
            dialog.finished.connect(lambda _result, d=dialog: self._forget(d))
            if customer_id is not None:
                self.dialogs[customer_id] = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _on_saved(self, customer_id: int, dialog: CustomerDialog) -> None:
        self.dialogs.setdefault(customer_id, dialog)
        self.refresh()

    def _forget(self, dialog: CustomerDialog) -> None:
        for key in [k for k, d in self.dialogs.items() if d is dialog]:
            del self.dialogs[key]

    def recompute_classes(self) -> None:
        """Classify every customer from the last 12 months' revenue, in the background."""
        run_task(
            self,
            self.tr("Recomputing customer classes…"),
            lambda _progress: self.services.customers.recompute_classes(),
            on_done=lambda _result: self.refresh(),
            cancellable=False,
        )
