"""The delivery note (送货单): what left the warehouse, for the customer to sign.

Lines with code, name, specification, unit, quantity, unit price (the list price, with the
discount beside it when a line has one), net amount, batch / expiry and remark, so that
quantity × price × (1 − discount) is the printed net amount on every line.  Totals: net, VAT
and the total including VAT, in figures and, in Chinese, in capital numerals; then the
signature lines.  A "Consignment" marker when the goods stay ours at the customer's site.
"""

from __future__ import annotations

from decimal import Decimal

from reportlab.platypus import Flowable

from retailerp.domain.money import Money
from retailerp.domain.text import QT_TRANSLATE_NOOP
from retailerp.printing import blocks
from retailerp.printing.layout import A4, Body, PagePreset, Sheet, build_pdf
from retailerp.printing.lines import Column, lines_table
from retailerp.printing.model import SHIP_TO, PrintDocument
from retailerp.printing.wording import currency_text, money_text, percent_text, quantity_text

TITLE = QT_TRANSLATE_NOOP("print", "Delivery note")
KIND = "delivery_note"

NO = Column(QT_TRANSLATE_NOOP("print", "No."), kind="center")
CODE = Column(QT_TRANSLATE_NOOP("print", "Code"), 0.8)
NAME = Column(QT_TRANSLATE_NOOP("print", "Name"), 3.0)
SPEC = Column(QT_TRANSLATE_NOOP("print", "Spec."), 1.0)
UNIT = Column(QT_TRANSLATE_NOOP("print", "Unit"), kind="center")
QUANTITY = Column(QT_TRANSLATE_NOOP("print", "Quantity"), kind="number")
UNIT_PRICE = Column(QT_TRANSLATE_NOOP("print", "Unit price"), kind="number")
DISCOUNT = Column(QT_TRANSLATE_NOOP("print", "Discount"), kind="number")
NET = Column(QT_TRANSLATE_NOOP("print", "Net amount"), kind="number")
TRACKING = Column(QT_TRANSLATE_NOOP("print", "Batch / expiry"), 1.0)
REMARK = Column(QT_TRANSLATE_NOOP("print", "Remark"), 0.8)

TOTAL_QUANTITY = QT_TRANSLATE_NOOP("print", "Total quantity")
NET_AMOUNT = QT_TRANSLATE_NOOP("print", "Net amount")
VAT = QT_TRANSLATE_NOOP("print", "VAT")
TOTAL = QT_TRANSLATE_NOOP("print", "Total")
TOTAL_WITH_VAT = QT_TRANSLATE_NOOP("print", "Total incl. VAT")
DELIVERED_BY = QT_TRANSLATE_NOOP("print", "Delivered by")
CUSTOMER_SIGNATURE = QT_TRANSLATE_NOOP("print", "Customer signature")


def has_discount(doc: PrintDocument) -> bool:
    """Whether any line has a discount (the Discount column is printed only then)."""
    return any(line.discount for line in doc.lines)


def columns(doc: PrintDocument) -> list[Column]:
    """The columns printed: Discount only when a line has one, Batch and Remark when used."""
    chosen = [NO, CODE, NAME, SPEC, UNIT, QUANTITY]
    if any(line.unit_price is not None for line in doc.lines):
        chosen.append(UNIT_PRICE)
        if has_discount(doc):
            chosen.append(DISCOUNT)
        chosen.append(NET)
    if any(blocks.tracking_text(line) for line in doc.lines):
        chosen.append(TRACKING)
    if any(line.remark for line in doc.lines):
        chosen.append(REMARK)
    return chosen


def _rows(doc: PrintDocument, shown: list[Column]) -> list[list[str]]:
    rows = []
    for line in doc.lines:
        values = {
            NO: str(line.no),
            CODE: line.code,
            NAME: line.name,
            SPEC: line.spec,
            UNIT: line.unit,
            QUANTITY: quantity_text(line.quantity),
            UNIT_PRICE: money_text(line.unit_price),
            DISCOUNT: percent_text(line.discount) if line.discount else "",
            NET: money_text(line.amount),
            TRACKING: blocks.tracking_text(line),
            REMARK: line.remark,
        }
        rows.append([values[column] for column in shown])
    return rows


def _total_amount(doc: PrintDocument) -> Money | None:
    if doc.totals is not None:
        return doc.totals.gross
    amounts = [line.amount for line in doc.lines if line.amount is not None]
    return sum(amounts, Money.zero()) if amounts else None


def _totals(sheet: Sheet, doc: PrintDocument) -> list[Flowable]:
    quantity = sum((line.quantity for line in doc.lines), Decimal(0))
    rows = [(TOTAL_QUANTITY, quantity_text(quantity))]
    total = _total_amount(doc)
    label = TOTAL
    if doc.totals is not None and doc.totals.vat:
        rows += [(NET_AMOUNT, money_text(doc.totals.net)), (VAT, money_text(doc.totals.vat))]
        label = TOTAL_WITH_VAT
    if total is not None:
        rows.append((label, currency_text(total)))
    return blocks.totals_block(sheet, rows, capital=total)


def _body(doc: PrintDocument) -> Body:
    def body(sheet: Sheet) -> list[Flowable]:
        grid = blocks.info_grid(
            sheet,
            blocks.customer_pairs(doc.customer, address_label=SHIP_TO)
            + blocks.document_pairs(doc, sheet)
            + list(doc.details.items()),
        )
        shown = columns(doc)
        tail = _totals(sheet, doc) + [
            blocks.signature_lines(
                sheet, [(DELIVERED_BY, ""), (CUSTOMER_SIGNATURE, ""), (blocks.DATE, "")]
            )
        ]
        flowables: list[Flowable | None] = [
            blocks.header(sheet, doc, TITLE),
            blocks.gap(sheet),
            grid,
            blocks.gap(sheet),
            lines_table(sheet, shown, _rows(doc, shown), tail=tail),
        ]
        return [f for f in flowables if f is not None]

    return body


def render(
    doc: PrintDocument, *, preset: PagePreset = A4, copies: int = 1, language: str = "zh_CN"
) -> bytes:
    """The delivery note ``doc`` as PDF bytes."""
    if doc.kind != KIND:
        raise ValueError(f"not a delivery note: {doc.kind!r}")
    return build_pdf(doc, _body(doc), title=TITLE, preset=preset, copies=copies, language=language)
