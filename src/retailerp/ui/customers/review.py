"""Recording the twice-yearly review of a customer: outcome, new credit limit, note."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QVBoxLayout, QWidget

from retailerp import i18n
from retailerp.domain.customers import Customer, CustomerReview
from retailerp.domain.errors import DomainError
from retailerp.services import Services
from retailerp.ui.errors import show_error
from retailerp.ui.widgets import FormPage


class ReviewDialog(QDialog):
    """Asks for the review's outcome and credit limit and records it (Ctrl+S or OK).

    ``recorded(review)`` follows a successful save; a refusal is shown next to its field
    and the dialog stays open.
    """

    recorded = Signal(object)

    def __init__(
        self, services: Services, customer: Customer, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.customer = customer
        self.setWindowTitle(self.tr("Review of {name}").format(name=customer.name))
        self.form = FormPage(self)
        self.form.add_field("outcome", self.tr("&Outcome"), QLineEdit())
        self.form.add_field("credit_limit", self.tr("New &credit limit"), QLineEdit())
        self.form.add_field("note", self.tr("&Note"), QLineEdit())
        self.form.set_values(
            {"credit_limit": f"{customer.credit_limit.amount:.2f}", "outcome": "", "note": ""}
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.record)
        buttons.rejected.connect(self.reject)
        self.form.save_requested.connect(self.record)
        self.form.cancel_requested.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(buttons)

    def record(self) -> bool:
        """Record the review; ``False`` (dialog stays open) when it was refused."""
        values = self.form.values()
        try:
            review: CustomerReview = self.services.customers.record_review(
                self.customer.id or 0,
                self.customer.version,
                values["outcome"],
                values["credit_limit"],
                values["note"],
            )
        except DomainError as error:
            self.form.show_domain_error(error, i18n.translate)
            return False
        except Exception as error:  # noqa: BLE001 - shown, logged; the dialog stays
            show_error(self, error)
            return False
        self.recorded.emit(review)
        self.accept()
        return True
