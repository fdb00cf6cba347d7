"""Small questions a screen asks before an action: a reason, a choice, dropping edits.

Screens call these through the module (``prompts.ask_reason(...)``) so that tests can
replace them; each returns ``None`` when the user cancels.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget


def ask_reason(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """A one-line text (the reason for ending, pinning, reversing …), or ``None``."""
    value, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
    return value.strip() if ok else None


def ask_choice(
    parent: QWidget | None, title: str, label: str, choices: Sequence[str], current: int = 0
) -> int | None:
    """The index of the chosen entry of ``choices``, or ``None``."""
    value, ok = QInputDialog.getItem(parent, title, label, list(choices), current, False)
    if not ok or value not in choices:
        return None
    return list(choices).index(value)


def ask_discard(parent: QWidget | None) -> bool:
    """Whether to close a window without saving the changes typed into it."""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("Prompts", "Unsaved changes"),
        QCoreApplication.translate("Prompts", "Close without saving your changes?"),
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Discard
