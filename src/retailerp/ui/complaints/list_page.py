"""The complaint list: open tickets first, the most overdue first, with their time left
turning amber and red; filters for open / overdue / severity and a search.  Enter or a
double-click opens the ticket; Ctrl+N starts a new one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from retailerp.domain.complaints import COMPLAINT_FLOW, SEVERITY_LABELS, SEVERITY_ORDER, TimeStatus
from retailerp.services import Services
from retailerp.services.changes import Change
from retailerp.services.complaints import TicketRow
from retailerp.ui.changes import watch
from retailerp.ui.errors import show_error
from retailerp.ui.list_page import refresh_button
from retailerp.ui.permissions import gate
from retailerp.ui.sources import term

AMBER = QColor("#f6c343")
RED = QColor("#e0585b")
Index = QModelIndex | QPersistentModelIndex


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


class TicketModel(QAbstractTableModel):
    """The tickets of the list (a few hundred at most: the service caps the list)."""

    KEYS = ("number", "customer", "severity", "state", "time_left", "item", "batch",
            "assignee", "description")  # fmt: skip

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[TicketRow] = []

    def headers(self) -> list[str]:
        return [
            self.tr("Number"),
            self.tr("Customer"),
            self.tr("Severity"),
            self.tr("State"),
            self.tr("Time left"),
            self.tr("Item"),
            self.tr("Batch"),
            self.tr("Assignee"),
            self.tr("Complaint"),
        ]

    def set_rows(self, rows: list[TicketRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.KEYS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        key = self.KEYS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, key)
        if role == Qt.ItemDataRole.BackgroundRole and key == "time_left":
            color = status_color(row.time_left.status)
            return QBrush(color) if color else None
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None

    def text(self, row: TicketRow, key: str) -> str:
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


class ComplaintsPage(QWidget):
    """The Complaints module: the list and its filters; tickets open in their own dialog."""

    def __init__(
        self, services: Services, parent: QWidget | None = None, customer_id: int | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.customer_id = customer_id
        self.state = ""
        """A state the home page's queue asked for (resolved: customers to call back)."""
        self.dialogs: list[QWidget] = []
        self.model = TicketModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("complaints_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.search = QLineEdit(self)
        self.search.setObjectName("complaints_search")
        self.search.setPlaceholderText(self.tr("Search number, customer or text"))
        self.search.textChanged.connect(lambda _text: self.refresh())
        self.open_only = QCheckBox(self.tr("&Open only"), self)
        self.open_only.setChecked(True)
        self.overdue = QCheckBox(self.tr("Over&due only"), self)
        self.severity = QComboBox(self)
        self.severity.setObjectName("severity_filter")
        self.severity.addItem(self.tr("Every severity"), "")
        for severity in SEVERITY_ORDER:
            self.severity.addItem(term(SEVERITY_LABELS[severity]), severity.value)
        for box in (self.open_only, self.overdue):
            box.toggled.connect(lambda _on: self.refresh())
        self.severity.currentIndexChanged.connect(lambda _i: self.refresh())
        self.preset = QLabel(self)
        self.new_button = QPushButton(self.tr("&New complaint…"), self)
        self.new_button.clicked.connect(lambda: self.new_ticket())
        gate(self.new_button, self.services, "ComplaintService.create")
        self.open_button = QPushButton(self.tr("O&pen"), self)
        self.open_button.clicked.connect(lambda: self.open_selected())
        self.refresh_button = refresh_button(self, self.refresh)
        self._layout()
        QShortcut(QKeySequence.StandardKey.New, self, activated=self.new_ticket)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, activated=self.open_selected)
        self.watcher = watch(self, services.changes, {Change.COMPLAINTS}, self.refresh)
        self.escalate()
        self.refresh()

    def _layout(self) -> None:
        bar = QHBoxLayout()
        for widget in (self.search, self.open_only, self.overdue, self.severity, self.preset):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.new_button)
        bar.addWidget(self.open_button)
        bar.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

    # --- data ----------------------------------------------------------------------------

    def filters(self) -> dict[str, Any]:
        return {
            "open_only": self.open_only.isChecked(),
            "overdue": self.overdue.isChecked(),
            "severity": self.severity.currentData() or "",
            "text": self.search.text().strip(),
            "customer_id": self.customer_id,
            "state": self.state,
        }

    def refresh(self) -> None:
        try:
            rows = self.services.complaints.tickets(**self.filters())
        except Exception as error:  # noqa: BLE001 - shown to the user
            show_error(self, error)
            return
        self.watcher.seen()
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()

    def escalate(self) -> None:
        """Overdue tickets go one step up when the list is opened (if the user may)."""
        try:
            self.services.complaints.escalate_overdue()
        except Exception:  # noqa: BLE001 - a user who may not handle complaints just reads
            return

    def show_preset(self, filters: dict[str, object], label: str) -> None:
        """Opened from a home-page queue: show just those tickets."""
        self.state = str(filters.get("state") or "")
        self.open_only.setChecked(bool(filters.get("open_only", True)))
        self.overdue.setChecked(bool(filters.get("overdue", False)))
        self.preset.setText(label)
        self.refresh()

    def selected(self) -> TicketRow | None:
        index = self.table.currentIndex()
        return self.model.rows[index.row()] if index.isValid() else None

    # --- actions -------------------------------------------------------------------------

    def new_ticket(self, preset: dict[str, Any] | None = None) -> QWidget:
        from retailerp.ui.complaints.ticket_dialog import TicketDialog

        values = dict(preset or {})
        if self.customer_id and "customer_id" not in values:
            values["customer_id"] = self.customer_id
        dialog = TicketDialog(self.services, None, values, self)
        self._keep(dialog)
        return dialog

    def open_selected(self) -> QWidget | None:
        from retailerp.ui.complaints.ticket_dialog import TicketDialog

        row = self.selected()
        if row is None:
            return None
        dialog = TicketDialog(self.services, row.id, None, self)
        self._keep(dialog)
        return dialog

    def _keep(self, dialog: QWidget) -> None:
        self.dialogs.append(dialog)
        dialog.destroyed.connect(lambda *_: self.dialogs.remove(dialog))
        dialog.show()
