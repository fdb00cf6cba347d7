"""Complaint insight (投诉分析): open tickets by severity and how many are overdue; the
average and worst working time to respond and to resolve per severity against the
deadline; complaints by cause, item, batch, customer and month; customers who complained
more than once; the batches with the shop's limit of complaints.

Keyboard-first: the period box is first in the tab order, each tab has an accelerator, F5
or Refresh reads the figures again.  Every figure comes from ``ComplaintService.insight``,
read in a worker (``ui/tasks.LatestRead``: over years of tickets it is long work); the page
answers meanwhile and its summary says it is loading.  A newer read (another period, a
change) wins over an older one that comes back late.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from retailerp.domain.complaints import CAUSE_LABELS, SEVERITY_LABELS, CauseCategory
from retailerp.services import Services
from retailerp.services.changes import Change
from retailerp.services.complaints import Insight
from retailerp.ui.changes import watch
from retailerp.ui.errors import show_error
from retailerp.ui.list_page import refresh_button
from retailerp.ui.sources import term
from retailerp.ui.tasks import LatestRead, TaskHandle

PERIODS = (30, 90, 365, 730)
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def minutes_text(minutes: int | None) -> str:
    """``2 h 05 min`` of working time; empty when there is nothing to measure."""
    if minutes is None:
        return ""
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest:02d} min"


def cause_text(value: str) -> str:
    try:
        return term(CAUSE_LABELS[CauseCategory(value)])
    except ValueError:
        return value


class ComplaintInsightPage(QWidget):
    """The insight figures of the chosen period, one table per question."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.insight: Insight | None = None
        self.reads = LatestRead(self, self._show)
        self.period = QComboBox(self)
        self.period.setObjectName("insight_period")
        for days in PERIODS:
            self.period.addItem(self.tr("Last {days} days").format(days=days), days)
        self.period.setCurrentIndex(PERIODS.index(365))
        self.period.currentIndexChanged.connect(lambda _i: self.refresh())
        period_label = QLabel(self.tr("&Period"), self)
        period_label.setBuddy(self.period)
        self.summary = QLabel(self)
        self.summary.setObjectName("insight_summary")
        self.refresh_button = refresh_button(self, self.refresh)
        self.tabs = QTabWidget(self)
        self.times = self._table("insight_times", [
            self.tr("Severity"), self.tr("Open"), self.tr("Overdue"), self.tr("Tickets"),
            self.tr("Average response"), self.tr("Worst response"), self.tr("Response deadline"),
            self.tr("Average resolution"), self.tr("Worst resolution"),
            self.tr("Resolution deadline"), self.tr("Met late"),
        ])  # fmt: skip
        self.tabs.addTab(self.times, self.tr("&Times and deadlines"))
        self.counts: dict[str, QTableWidget] = {}
        for key, title, first in (
            ("cause", self.tr("By ca&use"), self.tr("Cause")),
            ("item", self.tr("By &item"), self.tr("Item")),
            ("batch", self.tr("By &batch"), self.tr("Batch")),
            ("customer", self.tr("By cu&stomer"), self.tr("Customer")),
            ("month", self.tr("By &month"), self.tr("Month")),
            ("repeat", self.tr("&Repeat customers"), self.tr("Customer")),
            ("bad", self.tr("Ba&d batches"), self.tr("Item")),
        ):
            second = self.tr("Batch") if key == "bad" else self.tr("Complaints")
            self.counts[key] = self._table(f"insight_{key}", [first, second])
            self.tabs.addTab(self.counts[key], title)
        bar = QHBoxLayout()
        bar.addWidget(period_label)
        bar.addWidget(self.period)
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)
        self.watcher = watch(self, services.changes, {Change.COMPLAINTS}, self.refresh)
        self.refresh()

    def _table(self, name: str, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers), self)
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def refresh(self) -> None:
        """Read the figures of the chosen period again, in a worker."""
        self.summary.setText(self.tr("Loading the figures…"))
        self.watcher.seen()  # a change from now on is read again after this one
        self.reads.start(_insight, self.services, int(self.period.currentData()))

    @property
    def loading(self) -> TaskHandle | None:
        """The read under way, if any."""
        return self.reads.task

    def _show(self, insight: Insight | None, error: BaseException | None) -> None:
        if error is not None or insight is None:
            self.summary.clear()
            show_error(self, error or RuntimeError("no figures"))
            return
        self.insight = insight
        self.summary.setText(self.tr("{count} complaints in the period").format(
            count=insight.tickets))  # fmt: skip
        self._fill(self.times, self._time_rows(insight), numbers_from=1)
        named = {
            "cause": [(cause_text(k), str(n)) for k, n in insight.by_cause],
            "item": [(k, str(n)) for k, n in insight.by_item],
            "batch": [(k, str(n)) for k, n in insight.by_batch],
            "customer": [(k, str(n)) for k, n in insight.by_customer],
            "month": [(k, str(n)) for k, n in insight.by_month],
            "repeat": [(k, str(n)) for k, n in insight.repeat_customers],
            "bad": [(item, batch) for item, batch in insight.bad_batches],
        }
        for key, rows in named.items():
            self._fill(self.counts[key], rows, numbers_from=1 if key != "bad" else 2)

    @staticmethod
    def _time_rows(insight: Insight) -> list[tuple[str, ...]]:
        rows = []
        for times in insight.times:
            open_, late = insight.open_by_severity.get(times.severity, (0, 0))
            rows.append((
                term(SEVERITY_LABELS[times.severity]), str(open_), str(late), str(times.count),
                minutes_text(times.average_response), minutes_text(times.worst_response),
                minutes_text(times.response_target), minutes_text(times.average_resolution),
                minutes_text(times.worst_resolution), minutes_text(times.resolution_target),
                str(times.late),
            ))  # fmt: skip
        return rows

    @staticmethod
    def _fill(table: QTableWidget, rows: Sequence[Sequence[str]], numbers_from: int) -> None:
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for column, text in enumerate(row):
                cell = QTableWidgetItem(text)
                if column >= numbers_from:
                    cell.setTextAlignment(RIGHT)
                table.setItem(r, column, cell)
        table.resizeColumnsToContents()


def _insight(_progress: object, services: Services, days: int) -> Insight:
    """In the worker: the figures (the service opens its own unit of work there)."""
    return services.complaints.insight(days)
