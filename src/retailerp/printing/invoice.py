"""Our invoice: the sales settlement (销售结算单) and its red reversal, as printed by the shop.

It is not the official VAT invoice (增值税发票 / 数电票), which is issued on the tax platform:
the title says "sales settlement", a footnote says so too, and the official e-invoice number
is printed once the shop has recorded it.  A blue settlement shows list price (and discount
when a line has one), net amount, VAT rate, VAT and gross per line and in total, the gross in
capital numerals (Chinese), due date, payment terms, paid and open.  A red one reverses part or
all of a blue one: its title is red, every quantity and amount prints negative, and it names
the original invoice and the red-letter confirmation number (from the document's references).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from reportlab.platypus import Flowable

from retailerp.domain.money import Money
from retailerp.domain.text import QT_TRANSLATE_NOOP
from retailerp.printing import blocks
from retailerp.printing.layout import A4, Body, PagePreset, Sheet, build_pdf
from retailerp.printing.lines import Column, lines_table
from retailerp.printing.model import (
    DUE_ON_RECEIPT,
    NET_DAYS,
    ORIGINAL_INVOICE_NUMBER,
    PAYMENT_TERMS,
    PrintDocument,
    PrintLine,
    Totals,
)
from retailerp.printing.wording import currency_text, money_text, percent_text, quantity_text

TITLE = QT_TRANSLATE_NOOP("print", "Sales settlement")
RED_TITLE = QT_TRANSLATE_NOOP("print", "Red sales settlement")
KINDS = ("invoice", "red_invoice")

NO = Column(QT_TRANSLATE_NOOP("print", "No."), kind="center")
CODE = Column(QT_TRANSLATE_NOOP("print", "Code"), 0.8)
NAME = Column(QT_TRANSLATE_NOOP("print", "Name"), 3.0)
SPEC = Column(QT_TRANSLATE_NOOP("print", "Spec."), 1.0)
UNIT = Column(QT_TRANSLATE_NOOP("print", "Unit"), kind="center")
QUANTITY = Column(QT_TRANSLATE_NOOP("print", "Quantity"), kind="number")
UNIT_PRICE = Column(QT_TRANSLATE_NOOP("print", "Unit price"), kind="number")
DISCOUNT = Column(QT_TRANSLATE_NOOP("print", "Discount"), kind="number")
NET = Column(QT_TRANSLATE_NOOP("print", "Net amount"), kind="number")
RATE = Column(QT_TRANSLATE_NOOP("print", "VAT rate"), kind="number")
VAT_COLUMN = Column(QT_TRANSLATE_NOOP("print", "VAT"), kind="number")
GROSS = Column(QT_TRANSLATE_NOOP("print", "Gross amount"), kind="number")
RULE = Column(QT_TRANSLATE_NOOP("print", "Policy rule"), 1.8)

NET_AMOUNT = QT_TRANSLATE_NOOP("print", "Net amount")
VAT = QT_TRANSLATE_NOOP("print", "VAT")
TOTAL = QT_TRANSLATE_NOOP("print", "Total incl. VAT")
PAID = QT_TRANSLATE_NOOP("print", "Paid")
OPEN = QT_TRANSLATE_NOOP("print", "Open")
PAYEE = QT_TRANSLATE_NOOP("print", "Payee")
REVIEWER = QT_TRANSLATE_NOOP("print", "Reviewed by")
ISSUER = QT_TRANSLATE_NOOP("print", "Issued by")
NOT_A_TAX_INVOICE = QT_TRANSLATE_NOOP(
    "print",
    "This settlement is not a VAT invoice; the official e-invoice is issued on the tax platform.",
)


@dataclass(frozen=True)
class RedPrintLine(PrintLine):
    """A red line credited from a return: the return policy's rule (a term where it is one
    of the shipped rules) and the rate it allowed, printed in a "Policy rule" column."""

    rule: str = ""
    refund_rate: Decimal | None = None


def rule_text(sheet: Sheet, line: PrintLine) -> str:
    """ "after 6 months: 10 % packaging-loss deduction · 90%" in the document's language."""
    if not isinstance(line, RedPrintLine) or not line.rule:
        return ""
    rate = f" · {percent_text(line.refund_rate)}" if line.refund_rate is not None else ""
    return sheet.wording.term(line.rule) + rate


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


def columns(doc: PrintDocument) -> list[Column]:
    """The columns printed: Discount only when a line has one, the policy rule only on a red
    invoice credited from a return."""
    shown = [NO, CODE, NAME, SPEC, UNIT, QUANTITY, UNIT_PRICE]
    if any(line.discount for line in doc.lines):
        shown.append(DISCOUNT)
    ruled = [RULE] if any(isinstance(x, RedPrintLine) and x.rule for x in doc.lines) else []
    return shown + [NET, RATE, VAT_COLUMN, GROSS] + ruled


def _row(sheet: Sheet, line: PrintLine, red: bool, shown: list[Column]) -> list[str]:
    amounts = line_totals(line)
    quantity = -abs(line.quantity) if red else line.quantity
    figures = ["", "", ""]
    if amounts is not None:
        figures = [money_text(_signed(m, red)) for m in (amounts.net, amounts.vat, amounts.gross)]
    values = {
        NO: str(line.no),
        CODE: line.code,
        NAME: line.name,
        SPEC: line.spec,
        UNIT: line.unit,
        QUANTITY: quantity_text(quantity),
        UNIT_PRICE: money_text(line.unit_price),
        DISCOUNT: percent_text(line.discount) if line.discount else "",
        NET: figures[0],
        RATE: rate_text(line.vat_rate),
        VAT_COLUMN: figures[1],
        GROSS: figures[2],
        RULE: rule_text(sheet, line),
    }
    return [values[column] for column in shown]


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


def _totals(sheet: Sheet, doc: PrintDocument, red: bool) -> list[Flowable]:
    totals = document_totals(doc)
    net, vat, gross = (_signed(m, red) for m in (totals.net, totals.vat, totals.gross))
    rows = [(NET_AMOUNT, money_text(net)), (VAT, money_text(vat)), (TOTAL, currency_text(gross))]
    if doc.paid is not None and not red:
        rows += [(PAID, money_text(doc.paid)), (OPEN, money_text(totals.gross - doc.paid))]
    return blocks.totals_block(sheet, rows, capital=gross)


def terms_pairs(sheet: Sheet, doc: PrintDocument) -> list[tuple[str, str]]:
    """Payment terms ("30 days net", "Due on receipt") in the document's language."""
    days = doc.payment_terms_days
    if days is None:
        return []
    terms = sheet.wording(NET_DAYS, days=days) if days > 0 else sheet.wording(DUE_ON_RECEIPT)
    return [(PAYMENT_TERMS, terms)]


def _body(doc: PrintDocument) -> Body:
    red = doc.kind == "red_invoice"

    def body(sheet: Sheet) -> list[Flowable]:
        grid = blocks.info_grid(
            sheet,
            blocks.customer_pairs(doc.customer, bank=True)
            + blocks.document_pairs(doc, sheet)
            + list(doc.details.items())
            + terms_pairs(sheet, doc),
        )
        shown = columns(doc)
        tail = _totals(sheet, doc, red) + [
            blocks.signature_lines(sheet, [(PAYEE, ""), (REVIEWER, ""), (ISSUER, "")]),
            blocks.footnote(sheet, NOT_A_TAX_INVOICE),
        ]
        flowables: list[Flowable | None] = [
            blocks.header(sheet, doc, RED_TITLE if red else TITLE, red=red),
            blocks.gap(sheet),
            grid,
            blocks.gap(sheet),
            lines_table(
                sheet, shown, [_row(sheet, line, red, shown) for line in doc.lines], tail=tail
            ),
        ]
        return [f for f in flowables if f is not None]

    return body


def render(
    doc: PrintDocument, *, preset: PagePreset = A4, copies: int = 1, language: str = "zh_CN"
) -> bytes:
    """The sales settlement (invoice) or red settlement ``doc`` as PDF bytes.

    A red invoice must name its original invoice (``references[ORIGINAL_INVOICE_NUMBER]``).
    """
    if doc.kind not in KINDS:
        raise ValueError(f"not an invoice: {doc.kind!r}")
    if doc.kind == "red_invoice" and not doc.references.get(ORIGINAL_INVOICE_NUMBER):
        raise ValueError("a red invoice must name the original invoice number")
    title = RED_TITLE if doc.kind == "red_invoice" else TITLE
    return build_pdf(doc, _body(doc), title=title, preset=preset, copies=copies, language=language)
