"""Today's work: one button per queue of the home service, each opening its filtered list.

While the shop has made no order yet the page shows the start checklist instead (company
details → items or an import → the first goods receipt → the first order).  The page reads
everything through ``services.home.overview()`` (one read, in a worker: on a large shop it
takes 50-120 ms, and it runs at every start and after every change) and never queries.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from retailerp.persistence.home_queries import FirstSteps
from retailerp.services import Services
from retailerp.services.changes import ALL_CHANGES
from retailerp.services.home import HomeOverview, QueueCount
from retailerp.ui.changes import watch
from retailerp.ui.errors import show_error
from retailerp.ui.list_page import refresh_button
from retailerp.ui.main_window import HOME, MainWindow
from retailerp.ui.sources import date_text, money_text, term
from retailerp.ui.styles import icon
from retailerp.ui.tasks import LatestRead

COLUMNS = 4
QUEUE_ICONS = {
    "drafts": "orders",
    "to_pick": "pick",
    "to_ship": "deliveries",
    "to_invoice": "invoice",
    "prepayment": "prepayment",
    "overdue": "overdue",
    "below_minimum": "below_minimum",
    "review_due": "review",
}
STEPS = ("company", "items", "goods_receipt", "order")
STEP_MODULES = {"items": "items", "goods_receipt": "stock", "order": "orders"}

QUEUE_STYLE = """
QToolButton#queue { border: 1px solid #cfd8dc; border-radius: 8px; background: #ffffff;
                    padding: 10px; text-align: left; }
QToolButton#queue:hover { border-color: #2f4f6f; background: #f3f7fa; }
QToolButton#queue:focus { border: 2px solid #2f4f6f; }
QToolButton#queue[waiting="true"] { background: #fff8e1; }
QToolButton#queue[urgent="true"] { background: #ffebee; color: #b00020; }
"""


class HomePage(QWidget):
    """Signals: ``open_requested(module, filters, label)`` when a queue or step is chosen,
    ``settings_requested()`` for the company details step."""

    open_requested = Signal(str, object, str)
    settings_requested = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.overview: HomeOverview | None = None
        self.reads = LatestRead(self, self._counted)
        self.queue_buttons: dict[str, QToolButton] = {}
        self.step_buttons: dict[str, QPushButton] = {}
        self.setStyleSheet(QUEUE_STYLE)
        self.title = QLabel(self)
        self.title.setObjectName("home_title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.refresh_button = refresh_button(self, self.refresh)
        self.watcher = watch(self, services.changes, ALL_CHANGES, self.refresh)
        self.queues = QWidget(self)
        self.queues.setObjectName("home_queues")
        self.grid = QGridLayout(self.queues)
        self.grid.setSpacing(12)
        self.steps = self._build_steps()
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.queues)
        layout.addWidget(self.steps)
        layout.addStretch(1)
        self.queues.hide()  # until the first count says which of the two this shop needs
        self.steps.hide()

    # -- loading ---------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self.overview is None:  # the first show: the window paints, then the counts
            QTimer.singleShot(0, self, self._first_refresh)
        else:
            self.refresh()

    def _first_refresh(self) -> None:
        if self.overview is None and self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Count everything again (one read, in a worker); the queues or the first steps
        follow when it answers, the page keeps what it shows meanwhile."""
        self.watcher.seen()
        self.reads.start(_overview, self.services)

    @property
    def counting(self) -> bool:
        """Whether a count is under way."""
        return self.reads.task is not None

    def _counted(self, overview: HomeOverview | None, error: BaseException | None) -> None:
        if error is not None:  # shown; the page keeps what it showed
            show_error(self, error)
            return
        assert overview is not None
        self.overview = overview
        self.title.setText(
            self.tr("Today's work — {day}").format(day=date_text(self.services.ctx.today()))
        )
        self._show_queues(overview.queues)
        self._show_steps(overview.first_steps)
        self.queues.setVisible(not overview.is_new_shop)
        self.steps.setVisible(overview.is_new_shop)

    # -- queues ----------------------------------------------------------------------------

    def _show_queues(self, queues: list[QueueCount]) -> None:
        for n, queue in enumerate(queues):
            button = self.queue_buttons.get(queue.key)
            if button is None:
                button = self._queue_button(queue)
                self.grid.addWidget(button, n // COLUMNS, n % COLUMNS)
            button.setText(queue_text(queue))
            button.setProperty("waiting", queue.count > 0 and queue.key != "overdue")
            button.setProperty("urgent", queue.count > 0 and queue.key == "overdue")
            button.style().unpolish(button)
            button.style().polish(button)
            button.clicked.disconnect()
            button.clicked.connect(lambda _c=False, q=queue: self.open_queue(q))

    def _queue_button(self, queue: QueueCount) -> QToolButton:
        button = QToolButton(self.queues)
        button.setObjectName("queue")
        button.setAccessibleName(queue.key)
        button.setIcon(icon(QUEUE_ICONS.get(queue.key, "info")))
        button.setIconSize(QSize(28, 28))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        button.setMinimumHeight(72)
        font = button.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        button.setFont(font)
        button.clicked.connect(lambda _c=False, q=queue: self.open_queue(q))
        self.queue_buttons[queue.key] = button
        return button

    def open_queue(self, queue: QueueCount) -> None:
        """Ask for the queue's list, filtered to what waits."""
        self.open_requested.emit(queue.module, dict(queue.filters), term(queue.label))

    # -- first steps -----------------------------------------------------------------------

    def _build_steps(self) -> QFrame:
        frame = QFrame(self)
        frame.setObjectName("first_steps")
        layout = QVBoxLayout(frame)
        intro = QLabel(
            self.tr("Welcome. Four steps and the shop is ready for its first sale:"), frame
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        for step in STEPS:
            button = QPushButton(frame)
            button.setObjectName(f"step_{step}")
            button.setFlat(True)
            button.setStyleSheet("text-align: left; padding: 6px;")
            button.setIconSize(QSize(20, 20))
            button.clicked.connect(lambda _c=False, s=step: self.do_step(s))
            self.step_buttons[step] = button
            layout.addWidget(button)
        return frame

    def _show_steps(self, steps: FirstSteps) -> None:
        for number, step in enumerate(STEPS, 1):
            done = bool(getattr(steps, step))
            button = self.step_buttons[step]
            button.setIcon(icon("done" if done else "todo"))
            button.setText(f"{number}. {step_text(step)}")
            button.setProperty("done", done)

    def do_step(self, step: str) -> None:
        if step == "company":
            self.settings_requested.emit()
        else:
            self.open_requested.emit(STEP_MODULES[step], {}, "")


def queue_text(queue: QueueCount) -> str:
    """``3  Drafts to confirm`` (with the amount for money queues)."""
    text = f"{queue.count}   {term(queue.label)}"
    if queue.amount is not None and queue.count:
        text += f"\n¥ {money_text(queue.amount)}"
    return text


def step_text(step: str) -> str:
    texts = {
        "company": QCoreApplication.translate(
            "HomePage", "Enter the company details (name, address, tax id) in Settings"
        ),
        "items": QCoreApplication.translate("HomePage", "Add your items, or import a list"),
        "goods_receipt": QCoreApplication.translate(
            "HomePage", "Book the first goods receipt (the stock you have)"
        ),
        "order": QCoreApplication.translate("HomePage", "Enter the first sales order"),
    }
    return texts[step]


def register_home_module(window: MainWindow, services: Services) -> None:
    """Add the home page as the first module (the window opens on it; Ctrl+0)."""

    def make() -> HomePage:
        page = HomePage(services)
        page.open_requested.connect(window.open_list)
        page.settings_requested.connect(window.settings_requested.emit)
        return page

    window.add_module(HOME, QCoreApplication.translate("App", "Today"), make, icon("home"))


def _overview(_progress: object, services: Services) -> HomeOverview:
    """In the worker (the services open their own unit of work there)."""
    return services.home.overview()
