"""Adding the order-to-cash modules to the main window."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from retailerp.services import Services
from retailerp.ui.main_window import MainWindow


def register_sales_modules(window: MainWindow, services: Services) -> None:
    """Orders, deliveries and invoices / receivables, each built when first opened."""
    from retailerp.ui.sales.deliveries_page import DeliveriesPage
    from retailerp.ui.sales.invoices_page import InvoicesPage
    from retailerp.ui.sales.orders_page import OrdersPage

    window.add_module(
        "orders", QCoreApplication.translate("SalesModules", "Orders"), lambda: OrdersPage(services)
    )
    window.add_module(
        "deliveries",
        QCoreApplication.translate("SalesModules", "Deliveries"),
        lambda: DeliveriesPage(services),
    )
    window.add_module(
        "invoices",
        QCoreApplication.translate("SalesModules", "Invoices / receivables"),
        lambda: InvoicesPage(services),
    )
