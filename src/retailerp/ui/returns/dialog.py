"""The return form (退货单), keyboard first like the order form.

Scan or type the delivery number and press Enter: the delivery's lines appear with what was
delivered, what came back already and what may still come back.  Type the quantity (Tab on
to the condition and, only to ask for a different refund, the refund %), choose the reason:
the policy's word on every line shows at once under the grid ("Returned 127 days after
delivery: rule 'after 3 months, 60 %' — 60 % refunded").  Ctrl+S saves the draft, Ctrl+Enter
posts it; a refusal only the owner may accept offers "Override…", asking for the reason.
A draft can be cancelled, a posted return reversed (both with a reason); the delivery and the
return note open in the print preview.

A serial or batch scanned into "Serial / batch" picks its delivered line (a serial: quantity
1); one that is not on the delivery is refused naming it.  A posted return can be exchanged
(a replacement at no charge) and the exchange cancelled while the replacement has not
shipped.  The linked documents (delivery, red invoice, refund, replacement order and
delivery) are listed under the preview and open with a click or Enter.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from retailerp import i18n
from retailerp.domain.errors import DomainError, OverridableRefusal, ValidationError
from retailerp.domain.exchanges import Exchange
from retailerp.domain.fulfilment import Delivery
from retailerp.domain.returns import (
    RETURN_CONDITION_LABELS,
    RETURN_REASON_LABELS,
    Returnable,
    ReturnCondition,
    ReturnDocument,
    ReturnReason,
    ReturnState,
)
from retailerp.domain.security import Permission
from retailerp.services import Services
from retailerp.services.changes import Change
from retailerp.ui import prompts
from retailerp.ui.changes import watch
from retailerp.ui.errors import message_for, show_error
from retailerp.ui.line_table import clear_marks, line_field, mark_cell
from retailerp.ui.printing.preview import PrintPreviewDialog
from retailerp.ui.returns.chain import ChainLinks
from retailerp.ui.returns.sources import return_state_text
from retailerp.ui.sales.lookup import is_enter
from retailerp.ui.sources import money_text, quantity_text, term
from retailerp.ui.styles import ERROR_STYLE
from retailerp.ui.widgets import DateField

T = TypeVar("T")

COLUMNS = ("no", "item", "tracking", "delivered", "returned", "open", "quantity", "condition",
           "refund_rate")  # fmt: skip
QUANTITY, CONDITION, REFUND_RATE = 6, 7, 8
EDITABLE = (QUANTITY, REFUND_RATE)
LINE_ROLE = Qt.ItemDataRole.UserRole + 1
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class TypingDelegate(QStyledItemDelegate):
    """Cell editors that report every key typed (``typed(row, column, text)``), so the
    policy preview follows the quantity while it is being typed, before Enter."""

    def __init__(self, typed: Callable[[int, int, str], None], parent: QWidget) -> None:
        super().__init__(parent)
        self.typed = typed

    def createEditor(self, parent: QWidget, option: object, index: QModelIndex) -> QWidget:  # noqa: N802
        editor = super().createEditor(parent, option, index)  # type: ignore[arg-type]
        if isinstance(editor, QLineEdit):
            row, column = index.row(), index.column()
            editor.textEdited.connect(lambda text: self.typed(row, column, text))
        return editor


class ReturnDialog(QDialog):
    """A new return (against ``delivery_id`` when given, else the delivery typed) or the
    return ``return_id``.  ``changed(return_id)`` follows every saved change."""

    changed = Signal(int)

    def __init__(
        self,
        services: Services,
        return_id: int | None = None,
        delivery_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.document: ReturnDocument | None = None
        self.exchange: Exchange | None = None
        self.delivery: Delivery | None = None
        self.returnable: list[Returnable] = []
        self.sent_rows: list[int] = []
        self.typing: tuple[int, int, str] | None = None
        """The cell being typed into and its text so far (while the editor is open)."""
        self.typed_rates: dict[int, str] = {}
        """Refund % typed per delivery line, kept on screen while the draft is saved."""
        self.dirty = False
        self._loading = False
        self.previews: list[PrintPreviewDialog] = []
        self.setObjectName("return_dialog")
        self._build()
        self.resize(1000, 620)
        self.watcher = watch(self, services.changes, (Change.RETURNS,), self._follow_changes)
        if return_id is not None:
            self.reload(return_id)
        elif delivery_id is not None:
            self.load_delivery(self.services.returns.delivery(delivery_id))
        self._show_state()

    # -- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.state_label = QLabel(self)
        self.state_label.setObjectName("return_state")
        self.delivery_number = QLineEdit(self)
        self.delivery_number.setObjectName("delivery_number")
        self.delivery_number.setPlaceholderText(self.tr("Scan or type the delivery number, Enter"))
        self.delivery_number.returnPressed.connect(self.find_delivery)
        self.delivery_info = QLabel(self)
        self.delivery_info.setObjectName("delivery_info")
        self.reason = QComboBox(self)
        self.reason.setObjectName("reason")
        for reason in ReturnReason:
            self.reason.addItem(term(RETURN_REASON_LABELS[reason]), reason.value)
        self.reason.currentIndexChanged.connect(lambda _i: self._edited())
        self.return_date = DateField(self, today=self.services.ctx.today)
        self.return_date.setObjectName("return_date")
        self.return_date.setValue(self.services.ctx.today())
        self.return_date.valueChanged.connect(lambda _d: self._edited())
        self.received_by = QLineEdit(self.services.ctx.actor.username, self)
        self.received_by.setObjectName("received_by")
        self.received_by.textEdited.connect(lambda _t: self._edited(preview=False))
        self.note = QLineEdit(self)
        self.note.setObjectName("note")
        self.note.textEdited.connect(lambda _t: self._edited(preview=False))
        self.scan = QLineEdit(self)
        self.scan.setObjectName("scan_code")
        self.scan.setPlaceholderText(self.tr("Scan or type a serial or batch, Enter"))
        self.scan.returnPressed.connect(self.scan_code)
        self.lines = self._build_table()
        self.chain = ChainLinks(self.services, self)
        self.preview = QLabel(self)
        self.preview.setObjectName("policy_preview")
        self.preview.setWordWrap(True)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.refusal = QLabel(self)
        self.refusal.setObjectName("return_refusal")
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet(ERROR_STYLE)
        self._build_buttons()
        self._lay_out()
        for keys, slot in (("Ctrl+S", self.save), ("Ctrl+Return", self.post),
                           ("Ctrl+Enter", self.post)):  # fmt: skip
            QShortcut(QKeySequence(keys), self).activated.connect(slot)
        self.reason.installEventFilter(self)

    def _build_table(self) -> QTableWidget:
        table = QTableWidget(0, len(COLUMNS), self)
        table.setObjectName("return_lines")
        table.setHorizontalHeaderLabels(
            [
                self.tr("No."), self.tr("Item"), self.tr("Batch / serial"),
                self.tr("Delivered"), self.tr("Returned"), self.tr("Returnable"),
                self.tr("Quantity"), self.tr("Condition"), self.tr("Refund % (empty: policy)"),
            ]
        )  # fmt: skip
        table.verticalHeader().hide()
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        table.horizontalHeader().setStretchLastSection(True)
        table.itemChanged.connect(self._cell_changed)
        table.setItemDelegate(TypingDelegate(self._typed, table))
        return table

    def _typed(self, row: int, column: int, text: str) -> None:
        """A key typed into a quantity or refund cell: preview with what is typed so far."""
        self.typing = (row, column, text)
        try:
            self.update_preview(mark=False)
        finally:
            self.typing = None

    def _build_buttons(self) -> None:
        def button(text: str, slot: Callable[[], object], name: str) -> QPushButton:
            b = QPushButton(text, self)
            b.setObjectName(name)
            b.setAutoDefault(False)
            b.clicked.connect(lambda: slot())
            return b

        self.save_button = button(self.tr("&Save draft"), self.save, "save_return")
        self.post_button = button(self.tr("&Post"), self.post, "post_return")
        self.override_button = button(self.tr("Overri&de…"), self.override, "override")
        self.override_button.hide()
        self.cancel_button = button(self.tr("&Cancel return…"), self.cancel_return,
                                    "cancel_return")  # fmt: skip
        self.reverse_button = button(self.tr("Re&verse…"), self.reverse, "reverse_return")
        self.print_button = button(self.tr("Pr&int…"), self.print_note, "print_return")
        self.delivery_button = button(self.tr("&Open delivery"), self.open_delivery,
                                      "open_delivery")  # fmt: skip
        self.red_button = button(self.tr("R&ed invoice…"), self.red_invoice, "red_invoice")
        self.red_button.setToolTip(
            self.tr("Credit this return on the delivery's invoice with a red invoice")
        )
        self.exchange_button = button(self.tr("E&xchange"), self.exchange_goods, "exchange")
        self.exchange_button.setToolTip(
            self.tr("Send the returned goods again at no charge (a replacement order)")
        )
        self.cancel_exchange_button = button(self.tr("Cancel exc&hange…"), self.cancel_exchange,
                                             "cancel_exchange")  # fmt: skip
        self.cancel_exchange_button.setToolTip(
            self.tr("Cancel the replacement order while nothing of it has shipped")
        )

    def _lay_out(self) -> None:
        header = QFormLayout()
        for label, widget in (
            (self.tr("De&livery no."), self.delivery_number),
            ("", self.delivery_info),
            (self.tr("Serial / b&atch"), self.scan),
            (self.tr("&Reason"), self.reason),
            (self.tr("Da&te"), self.return_date),
            (self.tr("Received &by"), self.received_by),
            (self.tr("&Note"), self.note),
        ):
            caption = QLabel(label, self)
            caption.setBuddy(widget)
            header.addRow(caption, widget)
        lines_label = QLabel(self.tr("Returned &goods"), self)
        lines_label.setBuddy(self.lines)
        refusal_row = QHBoxLayout()
        refusal_row.addWidget(self.refusal, 1)
        refusal_row.addWidget(self.override_button)
        buttons = QHBoxLayout()
        for b in (self.save_button, self.post_button, self.cancel_button, self.reverse_button,
                  self.print_button, self.delivery_button):  # fmt: skip
            buttons.addWidget(b)
        buttons.addStretch(1)
        settle = QHBoxLayout()
        settle.addWidget(self.chain, 1)
        for b in (self.red_button, self.exchange_button, self.cancel_exchange_button):
            settle.addWidget(b)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state_label)
        layout.addLayout(header)
        layout.addWidget(lines_label)
        layout.addWidget(self.lines, 1)
        layout.addWidget(self.preview)
        layout.addLayout(refusal_row)
        layout.addLayout(settle)
        layout.addLayout(buttons)
        layout.addWidget(close)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)  # Enter never presses a button here

    # -- loading -----------------------------------------------------------------------------

    def find_delivery(self) -> bool:
        """Enter on the delivery number: show that delivery's lines (a new return only)."""
        if self.document is not None:
            return False
        try:
            delivery = self.services.returns.delivery_by_number(self.delivery_number.text())
        except DomainError as error:
            self.show_refusal(error)
            return False
        self.load_delivery(delivery)
        return True

    def load_delivery(self, delivery: Delivery, document: ReturnDocument | None = None) -> None:
        self.delivery = delivery
        self.returnable = self.services.returns.returnable(delivery.id or 0)
        self.delivery_number.setText(delivery.number)
        customer = self.services.customers.get(delivery.customer_id)
        self.delivery_info.setText(
            self.tr("{customer} · delivered {date}").format(
                customer=f"{customer.code} {customer.name}", date=delivery.delivery_date
            )
        )
        self._fill_lines(document)
        self.clear_refusal()
        self.dirty = False
        self.update_preview()
        self._show_state()
        if document is None and self.lines.rowCount():
            self.lines.setCurrentCell(0, QUANTITY)
            self.lines.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fill_lines(self, document: ReturnDocument | None) -> None:
        on_return = {line.delivery_line_id: line for line in (document.lines if document else [])}
        names = {r.item_id: self.services.items.get(r.item_id) for r in self.returnable}
        self._loading = True
        self.lines.setRowCount(len(self.returnable))
        for row, source in enumerate(self.returnable):
            item = names[source.item_id]
            line = on_return.get(source.delivery_line_id)
            values = [
                str(row + 1), f"{item.sku} {item.name}", source.serial or source.batch,
                quantity_text(source.delivered), quantity_text(source.returned),
                quantity_text(source.open), quantity_text(line.quantity) if line else "", "",
                _percent(line.refund_rate) if line and document and document.posted_at
                else self.typed_rates.get(source.delivery_line_id, ""),
            ]  # fmt: skip
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if column not in EDITABLE:
                    cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if column == 0:
                    cell.setData(LINE_ROLE, source.delivery_line_id)
                if column >= 3 and column != CONDITION:
                    cell.setTextAlignment(RIGHT)
                self.lines.setItem(row, column, cell)
            self.lines.setCellWidget(row, CONDITION, self._condition_box(line))
        self._loading = False
        self.lines.resizeColumnsToContents()

    def _condition_box(self, line: Any) -> QComboBox:
        box = QComboBox(self.lines)
        box.setObjectName("condition")
        for condition in ReturnCondition:
            box.addItem(term(RETURN_CONDITION_LABELS[condition]), condition.value)
        if line is not None:
            box.setCurrentIndex(box.findData(line.condition.value))
        box.currentIndexChanged.connect(lambda _i: self._edited())
        return box

    def reload(self, return_id: int | None = None) -> None:
        return_id = return_id if return_id is not None else self.return_id()
        if return_id is None:
            return
        self.watcher.seen()
        try:
            document = self.services.returns.get(return_id)
            delivery = self.services.returns.delivery(document.delivery_id)
        except Exception as error:  # noqa: BLE001 - shown; the dialog stays usable
            show_error(self, error)
            return
        self.document = document
        self.exchange = self.services.exchanges.of_return(return_id)
        self.chain.show_for(document.number)
        self._loading = True
        self.reason.setCurrentIndex(self.reason.findData(document.reason.value))
        self.return_date.setValue(document.return_date)
        self.received_by.setText(document.received_by)
        self.note.setText(document.note)
        self._loading = False
        self.load_delivery(delivery, document)

    def _follow_changes(self) -> None:
        if self.document is not None and not self.dirty:
            self.reload()

    # -- state -------------------------------------------------------------------------------

    def return_id(self) -> int | None:
        return self.document.id if self.document is not None else None

    def state(self) -> ReturnState | None:
        return self.document.state if self.document is not None else None

    def _show_state(self) -> None:
        doc = self.document
        number = doc.number if doc else self.tr("(new)")
        state = return_state_text(doc.state) if doc else return_state_text("draft")
        text = self.tr("Return {number} · {state}").format(number=number, state=state)
        if doc and doc.override_reason:
            text += "\n" + self.tr("Policy overridden by {user}: {reason}").format(
                user=doc.override_by, reason=doc.override_reason
            )
        self.state_label.setText(text)
        self.setWindowTitle(self.tr("Return {number}").format(number=number)
                            + (" *" if self.dirty else ""))  # fmt: skip
        draft = self.state() in (None, ReturnState.DRAFT)
        have_lines = self.delivery is not None
        self.delivery_number.setReadOnly(doc is not None)
        for widget in (self.reason, self.return_date, self.received_by, self.note):
            widget.setEnabled(draft)
        self.lines.setEditTriggers(
            self.lines.editTriggers() if draft else QAbstractItemView.EditTrigger.NoEditTriggers
        )
        for row in range(self.lines.rowCount()):
            box = self.lines.cellWidget(row, CONDITION)
            if box is not None:
                box.setEnabled(draft)
        self.save_button.setEnabled(draft and have_lines)
        self.post_button.setEnabled(draft and have_lines)
        self.cancel_button.setEnabled(doc is not None and doc.state == ReturnState.DRAFT)
        self.reverse_button.setEnabled(doc is not None and doc.state == ReturnState.POSTED)
        self.print_button.setEnabled(doc is not None)
        self.delivery_button.setEnabled(have_lines)
        invoiced = self.delivery is not None and self.delivery.invoice_id is not None
        posted = doc is not None and doc.state == ReturnState.POSTED
        active = self.exchange is not None and self.exchange.active
        self.red_button.setEnabled(posted and invoiced and not active)
        self.exchange_button.setEnabled(posted and self.exchange is None)  # exchanged once
        self.cancel_exchange_button.setEnabled(active)
        self.scan.setEnabled(draft and have_lines)

    def _edited(self, *, preview: bool = True) -> None:
        if self._loading:
            return
        self.dirty = True
        self.clear_refusal()
        if preview:
            self.update_preview()
        self._show_state()

    def _cell_changed(self, cell: QTableWidgetItem) -> None:
        if cell.column() in EDITABLE:
            self._edited()

    # -- the lines and the policy preview ------------------------------------------------------

    def line_values(self) -> list[dict[str, object]]:
        """The lines with a quantity typed, as the service takes them (row order kept)."""
        lines: list[dict[str, object]] = []
        self.sent_rows = []
        for row in range(self.lines.rowCount()):
            quantity = self._text(row, QUANTITY)
            if not quantity:
                continue
            box = self.lines.cellWidget(row, CONDITION)
            lines.append(
                {
                    "delivery_line_id": self.lines.item(row, 0).data(LINE_ROLE),
                    "quantity": quantity,
                    "condition": box.currentData() if isinstance(box, QComboBox) else "",
                }
            )
            self.sent_rows.append(row)
        return lines

    def asked_rates(self) -> dict[int, object]:
        """Refund % typed per line (by the line's number on the return), as shares."""
        rates: dict[int, object] = {}
        for n, row in enumerate(self.sent_rows, 1):
            text = self._text(row, REFUND_RATE)
            if text:
                rates[n] = _share(text)
        return rates

    def _text(self, row: int, column: int) -> str:
        if self.typing is not None and self.typing[:2] == (row, column):
            return self.typing[2].strip()
        cell = self.lines.item(row, column)
        return cell.text().strip() if cell is not None else ""

    def header_values(self) -> dict[str, object]:
        return {
            "reason": self.reason.currentData(),
            "return_date": self.return_date.value(),
            "received_by": self.received_by.text(),
            "note": self.note.text(),
        }

    def update_preview(self, *, mark: bool = True) -> str:
        """The policy's word on every typed line (nothing is saved).  ``mark``: colour the
        cells a refusal names (not while a cell is being typed into: changing a cell resets
        its open editor)."""
        if self.delivery is None or self.state() not in (None, ReturnState.DRAFT):
            self.preview.setText(self._posted_text())
            return self.preview.text()
        lines = self.line_values()
        if not lines:
            self.preview.setText(self.tr("Type the quantity that came back on each line."))
            return self.preview.text()
        try:
            preview = self.services.returns.preview(
                self.delivery.id or 0, str(self.reason.currentData()), lines,
                self.return_date.value(),
            )  # fmt: skip
        except DomainError as error:
            self.preview.setText(message_for(error, i18n.translate))
            if mark:
                self._mark(error)
            return self.preview.text()
        if mark:
            self._unmark()
        rows = [
            self.tr("Line {n}: {decision}").format(
                n=row + 1, decision=decision.explain().render(i18n.translate)
            )
            for row, decision in zip(self.sent_rows, preview.decisions, strict=True)
        ]
        rows.append(self.tr("Refund by the policy: {amount}").format(
            amount=money_text(preview.refund)))  # fmt: skip
        if preview.needs_override:
            rows.append(self.tr("The policy refuses part of this return: only an owner may "
                                "post it anyway, with a reason."))  # fmt: skip
        self.preview.setText("\n".join(rows))
        return self.preview.text()

    def _posted_text(self) -> str:
        doc = self.document
        if doc is None or doc.posted_at is None:
            return ""
        rows = [
            self.tr("Line {n}: rule '{rule}' — {rate} % refunded, {refund}").format(
                n=line.line_no,
                rule=term(line.rule),
                rate=_percent(line.refund_rate),
                refund=money_text(line.refund),
            )  # fmt: skip
            for line in doc.lines
        ]
        rows.append(self.tr("Refund: {amount}").format(amount=money_text(doc.refund)))
        return "\n".join(rows)

    # -- saving and posting --------------------------------------------------------------------

    def save(self) -> ReturnDocument | None:
        """Save the draft (create or update); refusals show next to their cells."""
        if self.delivery is None or self.state() not in (None, ReturnState.DRAFT):
            return self.document
        header, lines = self.header_values(), self.line_values()
        try:
            if self.document is None:
                document = self.services.returns.create(self.delivery.id or 0, header, lines)
            else:
                document = self.services.returns.update(
                    self.document.id or 0, self.document.version, header, lines
                )
        except DomainError as error:
            self.show_refusal(error)
            return None
        except Exception as error:  # noqa: BLE001 - shown and logged, the input stays
            show_error(self, error)
            return None
        self.dirty = False
        self.reload(document.id)
        self.changed.emit(document.id or 0)
        return self.document

    def post(self) -> ReturnDocument | None:
        """Save if needed, then post (Ctrl+Enter): the goods move, the refund is fixed."""
        if self.state() not in (None, ReturnState.DRAFT):
            return None
        self.line_values()
        rates = self.asked_rates()
        self.typed_rates = {
            self.lines.item(row, 0).data(LINE_ROLE): self._text(row, REFUND_RATE)
            for row in self.sent_rows
        }
        if (self.document is None or self.dirty) and self.save() is None:
            return None
        self._rates = rates
        return self._act(lambda d: self.services.returns.post(d.id or 0, d.version, "", rates))

    def override(self) -> ReturnDocument | None:
        """Post despite the policy's refusal, with the reason (owners; the service checks)."""
        rates = getattr(self, "_rates", {})
        return self._act(
            lambda d: prompts.ask_reason(
                self,
                self.tr("Post the return anyway"),
                self.tr(
                    "Why should this return be accepted against the policy? The reason is "
                    "recorded and printed."
                ),  # fmt: skip
                act=lambda reason: self.services.returns.post(
                    d.id or 0, d.version, reason, rates
                ),  # fmt: skip
                required=True,
            )
        )

    def cancel_return(self) -> ReturnDocument | None:
        return self._act(
            lambda d: prompts.ask_reason(
                self,
                self.tr("Cancel the return"),
                self.tr("Why is this return cancelled? Nothing was moved yet."),
                act=lambda reason: self.services.returns.cancel(d.id or 0, d.version, reason),
                required=True,
            )
        )

    def reverse(self) -> ReturnDocument | None:
        return self._act(
            lambda d: prompts.ask_reason(
                self,
                self.tr("Reverse the return"),
                self.tr(
                    "Why is this return reversed? Every quantity goes back to the customer "
                    "by a reversal document."
                ),  # fmt: skip
                act=lambda reason: self.services.returns.reverse(d.id or 0, reason),
                required=True,
            )
        )

    def _act(self, action: Callable[[ReturnDocument], T | None]) -> T | None:
        document = self.document
        if document is None:
            return None
        try:
            result = action(document)
        except DomainError as error:
            self.show_refusal(error)
            return None
        except Exception as error:  # noqa: BLE001 - shown and logged
            show_error(self, error)
            return None
        if result is None:  # the prompt was cancelled
            return None
        self.clear_refusal()
        self.dirty = False
        self.reload(document.id)
        self.changed.emit(document.id or 0)
        return result

    # -- refusals --------------------------------------------------------------------------------

    def show_refusal(self, error: DomainError) -> None:
        errors = error.errors if isinstance(error, ValidationError) and error.errors else [error]
        self.refusal.setText("\n".join(message_for(e, i18n.translate) for e in errors))
        self._mark(error)
        overridable = all(isinstance(e, OverridableRefusal) for e in errors)
        may = self.services.ctx.actor.may(Permission.OVERRIDE_CHECKS)
        self.override_button.setVisible(overridable and may and self.document is not None)

    def _unmark(self) -> None:
        loading, self._loading = self._loading, True
        try:
            clear_marks(self.lines)
        finally:
            self._loading = loading

    def _mark(self, error: DomainError) -> None:
        self._unmark()
        loading, self._loading = self._loading, True
        errors = error.errors if isinstance(error, ValidationError) and error.errors else [error]
        for e in errors:
            where = line_field(e.field)
            if where is None or where[0] >= len(self.sent_rows):
                continue
            column = {"quantity": QUANTITY, "refund_rate": REFUND_RATE}.get(where[1], QUANTITY)
            mark_cell(self.lines, self.sent_rows[where[0]], column,
                      message_for(e, i18n.translate))  # fmt: skip
        self._loading = loading

    def clear_refusal(self) -> None:
        self.refusal.clear()
        self.override_button.hide()

    # -- documents -------------------------------------------------------------------------------

    def open_preview(self, number: str) -> PrintPreviewDialog:
        dialog = PrintPreviewDialog(self, self.services, number)
        dialog.show()
        self.previews.append(dialog)
        return dialog

    def print_note(self) -> PrintPreviewDialog | None:
        return self.open_preview(self.document.number) if self.document else None

    def red_invoice(self) -> QWidget | None:
        """The red invoice that credits this posted return on its delivery's invoice."""
        from retailerp.ui.red_invoices.form import RedInvoiceDialog

        if self.document is None:
            return None
        dialog = RedInvoiceDialog(self.services, self, return_id=self.document.id)
        dialog.show()
        self._red = dialog
        return dialog

    def open_delivery(self) -> PrintPreviewDialog | None:
        return self.open_preview(self.delivery.number) if self.delivery else None

    def exchange_goods(self) -> object | None:
        """Answer the posted return with a replacement order at no charge."""
        return self._act(lambda d: self.services.exchanges.exchange(d.id or 0))

    def cancel_exchange(self) -> Exchange | None:
        """Cancel the exchange (its replacement order) while nothing has shipped; the return
        stays posted and may then be credited by a red invoice."""
        return self._act(
            lambda d: prompts.ask_reason(
                self,
                self.tr("Cancel the exchange"),
                self.tr(
                    "Why is the exchange cancelled? The replacement order is cancelled; "
                    "the return stays posted and can be credited instead."
                ),  # fmt: skip
                act=lambda reason: self.services.exchanges.cancel(d.id or 0, reason),
                required=True,
            )
        )

    # -- scanning ------------------------------------------------------------------------------

    def scan_code(self) -> int | None:
        """Enter on "Serial / batch": select the delivered line of that serial or batch (a
        serial comes back as 1); one not on the delivery is refused naming it.  Returns the
        row chosen."""
        if self.delivery is None or self.state() not in (None, ReturnState.DRAFT):
            return None
        try:
            found = self.services.returns.scanned(self.delivery.id or 0, self.scan.text())
        except DomainError as error:
            self.show_refusal(error)
            self.scan.selectAll()
            return None
        row = next(r for r in range(self.lines.rowCount())
                   if self.lines.item(r, 0).data(LINE_ROLE) == found.delivery_line_id)  # fmt: skip
        self.clear_refusal()
        self.scan.clear()
        if found.serial:
            self.lines.item(row, QUANTITY).setText("1")
            self.lines.setCurrentCell(row, QUANTITY)
        else:
            self.lines.setCurrentCell(row, QUANTITY)
            self.lines.setFocus(Qt.FocusReason.OtherFocusReason)
        return row

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Enter on the reason moves on to the lines."""
        if watched is self.reason and is_enter(event):
            self.lines.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return super().eventFilter(watched, event)


def _share(text: str) -> object:
    """A refund % typed (``50``) as the share the service takes (``0.5``); text that is no
    number goes as typed, for the service to refuse."""
    try:
        value = Decimal(text.replace("%", "").strip())
    except InvalidOperation:
        return text
    if not value.is_finite() or not 0 <= value <= 100:
        return text  # as typed: the service says what is wrong with it
    return str(value / 100)


def _percent(rate: Decimal) -> str:
    return f"{(rate * 100).normalize():f}"
