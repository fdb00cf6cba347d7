"""The return note (退货单): goods that came back from a customer, for both sides to sign.

Each line names the goods, the quantity returned, their condition and where they went (back
to a bin, quarantine, scrap), the policy rule that decided the refund, the rate and the
refund.  Totals: the returned value (net, VAT, incl. VAT) and the refund, the refund also in
capital numerals in Chinese.  The header carries the return's barcode; the references name
the delivery (and order / invoice) it returns against, the reason and, when the owner
overrode the policy, who did and why.
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
from retailerp.printing.model import PrintDocument, PrintLine
from retailerp.printing.wording import currency_text, money_text, percent_text, quantity_text

TITLE = QT_TRANSLATE_NOOP("print", "Return note")
KIND = "return_note"

# Reference and detail labels the service fills in.
RETURN_REASON = QT_TRANSLATE_NOOP("print", "Return reason")
RECEIVED_BY = QT_TRANSLATE_NOOP("print", "Received by")
OVERRIDE = QT_TRANSLATE_NOOP("print", "Policy overridden by")
OVERRIDE_REASON = QT_TRANSLATE_NOOP("print", "Override reason")
STATE = QT_TRANSLATE_NOOP("print", "State")

NO = Column(QT_TRANSLATE_NOOP("print", "No."), kind="center")
CODE = Column(QT_TRANSLATE_NOOP("print", "Code"), 0.8)
NAME = Column(QT_TRANSLATE_NOOP("print", "Name"), 2.4)
UNIT = Column(QT_TRANSLATE_NOOP("print", "Unit"), kind="center")
QUANTITY = Column(QT_TRANSLATE_NOOP("print", "Quantity"), kind="number")
UNIT_PRICE = Column(QT_TRANSLATE_NOOP("print", "Unit price"), kind="number")
GROSS = Column(QT_TRANSLATE_NOOP("print", "Gross amount"), kind="number")
CONDITION = Column(QT_TRANSLATE_NOOP("print", "Condition"), 1.0)
DESTINATION = Column(QT_TRANSLATE_NOOP("print", "Goes to"), 0.8)
RULE = Column(QT_TRANSLATE_NOOP("print", "Policy rule"), 1.8)
RATE = Column(QT_TRANSLATE_NOOP("print", "Refund rate"), kind="number")
REFUND = Column(QT_TRANSLATE_NOOP("print", "Refund"), kind="number")
TRACKING = Column(QT_TRANSLATE_NOOP("print", "Batch / expiry"), 1.0)

TOTAL_QUANTITY = QT_TRANSLATE_NOOP("print", "Total quantity")
NET_AMOUNT = QT_TRANSLATE_NOOP("print", "Net amount")
VAT = QT_TRANSLATE_NOOP("print", "VAT")
RETURNED_VALUE = QT_TRANSLATE_NOOP("print", "Returned value incl. VAT")
REFUND_TOTAL = QT_TRANSLATE_NOOP("print", "Refund")
RETURNED_BY = QT_TRANSLATE_NOOP("print", "Returned by (customer)")
WAREHOUSE_SIGNATURE = QT_TRANSLATE_NOOP("print", "Received by (warehouse)")
APPROVED_BY = QT_TRANSLATE_NOOP("print", "Approved by")


@dataclass(frozen=True)
class ReturnPrintLine(PrintLine):
    """A returned line: the goods as a :class:`PrintLine` (``amount`` the gross value
    returned), and its condition (a term), destination, rule (a term where it is one of the
    shipped rules), refund rate and refund."""

    condition: str = ""
    destination: str = ""
    rule: str = ""
    refund_rate: Decimal | None = None
    refund: Money | None = None


NO_RETURN = ReturnPrintLine(0, "", "", Decimal(0))


def _line_rows(sheet: Sheet, doc: PrintDocument, shown: list[Column]) -> list[list[str]]:
    tr = sheet.wording
    rows = []
    for line in doc.lines:
        extra = line if isinstance(line, ReturnPrintLine) else NO_RETURN
        values = {
            NO: str(line.no),
            CODE: line.code,
            NAME: line.name,
            UNIT: line.unit,
            QUANTITY: quantity_text(line.quantity),
            UNIT_PRICE: money_text(line.unit_price),
            GROSS: money_text(line.amount),
            CONDITION: tr.term(extra.condition) if extra.condition else "",
            DESTINATION: extra.destination,
            RULE: tr.term(extra.rule) if extra.rule else "",
            RATE: percent_text(extra.refund_rate) if extra.refund_rate is not None else "",
            REFUND: money_text(extra.refund),
            TRACKING: blocks.tracking_text(line),
        }
        rows.append([values[column] for column in shown])
    return rows


def columns(doc: PrintDocument) -> list[Column]:
    """The columns printed: batch / expiry only when a line has one."""
    chosen = [NO, CODE, NAME, UNIT, QUANTITY, UNIT_PRICE, GROSS, CONDITION, DESTINATION, RULE,
              RATE, REFUND]  # fmt: skip
    if any(blocks.tracking_text(line) for line in doc.lines):
        chosen.insert(4, TRACKING)
    return chosen


def refund_total(doc: PrintDocument) -> Money:
    return sum(
        (line.refund for line in doc.lines if isinstance(line, ReturnPrintLine) and line.refund),
        Money.zero(),
    )


def _totals(doc: PrintDocument) -> list[tuple[str, str]]:
    quantity = sum((line.quantity for line in doc.lines), Decimal(0))
    rows = [(TOTAL_QUANTITY, quantity_text(quantity))]
    if doc.totals is not None:
        rows += [
            (NET_AMOUNT, money_text(doc.totals.net)),
            (VAT, money_text(doc.totals.vat)),
            (RETURNED_VALUE, money_text(doc.totals.gross)),
        ]
    rows.append((REFUND_TOTAL, currency_text(refund_total(doc))))
    return rows


def _body(doc: PrintDocument) -> Body:
    def body(sheet: Sheet) -> list[Flowable]:
        details = [
            (label, sheet.wording.term(value) if label in (RETURN_REASON, STATE) else value)
            for label, value in doc.details.items()
        ]
        grid = blocks.info_grid(
            sheet, blocks.customer_pairs(doc.customer) + blocks.document_pairs(doc, sheet) + details
        )
        shown = columns(doc)
        approver = doc.details.get(OVERRIDE, "")
        tail = blocks.totals_block(sheet, _totals(doc), capital=refund_total(doc)) + [
            blocks.signature_lines(
                sheet,
                [(RETURNED_BY, ""), (WAREHOUSE_SIGNATURE, doc.checker), (APPROVED_BY, approver),
                 (blocks.DATE, "")],
            )  # fmt: skip
        ]
        flowables: list[Flowable | None] = [
            blocks.header(sheet, doc, TITLE),
            blocks.gap(sheet),
            grid,
            blocks.gap(sheet),
            lines_table(sheet, shown, _line_rows(sheet, doc, shown), tail=tail),
        ]
        return [f for f in flowables if f is not None]

    return body


def render(
    doc: PrintDocument, *, preset: PagePreset = A4, copies: int = 1, language: str = "zh_CN"
) -> bytes:
    """The return note ``doc`` as PDF bytes."""
    if doc.kind != KIND:
        raise ValueError(f"not a return note: {doc.kind!r}")
    return build_pdf(doc, _body(doc), title=TITLE, preset=preset, copies=copies, language=language)
