"""Adding the red invoice module to the main window."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from retailerp.services import Services
from retailerp.ui.main_window import MainWindow, screen


def register_red_invoice_module(window: MainWindow, services: Services) -> None:
    """Red invoices, built when first opened (the home page's queue opens it too)."""
    window.add_module(
        "red_invoices",
        QCoreApplication.translate("RedInvoiceModules", "Red invoices"),
        screen("retailerp.ui.red_invoices.page", "RedInvoicesPage", services),
    )
