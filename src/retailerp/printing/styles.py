"""The embedded CJK font and the paragraph styles of printed documents.

Every text is set in WenQuanYi Micro Hei, embedded (as subsets) in the PDF, so a document
reads the same on a PC without Chinese fonts.  ReportLab's built-in ``STSong-Light`` is never
used: it is not embedded.  The CJK face has no bold, so emphasis is size only.
"""

from __future__ import annotations

import threading
import zlib
from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import PDFDocument, PDFObjectReference
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

from retailerp.fonts import CJK_SUBFONT_INDEX, cjk_font_path
from retailerp.printing.subsetting import subset_quickly

FONT = "RetailERP-WQYMicroHei"
"""The name the embedded CJK face is registered under with ReportLab."""

MARKER_RED = HexColor("#b00000")

_lock = threading.Lock()


def register_fonts() -> str:
    """Register the embedded CJK font with ReportLab (once per process); returns its name."""
    with _lock:
        if FONT not in pdfmetrics.getRegisteredFontNames():
            font = TTFont(FONT, str(cjk_font_path()), subfontIndex=CJK_SUBFONT_INDEX)
            keep_tables(font.face)
            subset_quickly(font.face)
            compress_subsets(font.face, SUBSET_COMPRESSION)
            pdfmetrics.registerFont(font)
    return FONT


def keep_tables(face: TTFontFace) -> None:
    """Make ``face`` keep each table it reads.  Every document's subset of the font reads
    the tables it copies from anew, the whole ``glyf`` table (3.5 MB here) included: a
    fresh copy of bytes that never change, about a tenth of a one-page note.  Kept, they
    cost ~4 MB of memory per process, once."""
    face.get_table = lru_cache(maxsize=None)(face.get_table)  # type: ignore[method-assign]


SUBSET_COMPRESSION = 1
"""The zlib level the embedded font subsets are compressed at (ReportLab's default is 6 for
every stream).  A subset is glyph outlines, which hardly compress: at 1 a one-page note's
subset (~41 kB) is ~4 % larger (28.9 against 27.8 kB) and takes ~45 % less time (1.6 against
2.8 ms, a tenth of the note).  Page contents stay at ReportLab's level."""


class Flate:
    """A ReportLab stream filter (``pdfname``, ``encode``, ``decode``, as its own
    ``PDFZCompress``) writing FlateDecode data at zlib level ``level``."""

    pdfname = "FlateDecode"

    def __init__(self, level: int) -> None:
        self.level = level

    def encode(self, data: bytes | str) -> bytes:
        if isinstance(data, str):
            data = data.encode("utf8")
        return zlib.compress(data, self.level)

    def decode(self, data: bytes) -> bytes:
        return zlib.decompress(data)


def compress_subsets(face: TTFontFace, level: int) -> None:
    """Make ``face`` compress the font subsets it embeds at zlib ``level``: its
    ``addSubsetObjects`` adds the subset's stream (``FontFile2`` of the font descriptor it
    returns) as ReportLab does, which is then given a :class:`Flate` filter of that level in
    place of ReportLab's (a document written without compression is left so).  Only this
    face's subsets change; every other stream, and every other font, is written as before."""
    add_subset = face.addSubsetObjects
    flate = Flate(level)

    def add(doc: PDFDocument, fontname: str, subset: list[int]) -> PDFObjectReference:
        reference = add_subset(doc, fontname, subset)
        descriptor = doc.idToObject[reference.name]
        stream = doc.idToObject[descriptor.dict["FontFile2"].name]
        if stream.filters:
            stream.filters = [flate]
        return reference

    face.addSubsetObjects = add  # type: ignore[method-assign]


def _style(name: str, wrap: str | None, size: float, **options: object) -> ParagraphStyle:
    options.setdefault("leading", round(size * 1.25, 1))
    return ParagraphStyle(
        name,
        fontName=register_fonts(),
        fontSize=size,
        wordWrap=wrap,
        splitLongWords=True,
        **options,
    )


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


@lru_cache(maxsize=16)
def make_styles(size: float, *, cjk: bool = True) -> Styles:
    """The styles of a document whose body text is ``size`` points (made once per size and
    language, then shared: a style is never changed, only cloned).

    ``cjk``: break lines anywhere, as Chinese text is (``wordWrap="CJK"``); otherwise break
    between words, and only split a word (or a run of Chinese characters) that cannot fit.
    """
    wrap = "CJK" if cjk else None
    return Styles(
        size=size,
        body=_style("body", wrap, size, alignment=TA_LEFT),
        small=_style("small", wrap, size - 1, alignment=TA_LEFT),
        right=_style("right", wrap, size, alignment=TA_RIGHT),
        center=_style("center", wrap, size, alignment=TA_CENTER),
        head=_style("head", wrap, size, alignment=TA_CENTER),
        title=_style("title", wrap, size * 2, alignment=TA_CENTER),
        company=_style("company", wrap, size * 1.4, alignment=TA_LEFT),
        marker=_style("marker", wrap, size * 1.2, alignment=TA_CENTER, textColor=MARKER_RED),
        capital=_style("capital", wrap, size + 0.5, alignment=TA_LEFT),
    )
