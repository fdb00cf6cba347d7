"""The embedded CJK font and the paragraph styles of printed documents.

Every text is set in WenQuanYi Micro Hei, embedded (as subsets) in the PDF, so a document
reads the same on a PC without Chinese fonts.  ReportLab's built-in ``STSong-Light`` is never
used: it is not embedded.  The CJK face has no bold, so emphasis is size only.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from retailerp.fonts import CJK_SUBFONT_INDEX, cjk_font_path

FONT = "RetailERP-WQYMicroHei"
"""The name the embedded CJK face is registered under with ReportLab."""

_lock = threading.Lock()


def register_fonts() -> str:
    """Register the embedded CJK font with ReportLab (once per process); returns its name."""
    with _lock:
        if FONT not in pdfmetrics.getRegisteredFontNames():
            face = TTFont(FONT, str(cjk_font_path()), subfontIndex=CJK_SUBFONT_INDEX)
            pdfmetrics.registerFont(face)
    return FONT


@dataclass(frozen=True)
class Styles:
    """Paragraph styles for one base font size."""

    size: float
    body: ParagraphStyle
    small: ParagraphStyle
    right: ParagraphStyle
    center: ParagraphStyle
    head: ParagraphStyle
    title: ParagraphStyle
    company: ParagraphStyle
    marker: ParagraphStyle
    capital: ParagraphStyle


def _style(name: str, size: float, **options: object) -> ParagraphStyle:
    options.setdefault("leading", round(size * 1.25, 1))
    return ParagraphStyle(name, fontName=register_fonts(), fontSize=size, wordWrap="CJK", **options)


def make_styles(size: float) -> Styles:
    """The styles of a document whose body text is ``size`` points."""
    return Styles(
        size=size,
        body=_style("body", size, alignment=TA_LEFT),
        small=_style("small", size - 1, alignment=TA_LEFT),
        right=_style("right", size, alignment=TA_RIGHT),
        center=_style("center", size, alignment=TA_CENTER),
        head=_style("head", size, alignment=TA_CENTER),
        title=_style("title", size * 2, alignment=TA_CENTER),
        company=_style("company", size * 1.4, alignment=TA_LEFT),
        marker=_style("marker", size * 1.2, alignment=TA_CENTER, textColor=HexColor("#b00000")),
        capital=_style("capital", size + 0.5, alignment=TA_LEFT),
    )
