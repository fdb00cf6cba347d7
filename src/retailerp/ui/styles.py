"""The colours the screens share: refusals in red, confirmations in green, cells at fault."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor

ERROR_COLOUR = "#b00020"
ERROR_STYLE = f"color: {ERROR_COLOUR};"
"""A refusal or warning shown in a label."""

MESSAGE_STYLE = "color: #1b5e20;"
"""A confirmation ("Invoice … made") shown in a label."""

ERROR_BRUSH = QBrush(QColor("#ffd6d6"))
"""The background of a table cell a refusal names."""
