"""Plain text drawn as strings: what a ``Paragraph`` draws for text that needs no breaking.

A ``Paragraph`` parses its text as markup and breaks it into lines on every wrap (a table
wraps each cell twice: to size the row and to draw it).  Most texts of a document are plain
and short: a code, an amount, a name that fits its column.  :class:`TextLines` draws lines
that are already broken (the lines table breaks its cells itself, see
:mod:`retailerp.printing.fitting`); :class:`FitText` draws a text on one line when it fits
the width it is given and hands it to a ``Paragraph`` when it does not, so long texts still
wrap as before.  Both put every line exactly where the ``Paragraph`` would: the first
baseline one font size below the top, the next ones a leading apart, aligned by the style.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.colors import toColor
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus.paragraph import _FUZZ
from reportlab.platypus.tables import CellStyle

_ALIGNMENTS = (TA_LEFT, TA_CENTER, TA_RIGHT)
_SLACK = 0.01
"""A text counts as fitting only this much (points) inside its width: at a tie the
``Paragraph`` decides, as before."""


@lru_cache(maxsize=256)
def _plain_style(style: ParagraphStyle) -> bool:
    """Whether ``style`` sets text as :class:`TextLines` can: no indents, borders or
    background, no automatic leading, left, centred or right aligned."""
    return (
        style.alignment in _ALIGNMENTS
        and not (style.leftIndent or style.rightIndent or style.firstLineIndent)
        and not (style.backColor or style.borderWidth or style.borderPadding)
        and getattr(style, "autoLeading", "") in ("", "off", None)
        and style.wordWrap in (None, "CJK", "LTR")
    )


class TextLines(Flowable):
    """Lines of plain text in one paragraph style, each drawn as one string.

    As a ``Paragraph`` of the same lines joined by ``<br/>``: as wide as it is given, one
    leading per line, empty lines at the end dropped (an empty text is 0 high)."""

    def __init__(self, lines: Sequence[str], style: ParagraphStyle) -> None:
        super().__init__()
        kept = list(lines)
        while kept and not kept[-1]:
            kept.pop()
        self.lines = kept
        self.style = style

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        if availWidth < _FUZZ:
            return 0, 0x7FFFFFFF  # as a Paragraph: nothing fits here
        self.width = availWidth
        self.height = len(self.lines) * self.style.leading
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        return []

    def getSpaceBefore(self) -> float:  # noqa: N802 - ReportLab's name
        return self.style.spaceBefore

    def getSpaceAfter(self) -> float:  # noqa: N802 - ReportLab's name
        return self.style.spaceAfter

    def minWidth(self) -> float:  # noqa: N802 - ReportLab's name
        style = self.style
        return max(
            (stringWidth(word, style.fontName, style.fontSize)
             for line in self.lines for word in line.split(" ")),
            default=0.0,
        )  # fmt: skip

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803
        """Draw the lines at (``x``, ``y``), each written as the text object ``drawString``
        writes, without making the text object, at its place on the page, and without
        setting a colour that is already set.  The state is saved around the lines only when
        the colour is changed or the canvas's current font is not an embedded face (whose
        every text object sets its font, so one left set here cannot stand in for it); a
        font that is not an embedded TrueType face, or a top-down canvas, goes the usual
        way."""
        style = self.style
        font = pdfmetrics.getFont(style.fontName)
        usual = not getattr(font, "_dynamicFont", False) or getattr(font, "shapable", False)
        if usual or not canvas.bottomup:
            super().drawOn(canvas, x, y, _sW)
            return
        coloured = not _same_colour(canvas._fillColorObj, style.textColor)
        kept = coloured or not _sets_own_font(canvas._fontname)
        if kept:
            canvas.saveState()
        if coloured:
            canvas.setFillColor(style.textColor)
        x, y = _written(self._hAlignAdjust(x, _sW)), _written(y)  # as Flowable.drawOn would
        setting = f"{fp_str(style.fontSize)} Tf {fp_str(style.leading)} TL"
        baseline = self.height - style.fontSize
        for line in self.lines:
            if line:
                left = _written(_offset(line, style, self.width))
                origin = f"{_decimal(x + left)} {_decimal(y + _written(baseline))}"
                _write_line(canvas, font, origin, line, setting)
            baseline -= style.leading
        if kept:
            canvas.restoreState()

    def draw(self) -> None:
        """(Used only for a font drawn the usual way, placed by ``drawOn``.)"""
        canvas, style = self.canv, self.style
        canvas.setFillColor(style.textColor)  # drawOn saves and restores the state
        canvas.setFont(style.fontName, style.fontSize, style.leading)
        y = self.height - style.fontSize
        for line in self.lines:
            if line:
                canvas.drawString(_offset(line, style, self.width), y, line)
            y -= style.leading


def _written(value: float) -> float:
    """``value`` as the PDF gives it (``fp_str``'s six significant digits).  A text is put
    where a shift of the origin and then the text's own position, each written so, put it:
    the sum of the two, written in full (:func:`_decimal`), not rounded once more."""
    return float(fp_str(value))


def _decimal(value: float) -> str:
    """``value`` with up to six decimals, as short as it goes (``170.2851``, ``50``)."""
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def _offset(line: str, style: ParagraphStyle, width: float) -> float:
    """Where ``line`` starts in a ``width`` wide box, by the style's alignment."""
    if style.alignment == TA_LEFT:
        return 0.0
    spare = width - stringWidth(line, style.fontName, style.fontSize)
    return spare if style.alignment == TA_RIGHT else spare / 2


def _write_line(canvas: Canvas, font: object, origin: str, line: str, setting: str) -> None:
    """What ``canvas.drawString(x, y, line)`` writes for an embedded TrueType font, byte for
    byte, ``origin`` being ``fp_str(x, y)``: a text object at (x, y), each run of the line in
    its font subset."""
    document = canvas._doc
    parts = ["BT", f"1 0 0 1 {origin} Tm"]
    for subset, chunk in font.splitString(line, document):
        parts.append(f"{font.getSubsetInternalName(subset, document)} {setting}")
        parts.append(f"({canvas._escape(chunk)}) Tj")
    parts[-1] += " T*"
    parts.append("ET")
    canvas._code.append(" ".join(parts))


class QuickStrings:
    """A canvas mixin: ``drawString``, ``drawRightString`` and ``drawCentredString`` of plain
    text in an embedded TrueType face write what ReportLab writes (:func:`_write_line`)
    without building a text object; with any other font, option or a top-down canvas they
    go ReportLab's way.  Table cells holding strings are drawn by these."""

    def drawString(self, x: float, y: float, text: str, *args: Any, **options: Any) -> None:  # noqa: N802 - ReportLab's name
        if args or options or not self._quick(x, y, text, 0.0):
            super().drawString(x, y, text, *args, **options)  # type: ignore[misc]

    def drawRightString(self, x: float, y: float, text: str, *args: Any, **options: Any) -> None:  # noqa: N802 - ReportLab's name
        if args or options or not self._quick(x, y, text, 1.0):
            super().drawRightString(x, y, text, *args, **options)  # type: ignore[misc]

    def drawCentredString(self, x: float, y: float, text: str, *args: Any, **options: Any) -> None:  # noqa: N802 - ReportLab's name
        if args or options or not self._quick(x, y, text, 0.5):
            super().drawCentredString(x, y, text, *args, **options)  # type: ignore[misc]

    def _quick(self, x: float, y: float, text: object, shift: float) -> bool:
        """Write ``text`` at (``x`` less ``shift`` times its width, ``y``) if it can be
        written directly (no option given: mode, spacing, direction, shaping); whether it
        was.  An empty text is written as nothing (ReportLab writes an empty text object)."""
        if not isinstance(text, str):
            return False
        if not text:
            return True
        canvas: Canvas = self  # type: ignore[assignment]
        font = pdfmetrics.getFont(canvas._fontname)
        if not _writes_directly(font) or not canvas.bottomup:
            return False
        size = canvas._fontsize
        if shift:
            x -= shift * stringWidth(text, canvas._fontname, size)
        setting = f"{fp_str(size)} Tf {fp_str(canvas._leading)} TL"
        _write_line(canvas, font, fp_str(x, y), text, setting)
        return True


def _writes_directly(font: object) -> bool:
    """Whether text in ``font`` can be written by :func:`_write_line`: an embedded
    (subset) TrueType face that is not shaped."""
    return bool(getattr(font, "_dynamicFont", False)) and not getattr(font, "shapable", False)


def _sets_own_font(name: str) -> bool:
    """Whether text in font ``name`` sets its font in each text object (an embedded
    TrueType face does; a standard font is set once, outside, by ``setFont``)."""
    return bool(getattr(pdfmetrics.getFont(name), "_dynamicFont", False))


@lru_cache(maxsize=64)
def _same_colour(current: object, wanted: object) -> bool:
    try:
        return toColor(current) == toColor(wanted)
    except (TypeError, ValueError):
        return False


class FitText(Flowable):
    """Plain lines (not markup) in a paragraph style: drawn as :class:`TextLines` when every
    line fits the width given, else as the ``Paragraph`` of the escaped text, which breaks
    them.  Decided again on every wrap, since a table may try more than one width."""

    def __init__(self, lines: Sequence[str], style: ParagraphStyle) -> None:
        super().__init__()
        self.lines = list(lines)
        self.style = style
        self._paragraph: Paragraph | None = None
        self._plain: TextLines | None = None
        self._shown: Flowable | None = None
        self._widest: float | None = None
        self._simple = _plain_style(style) and all(_normalised(line) for line in self.lines)

    def paragraph(self) -> Paragraph:
        """The ``Paragraph`` this text is drawn as when it does not fit (made once)."""
        if self._paragraph is None:
            markup = "<br/>".join(escape(line) for line in self.lines)
            self._paragraph = Paragraph(markup, self.style)
        return self._paragraph

    def _fits(self, width: float) -> bool:
        if not self._simple:
            return False
        if self._widest is None:
            font, size = self.style.fontName, self.style.fontSize
            self._widest = max((stringWidth(line, font, size) for line in self.lines), default=0)
        return self._widest <= width - _SLACK

    def fits(self, width: float) -> bool:
        """Whether the text is drawn as plain lines (not a paragraph) at ``width``."""
        return self._fits(width)

    def _choose(self, width: float) -> Flowable:
        if self._fits(width):
            if self._plain is None:
                self._plain = TextLines(self.lines, self.style)
            return self._plain
        return self.paragraph()

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self._shown = self._choose(availWidth)
        width, height = self._shown.wrap(availWidth, availHeight)
        self.width, self.height = width, height
        return width, height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        return self._choose(availWidth).split(availWidth, availHeight)

    def drawOn(self, canvas: object, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803
        shown = self._shown or self._choose(self.width)
        shown.drawOn(canvas, x, y, _sW)

    def getSpaceBefore(self) -> float:  # noqa: N802 - ReportLab's name
        return self.style.spaceBefore

    def getSpaceAfter(self) -> float:  # noqa: N802 - ReportLab's name
        return self.style.spaceAfter

    def minWidth(self) -> float:  # noqa: N802 - ReportLab's name
        return self.paragraph().minWidth()


def _normalised(line: str) -> bool:
    """Whether ``line`` is as a Paragraph shows it: single spaces between words, none at
    either end, no other white space (a Paragraph would collapse or break there)."""
    return (
        line == line.strip() and "  " not in line and all(c == " " or not c.isspace() for c in line)
    )


def fit_text(value: str, style: ParagraphStyle) -> FitText:
    """``value`` (plain text, one line) in ``style``; see :class:`FitText`."""
    return FitText([value], style)


TABLE_ALIGN = {TA_LEFT: "LEFT", TA_CENTER: "CENTER", TA_RIGHT: "RIGHT"}
_CELL = CellStyle("cell")
"""A table cell's own settings, before any style command."""


def table_cell(value: str, style: ParagraphStyle, width: float) -> str | FitText:
    """``value`` for a table cell ``width`` wide inside its padding: the string itself when
    it fits on one line, for the table to set in ``style`` (:func:`style_commands`), else
    the :class:`FitText` that breaks it."""
    text = fit_text(value, style)
    return value if value and text.fits(width) else text


def style_commands(style: ParagraphStyle, start: tuple[int, int], end: tuple[int, int]) -> list:
    """Table style commands setting the cells' strings from ``start`` to ``end`` as a
    :class:`TextLines` in ``style`` sets them: font, size, leading, and the colour and
    alignment where they are not a cell's own (black, left)."""
    commands: list[tuple] = [
        ("FONTNAME", start, end, style.fontName),
        ("FONTSIZE", start, end, style.fontSize),
        ("LEADING", start, end, style.leading),
    ]
    if not _same_colour(style.textColor, _CELL.color):
        commands.append(("TEXTCOLOR", start, end, style.textColor))
    if TABLE_ALIGN[style.alignment] != _CELL.alignment:
        commands.append(("ALIGN", start, end, TABLE_ALIGN[style.alignment]))
    return commands
