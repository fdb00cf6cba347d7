"""The items module: the item list and the item card (each screen's module is imported when
it is first used)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from retailerp.lazy import exports

if TYPE_CHECKING:
    from retailerp.ui.items.dialog import ItemDialog
    from retailerp.ui.items.list_page import ItemListPage
    from retailerp.ui.items.units import UnitsDialog

__all__ = ["ItemDialog", "ItemListPage", "UnitsDialog"]

__getattr__ = exports(
    __name__,
    {
        "ItemDialog": "retailerp.ui.items.dialog",
        "ItemListPage": "retailerp.ui.items.list_page",
        "UnitsDialog": "retailerp.ui.items.units",
    },
)
