"""The customer card: every field of the master record, its class, status and reviews."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from retailerp.domain.customers import (
    ABC_LABELS,
    CUSTOMER_FIELDS,
    STATUS_LABELS,
    AbcClass,
    Customer,
    CustomerReview,
)
from retailerp.services import Services
from retailerp.services.changes import Change
from retailerp.ui import prompts
from retailerp.ui.consignment.texts import consignment_text
from retailerp.ui.customers.review import ReviewDialog
from retailerp.ui.list_view import fit_table
from retailerp.ui.permissions import gate
from retailerp.ui.record_dialog import RecordDialog
from retailerp.ui.returns.rate import return_rate_text
from retailerp.ui.sales.balance import position_text
from retailerp.ui.sources import date_text, money_text, term
from retailerp.ui.widgets import FormPage

NEW_CUSTOMER_DEFAULTS: dict[str, Any] = {
    **{key: "" for key in CUSTOMER_FIELDS},
    "payment_terms_days": "30",
    "credit_limit": "0.00",
}


def form_values(customer: Customer) -> dict[str, Any]:
    """The card's values as the form's editors show them."""
    values = {key: getattr(customer, key) for key in CUSTOMER_FIELDS}
    values["credit_limit"] = f"{customer.credit_limit.amount:.2f}"
    values["payment_terms_days"] = str(customer.payment_terms_days)
    return values


class CustomerDialog(RecordDialog):
    """A new or an existing customer.  Ctrl+S saves (the dialog stays open), Esc closes.

    ``saved(customer_id)`` follows every change (save, end, reactivate, pin, review).
    """

    def __init__(
        self, services: Services, customer_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.customer: Customer | None = None
        self.review_dialog: ReviewDialog | None = None
        self.setObjectName("customer_dialog")
        self.form = self._build_form()
        self._build_layout()
        self.follow(
            services.changes, {Change.CUSTOMERS}, lambda: self.customer, services.customers.get
        )
        self.share_editing(services.office, services.changes, "customer", lambda: self.customer)
        if customer_id is None:
            self._show_new()
        else:
            self.load(self.services.customers.get(customer_id))

    # -- building ------------------------------------------------------------------------

    def _build_form(self) -> FormPage:
        form = FormPage(self)
        labels = {
            "code": self.tr("&Code"),
            "name": self.tr("&Name"),
            "contact": self.tr("C&ontact"),
            "phone": self.tr("P&hone"),
            "address": self.tr("&Address"),
            "tax_id": self.tr("&Tax id"),
            "bank_name": self.tr("&Bank"),
            "bank_account": self.tr("Ban&k account"),
            "payment_terms_days": self.tr("Payment terms (&days)"),
            "credit_limit": self.tr("Credit li&mit"),
            "credit_note": self.tr("Cred&it note"),
            "salesperson": self.tr("Sal&esperson"),
        }
        for key in CUSTOMER_FIELDS:
            form.add_field(key, labels[key], QLineEdit())
        form.set_validator(self.services.customers.check)
        form.save_requested.connect(self.save)
        form.cancel_requested.connect(self.reject)
        return form

    def _build_layout(self) -> None:
        buttons = QDialogButtonBox()
        self.save_button = self.add_save_button(buttons)
        gate(self.save_button, self.services, "CustomerService.update")
        buttons.addButton(QDialogButtonBox.StandardButton.Close).clicked.connect(self.reject)
        left = QVBoxLayout()
        left.addWidget(self.form)
        left.addWidget(self.elsewhere)
        left.addWidget(self.info)
        left.addStretch(1)
        left.addWidget(buttons)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addWidget(self._build_panel(), 2)

    def _build_panel(self) -> QWidget:
        panel = QGroupBox(self.tr("Class, status and reviews"))
        self.class_label = QLabel()
        self.status_label = QLabel()
        self.money_label = QLabel()
        self.money_label.setObjectName("customer_money")
        self.returns_label = QLabel()
        self.returns_label.setObjectName("customer_returns")
        for label in (self.class_label, self.status_label, self.money_label, self.returns_label):
            label.setWordWrap(True)
        self.pin_button = self._button(self.tr("&Pin class…"), self.pin_class)
        self.unpin_button = self._button(self.tr("&Unpin class"), self.unpin_class)
        self.end_button = self._button(self.tr("End re&lationship…"), self.end_customer)
        self.reactivate_button = self._button(self.tr("Reacti&vate…"), self.reactivate)
        self.review_button = self._button(self.tr("Record revie&w…"), self.record_review)
        self.reload_button = self._button(self.tr("&Reload"), self.reload)
        self.complaints_label = QLabel()
        self.complaints_label.setObjectName("customer_complaints")
        self.complaints_label.setWordWrap(True)
        self.complaint_button = self._button(self.tr("Lo&g a complaint…"), self.log_complaint)
        self.reviews = QTableWidget(0, 5)
        self.reviews.setHorizontalHeaderLabels(
            [
                self.tr("Date"),
                self.tr("Reviewer"),
                self.tr("Outcome"),
                self.tr("Credit limit"),
                self.tr("Note"),
            ]
        )
        self.reviews.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.reviews.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(panel)
        for widget in (self.class_label, self.pin_button, self.unpin_button):
            layout.addWidget(widget)
        for widget in (self.status_label, self.end_button, self.reactivate_button):
            layout.addWidget(widget)
        layout.addWidget(self.money_label)
        layout.addWidget(self.returns_label)
        layout.addWidget(self.review_button)
        layout.addWidget(self.reviews, 1)
        layout.addWidget(self.complaints_label)
        layout.addWidget(self.complaint_button)
        layout.addWidget(self.reload_button)
        return panel

    def _button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(False)
        button.clicked.connect(lambda: slot())
        return button

    # -- showing -------------------------------------------------------------------------

    def _show_new(self) -> None:
        self.customer = None
        self.setWindowTitle(self.tr("New customer"))
        self.form.set_values(NEW_CUSTOMER_DEFAULTS)
        self._show_panel()
        self.form.editor("code").setFocus(Qt.FocusReason.OtherFocusReason)

    def load(self, customer: Customer, *, keep_edits: bool = False) -> None:
        """Show ``customer``; with ``keep_edits`` a dirty form keeps what the user typed."""
        self.customer = customer
        self.setWindowTitle(
            self.tr("Customer {code} – {name}").format(code=customer.code, name=customer.name)
        )
        if not (keep_edits and self.form.dirty):
            self.form.set_values(form_values(customer))
        self._show_panel()

    def _show_panel(self) -> None:
        customer = self.customer
        exists = customer is not None
        for button in (self.pin_button, self.review_button, self.reload_button):
            button.setEnabled(exists)
        self.unpin_button.setEnabled(exists and customer.pinned_class is not None)
        self.end_button.setEnabled(exists and customer.is_active)
        self.reactivate_button.setEnabled(exists and not customer.is_active)
        self.class_label.setText(self._class_text(customer))
        self.status_label.setText(self._status_text(customer))
        self._show_reviews(self.services.customers.reviews(customer.id) if exists else [])
        money = self.services.invoices.position(customer.id) if exists else None
        at_customer = self.services.consignment.position(customer.id) if exists else None
        consigned = consignment_text(at_customer) if at_customer else ""
        self.money_label.setText(
            "\n".join(t for t in (position_text(money) if money else "", consigned) if t)
        )
        self.returns_label.setText(return_rate_text(self.services, customer.id) if exists else "")
        self.complaint_button.setEnabled(exists)
        self.complaints_label.setText(self._complaints_text(customer.id) if exists else "")

    def _complaints_text(self, customer_id: int) -> str:
        """The customer's tickets, open ones first (the Complaints area has the rest)."""
        from retailerp.ui.complaints.list_page import ticket_line

        rows = self.services.complaints.tickets(customer_id=customer_id)
        if not rows:
            return self.tr("No complaints.")
        lines = [ticket_line(row) for row in rows[:5]]
        return self.tr("Complaints ({n}):").format(n=len(rows)) + "\n" + "\n".join(lines)

    def log_complaint(self) -> None:
        """A new complaint ticket for this customer."""
        from retailerp.ui.complaints import complaint_from

        if self.customer is not None:
            self._complaint = complaint_from(self.services, self, customer_id=self.customer.id)

    def _class_text(self, customer: Customer | None) -> str:
        if customer is None:
            return self.tr("Class: computed after saving.")
        label = term(ABC_LABELS[AbcClass(customer.abc_class)])
        if customer.pinned_class is None:
            return self.tr("Class: {label} (computed from revenue)").format(label=label)
        return self.tr(
            "Class: {label}, pinned by {by} on {at} (computed: {computed}). Reason: {reason}"
        ).format(
            label=label,
            by=customer.pinned_by,
            at=customer.pinned_at.astimezone().strftime("%Y-%m-%d") if customer.pinned_at else "",
            computed=customer.computed_class,
            reason=customer.pinned_reason,
        )

    def _status_text(self, customer: Customer | None) -> str:
        if customer is None:
            return ""
        status = term(STATUS_LABELS[customer.status])
        if customer.is_active:
            return self.tr("Status: {status}").format(status=status)
        return self.tr("Status: {status} on {on}. Reason: {reason}").format(
            status=status, on=date_text(customer.ended_on), reason=customer.end_reason
        )

    def _show_reviews(self, reviews: list[CustomerReview]) -> None:
        self.reviews.setRowCount(len(reviews))
        for row, review in enumerate(reversed(reviews)):
            limits = f"{money_text(review.credit_limit_before)} → "
            limits += money_text(review.credit_limit_after)
            cells = [date_text(review.reviewed_on), review.reviewer, review.outcome, limits]
            for column, text in enumerate([*cells, review.note]):
                self.reviews.setItem(row, column, QTableWidgetItem(text))
        needed = fit_table(self.reviews, 2)  # the outcome takes the room left
        self.reviews.setMinimumWidth(min(needed, 720))  # the dialog widens to show them

    # -- actions -------------------------------------------------------------------------

    def save(self) -> bool:
        """Create or update the customer; refusals appear next to their fields."""
        customers = self.services.customers
        return self.save_record(self.customer, customers.create, customers.update)

    def end_customer(self) -> None:
        customer = self._require()
        self.run_with_reason(
            self.tr("End relationship"),
            self.tr("Why does the business relationship end?"),
            lambda reason: self.services.customers.end(customer.id, customer.version, reason),
        )

    def reactivate(self) -> None:
        customer = self._require()
        self.run_with_reason(
            self.tr("Reactivate"),
            self.tr("Why is the customer taken back (optional)?"),
            lambda reason: self.services.customers.reactivate(
                customer.id, customer.version, reason
            ),
            required=False,
        )

    def pin_class(self) -> None:
        customer = self._require()
        classes = list(AbcClass)
        index = prompts.ask_choice(
            self,
            self.tr("Pin class"),
            self.tr("Class to keep regardless of revenue:"),
            [term(ABC_LABELS[c]) for c in classes],
            classes.index(AbcClass(customer.abc_class)),
        )
        if index is None:
            return
        cls = classes[index]
        self.run_with_reason(
            self.tr("Pin class"),
            self.tr("Why is it pinned?"),
            lambda reason: self.services.customers.pin_class(
                customer.id, customer.version, cls, reason
            ),
        )

    def unpin_class(self) -> None:
        customer = self._require()
        self.run_service(
            lambda: self.services.customers.pin_class(customer.id, customer.version, None),
            keep_edits=True,
        )

    def record_review(self) -> ReviewDialog:
        """Open the review dialog (window-modal); the card reloads when it is recorded."""
        dialog = ReviewDialog(self.services, self._require(), self)
        dialog.recorded.connect(lambda _review: self._after_review())
        self.review_dialog = dialog
        dialog.open()
        return dialog

    def reload(self) -> None:
        """Read the customer again, dropping unsaved edits."""
        customer = self._require()
        self.form.set_dirty(False)
        self.run_service(
            lambda: self.services.customers.get(customer.id), keep_edits=False, emit=False
        )
        self.info.setText(self.tr("Reloaded."))

    # -- internals -----------------------------------------------------------------------

    def _require(self) -> Customer:
        if self.customer is None:
            raise RuntimeError("the customer has not been saved yet")
        return self.customer

    def _after_review(self) -> None:
        customer = self.services.customers.get(self._require().id or 0)
        editor = self.form.editor("credit_limit")
        if self.form.dirty and isinstance(editor, QLineEdit):
            editor.setText(f"{customer.credit_limit.amount:.2f}")
        self.load(customer, keep_edits=True)
        self.saved.emit(customer.id or 0)
