"""The customers module: the list and the customer card."""

from retailerp.ui.customers.dialog import CustomerDialog
from retailerp.ui.customers.list_page import CustomerListPage
from retailerp.ui.customers.review import ReviewDialog

__all__ = ["CustomerDialog", "CustomerListPage", "ReviewDialog"]
