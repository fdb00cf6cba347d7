"""The Complaints area: the ticket list, the ticket form, the insight figures,
"Complaint…" from elsewhere."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from retailerp.services import Services
from retailerp.ui.main_window import MainWindow, screen


def register_complaints_module(window: MainWindow, services: Services) -> None:
    """Add the Complaints module to the main window (built when first opened)."""
    window.add_module(
        "complaints",
        QCoreApplication.translate("ComplaintsModule", "Complaints"),
        screen("retailerp.ui.complaints.list_page", "ComplaintsPage", services),
    )
    window.add_module(
        "complaint_insight",
        QCoreApplication.translate("ComplaintsModule", "Complaint insight"),
        screen("retailerp.ui.complaints.insight_page", "ComplaintInsightPage", services),
    )


def complaint_from(services: Services, parent: QWidget | None, **preset: Any) -> QWidget:
    """A new ticket pre-filled from a delivery, an invoice or a customer ("Complaint…")."""
    from retailerp.ui.complaints.ticket_dialog import TicketDialog

    values = {k: v for k, v in preset.items() if v is not None}
    if values.get("delivery_id") and not values.get("customer_id"):
        values["customer_id"] = services.complaints.delivery_customer(values["delivery_id"])
    dialog = TicketDialog(services, None, values, parent)
    dialog.show()
    return dialog
