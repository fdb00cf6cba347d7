"""The lines table of a document: columns sized from their contents, a tail kept with the end.

Numbers never wrap: a number column is as wide as its widest value.  Text wraps only between
words or Chinese characters (see :mod:`retailerp.printing.fitting`).  When the columns do not
fit at the document's font size the whole table is set a little smaller, down to
``MIN_SIZE``.  The header row repeats on every page; a group heading (a bin on the picking
list) is never the last row of a page; the ``tail`` (totals, capital amount, signatures) is a
last row that cannot be split from the last line, so it never stands alone on a page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from reportlab.lib import colors
from reportlab.platypus import Flowable, Table, TableStyle
from reportlab.platypus.tables import CellStyle

from retailerp.printing import fitting
from retailerp.printing.barcodes import MIN_BAR_WIDTH, code128, code128_width, encodable
from retailerp.printing.layout import Sheet
from retailerp.printing.styles import FONT

GRID = colors.HexColor("#555555")
SHADE = colors.HexColor("#e6e6e6")
PADDING = 2.0
"""Left and right cell padding (points)."""
MIN_SIZE = 5.5
"""Smallest font the lines table is set in before text has to break inside a word."""
STEP = 0.5

Kind = Literal["text", "number", "center", "barcode"]


@dataclass(frozen=True)
class Column:
    """A column of a lines table: untranslated label, share of spare width, kind of content.

    ``number`` cells are right-aligned and never wrap; ``center`` cells are short centred
    texts (unit, line number); ``barcode`` cells hold a value drawn as Code128.
    """

    label: str
    weight: float = 1.0
    kind: Kind = "text"


@dataclass(frozen=True)
class Group:
    """A heading row spanning the table (e.g. a bin on the picking list)."""

    text: str


Row = Sequence[str] | Group


def _need(column: Column, label: str, cells: Sequence[str], size: float) -> fitting.ColumnNeed:
    pad = 2 * PADDING + 0.5
    head_least = max((fitting.text_width(w, size) for w in label.split()), default=0.0)
    head_natural = fitting.text_width(label, size)
    if column.kind == "barcode":
        widest = max((code128_width(c) for c in cells if encodable(c)), default=0.0)
        return fitting.ColumnNeed(max(widest, head_least) + pad, 0.0, 0.0, fixed=True)
    if column.kind == "number":
        widest = max((fitting.text_width(c, size) for c in cells), default=0.0)
        return fitting.ColumnNeed(max(widest, head_least) + pad, 0.0, 0.0, fixed=True)
    least = max([head_least] + [fitting.widest_unit(c, size) for c in cells])
    natural = max(
        [head_natural]
        + [fitting.text_width(line, size) for c in cells for line in c.splitlines() or [""]]
    )
    fixed = column.kind == "center"
    return fitting.ColumnNeed(least + pad, natural + pad, column.weight, fixed=fixed)


def column_widths(
    sheet: Sheet, columns: Sequence[Column], rows: Sequence[Row]
) -> tuple[list[float], float]:
    """Widths of the columns and the font size the table is set in."""
    labels = [sheet.wording(c.label) for c in columns]
    lines = [row for row in rows if not isinstance(row, Group)]
    size = sheet.styles.size
    while True:
        needs = [
            _need(c, label, [str(row[i]) for row in lines], size)
            for i, (c, label) in enumerate(zip(columns, labels, strict=True))
        ]
        widths = fitting.fit_columns(needs, sheet.width)
        if widths is not None:
            return widths, size
        if size - STEP < MIN_SIZE:
            least = sum(n.least for n in needs)
            return [sheet.width * n.least / least for n in needs], size
        size -= STEP


ALIGN = {"text": "LEFT", "number": "RIGHT", "center": "CENTER", "barcode": "LEFT"}
"""How each kind of column's cells are aligned (a barcode is drawn from the cell's left)."""


class _Cells:
    """Turns the texts of one table into lines broken to their column widths."""

    def __init__(self, widths: Sequence[float], size: float, sheet: Sheet) -> None:
        self.widths = widths
        self.size = size
        self.leading = round(size * 1.22, 2)
        self.bar_height = sheet.preset.bar_height * 0.8

    def text(self, value: str, width: float) -> str:
        """``value`` broken to the column's width, as a string of lines that the table sets
        in its font, size and alignment (the lines are broken here, between units; a
        ``Paragraph`` would only break them again).  Empty lines at the end are dropped."""
        inner = width - 2 * PADDING - 0.5
        lines = fitting.break_lines(value, inner, self.size)
        while len(lines) > 1 and not lines[-1]:
            lines.pop()
        return "\n".join(lines)

    def cell(self, value: str, column: Column, index: int) -> Flowable | str:
        width = self.widths[index]
        if column.kind == "barcode":
            barcode = code128(value, width - 2 * PADDING, self.bar_height)
            if barcode is not None:
                barcode.hAlign = "CENTER"
                return barcode
        return self.text(value, width)


def lines_table(
    sheet: Sheet,
    columns: Sequence[Column],
    rows: Sequence[Row],
    *,
    tail: Sequence[Flowable] = (),
) -> Table:
    """The lines as one table: header row (repeated on every page), lines, group headings,
    and the ``tail`` as a last row that stays on the page of the last line."""
    widths, size = column_widths(sheet, columns, rows)
    cells = _Cells(widths, size, sheet)
    labels = [sheet.wording(c.label) for c in columns]
    head = [cells.text(label, w) for label, w in zip(labels, widths, strict=True)]
    body: list[list[object]] = []
    groups: list[int] = []
    for row in rows:
        if isinstance(row, Group):
            groups.append(len(body) + 1)
            heading = cells.text(row.text, sum(widths))
            body.append([heading] + [""] * (len(columns) - 1))
        else:
            values = zip(row, columns, strict=True)
            body.append([cells.cell(str(v), c, i) for i, (v, c) in enumerate(values)])
    data: list[list[object]] = [head, *body]
    if tail:
        data.append([list(tail)] + [""] * (len(columns) - 1))
    table = Table(data, colWidths=widths, repeatRows=1)
    commands = _text_commands(columns, cells) + _commands(len(body), groups, bool(tail))
    table.setStyle(TableStyle(commands))
    return table


def _text_commands(columns: Sequence[Column], cells: _Cells) -> list[tuple]:
    """The size, leading and alignment of the cells' strings: by column kind, the header
    row centred (group headings and the tail are aligned left by :func:`_commands`)."""
    commands: list[tuple] = [
        ("FONTSIZE", (0, 0), (-1, -1), cells.size),
        ("LEADING", (0, 0), (-1, -1), cells.leading),
    ]
    commands += [
        ("ALIGN", (i, 1), (i, -1), ALIGN[column.kind])
        for i, column in enumerate(columns)
        if ALIGN[column.kind] != "LEFT"
    ]
    return [*commands, ("ALIGN", (0, 0), (-1, 0), "CENTER")]


def _commands(lines: int, groups: Sequence[int], tail: bool) -> list[tuple]:
    last_line = lines  # row index of the last line (the header is row 0)
    commands: list[tuple] = [
        ("GRID", (0, 0), (-1, last_line), 0.4, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]
    for index in groups:
        commands += [
            ("SPAN", (0, index), (-1, index)),
            ("ALIGN", (0, index), (-1, index), "LEFT"),
            # the blank cells under the heading's span keep a table's own leading, which
            # has always set the least height of a heading row
            ("LEADING", (1, index), (-1, index), CellStyle("blank").leading),
            ("BACKGROUND", (0, index), (-1, index), SHADE),
            ("NOSPLIT", (0, index), (-1, min(index + 1, last_line))),
        ]
    if tail:
        tail_row = last_line + 1
        commands += [
            ("SPAN", (0, tail_row), (-1, tail_row)),
            ("ALIGN", (0, tail_row), (-1, tail_row), "LEFT"),
            ("LEFTPADDING", (0, tail_row), (-1, tail_row), 0),
            ("RIGHTPADDING", (0, tail_row), (-1, tail_row), 0),
            ("NOSPLIT", (0, max(last_line, 1)), (-1, tail_row)),
        ]
    return commands


__all__ = ["MIN_BAR_WIDTH", "Column", "Group", "Row", "column_widths", "lines_table"]
