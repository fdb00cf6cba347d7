"""What the acting user's role may do, on screen: the one permission table asked again.

``gate(widget, services, "CustomerService.create")`` disables a button or menu action the
role may not use and says why in its tooltip ("Your role (sales) may not edit customers.");
the service refuses the call anyway, this only spares the user a refusal. Every gated target
carries the methods it leads to (property ``permission``), so a test can check each screen
against the table. :func:`gated_shortcut` is the same for a key (Ctrl+N, Ctrl+R): pressed by
a role that may not, it opens nothing and says why in the status bar.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QCursor, QKeySequence, QShortcut
from PySide6.QtWidgets import QToolTip, QWidget

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
    target.setProperty("permission", " ".join(methods))
    reasons = [text for text in (why_not(services, m) for m in methods) if text]
    if reasons:
        target.setEnabled(False)
        target.setToolTip(reasons[0])
        target.setProperty("denied", True)
        return False
    return True


def allowed(target: QWidget | QAction) -> bool:
    """Whether :func:`gate` left ``target`` usable (for code that enables it later, e.g. on
    a selection: ``button.setEnabled(selected and allowed(button))``)."""
    return not target.property("denied")


def guarded(
    parent: QWidget, services: Services | Actor, method: str, slot: Callable[[], object]
) -> Callable[[], object]:
    """``slot`` when the role may call ``method``; otherwise a call that says why (in the
    main window's status bar, else as a tooltip) and opens nothing."""

    def call() -> object:
        reason = why_not(services, method)
        if not reason:
            return slot()
        window = parent.window()
        show_status = getattr(window, "show_status", None)
        if callable(show_status):
            show_status(reason)
        else:
            QToolTip.showText(QCursor.pos(), reason, parent)
        return None

    return call


def gated_shortcut(
    keys: QKeySequence | QKeySequence.StandardKey | str,
    parent: QWidget,
    services: Services | Actor,
    method: str,
    slot: Callable[[], object],
) -> QShortcut:
    """A key anywhere inside ``parent`` that calls ``slot`` only for a role that may call
    ``method`` (see :func:`guarded`); the shortcut carries ``method`` as its ``permission``."""
    shortcut = QShortcut(QKeySequence(keys), parent)
    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    shortcut.setProperty("permission", method)
    shortcut.activated.connect(guarded(parent, services, method, slot))
    return shortcut
