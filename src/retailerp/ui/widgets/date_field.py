"""The one date field: typed (``2026-12-05``, ``1205``, ``+3``; see
:mod:`retailerp.domain.dates`) or picked from a calendar that opens on the date shown, or on
today when there is none.

It is a line edit, so forms treat Enter in it like in any other field.  ``value()`` is the
date, ``None`` when empty; text that is not a date leaves :meth:`DateField.problem` saying
why (the form shows it under the field) and ``value()`` ``None``.  ``valueChanged(value)``
follows a typed date once editing ends (Enter, leaving the field) and a date picked.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QStyle, QWidget

from retailerp import i18n
from retailerp.domain.dates import date_text, parse_date
from retailerp.domain.errors import DomainError

CALENDAR_KEYS = (Qt.Key.Key_F4,)
"""F4, or Alt+↓, opens the calendar (as on a drop-down list)."""


class DateField(QLineEdit):
    """A date typed or picked; see the module."""

    valueChanged = Signal(object)  # noqa: N815 - the name every Qt editor uses

    def __init__(
        self, parent: QWidget | None = None, *, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._value: date | None = None
        self._problem = ""
        self._reported: tuple[date | None, str] = (None, "")
        self.setPlaceholderText(self.tr("e.g. 2026-12-05, 1205 or +3"))
        self.setToolTip(
            self.tr(
                "Type 2026-12-05, 1205 (this year), 5 (this month) or +3 (three days from "
                "today); F4 or Alt+↓ opens the calendar."
            )
        )
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowDown)
        self.calendar_action = QAction(icon, self.tr("Calendar"), self)
        self.calendar_action.triggered.connect(self.open_calendar)
        self.addAction(self.calendar_action, QLineEdit.ActionPosition.TrailingPosition)
        self.calendar = QCalendarWidget(self)
        self.calendar.setObjectName("calendar")
        self.calendar.setWindowFlags(Qt.WindowType.Popup)
        self.calendar.setGridVisible(True)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        for part in [self.calendar, *self.calendar.findChildren(QWidget)]:
            part.installEventFilter(self)
        self.editingFinished.connect(self._typed)

    # -- value ---------------------------------------------------------------------------

    def value(self) -> date | None:
        """The date shown or typed; ``None`` when empty or not a date (see :meth:`problem`)."""
        self._parse()
        return self._value

    def setValue(self, value: date | None) -> None:  # noqa: N802 - the Qt editors' name
        """Show ``value`` (``None`` empties the field)."""
        self.setText(date_text(value))
        self._value, self._problem = value, ""
        self._report()

    def problem(self) -> str:
        """Why the typed text is not a date (translated), or ``""``."""
        self._parse()
        return self._problem

    def _typed(self) -> None:
        self._parse()
        if not self._problem:
            self.setText(date_text(self._value))
        self._report()

    def _report(self) -> None:
        """``valueChanged`` when the date, or whether the text is one, changed."""
        now = (self._value, self._problem)
        if now != self._reported:
            self._reported = now
            self.valueChanged.emit(self._value)

    def _parse(self) -> None:
        try:
            value = parse_date(self.text(), self._today())
        except DomainError as error:
            self._problem = error.render(i18n.translate)
            self._value = None
            return
        self._problem = ""
        self._value = value

    # -- the calendar --------------------------------------------------------------------

    def open_calendar(self) -> QCalendarWidget:
        """Show the calendar under the field, on the date shown or on today."""
        shown = self.value() or self._today()
        self.calendar.setSelectedDate(QDate(shown))
        self.calendar.setCurrentPage(shown.year, shown.month)
        self.calendar.move(self.mapToGlobal(QPoint(0, self.height())))
        self.calendar.show()
        self.calendar.setFocus(Qt.FocusReason.PopupFocusReason)
        return self.calendar

    def _picked(self, picked: QDate) -> None:
        self.calendar.hide()
        self.setValue(picked.toPython())
        self.setFocus(Qt.FocusReason.PopupFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        alt_down = event.key() == Qt.Key.Key_Down and bool(
            event.modifiers() & Qt.KeyboardModifier.AltModifier
        )
        if event.key() in CALENDAR_KEYS or alt_down:
            self.open_calendar()
            event.accept()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Esc on the calendar closes it and leaves the date as it was (it never reaches
        the window's Esc, which would close the window)."""
        on_calendar = isinstance(watched, QWidget) and (
            watched is self.calendar or self.calendar.isAncestorOf(watched)
        )
        if on_calendar and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape:
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()
                return True
            if event.type() == QEvent.Type.KeyPress:
                self.calendar.hide()
                self.setFocus(Qt.FocusReason.PopupFocusReason)
                return True
        return super().eventFilter(watched, event)
