"""Small questions a screen asks before an action: a reason, a choice, dropping edits.

Screens call these through the module (``prompts.ask_reason(...)``) so that tests can
replace them; each returns ``None`` when the user cancels.

A prompt that is given the action (``act``) runs it itself when the user presses OK, while
it is still open: a refusal naming one of the prompt's fields (an empty reason, an amount
of zero) appears under that field, what was typed stays, and the message goes as soon as
the value is right.  A refusal about something else (the order's stock, another PC's
change) closes the prompt and is raised to the caller, which shows it where it belongs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from retailerp import i18n
from retailerp.domain import validation as v
from retailerp.domain.errors import DomainError, FieldError, OverridableRefusal, ValidationError
from retailerp.ui.errors import show_error
from retailerp.ui.widgets import FormPage

T = TypeVar("T")

REASON_LENGTH = 200


class ActsBeforeClosing:
    """Mixed into a prompt (a ``QDialog`` with a :class:`FormPage` ``form``): OK runs
    :attr:`act` first and closes only when it went through (see the module).

    :attr:`outcome` is what ``act`` returned; :attr:`failure` a refusal that was not the
    prompt's to show (raise it with :meth:`raise_failure` after ``exec``)."""

    form: FormPage
    act: Callable[[], Any] | None = None
    outcome: Any = None
    failure: BaseException | None = None

    def field_of(self, field: str | None) -> str | None:
        """The prompt's field a refusal naming ``field`` belongs to, or ``None``."""
        return field if field in set(self.form.keys()) else None

    def accept(self) -> None:
        if self.act is None:
            super().accept()  # type: ignore[misc]
            return
        try:
            self.outcome = self.act()
        except DomainError as error:
            if self._show_here(error):
                return
            self.failure = error
        except Exception as error:  # noqa: BLE001 - shown and logged; what was typed stays
            show_error(self if isinstance(self, QWidget) else None, error)
            return
        super().accept()  # type: ignore[misc]

    def _show_here(self, error: DomainError) -> bool:
        errors = error.errors if isinstance(error, ValidationError) and error.errors else [error]
        mine = {self.field_of(e.field): e for e in errors}
        mine.pop(None, None)
        if not mine:
            return False
        self.form.show_domain_error(ValidationError(_renamed(mine)), i18n.translate)
        return True

    def raise_failure(self) -> None:
        if self.failure is not None:
            raise self.failure


def _renamed(errors: dict[str | None, DomainError]) -> list[FieldError]:
    return [FieldError(key or "", e.template, **e.params) for key, e in errors.items()]


class ReasonPrompt(ActsBeforeClosing, QDialog):
    """One line of text, the reason; refusals naming any ``…reason`` field show under it."""

    def __init__(
        self, parent: QWidget | None, title: str, label: str, text: str = "", *, required: bool
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reason_prompt")
        self.setWindowTitle(title)
        self.required = required
        self.form = FormPage(self, submit_on_last_enter=True)
        self.reason = QLineEdit(text)
        self.form.add_field("reason", label, self.reason)
        self.form.save_requested.connect(self.accept)
        self.form.cancel_requested.connect(self.reject)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def field_of(self, field: str | None) -> str | None:
        return "reason" if (field or "").endswith("reason") else None

    def text(self) -> str:
        return self.reason.text().strip()

    def accept(self) -> None:
        """An empty reason, where one is required, is refused here (the domain's rule)."""
        if self.required:
            try:
                v.required_text(self.text(), "reason", REASON_LENGTH)
            except DomainError as error:
                self.form.show_domain_error(error, i18n.translate)
                return
        super().accept()


def ask_reason(
    parent: QWidget | None,
    title: str,
    label: str,
    text: str = "",
    *,
    act: Callable[[str], T] | None = None,
    required: bool = False,
) -> Any:
    """A one-line text (the reason for ending, pinning, reversing …), or ``None``.

    With ``act``, ``act(reason)`` runs while the prompt is open and its result is returned
    (see the module); ``required`` refuses an empty reason in the prompt."""
    dialog = ReasonPrompt(parent, title, label, text, required=required)
    if act is not None:
        dialog.act = lambda: act(dialog.text())
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        dialog.raise_failure()
        return dialog.outcome if act is not None else dialog.text()
    finally:
        dialog.deleteLater()


def ask_choice(
    parent: QWidget | None, title: str, label: str, choices: Sequence[str], current: int = 0
) -> int | None:
    """The index of the chosen entry of ``choices``, or ``None``."""
    value, ok = QInputDialog.getItem(parent, title, label, list(choices), current, False)
    if not ok or value not in choices:
        return None
    return list(choices).index(value)


class AsksBeforeDiscarding:
    """Mixed into a ``QDialog``: Esc, Close and the window's close button ask before work
    typed into it is dropped (:meth:`unsaved` says whether there is any); closing it from
    the program (the main window going) does not ask."""

    _closing = False

    def unsaved(self) -> bool:
        raise NotImplementedError

    def reject(self) -> None:
        if self._closing or not self.unsaved() or ask_discard(self._window()):
            super().reject()  # type: ignore[misc]

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if event.spontaneous() and self.unsaved() and not ask_discard(self._window()):
            event.ignore()
            return
        self._closing = True
        super().closeEvent(event)  # type: ignore[misc]

    def _window(self) -> QWidget | None:
        return self if isinstance(self, QWidget) else None


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


def with_override(
    parent: QWidget | None,
    action: Callable[[str], T],
    may_override: bool,
) -> T | None:
    """Run ``action("")``; when the domain refuses with an :class:`OverridableRefusal` and
    the user may override, say why it was refused, ask for the reason and run
    ``action(reason)``.  ``None`` when the user gives no reason; other refusals propagate."""
    try:
        return action("")
    except OverridableRefusal as refusal:
        if not may_override:
            raise
        reason = ask_reason(
            parent,
            QCoreApplication.translate("Prompts", "Go ahead anyway?"),
            refusal.render(i18n.translate)
            + "\n\n"
            + QCoreApplication.translate("Prompts", "Why? The reason is recorded."),
            required=True,
        )
        if reason is None:
            return None
        return action(reason)
