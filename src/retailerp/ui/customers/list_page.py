"""The customer list: search as you type, filters, the review reminder, and the cards.

The reminder's count (customers due for their review) is a count over every customer: it is
read in a worker (``ui/tasks.LatestRead``) and shown when it comes, so the list is up at
once however many customers the shop has.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QPushButton, QWidget

from retailerp.domain.customers import AbcClass
from retailerp.services import Services
from retailerp.ui.customers.dialog import CustomerDialog
from retailerp.ui.list_page import CardWindows, ListPage
from retailerp.ui.list_view import new_shortcut
from retailerp.ui.permissions import gate
from retailerp.ui.sources import CustomerSource
from retailerp.ui.styles import icon
from retailerp.ui.tasks import LatestRead, TaskHandle, run_task

DUE = "due"


class CustomerListPage(ListPage):
    """Customers, searched and filtered in the database, loaded page by page."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(
            services, CustomerSource(services), "customer", sort_key="name", parent=parent
        )
        self.cards: CardWindows[CustomerDialog] = CardWindows(
            lambda customer_id: CustomerDialog(self.services, customer_id, self),
            lambda dialog: dialog.saved,
            self.refresh,
        )
        self.dialogs = self.cards.dialogs
        self.status_filter = self._combo(
            [
                (self.tr("All customers"), ""),
                (self.tr("Active"), "active"),
                (self.tr("Ended"), "ended"),
                (self.tr("Due for review"), DUE),
            ]
        )
        self.class_filter = self._combo(
            [(self.tr("All classes"), "")] + [(c.value, c.value) for c in AbcClass]
        )
        self.counts = LatestRead(self, self._show_due_count)
        self.due_button = QPushButton(self)
        self.due_button.setFlat(True)
        self.due_button.clicked.connect(self.show_due)
        self.new_button = QPushButton(icon("new"), self.tr("&New customer"), self)
        self.new_button.setToolTip(self.tr("New customer (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_customer)
        self.classify_button = QPushButton(icon("classes"), self.tr("Recompute &classes"), self)
        self.classify_button.clicked.connect(self.recompute_classes)
        gate(self.new_button, self.services, "CustomerService.create")
        gate(self.classify_button, self.services, "CustomerService.recompute_classes")
        self.view = self.make_view({"name": 260, "contact": 120})
        self.lay_out(
            [self.status_filter, self.class_filter, self.due_button],
            [self.classify_button, self.new_button],
            self.view,
        )
        new_shortcut(self, self.new_customer, self.services, "CustomerService.create")
        self.update_due_count()

    def _combo(self, entries: list[tuple[str, Any]]) -> QComboBox:
        combo = QComboBox(self)
        for text, data in entries:
            combo.addItem(text, data)
        combo.currentIndexChanged.connect(self.apply_filters)
        return combo

    # -- filters -------------------------------------------------------------------------

    def filters(self) -> dict[str, object]:
        """What the combos ask for, as the read side's filters."""
        filters: dict[str, object] = {}
        status = self.status_filter.currentData()
        if status == DUE:
            filters["due_for_review"] = True
        elif status:
            filters["status"] = status
        if self.class_filter.currentData():
            filters["abc_class"] = self.class_filter.currentData()
        return filters

    def show_due(self) -> None:
        """Show the customers due for their review."""
        self.status_filter.setCurrentIndex(self.status_filter.findData(DUE))

    def update_due_count(self) -> None:
        """Count the customers due for review again, in a worker."""
        if not self.due_button.text():
            self.due_button.setText(self.tr("Due for review: …"))
            self.due_button.setEnabled(False)
        self.counts.start(_due_count, self.services)

    @property
    def counting(self) -> TaskHandle | None:
        """The count under way, if any."""
        return self.counts.task

    def _show_due_count(self, count: int | None, error: BaseException | None) -> None:
        if error is not None or count is None:  # the list shows a failing database itself
            return
        self.due_button.setText(self.tr("Due for review: {n}").format(n=count))
        self.due_button.setEnabled(count > 0)

    def refresh(self) -> None:
        """Load the list again (keeping how far it was scrolled) and the review count."""
        super().refresh()
        self.update_due_count()

    # -- cards ---------------------------------------------------------------------------

    def new_customer(self) -> CustomerDialog:
        return self.cards.show(None)

    def open_customer(self, customer_id: int) -> CustomerDialog:
        return self.cards.show(customer_id)

    def open_row(self, row: Any) -> CustomerDialog:
        return self.open_customer(row.id)

    def recompute_classes(self) -> None:
        """Classify every customer from the last 12 months' revenue, in the background."""
        run_task(
            self,
            self.tr("Recomputing customer classes…"),
            lambda _progress: self.services.customers.recompute_classes(),
            on_done=lambda _result: self.refresh(),
            cancellable=False,
        )


def _due_count(_progress: object, services: Services) -> int:
    """In the worker: how many customers are due for review."""
    return services.customers.due_for_review_count()
