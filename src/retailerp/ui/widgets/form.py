"""A small form framework: labelled fields, errors under them, keyboard habits.

A screen builds a :class:`FormPage`, adds its editors with :meth:`FormPage.add_field`,
loads a record with :meth:`FormPage.set_values`, and on ``save_requested`` passes
:meth:`FormPage.values` to a service.  When the service refuses with a
:class:`~retailerp.domain.errors.FieldError` or
:class:`~retailerp.domain.errors.ValidationError`, :meth:`FormPage.show_domain_error` puts
each message under its field.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from retailerp.domain.errors import DomainError, ValidationError
from retailerp.ui.errors import Translate, message_for
from retailerp.ui.styles import ERROR_STYLE
from retailerp.ui.widgets.date_field import DateField

VALIDATE_MS = 250

Message = str | DomainError
Validator = Callable[[dict[str, Any]], Mapping[str, Message]]


@dataclass
class _Field:
    key: str
    label: QLabel
    editor: QWidget
    error: QLabel


def read_value(widget: QWidget) -> Any:
    """The value of an editor as plain Python (see :meth:`FormPage.values`)."""
    match widget:
        case DateField():
            return widget.value()
        case QLineEdit():
            return widget.text().strip()
        case QComboBox():
            return widget.currentData()
        case QDateEdit():
            return _read_date(widget)
        case QDoubleSpinBox():
            return Decimal(f"{widget.value():.{widget.decimals()}f}")
        case QSpinBox():
            return widget.value()
        case QCheckBox():
            return widget.isChecked()
        case QPlainTextEdit():
            return widget.toPlainText()
    return widget.value()  # type: ignore[attr-defined]  # a custom editor with value()


def write_value(widget: QWidget, value: Any) -> None:
    """Put ``value`` into an editor (``None`` empties it)."""
    match widget:
        case DateField():
            widget.setValue(value)
        case QLineEdit():
            widget.setText("" if value is None else str(value))
        case QComboBox():
            widget.setCurrentIndex(widget.findData(value))
        case QDateEdit():
            widget.setDate(QDate(value) if value is not None else widget.minimumDate())
        case QDoubleSpinBox():
            widget.setValue(float(value or 0))
        case QSpinBox():
            widget.setValue(int(value or 0))
        case QCheckBox():
            widget.setChecked(bool(value))
        case QPlainTextEdit():
            widget.setPlainText("" if value is None else str(value))
        case _:
            widget.setValue(value)  # type: ignore[attr-defined]


def change_signal(widget: QWidget) -> SignalInstance:
    """The signal an editor emits when its value changes."""
    match widget:
        case DateField():
            return widget.valueChanged
        case QLineEdit() | QPlainTextEdit():
            return widget.textChanged
        case QComboBox():
            return widget.currentIndexChanged
        case QDateEdit():
            return widget.dateChanged
        case QCheckBox():
            return widget.toggled
    return widget.valueChanged  # type: ignore[attr-defined]  # spin boxes, custom editors


def _read_date(widget: QDateEdit) -> datetime.date | None:
    """The date, or ``None`` when the box shows its "no date" text at the minimum date."""
    if widget.specialValueText() and widget.date() == widget.minimumDate():
        return None
    return widget.date().toPython()


def _error_label(object_name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(object_name)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.setHidden(True)
    return label


class FormPage(QWidget):
    """Labelled editors with an error line under each and a form-level message on top.

    Enter in a single-line editor moves to the next field (it never submits);
    Ctrl+S emits ``save_requested`` and Escape ``cancel_requested`` while focus is inside
    the form.  Every user edit sets :attr:`dirty` and, after a pause, runs the validator
    for the fields the user has touched.
    """

    save_requested = Signal()
    cancel_requested = Signal()
    dirty_changed = Signal(bool)
    edited = Signal(str)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        validate_ms: int = VALIDATE_MS,
        submit_on_last_enter: bool = False,
    ) -> None:
        """``submit_on_last_enter``: Enter in the last field emits ``save_requested`` (a
        prompt's OK) instead of doing nothing."""
        super().__init__(parent)
        self._submit_on_last_enter = submit_on_last_enter
        self._fields: dict[str, _Field] = {}
        self._validator: Validator | None = None
        self._touched: set[str] = set()
        self._loading = False
        self._dirty = False
        self._message = _error_label("form_message")
        self._form = QFormLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self._message)
        layout.addLayout(self._form)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(validate_ms)
        self._timer.timeout.connect(self._validate_touched)
        self._add_shortcut(QKeySequence(QKeySequence.StandardKey.Save), self.save_requested)
        self._add_shortcut(QKeySequence(Qt.Key.Key_Escape), self.cancel_requested)

    # -- building ------------------------------------------------------------------------

    def add_field(self, key: str, label: str, widget: QWidget) -> QWidget:
        """Add an editor under ``key`` with a translated ``label``; returns the editor."""
        if key in self._fields:
            raise ValueError(f"field {key!r} is already on the form")
        caption = QLabel(label)
        caption.setBuddy(widget)
        if not widget.objectName():
            widget.setObjectName(key)
        if not widget.accessibleName():
            widget.setAccessibleName(caption.text().replace("&", ""))
        error = _error_label(f"{key}_error")
        self._form.addRow(caption, widget)
        self._form.addRow("", error)
        self._fields[key] = _Field(key, caption, widget, error)
        change_signal(widget).connect(lambda *_: self._on_edited(key))
        if isinstance(widget, QLineEdit | QAbstractSpinBox | QComboBox):
            widget.installEventFilter(self)  # Enter moves on (a dialog would submit)
        if isinstance(widget, QComboBox) and widget.lineEdit() is not None:
            widget.lineEdit().installEventFilter(self)
        return widget

    def keys(self) -> list[str]:
        return list(self._fields)

    def editor(self, key: str) -> QWidget:
        return self._fields[key].editor

    def error_label(self, key: str) -> QLabel:
        return self._fields[key].error

    def message_label(self) -> QLabel:
        """The form-level message on top (errors that name no field on this form)."""
        return self._message

    # -- values --------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """Every field's value: line edits stripped, combo ``currentData``, dates as
        ``datetime.date``, double spin boxes as ``Decimal`` at their number of decimals."""
        return {key: read_value(f.editor) for key, f in self._fields.items()}

    def set_values(self, values: Mapping[str, Any]) -> None:
        """Load values (keys not on the form are ignored); clears errors and ``dirty``."""
        self._loading = True
        try:
            for key, value in values.items():
                if key in self._fields:
                    write_value(self._fields[key].editor, value)
        finally:
            self._loading = False
        self._touched.clear()
        self._timer.stop()
        self.clear_errors()
        self.set_dirty(False)

    @property
    def dirty(self) -> bool:
        return self._dirty

    def set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    # -- errors --------------------------------------------------------------------------

    def set_errors(self, errors: Mapping[str, Message], translate: Translate | None = None) -> None:
        """Show exactly these errors; messages for fields not on the form go on top."""
        texts = {key: self._text(m, translate) for key, m in errors.items()}
        for key, field in self._fields.items():
            self._show(field, texts.get(key, ""))
        others = [text for key, text in texts.items() if key not in self._fields]
        self._set_message("\n".join(others))

    def clear_errors(self) -> None:
        self.set_errors({})

    def errors(self) -> dict[str, str]:
        """The error texts shown under fields, by field key."""
        return {k: f.error.text() for k, f in self._fields.items() if f.error.text()}

    def show_domain_error(self, error: DomainError, translate: Translate | None = None) -> None:
        """Put a service's refusal next to the fields it names and focus the first one."""
        self.set_errors(_messages_of(error), translate)
        first = next((f for f in self._fields.values() if f.error.text()), None)
        if first is not None:
            first.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- validation ----------------------------------------------------------------------

    def set_validator(self, validator: Validator | None) -> None:
        """``validator(values)`` returns ``{field: message}``; it may also raise a
        ``FieldError`` / ``ValidationError``.  It runs ~250 ms after each edit."""
        self._validator = validator

    def validate(self) -> bool:
        """Run the validator on every field now and show all its errors."""
        found = self._run_validator()
        self.set_errors(found)
        return not found

    def _run_validator(self) -> dict[str, Message]:
        """The editors' own problems (text that is no date…), then the validator's."""
        found: dict[str, Message] = {}
        if self._validator is not None:
            try:
                found = dict(self._validator(self.values()))
            except DomainError as error:
                found = _messages_of(error)
        for key, field in self._fields.items():
            problem = editor_problem(field.editor)
            if problem:
                found[key] = problem
        return found

    def _validate_touched(self) -> None:
        found = self._run_validator()
        for key in self._touched:
            self._show(self._fields[key], self._text(found.get(key, ""), None))

    def _recheck(self, key: str) -> None:
        """At once after an edit: the editor's own problem shows, and a message under the
        field goes the moment the value is right (the validator says so; without one, the
        value it was about is gone)."""
        field = self._fields[key]
        problem = editor_problem(field.editor)
        if problem:
            self._show(field, problem)
        elif field.error.text():
            if self._validator is None:
                self._show(field, "")
            else:
                self._show(field, self._text(self._run_validator().get(key, ""), None))

    # -- internals -----------------------------------------------------------------------

    def _on_edited(self, key: str) -> None:
        if self._loading:
            return
        self._touched.add(key)
        self.set_dirty(True)
        self._recheck(key)
        self.edited.emit(key)
        if self._validator is not None:
            self._timer.start()

    def _show(self, field: _Field, text: str) -> None:
        field.error.setText(text)
        field.error.setHidden(not text)
        field.editor.setAccessibleDescription(text)
        field.editor.setProperty("invalid", bool(text))

    def _set_message(self, text: str) -> None:
        self._message.setText(text)
        self._message.setHidden(not text)

    @staticmethod
    def _text(message: Message, translate: Translate | None) -> str:
        return message if isinstance(message, str) else message_for(message, translate)

    def _add_shortcut(self, keys: QKeySequence, signal: SignalInstance) -> None:
        shortcut = QShortcut(keys, self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(signal.emit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and isinstance(watched, QWidget)
        ):
            if not self.focus_next_field(watched) and self._submit_on_last_enter:
                self.save_requested.emit()
            return True
        return super().eventFilter(watched, event)

    def focus_next_field(self, current: QWidget) -> bool:
        """Move focus to the next enabled, visible, editable field after ``current``;
        ``False`` when there is none."""
        editors = [f.editor for f in self._fields.values()]
        while current not in editors:  # an editable combo box's own line edit, a spin box's
            parent = current.parentWidget()
            if parent is None or parent is self:
                return False
            current = parent
        for editor in editors[editors.index(current) + 1 :]:
            if _can_take_focus(editor):
                editor.setFocus(Qt.FocusReason.TabFocusReason)
                if isinstance(editor, QLineEdit):
                    editor.selectAll()
                return True
        return False


def editor_problem(editor: QWidget) -> str:
    """What an editor says is wrong with its text (a date field's), or ``""``."""
    problem = getattr(editor, "problem", None)
    return problem() if callable(problem) else ""


def _can_take_focus(editor: QWidget) -> bool:
    read_only = getattr(editor, "isReadOnly", None)
    return (
        editor.isEnabled()
        and not editor.isHidden()
        and bool(editor.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and not (read_only and read_only())
    )


def _messages_of(error: DomainError) -> dict[str, Message]:
    """The first error of each field (``""`` for errors that name no field)."""
    if isinstance(error, ValidationError) and error.errors:
        return dict(error.by_field())
    return {error.field or "": error}
