"""The delivery note (送货单): what left the warehouse, for the customer to sign.

Lines with code, name, specification, unit, quantity, unit price, amount, batch / expiry and
remark; totals in figures and, in Chinese, in capital numerals; the customer's signature and
date lines; a "Consignment" marker when the goods stay ours at the customer's site.
"""

from __future__ import annotations

from decimal import Decimal

from reportlab.platypus import Flowable, Spacer

from retailerp.domain.money import Money
from retailerp.domain.text import QT_TRANSLATE_NOOP
from retailerp.printing import blocks
from retailerp.printing.blocks import Column
from retailerp.printing.layout import A4, Body, PagePreset, Sheet, build_pdf
from retailerp.printing.model import PrintDocument
from retailerp.printing.wording import currency_text, money_text, quantity_text

TITLE = QT_TRANSLATE_NOOP("print", "Delivery note")
KIND = "delivery_note"

COLUMNS = (
    Column(QT_TRANSLATE_NOOP("print", "No."), 0.5, "center"),
    Column(QT_TRANSLATE_NOOP("print", "Code"), 1.2),
    Column(QT_TRANSLATE_NOOP("print", "Name"), 2.3),
    Column(QT_TRANSLATE_NOOP("print", "Spec."), 1.1),
    Column(QT_TRANSLATE_NOOP("print", "Unit"), 0.6, "center"),
    Column(QT_TRANSLATE_NOOP("print", "Quantity"), 0.9, "right"),
    Column(QT_TRANSLATE_NOOP("print", "Unit price"), 1.0, "right"),
    Column(QT_TRANSLATE_NOOP("print", "Amount"), 1.1, "right"),
    Column(QT_TRANSLATE_NOOP("print", "Batch / expiry"), 1.6),
    Column(QT_TRANSLATE_NOOP("print", "Remark"), 1.0),
)

TOTAL_QUANTITY = QT_TRANSLATE_NOOP("print", "Total quantity")
NET_AMOUNT = QT_TRANSLATE_NOOP("print", "Net amount")
VAT = QT_TRANSLATE_NOOP("print", "VAT")
TOTAL = QT_TRANSLATE_NOOP("print", "Total")
DELIVERED_BY = QT_TRANSLATE_NOOP("print", "Delivered by")
CUSTOMER_SIGNATURE = QT_TRANSLATE_NOOP("print", "Customer signature")


def _rows(doc: PrintDocument) -> list[list[str]]:
    return [
        [
            str(line.no),
            line.code,
            line.name,
            line.spec,
            line.unit,
            quantity_text(line.quantity),
            money_text(line.unit_price),
            money_text(line.amount),
            blocks.tracking_text(line),
            line.remark,
        ]
        for line in doc.lines
    ]


def _total_amount(doc: PrintDocument) -> Money | None:
    if doc.totals is not None:
        return doc.totals.gross
    amounts = [line.amount for line in doc.lines if line.amount is not None]
    return sum(amounts, Money.zero()) if amounts else None


def _totals(sheet: Sheet, doc: PrintDocument) -> Flowable:
    quantity = sum((line.quantity for line in doc.lines), Decimal(0))
    rows = [(TOTAL_QUANTITY, quantity_text(quantity))]
    if doc.totals is not None and doc.totals.vat:
        rows += [(NET_AMOUNT, money_text(doc.totals.net)), (VAT, money_text(doc.totals.vat))]
    total = _total_amount(doc)
    if total is not None:
        rows.append((TOTAL, currency_text(total)))
    return blocks.totals_block(sheet, rows, capital=total)


def _body(doc: PrintDocument) -> Body:
    def body(sheet: Sheet) -> list[Flowable]:
        grid = blocks.info_grid(
            sheet, blocks.customer_pairs(doc.customer) + blocks.document_pairs(doc)
        )
        gap = Spacer(1, sheet.styles.size * 0.6)
        flowables: list[Flowable | None] = [
            blocks.header(sheet, doc, TITLE),
            gap,
            grid,
            gap,
            blocks.lines_table(sheet, COLUMNS, _rows(doc)),
            _totals(sheet, doc),
            blocks.signature_lines(
                sheet, [(DELIVERED_BY, ""), (CUSTOMER_SIGNATURE, ""), (blocks.DATE, "")]
            ),
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
