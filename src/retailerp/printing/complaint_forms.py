"""The complaint's two printed forms.

- The **registration form** (客户投诉信息反馈单): who complained, how and when, about which
  delivery, item, batch and quantity, what is wrong, what the customer asks for, the
  severity and its deadlines; signed by who took it.
- The **after-sales disposition form** (产品售后处置单): the decision, the documents the
  resolution created with their state, the cause and the corrective action, the follow-up;
  signed by who handled it, who approved it and the customer.

The service hands over plain data: the affected goods (registration) or the documents
(disposition) as lines, every other field as label–value pairs in ``details``, the long
texts in ``sections``.
"""

from __future__ import annotations

from collections.abc import Mapping

from reportlab.platypus import Flowable

from retailerp.domain.text import QT_TRANSLATE_NOOP
from retailerp.printing import blocks
from retailerp.printing.layout import A4, Body, PagePreset, Sheet, build_pdf
from retailerp.printing.lines import Column, lines_table
from retailerp.printing.model import ComplaintPrint, PrintLine
from retailerp.printing.wording import money_text, quantity_text

REGISTRATION = "complaint_form"
DISPOSITION = "disposition_form"
REGISTRATION_TITLE = QT_TRANSLATE_NOOP("print", "Customer complaint form")
DISPOSITION_TITLE = QT_TRANSLATE_NOOP("print", "After-sales disposition form")

# labels the service uses in ``details`` and ``sections``
CHANNEL = QT_TRANSLATE_NOOP("print", "Channel")
RECEIVED = QT_TRANSLATE_NOOP("print", "Received")
SEVERITY = QT_TRANSLATE_NOOP("print", "Severity")
REQUESTED = QT_TRANSLATE_NOOP("print", "Customer asks for")
AMOUNT_AT_STAKE = QT_TRANSLATE_NOOP("print", "Amount at stake")
RESOLVE_BY = QT_TRANSLATE_NOOP("print", "Resolve by")
RESPOND_BY = QT_TRANSLATE_NOOP("print", "Respond by")
SHIP_DATE = QT_TRANSLATE_NOOP("print", "Ship date")
ASSIGNEE = QT_TRANSLATE_NOOP("print", "Assignee")
STATE = QT_TRANSLATE_NOOP("print", "State")
SATISFACTION = QT_TRANSLATE_NOOP("print", "Satisfaction (1–5)")
CUSTOMER_CLASS = QT_TRANSLATE_NOOP("print", "Customer class")
DESCRIPTION = QT_TRANSLATE_NOOP("print", "What is wrong")
DECISION = QT_TRANSLATE_NOOP("print", "Decision")
CAUSE = QT_TRANSLATE_NOOP("print", "Root cause")
CORRECTIVE = QT_TRANSLATE_NOOP("print", "Corrective / preventive action")
FOLLOW_UP = QT_TRANSLATE_NOOP("print", "Follow-up")
RECEIVED_BY = QT_TRANSLATE_NOOP("print", "Received by")
HANDLED_BY = QT_TRANSLATE_NOOP("print", "Handled by")
APPROVED_BY = QT_TRANSLATE_NOOP("print", "Approved by")
CUSTOMER_SIGNATURE = QT_TRANSLATE_NOOP("print", "Customer")

GOODS_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("print", "No."), kind="center"),
    Column(QT_TRANSLATE_NOOP("print", "Code"), 0.8),
    Column(QT_TRANSLATE_NOOP("print", "Item"), 3.0),
    Column(QT_TRANSLATE_NOOP("print", "Batch / expiry / serial"), 1.2),
    Column(QT_TRANSLATE_NOOP("print", "Quantity affected"), kind="number"),
)
DOCUMENT_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("print", "No."), kind="center"),
    Column(QT_TRANSLATE_NOOP("print", "Resolution"), 1.5),
    Column(QT_TRANSLATE_NOOP("print", "Document"), 1.2),
    Column(QT_TRANSLATE_NOOP("print", "State"), 1.0),
    Column(QT_TRANSLATE_NOOP("print", "Amount"), kind="number"),
)


def _goods_row(line: PrintLine) -> list[str]:
    return [str(line.no), line.code, line.name, blocks.tracking_text(line),
            quantity_text(line.quantity)]  # fmt: skip


def _document_row(line: PrintLine) -> list[str]:
    amount = money_text(line.amount) if line.amount else ""
    return [str(line.no), line.name, line.code, line.remark, amount]


def _sections(sheet: Sheet, sections: Mapping[str, str]) -> list[Flowable]:
    out: list[Flowable] = []
    for label, value in sections.items():
        if value:
            # plain text (not markup): the heading a size up, the value line by line
            out.append(blocks.text(sheet.wording(label), sheet.styles.capital))
            out.extend(blocks.text(line, sheet.styles.body) for line in value.splitlines())
            out.append(blocks.gap(sheet))
    return out


def _body(form: ComplaintPrint, title: str) -> Body:
    doc = form.document
    registration = doc.kind == REGISTRATION
    columns = GOODS_COLUMNS if registration else DOCUMENT_COLUMNS
    row = _goods_row if registration else _document_row

    def body(sheet: Sheet) -> list[Flowable]:
        grid = blocks.info_grid(
            sheet,
            blocks.customer_pairs(doc.customer) + list(doc.references.items())
            + list(doc.details.items()),
        )  # fmt: skip
        flowables: list[Flowable | None] = [
            blocks.header(sheet, doc, title),
            blocks.gap(sheet),
            grid,
            blocks.gap(sheet),
        ]
        if doc.lines:
            flowables += [lines_table(sheet, columns, [row(line) for line in doc.lines]),
                          blocks.gap(sheet)]  # fmt: skip
        flowables += _sections(sheet, form.sections)
        flowables.append(blocks.signature_lines(sheet, list(form.signatures)))
        return [f for f in flowables if f is not None]

    return body


def render_form(
    form: ComplaintPrint, *, preset: PagePreset = A4, copies: int = 1, language: str = "zh_CN"
) -> bytes:
    """The registration or disposition form as PDF bytes."""
    kind = form.document.kind
    if kind not in (REGISTRATION, DISPOSITION):
        raise ValueError(f"not a complaint form: {kind!r}")
    title = REGISTRATION_TITLE if kind == REGISTRATION else DISPOSITION_TITLE
    return build_pdf(
        form.document, _body(form, title), title=title, preset=preset, copies=copies,
        language=language,
    )  # fmt: skip
