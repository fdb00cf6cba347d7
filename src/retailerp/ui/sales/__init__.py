"""Order to cash on screen: orders, deliveries, invoices and receivables."""

from retailerp.ui.sales.register import register_sales_modules

__all__ = ["register_sales_modules"]
