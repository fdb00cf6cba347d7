"""The form shows errors under their fields, validates as the user types, and keeps keys."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from retailerp.domain.errors import FieldError, StaleRecordError, ValidationError
from retailerp.ui.errors import message_for
from retailerp.ui.widgets import FormPage
from ui.conftest import activate


def shout(context: str, text: str) -> str:
    """A stand-in translation that makes translated text recognisable."""
    return f"[{context}] {text}"


@pytest.fixture
def form(qtbot) -> FormPage:
    page = FormPage(validate_ms=20)
    qtbot.addWidget(page)
    page.add_field("name", "&Name", QLineEdit())
    city = QComboBox()
    city.addItem("Beijing", "BJ")
    city.addItem("Shanghai", "SH")
    page.add_field("city", "City", city)
    page.add_field("credit_days", "Credit days", QSpinBox())
    limit = QDoubleSpinBox()
    limit.setMaximum(1_000_000)
    page.add_field("credit_limit", "Credit limit", limit)
    page.add_field("since", "Customer since", QDateEdit())
    page.add_field("blocked", "Blocked", QCheckBox())
    page.add_field("notes", "Notes", QPlainTextEdit())
    return page


def test_values_round_trip(form: FormPage) -> None:
    values = {
        "name": "张三商行",
        "city": "SH",
        "credit_days": 30,
        "credit_limit": Decimal("12345.60"),
        "since": datetime.date(2024, 2, 29),
        "blocked": True,
        "notes": "Pays late.\nCall first.",
    }
    form.set_values(values)

    assert form.values() == values
    assert not form.dirty


def test_line_edits_are_stripped_and_money_stays_decimal(form: FormPage) -> None:
    form.editor("name").setText("  Acme  ")
    form.editor("credit_limit").setValue(0.1 + 0.2)

    assert form.values()["name"] == "Acme"
    assert form.values()["credit_limit"] == Decimal("0.30")


def test_an_error_appears_under_its_field_as_the_rendered_message(form: FormPage) -> None:
    error = FieldError(
        "credit_days", "Credit days must be between {low} and {high}.", low=0, high=90
    )

    form.show_domain_error(error, shout)

    label = form.error_label("credit_days")
    assert label.text() == error.render(shout) == "[errors] Credit days must be between 0 and 90."
    assert not label.isHidden()
    assert form.error_label("name").isHidden()
    assert form.message_label().isHidden()
    assert form.editor("credit_days").accessibleDescription() == label.text()


def test_a_validation_error_puts_each_message_next_to_its_field(form: FormPage) -> None:
    error = ValidationError(
        [
            FieldError("name", "A customer needs a name."),
            FieldError("city", "Choose a city."),
            FieldError("name", "A second complaint about the name."),
        ]
    )

    form.show_domain_error(error)

    assert form.errors() == {
        "name": message_for(error.errors[0]),
        "city": message_for(error.errors[1]),
    }


def test_an_error_naming_no_field_of_the_form_goes_on_top(form: FormPage) -> None:
    form.set_errors({"name": "old message"})
    stale = StaleRecordError(
        what="Customer", key="张三商行", changed_by="li", changed_at="2024-05-01 10:00"
    )

    form.show_domain_error(stale, shout)

    assert form.message_label().text() == stale.render(shout)
    assert not form.message_label().isHidden()
    assert form.errors() == {}


def test_clear_errors_hides_every_message(form: FormPage) -> None:
    form.set_errors({"name": "Needed.", "warehouse": "Unknown warehouse."})

    form.clear_errors()

    assert form.errors() == {}
    assert form.error_label("name").isHidden()
    assert form.message_label().isHidden()


def test_validation_runs_as_the_user_types_on_touched_fields_only(qtbot, form) -> None:
    calls: list[dict] = []

    def validate(values: dict) -> dict[str, str]:
        calls.append(values)
        errors = {"city": "always wrong"}
        if len(values["name"]) < 3:
            errors["name"] = "At least 3 letters."
        return errors

    form.set_validator(validate)
    qtbot.keyClicks(form.editor("name"), "Al")
    qtbot.waitUntil(lambda: form.errors() != {}, timeout=1000)

    assert len(calls) == 1  # two keystrokes, one (debounced) validation
    assert form.errors() == {"name": "At least 3 letters."}  # city not touched yet
    assert form.dirty

    qtbot.keyClicks(form.editor("name"), "i")
    qtbot.waitUntil(lambda: form.errors() == {}, timeout=1000)
    assert not form.validate()  # a full check shows the untouched field's error too
    assert form.errors() == {"city": "always wrong"}


def test_a_validator_may_raise_a_domain_error(qtbot, form) -> None:
    def validate(values: dict) -> dict[str, str]:
        raise ValidationError([FieldError("credit_days", "Too many days.")])

    form.set_validator(validate)

    assert not form.validate()
    assert form.errors() == {"credit_days": "Too many days."}


def test_set_values_is_not_an_edit(qtbot, form: FormPage) -> None:
    with qtbot.assertNotEmitted(form.dirty_changed):
        form.set_values({"name": "Loaded", "blocked": False, "unknown_key": 1})

    form.editor("blocked").setChecked(True)
    assert form.dirty


def test_enter_moves_to_the_next_field_and_never_submits(qtbot, form) -> None:
    activate(qtbot, form)
    form.editor("name").setFocus()
    form.editor("city").setEnabled(False)

    with qtbot.assertNotEmitted(form.save_requested):
        qtbot.keyClick(form.editor("name"), Qt.Key.Key_Return)
    assert form.editor("credit_days").hasFocus()  # the disabled city is skipped

    qtbot.keyClick(form.editor("credit_days"), Qt.Key.Key_Enter)
    assert form.editor("credit_limit").hasFocus()


def test_ctrl_s_saves_and_escape_cancels(qtbot, form) -> None:
    activate(qtbot, form)
    editor = form.editor("name")
    editor.setFocus()

    with qtbot.waitSignal(form.save_requested, timeout=1000):
        qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(form.cancel_requested, timeout=1000):
        qtbot.keyClick(editor, Qt.Key.Key_Escape)


def test_a_date_box_with_no_date_text_gives_none(form: FormPage) -> None:
    since: QDateEdit = form.editor("since")
    since.setSpecialValueText("—")
    since.setMinimumDate(QDate(2000, 1, 1))

    form.set_values({"since": None})

    assert form.values()["since"] is None


def test_a_field_key_can_be_added_once(form: FormPage) -> None:
    with pytest.raises(ValueError):
        form.add_field("name", "Name again", QLineEdit())
    assert form.editor("name").objectName() == "name"
    assert form.editor("name").accessibleName() == "Name"
    assert form.error_label("name").objectName() == "name_error"


def test_enter_on_a_combo_box_moves_on_and_does_not_press_the_dialogs_default_button(
    qtbot,
) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    page = FormPage(dialog, submit_on_last_enter=True)
    page.add_field("amount", "Amount", QLineEdit())
    method = QComboBox()
    method.addItems(["bank", "cash"])
    page.add_field("method", "Method", method)
    unit = QComboBox()
    unit.setEditable(True)
    page.add_field("unit", "Unit", unit)
    page.add_field("reference", "Reference", QLineEdit())
    ok = QPushButton("OK", dialog)
    ok.setDefault(True)
    QVBoxLayout(dialog).addWidget(page)
    activate(qtbot, dialog)
    method.setFocus()

    with qtbot.assertNotEmitted(ok.clicked), qtbot.assertNotEmitted(page.save_requested):
        qtbot.keyClick(method, Qt.Key.Key_Return)
    assert unit.hasFocus()  # the payment was not recorded before its reference was typed
    qtbot.keyClick(unit.lineEdit(), Qt.Key.Key_Return)  # an editable box's own line edit
    assert page.editor("reference").hasFocus()
    with qtbot.waitSignal(page.save_requested, timeout=1000):  # the last field submits
        qtbot.keyClick(page.editor("reference"), Qt.Key.Key_Return)
