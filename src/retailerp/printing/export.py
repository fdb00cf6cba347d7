"""Printed documents exported as spreadsheets: CSV and Excel (.xlsx).

The same print data a PDF is made from (:class:`PrintDocument`) becomes a :class:`Table` —
a title, label/value pairs about the document, the lines with a header row, and summary
rows — with labels in the document's language (:class:`Wording`), then one of two writers:

- **CSV**: UTF-8 with a byte-order mark (so spreadsheet programs read Chinese right), comma
  separated, numbers written plainly (``1234.50``, no grouping), dates ISO.
- **xlsx** (openpyxl): numbers and dates as real cells with number formats
  (``#,##0.00`` for money, up to three decimals for quantities, ``yyyy-mm-dd``), one sheet.

A document kind is exported once a table maker is registered for it in :data:`TABLES`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

from retailerp.domain.money import Money
from retailerp.printing.model import PrintDocument
from retailerp.printing.wording import Wording, quantity_text

Cell = str | Decimal | Money | date | None
"""A spreadsheet cell: text, a quantity, an amount of money, a date, or empty."""


class ExportFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"


@dataclass(frozen=True)
class Table:
    """A document as rows and columns."""

    title: str
    about: Sequence[tuple[str, str]]
    """Label/value pairs above the lines: customer, number, period…"""
    columns: Sequence[str]
    rows: Sequence[Sequence[Cell]]
    summary: Sequence[Sequence[Cell]] = field(default_factory=tuple)
    """Rows below the lines (a label first), with their own header ``summary_columns``."""
    summary_columns: Sequence[str] = field(default_factory=tuple)


TableMaker = Callable[[PrintDocument, Wording], Table]


class NotExportable(ValueError):
    """There is no spreadsheet layout for this kind of document (yet)."""


def _statement(doc: PrintDocument, tr: Wording) -> Table:
    """The consignment statement (寄售对账单): a row per document, then the balances."""
    from retailerp.printing import consignment  # its labels; imported here (ReportLab)

    unknown = tr(consignment.UNKNOWN)
    about = [(tr(consignment.CUSTOMER_CODE), doc.customer.code if doc.customer else ""),
             (tr(consignment.CUSTOMER_NAME), doc.customer.name if doc.customer else ""),
             *((tr(label), value) for label, value in doc.references.items()),
             (tr(consignment.LOCATION), doc.number)]  # fmt: skip
    columns = [tr(c.label) for c in (consignment.DATE, consignment.DOCUMENT, consignment.KIND,
                                     consignment.QUANTITY, consignment.VALUE,
                                     consignment.COST)]  # fmt: skip
    rows = [
        [line.day, line.code, tr(consignment.KIND_WORDS.get(line.name, line.name)),
         line.quantity, line.amount, line.cost if line.cost is not None else unknown]
        for line in doc.lines
    ]  # fmt: skip
    summary: list[list[Cell]] = [
        [tr(f.label), f.quantity, f.value, f.cost if f.cost is not None else unknown]
        for f in doc.figures
    ]
    summary += [[tr(label), None, Money.of(doc.details[label].replace(",", "")), None]
                for label in consignment.STATEMENT_MONEY if label in doc.details]  # fmt: skip
    summary_columns = [tr(c.label) for c in consignment.SUMMARY]
    return Table(tr(consignment.STATEMENT_TITLE), about, columns, rows, summary, summary_columns)


TABLES: dict[str, TableMaker] = {"consignment_statement": _statement}


def table(doc: PrintDocument, language: str) -> Table:
    """``doc`` as a table, labelled in ``language``."""
    maker = TABLES.get(doc.kind)
    if maker is None:
        raise NotExportable(f"no spreadsheet layout for {doc.kind!r} documents")
    return maker(doc, Wording(language))


def export(doc: PrintDocument, fmt: ExportFormat, language: str) -> bytes:
    """``doc`` as the bytes of a CSV or xlsx file."""
    made = table(doc, language)
    return to_xlsx(made) if fmt == ExportFormat.XLSX else to_csv(made)


# --- CSV -------------------------------------------------------------------------------------


def _plain(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, Money):
        return f"{cell.amount:f}"
    if isinstance(cell, Decimal):
        return quantity_text(cell)
    if isinstance(cell, date):
        return cell.isoformat()
    return cell


def to_csv(made: Table) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([made.title])
    writer.writerows([label, value] for label, value in made.about)
    writer.writerow([])
    writer.writerow(made.columns)
    writer.writerows([_plain(c) for c in row] for row in made.rows)
    if made.summary:
        writer.writerow([])
        writer.writerow(made.summary_columns)
        writer.writerows([_plain(c) for c in row] for row in made.summary)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


# --- xlsx ------------------------------------------------------------------------------------

MONEY_FORMAT = "#,##0.00"
QUANTITY_FORMAT = "#,##0.###"
DATE_FORMAT = "yyyy-mm-dd"


def to_xlsx(made: Table) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = made.title[:31]
    bold = Font(bold=True)
    sheet.append([made.title])
    sheet.cell(row=1, column=1).font = bold
    for label, value in made.about:
        sheet.append([label, value])
    sheet.append([])
    _rows(sheet, made.columns, made.rows, bold)
    if made.summary:
        sheet.append([])
        _rows(sheet, made.summary_columns, made.summary, bold)
    for letter, width in zip("ABCDEFGH", (14, 18, 12, 12, 14, 14, 12, 12), strict=False):
        sheet.column_dimensions[letter].width = width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _rows(sheet: Any, columns: Sequence[str], rows: Sequence[Sequence[Cell]], bold: Any) -> None:
    """A header row in bold, then the rows with number and date formats."""
    sheet.append(list(columns))
    for cell in sheet[sheet.max_row]:
        cell.font = bold
    for row in rows:
        sheet.append([_value(c) for c in row])
        for cell, value in zip(sheet[sheet.max_row], row, strict=False):
            if isinstance(value, Money):
                cell.number_format = MONEY_FORMAT
            elif isinstance(value, Decimal):
                cell.number_format = QUANTITY_FORMAT
            elif isinstance(value, date):
                cell.number_format = DATE_FORMAT


def _value(cell: Cell) -> object:
    if isinstance(cell, Money):
        return cell.amount
    return cell
