"""The returns area: the returns list, the return form, returns by reason, item and month."""

from retailerp.ui.returns.register import register_returns_modules

__all__ = ["register_returns_modules"]
