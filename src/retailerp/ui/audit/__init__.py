"""The audit trail screen (the owner's): who did what, when, on which PC."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from retailerp.domain.security import Permission
from retailerp.lazy import exports
from retailerp.services import Services
from retailerp.ui.main_window import MainWindow, screen

if TYPE_CHECKING:
    from retailerp.ui.audit.page import AuditPage

__all__ = ["AuditPage", "register_audit_module"]

__getattr__ = exports(__name__, {"AuditPage": "retailerp.ui.audit.page"})


def register_audit_module(window: MainWindow, services: Services) -> None:
    """The module ``audit``, for those who may read the trail (its screen built when first
    opened)."""
    if not services.ctx.actor.may(Permission.ADMINISTER):
        return
    window.add_module(
        "audit",
        QCoreApplication.translate("App", "Audit trail"),
        screen("retailerp.ui.audit.page", "AuditPage", services),
    )
