"""The order list: search, state filter, date range; new order (Ctrl+N); open an order."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QWidget

from retailerp.domain.sales import OrderState
from retailerp.persistence.queries import OrderRow
from retailerp.services import Services
from retailerp.ui.sales.list_base import DocumentList
from retailerp.ui.sales.order_dialog import OrderDialog
from retailerp.ui.sales.sources import OrderSource, state_text

OPEN_STATES = [
    OrderState.DRAFT.value,
    OrderState.CONFIRMED.value,
    OrderState.PICKING.value,
    OrderState.SHIPPED.value,
    OrderState.INVOICED.value,
]


class OrdersPage(DocumentList):
    """Sales orders, newest first."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, OrderSource(services), "orders", parent=parent)
        self.dialogs: dict[int, OrderDialog] = {}
        self.state_filter = QComboBox(self)
        self.state_filter.setObjectName("state_filter")
        self.state_filter.addItem(self.tr("All states"), None)
        self.state_filter.addItem(self.tr("Not finished"), OPEN_STATES)
        for state in OrderState:
            self.state_filter.addItem(state_text(state), state.value)
        self.state_filter.currentIndexChanged.connect(lambda _i: self.apply_filters())
        new_button = self.add_button(self.tr("&New order"), self.new_order)
        new_button.setToolTip(self.tr("New order (Ctrl+N)"))
        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.New), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.new_order)
        self.build_layout([self.state_filter], [new_button])

    def extra_filters(self) -> dict[str, object]:
        state = self.state_filter.currentData()
        return {"state": state} if state else {}

    def new_order(self) -> OrderDialog:
        return self._show(None)

    def open_order(self, order_id: int) -> OrderDialog:
        return self._show(order_id)

    def open_row(self, row: OrderRow) -> OrderDialog:
        return self.open_order(row.id)

    def _show(self, order_id: int | None) -> OrderDialog:
        dialog = self.dialogs.get(order_id) if order_id is not None else None
        if dialog is None:
            dialog = OrderDialog(self.services, order_id, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.changed.connect(lambda new_id, d=dialog: self._on_changed(new_id, d))
            dialog.finished.connect(lambda _r, d=dialog: self._forget(d))
            if order_id is not None:
                self.dialogs[order_id] = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _on_changed(self, order_id: int, dialog: OrderDialog) -> None:
        self.dialogs.setdefault(order_id, dialog)
        self.refresh()

    def _forget(self, dialog: OrderDialog) -> None:
        for key in [k for k, d in self.dialogs.items() if d is dialog]:
            del self.dialogs[key]
