"""The look the screens share: message colours, state chips, icons.

Icons are Lucide SVGs shipped in ``resources/icons`` (licence beside them); an SVG icon is
drawn at whatever size and device-pixel ratio it is asked for, so it stays sharp at 150 %
and 200 % display scaling.
"""

from __future__ import annotations

import importlib.resources
from functools import cache
from pathlib import Path

from PySide6.QtGui import QBrush, QColor, QIcon

ERROR_COLOUR = "#b00020"
ERROR_STYLE = f"color: {ERROR_COLOUR};"
"""A refusal or warning shown in a label."""

MESSAGE_STYLE = "color: #1b5e20;"
"""A confirmation ("Invoice … made") shown in a label."""

WARNING_STYLE = "color: #8a5a00;"
"""A heads-up that is no refusal ("being edited on PC-2 …")."""


@cache
def error_brush() -> QBrush:
    """The background of a table cell a refusal names.  Made on first use: PySide's first
    ``QBrush`` sets up the class and its enums (the gradients' among them, ~5 ms), which the
    start need not pay."""
    return QBrush(QColor("#ffd6d6"))


# --- state chips ---------------------------------------------------------------------------

CHIP_COLOURS: dict[str, tuple[str, str]] = {
    # kind: (background, text)
    "draft": ("#eceff1", "#37474f"),
    "confirmed": ("#e3f2fd", "#0d47a1"),
    "picking": ("#fff8e1", "#8d6e00"),
    "partly_shipped": ("#fff3e0", "#a84300"),
    "shipped": ("#e0f2f1", "#00695c"),
    "invoiced": ("#ede7f6", "#4527a0"),
    "open": ("#ede7f6", "#4527a0"),
    "paid": ("#e8f5e9", "#1b5e20"),
    "closed": ("#f5f5f5", "#616161"),
    "cancelled": ("#f5f5f5", "#9e9e9e"),
    "overdue": ("#ffebee", "#b00020"),
    "active": ("#e8f5e9", "#1b5e20"),
    "ended": ("#f5f5f5", "#757575"),
    "retired": ("#f5f5f5", "#757575"),
    "below_minimum": ("#ffebee", "#b00020"),
}
"""Background and text colour of each state chip (one table for every list)."""


def chip_colours(kind: str) -> tuple[QColor, QColor]:
    background, text = CHIP_COLOURS.get(kind, CHIP_COLOURS["draft"])
    return QColor(background), QColor(text)


# --- icons -----------------------------------------------------------------------------------

ICONS = {
    "home": "house",
    "customers": "users",
    "items": "package",
    "stock": "warehouse",
    "orders": "shopping-cart",
    "deliveries": "truck",
    "invoices": "receipt",
    "settings": "settings",
    "new": "plus",
    "refresh": "refresh-cw",
    "print": "printer",
    "payment": "wallet",
    "confirm": "check",
    "cancel": "x",
    "search": "search",
    "save": "save",
    "invoice": "file-text",
    "pick": "list-checks",
    "count": "clipboard-check",
    "receive": "package-plus",
    "reverse": "undo-2",
    "review": "user-check",
    "classes": "chart-column",
    "preview": "eye",
    "quit": "log-out",
    "help": "circle-question-mark",
    "info": "info",
    "overdue": "alarm-clock",
    "warning": "triangle-alert",
    "database": "database",
    "user": "user",
    "keyboard": "keyboard",
    "done": "circle-check",
    "todo": "circle",
    "below_minimum": "package-minus",
    "package_minus": "package-minus",
    "company": "building-2",
    "import": "upload",
    "prepayment": "hand-coins",
    "complaints": "message-square-warning",
    "complaint_insight": "lightbulb",
    "red_invoices": "receipt-text",
    "consignment": "boxes",
    "audit": "shield-check",
}
"""What each icon stands for → the Lucide file name (without ``.svg``)."""


def icons_dir() -> Path:
    return Path(str(importlib.resources.files("retailerp.resources") / "icons"))


@cache
def icon(name: str) -> QIcon:
    """The icon for ``name`` (a key of :data:`ICONS`); an empty icon for an unknown name."""
    path = icons_dir() / f"{ICONS.get(name, name)}.svg"
    return QIcon(str(path)) if path.is_file() else QIcon()
