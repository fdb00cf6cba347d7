"""Reusable widgets: the search box and the form framework."""

from retailerp.ui.widgets.form import FormPage
from retailerp.ui.widgets.search_box import SearchBox

__all__ = ["FormPage", "SearchBox"]
