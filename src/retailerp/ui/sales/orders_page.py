"""The order list: search, state filter, date range; new order (Ctrl+N); open an order."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from retailerp.domain.sales import OrderState
from retailerp.services import OrderRow, Services
from retailerp.ui.list_page import CardWindows
from retailerp.ui.list_view import new_shortcut
from retailerp.ui.permissions import gate
from retailerp.ui.sales.list_base import DocumentList
from retailerp.ui.sales.order_dialog import OrderDialog
from retailerp.ui.sales.sources import OrderSource, state_text
from retailerp.ui.styles import icon

OPEN_STATES = [
    OrderState.DRAFT.value,
    OrderState.CONFIRMED.value,
    OrderState.PICKING.value,
    OrderState.PARTLY_SHIPPED.value,
    OrderState.SHIPPED.value,
    OrderState.INVOICED.value,
]


class OrdersPage(DocumentList):
    """Sales orders, newest first."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, OrderSource(services), "orders", parent=parent)
        self.cards: CardWindows[OrderDialog] = CardWindows(
            lambda order_id: OrderDialog(self.services, order_id, self),
            lambda dialog: dialog.changed,
            self.refresh,
        )
        self.dialogs = self.cards.dialogs
        self.state_filter = QComboBox(self)
        self.state_filter.setObjectName("state_filter")
        self.state_filter.addItem(self.tr("All states"), None)
        self.state_filter.addItem(self.tr("Not finished"), OPEN_STATES)
        for state in OrderState:
            self.state_filter.addItem(state_text(state), state.value)
        self.state_filter.currentIndexChanged.connect(lambda _i: self.apply_filters())
        new_button = self.add_button(self.tr("&New order"), self.new_order)
        new_button.setToolTip(self.tr("New order (Ctrl+N)"))
        new_button.setIcon(icon("new"))
        gate(new_button, self.services, "OrderService.create")
        new_shortcut(self, self.new_order, self.services, "OrderService.create")
        self.build_layout([self.state_filter], [new_button])

    def extra_filters(self) -> dict[str, object]:
        state = self.state_filter.currentData()
        return {"state": state} if state else {}

    def new_order(self) -> OrderDialog:
        return self.cards.show(None)

    def open_order(self, order_id: int) -> OrderDialog:
        return self.cards.show(order_id)

    def open_row(self, row: OrderRow) -> OrderDialog:
        return self.open_order(row.id)
