"""The items module: the item list and the item card."""

from retailerp.ui.items.dialog import ItemDialog
from retailerp.ui.items.list_page import ItemListPage
from retailerp.ui.items.units import UnitsDialog

__all__ = ["ItemDialog", "ItemListPage", "UnitsDialog"]
