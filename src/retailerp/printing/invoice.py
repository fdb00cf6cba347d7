"""The invoice (发票) and the red invoice (红字发票) as printed by the shop.

A blue invoice shows net amount, VAT rate, VAT and gross per line and in total, and (in
Chinese) the gross amount in capital numerals.  A red invoice reverses part or all of a blue
one: its title is red, every quantity and amount prints negative, and it names the original
invoice and the red-letter confirmation number (from the document's references).  The official
e-invoice is issued on the tax platform; this is the shop's printed copy.
"""

from __future__ import annotations

from decimal import Decimal

from reportlab.platypus import Flowable, Spacer

from retailerp.domain.money import Money
from retailerp.domain.text import QT_TRANSLATE_NOOP
from retailerp.printing import blocks
from retailerp.printing.blocks import Column
from retailerp.printing.layout import A4, Body, PagePreset, Sheet, build_pdf
from retailerp.printing.model import ORIGINAL_INVOICE_NUMBER, PrintDocument, PrintLine, Totals
from retailerp.printing.wording import currency_text, money_text, quantity_text

TITLE = QT_TRANSLATE_NOOP("print", "Invoice")
RED_TITLE = QT_TRANSLATE_NOOP("print", "Red invoice")
KINDS = ("invoice", "red_invoice")

COLUMNS = (
    Column(QT_TRANSLATE_NOOP("print", "No."), 0.5, "center"),
    Column(QT_TRANSLATE_NOOP("print", "Code"), 1.1),
    Column(QT_TRANSLATE_NOOP("print", "Name"), 2.2),
    Column(QT_TRANSLATE_NOOP("print", "Spec."), 1.1),
    Column(QT_TRANSLATE_NOOP("print", "Unit"), 0.6, "center"),
    Column(QT_TRANSLATE_NOOP("print", "Quantity"), 0.8, "right"),
    Column(QT_TRANSLATE_NOOP("print", "Unit price"), 1.0, "right"),
    Column(QT_TRANSLATE_NOOP("print", "Net amount"), 1.1, "right"),
    Column(QT_TRANSLATE_NOOP("print", "VAT rate"), 0.7, "right"),
    Column(QT_TRANSLATE_NOOP("print", "VAT"), 1.0, "right"),
    Column(QT_TRANSLATE_NOOP("print", "Gross amount"), 1.1, "right"),
)

NET_AMOUNT = QT_TRANSLATE_NOOP("print", "Net amount")
VAT = QT_TRANSLATE_NOOP("print", "VAT")
TOTAL = QT_TRANSLATE_NOOP("print", "Total")
PAYEE = QT_TRANSLATE_NOOP("print", "Payee")
REVIEWER = QT_TRANSLATE_NOOP("print", "Reviewed by")
ISSUER = QT_TRANSLATE_NOOP("print", "Issued by")


def _signed(value: Money, red: bool) -> Money:
    return Money(-abs(value.minor)) if red else value


def line_totals(line: PrintLine) -> Totals | None:
    """Net, VAT (given, or net × rate rounded half up) and gross of a line with an amount."""
    if line.amount is None:
        return None
    vat = line.vat
    if vat is None:
        vat = Money.of(line.amount.amount * line.vat_rate) if line.vat_rate else Money.zero()
    return Totals(net=line.amount, vat=vat, gross=line.amount + vat)


def rate_text(rate: Decimal | None) -> str:
    """``13%``; empty when the line has no rate."""
    return "" if rate is None else f"{(rate * 100).normalize():f}%"


def _row(line: PrintLine, red: bool) -> list[str]:
    amounts = line_totals(line)
    quantity = -abs(line.quantity) if red else line.quantity
    figures = ["", "", ""]
    if amounts is not None:
        figures = [money_text(_signed(m, red)) for m in (amounts.net, amounts.vat, amounts.gross)]
    return [
        str(line.no),
        line.code,
        line.name,
        line.spec,
        line.unit,
        quantity_text(quantity),
        money_text(line.unit_price),
        figures[0],
        rate_text(line.vat_rate),
        figures[1],
        figures[2],
    ]


def document_totals(doc: PrintDocument) -> Totals:
    """The document's totals, or the sums of its line values when none were given."""
    if doc.totals is not None:
        return doc.totals
    zero = Totals(Money.zero(), Money.zero(), Money.zero())
    lines = [t for t in map(line_totals, doc.lines) if t is not None]
    return Totals(
        net=sum((t.net for t in lines), zero.net),
        vat=sum((t.vat for t in lines), zero.vat),
        gross=sum((t.gross for t in lines), zero.gross),
    )


def _totals(sheet: Sheet, doc: PrintDocument, red: bool) -> Flowable:
    totals = document_totals(doc)
    net, vat, gross = (_signed(m, red) for m in (totals.net, totals.vat, totals.gross))
    rows = [(NET_AMOUNT, money_text(net)), (VAT, money_text(vat)), (TOTAL, currency_text(gross))]
    return blocks.totals_block(sheet, rows, capital=gross)


def _body(doc: PrintDocument) -> Body:
    red = doc.kind == "red_invoice"

    def body(sheet: Sheet) -> list[Flowable]:
        gap = Spacer(1, sheet.styles.size * 0.6)
        grid = blocks.info_grid(
            sheet, blocks.customer_pairs(doc.customer, bank=True) + blocks.document_pairs(doc)
        )
        flowables: list[Flowable | None] = [
            blocks.header(sheet, doc, RED_TITLE if red else TITLE, red=red),
            gap,
            grid,
            gap,
            blocks.lines_table(sheet, COLUMNS, [_row(line, red) for line in doc.lines]),
            _totals(sheet, doc, red),
            blocks.signature_lines(sheet, [(PAYEE, ""), (REVIEWER, ""), (ISSUER, "")]),
        ]
        return [f for f in flowables if f is not None]

    return body


def render(
    doc: PrintDocument, *, preset: PagePreset = A4, copies: int = 1, language: str = "zh_CN"
) -> bytes:
    """The invoice or red invoice ``doc`` as PDF bytes.

    A red invoice must name its original invoice (``references[ORIGINAL_INVOICE_NUMBER]``).
    """
    if doc.kind not in KINDS:
        raise ValueError(f"not an invoice: {doc.kind!r}")
    if doc.kind == "red_invoice" and not doc.references.get(ORIGINAL_INVOICE_NUMBER):
        raise ValueError("a red invoice must name the original invoice number")
    title = RED_TITLE if doc.kind == "red_invoice" else TITLE
    return build_pdf(doc, _body(doc), title=title, preset=preset, copies=copies, language=language)
