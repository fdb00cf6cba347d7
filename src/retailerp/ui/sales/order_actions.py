"""What the order dialog's buttons do: confirm (and override), pick, re-plan or cancel the
picking list, ship, close short, invoice, pay, cancel, close.  Which buttons are enabled
follows the domain's transition table.

A refusal is shown above the buttons, in the words of the domain; when the domain says a
refusal may be overridden (stock or credit at confirmation), an owner gets "Override…",
which asks for the reason that is recorded with the order.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QWidget

from retailerp import i18n
from retailerp.domain.errors import DomainError, OverridableRefusal, StaleRecordError
from retailerp.domain.money import Money
from retailerp.domain.sales import OrderAction, OrderState, SalesOrder
from retailerp.domain.security import Permission
from retailerp.ui import prompts
from retailerp.ui.errors import message_for, show_error
from retailerp.ui.permissions import gate
from retailerp.ui.printing.preview import PrintPreviewDialog
from retailerp.ui.sales import payment_dialog, ship_dialog
from retailerp.ui.styles import ERROR_STYLE, icon

if TYPE_CHECKING:
    from retailerp.services import Services
    from retailerp.services.sales import OrderDocuments

T = TypeVar("T")


class OrderActions:
    """Mixed into :class:`~retailerp.ui.sales.order_dialog.OrderDialog` (a ``QDialog``)."""

    services: Services
    order: SalesOrder | None
    documents: OrderDocuments
    preview: PrintPreviewDialog | None = None
    # The dialog provides state(), dirty(), save(), reload() and the changed signal.

    def build_actions(self) -> None:
        parent = self if isinstance(self, QWidget) else None
        self.refusal = QLabel(parent)
        self.refusal.setObjectName("refusal")
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet(ERROR_STYLE)
        self.override_button = self._button(
            QCoreApplication.translate("OrderActions", "Overri&de…"), self.override
        )
        self.override_button.hide()
        self.action_buttons = QWidget(parent)
        grid = QGridLayout(self.action_buttons)  # two rows of four: fits beside the form
        grid.setContentsMargins(0, 0, 0, 0)
        for n, button in enumerate(self._action_buttons()):
            grid.addWidget(button, n // 4, n % 4)

    def _action_buttons(self) -> list[QPushButton]:
        self.save_button = self._button(
            QCoreApplication.translate("OrderActions", "&Save draft"), self.save
        )
        self.confirm_button = self._button(
            QCoreApplication.translate("OrderActions", "Con&firm"), self.confirm
        )
        self.picking_button = self._button(
            QCoreApplication.translate("OrderActions", "Start &picking"), self.start_picking
        )
        self.replan_button = self._button(
            QCoreApplication.translate("OrderActions", "Re-pla&n picking"), self.replan_picking
        )
        self.replan_button.setToolTip(
            QCoreApplication.translate(
                "OrderActions",
                "Void the picking list and plan a new one from the stock there is now",
            )
        )
        self.cancel_picking_button = self._button(
            QCoreApplication.translate("OrderActions", "Cancel pic&king…"), self.cancel_picking
        )
        self.ship_button = self._button(
            QCoreApplication.translate("OrderActions", "S&hip…"), self.ship
        )
        self.close_short_button = self._button(
            QCoreApplication.translate("OrderActions", "Close sho&rt…"), self.close_short
        )
        self.close_short_button.setToolTip(
            QCoreApplication.translate(
                "OrderActions",
                "Cancel what has not shipped: the reservation and the credit it uses are released",
            )
        )
        self.invoice_button = self._button(
            QCoreApplication.translate("OrderActions", "In&voice"), self.invoice
        )
        self.pay_button = self._button(
            QCoreApplication.translate("OrderActions", "Record pa&yment…"), self.record_payment
        )
        self.cancel_button = self._button(
            QCoreApplication.translate("OrderActions", "&Cancel order…"), self.cancel_order
        )
        self.close_order_button = self._button(
            QCoreApplication.translate("OrderActions", "Clos&e order"), self.close_order
        )
        self.save_button.setToolTip(
            QCoreApplication.translate("OrderActions", "Save the draft (Ctrl+S)")
        )
        self.confirm_button.setToolTip(
            QCoreApplication.translate("OrderActions", "Save and confirm (Ctrl+Enter)")
        )
        buttons = [
            self.save_button,
            self.confirm_button,
            self.picking_button,
            self.replan_button,
            self.cancel_picking_button,
            self.ship_button,
            self.close_short_button,
            self.invoice_button,
            self.pay_button,
            self.cancel_button,
            self.close_order_button,
        ]
        names = ("save", "confirm", "pick", "refresh", "reverse", "deliveries", "package_minus",
                 "invoice", "payment", "cancel", "done")  # fmt: skip
        for button, name in zip(buttons, names, strict=True):
            button.setIcon(icon(name))
        return buttons

    def _button(self, text: str, slot: Callable[[], Any]) -> QPushButton:
        button = QPushButton(text, self if isinstance(self, QWidget) else None)
        button.setAutoDefault(False)
        button.clicked.connect(lambda: slot())
        return button

    def update_actions(self) -> None:
        """Enable what the order's state allows."""
        state = self.state()
        draft = state in (None, OrderState.DRAFT)

        def allowed(action: OrderAction) -> bool:
            return self.order is not None and self.order.may(action)

        self.save_button.setEnabled(draft)
        self.confirm_button.setEnabled(draft)
        self.picking_button.setEnabled(allowed(OrderAction.START_PICKING))
        self.replan_button.setEnabled(allowed(OrderAction.REPLAN_PICKING))
        self.cancel_picking_button.setEnabled(allowed(OrderAction.CANCEL_PICKING))
        self.ship_button.setEnabled(allowed(OrderAction.SHIP))
        self.close_short_button.setEnabled(
            allowed(OrderAction.CLOSE_SHORT) and self.order is not None and self.order.has_shipped
        )
        self.invoice_button.setEnabled(bool(self.documents.uninvoiced))
        self.pay_button.setEnabled(allowed(OrderAction.PAY))
        self.cancel_button.setEnabled(
            allowed(OrderAction.CANCEL) and not (self.order and self.order.has_shipped)
        )
        self.close_order_button.setEnabled(allowed(OrderAction.CLOSE))
        for button, method in (
            (self.save_button, "OrderService.update"),
            (self.confirm_button, "OrderService.confirm"),
            (self.picking_button, "OrderService.start_picking"),
            (self.replan_button, "OrderService.replan_picking"),
            (self.cancel_picking_button, "OrderService.cancel_picking"),
            (self.ship_button, "OrderService.ship"),
            (self.close_short_button, "OrderService.close_short"),
            (self.invoice_button, "InvoiceService.invoice"),
            (self.pay_button, "InvoiceService.record_payment"),
            (self.cancel_button, "OrderService.cancel"),
            (self.close_order_button, "OrderService.close"),
        ):
            gate(button, self.services, method)  # what the role may not do, said why

    # -- running an action -----------------------------------------------------------------

    def run_action(
        self, action: Callable[[SalesOrder], T], *, overridable: bool = False
    ) -> T | None:
        """Run ``action(order)``; a refusal is shown, success reloads the order."""
        if self.order is None:
            return None
        try:
            result = action(self.order)
        except StaleRecordError as error:  # another PC moved the order on: show it as it is
            self.reload(self.order.id)
            self.show_refusal(error)
            return None
        except DomainError as error:
            self.show_refusal(error, overridable=overridable)
            return None
        except Exception as error:  # noqa: BLE001 - shown and logged
            show_error(self if isinstance(self, QWidget) else None, error)
            return None
        if result is None:  # the user cancelled the prompt: nothing changed
            return None
        self.clear_refusal()
        order_id = self.order.id or 0
        self.reload(order_id)
        self.changed.emit(order_id)  # type: ignore[attr-defined]
        return result

    def show_refusal(self, error: DomainError, *, overridable: bool = False) -> None:
        self.refusal.setText(message_for(error, i18n.translate))
        may = self.services.ctx.actor.may(Permission.OVERRIDE_CHECKS)
        can_override = isinstance(error, OverridableRefusal)
        self.override_button.setVisible(overridable and may and can_override)

    def clear_refusal(self) -> None:
        self.refusal.clear()
        self.override_button.hide()

    # -- the actions -----------------------------------------------------------------------

    def confirm(self) -> bool:
        """Save the draft if needed, then confirm it (Ctrl+Enter)."""
        if self.state() not in (None, OrderState.DRAFT):
            return False
        if (self.order is None or self.dirty()) and self.save() is None:
            return False
        return self._confirm("")

    def _confirm(self, reason: str) -> bool:
        confirmed = self.run_action(
            lambda o: self.services.orders.confirm(o.id or 0, o.version, reason),
            overridable=True,
        )
        return confirmed is not None

    def override(self) -> bool:
        """Confirm despite the refusal, with a reason (owners only; the service checks)."""
        confirmed = self.run_action(
            lambda o: prompts.ask_reason(
                self._widget(),
                QCoreApplication.translate("OrderActions", "Confirm anyway"),
                QCoreApplication.translate(
                    "OrderActions",
                    "Why should this order be confirmed anyway? The reason is recorded.",
                ),
                act=lambda reason: self.services.orders.confirm(o.id or 0, o.version, reason),
                required=True,
            ),
            overridable=True,
        )
        return confirmed is not None

    def start_picking(self) -> None:
        """Make the picking list and show it to print."""
        picking = self.run_action(
            lambda o: self.services.orders.start_picking(o.id or 0, o.version)
        )
        if picking is not None:
            self.open_preview(picking.number)

    def replan_picking(self) -> None:
        """Void the open picking list and make a new one; show it to print."""
        picking = self.run_action(
            lambda o: self.services.orders.replan_picking(o.id or 0, o.version)
        )
        if picking is not None:
            self.open_preview(picking.number)

    def cancel_picking(self) -> None:
        self.run_action(
            lambda o: prompts.ask_reason(
                self._widget(),
                QCoreApplication.translate("OrderActions", "Cancel the picking list"),
                QCoreApplication.translate(
                    "OrderActions",
                    "Why is the picking list cancelled? The order goes back to confirmed and "
                    "keeps its reservation.",
                ),
                act=lambda reason: self.services.orders.cancel_picking(
                    o.id or 0, o.version, reason
                ),
            )
        )

    def close_short(self) -> None:
        self.run_action(
            lambda o: prompts.ask_reason(
                self._widget(),
                QCoreApplication.translate("OrderActions", "Close the order short"),
                QCoreApplication.translate(
                    "OrderActions",
                    "What has not shipped is cancelled and will not be delivered. Why?",
                ),
                act=lambda reason: self.services.orders.close_short(o.id or 0, o.version, reason),
            )
        )

    def ship(self) -> None:
        """Ask what was picked, post the delivery, show the delivery note to print."""
        if self.order is None:
            return
        picking = self.services.orders.open_picking(self.order.id or 0)
        picked: dict[int, str] | None = None
        if picking is not None:
            picked = ship_dialog.ask_picked(self._widget(), self.services, picking)
            if picked is None:
                return
        delivery = self.run_action(
            lambda o: self.services.orders.ship(o.id or 0, o.version, picked)
        )
        if delivery is not None:
            self.open_preview(delivery.number)

    def invoice(self) -> None:
        """Invoice every delivery of the order not invoiced yet."""
        ids = [d.id or 0 for d in self.documents.uninvoiced]
        invoice = self.run_action(lambda _o: self.services.invoices.invoice(ids))
        if invoice is not None:
            self.open_preview(invoice.number)

    def record_payment(self) -> None:
        if self.order is None:
            return
        payment = payment_dialog.ask_payment(
            self._widget(),
            QCoreApplication.translate(
                "OrderActions", "Payment received for order {number}"
            ).format(number=self.order.number),
            self._amount_due(self.order),
            self._payment_preview(self.order),
        )
        if payment is None:
            return
        self.run_action(
            lambda o: self.services.invoices.record_payment(
                o.customer_id, payment.amount, payment.method, payment.reference, order_id=o.id
            )
        )

    def _payment_preview(self, order: SalesOrder) -> payment_dialog.Preview:
        """What paying an amount against the order would do (the dialog asks about a
        surplus)."""
        return lambda amount: self.services.invoices.preview_payment(
            order.customer_id, amount, order.id
        )

    def _amount_due(self, order: SalesOrder) -> Money | None:
        due = self.documents.amount_due(order)
        return due if due.minor > 0 else None

    def cancel_order(self) -> None:
        self.run_action(
            lambda o: prompts.ask_reason(
                self._widget(),
                QCoreApplication.translate("OrderActions", "Cancel order"),
                QCoreApplication.translate("OrderActions", "Why is the order cancelled?"),
                act=lambda reason: self.services.orders.cancel(o.id or 0, o.version, reason),
            )
        )

    def close_order(self) -> None:
        self.run_action(lambda o: self.services.orders.close(o.id or 0, o.version))

    def open_preview(self, number: str) -> PrintPreviewDialog:
        """The print preview of a picking list, delivery note or invoice."""
        dialog = PrintPreviewDialog(self._widget(), self.services, number)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.preview = dialog
        return dialog

    def _widget(self) -> QWidget | None:
        return self if isinstance(self, QWidget) else None
