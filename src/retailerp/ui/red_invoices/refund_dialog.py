"""Paying money back to a customer (退款): amount, method and reference; the refusal (more
than the money on account) stands under the amount while the prompt stays open."""

from __future__ import annotations

from collections.abc import Callable
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

from retailerp.domain.invoicing import REFUND_METHODS
from retailerp.domain.money import Money
from retailerp.ui.prompts import ActsBeforeClosing
from retailerp.ui.sources import money_text
from retailerp.ui.widgets import FormPage


class RefundDialog(ActsBeforeClosing, QDialog):
    """``about`` says whose money it is; ``amount`` (the money on account) is proposed."""

    def __init__(self, parent: QWidget | None, about: str, amount: Money) -> None:
        super().__init__(parent)
        self.setObjectName("refund_dialog")
        self.setWindowTitle(self.tr("Refund"))
        self.form = FormPage(self, submit_on_last_enter=True)
        self.amount = QLineEdit(str(amount.amount), self)
        self.method = QComboBox(self)
        for method in REFUND_METHODS:
            self.method.addItem(method, method)
        self.method.setCurrentIndex(REFUND_METHODS.index("bank"))
        self.reference = QLineEdit(self)
        self.form.add_field("amount", self.tr("&Amount"), self.amount)
        self.form.add_field("method", self.tr("&Method"), self.method)
        self.form.add_field("reference", self.tr("R&eference"), self.reference)
        self.form.save_requested.connect(self.accept)
        self.form.cancel_requested.connect(self.reject)
        note = QLabel(
            self.tr("{about} Money on account: {amount}.").format(
                about=about, amount=money_text(amount)
            ),
            self,
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.form)
        layout.addWidget(buttons)

    def values(self) -> tuple[str, str, str]:
        return self.amount.text().strip(), str(self.method.currentData()), self.reference.text()


def ask_refund(
    parent: QWidget | None, about: str, amount: Money, act: Callable[[str, str, str], Any]
) -> Any:
    """Run ``act(amount, method, reference)`` while the prompt is open; its result, or
    ``None`` when cancelled."""
    dialog = RefundDialog(parent, about, amount)
    dialog.act = lambda: act(*dialog.values())
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        dialog.raise_failure()
        return dialog.outcome
    finally:
        dialog.deleteLater()
