"""The complaint list: running tickets first, the most overdue first, with their time left
turning amber and red; filters for open / overdue / severity and a search.  Keyset-paged
like every list (``ComplaintService.page``); Enter or a double-click opens the ticket,
Ctrl+N starts a new one."""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import QCheckBox, QComboBox, QPushButton, QWidget

from retailerp.domain.complaints import COMPLAINT_FLOW, SEVERITY_LABELS, SEVERITY_ORDER, TimeStatus
from retailerp.services import Services
from retailerp.services.changes import Change
from retailerp.services.complaints import TicketRow
from retailerp.ui.list_page import ListPage
from retailerp.ui.models import Column
from retailerp.ui.permissions import gate, gated_shortcut
from retailerp.ui.sources import ServiceSource, term
from retailerp.ui.styles import icon
from retailerp.ui.tasks import TaskHandle

AMBER = QColor("#f6c343")
RED = QColor("#e0585b")


def time_left_text(row_left: Any) -> str:
    """``1 h 05 min`` left, ``-0 h 01 min`` overdue, empty once resolved."""
    if row_left.status is TimeStatus.DONE:
        return ""
    minutes = row_left.minutes
    sign = "-" if minutes < 0 else ""
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours} h {rest:02d} min"


def ticket_line(row: TicketRow) -> str:
    """``CP2026-000003 · investigating · -0 h 05 min`` for a customer's card."""
    parts = [
        row.number,
        term(COMPLAINT_FLOW.state_labels[row.state]),
        time_left_text(row.time_left),
    ]
    return " · ".join(p for p in parts if p)


def status_color(status: TimeStatus) -> QColor | None:
    return {TimeStatus.AMBER: AMBER, TimeStatus.RED: RED}.get(status)


class TicketSource(ServiceSource):
    """Tickets through ``services.complaints.page``; the time left is filled amber / red."""

    shows = frozenset({Change.COMPLAINTS, Change.CUSTOMERS})
    KEYS = ("number", "customer", "severity", "state", "time_left", "item", "batch",
            "assignee", "description")  # fmt: skip

    def __init__(self, services: Services) -> None:
        super().__init__(services, services.complaints.page)

    @property
    def columns(self) -> list[Column]:
        return [
            Column("number", QCoreApplication.translate("TicketSource", "Number")),
            Column("customer", QCoreApplication.translate("TicketSource", "Customer")),
            Column("severity", QCoreApplication.translate("TicketSource", "Severity")),
            Column("state", QCoreApplication.translate("TicketSource", "State")),
            Column(
                "time_left",
                QCoreApplication.translate("TicketSource", "Time left"),
                alignment="right",
            ),
            Column("item", QCoreApplication.translate("TicketSource", "Item"), sortable=False),
            Column("batch", QCoreApplication.translate("TicketSource", "Batch")),
            Column("assignee", QCoreApplication.translate("TicketSource", "Assignee")),
            Column(
                "description",
                QCoreApplication.translate("TicketSource", "Complaint"),
                sortable=False,
            ),
        ]

    def cell(self, row: TicketRow, key: str) -> object:
        if key == "customer":
            return f"{row.customer} ({row.customer_class})"
        if key == "severity":
            return term(SEVERITY_LABELS[row.severity])
        if key == "state":
            return term(COMPLAINT_FLOW.state_labels[row.state])
        if key == "time_left":
            return time_left_text(row.time_left)
        if key == "description":
            return row.description.splitlines()[0][:80] if row.description else ""
        return str(getattr(row, key))

    def background(self, row: TicketRow, key: str) -> str | None:
        if key != "time_left":
            return None
        color = status_color(row.time_left.status)
        return color.name() if color else None

    def decorate(self, row: TicketRow, key: str) -> str | None:
        return "gray" if row.time_left.status is TimeStatus.DONE else None


class ComplaintsPage(ListPage):
    """The Complaints module: the list and its filters; tickets open in their own dialog."""

    def __init__(
        self, services: Services, parent: QWidget | None = None, customer_id: int | None = None
    ) -> None:
        super().__init__(services, TicketSource(services), "complaints", sort_key="time_left",
                         filters_first=True, parent=parent)  # fmt: skip
        self.customer_id = customer_id
        self.dialogs: list[QWidget] = []
        self.search.setPlaceholderText(self.tr("Search number, customer or text"))
        self.open_only = QCheckBox(self.tr("&Open only"), self)
        self.open_only.setChecked(True)
        self.overdue = QCheckBox(self.tr("Over&due only"), self)
        self.severity = QComboBox(self)
        self.severity.setObjectName("severity_filter")
        self.severity.addItem(self.tr("Every severity"), "")
        for severity in SEVERITY_ORDER:
            self.severity.addItem(term(SEVERITY_LABELS[severity]), severity.value)
        for box in (self.open_only, self.overdue):
            box.toggled.connect(lambda _on: self.apply_filters())
        self.severity.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.new_button = QPushButton(icon("new"), self.tr("&New complaint…"), self)
        self.new_button.clicked.connect(lambda: self.new_ticket())
        gate(self.new_button, self.services, "ComplaintService.create")
        self.open_button = QPushButton(self.tr("O&pen"), self)
        self.open_button.clicked.connect(lambda: self.open_selected())
        view = self.make_view({"customer": 200, "description": 260})
        self.lay_out([self.open_only, self.overdue, self.severity],
                     [self.new_button, self.open_button], view)  # fmt: skip
        gated_shortcut(
            QKeySequence.StandardKey.New, self, self.services, "ComplaintService.create",
            self.new_ticket,
        )
        self.escalate()
        self.apply_filters()

    # --- data ----------------------------------------------------------------------------

    def filters(self) -> dict[str, object]:
        filters: dict[str, object] = {
            "open_only": self.open_only.isChecked(),
            "overdue": self.overdue.isChecked(),
            "severity": self.severity.currentData() or "",
        }
        if self.customer_id:
            filters["customer_id"] = self.customer_id
        return filters

    def escalate(self) -> None:
        """Overdue tickets go one step up when the list is opened (if the user may).

        Every open ticket's deadlines are read for it: on years of tickets that is long
        work, so it runs in a worker; the list follows the change when it is written."""
        task = TaskHandle(_escalate, (self.services,))
        task.finished.connect(self._escalated)
        self.escalating: TaskHandle | None = task
        task.start()

    def _escalated(self) -> None:
        if shiboken6.isValid(self):
            self.escalating = None

    def selected(self) -> TicketRow | None:
        index = self.view.currentIndex() if self.view is not None else None
        return self.model.row_at(index) if index is not None and index.isValid() else None

    # --- actions -------------------------------------------------------------------------

    def open_row(self, row: TicketRow) -> QWidget:
        from retailerp.ui.complaints.ticket_dialog import TicketDialog

        dialog = TicketDialog(self.services, row.id, None, self)
        self._keep(dialog)
        return dialog

    def new_ticket(self, preset: dict[str, Any] | None = None) -> QWidget:
        from retailerp.ui.complaints.ticket_dialog import TicketDialog

        values = dict(preset or {})
        if self.customer_id and "customer_id" not in values:
            values["customer_id"] = self.customer_id
        dialog = TicketDialog(self.services, None, values, self)
        self._keep(dialog)
        return dialog

    def open_selected(self) -> QWidget | None:
        row = self.selected()
        return None if row is None else self.open_row(row)

    def _keep(self, dialog: QWidget) -> None:
        self.dialogs.append(dialog)
        dialog.destroyed.connect(lambda *_: self.dialogs.remove(dialog))
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        dialog.show()


def _escalate(_progress: object, services: Services) -> list[str]:
    """In the worker; a user who may not handle complaints just reads the list."""
    try:
        return services.complaints.escalate_overdue()
    except Exception:  # noqa: BLE001 - as before: the list is shown whatever this finds
        return []
