"""The Consignment area: customers with our goods on their shelves, drill-down to items,
batches and layers, the customer's documents, and the actions on them.

Keyboard: the customer list has the focus; Enter drills down to the customer's stock (item
and batch), Enter there to every first-in-first-out layer of the lot (the document that
brought it, date, quantity left, age, cost); Tab reaches the documents.  Alt+U fill-up,
Alt+I issue, Alt+K pickup, Alt+N a return of the selected issue, Alt+C count, Alt+R reverse
the selected document, Alt+L release the billing block of the selected return (its red
invoice is drafted), Alt+P print it, Alt+T the statement of this month, Alt+X export that
statement (Excel or CSV), Alt+S the count sheet; F5 reloads.  The customer field (Alt+O)
finds any customer by typing part of its code, name or pinyin (one without consignment stock
yet too).  Values are shown at price and at cost; "unknown" where the goods' cost is not known.

The overview sums every consignment customer's stock: on a shop with years of documents that
is long work, so it is read in a worker (``ui/tasks.LatestRead``) and filled in when it comes;
the page answers meanwhile and says it is loading.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from retailerp.domain.consignment import ConsignmentKind, Layer
from retailerp.services import Page, Services
from retailerp.services.changes import Change
from retailerp.services.consignment import CustomerConsignment, StockLine
from retailerp.ui.changes import watch
from retailerp.ui.consignment.document_dialog import ConsignmentDocumentDialog
from retailerp.ui.consignment.texts import cost_text, kind_text
from retailerp.ui.errors import show_error
from retailerp.ui.list_page import refresh_button
from retailerp.ui.permissions import gate
from retailerp.ui.prompts import ask_reason
from retailerp.ui.sales.customer_picker import CustomerPicker
from retailerp.ui.sources import money_text, quantity_text, term
from retailerp.ui.tasks import LatestRead, TaskHandle

SHOWS = (Change.CONSIGNMENT, Change.STOCK, Change.CUSTOMERS, Change.INVOICES)
CONSIGNMENT_METHODS = {
    "fill_up": "ConsignmentService.create_fill_up",
    "issue": "ConsignmentService.create_issue",
    "pickup": "ConsignmentService.create_pickup",
    "count": "ConsignmentService.create_count",
    "reverse": "ConsignmentService.reverse",
}
"""The service method each button of the page leads to (disabled for a role that may not)."""
ID_ROLE = Qt.ItemDataRole.UserRole + 11


class DrillTable(QTableWidget):
    """A read-only list; Enter emits ``activated`` for the current row."""

    def __init__(self, name: str, headers: Sequence[str]) -> None:
        super().__init__(0, len(headers))
        self.setObjectName(name)
        self.setHorizontalHeaderLabels(list(headers))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.verticalHeader().hide()
        self.on_enter = lambda: None

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.on_enter()
            return
        super().keyPressEvent(event)

    def fill(self, rows: Sequence[tuple[int, Sequence[str]]]) -> None:
        """Rows of (id, texts); the current row is kept by id."""
        keep = self.current_id()
        self.setRowCount(len(rows))
        for r, (row_id, texts) in enumerate(rows):
            for c, value in enumerate(texts):
                cell = QTableWidgetItem(value)
                cell.setData(ID_ROLE, row_id)
                self.setItem(r, c, cell)
        ids = [row_id for row_id, _ in rows]
        if ids:
            self.setCurrentCell(ids.index(keep) if keep in ids else 0, 0)

    def current_id(self) -> int | None:
        cell = self.item(self.currentRow(), 0) if self.currentRow() >= 0 else None
        return int(cell.data(ID_ROLE)) if cell is not None else None


class ConsignmentPage(QWidget):
    """Overview by customer, the chosen customer's stock and documents, the actions."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName("consignment_page")
        self.preset: dict[str, object] = {}
        self.customer = CustomerPicker(services, include_ended=True)  # goods may be at one
        self.customer.setObjectName("consignment_customer")
        self.reads = LatestRead(self, self._show_overview)
        self.expiring = QCheckBox(self.tr("&Expiring only"))
        self.expiring.setObjectName("consignment_expiring")
        self.overview = DrillTable("consignment_overview", [
            self.tr("Customer"), self.tr("Name"), self.tr("Quantity"), self.tr("Value"),
            self.tr("At cost"), self.tr("Oldest (days)"), self.tr("Expiring lots")])  # fmt: skip
        self.stock = DrillTable("consignment_stock", [
            self.tr("Item"), self.tr("Name"), self.tr("Batch"), self.tr("Expiry"),
            self.tr("Quantity"), self.tr("Value"), self.tr("At cost"), self.tr("Age (days)"),
            self.tr("Days left")])  # fmt: skip
        self.layers = DrillTable("consignment_layers", [
            self.tr("Came with"), self.tr("Date"), self.tr("Came"), self.tr("Left"),
            self.tr("Age (days)"), self.tr("Unit cost"), self.tr("At cost")])  # fmt: skip
        self.lots: list[StockLine] = []
        self.all_layers: list[Layer] = []
        self.documents = DrillTable("consignment_documents", [
            self.tr("Number"), self.tr("Kind"), self.tr("Date"), self.tr("State"),
            self.tr("Value"), self.tr("Linked")])  # fmt: skip
        self.loading_note = QLabel()
        self.loading_note.setObjectName("consignment_loading")
        self.message = QLabel()
        self.message.setObjectName("consignment_message")
        self.message.setWordWrap(True)
        self._layout()
        self.overview.on_enter = self.stock.setFocus
        self.stock.on_enter = self.layers.setFocus
        self.overview.currentCellChanged.connect(lambda *_: self._customer_chosen())
        self.stock.currentCellChanged.connect(lambda *_: self.show_layers())
        self.customer.valueChanged.connect(lambda _id: self.load_customer())
        self.expiring.toggled.connect(lambda _on: self.load_customer())
        watch(self, services.changes, SHOWS, self.reload)
        self.reload()

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Cust&omer"), self.customer)
        for label in self.customer.take_details():
            form.addRow(label)
        buttons = QHBoxLayout()
        for name, text, slot in (
            ("fill_up", self.tr("Fill-&up…"), lambda: self.new(ConsignmentKind.FILL_UP)),
            ("issue", self.tr("&Issue…"), lambda: self.new(ConsignmentKind.ISSUE)),
            ("pickup", self.tr("Pic&kup…"), lambda: self.new(ConsignmentKind.PICKUP)),
            ("return", self.tr("Retur&n…"), self.new_return),
            ("count", self.tr("&Count…"), lambda: self.new(ConsignmentKind.COUNT)),
            ("reverse", self.tr("&Reverse…"), self.reverse),
            ("release", self.tr("Re&lease billing"), self.release_billing),
            ("print", self.tr("&Print"), self.print_document),
            ("statement", self.tr("S&tatement"), self.print_statement),
            ("export", self.tr("E&xport statement…"), self.export_statement),
            ("count_sheet", self.tr("Count &sheet"), self.print_count_sheet),
        ):
            button = QPushButton(text)
            button.setObjectName(f"consignment_{name}")
            if name in CONSIGNMENT_METHODS:
                gate(button, self.services, CONSIGNMENT_METHODS[name])
            button.clicked.connect(lambda _c=False, s=slot: s())
            buttons.addWidget(button)
        self.refresh_button = refresh_button(self, self.reload)
        self.refresh_button.setObjectName("consignment_refresh")
        buttons.addWidget(self.refresh_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.loading_note)
        layout.addWidget(self.overview, 2)
        layout.addLayout(form)
        layout.addWidget(self.expiring)
        lots = QHBoxLayout()
        lots.addWidget(self.stock, 3)
        lots.addWidget(self.layers, 2)
        layout.addLayout(lots, 2)
        layout.addWidget(self.documents, 2)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    # --- loading ------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the overview again (in a worker) and the chosen customer's stock now."""
        self.loading_note.setText(self.tr("Loading the consignment overview…"))
        self.reads.start(_overview, self.services)
        if self.customer_id() is not None:
            self.load_customer()

    @property
    def loading(self) -> TaskHandle | None:
        """The overview's read under way, if any."""
        return self.reads.task

    def _show_overview(
        self, rows: list[CustomerConsignment] | None, error: BaseException | None
    ) -> None:
        self.loading_note.clear()
        if error is not None:
            show_error(self, error)
            return
        self.overview.blockSignals(True)  # filling it is not the user choosing a row
        self.overview.fill([
            (r.customer_id, [r.code, r.name, quantity_text(r.quantity), money_text(r.value),
                             cost_text(r.cost), "" if r.oldest_age is None else str(r.oldest_age),
                             str(r.expiring)])
            for r in rows or []
        ])  # fmt: skip
        chosen = self.customer_id()
        ids = [r.customer_id for r in rows or []]
        if chosen in ids:
            self.overview.setCurrentCell(ids.index(chosen), 0)
        self.overview.blockSignals(False)
        first = self.overview.current_id()
        if chosen is None and not self.customer.edit.text().strip() and first is not None:
            self.customer.setValue(first)  # nothing chosen or typed yet: the first one's stock

    def _customer_chosen(self) -> None:
        chosen = self.overview.current_id()
        if chosen is not None and chosen != self.customer_id():
            self.customer.setValue(chosen)

    def customer_id(self) -> int | None:
        return self.customer.value()

    def load_customer(self) -> None:
        cid = self.customer_id()
        if cid is None:
            self.lots, self.all_layers = [], []
            self.stock.fill([])
            self.layers.fill([])
            self.documents.fill([])
            return
        filters: dict[str, object] = {"customer_id": cid}
        if self.expiring.isChecked() or self.preset.get("expiring"):
            filters["expiring"] = True
        lines = self.services.consignment.page(Page(filters=filters, limit=1000))
        self.lots = lines
        self.all_layers = self.services.consignment.layers(cid)
        self.stock.fill([
            (n, [ln.sku, ln.name, ln.key, ln.expiry.isoformat() if ln.expiry else "",
                 quantity_text(ln.quantity), money_text(ln.value), cost_text(ln.cost),
                 str(ln.age_days), "" if ln.days_left is None else str(ln.days_left)])
            for n, ln in enumerate(lines)
        ])  # fmt: skip
        self.show_layers()
        documents = self.services.consignment.documents(cid)
        links = self.services.consignment.links(cid)
        self.documents.fill([
            (d.id or 0, [d.number, kind_text(d.kind), d.doc_date.isoformat(), term(d.state),
                         money_text(d.value()), " ".join(links.get(d.id or 0, []))])
            for d in reversed(documents)
        ])  # fmt: skip

    def show_layers(self) -> None:
        """Every layer still at the customer of the lot chosen in the stock list, oldest
        first (the order issues and pickups consume them)."""
        row = self.stock.current_id()
        if row is None or row >= len(self.lots):
            self.layers.fill([])
            return
        lot = self.lots[row]
        today = self.services.ctx.today()
        mine = [la for la in self.all_layers
                if (la.item_id, la.key) == (lot.item_id, lot.key) and la.remaining > 0]  # fmt: skip
        self.layers.fill([
            (n, [la.source, la.received.isoformat(), quantity_text(la.quantity),
                 quantity_text(la.remaining), str(la.age(today)),
                 cost_text(la.unit_cost), cost_text(la.cost)])
            for n, la in enumerate(mine)
        ])  # fmt: skip

    def show_preset(self, filters: Mapping[str, object], label: str) -> None:
        """From the home page: the consignment stock expiring soon."""
        del label
        self.preset = dict(filters)
        self.expiring.setChecked(bool(filters.get("expiring")))
        self.load_customer()

    # --- actions ------------------------------------------------------------------------------

    def new(self, kind: ConsignmentKind) -> QDialog | None:
        cid = self.customer_id()
        if cid is None:
            self.message.setText(self.tr("Choose a customer first."))
            return None
        dialog = ConsignmentDocumentDialog(self.services, cid, kind.value, self)
        dialog.posted.connect(lambda _number: self.reload())
        dialog.open()
        return dialog

    def new_return(self) -> QDialog | None:
        """Goods of the issue selected in the documents come back from the end customer."""
        document_id = self.documents.current_id()
        chosen = self.services.consignment.get(document_id) if document_id else None
        if chosen is None or chosen.kind != ConsignmentKind.ISSUE or not chosen.stands:
            self.message.setText(self.tr("Choose a posted issue in the documents first."))
            return None
        dialog = ConsignmentDocumentDialog(self.services, chosen.customer_id,
                                           ConsignmentKind.RETURN.value, self,
                                           issue_id=chosen.id or 0)  # fmt: skip
        dialog.posted.connect(lambda _number: self.reload())
        dialog.open()
        return dialog

    def reverse(self) -> None:
        document_id = self.documents.current_id()
        if document_id is None:
            return
        number = self.services.consignment.get(document_id).number
        try:
            done = ask_reason(
                self, self.tr("Reverse {number}").format(number=number), self.tr("&Reason"),
                act=lambda reason: self.services.consignment.reverse(document_id, reason),
                required=True,
            )  # fmt: skip
        except Exception as error:  # noqa: BLE001 - the refusal names the blocking document
            show_error(self, error)
            return
        if done is not None:
            self.message.setText(self.tr("{number} reversed by {reversal}.").format(
                number=number, reversal=done.reversal_number or "—"))  # fmt: skip
        self.reload()

    def release_billing(self) -> None:
        """Release the billing block of the selected return: its red invoice is drafted."""
        document_id = self.documents.current_id()
        if document_id is None:
            return
        try:
            document = self.services.consignment.get(document_id)
            done = self.services.consignment.release_billing_block(document_id, document.version)
            red = self.services.red_invoices.get(done.red_invoice_id or 0)
        except Exception as error:  # noqa: BLE001 - the refusal says why
            show_error(self, error)
            return
        self.message.setText(self.tr("{number} released: red invoice {red} drafted against "
                                     "{blue}.").format(number=done.number, red=red.number,
                                                       blue=red.blue_number))  # fmt: skip
        self.reload()

    def export_statement(self) -> None:
        """This month's statement of the customer as an Excel or CSV file."""
        cid = self.customer_id()
        if cid is None:
            return
        from PySide6.QtWidgets import QFileDialog

        today = self.services.ctx.today()
        excel, text = self.tr("Excel (*.xlsx)"), self.tr("CSV (*.csv)")
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export statement"), f"statement-{today.isoformat()}.xlsx",
            f"{excel};;{text}",
        )  # fmt: skip
        if not path:
            return
        fmt = "csv" if path.lower().endswith(".csv") or chosen == text else "xlsx"
        try:
            data = self.services.consignment.statement_export(cid, today.replace(day=1), today,
                                                              fmt)  # fmt: skip
        except Exception as error:  # noqa: BLE001 - shown to the user
            show_error(self, error)
            return
        with open(path, "wb") as out:
            out.write(data)
        self.message.setText(self.tr("Saved: {path}").format(path=path))

    def print_document(self) -> None:
        document_id = self.documents.current_id()
        if document_id is None:
            return
        from retailerp.ui.printing.preview import PrintPreviewDialog

        number = self.services.consignment.get(document_id).number
        PrintPreviewDialog(self, self.services, number).open()

    def print_statement(self) -> None:
        cid = self.customer_id()
        if cid is None:
            return
        today = self.services.ctx.today()
        try:
            pdf = self.services.consignment.statement_pdf(cid, today.replace(day=1), today)
        except Exception as error:  # noqa: BLE001 - shown to the user
            show_error(self, error)
            return
        self._save_pdf(pdf, f"statement-{today.isoformat()}.pdf")

    def print_count_sheet(self) -> None:
        cid = self.customer_id()
        if cid is None:
            return
        try:
            pdf = self.services.consignment.count_sheet_pdf(cid)
        except Exception as error:  # noqa: BLE001 - shown to the user
            show_error(self, error)
            return
        self._save_pdf(pdf, f"count-sheet-{date.today().isoformat()}.pdf")

    def _save_pdf(self, pdf: bytes, name: str) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save PDF"), name, "PDF (*.pdf)")
        if path:
            with open(path, "wb") as out:
                out.write(pdf)
            self.message.setText(self.tr("Saved: {path}").format(path=path))


def _overview(_progress: object, services: Services) -> list[CustomerConsignment]:
    """In the worker: the overview (the services open their own unit of work there)."""
    return services.consignment.overview()
