"""The picking list (拣货单): what to take from which bin, in walking order.

Lines are grouped by bin and sorted along the bins (A-2 before A-10), each with its item
barcode, batch / expiry or serial, and a blank "Picked" column to tick; picker and checker
sign at the bottom.  No prices.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from itertools import groupby
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, Paragraph, Spacer

from retailerp.domain.text import QT_TRANSLATE_NOOP
from retailerp.printing import blocks
from retailerp.printing.barcodes import code128
from retailerp.printing.blocks import Cell, Column
from retailerp.printing.layout import A4, Body, PagePreset, Sheet, build_pdf
from retailerp.printing.model import PrintDocument, PrintLine
from retailerp.printing.wording import quantity_text

TITLE = QT_TRANSLATE_NOOP("print", "Picking list")
KIND = "picking_list"

COLUMNS = (
    Column(QT_TRANSLATE_NOOP("print", "No."), 0.5, "center"),
    Column(QT_TRANSLATE_NOOP("print", "Bin"), 0.9),
    Column(QT_TRANSLATE_NOOP("print", "Code"), 1.1),
    Column(QT_TRANSLATE_NOOP("print", "Item"), 2.3),
    Column(QT_TRANSLATE_NOOP("print", "Unit"), 0.6, "center"),
    Column(QT_TRANSLATE_NOOP("print", "Quantity"), 0.8, "right"),
    Column(QT_TRANSLATE_NOOP("print", "Batch / expiry / serial"), 1.4),
    Column(QT_TRANSLATE_NOOP("print", "Barcode"), 2.0, "center"),
    Column(QT_TRANSLATE_NOOP("print", "Picked"), 0.8),
)
BARCODE_COLUMN = 7

BIN = QT_TRANSLATE_NOOP("print", "Bin")
NO_BIN = QT_TRANSLATE_NOOP("print", "No bin")
LINE_COUNT = QT_TRANSLATE_NOOP("print", "Lines")
TOTAL_QUANTITY = QT_TRANSLATE_NOOP("print", "Total quantity")
PICKER = QT_TRANSLATE_NOOP("print", "Picker")
CHECKER = QT_TRANSLATE_NOOP("print", "Checker")


def bin_key(bin_code: str) -> tuple[bool, list[int | str]]:
    """Sort key of a bin: numbers compared as numbers (A-2 < A-10); lines without bin last."""
    parts = re.split(r"(\d+)", bin_code.strip().upper())
    return (not bin_code.strip(), [int(p) if p.isdigit() else p for p in parts])


def in_bin_order(lines: Sequence[PrintLine]) -> list[PrintLine]:
    """The lines in walking order: by bin, then by line number."""
    return sorted(lines, key=lambda line: (bin_key(line.bin), line.no))


def _item_cell(sheet: Sheet, line: PrintLine) -> Cell:
    if not line.spec:
        return line.name
    markup = f"{escape(line.name)}<br/><font size={sheet.styles.size - 1}>{escape(line.spec)}"
    return Paragraph(markup + "</font>", sheet.styles.body)


def _barcode_cell(sheet: Sheet, line: PrintLine, width: float) -> Cell:
    value = line.barcode or line.code
    barcode = code128(value, width, sheet.preset.bar_height * 0.8)
    if barcode is None:
        return value
    barcode.hAlign = "CENTER"
    return barcode


def _line_row(sheet: Sheet, line: PrintLine, barcode_width: float) -> list[Cell]:
    return [
        str(line.no),
        line.bin,
        line.code,
        _item_cell(sheet, line),
        line.unit,
        quantity_text(line.quantity),
        blocks.tracking_text(line),
        _barcode_cell(sheet, line, barcode_width),
        "",
    ]


def _rows(sheet: Sheet, doc: PrintDocument) -> tuple[list[list[Cell]], list[int]]:
    """Table rows with a heading row per bin, and the indexes of those headings."""
    width = blocks.column_widths(sheet, COLUMNS)[BARCODE_COLUMN] - 4
    rows: list[list[Cell]] = []
    headings: list[int] = []
    for bin_code, group in groupby(in_bin_order(doc.lines), key=lambda line: line.bin.strip()):
        tr = sheet.wording
        heading = f"{tr(BIN)}: {bin_code}" if bin_code else tr(NO_BIN)
        headings.append(len(rows))
        rows.append([blocks.text(heading, sheet.styles.body)] + [""] * (len(COLUMNS) - 1))
        rows += [_line_row(sheet, line, width) for line in group]
    return rows, headings


def _body(doc: PrintDocument) -> Body:
    def body(sheet: Sheet) -> list[Flowable]:
        rows, headings = _rows(sheet, doc)
        quantity = sum((line.quantity for line in doc.lines), Decimal(0))
        totals = [(LINE_COUNT, str(len(doc.lines))), (TOTAL_QUANTITY, quantity_text(quantity))]
        gap = Spacer(1, sheet.styles.size * 0.6)
        grid = blocks.info_grid(
            sheet, blocks.customer_pairs(doc.customer) + blocks.document_pairs(doc)
        )
        flowables: list[Flowable | None] = [
            blocks.header(sheet, doc, TITLE),
            gap,
            grid,
            gap,
            blocks.lines_table(sheet, COLUMNS, rows, group_rows=headings),
            blocks.totals_block(sheet, totals),
            blocks.signature_lines(
                sheet,
                [
                    (PICKER, doc.picker),
                    (blocks.DATE, ""),
                    (CHECKER, doc.checker),
                    (blocks.DATE, ""),
                ],
            ),
        ]
        return [f for f in flowables if f is not None]

    return body


def render(
    doc: PrintDocument, *, preset: PagePreset = A4, copies: int = 1, language: str = "zh_CN"
) -> bytes:
    """The picking list ``doc`` as PDF bytes."""
    if doc.kind != KIND:
        raise ValueError(f"not a picking list: {doc.kind!r}")
    return build_pdf(doc, _body(doc), title=TITLE, preset=preset, copies=copies, language=language)
