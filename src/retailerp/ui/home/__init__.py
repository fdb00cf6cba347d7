"""The home page (今日工作台): today's work queues, or the first steps of a new shop."""

from retailerp.ui.home.page import HomePage, register_home_module

__all__ = ["HomePage", "register_home_module"]
