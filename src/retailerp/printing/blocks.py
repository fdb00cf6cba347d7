"""The building blocks of a document's body: header, parties, lines, totals, signatures.

Every text from the data is escaped before it becomes a ``Paragraph`` (names may contain
``&`` or ``<``); every cell is a paragraph with CJK word wrap, so long Chinese names wrap
inside their column.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from retailerp.domain.money import Money
from retailerp.domain.numerals import chinese_capital_amount
from retailerp.domain.text import QT_TRANSLATE_NOOP
from retailerp.printing.barcodes import code128, qr_code
from retailerp.printing.layout import Sheet
from retailerp.printing.model import Party, PrintDocument, PrintLine
from retailerp.printing.styles import FONT
from retailerp.printing.wording import date_text

NUMBER = QT_TRANSLATE_NOOP("print", "Number")
DATE = QT_TRANSLATE_NOOP("print", "Date")
ADDRESS = QT_TRANSLATE_NOOP("print", "Address")
PHONE = QT_TRANSLATE_NOOP("print", "Phone")
TAX_ID = QT_TRANSLATE_NOOP("print", "Tax ID")
BANK = QT_TRANSLATE_NOOP("print", "Bank")
CUSTOMER = QT_TRANSLATE_NOOP("print", "Customer")
CUSTOMER_CODE = QT_TRANSLATE_NOOP("print", "Customer code")
CONTACT = QT_TRANSLATE_NOOP("print", "Contact")
PAYMENT = QT_TRANSLATE_NOOP("print", "Payment")
NOTE = QT_TRANSLATE_NOOP("print", "Note")
CONSIGNMENT = QT_TRANSLATE_NOOP("print", "Consignment")
AMOUNT_IN_WORDS = QT_TRANSLATE_NOOP("print", "Amount in words")

GRID = colors.HexColor("#555555")
SHADE = colors.HexColor("#e6e6e6")
RED = colors.HexColor("#b00000")


def text(value: str, style: object) -> Paragraph:
    """A paragraph of plain ``value`` (escaped)."""
    return Paragraph(escape(value), style)


def _labelled(sheet: Sheet, label: str, value: str) -> str:
    return f"{escape(sheet.wording(label))}: {escape(value)}"


# --- header ------------------------------------------------------------------------------


def _company_cell(sheet: Sheet, company: Party) -> list[Flowable]:
    bank = " ".join(v for v in (company.bank_name, company.bank_account) if v)
    pairs = [
        (ADDRESS, company.address),
        (PHONE, company.phone),
        (TAX_ID, company.tax_id),
        (BANK, bank),
    ]
    details = [_labelled(sheet, label, value) for label, value in pairs if value]
    cell: list[Flowable] = [text(company.name, sheet.styles.company)]
    if details:
        separator = "&nbsp;&nbsp; " if sheet.preset.wide else "<br/>"
        cell.append(Paragraph(separator.join(details), sheet.styles.small))
    return cell


def _title_cell(sheet: Sheet, doc: PrintDocument, title: str, red: bool) -> list[Flowable]:
    style = sheet.styles.title
    if red:
        style = style.clone("red-title", textColor=RED)
    cell: list[Flowable] = [text(sheet.wording(title), style)]
    if doc.consignment:
        marker = Table([[text(sheet.wording(CONSIGNMENT), sheet.styles.marker)]])
        marker.setStyle(
            TableStyle([("BOX", (0, 0), (-1, -1), 1, RED), ("FONTNAME", (0, 0), (-1, -1), FONT)])
        )
        cell += [Spacer(1, 2), marker]
    return cell


def _codes_cell(sheet: Sheet, doc: PrintDocument, width: float) -> Table:
    preset, styles = sheet.preset, sheet.styles
    left = width - preset.qr_size - 4
    column: list[Flowable] = []
    barcode = code128(doc.number, left, preset.bar_height)
    if barcode is not None:
        column.append(barcode)
    column += [
        Paragraph(_labelled(sheet, NUMBER, doc.number), styles.body),
        Paragraph(_labelled(sheet, DATE, date_text(doc.doc_date)), styles.body),
    ]
    table = Table(
        [[column, qr_code(doc.number, preset.qr_size)]], colWidths=[left, preset.qr_size + 4]
    )
    table.setStyle(_plain(("VALIGN", (0, 0), (-1, -1), "TOP")))
    return table


def header(sheet: Sheet, doc: PrintDocument, title: str, *, red: bool = False) -> Flowable:
    """Company block, document title (and consignment marker), number barcode, QR and date."""
    width = sheet.width
    widths = [width * 0.38, width * 0.26, width * 0.36]
    row = [
        _company_cell(sheet, doc.company),
        _title_cell(sheet, doc, title, red),
        _codes_cell(sheet, doc, widths[2]),
    ]
    table = Table([row], colWidths=widths)
    table.setStyle(
        _plain(("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, -1), 0.8, GRID))
    )
    return table


def _plain(*commands: tuple) -> TableStyle:
    base = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    return TableStyle(base + list(commands))


# --- parties and references --------------------------------------------------------------


def customer_pairs(customer: Party | None, *, bank: bool = False) -> list[tuple[str, str]]:
    """(label, value) pairs of the customer block; empty values are left out later."""
    if customer is None:
        return []
    pairs = [
        (CUSTOMER, customer.name),
        (CUSTOMER_CODE, customer.code),
        (ADDRESS, customer.address),
        (CONTACT, customer.contact),
        (PHONE, customer.phone),
    ]
    if bank:
        account = " ".join(v for v in (customer.bank_name, customer.bank_account) if v)
        pairs += [(TAX_ID, customer.tax_id), (BANK, account)]
    return pairs


def document_pairs(doc: PrintDocument) -> list[tuple[str, str]]:
    """References (order, deliveries, invoices…), payment mode and note."""
    pairs = list(doc.references.items())
    return pairs + [(PAYMENT, doc.payment_mode), (NOTE, doc.note)]


def info_grid(sheet: Sheet, pairs: Sequence[tuple[str, str]]) -> Flowable | None:
    """Label–value pairs two to a row; ``None`` when there is nothing to show."""
    tr, styles = sheet.wording, sheet.styles
    shown = [
        (tr(label), tr.term(value) if label == PAYMENT else value)
        for label, value in pairs
        if value
    ]
    if not shown:
        return None
    cells = [[text(label, styles.small), text(value, styles.body)] for label, value in shown]
    if len(cells) % 2:
        cells.append(["", ""])
    rows = [cells[i] + cells[i + 1] for i in range(0, len(cells), 2)]
    w = sheet.width
    table = Table(rows, colWidths=[w * 0.13, w * 0.37, w * 0.13, w * 0.37])
    table.setStyle(
        _plain(("VALIGN", (0, 0), (-1, -1), "TOP"), ("RIGHTPADDING", (0, 0), (-1, -1), 4))
    )
    return table


# --- lines -------------------------------------------------------------------------------

Align = Literal["left", "right", "center"]


@dataclass(frozen=True)
class Column:
    """A column of a lines table: untranslated label, relative width, alignment."""

    label: str
    weight: float
    align: Align = "left"


Cell = str | Flowable


def _cell(sheet: Sheet, value: Cell, align: Align) -> Flowable:
    if not isinstance(value, str):
        return value
    styles = sheet.styles
    style = {"left": styles.body, "right": styles.right, "center": styles.center}[align]
    return text(value, style)


def column_widths(sheet: Sheet, columns: Sequence[Column]) -> list[float]:
    total = sum(c.weight for c in columns)
    return [sheet.width * c.weight / total for c in columns]


def lines_table(
    sheet: Sheet,
    columns: Sequence[Column],
    rows: Sequence[Sequence[Cell]],
    *,
    group_rows: Sequence[int] = (),
) -> Table:
    """The lines as a table whose header row repeats on every page.

    ``group_rows`` are indexes (into ``rows``) of group headings: one text spanning the row.
    """
    head = [text(sheet.wording(c.label), sheet.styles.head) for c in columns]
    body = [[_cell(sheet, v, c.align) for v, c in zip(row, columns, strict=False)] for row in rows]
    table = Table([head, *body], colWidths=column_widths(sheet, columns), repeatRows=1)
    commands: list[tuple] = [
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]
    for index in group_rows:
        commands += [
            ("SPAN", (0, index + 1), (-1, index + 1)),
            ("BACKGROUND", (0, index + 1), (-1, index + 1), SHADE),
        ]
    table.setStyle(TableStyle(commands))
    return table


# --- totals and signatures ---------------------------------------------------------------


def _figures(sheet: Sheet, rows: Sequence[tuple[str, str]]) -> Table:
    """Totals one under the other on tall paper, side by side on wide continuous forms."""
    tr, styles, w = sheet.wording, sheet.styles, sheet.width
    cells = [[text(tr(label), styles.right), text(value, styles.right)] for label, value in rows]
    if sheet.preset.wide:
        flat = [cell for pair in cells for cell in pair]
        table = Table([flat], colWidths=[w / len(flat)] * len(flat))
    else:
        table = Table(cells, colWidths=[w * 0.8, w * 0.2])
    table.setStyle(_plain(("RIGHTPADDING", (0, 0), (-1, -1), 4)))
    return table


def totals_block(
    sheet: Sheet, rows: Sequence[tuple[str, str]], capital: Money | None = None
) -> Flowable:
    """Totals in figures (right-aligned) and, in Chinese documents, in capital numerals."""
    parts: list[Flowable] = [Spacer(1, 3), _figures(sheet, rows)]
    if capital is not None and sheet.wording.chinese:
        words = f"{sheet.wording(AMOUNT_IN_WORDS)}: {chinese_capital_amount(capital)}"
        parts.append(text(words, sheet.styles.capital))
    return KeepTogether(parts)


def signature_lines(sheet: Sheet, fields: Sequence[tuple[str, str]]) -> Flowable:
    """Signature lines: each (untranslated label, name printed on the line or "")."""
    styles, w = sheet.styles, sheet.width
    row: list[Flowable] = []
    for label, name in fields:
        row += [text(f"{sheet.wording(label)}:", styles.right), text(name, styles.body)]
    per = w / len(fields)
    table = Table(
        [row],
        colWidths=[per * 0.45, per * 0.55] * len(fields),
        rowHeights=[sheet.styles.size * (2.2 if sheet.preset.wide else 3)],
    )
    commands: list[tuple] = [("VALIGN", (0, 0), (-1, -1), "BOTTOM")]
    commands += [("LINEBELOW", (i, 0), (i, 0), 0.6, GRID) for i in range(1, len(row), 2)]
    table.setStyle(_plain(*commands, ("RIGHTPADDING", (0, 0), (-1, -1), 6)))
    return table


def tracking_text(line: PrintLine) -> str:
    """Batch, expiry and serial of a line, as one short text."""
    parts = [line.batch, date_text(line.expiry), line.serial]
    return " / ".join(p for p in parts if p)
