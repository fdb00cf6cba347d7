"""Fitting text into table cells: measured widths, breaks only between words, never in numbers.

A cell's text is cut into *units* that must stay whole: a run of Latin letters, digits and
punctuation (a word, a code such as ``SKU-0010``, an amount such as ``100,000.00``) is one
unit; each Chinese character is a unit of its own (Chinese breaks between characters), with
closing punctuation kept on the character before it.  Lines are broken between units only, so
a column at least as wide as its widest unit never splits a word, a code or a number.

:func:`fit_columns` sizes a table's columns from what they hold: numbers get the width of
their widest value, text columns at least their widest unit and then a share of what is left;
when even that does not fit, the caller retries with a smaller font.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth

from retailerp.printing.styles import FONT

_CJK = (
    "\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3200-\u33ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
)
_CLOSING = "，。、；：？！）》」』】〕〉％,.;:?!)]}%"
_UNIT = re.compile(rf"[^\s{_CJK}]+|[{_CJK}][{re.escape(_CLOSING)}]*")


def text_width(value: str, size: float) -> float:
    """Width in points of ``value`` set in the document font at ``size``."""
    return stringWidth(value, FONT, size)


def units(value: str) -> list[str]:
    """The pieces of ``value`` that are never broken (spaces dropped)."""
    return _UNIT.findall(value)


def widest_unit(value: str, size: float) -> float:
    """Width of the widest unbreakable piece of ``value``."""
    return max((text_width(u, size) for u in units(value)), default=0.0)


def break_lines(value: str, width: float, size: float) -> list[str]:
    """``value`` broken into lines at most ``width`` wide, between units only.

    Spaces between Latin units are kept; Chinese characters join without one.  A unit wider
    than ``width`` gets a line of its own (it is never cut).  Explicit line breaks are kept.
    """
    lines: list[str] = []
    for paragraph in value.splitlines() or [""]:
        lines += _break_paragraph(paragraph, width, size)
    return lines


def _break_paragraph(value: str, width: float, size: float) -> list[str]:
    lines: list[str] = []
    current = ""
    for match in _UNIT.finditer(value):
        unit = match.group()
        spaced = bool(current) and match.start() > 0 and value[match.start() - 1].isspace()
        candidate = current + (" " if spaced else "") + unit
        if current and text_width(candidate, size) > width:
            lines.append(current)
            current = unit
        else:
            current = candidate
    lines.append(current)
    return lines


@dataclass(frozen=True)
class ColumnNeed:
    """What a column needs: ``least`` (widest unit or number), ``natural`` (widest whole text),
    ``fixed`` (numbers and barcodes: exactly ``least``) and its share ``weight`` of spare room."""

    least: float
    natural: float
    weight: float
    fixed: bool = False


def fit_columns(needs: Sequence[ColumnNeed], width: float) -> list[float] | None:
    """Column widths adding up to ``width``, or ``None`` when the least widths do not fit.

    Every column gets its least width; fixed columns keep it; the room left goes to the text
    columns in proportion to their weight, each first up to its natural width, the rest to
    all text columns by weight.
    """
    widths = [need.least for need in needs]
    spare = width - sum(widths)
    if spare < -0.01:
        return None
    growing = [i for i, need in enumerate(needs) if not need.fixed]
    if not growing:
        growing = list(range(len(needs)))
    spare = _grow_to_natural(needs, widths, growing, spare)
    total_weight = sum(needs[i].weight for i in growing) or 1.0
    for i in growing:
        widths[i] += spare * needs[i].weight / total_weight
    return widths


def _grow_to_natural(
    needs: Sequence[ColumnNeed], widths: list[float], growing: list[int], spare: float
) -> float:
    hungry = [i for i in growing if widths[i] < needs[i].natural]
    while spare > 0.01 and hungry:
        total_weight = sum(needs[i].weight for i in hungry) or 1.0
        given = 0.0
        for i in hungry:
            share = min(spare * needs[i].weight / total_weight, needs[i].natural - widths[i])
            widths[i] += share
            given += share
        spare -= given
        hungry = [i for i in hungry if widths[i] < needs[i].natural - 0.01]
        if given < 0.01:
            break
    return spare
