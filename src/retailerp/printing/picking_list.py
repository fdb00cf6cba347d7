"""The picking list (拣货单): what to take from which bin, in walking order.

Lines are grouped under a heading per bin and sorted along the bins (A-2 before A-10), each
with its item barcode (with quiet zones, so it scans), batch / expiry or serial, and a blank
"Picked" column to tick; picker and checker sign at the bottom.  No prices.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from itertools import groupby

from reportlab.platypus import Flowable

from retailerp.domain.text import QT_TRANSLATE_NOOP
from retailerp.printing import blocks
from retailerp.printing.layout import A4, Body, PagePreset, Sheet, build_pdf
from retailerp.printing.lines import Column, Group, Row, lines_table
from retailerp.printing.model import PrintDocument, PrintLine
from retailerp.printing.wording import quantity_text

TITLE = QT_TRANSLATE_NOOP("print", "Picking list")
KIND = "picking_list"

COLUMNS = (
    Column(QT_TRANSLATE_NOOP("print", "No."), kind="center"),
    Column(QT_TRANSLATE_NOOP("print", "Code"), 0.8),
    Column(QT_TRANSLATE_NOOP("print", "Item"), 3.0),
    Column(QT_TRANSLATE_NOOP("print", "Unit"), kind="center"),
    Column(QT_TRANSLATE_NOOP("print", "Quantity"), kind="number"),
    Column(QT_TRANSLATE_NOOP("print", "Batch / expiry / serial"), 1.2),
    Column(QT_TRANSLATE_NOOP("print", "Barcode"), kind="barcode"),
    Column(QT_TRANSLATE_NOOP("print", "Picked"), 0.8),
)

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


def _line_row(line: PrintLine) -> list[str]:
    item = f"{line.name} · {line.spec}" if line.spec else line.name
    return [
        str(line.no),
        line.code,
        item,
        line.unit,
        quantity_text(line.quantity),
        blocks.tracking_text(line),
        line.barcode or line.code,
        "",
    ]


def _rows(sheet: Sheet, doc: PrintDocument) -> list[Row]:
    """Table rows with a heading row per bin (never left alone at the foot of a page)."""
    rows: list[Row] = []
    tr = sheet.wording
    for bin_code, group in groupby(in_bin_order(doc.lines), key=lambda line: line.bin.strip()):
        rows.append(Group(f"{tr(BIN)}: {bin_code}" if bin_code else tr(NO_BIN)))
        rows += [_line_row(line) for line in group]
    return rows


def _body(doc: PrintDocument) -> Body:
    def body(sheet: Sheet) -> list[Flowable]:
        quantity = sum((line.quantity for line in doc.lines), Decimal(0))
        totals = [(LINE_COUNT, str(len(doc.lines))), (TOTAL_QUANTITY, quantity_text(quantity))]
        grid = blocks.info_grid(
            sheet,
            blocks.customer_pairs(doc.customer)
            + blocks.document_pairs(doc, sheet)
            + list(doc.details.items()),
        )
        signatures = blocks.signature_lines(
            sheet,
            [(PICKER, doc.picker), (blocks.DATE, ""), (CHECKER, doc.checker), (blocks.DATE, "")],
        )
        flowables: list[Flowable | None] = [
            blocks.header(sheet, doc, TITLE),
            blocks.gap(sheet),
            grid,
            blocks.gap(sheet),
            lines_table(
                sheet,
                COLUMNS,
                _rows(sheet, doc),
                tail=[*blocks.totals_block(sheet, totals), signatures],
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
