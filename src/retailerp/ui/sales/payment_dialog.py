"""Recording money received: amount, method (cash, bank, WeChat Pay, Alipay, cheque), reference.

Given a preview (the invoice service's ``preview_payment``), the dialog asks before it
accepts an amount that is more than is open: the surplus is named and OK becomes "Keep as
credit on account"; changing the amount withdraws the question.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from retailerp import i18n
from retailerp.domain.errors import DomainError
from retailerp.domain.invoicing import PAYMENT_METHODS, PaymentPreview
from retailerp.domain.money import Money
from retailerp.ui.sources import money_text
from retailerp.ui.styles import ERROR_STYLE
from retailerp.ui.widgets import FormPage

Preview = Callable[[str], PaymentPreview]
"""What recording the typed amount would do (raises a DomainError for a bad amount)."""


@dataclass(frozen=True)
class PaymentInput:
    amount: str
    method: str
    reference: str


class PaymentDialog(QDialog):
    """The payment's amount (proposed: what is open), method and reference."""

    def __init__(
        self,
        parent: QWidget | None,
        about: str,
        amount: Money | None = None,
        preview: Preview | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("payment_dialog")
        self.setWindowTitle(self.tr("Record payment"))
        self.preview = preview
        self.surplus: PaymentPreview | None = None
        self.form = FormPage(self)
        self.amount = QLineEdit(f"{amount.amount:.2f}" if amount else "")
        self.method = QComboBox()
        for method, text in self._methods().items():
            self.method.addItem(text, method)
        self.method.setCurrentIndex(self.method.findData("bank"))
        self.reference = QLineEdit()
        self.form.add_field("amount", self.tr("&Amount"), self.amount)
        self.form.add_field("method", self.tr("&Method"), self.method)
        self.form.add_field("reference", self.tr("&Reference"), self.reference)
        self.form.save_requested.connect(self.accept)
        self.form.cancel_requested.connect(self.reject)
        self.amount.textChanged.connect(lambda _text: self._withdraw_question())
        self.question = QLabel(self)
        self.question.setObjectName("surplus_question")
        self.question.setWordWrap(True)
        self.question.setStyleSheet(ERROR_STYLE)
        self.question.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_text = self.ok_button.text()
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(about, self))
        layout.addWidget(self.form)
        layout.addWidget(self.question)
        layout.addWidget(buttons)
        self.amount.selectAll()

    def _methods(self) -> dict[str, str]:
        texts = {
            "cash": self.tr("Cash"),
            "bank": self.tr("Bank transfer"),
            "wechat": self.tr("WeChat Pay"),
            "alipay": self.tr("Alipay"),
            "cheque": self.tr("Cheque"),
        }
        return {method: texts.get(method, method) for method in PAYMENT_METHODS}

    def payment(self) -> PaymentInput:
        values = self.form.values()
        return PaymentInput(values["amount"], values["method"], values["reference"])

    def accept(self) -> None:
        """Accept, unless the amount is more than is open and that was not yet confirmed."""
        if self.preview is not None and self.surplus is None:
            try:
                outcome = self.preview(self.amount.text())
            except DomainError as error:
                self.form.show_domain_error(error, i18n.translate)
                return
            if outcome.is_overpayment:
                self._ask(outcome)
                return
        super().accept()

    def _ask(self, outcome: PaymentPreview) -> None:
        self.surplus = outcome
        self.question.setText(
            self.tr("{surplus} more than is open: keep as credit on account?").format(
                surplus=money_text(outcome.surplus)
            )
        )
        self.question.show()
        self.ok_button.setText(self.tr("&Keep as credit"))

    def _withdraw_question(self) -> None:
        self.surplus = None
        self.question.hide()
        self.question.clear()
        self.ok_button.setText(self.ok_text)


def ask_payment(
    parent: QWidget | None, about: str, amount: Money | None, preview: Preview | None = None
) -> PaymentInput | None:
    """What was received, or ``None`` (tests replace this module function).  With a
    ``preview`` the dialog asks before accepting more than is open."""
    dialog = PaymentDialog(parent, about, amount, preview)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.payment()
