"""Opening return forms from anywhere (the returns list, the deliveries list, an order's
linked documents): one window per return, kept alive while open."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from retailerp.services import Services
from retailerp.ui.returns.dialog import ReturnDialog

_open: list[ReturnDialog] = []


def open_return(
    parent: QWidget | None,
    services: Services,
    return_id: int | None = None,
    delivery_id: int | None = None,
) -> ReturnDialog:
    """Show the return ``return_id`` (raising its window when open), or a new return,
    against ``delivery_id`` when given."""
    for dialog in _open:
        if return_id is not None and dialog.return_id() == return_id:
            dialog.show()
            dialog.raise_()
            dialog.activateWindow()
            return dialog
    dialog = ReturnDialog(services, return_id, delivery_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.finished.connect(lambda _r, d=dialog: _open.remove(d) if d in _open else None)
    _open.append(dialog)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
