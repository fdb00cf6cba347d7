"""Domain refusals become translated warnings; anything else a logged "Something went wrong"."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QMessageBox

from retailerp.domain.errors import (
    FieldError,
    InsufficientStockError,
    StaleRecordError,
    ValidationError,
)
from retailerp.ui import errors
from retailerp.ui.errors import error_box, message_for, show_error, title_for


def bracket(context: str, text: str) -> str:
    return f"<{context}> {text}"


def test_a_domain_error_is_rendered_with_its_parameters_translated() -> None:
    error = InsufficientStockError("Only {available} left of {item}.", available=3, item="螺丝")

    assert message_for(error, bracket) == "<errors> Only 3 left of 螺丝."


def test_a_validation_error_lists_every_field_message() -> None:
    error = ValidationError([FieldError("a", "First."), FieldError("b", "Second {n}.", n=2)])

    assert message_for(error, bracket) == "<errors> First.\n<errors> Second 2."


def test_any_other_error_is_something_went_wrong() -> None:
    assert message_for(KeyError("x"), bracket) == "Something went wrong."


def test_the_box_for_a_refusal_is_a_warning_titled_by_its_kind(qtbot) -> None:
    stale = StaleRecordError(what="Invoice", key="0007", changed_by="wang", changed_at="09:30")

    box = error_box(None, stale)
    qtbot.addWidget(box)

    assert box.icon() == QMessageBox.Icon.Warning
    assert box.windowTitle() == title_for(stale) == "Changed by someone else"
    assert box.text() == message_for(stale)
    assert box.detailedText() == ""


def test_an_unexpected_error_is_logged_with_its_details_folded_away(qtbot, caplog) -> None:
    try:
        raise OSError("disk full")
    except OSError as exc:
        error = exc

    with caplog.at_level(logging.ERROR, logger=errors.__name__):
        box = error_box(None, error)
    qtbot.addWidget(box)

    assert box.icon() == QMessageBox.Icon.Critical
    assert box.text() == "Something went wrong."
    assert box.informativeText() == "OSError: disk full"
    assert 'raise OSError("disk full")' in box.detailedText()
    assert caplog.records[-1].exc_info[1] is error


def test_show_error_opens_the_box_modally(qtbot, monkeypatch) -> None:
    shown: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box) or 0)

    show_error(None, FieldError("qty", "Quantity must be positive."), title="Sale")

    assert [(b.windowTitle(), b.text()) for b in shown] == [
        ("Sale", message_for(FieldError("qty", "Quantity must be positive.")))
    ]
