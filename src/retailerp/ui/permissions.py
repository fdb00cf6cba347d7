"""What the acting user's role may do, on screen: the one permission table asked again.

``gate(widget, services, "CustomerService.create")`` disables a button or menu action the
role may not use and says why in its tooltip ("Your role (sales) may not edit customers.");
the service refuses the call anyway, this only spares the user a refusal.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from retailerp import i18n
from retailerp.domain.security import Actor
from retailerp.services import Services, permissions


def may(services: Services | Actor, method: str) -> bool:
    """Whether the acting user may call ``method`` (``"ServiceClass.method"``)."""
    actor = services if isinstance(services, Actor) else services.ctx.actor
    return permissions.may(actor, method)


def why_not(services: Services | Actor, method: str) -> str:
    """ "Your role (sales) may not …" for ``method``; ``""`` when the role may."""
    actor = services if isinstance(services, Actor) else services.ctx.actor
    refusal = permissions.why_not(actor, method)
    if refusal is None:
        return ""
    what = refusal.params.get("what")
    if what is None:
        return refusal.render(i18n.translate)
    return QCoreApplication.translate("Permissions", "Your role ({role}) may not {what}.").format(
        role=i18n.translate("terms", actor.role_label), what=i18n.translate("terms", what)
    )


def gate(target: QWidget | QAction, services: Services | Actor, *methods: str) -> bool:
    """Disable ``target`` (saying why) unless the role may call every one of ``methods``;
    returns whether it may."""
    reasons = [text for text in (why_not(services, m) for m in methods) if text]
    if reasons:
        target.setEnabled(False)
        target.setToolTip(reasons[0])
        target.setProperty("denied", True)
        return False
    return True
