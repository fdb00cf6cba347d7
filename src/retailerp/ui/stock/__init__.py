"""The stock module: overview, documents, goods receipt, stock count, reversal."""

from retailerp.ui.stock.count import CountDialog
from retailerp.ui.stock.page import StockPage
from retailerp.ui.stock.receipt import ReceiptDialog

__all__ = ["CountDialog", "ReceiptDialog", "StockPage"]
