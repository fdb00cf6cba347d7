"""Barcodes of printed documents: Code128 for numbers and item codes, QR for the number.

Both are drawn as vector shapes, so they need no font.  Each carries its quiet zone (the
blank margin a scanner needs to find where the symbol starts and ends): ten modules either
side of a Code128 symbol, four modules around a QR code.  Widths given and returned include
the quiet zones, so a barcode placed in a cell never touches a grid line or its neighbour.
"""

from __future__ import annotations

import string
from functools import lru_cache

from reportlab.graphics.barcode.code128 import Code128
from reportlab.platypus import Flowable

from retailerp.printing.qr import QrSymbol

DOT = 72 / 300
"""One printer dot at 300 dpi (points); bar widths are whole dots, so bars print evenly at
300 and 600 dpi instead of alternating thick and thin."""
MIN_BAR_WIDTH = 2 * DOT
"""Thinnest bar (points): two printer dots at 300 dpi, which scanners and printers manage."""
MAX_BAR_WIDTH = 4 * DOT
QUIET_MODULES = 10
"""Code128 quiet zone on each side, in modules (ISO/IEC 15417 asks for at least ten)."""
QR_BORDER = 4
"""QR quiet zone, in modules, on every side (ISO/IEC 18004)."""

_PRINTABLE = set(string.printable) - set("\t\n\r\x0b\x0c")


class _Code128(Code128):
    """ReportLab's Code128, encoded once: ReportLab encodes a barcode again on every wrap
    and draw, and a table wraps its cells several times."""

    _calculated = False

    def _calculate(self) -> None:
        if not self._calculated:
            super()._calculate()
            self._calculated = True


def encodable(value: str) -> bool:
    """Whether ``value`` can be written as Code128 (printable ASCII, not empty)."""
    return bool(value) and set(value) <= _PRINTABLE


@lru_cache(maxsize=1024)
def modules(value: str) -> int:
    """Width of ``value`` as Code128 in modules, quiet zones left out."""
    probe = Code128(value, barWidth=1.0, barHeight=1.0, humanReadable=0, quiet=0)
    width, _ = probe.wrap(10_000, 1)
    return round(width)


def code128_width(value: str, bar_width: float = MIN_BAR_WIDTH) -> float:
    """Width of ``value`` as Code128 with its quiet zones, at ``bar_width`` points per module."""
    return (modules(value) + 2 * QUIET_MODULES) * bar_width


def code128(value: str, max_width: float, height: float) -> Flowable | None:
    """A Code128 barcode (quiet zones included) at most ``max_width`` wide; ``None`` when it
    cannot be drawn legibly in that width (or at all)."""
    if not encodable(value):
        return None
    total_modules = modules(value) + 2 * QUIET_MODULES
    dots = (min(MAX_BAR_WIDTH, max_width / total_modules) + 1e-6) // DOT
    bar_width = dots * DOT
    if bar_width < MIN_BAR_WIDTH - 1e-9:
        return None
    quiet = QUIET_MODULES * bar_width
    barcode = _Code128(
        value,
        barWidth=bar_width,
        barHeight=height,
        humanReadable=0,
        quiet=1,
        lquiet=quiet,
        rquiet=quiet,
    )
    barcode.hAlign = "LEFT"
    return barcode


def qr_code(value: str, size: float) -> Flowable:
    """A square QR code of ``value`` (any text, UTF-8), ``size`` points wide with its border
    (see :mod:`retailerp.printing.qr`: the symbol of a number is encoded once)."""
    code = QrSymbol(value, size, QR_BORDER)
    code.hAlign = "RIGHT"
    return code
