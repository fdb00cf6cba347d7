"""The red invoice screens: the list and the form (红字发票)."""

from retailerp.ui.red_invoices.register import register_red_invoice_module

__all__ = ["register_red_invoice_module"]
