"""Adding the order-to-cash modules to the main window."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from retailerp.services import Services
from retailerp.ui.main_window import MainWindow, screen


def register_sales_modules(window: MainWindow, services: Services) -> None:
    """Orders, deliveries and invoices / receivables, each built when first opened."""
    window.add_module(
        "orders",
        QCoreApplication.translate("SalesModules", "Orders"),
        screen("retailerp.ui.sales.orders_page", "OrdersPage", services),
    )
    window.add_module(
        "deliveries",
        QCoreApplication.translate("SalesModules", "Deliveries"),
        screen("retailerp.ui.sales.deliveries_page", "DeliveriesPage", services),
    )
    window.add_module(
        "invoices",
        QCoreApplication.translate("SalesModules", "Invoices / receivables"),
        screen("retailerp.ui.sales.invoices_page", "InvoicesPage", services),
    )
