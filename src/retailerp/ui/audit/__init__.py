"""The audit trail screen (the owner's): who did what, when, on which PC."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from retailerp.domain.security import Permission
from retailerp.services import Services
from retailerp.ui.audit.page import AuditPage
from retailerp.ui.main_window import MainWindow

__all__ = ["AuditPage", "register_audit_module"]


def register_audit_module(window: MainWindow, services: Services) -> None:
    """The module ``audit``, for those who may read the trail."""
    if not services.ctx.actor.may(Permission.ADMINISTER):
        return
    window.add_module(
        "audit", QCoreApplication.translate("App", "Audit trail"), lambda: AuditPage(services)
    )
