"""Turning exceptions into messages a shop owner understands.

A :class:`~retailerp.domain.errors.DomainError` is a refusal the user can act on: its
message is translated and shown as a warning.  Anything else is a bug or a broken
environment (disk full, network share gone): the user sees "Something went wrong" with the
details folded away, and the full traceback goes to the log.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from retailerp import i18n
from retailerp.domain.errors import (
    DomainError,
    FieldError,
    InsufficientStockError,
    NotFoundError,
    PermissionDenied,
    StaleRecordError,
    StateError,
    ValidationError,
)
from retailerp.domain.text import QT_TRANSLATE_NOOP

Translate = Callable[[str, str], str]

log = logging.getLogger(__name__)

CONTEXT = "ErrorDialog"

_TITLES: tuple[tuple[type[DomainError], str], ...] = (
    (StaleRecordError, QT_TRANSLATE_NOOP("ErrorDialog", "Changed by someone else")),
    (PermissionDenied, QT_TRANSLATE_NOOP("ErrorDialog", "Not allowed")),
    (NotFoundError, QT_TRANSLATE_NOOP("ErrorDialog", "Not found")),
    (InsufficientStockError, QT_TRANSLATE_NOOP("ErrorDialog", "Not enough stock")),
    (ValidationError, QT_TRANSLATE_NOOP("ErrorDialog", "Please check the input")),
    (FieldError, QT_TRANSLATE_NOOP("ErrorDialog", "Please check the input")),
    (StateError, QT_TRANSLATE_NOOP("ErrorDialog", "Not possible now")),
)


def message_for(exc: BaseException, translate: Translate | None = None) -> str:
    """The text to show the user for ``exc`` (one line per field for a ValidationError)."""
    translate = translate or i18n.translate
    if isinstance(exc, ValidationError) and exc.errors:
        return "\n".join(error.render(translate) for error in exc.errors)
    if isinstance(exc, DomainError):
        return exc.render(translate)
    return QCoreApplication.translate("ErrorDialog", "Something went wrong.")


def title_for(exc: BaseException) -> str:
    """A short dialog title saying what kind of problem ``exc`` is."""
    if not isinstance(exc, DomainError):
        return QCoreApplication.translate("ErrorDialog", "Error")
    for kind, title in _TITLES:
        if isinstance(exc, kind):
            return QCoreApplication.translate(CONTEXT, title)
    return QCoreApplication.translate("ErrorDialog", "Cannot do that")


def error_box(parent: QWidget | None, exc: BaseException, title: str | None = None) -> QMessageBox:
    """The (not yet shown) message box for ``exc``; logs unexpected errors."""
    box = QMessageBox(parent)
    box.setWindowTitle(title or title_for(exc))
    box.setText(message_for(exc))
    if isinstance(exc, DomainError):
        log.info("Refused: %s", exc)
        box.setIcon(QMessageBox.Icon.Warning)
        return box
    log.error("Unexpected error", exc_info=exc)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setInformativeText(f"{type(exc).__name__}: {exc}")
    box.setDetailedText("".join(traceback.format_exception(exc)))
    return box


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    """Show ``exc`` to the user in a modal message box (``title`` overrides the default)."""
    error_box(parent, exc, title).exec()
