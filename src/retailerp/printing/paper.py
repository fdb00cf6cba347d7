"""Paper: the page presets a document can be laid out on (sizes in points, no ReportLab).

Kept apart from :mod:`retailerp.printing.layout` so that naming a preset (settings, the print
dialog, the services) does not import ReportLab; only laying a document out does.
"""

from __future__ import annotations

from dataclasses import dataclass

mm = 72 / 25.4
"""One millimetre in points (what ``reportlab.lib.units.mm`` is)."""


@dataclass(frozen=True)
class PagePreset:
    """A paper size (points) with its margins and the sizes that suit it."""

    name: str
    width: float
    height: float
    left: float
    right: float
    top: float
    bottom: float
    font_size: float
    qr_size: float
    bar_height: float

    @property
    def frame_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def frame_height(self) -> float:
        return self.height - self.top - self.bottom

    @property
    def wide(self) -> bool:
        """Wider than tall (continuous forms): blocks are laid out side by side to save height."""
        return self.width > self.height


A4 = PagePreset("A4", 210 * mm, 297 * mm, 15 * mm, 15 * mm, 14 * mm, 14 * mm, 9, 20 * mm, 9 * mm)
A5 = PagePreset("A5", 148 * mm, 210 * mm, 10 * mm, 10 * mm, 11 * mm, 11 * mm, 7.5, 15 * mm, 7 * mm)
CONTINUOUS_241x140 = PagePreset(
    "241x140", 241 * mm, 140 * mm, 13 * mm, 13 * mm, 9 * mm, 9 * mm, 8.5, 15 * mm, 6 * mm
)
"""Continuous dot-matrix paper, 241 mm wide (tractor strips included), 140 mm per part."""
CONTINUOUS_241x93 = PagePreset(
    "241x93", 241 * mm, 93 * mm, 13 * mm, 13 * mm, 7 * mm, 6.5 * mm, 8, 11 * mm, 5 * mm
)
"""Continuous dot-matrix paper, 241 mm wide, 93 mm (a third of 279 mm) per part."""

PRESETS: dict[str, PagePreset] = {
    p.name: p for p in (A4, A5, CONTINUOUS_241x140, CONTINUOUS_241x93)
}
