"""The stock module: overview, documents, goods receipt, stock count, reversal (each screen's
module is imported when it is first used)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from retailerp.lazy import exports

if TYPE_CHECKING:
    from retailerp.ui.stock.count import CountDialog
    from retailerp.ui.stock.page import StockPage
    from retailerp.ui.stock.receipt import ReceiptDialog

__all__ = ["CountDialog", "ReceiptDialog", "StockPage"]

__getattr__ = exports(
    __name__,
    {
        "CountDialog": "retailerp.ui.stock.count",
        "ReceiptDialog": "retailerp.ui.stock.receipt",
        "StockPage": "retailerp.ui.stock.page",
    },
)
