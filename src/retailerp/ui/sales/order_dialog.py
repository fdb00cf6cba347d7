"""The sales order (销售订单): header, lines, totals, state, actions and linked documents.

Keyboard first: type the customer's code or name and Enter, Enter through payment mode,
requested date and note to the item entry, scan or type items, ↓ into the grid to change a
quantity, Ctrl+S saves the draft, Ctrl+Enter saves and confirms.  Only a draft can be edited.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from retailerp.domain.errors import DomainError, ValidationError
from retailerp.domain.sales import PAYMENT_MODE_LABELS, OrderState, PaymentMode, SalesOrder
from retailerp.services import Services
from retailerp.services.changes import Change
from retailerp.services.sales import OrderDocuments
from retailerp.ui import prompts
from retailerp.ui.changes import watch
from retailerp.ui.errors import show_error
from retailerp.ui.returns.links import open_linked, returns_button, show_chain
from retailerp.ui.sales.customer_picker import CustomerPicker
from retailerp.ui.sales.documents import LinkedDocuments
from retailerp.ui.sales.lookup import is_enter
from retailerp.ui.sales.order_actions import OrderActions
from retailerp.ui.sales.order_lines import OrderLinesEditor
from retailerp.ui.sales.sources import state_text
from retailerp.ui.sources import term
from retailerp.ui.widgets import DateField, FormPage

ORDER_SHOWS = (Change.ORDERS, Change.PICKING, Change.DELIVERIES, Change.INVOICES, Change.PAYMENTS)


class OrderDialog(OrderActions, QDialog):
    """A new order (``order_id`` None) or an existing one.  ``changed(order_id)`` follows
    every saved change, so lists can refresh."""

    changed = Signal(int)

    def __init__(
        self, services: Services, order_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.order: SalesOrder | None = None
        self.documents = OrderDocuments()
        self._closing = False
        self.setObjectName("order_dialog")
        self.state_label = QLabel(self)
        self.state_label.setObjectName("order_state")
        self.override_info = QLabel(self)
        self.override_info.setObjectName("override_info")
        self.override_info.setWordWrap(True)
        self.progress = QLabel(self)
        self.progress.setObjectName("line_progress")
        self.progress.setWordWrap(True)
        self.progress.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form = self._build_form()
        self.lines = OrderLinesEditor(services, self)
        self.lines.edited.connect(self._on_edited)
        self.linked = LinkedDocuments(self)
        self.linked.open_requested.connect(
            lambda number: open_linked(self, services, number, self.open_preview)
        )
        self.return_button = returns_button(self, services, self.linked)
        self.build_actions()
        self._build_layout()
        self._build_shortcuts()
        self.resize(1040, 680)
        self.watcher = watch(self, services.changes, ORDER_SHOWS, self._follow_changes)
        if order_id is None:
            self.show_order(None)
        else:
            self.reload(order_id)

    # -- building ------------------------------------------------------------------------

    def _build_form(self) -> FormPage:
        form = FormPage(self)
        self.customer = CustomerPicker(self.services, self)
        self.customer.chosen.connect(lambda _id: form.focus_next_field(self.customer))
        self.payment_mode = QComboBox(self)
        for mode in PaymentMode:
            self.payment_mode.addItem(term(PAYMENT_MODE_LABELS[mode]), mode.value)
        self.requested_date = DateField(self, today=self.services.ctx.today)
        self.note = QLineEdit(self)
        form.add_field("customer", self.tr("C&ustomer"), self.customer)
        form.add_field("payment_mode", self.tr("Payment &mode"), self.payment_mode)
        form.add_field("requested_date", self.tr("Re&quested delivery"), self.requested_date)
        form.add_field("note", self.tr("N&ote"), self.note)
        self.payment_mode.installEventFilter(self)
        self.note.installEventFilter(self)  # after FormPage's filter, so it runs first
        form.save_requested.connect(self.save)
        form.cancel_requested.connect(self.reject)
        form.dirty_changed.connect(lambda _dirty: self._update_title())
        return form

    def _build_layout(self) -> None:
        self.body = QWidget(self)
        item_label = QLabel(self.tr("&Item"), self.body)
        item_label.setBuddy(self.lines.entry)
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(item_label)
        body.addWidget(self.lines, 1)
        body.addWidget(self.progress)
        body.addWidget(self.refusal)
        refusal_row = QHBoxLayout()
        refusal_row.addStretch(1)
        refusal_row.addWidget(self.override_button)
        body.addLayout(refusal_row)
        body.addWidget(self.action_buttons)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.form)
        for label in self.customer.take_details():
            side_layout.addWidget(label)
        side_layout.addWidget(QLabel(self.tr("Linked documents"), side))
        side_layout.addWidget(self.linked, 1)
        side_layout.addWidget(self.return_button)
        splitter = QSplitter(self)
        splitter.addWidget(side)
        splitter.addWidget(self.body)
        splitter.setStretchFactor(1, 1)
        side.setMinimumWidth(320)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state_label)
        layout.addWidget(self.override_info)
        layout.addWidget(splitter, 1)
        layout.addWidget(close)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)  # Enter never presses a button here

    def _build_shortcuts(self) -> None:
        save = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self.body)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.save)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            confirm = QShortcut(QKeySequence(keys), self)
            confirm.activated.connect(self.confirm)

    # -- showing -------------------------------------------------------------------------

    def reload(self, order_id: int | None = None) -> None:
        """Read the order and its documents again."""
        order_id = order_id if order_id is not None else self.order_id()
        if order_id is None:
            return
        self.watcher.seen()
        try:
            order = self.services.orders.get(order_id)
            self.documents = self.services.orders.documents(order_id)
            self.line_progress = self.services.orders.progress(order_id)
        except Exception as error:  # noqa: BLE001 - shown; the dialog stays usable
            show_error(self, error)
            return
        self.show_order(order)

    def _follow_changes(self) -> None:
        """Another window (or PC) moved the order on: show it, unless edits are typed."""
        if self.order is not None and not self.dirty():
            self.reload()

    def show_order(self, order: SalesOrder | None) -> None:
        self.order = order
        if order is not None:
            self.form.set_values(
                {
                    "customer": order.customer_id,
                    "payment_mode": order.payment_mode.value,
                    "requested_date": order.requested_date,
                    "note": order.note,
                }
            )
            self.lines.load(order.lines)
        else:
            self.form.set_values({"payment_mode": PaymentMode.CREDIT.value, "note": ""})
        self.linked.show_documents(self.documents)
        show_chain(self.linked, self.services, self.order.number if self.order else None)
        self._show_state()

    def _show_state(self) -> None:
        order = self.order
        state = order.state if order else OrderState.DRAFT
        number = order.number if order else self.tr("(new)")
        self.state_label.setText(
            self.tr("Order {number} · {state}").format(number=number, state=state_text(state))
        )
        notes = []
        if order and order.override_reason:
            notes.append(
                self.tr("Confirmed by {user} despite a refusal: {reason}").format(
                    user=order.override_by, reason=order.override_reason
                )
            )
        if order and order.short_reason:
            notes.append(self.tr("Closed short: {reason}").format(reason=order.short_reason))
        self.override_info.setText("\n".join(notes))
        self.progress.setText(self._progress_text(order))
        editable = state == OrderState.DRAFT
        for key in ("payment_mode", "requested_date", "note"):
            self.form.editor(key).setEnabled(editable)
        self.customer.set_editable(order is None)  # a saved order keeps its customer
        self.lines.set_editable(editable)
        self.update_actions()
        self._update_title()

    def _progress_text(self, order: SalesOrder | None) -> str:
        """Per line, once something has moved: delivered, backordered, cancelled, invoiced."""
        if order is None or order.state in (OrderState.DRAFT, OrderState.CANCELLED):
            return ""
        rows = []
        for line in getattr(self, "line_progress", []):
            rows.append(
                self.tr(
                    "Line {n}: ordered {ordered} · delivered {delivered} · backordered "
                    "{backordered} (reserved {reserved}) · cancelled {cancelled} · invoiced "
                    "{invoiced}"
                ).format(
                    n=line.line_no,
                    ordered=_qty(line.ordered),
                    delivered=_qty(line.delivered),
                    backordered=_qty(line.backordered),
                    reserved=_qty(line.reserved),
                    cancelled=_qty(line.cancelled),
                    invoiced=_qty(line.invoiced),
                )
            )
        return "\n".join(rows)

    def _update_title(self) -> None:
        if self.order is None:
            title = self.tr("New sales order")
        else:
            title = self.tr("Sales order {number}").format(number=self.order.number)
        self.setWindowTitle(title + (" *" if self.dirty() else ""))

    def order_id(self) -> int | None:
        return self.order.id if self.order is not None else None

    def state(self) -> OrderState | None:
        return self.order.state if self.order is not None else None

    def dirty(self) -> bool:
        return self.form.dirty or self.lines.dirty

    def _on_edited(self) -> None:
        self.clear_refusal()
        self._update_title()

    # -- saving --------------------------------------------------------------------------

    def save(self) -> SalesOrder | None:
        """Save the draft (create or update); refusals appear next to what they name."""
        if self.order is not None and self.order.state != OrderState.DRAFT:
            return self.order
        values = self.form.values()
        if values["customer"] is None:
            self.form.set_errors(
                {"customer": self.tr("Choose a customer: type part of its code or name, Enter.")}
            )
            self.customer.setFocus()
            return None
        header = {key: values[key] for key in ("payment_mode", "requested_date", "note")}
        try:
            order = self._submit(values["customer"], header, self.lines.values())
        except DomainError as error:
            self.show_save_refusal(error)
            return None
        except Exception as error:  # noqa: BLE001 - shown and logged, the input stays
            show_error(self, error)
            return None
        self.form.clear_errors()
        self.lines.clear_errors()
        self.clear_refusal()
        self.reload(order.id)
        self.changed.emit(order.id or 0)
        return self.order

    def _submit(self, customer_id: int, header: dict, lines: list[dict]) -> SalesOrder:
        if self.order is None:
            return self.services.orders.create(customer_id, header, lines)
        return self.services.orders.update(self.order.id or 0, self.order.version, header, lines)

    def show_save_refusal(self, error: DomainError) -> None:
        """Header errors under their fields, line errors under the grid."""
        errors = error.errors if isinstance(error, ValidationError) and error.errors else [error]
        lines = [e for e in errors if (e.field or "").startswith("lines")]
        header = {e.field or "": e for e in errors if e not in lines}
        self.form.set_errors(header)
        self.lines.show_errors(lines)

    # -- closing -------------------------------------------------------------------------

    def reject(self) -> None:
        """Esc and Close: ask before throwing typed changes away."""
        if self._closing or not self.dirty() or prompts.ask_discard(self):
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if event.spontaneous() and self.dirty() and not prompts.ask_discard(self):
            event.ignore()
            return
        self._closing = True
        super().closeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Enter on the payment mode moves on; Enter on the note goes to the items."""
        if watched is self.payment_mode and is_enter(event):
            self.form.focus_next_field(self.payment_mode)
            return True
        if watched is self.note and is_enter(event):
            self.lines.entry.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return super().eventFilter(watched, event)


def _qty(value: Decimal) -> str:
    return f"{value.normalize():f}"
