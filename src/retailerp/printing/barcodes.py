"""Barcodes of printed documents: Code128 for numbers and item codes, QR for the number.

Both are drawn as vector shapes, so they need no font.
"""

from __future__ import annotations

import string

from reportlab.graphics.barcode.code128 import Code128
from reportlab.graphics.barcode.qr import QrCode
from reportlab.platypus import Flowable

MIN_BAR_WIDTH = 0.45
"""Thinnest bar (points) a laser printer and a scanner still manage."""
MAX_BAR_WIDTH = 0.9

_PRINTABLE = set(string.printable) - set("\t\n\r\x0b\x0c")


def encodable(value: str) -> bool:
    """Whether ``value`` can be written as Code128 (printable ASCII, not empty)."""
    return bool(value) and set(value) <= _PRINTABLE


def code128(value: str, max_width: float, height: float) -> Flowable | None:
    """A Code128 barcode at most ``max_width`` wide; ``None`` when it cannot be drawn legibly."""
    if not encodable(value):
        return None
    probe = Code128(value, barWidth=1.0, barHeight=height, humanReadable=0, quiet=0)
    modules_width, _ = probe.wrap(max_width, height)
    bar_width = min(MAX_BAR_WIDTH, max_width / modules_width)
    if bar_width < MIN_BAR_WIDTH:
        return None
    barcode = Code128(value, barWidth=bar_width, barHeight=height, humanReadable=0, quiet=0)
    barcode.hAlign = "LEFT"
    return barcode


def qr_code(value: str, size: float) -> Flowable:
    """A square QR code of ``value`` (any text, UTF-8), ``size`` points wide."""
    code = QrCode(value, width=size, height=size, qrBorder=0)
    code.hAlign = "RIGHT"
    return code
