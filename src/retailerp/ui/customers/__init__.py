"""The customers module: the list and the customer card (each screen's module is imported
when it is first used)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from retailerp.lazy import exports

if TYPE_CHECKING:
    from retailerp.ui.customers.dialog import CustomerDialog
    from retailerp.ui.customers.list_page import CustomerListPage
    from retailerp.ui.customers.review import ReviewDialog

__all__ = ["CustomerDialog", "CustomerListPage", "ReviewDialog"]

__getattr__ = exports(
    __name__,
    {
        "CustomerDialog": "retailerp.ui.customers.dialog",
        "CustomerListPage": "retailerp.ui.customers.list_page",
        "ReviewDialog": "retailerp.ui.customers.review",
    },
)
