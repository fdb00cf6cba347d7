"""Qt item models shared by the list screens."""

from retailerp.ui.models.lazy_table import ROW_ROLE, SORT_ROLE, LazyTableModel
from retailerp.ui.models.page_source import (
    DEFAULT_PAGE_SIZE,
    Column,
    DecoratingSource,
    PageQuery,
    PageSource,
    ReloadableSource,
    SortValueSource,
)

__all__ = [
    "DEFAULT_PAGE_SIZE",
    "ROW_ROLE",
    "SORT_ROLE",
    "Column",
    "DecoratingSource",
    "LazyTableModel",
    "PageQuery",
    "PageSource",
    "ReloadableSource",
    "SortValueSource",
]
