"""The complaints page of the settings dialog: from which amount at stake or reach each
severity starts, the report / response / resolution deadlines per severity in working
minutes, the A-class shortening, when time left turns amber, how many complaints make a
bad batch, and the shop's opening hours the deadlines count in.

Everything is typed text; saving goes through ``ComplaintService.save_settings``, which
checks every field at once; a refusal marks the fields it names and says why under them.
Nothing is saved when nothing changed.
"""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from retailerp.domain.complaints import (
    DEADLINE_LABELS,
    SEVERITY_LABELS,
    SEVERITY_ORDER,
    Deadline,
)
from retailerp.domain.errors import DomainError, ValidationError
from retailerp.services import Services
from retailerp.services.complaints import ComplaintSettings
from retailerp.ui.errors import message_for, show_error
from retailerp.ui.sources import term
from retailerp.ui.styles import ERROR_STYLE

MARKED = "border: 1px solid #b00020;"


class ComplaintSettingsPage(QWidget):
    """The complaint settings; :meth:`save` stores them (``None`` when refused)."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName("complaint_settings_page")
        self.editors: dict[str, QLineEdit] = {}
        self.loaded: dict[str, str] = {}
        self.errors = QLabel(self)
        self.errors.setObjectName("complaint_settings_errors")
        self.errors.setWordWrap(True)
        self.errors.setStyleSheet(ERROR_STYLE)
        layout = QVBoxLayout(self)
        layout.addWidget(self._thresholds())
        layout.addWidget(self._deadlines())
        layout.addWidget(self._hours())
        layout.addWidget(self.errors)
        layout.addStretch(1)
        self.load()

    def _editor(self, key: str, parent: QWidget) -> QLineEdit:
        editor = QLineEdit(parent)
        editor.setObjectName(key.replace(".", "_"))
        editor.setMaximumWidth(110)
        self.editors[key] = editor
        return editor

    def _thresholds(self) -> QGroupBox:
        box = QGroupBox(self.tr("Severity suggested from (the highest met wins)"), self)
        grid = QGridLayout(box)
        grid.addWidget(QLabel(self.tr("Amount at stake from"), box), 0, 1)
        grid.addWidget(QLabel(self.tr("or customers reached from"), box), 0, 2)
        for row, severity in enumerate(SEVERITY_ORDER[1:], 1):
            grid.addWidget(QLabel(term(SEVERITY_LABELS[severity]), box), row, 0)
            grid.addWidget(self._editor(f"amount.{severity.value}", box), row, 1)
            grid.addWidget(self._editor(f"reach.{severity.value}", box), row, 2)
        limit = QLabel(self.tr("&Bad batch: complaints on one batch"), box)
        limit.setBuddy(self._editor("bad_batch_limit", box))
        grid.addWidget(limit, 0, 4)
        grid.addWidget(self.editors["bad_batch_limit"], 0, 5)
        grid.setColumnStretch(3, 1)
        return box

    def _deadlines(self) -> QGroupBox:
        box = QGroupBox(self.tr("Deadlines in working minutes from receipt"), self)
        grid = QGridLayout(box)
        for column, which in enumerate(Deadline, 1):
            grid.addWidget(QLabel(term(DEADLINE_LABELS[which]), box), 0, column)
        for row, severity in enumerate(SEVERITY_ORDER, 1):
            grid.addWidget(QLabel(term(SEVERITY_LABELS[severity]), box), row, 0)
            for column, which in enumerate(Deadline, 1):
                editor = self._editor(f"{which.value}.{severity.value}", box)
                grid.addWidget(editor, row, column)
        share = QLabel(self.tr("&A-class customers get (% of each deadline)"), box)
        share.setBuddy(self._editor("a_class_share", box))
        amber = QLabel(self.tr("Time left turns amber in the last (%)"), box)
        amber.setBuddy(self._editor("amber_share", box))
        grid.addWidget(share, 1, 5)
        grid.addWidget(self.editors["a_class_share"], 1, 6)
        grid.addWidget(amber, 2, 5)
        grid.addWidget(self.editors["amber_share"], 2, 6)
        grid.setColumnStretch(4, 1)
        return box

    def _hours(self) -> QGroupBox:
        box = QGroupBox(
            self.tr("Opening hours the deadlines count in (08:30-18:00; empty: closed; "
                    "all empty: every minute counts)"),
            self,
        )  # fmt: skip
        grid = QGridLayout(box)
        days = [self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"),
                self.tr("Fri"), self.tr("Sat"), self.tr("Sun")]  # fmt: skip
        for day, name in enumerate(days):
            grid.addWidget(QLabel(name, box), 0, day)
            grid.addWidget(self._editor(f"hours.{day}", box), 1, day)
        return box

    # --- data ----------------------------------------------------------------------------

    def values(self) -> dict[str, str]:
        return {key: editor.text().strip() for key, editor in self.editors.items()}

    def load(self) -> None:
        try:
            shown = self.services.complaints.settings_text()
        except DomainError as error:
            show_error(self, error)
            return
        for key, editor in self.editors.items():
            editor.setText(shown.get(key, ""))
        self.loaded = self.values()
        self.clear_errors()

    def clear_errors(self) -> None:
        self.errors.clear()
        for editor in self.editors.values():
            editor.setStyleSheet("")

    def save(self) -> ComplaintSettings | bool | None:
        """Save through the complaint service; ``True`` when nothing changed, ``None``
        when refused (the fields named are marked, the reasons shown)."""
        self.clear_errors()
        if self.values() == self.loaded:
            return True
        try:
            saved = self.services.complaints.save_settings(self.values())
        except DomainError as error:
            errors = error.errors if isinstance(error, ValidationError) else [error]
            for one in errors:
                editor = self.editors.get(one.field or "")
                if editor is not None:
                    editor.setStyleSheet(MARKED)
            self.errors.setText(message_for(error))
            return None
        except Exception as error:  # noqa: BLE001 - shown and logged; the page stays
            show_error(self, error)
            return None
        self.loaded = self.values()
        return saved
