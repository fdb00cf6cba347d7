"""One complaint ticket: tabs for the details, attachments, resolution documents, cause and
action, and history; the flow's buttons under them (only the moves the state allows).

Keyboard-first: Ctrl+S saves the details, Ctrl+Tab / Ctrl+PgDn move between tabs, every
button has an accelerator.  Nothing here decides anything: each button calls one service
method and shows the refusal it may get.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QDateTime, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from retailerp.domain import complaints as c
from retailerp.domain.complaints import TicketAction
from retailerp.domain.errors import DomainError
from retailerp.services import Services
from retailerp.services.changes import Change
from retailerp.services.complaint_resolutions import Settlement
from retailerp.services.complaints import TicketDetail
from retailerp.ui import prompts
from retailerp.ui.changes import watch
from retailerp.ui.complaints.compensation_dialog import CompensationDialog
from retailerp.ui.complaints.list_page import status_color, time_left_text
from retailerp.ui.errors import show_error
from retailerp.ui.sales.customer_picker import CustomerPicker
from retailerp.ui.sources import money_text, term
from retailerp.ui.widgets import FormPage

THUMBNAIL = 96
ASKS_REASON = {TicketAction.REJECT, TicketAction.REOPEN, TicketAction.REVISE}


class MomentEdit(QDateTimeEdit):
    """A date and time editor whose value is an aware local ``datetime`` (for FormPage)."""

    valueChanged = Signal(object)  # noqa: N815 - the name FormPage listens to

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QDateTime.currentDateTime(), parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.dateTimeChanged.connect(lambda _dt: self.valueChanged.emit(self.value()))

    def value(self) -> datetime:
        return self.dateTime().toPython().replace(second=0, microsecond=0).astimezone()

    def setValue(self, value: datetime | None) -> None:  # noqa: N802 - Qt editor style
        moment = (value or datetime.now()).astimezone().replace(tzinfo=None)
        self.setDateTime(QDateTime(moment))


class TicketDialog(QDialog):
    """A new ticket (``ticket_id`` None, ``preset`` values) or an existing one."""

    def __init__(
        self,
        services: Services,
        ticket_id: int | None = None,
        preset: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.services = services
        self.ticket_id = ticket_id
        self.detail: TicketDetail | None = None
        self.links = {k: v for k, v in (preset or {}).items() if k in ("invoice_id", "order_id")}
        """Documents the ticket was opened from that the form does not show."""
        self.setWindowTitle(self.tr("Complaint"))
        self.resize(900, 640)
        self.heading = QLabel(self)
        self.heading.setObjectName("ticket_heading")
        self.time_left = QLabel(self)
        self.time_left.setObjectName("ticket_time_left")
        self.tabs = QTabWidget(self)
        self.form = self._details_form()
        self.tabs.addTab(self.form, self.tr("&Details"))
        self.tabs.addTab(self._attachments_tab(), self.tr("&Attachments"))
        self.tabs.addTab(self._documents_tab(), self.tr("&Resolution documents"))
        self.cause = self._cause_form()
        self.tabs.addTab(self.cause, self.tr("&Cause and action"))
        self.history = QTableWidget(0, 5, self)
        self.history.setObjectName("history_table")
        self.history.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Who"), self.tr("Action"), self.tr("State"),
             self.tr("Note")]
        )  # fmt: skip
        self.tabs.addTab(self.history, self.tr("&History"))
        self.actions_bar = QHBoxLayout()
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.clicked.connect(self.save)
        self.print_button = QPushButton(self.tr("Print &forms…"), self)
        self.print_button.clicked.connect(self.print_forms)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.time_left)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(self.actions_bar)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.print_button)
        bottom.addWidget(self.save_button)
        layout.addLayout(bottom)
        self.form.save_requested.connect(self.save)
        self.form.cancel_requested.connect(self.close)
        self.watcher = watch(self, services.changes, {Change.COMPLAINTS}, self.reload)
        if ticket_id is None:
            self.form.set_values({"channel": c.Channel.PHONE.value, **(preset or {})})
            if preset and preset.get("delivery_id"):
                self._on_customer(preset.get("customer_id"), preset.get("delivery_id"))
            self.form.set_values({**self.form.values(), **(preset or {})})
        self.reload()

    # --- building ------------------------------------------------------------------------

    def _details_form(self) -> FormPage:
        form = FormPage(self)
        self.customer = CustomerPicker(self.services, form)
        self.customer.valueChanged.connect(lambda cid: self._on_customer(cid, None))
        form.add_field("customer_id", self.tr("C&ustomer"), self.customer)
        form.add_field("channel", self.tr("Cha&nnel"), _combo(form, c.CHANNEL_LABELS))
        received = MomentEdit(form)
        self.received = received
        form.add_field("received_at", self.tr("Recei&ved"), received)
        self.delivery = QComboBox(form)
        self.delivery.currentIndexChanged.connect(lambda _i: self._on_delivery())
        form.add_field("delivery_id", self.tr("Deliver&y"), self.delivery)
        self.item = QComboBox(form)
        form.add_field("item_id", self.tr("&Item"), self.item)
        form.add_field("batch", self.tr("&Batch"), QLineEdit(form))
        form.add_field("serial", self.tr("Seria&l"), QLineEdit(form))
        form.add_field("quantity", self.tr("&Quantity affected"), QLineEdit(form))
        form.add_field("description", self.tr("&What is wrong"), QPlainTextEdit(form))
        form.add_field(
            "requested", self.tr("Customer as&ks for"), _combo(form, c.RESOLUTION_LABELS)
        )
        form.add_field("amount", self.tr("A&mount at stake"), QLineEdit(form))
        reach = QSpinBox(form)
        reach.setRange(1, 100000)
        form.add_field("reach", self.tr("Cust&omers reached"), reach)
        form.add_field("assignee", self.tr("Assi&gnee"), QLineEdit(form))
        form.add_field("related", self.tr("R&elated tickets"), QLineEdit(form))
        severity = _combo(form, c.SEVERITY_LABELS, self.tr("(suggested)"))
        form.add_field("severity", self.tr("Severi&ty"), severity)
        form.add_field("severity_reason", self.tr("Why this severity"), QLineEdit(form))
        return form

    def _attachments_tab(self) -> QWidget:
        page = QWidget(self)
        self.files = QListWidget(page)
        self.files.setObjectName("attachments")
        self.files.setIconSize(self.files.iconSize().expandedTo(_size(THUMBNAIL)))
        add = QPushButton(self.tr("Add fil&e…"), page)
        add.clicked.connect(lambda: self.add_file())
        remove = QPushButton(self.tr("Remo&ve"), page)
        remove.clicked.connect(self.remove_file)
        layout = QVBoxLayout(page)
        layout.addWidget(self.files, 1)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        layout.addLayout(row)
        return page

    def _documents_tab(self) -> QWidget:
        page = QWidget(self)
        self.documents = QTableWidget(0, 4, page)
        self.documents.setObjectName("documents_table")
        self.documents.setHorizontalHeaderLabels(
            [self.tr("Resolution"), self.tr("Document"), self.tr("State"), self.tr("Amount")]
        )
        res = self.services.resolutions
        buttons = [
            (self.tr("Re&turn"), lambda t: res.return_goods(t)),
            (self.tr("E&xchange"), lambda t: res.exchange(t)),
            (self.tr("Free re&placement"), lambda t: res.replace(t)),
            (self.tr("In-&kind compensation…"), self._compensation),
            (self.tr("Price a&llowance…"), self._allowance),
            (self.tr("Da&mages…"), self._damages),
            (self.tr("On-site &visit…"), self._visit),
            (self.tr("Visit &outcome…"), self._visit_outcome),
        ]
        row = QHBoxLayout()
        for text, action in buttons:
            button = QPushButton(text, page)
            button.clicked.connect(lambda _=False, a=action: self._resolve_with(a))
            row.addWidget(button)
        row.addStretch(1)
        self.allowance_note = QLabel(
            self.tr(
                "A price allowance drafts a red invoice (销售折让); finance submits, confirms "
                "and issues it under Red invoices, and the ticket resolves once it is issued."
            ),
            page,
        )
        self.allowance_note.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(self.documents, 1)
        layout.addLayout(row)
        layout.addWidget(self.allowance_note)
        return page

    def _cause_form(self) -> FormPage:
        form = FormPage(self)
        form.add_field(
            "cause_category", self.tr("Cause cate&gory"), _combo(form, c.CAUSE_LABELS, "—")
        )
        form.add_field("root_cause", self.tr("R&oot cause"), QPlainTextEdit(form))
        form.add_field("corrective_action", self.tr("Corr&ective action"), QPlainTextEdit(form))
        form.add_field("preventive_action", self.tr("&Preventive action"), QPlainTextEdit(form))
        form.add_field("action_owner", self.tr("Responsi&ble person"), QLineEdit(form))
        form.add_field("action_due", self.tr("D&ue (YYYY-MM-DD)"), QLineEdit(form))
        save = QPushButton(self.tr("Save cause and act&ion"), form)
        save.clicked.connect(self.save_cause)
        effective = QPushButton(self.tr("Verified: effec&tive"), form)
        effective.clicked.connect(lambda: self.verify(True))
        not_effective = QPushButton(self.tr("Verified: &not effective"), form)
        not_effective.clicked.connect(lambda: self.verify(False))
        self.verification = QLabel(form)
        row = QHBoxLayout()
        for widget in (save, effective, not_effective, self.verification):
            row.addWidget(widget)
        form.layout().addLayout(row)
        form.save_requested.connect(self.save_cause)
        return form

    # --- loading -------------------------------------------------------------------------

    def reload(self) -> None:
        if self.ticket_id is None:
            self.heading.setText(self.tr("New complaint"))
            self.tabs.setTabEnabled(1, False)
            self.tabs.setTabEnabled(2, False)
            self.tabs.setTabEnabled(3, False)
            self.print_button.setEnabled(False)
            return
        try:
            detail = self.services.complaints.detail(self.ticket_id)
        except DomainError as error:
            show_error(self, error)
            return
        self.watcher.seen()
        self.detail = detail
        for index in range(1, 4):
            self.tabs.setTabEnabled(index, True)
        self.print_button.setEnabled(True)
        self._show_ticket(detail)

    def _show_ticket(self, detail: TicketDetail) -> None:
        ticket = detail.ticket
        self.setWindowTitle(self.tr("Complaint {number}").format(number=ticket.number))
        heading = self.tr("{number} · {customer} (class {abc}) · {severity} · {state}").format(
            number=ticket.number, customer=detail.customer_name, abc=detail.customer_class,
            severity=term(c.SEVERITY_LABELS[ticket.severity]),
            state=term(c.COMPLAINT_FLOW.state_labels[ticket.state]),
        )  # fmt: skip
        if detail.bad_batch:
            heading += " · " + self.tr("batch {batch} has many complaints").format(
                batch=ticket.batch
            )
        self.heading.setText(heading)
        self._show_time_left(detail)
        self._on_customer(ticket.customer_id, ticket.delivery_id)
        values = {k: getattr(ticket, k) for k in list(self.form.keys()) if hasattr(ticket, k)}
        values["amount"] = str(ticket.amount.amount)
        values["quantity"] = f"{ticket.quantity.normalize():f}"
        values["severity"] = ticket.severity.value
        self.form.set_values(values)
        self.cause.set_values(
            {k: getattr(ticket, k) or "" for k in list(self.cause.keys())}
            | {"action_due": ticket.action_due.isoformat() if ticket.action_due else ""}
        )
        if ticket.verified_by:
            self.verification.setText(
                self.tr("{who} on {day}: {result}").format(
                    who=ticket.verified_by,
                    day=ticket.verified_on,
                    result=self.tr("effective") if ticket.effective else self.tr("not effective"),
                )  # fmt: skip
            )
        self._show_files(detail)
        self._show_documents(detail)
        self._show_history(detail)
        self._show_actions(detail)

    def _show_time_left(self, detail: TicketDetail) -> None:
        left = detail.time_left
        text = time_left_text(left)
        self.time_left.setText(self.tr("Time left: {left}").format(left=text) if text else "")
        color = status_color(left.status)
        self.time_left.setStyleSheet(f"background: {color.name()};" if color else "")

    def _show_files(self, detail: TicketDetail) -> None:
        self.files.clear()
        for attachment in detail.attachments:
            item = QListWidgetItem(f"{attachment.file_name} ({attachment.size // 1024 + 1} KB)")
            item.setData(Qt.ItemDataRole.UserRole, attachment.id)
            thumbnail = self._thumbnail(attachment.id) if attachment.is_image else None
            if thumbnail is not None:
                item.setIcon(QIcon(thumbnail))
            self.files.addItem(item)

    def _thumbnail(self, attachment_id: int) -> QPixmap | None:
        """A thumbnail drawn by Qt from the stored bytes (never stored itself); None when
        Qt cannot draw the picture."""
        pixmap = QPixmap()
        if not pixmap.loadFromData(self.services.complaints.attachment(attachment_id).data):
            return None
        return pixmap.scaled(THUMBNAIL, THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio)

    def _show_documents(self, detail: TicketDetail) -> None:
        self.documents.setRowCount(len(detail.documents))
        for row, status in enumerate(detail.documents):
            state = status.state + (" ✓" if status.done else "")
            for col, text in enumerate(
                (term(c.RESOLUTION_LABELS[status.kind]), status.number, state,
                 money_text(status.amount))
            ):  # fmt: skip
                self.documents.setItem(row, col, QTableWidgetItem(text))

    def _show_history(self, detail: TicketDetail) -> None:
        entries = detail.ticket.history
        self.history.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            texts = (entry.at.astimezone().strftime("%Y-%m-%d %H:%M"), entry.username,
                     entry.action, entry.to_state, entry.note)  # fmt: skip
            for col, text in enumerate(texts):
                self.history.setItem(row, col, QTableWidgetItem(text))

    def _show_actions(self, detail: TicketDetail) -> None:
        while self.actions_bar.count():
            widget = self.actions_bar.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        for action in detail.actions:
            label = term(c.COMPLAINT_FLOW.action_labels[action])
            button = QPushButton(label[:1].upper() + label[1:], self)
            button.setObjectName(f"action_{action.value}")
            button.clicked.connect(lambda _=False, a=action: self.act(a))
            self.actions_bar.addWidget(button)
        self.actions_bar.addStretch(1)

    def _on_customer(self, customer_id: object, delivery_id: object) -> None:
        self.delivery.blockSignals(True)
        self.delivery.clear()
        self.delivery.addItem("—", None)
        if customer_id:
            for row in (
                self._quiet(lambda: self.services.complaints.customer_deliveries(int(customer_id)))
                or []
            ):
                self.delivery.addItem(f"{row['number']} ({row['delivery_date']})", row["id"])
        self.delivery.setCurrentIndex(max(0, self.delivery.findData(delivery_id)))
        self.delivery.blockSignals(False)
        self._on_delivery()

    def _on_delivery(self) -> None:
        current = self.item.currentData()
        self.item.clear()
        self.item.addItem("—", None)
        delivery_id = self.delivery.currentData()
        if delivery_id:
            for row in (
                self._quiet(lambda: self.services.complaints.delivery_items(delivery_id)) or []
            ):
                label = f"{row['sku']} {row['name']}" + (
                    f" [{row['batch']}]" if row["batch"] else ""
                )
                if self.item.findData(row["item_id"]) < 0:
                    self.item.addItem(label, row["item_id"])
        elif self.detail is not None and self.detail.ticket.item_id:
            self.item.addItem(str(self.detail.ticket.item_id), self.detail.ticket.item_id)
        self.item.setCurrentIndex(max(0, self.item.findData(current)))

    def _quiet(self, read: Callable[[], Any]) -> Any:
        try:
            return read()
        except DomainError as error:
            show_error(self, error)
            return None

    # --- actions -------------------------------------------------------------------------

    def ticket_values(self) -> dict[str, Any]:
        values = self.form.values()
        values.pop("severity_reason", None)
        return values

    def save(self) -> bool:
        values = self.ticket_values()
        reason = self.form.values().get("severity_reason") or ""
        try:
            if self.ticket_id is None:
                ticket = self.services.complaints.create({**values, **self.links}, reason)
                self.ticket_id = ticket.id
            else:
                ticket = self.services.complaints.get(self.ticket_id)
                severity = values.pop("severity", None)
                values.pop("customer_id", None)
                ticket = self.services.complaints.update(ticket.id, ticket.version, values)
                if severity and severity != ticket.severity.value:
                    self.services.complaints.change_severity(
                        ticket.id, ticket.version, c.Severity(severity), reason
                    )
        except DomainError as error:
            self.form.show_domain_error(error)
            return False
        self.reload()
        return True

    def act(self, action: TicketAction) -> bool:
        if self.detail is None:
            return False
        ticket = self.detail.ticket
        cs = self.services.complaints
        try:
            if action is TicketAction.PROPOSE:
                text = prompts.ask_reason(self, self.tr("Propose a solution"),
                                          self.tr("Solution"), ticket.solution)  # fmt: skip
                if text is None:
                    return False
                cs.propose(ticket.id, ticket.version, text)
            elif action is TicketAction.FOLLOW_UP:
                score, ok = QInputDialog.getInt(
                    self, self.tr("Follow-up"), self.tr("Satisfaction (1 to 5)"), 4, 1, 5
                )
                if not ok:
                    return False
                comment = prompts.ask_reason(self, self.tr("Follow-up"), self.tr("Comment"))
                cs.follow_up(ticket.id, ticket.version, score, comment or "")
            else:
                note = ""
                if action in ASKS_REASON:
                    note = prompts.ask_reason(
                        self, term(c.COMPLAINT_FLOW.action_labels[action]), self.tr("Reason"),
                        required=True,
                    )  # fmt: skip
                    if note is None:
                        return False
                cs.act(ticket.id, ticket.version, action, note)
        except DomainError as error:
            show_error(self, error)
            return False
        self.reload()
        return True

    def _resolve_with(self, make: Callable[[int], Any]) -> None:
        if self.detail is None:
            return
        try:
            make(self.detail.ticket.id)
        except DomainError as error:
            show_error(self, error)
        self.reload()

    def _damages(self, ticket_id: int) -> Any:
        amount = prompts.ask_reason(self, self.tr("Damages"), self.tr("Amount owed"), "")
        if amount is None:
            return None
        ways = [self.tr("Credit on account"), self.tr("Pay out in cash now (refund)")]
        way, ok = QInputDialog.getItem(
            self, self.tr("Damages"), self.tr("How the customer gets the money"), ways, 0, False
        )
        if not ok:
            return None
        settle = Settlement.REFUND if way == ways[1] else Settlement.CREDIT
        return self.services.resolutions.damages(ticket_id, amount, settle=settle)

    def _allowance(self, ticket_id: int) -> Any:
        amount = prompts.ask_reason(
            self, self.tr("Price allowance"), self.tr("Allowance, net of VAT"), ""
        )
        if amount is None:
            return None
        return self.services.resolutions.allowance(ticket_id, amount)

    def _compensation(self, ticket_id: int) -> Any:
        """The compensation dialog: free goods of any item, or more of the item complained
        of for the same total."""
        ticket = self.detail.ticket if self.detail else None
        quantity = f"{ticket.quantity.normalize():f}" if ticket and ticket.quantity else ""
        dialog = CompensationDialog(
            self.services, ticket.item_id if ticket else None, quantity, self
        )
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            chosen = dialog.choice()
        finally:
            dialog.deleteLater()
        res = self.services.resolutions
        if chosen.same_total:
            return res.compensate_same_total(ticket_id, chosen.quantity)
        return res.compensate(ticket_id, [{"item_id": chosen.item_id, "quantity": chosen.quantity}])

    def _visit(self, ticket_id: int) -> Any:
        person = prompts.ask_reason(self, self.tr("On-site visit"), self.tr("Who goes"))
        if person is None:
            return None
        day = self.services.ctx.today()
        return self.services.resolutions.plan_visit(ticket_id, day, person)

    def _visit_outcome(self, ticket_id: int) -> Any:
        open_visits = [v for v in (self.detail.visits if self.detail else []) if not v.done]
        if not open_visits:
            return None
        outcome = prompts.ask_reason(self, self.tr("Visit outcome"), self.tr("What was done"))
        if outcome is None:
            return None
        return self.services.resolutions.record_visit(open_visits[0].number, outcome)

    def add_file(self, path: str | None = None) -> bool:
        if self.ticket_id is None:
            return False
        if path is None:
            path, _filter = QFileDialog.getOpenFileName(
                self, self.tr("Attach a photo or PDF"), "",
                self.tr("Pictures and PDFs (*.png *.jpg *.jpeg *.gif *.webp *.pdf)"),
            )  # fmt: skip
            if not path:
                return False
        try:
            with open(path, "rb") as handle:
                data = handle.read()
            self.services.complaints.add_attachment(self.ticket_id, path, data)
        except DomainError as error:
            show_error(self, error)
            return False
        except OSError as error:
            show_error(self, error)
            return False
        self.reload()
        return True

    def remove_file(self) -> None:
        item = self.files.currentItem()
        if item is None:
            return
        try:
            self.services.complaints.remove_attachment(int(item.data(Qt.ItemDataRole.UserRole)))
        except DomainError as error:
            show_error(self, error)
        self.reload()

    def save_cause(self) -> None:
        if self.detail is None:
            return
        values = self.cause.values()
        ticket = self.detail.ticket
        try:
            self.services.complaints.record_cause(ticket.id, ticket.version, values)
        except DomainError as error:
            self.cause.show_domain_error(error)
            return
        self.reload()

    def verify(self, effective: bool) -> None:
        if self.detail is None:
            return
        ticket = self.detail.ticket
        try:
            self.services.complaints.verify_action(ticket.id, ticket.version, effective)
        except DomainError as error:
            show_error(self, error)
        self.reload()

    def print_forms(self) -> None:
        if self.detail is None:
            return
        from retailerp.ui.printing.preview import PrintPreviewDialog

        forms = [self.tr("Complaint registration form"), self.tr("After-sales disposition form")]
        choice = prompts.ask_choice(self, self.tr("Print"), self.tr("Which form?"), forms)
        if choice is None:
            return
        number = self.detail.ticket.number + ("/D" if choice == 1 else "")
        dialog = PrintPreviewDialog(self, self.services, number)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()


def _combo(parent: QWidget, labels: dict, empty: str | None = None) -> QComboBox:
    box = QComboBox(parent)
    if empty is not None:
        box.addItem(empty, "")
    for value, label in labels.items():
        box.addItem(term(label), value.value)
    return box


def _size(side: int) -> QSize:
    return QSize(side, side)
