"""The building blocks of a document's body: header, parties, totals, signatures.

Every text from the data is escaped before it becomes a ``Paragraph`` (names may contain
``&`` or ``<``).  On tall paper (A4, A5) the header is the company block (logo, name,
address, phone, tax id, bank) beside the number's barcode and QR code, with the title
centred under them; on continuous forms it is one compact row.  Totals and signatures are
handed to the lines table as its tail (see :mod:`retailerp.printing.lines`).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Image, Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.tables import CellStyle

from retailerp.domain.money import Money
from retailerp.domain.numerals import chinese_capital_amount
from retailerp.domain.text import QT_TRANSLATE_NOOP
from retailerp.printing import fitting
from retailerp.printing.barcodes import MIN_BAR_WIDTH, code128, code128_width, qr_code
from retailerp.printing.layout import Sheet
from retailerp.printing.model import CANCELLED_NUMBER, Party, PrintDocument, PrintLine
from retailerp.printing.plain_text import FitText, fit_text, style_commands, table_cell
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
RED = colors.HexColor("#b00000")
GAP = 6.0
"""Space (points) between the blocks of the header."""


def text(value: str, style: ParagraphStyle) -> Flowable:
    """Plain ``value`` (not markup) in ``style``: one string when it fits the width it is
    given, else a paragraph of the escaped text that breaks it (:class:`FitText`)."""
    return fit_text(value, style)


def _labelled(sheet: Sheet, label: str, value: str) -> str:
    """The label, a colon and the value, as plain text."""
    return f"{sheet.wording(label)}: {value}"


def _plain(*commands: tuple) -> TableStyle:
    base = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    return TableStyle(base + list(commands))


# --- header ------------------------------------------------------------------------------


def logo(company: Party, height: float) -> Flowable | None:
    """The company's logo scaled to ``height`` points; ``None`` without one (or unreadable)."""
    if not company.logo:
        return None
    try:
        reader = ImageReader(io.BytesIO(company.logo))
        width, tall = reader.getSize()
    except Exception:  # noqa: BLE001 - a damaged logo must not stop the document
        return None
    scale = height / tall
    image = Image(io.BytesIO(company.logo), width=width * scale, height=height)
    image.hAlign = "LEFT"
    return image


def _company_details(sheet: Sheet, company: Party) -> list[str]:
    bank = " ".join(v for v in (company.bank_name, company.bank_account) if v)
    pairs = [(ADDRESS, company.address), (PHONE, company.phone), (TAX_ID, company.tax_id)]
    pairs.append((BANK, bank))
    return [_labelled(sheet, label, value) for label, value in pairs if value]


def _company_cell(sheet: Sheet, company: Party, compact: bool) -> list[Flowable]:
    styles = sheet.styles
    name_style = (
        styles.body.clone("compact-company", fontSize=styles.size * 1.25, leading=styles.size * 1.5)
        if compact
        else styles.company
    )
    cell: list[Flowable] = [text(company.name, name_style)]
    details = _company_details(sheet, company)
    if details and compact:
        cell.append(Paragraph("&nbsp;&nbsp; ".join(escape(d) for d in details), styles.small))
    elif details:
        cell.append(FitText(details, styles.small))
    return cell


def _with_logo(
    sheet: Sheet, company: Party, cell: list[Flowable], width: float, height: float
) -> Flowable | list[Flowable]:
    image = logo(company, height)
    if image is None or image.drawWidth > width / 3:
        return cell
    table = Table([[image, cell]], colWidths=[image.drawWidth + GAP, width - image.drawWidth - GAP])
    table.setStyle(_plain())
    return table


def title_style(sheet: Sheet, title: str, width: float, size: float, red: bool) -> object:
    """The title's style: ``size`` points, smaller when its longest word would not fit."""
    widest = max((fitting.text_width(w, size) for w in title.split()), default=0.0)
    if widest > width:
        size = size * width / widest
    style = sheet.styles.title.clone("doc-title", fontSize=size, leading=size * 1.2)
    return style.clone("red-title", textColor=RED) if red else style


def _title_cell(
    sheet: Sheet, doc: PrintDocument, title: str, width: float, size: float, red: bool
) -> list[Flowable]:
    wording = sheet.wording(title)
    cell: list[Flowable] = [text(wording, title_style(sheet, wording, width, size, red))]
    if doc.consignment:
        marker = Table([[text(sheet.wording(CONSIGNMENT), sheet.styles.marker)]])
        marker.setStyle(
            TableStyle([("BOX", (0, 0), (-1, -1), 1, RED), ("FONTNAME", (0, 0), (-1, -1), FONT)])
        )
        cell += [Spacer(1, 2), marker]
    return cell


def _codes_width(sheet: Sheet, doc: PrintDocument) -> float:
    """Width of number barcode + gap + QR code."""
    number_text = fitting.text_width(sheet.wording(NUMBER) + ": " + doc.number, sheet.styles.size)
    left = max(code128_width(doc.number, MIN_BAR_WIDTH), number_text)
    return left + GAP + sheet.preset.qr_size


def _codes_cells(sheet: Sheet, doc: PrintDocument) -> tuple[list[Flowable], Flowable, float]:
    """The number's barcode over number and date, the QR code to go beside them (not
    touching), and the width of the first (the gap after it included)."""
    preset, styles = sheet.preset, sheet.styles
    left = _codes_width(sheet, doc) - GAP - preset.qr_size
    column: list[Flowable] = []
    barcode = code128(doc.number, left, preset.bar_height)
    if barcode is not None:
        column.append(barcode)
    column += [
        text(_labelled(sheet, NUMBER, doc.number), styles.body),
        text(_labelled(sheet, DATE, date_text(doc.doc_date)), styles.body),
    ]
    return column, qr_code(doc.number, preset.qr_size), left + GAP


NESTED_BELOW = 2.0
"""Space below a nested table's cells: the header used to nest tables (company and codes in
a row, codes in a table of their own); its one table keeps the space each level added."""


def header(sheet: Sheet, doc: PrintDocument, title: str, *, red: bool = False) -> Flowable:
    """Company block, document title (and consignment marker), number barcode, QR and date:
    one table (company | barcode, number, date | QR over the title across all three)."""
    if sheet.preset.wide:
        return _compact_header(sheet, doc, title, red)
    width = sheet.width
    codes = _codes_width(sheet, doc)
    company_width = width - codes - GAP
    company = _with_logo(
        sheet,
        doc.company,
        _company_cell(sheet, doc.company, False),
        company_width,
        sheet.preset.qr_size,
    )
    column, qr, column_width = _codes_cells(sheet, doc)
    titled = _title_cell(sheet, doc, title, width, sheet.styles.size * 2, red)
    table = Table(
        [[company, column, qr], [titled, "", ""]],
        colWidths=[company_width + GAP, column_width, codes - column_width],
    )
    table.setStyle(
        _plain(
            ("BOTTOMPADDING", (0, 0), (0, 0), 2 + NESTED_BELOW),
            ("BOTTOMPADDING", (1, 0), (2, 0), 2 + 2 * NESTED_BELOW),
            ("SPAN", (0, 1), (-1, 1)),
            ("LINEBELOW", (0, -1), (-1, -1), 0.8, GRID),
            ("BOTTOMPADDING", (0, -1), (-1, -1), 3),
        )
    )
    return table


def _compact_header(sheet: Sheet, doc: PrintDocument, title: str, red: bool) -> Flowable:
    """One row for continuous forms: company | title | barcode, number, date | QR."""
    width = sheet.width
    codes = _codes_width(sheet, doc)
    title_width = min(
        width * 0.22, fitting.text_width(sheet.wording(title), sheet.styles.size * 1.7) + GAP
    )
    company_width = width - codes - title_width - 2 * GAP
    company = _with_logo(
        sheet,
        doc.company,
        _company_cell(sheet, doc.company, True),
        company_width,
        sheet.preset.qr_size * 0.8,
    )
    column, qr, column_width = _codes_cells(sheet, doc)
    row = [
        company,
        _title_cell(sheet, doc, title, title_width, sheet.styles.size * 1.7, red),
        column,
        qr,
    ]
    widths = [company_width + GAP, title_width + GAP, column_width, codes - column_width]
    table = Table([row], colWidths=widths)
    table.setStyle(
        _plain(
            ("BOTTOMPADDING", (2, 0), (3, 0), 2 + NESTED_BELOW),
            ("LINEBELOW", (0, 0), (-1, -1), 0.8, GRID),
        )
    )
    return table


# --- parties and references --------------------------------------------------------------


def customer_pairs(
    customer: Party | None, *, bank: bool = False, address_label: str = ADDRESS
) -> list[tuple[str, str]]:
    """(label, value) pairs of the customer block; empty values are left out later.

    ``address_label``: the delivery note prints the address as "Ship to"."""
    if customer is None:
        return []
    pairs = [
        (CUSTOMER, customer.name),
        (CUSTOMER_CODE, customer.code),
        (address_label, customer.address),
        (CONTACT, customer.contact),
        (PHONE, customer.phone),
    ]
    if bank:
        account = " ".join(v for v in (customer.bank_name, customer.bank_account) if v)
        pairs += [(TAX_ID, customer.tax_id), (BANK, account)]
    return pairs


def document_pairs(doc: PrintDocument, sheet: Sheet | None = None) -> list[tuple[str, str]]:
    """References (order, deliveries, invoices…), payment mode and note; with ``sheet``, the
    numbers of cancelled documents are marked "(cancelled)" in its language."""
    pairs = [(label, _marked(sheet, doc, value)) for label, value in doc.references.items()]
    return pairs + [(PAYMENT, doc.payment_mode), (NOTE, doc.note)]


def _marked(sheet: Sheet | None, doc: PrintDocument, numbers: str) -> str:
    if sheet is None or not doc.cancelled:
        return numbers
    return ", ".join(
        sheet.wording(CANCELLED_NUMBER, number=n) if n in doc.cancelled else n
        for n in numbers.split(", ")
    )


def info_grid(sheet: Sheet, pairs: Sequence[tuple[str, str]]) -> Flowable | None:
    """Label–value pairs, two to a row (three on continuous forms); ``None`` when empty."""
    tr, styles = sheet.wording, sheet.styles
    shown = [
        (tr(label), tr.term(value) if label == PAYMENT else value)
        for label, value in pairs
        if value
    ]
    if not shown:
        return None
    per_row = 3 if sheet.preset.wide else 2
    label_width = max(fitting.text_width(label, styles.small.fontSize) for label, _ in shown) + 4
    label_width = min(label_width, sheet.width / per_row * 0.4)
    value_width = sheet.width / per_row - label_width
    inner = (label_width - 4, value_width - 4)  # the cells' right padding
    cells = [
        [table_cell(label, styles.small, inner[0]), table_cell(value, styles.body, inner[1])]
        for label, value in shown
    ]
    blanks = (-len(cells)) % per_row
    cells += [["", ""]] * blanks
    rows = [sum(cells[i : i + per_row], []) for i in range(0, len(cells), per_row)]
    table = Table(rows, colWidths=[label_width, value_width] * per_row)
    commands: list[tuple] = [("RIGHTPADDING", (0, 0), (-1, -1), 4)]
    commands += [("BOTTOMPADDING", (0, 0), (-1, -1), 1)]
    for column in range(0, 2 * per_row, 2):
        commands += style_commands(styles.small, (column, 0), (column, -1))
        commands += style_commands(styles.body, (column + 1, 0), (column + 1, -1))
    if blanks:  # blank cells keep a table's own leading, which has set their row's height
        first = 2 * (per_row - blanks)
        commands += [("LEADING", (first, -1), (-1, -1), CellStyle("blank").leading)]
    table.setStyle(_plain(*commands))
    return table


# --- totals and signatures ---------------------------------------------------------------


def _figures(sheet: Sheet, rows: Sequence[tuple[str, str]]) -> Table:
    """Totals one under the other on tall paper, side by side on wide continuous forms."""
    tr, styles, w = sheet.wording, sheet.styles, sheet.width
    size, right = styles.size, styles.right
    value_width = max(fitting.text_width(value, size) for _, value in rows) + 6
    label_width = max(fitting.text_width(tr(label), size) for label, _ in rows) + 6
    wide = sheet.preset.wide
    labels_width = label_width if wide else w - value_width
    cells = [
        [table_cell(tr(label), right, labels_width - 2), table_cell(value, right, value_width - 2)]
        for label, value in rows
    ]  # (less the cells' right padding)
    if wide:
        flat = [cell for pair in cells for cell in pair]
        table = Table([flat], colWidths=[label_width, value_width] * len(rows), hAlign="RIGHT")
    else:
        table = Table(cells, colWidths=[w - value_width, value_width])
    table.setStyle(
        _plain(
            ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            *style_commands(right, (0, 0), (-1, -1)),
        )
    )
    return table


def totals_block(
    sheet: Sheet, rows: Sequence[tuple[str, str]], capital: Money | None = None
) -> list[Flowable]:
    """Totals in figures (right-aligned) and, in Chinese documents, in capital numerals."""
    parts: list[Flowable] = [Spacer(1, 2), _figures(sheet, rows)]
    if capital is not None and sheet.wording.chinese:
        words = f"{sheet.wording(AMOUNT_IN_WORDS)}: {chinese_capital_amount(capital)}"
        parts.append(text(words, sheet.styles.capital))
    return parts


def signature_lines(sheet: Sheet, fields: Sequence[tuple[str, str]]) -> Flowable:
    """Signature lines: each (untranslated label, name printed on the line or "")."""
    styles, w = sheet.styles, sheet.width
    row: list[Flowable] = []
    widths: list[float] = []
    per = w / len(fields)
    for label, name in fields:
        caption = f"{sheet.wording(label)}:"
        label_width = min(fitting.text_width(caption, styles.size) + 6, per * 0.6)
        name_width = per - label_width - 8  # less its right padding
        row += [table_cell(caption, styles.body, label_width), text(name, styles.body)]
        if name:
            row[-1] = table_cell(name, styles.body, name_width)
        widths += [label_width, per - label_width]
    table = Table(
        [row],
        colWidths=widths,
        rowHeights=[sheet.styles.size * (2.0 if sheet.preset.wide else 3)],
    )
    commands: list[tuple] = [("VALIGN", (0, 0), (-1, -1), "BOTTOM")]
    commands += style_commands(styles.body, (0, 0), (-1, -1))
    commands += [("LINEBELOW", (i, 0), (i, 0), 0.6, GRID) for i in range(1, len(row), 2)]
    commands += [("RIGHTPADDING", (i, 0), (i, 0), 8) for i in range(1, len(row), 2)]
    table.setStyle(_plain(*commands))
    return table


def footnote(sheet: Sheet, value: str) -> Paragraph:
    """A small line of text (e.g. "not a tax invoice")."""
    return text(sheet.wording(value), sheet.styles.small)


def tracking_text(line: PrintLine) -> str:
    """Batch, expiry and serial of a line, as one short text."""
    parts = [line.batch, date_text(line.expiry), line.serial]
    return " / ".join(p for p in parts if p)


def gap(sheet: Sheet) -> Spacer:
    """The space between the blocks of a body (smaller on continuous forms)."""
    return Spacer(1, sheet.styles.size * (0.3 if sheet.preset.wide else 0.6))
