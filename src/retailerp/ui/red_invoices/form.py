"""The red invoice form: the blue invoice's lines with what can still be credited, the kind
and reason, and the workflow's steps (save the draft, submit, record the confirmation
number, issue, void, print).  Keyboard-first: type the blue invoice number and press Enter;
Tab through the credit cells; Ctrl+S saves.  Refusals stand next to the fields they name."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from retailerp import i18n
from retailerp.domain.errors import DomainError
from retailerp.domain.red_invoices import (
    RED_FLOW,
    BlueLine,
    RedAction,
    RedInvoice,
    RedInvoiceLine,
    RedKind,
)
from retailerp.services import Services
from retailerp.ui import prompts
from retailerp.ui.errors import show_error
from retailerp.ui.printing.preview import PrintPreviewDialog
from retailerp.ui.red_invoices.sources import kind_text, red_state_text
from retailerp.ui.returns.chain import ChainLinks
from retailerp.ui.sources import money_text, term
from retailerp.ui.widgets import FormPage

CREDIT_COLUMN = 5
RULE_COLUMN = 7


def _qty(value: Decimal) -> str:
    return f"{Decimal(value).normalize():f}"


def rule_text(line: RedInvoiceLine) -> str:
    """The return policy's rule that decided what a line credits, with its rate."""
    if not line.rule:
        return ""
    rate = f" · {_qty(line.refund_rate * 100)} %" if line.refund_rate is not None else ""
    return term(line.rule) + rate


class RedInvoiceDialog(QDialog):
    """A new red invoice against a blue one (``invoice_id``, or typed by number), from a
    posted return (``return_id``), or an existing one (``red_id``)."""

    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        invoice_id: int | None = None,
        red_id: int | None = None,
        return_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("red_invoice_dialog")
        self.services = services
        self.red: RedInvoice | None = None
        self.invoice_id: int | None = None
        self.blue: list[BlueLine] = []
        self.previews: list[PrintPreviewDialog] = []
        self.form = FormPage(self)
        self.blue_number = QLineEdit(self)
        self.blue_number.returnPressed.connect(self.load_blue)
        self.kind = QComboBox(self)
        for kind in RedKind:
            self.kind.addItem(kind_text(kind), kind.value)
        self.kind.currentIndexChanged.connect(lambda _i: self._show_kind())
        self.reason = QLineEdit(self)
        self.confirmation = QLineEdit(self)
        self.form.add_field("invoice", self.tr("&Blue invoice no."), self.blue_number)
        self.form.add_field("kind", self.tr("&Kind"), self.kind)
        self.form.add_field("reason", self.tr("&Reason"), self.reason)
        self.form.add_field("confirmation_number", self.tr("Con&firmation no."), self.confirmation)
        self.form.save_requested.connect(self.save)
        self.form.cancel_requested.connect(self.reject)
        self.state = QLabel(self)
        self.state.setObjectName("red_state")
        self.lines = QTableWidget(0, 8, self)
        self.lines.setObjectName("red_lines")
        self.lines.setHorizontalHeaderLabels([
            self.tr("No."), self.tr("Item"), self.tr("Invoiced"), self.tr("Credited"),
            self.tr("Open net"), self.tr("Credit quantity"), self.tr("Credit net"),
            self.tr("Policy rule"),
        ])  # fmt: skip
        self.lines.verticalHeader().hide()
        save_here = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self.lines)
        save_here.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save_here.activated.connect(self.save)  # Ctrl+S from the lines as from the fields
        self.chain = ChainLinks(services, self)
        self.message = QLabel(self)
        self.message.setObjectName("red_message")
        self.message.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        for key, text, slot in (
            ("save", self.tr("&Save draft"), self.save),
            ("submit", self.tr("Sub&mit"), self.submit),
            ("confirm", self.tr("Record &confirmation"), self.confirm),
            ("issue", self.tr("&Issue"), self.issue),
            ("void", self.tr("&Void…"), self.void),
            ("print", self.tr("&Print…"), self.print_preview),
            ("close", self.tr("C&lose"), self.reject),
        ):
            button = QPushButton(text, self)
            button.setObjectName(f"red_{key}")
            button.clicked.connect(lambda _c=False, s=slot: s())
            bar.addWidget(button)
            self.buttons[key] = button
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.state)
        layout.addWidget(self.lines, 1)
        layout.addWidget(self.chain)
        layout.addWidget(self.message)
        layout.addLayout(bar)
        self.resize(900, 560)
        self.setWindowTitle(self.tr("Red invoice"))
        if red_id is not None:
            self._attempt(lambda: self.show_red(self.services.red_invoices.get(red_id)))
        elif return_id is not None:
            self._attempt(lambda: self.show_red(self.services.red_invoices.from_return(return_id)))
        elif invoice_id is not None:
            self._attempt(lambda: self._load(invoice_id))
        self._enable()

    # -- loading ----------------------------------------------------------------------------

    def load_blue(self) -> None:
        """Enter in the blue invoice number: its lines with what is open."""
        number = self.blue_number.text().strip().upper()
        if self.red is None and number:
            self._attempt(lambda: self._load(self.services.invoices.get(number).id or 0))

    def _load(self, invoice_id: int) -> None:
        self.invoice_id = invoice_id
        self.blue = self.services.red_invoices.blue_lines(invoice_id)
        invoice = self.services.red_invoices.blue_invoice(invoice_id)
        self.blue_number.setText(invoice.number)
        self._fill(self.blue, {})
        self._enable()
        self.lines.setFocus()
        self.lines.setCurrentCell(0, CREDIT_COLUMN)

    def show_red(self, red: RedInvoice) -> None:
        self.red = red
        self.invoice_id = red.invoice_id
        self.blue = self.services.red_invoices.blue_lines(red.invoice_id)
        self.blue_number.setText(red.blue_number)
        self.kind.setCurrentIndex(self.kind.findData(red.kind.value))
        self.reason.setText(red.reason)
        self.confirmation.setText(red.confirmation_number or "")
        credits = {line.invoice_line_id: line for line in red.lines}
        self._fill(self.blue, credits)
        self.state.setText(
            self.tr("{number}: {state}, {gross}").format(
                number=red.number, state=red_state_text(red.state), gross=money_text(-red.gross)
            )
        )
        self.setWindowTitle(self.tr("Red invoice {number}").format(number=red.number))
        self.chain.show_for(red.number)
        self._enable()

    def _fill(self, blue: list[BlueLine], credits: dict[int, Any]) -> None:
        self.lines.setRowCount(len(blue))
        items = self.services.items.get_many(sorted({line.item_id for line in blue}))
        for r, line in enumerate(blue):
            credit = credits.get(line.invoice_line_id)
            item = items.get(line.item_id)
            label = f"{item.sku} {item.name}" if item is not None else str(line.item_id)
            texts = [
                str(line.line_no), label, _qty(line.quantity),
                _qty(line.credited_quantity), money_text(line.open_net),
                _qty(credit.quantity) if credit else "", money_text(credit.net) if credit else "",
                rule_text(credit) if credit else "",
            ]  # fmt: skip
            for c, text in enumerate(texts):
                cell = QTableWidgetItem(text)
                if c < CREDIT_COLUMN or c == RULE_COLUMN:
                    cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.lines.setItem(r, c, cell)

    # -- the workflow -------------------------------------------------------------------------

    def raw_lines(self) -> list[dict[str, Any]]:
        """What the user typed: a quantity (return) or a net amount (allowance) per line."""
        allowance = self.kind.currentData() == RedKind.ALLOWANCE.value
        raw = []
        for r, line in enumerate(self.blue):
            cell = self.lines.item(r, CREDIT_COLUMN + (1 if allowance else 0))
            text = cell.text().strip() if cell else ""
            if text:
                key = "net" if allowance else "quantity"
                raw.append({"invoice_line_id": line.invoice_line_id, key: text})
        return raw

    def save(self) -> RedInvoice | None:
        if self.red is not None or self.invoice_id is None:
            return None
        invoice_id = self.invoice_id
        return self._attempt(
            lambda: self._shown(self.services.red_invoices.create(
                invoice_id, RedKind(self.kind.currentData()), self.raw_lines(), self.reason.text()
            ))
        )  # fmt: skip

    def submit(self) -> RedInvoice | None:
        red = self.red
        if red is None:
            return None
        return self._attempt(
            lambda: self._shown(self.services.red_invoices.submit(red.id or 0, red.version))
        )

    def confirm(self) -> RedInvoice | None:
        red = self.red
        if red is None:
            return None
        number = self.confirmation.text()
        return self._attempt(
            lambda: self._shown(
                self.services.red_invoices.confirm(red.id or 0, red.version, number)
            )
        )

    def issue(self) -> RedInvoice | None:
        red = self.red
        if red is None:
            return None
        return self._attempt(
            lambda: self._shown(self.services.red_invoices.issue(red.id or 0, red.version))
        )

    def void(self) -> RedInvoice | None:
        red = self.red
        if red is None:
            return None
        voided = prompts.ask_reason(
            self, self.tr("Void red invoice"), self.tr("&Reason"), required=True,
            act=lambda reason: self.services.red_invoices.void(red.id or 0, red.version, reason),
        )  # fmt: skip
        if voided is not None:
            self.show_red(voided)
        return voided

    def print_preview(self) -> PrintPreviewDialog | None:
        if self.red is None:
            return None
        dialog = PrintPreviewDialog(self, self.services, self.red.number)
        dialog.show()
        self.previews.append(dialog)
        return dialog

    def _shown(self, red: RedInvoice) -> RedInvoice:
        self.form.clear_errors()
        self.message.clear()
        self.show_red(red)
        return red

    def _attempt(self, action: Callable[[], Any]) -> Any:
        """A refusal goes next to the fields it names (lines under the table); anything
        else in a box."""
        try:
            return action()
        except DomainError as error:
            self.form.show_domain_error(error, i18n.translate)
            self.message.setText(error.render(i18n.translate))
        except Exception as error:  # noqa: BLE001 - shown and logged
            show_error(self, error)
        return None

    def _show_kind(self) -> None:
        allowance = self.kind.currentData() == RedKind.ALLOWANCE.value
        self.lines.setColumnHidden(CREDIT_COLUMN, allowance)
        self.lines.setColumnHidden(CREDIT_COLUMN + 1, not allowance and self.red is None)
        ruled = self.red is not None and any(line.rule for line in self.red.lines)
        self.lines.setColumnHidden(RULE_COLUMN, not ruled)

    def _enable(self) -> None:
        state = self.red.state if self.red is not None else None
        draft = self.red is None
        self.buttons["save"].setEnabled(draft and self.invoice_id is not None)
        for key, action in (
            ("submit", RedAction.SUBMIT),
            ("confirm", RedAction.CONFIRM),
            ("issue", RedAction.ISSUE),
            ("void", RedAction.VOID),
        ):
            self.buttons[key].setEnabled(state is not None and RED_FLOW.allows(state, action))
        self.buttons["print"].setEnabled(not draft)
        for editor in (self.blue_number, self.kind, self.reason):
            editor.setEnabled(draft)
        self.confirmation.setEnabled(
            state is not None and RED_FLOW.allows(state, RedAction.CONFIRM)
        )
        self._show_kind()
