"""Recording money received: amount, method (cash, bank, WeChat Pay, Alipay, cheque), reference."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from retailerp.domain.invoicing import PAYMENT_METHODS
from retailerp.domain.money import Money
from retailerp.ui.prompts import ActsBeforeClosing
from retailerp.ui.widgets import FormPage


@dataclass(frozen=True)
class PaymentInput:
    amount: str
    method: str
    reference: str


class PaymentDialog(ActsBeforeClosing, QDialog):
    """The payment's amount (proposed: what is open), method and reference; OK records it
    while the dialog is open (a refused amount stays to be corrected)."""

    def __init__(self, parent: QWidget | None, about: str, amount: Money | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("payment_dialog")
        self.setWindowTitle(self.tr("Record payment"))
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
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(about, self))
        layout.addWidget(self.form)
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


def ask_payment(
    parent: QWidget | None,
    about: str,
    amount: Money | None,
    *,
    act: Callable[[PaymentInput], Any] | None = None,
) -> Any:
    """What was received, or ``None`` (tests replace this module function).  With ``act``,
    ``act(payment)`` records it before the dialog closes and its result is returned."""
    dialog = PaymentDialog(parent, about, amount)
    if act is not None:
        dialog.act = lambda: act(dialog.payment())
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    dialog.raise_failure()
    return dialog.outcome if act is not None else dialog.payment()
