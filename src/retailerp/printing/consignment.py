"""Consignment documents (寄售单据): the consignment delivery note of a fill-up, the issue,
pickup and return notes, the count sheet and the consignment statement (寄售对账单).

Every kind is a header, the customer and references, one lines table and its tail; what
differs is the title, the columns and the totals:

- **delivery** (fill-up): titled as a consignment delivery, the "Consignment" marker, and
  each line's balance at the customer after the delivery;
- **issue**: priced lines with net amounts (the goods were sold);
- **pickup** / **return**: the goods coming back, with batch and the balance after;
- **count sheet**: the items and batches expected at the customer, a barcode each, and a
  "Counted" column, blank on the sheet taken to the shelf and filled on a settled count;
- **statement**: per document of the period its date, kind, quantity in (+) or out (−) and
  value, with opening, movements, closing, invoiced and paid below.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from reportlab.platypus import Flowable

from retailerp.domain.money import Money
from retailerp.domain.text import QT_TRANSLATE_NOOP
from retailerp.printing import blocks
from retailerp.printing.layout import A4, Body, PagePreset, Sheet, build_pdf
from retailerp.printing.lines import Column, lines_table
from retailerp.printing.model import PrintDocument, PrintLine
from retailerp.printing.wording import money_text, quantity_text

NO = Column(QT_TRANSLATE_NOOP("print", "No."), kind="center")
CODE = Column(QT_TRANSLATE_NOOP("print", "Code"), 0.8)
NAME = Column(QT_TRANSLATE_NOOP("print", "Name"), 3.0)
UNIT = Column(QT_TRANSLATE_NOOP("print", "Unit"), kind="center")
QUANTITY = Column(QT_TRANSLATE_NOOP("print", "Quantity"), kind="number")
EXPECTED = Column(QT_TRANSLATE_NOOP("print", "Expected"), kind="number")
COUNTED = Column(QT_TRANSLATE_NOOP("print", "Counted"), 1.0)
UNIT_PRICE = Column(QT_TRANSLATE_NOOP("print", "Unit price"), kind="number")
NET = Column(QT_TRANSLATE_NOOP("print", "Net amount"), kind="number")
TRACKING = Column(QT_TRANSLATE_NOOP("print", "Batch / expiry"), 1.0)
BALANCE = Column(QT_TRANSLATE_NOOP("print", "At customer after"), kind="number")
BARCODE = Column(QT_TRANSLATE_NOOP("print", "Barcode"), kind="barcode")
DATE = Column(QT_TRANSLATE_NOOP("print", "Date"), kind="center")
DOCUMENT = Column(QT_TRANSLATE_NOOP("print", "Document"), 1.2)
KIND = Column(QT_TRANSLATE_NOOP("print", "Kind"), 1.2)
VALUE = Column(QT_TRANSLATE_NOOP("print", "Value"), kind="number")
COST = Column(QT_TRANSLATE_NOOP("print", "Cost"), kind="number")
FIGURE = Column(QT_TRANSLATE_NOOP("print", "Balance and movements"), 2.0)
CUSTOMER_CODE = QT_TRANSLATE_NOOP("print", "Customer code")
CUSTOMER_NAME = QT_TRANSLATE_NOOP("print", "Customer")
LOCATION = QT_TRANSLATE_NOOP("print", "Consignment location")
STATEMENT_TITLE = QT_TRANSLATE_NOOP("print", "Consignment statement")
UNKNOWN = QT_TRANSLATE_NOOP("print", "unknown")
"""Printed where the cost of goods is not known."""

TOTAL_QUANTITY = QT_TRANSLATE_NOOP("print", "Total quantity")
TOTAL_VALUE = QT_TRANSLATE_NOOP("print", "Total")
DELIVERED_BY = QT_TRANSLATE_NOOP("print", "Delivered by")
CUSTOMER_SIGNATURE = QT_TRANSLATE_NOOP("print", "Customer signature")
ISSUED_BY = QT_TRANSLATE_NOOP("print", "Issued by")
COUNTED_BY = QT_TRANSLATE_NOOP("print", "Counted by")
PERIOD = QT_TRANSLATE_NOOP("print", "Period")
OPENING = QT_TRANSLATE_NOOP("print", "Opening balance")
FILL_UPS = QT_TRANSLATE_NOOP("print", "Fill-ups")
ISSUES = QT_TRANSLATE_NOOP("print", "Issues")
PICKUPS = QT_TRANSLATE_NOOP("print", "Pickups")
RETURNS = QT_TRANSLATE_NOOP("print", "Returns")
CLOSING = QT_TRANSLATE_NOOP("print", "Closing balance")
INVOICED = QT_TRANSLATE_NOOP("print", "Invoiced")
PAID = QT_TRANSLATE_NOOP("print", "Paid")
STATEMENT_FIGURES = (OPENING, FILL_UPS, ISSUES, PICKUPS, RETURNS, CLOSING)
"""The statement's summary rows (``PrintDocument.figures``), in print order."""
STATEMENT_MONEY = (INVOICED, PAID)
"""The statement's money, printed below the summary: ``PrintDocument.details`` keys."""

KIND_WORDS = {
    "fill_up": QT_TRANSLATE_NOOP("print", "Fill-up"),
    "issue": QT_TRANSLATE_NOOP("print", "Issue"),
    "pickup": QT_TRANSLATE_NOOP("print", "Pickup"),
    "return": QT_TRANSLATE_NOOP("print", "Return"),
    "count": QT_TRANSLATE_NOOP("print", "Count"),
}
"""A statement line's ``name`` is the kind of its document; printed in these words."""

Cell = Callable[[Sheet, PrintLine], str]


def _signed(value: Decimal) -> str:
    return ("+" if value > 0 else "") + quantity_text(value)


CELLS: dict[Column, Cell] = {
    NO: lambda _s, ln: str(ln.no),
    CODE: lambda _s, ln: ln.code,
    NAME: lambda _s, ln: f"{ln.name} · {ln.spec}" if ln.spec else ln.name,
    UNIT: lambda _s, ln: ln.unit,
    QUANTITY: lambda _s, ln: quantity_text(ln.quantity),
    EXPECTED: lambda _s, ln: quantity_text(ln.quantity),
    COUNTED: lambda _s, ln: ln.remark,
    UNIT_PRICE: lambda _s, ln: money_text(ln.unit_price),
    NET: lambda _s, ln: money_text(ln.amount),
    TRACKING: lambda _s, ln: blocks.tracking_text(ln),
    BALANCE: lambda _s, ln: quantity_text(ln.balance) if ln.balance is not None else "",
    BARCODE: lambda _s, ln: ln.barcode or ln.code,
    DATE: lambda _s, ln: ln.remark,
    DOCUMENT: lambda _s, ln: ln.code,
    KIND: lambda s, ln: s.wording(KIND_WORDS[ln.name]) if ln.name in KIND_WORDS else ln.name,
    VALUE: lambda _s, ln: money_text(ln.amount),
    COST: lambda s, ln: cost_text(s, ln.cost),
}


def cost_text(sheet: Sheet, cost: Money | None) -> str:
    return money_text(cost) if cost is not None else sheet.wording(UNKNOWN)


@dataclass(frozen=True)
class Layout:
    title: str
    columns: Sequence[Column]
    signatures: Sequence[str]
    priced: bool = False


GOODS = (NO, CODE, NAME, UNIT, QUANTITY, TRACKING, BALANCE)
LAYOUTS = {
    "consignment_delivery": Layout(
        QT_TRANSLATE_NOOP("print", "Consignment delivery note"), GOODS,
        (DELIVERED_BY, CUSTOMER_SIGNATURE, blocks.DATE),
    ),
    "consignment_issue": Layout(
        QT_TRANSLATE_NOOP("print", "Consignment issue note"),
        (NO, CODE, NAME, UNIT, QUANTITY, TRACKING, UNIT_PRICE, NET),
        (ISSUED_BY, CUSTOMER_SIGNATURE, blocks.DATE),
        priced=True,
    ),
    "consignment_pickup": Layout(
        QT_TRANSLATE_NOOP("print", "Consignment pickup note"), GOODS,
        (DELIVERED_BY, CUSTOMER_SIGNATURE, blocks.DATE),
    ),
    "consignment_return": Layout(
        QT_TRANSLATE_NOOP("print", "Consignment return note"), GOODS,
        (DELIVERED_BY, CUSTOMER_SIGNATURE, blocks.DATE),
    ),
    "consignment_count": Layout(
        QT_TRANSLATE_NOOP("print", "Consignment count sheet"),
        (NO, CODE, NAME, UNIT, TRACKING, EXPECTED, BARCODE, COUNTED),
        (COUNTED_BY, CUSTOMER_SIGNATURE, blocks.DATE),
    ),
    "consignment_statement": Layout(
        STATEMENT_TITLE,
        (DATE, DOCUMENT, KIND, QUANTITY, VALUE, COST),
        (CUSTOMER_SIGNATURE, blocks.DATE),
    ),
}  # fmt: skip
KINDS = tuple(LAYOUTS)


def _rows(sheet: Sheet, doc: PrintDocument, columns: Sequence[Column]) -> list[list[str]]:
    rows = []
    for line in doc.lines:
        cells = [CELLS[column](sheet, line) for column in columns]
        if doc.kind == "consignment_statement":
            cells[columns.index(QUANTITY)] = _signed(line.quantity)
        rows.append(cells)
    return rows


def _totals(sheet: Sheet, doc: PrintDocument, layout: Layout) -> list[Flowable]:
    if doc.kind == "consignment_statement":
        money = [(label, doc.details[label]) for label in STATEMENT_MONEY if label in doc.details]
        return blocks.totals_block(sheet, money)
    quantity = sum((line.quantity for line in doc.lines), Decimal(0))
    rows = [(TOTAL_QUANTITY, quantity_text(quantity))]
    if layout.priced and doc.totals is not None:
        rows.append((TOTAL_VALUE, money_text(doc.totals.gross)))
        return blocks.totals_block(sheet, rows, capital=doc.totals.gross)
    return blocks.totals_block(sheet, rows)


def _body(doc: PrintDocument, layout: Layout) -> Body:
    def body(sheet: Sheet) -> list[Flowable]:
        details = [(k, v) for k, v in doc.details.items() if k not in STATEMENT_MONEY]
        grid = blocks.info_grid(
            sheet, blocks.customer_pairs(doc.customer) + blocks.document_pairs(doc, sheet) + details
        )
        columns = [c for c in layout.columns if c is not BALANCE or _has_balance(doc)]
        signatures = blocks.signature_lines(sheet, [(label, "") for label in layout.signatures])
        tail = [*_totals(sheet, doc, layout), signatures]
        flowables: list[Flowable | None] = [
            blocks.header(sheet, doc, layout.title),
            blocks.gap(sheet),
            grid,
            blocks.gap(sheet),
        ]
        if doc.figures:
            flowables += [lines_table(sheet, columns, _rows(sheet, doc, columns)),
                          blocks.gap(sheet), _summary(sheet, doc, tail)]  # fmt: skip
        else:
            flowables.append(lines_table(sheet, columns, _rows(sheet, doc, columns), tail=tail))
        return [f for f in flowables if f is not None]

    return body


SUMMARY = (FIGURE, QUANTITY, VALUE, COST)


def _summary(sheet: Sheet, doc: PrintDocument, tail: Sequence[Flowable]) -> Flowable:
    """A statement's balances and movements: quantity, value at price, at cost."""
    rows = [
        [sheet.wording(f.label), quantity_text(f.quantity), money_text(f.value),
         cost_text(sheet, f.cost)]
        for f in doc.figures
    ]  # fmt: skip
    return lines_table(sheet, SUMMARY, rows, tail=tail)


def _has_balance(doc: PrintDocument) -> bool:
    return any(line.balance is not None for line in doc.lines)


def render(
    doc: PrintDocument, *, preset: PagePreset = A4, copies: int = 1, language: str = "zh_CN"
) -> bytes:
    """A consignment document ``doc`` as PDF bytes, laid out for its kind."""
    layout = LAYOUTS.get(doc.kind)
    if layout is None:
        raise ValueError(f"not a consignment document: {doc.kind!r}")
    return build_pdf(
        doc, _body(doc, layout), title=layout.title, preset=preset, copies=copies,
        language=language,
    )  # fmt: skip
