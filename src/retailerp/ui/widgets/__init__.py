"""Reusable widgets: the search box, the date field and the form framework."""

from retailerp.ui.widgets.date_field import DateField
from retailerp.ui.widgets.form import FormPage
from retailerp.ui.widgets.search_box import SearchBox

__all__ = ["DateField", "FormPage", "SearchBox"]
