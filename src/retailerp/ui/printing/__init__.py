"""Print preview and printing of posted documents (picking lists, delivery notes, invoices)."""

from retailerp.ui.printing.batch import BatchOptions, BatchPrint, BatchResult, print_selected
from retailerp.ui.printing.preview import PrintPreviewDialog

__all__ = ["BatchOptions", "BatchPrint", "BatchResult", "PrintPreviewDialog", "print_selected"]
