"""A consignment document typed by keyboard or scanner: fill-up, issue, pickup, return or
count.

The lines are scanned like a goods receipt (:class:`StockLinesDialog`); Ctrl+S runs the whole
step: a fill-up is created, planned (first expiry first out) and posted; an issue is created
(batches proposed by the service where none is typed), posted and invoiced; a pickup goes to
the bin of each line; a return (from the end customer) names the issue it takes back, each
scanned item coming back on the issue line of its batch, and is posted with its billing block
on; a count lists every lot expected at the customer, takes the counted
quantities and settles (sold = book − counted, drafted as an issue), a lot counted above book
needing the decision chosen in its row.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from retailerp.domain.consignment import ConsignmentDocument, ConsignmentKind
from retailerp.domain.items import Item
from retailerp.domain.security import Permission
from retailerp.domain.stock import MAIN_WAREHOUSE
from retailerp.services import Services
from retailerp.ui.sources import quantity_text
from retailerp.ui.stock.lines import StockLinesDialog

DECISION_COLUMN = "decision"


class ConsignmentDocumentDialog(StockLinesDialog):
    """One consignment step for one customer; ``document_kind`` is a
    :class:`ConsignmentKind` value."""

    def __init__(
        self,
        services: Services,
        customer_id: int,
        document_kind: str = ConsignmentKind.FILL_UP.value,
        parent: QWidget | None = None,
        issue_id: int = 0,
    ) -> None:
        self.kind = ConsignmentKind(document_kind)
        self.issue_id = issue_id
        self.returnable = (
            services.consignment.returnable(issue_id)
            if self.kind == ConsignmentKind.RETURN and issue_id
            else []
        )
        self.COLUMNS = self._columns()
        self.QUANTITY = "quantity"
        self.READ_ONLY = frozenset({"item", "book"})
        super().__init__(services, parent)
        self.customer_id = customer_id
        self.setObjectName(f"consignment_{self.kind.value}_dialog")
        self.setWindowTitle(self._title())
        warehouse = self.location.findText(MAIN_WAREHOUSE, flags=Qt.MatchFlag.MatchStartsWith)
        if warehouse >= 0:
            self.location.setCurrentIndex(warehouse)
        self.location.setEnabled(self.kind == ConsignmentKind.PICKUP)
        if self.kind == ConsignmentKind.RETURN:
            self.fields.addRow(QCoreApplication.translate("ConsignmentDocument", "Can come back"),
                               self._returnable_label())  # fmt: skip
        self.build_layout()
        if self.kind == ConsignmentKind.COUNT:
            self._expected()
        self.resize(760, 480)

    def _columns(self) -> tuple[str, ...]:
        if self.kind == ConsignmentKind.PICKUP:
            return ("item", "location", "quantity", "batch")
        if self.kind == ConsignmentKind.COUNT:
            return ("item", "batch", "book", "quantity", DECISION_COLUMN)
        if self.kind in (ConsignmentKind.ISSUE, ConsignmentKind.RETURN):
            return ("item", "quantity", "batch")
        return ("item", "quantity")

    def _returnable_label(self) -> QLabel:
        """What of the issue can still come back, line by line."""
        items = {ln.item_id: self.services.items.get(ln.item_id) for ln, _ in self.returnable}
        label = QLabel(" · ".join(
            f"{items[ln.item_id].sku} {ln.key} {quantity_text(left)}".replace("  ", " ")
            for ln, left in self.returnable
        ))  # fmt: skip
        label.setObjectName("returnable")
        label.setWordWrap(True)
        return label

    def _source(self, item_id: int | None, batch: str) -> int:
        """The issue line a returned item comes back on: its batch's, else the first with
        something left to come back."""
        lines = [(ln, left) for ln, left in self.returnable if ln.item_id == item_id]
        named = [ln for ln, _ in lines if batch and ln.key == batch]
        open_ = [ln for ln, left in lines if left > 0]
        chosen = (named or open_ or [ln for ln, _ in lines] or [None])[0]
        return (chosen.id or 0) if chosen is not None else 0

    def _title(self) -> str:
        return {
            ConsignmentKind.FILL_UP: QCoreApplication.translate(
                "ConsignmentDocument", "Consignment fill-up"
            ),
            ConsignmentKind.ISSUE: QCoreApplication.translate(
                "ConsignmentDocument", "Consignment issue"
            ),
            ConsignmentKind.PICKUP: QCoreApplication.translate(
                "ConsignmentDocument", "Consignment pickup"
            ),
            ConsignmentKind.COUNT: QCoreApplication.translate(
                "ConsignmentDocument", "Consignment count"
            ),
            ConsignmentKind.RETURN: QCoreApplication.translate(
                "ConsignmentDocument", "Consignment return"
            ),
        }.get(self.kind, QCoreApplication.translate("ConsignmentDocument", "Consignment"))

    def header(self, key: str) -> str:
        return {
            "item": QCoreApplication.translate("ConsignmentDocument", "Item"),
            "location": QCoreApplication.translate("ConsignmentDocument", "Bin"),
            "quantity": QCoreApplication.translate("ConsignmentDocument", "Counted")
            if self.kind == ConsignmentKind.COUNT
            else QCoreApplication.translate("ConsignmentDocument", "Quantity"),
            "batch": QCoreApplication.translate("ConsignmentDocument", "Batch"),
            "book": QCoreApplication.translate("ConsignmentDocument", "On the books"),
            DECISION_COLUMN: QCoreApplication.translate("ConsignmentDocument", "Above book"),
        }[key]

    def _expected(self) -> None:
        """A count starts with every lot on the books, counted 0 until typed."""
        items = {}
        for lot in self.services.consignment.lots(self.customer_id):
            item = items.get(lot.item_id) or self.services.items.get(lot.item_id)
            items[lot.item_id] = item
            row = self.append_line(item)
            self.set_cell(row, "batch", lot.key)
            self.set_cell(row, "book", quantity_text(lot.quantity))
            self.set_cell(row, "quantity", "0")

    def new_line_values(self, item: Item) -> dict[str, str]:
        if self.kind == ConsignmentKind.RETURN:
            source = self._source(item.id, "")
            batch = next((ln.key for ln, _ in self.returnable if ln.id == source), "")
            return {self.QUANTITY: "1", "batch": batch}
        return {self.QUANTITY: "1"}

    def append_line(self, item: Item) -> int:
        row = super().append_line(item)
        if DECISION_COLUMN in self.COLUMNS:
            combo = QComboBox()
            combo.setObjectName(f"line_decision_{row + 1}")
            combo.addItem("", "")
            combo.addItem(
                QCoreApplication.translate("ConsignmentDocument", "Keep the books"), "keep_book"
            )
            combo.addItem(
                QCoreApplication.translate("ConsignmentDocument", "Book the surplus"),
                "book_surplus",
            )
            self.table.setCellWidget(row, self.COLUMNS.index(DECISION_COLUMN), combo)
        return row

    def line_values(self, row: int) -> dict[str, Any]:
        values: dict[str, Any] = {"item_id": self.item_id(row),
                                  "quantity": self.cell_text(row, "quantity")}  # fmt: skip
        if self.kind == ConsignmentKind.RETURN:
            source = self._source(self.item_id(row), self.cell_text(row, "batch"))
            return {"source_line_id": source, "quantity": values["quantity"]}
        if "batch" in self.COLUMNS:
            values["batch"] = self.cell_text(row, "batch")
        if "location" in self.COLUMNS:
            values["location_id"] = self.line_location_id(row)
        return values

    def decisions(self) -> dict[int, str]:
        """Line number → the decision chosen for a lot counted above book."""
        column = self.COLUMNS.index(DECISION_COLUMN)
        result = {}
        for row in range(self.table.rowCount()):
            combo = self.table.cellWidget(row, column)
            if isinstance(combo, QComboBox) and combo.currentData():
                result[row + 1] = str(combo.currentData())
        return result

    def submit(self, location_id: int, lines: list[dict[str, Any]]) -> Any:
        del location_id
        c = self.services.consignment
        if self.kind == ConsignmentKind.FILL_UP:
            draft = c.create_fill_up(self.customer_id, lines)
            planned = c.plan_fill_up(draft.id or 0, draft.version)
            return c.post_fill_up(planned.id or 0, planned.version)
        if self.kind == ConsignmentKind.ISSUE:
            issue = c.create_issue(self.customer_id, lines)
            issue = c.post_issue(issue.id or 0, issue.version)
            if self.services.ctx.actor.may(Permission.INVOICE):
                c.invoice_issue(issue.id or 0, issue.version)
                return c.get(issue.id or 0)
            return issue
        if self.kind == ConsignmentKind.PICKUP:
            pickup = c.create_pickup(self.customer_id, lines)
            return c.post_pickup(pickup.id or 0, pickup.version)
        if self.kind == ConsignmentKind.RETURN:
            back = c.create_return(self.issue_id, lines)
            return c.post_return(back.id or 0, back.version)
        count = c.create_count(self.customer_id, lines)
        try:
            settled, _issue = c.settle_count(count.id or 0, count.version, self.decisions())
        except Exception:
            c.cancel(
                count.id or 0,
                count.version,
                QCoreApplication.translate("ConsignmentDocument", "counted again"),
            )
            raise
        return settled

    def after_post(self, document: ConsignmentDocument) -> None:
        self.result.setText(
            QCoreApplication.translate(
                "ConsignmentDocument", "{number} posted ({n} lines)."
            ).format(number=document.number, n=len(document.lines))
        )
        self.clear_lines()
        self.set_posting_enabled(False)
