"""The data a printed document shows: plain, frozen values handed over by a service.

Nothing here knows the database or Qt; a service fills these from its documents and the
printing modules turn them into PDF bytes.  Texts (names, remarks, notes) are printed as
given; labels are translated at render time in the document's language.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Literal

from retailerp.domain.money import Money
from retailerp.domain.text import QT_TRANSLATE_NOOP

DocumentKind = Literal[
    "picking_list",
    "delivery_note",
    "invoice",
    "red_invoice",
    "goods_receipt",
    "stock_count",
    "return_note",
    "consignment_delivery",
    "consignment_issue",
    "consignment_pickup",
    "consignment_return",
    "consignment_count",
    "consignment_statement",
]

# Reference labels: keys of PrintDocument.references, translated when printed.
ORDER_NUMBER = QT_TRANSLATE_NOOP("print", "Order no.")
DELIVERY_NUMBERS = QT_TRANSLATE_NOOP("print", "Delivery no.")
PICKING_NUMBER = QT_TRANSLATE_NOOP("print", "Picking list no.")
BAD_BATCHES = QT_TRANSLATE_NOOP("print", "Batches with complaints")
INVOICE_NUMBER = QT_TRANSLATE_NOOP("print", "Invoice no.")
ORIGINAL_INVOICE_NUMBER = QT_TRANSLATE_NOOP("print", "Original invoice no.")
RED_CONFIRMATION_NUMBER = QT_TRANSLATE_NOOP("print", "Red-letter confirmation no.")
RED_REASON = QT_TRANSLATE_NOOP("print", "Reason")
RETURN_NUMBER = QT_TRANSLATE_NOOP("print", "Return no.")
RED_INVOICE_NUMBER = QT_TRANSLATE_NOOP("print", "Red invoice no.")
REFUND_NUMBER = QT_TRANSLATE_NOOP("print", "Refund no.")
REPLACEMENT_ORDER_NUMBER = QT_TRANSLATE_NOOP("print", "Replacement order no.")
CANCELLED_NUMBER = QT_TRANSLATE_NOOP("print", "{number} (cancelled)")
REPLACEMENT_DELIVERY_NUMBER = QT_TRANSLATE_NOOP("print", "Replacement delivery no.")
EXCHANGE_FOR_NUMBER = QT_TRANSLATE_NOOP("print", "Exchange for return no.")
ORIGINAL_DELIVERY_NUMBER = QT_TRANSLATE_NOOP("print", "Original delivery no.")
CUSTOMER_ORDER_NUMBER = QT_TRANSLATE_NOOP("print", "Customer order no.")
REQUESTED_DATE = QT_TRANSLATE_NOOP("print", "Requested delivery date")
E_INVOICE_NUMBER = QT_TRANSLATE_NOOP("print", "E-invoice no.")
SALESPERSON = QT_TRANSLATE_NOOP("print", "Salesperson")
PREPARED_BY = QT_TRANSLATE_NOOP("print", "Prepared by")
SHIP_TO = QT_TRANSLATE_NOOP("print", "Ship to")
DUE_DATE = QT_TRANSLATE_NOOP("print", "Due date")
PAYMENT_TERMS = QT_TRANSLATE_NOOP("print", "Payment terms")
NET_DAYS = QT_TRANSLATE_NOOP("print", "{days} days net")
DUE_ON_RECEIPT = QT_TRANSLATE_NOOP("print", "Due on receipt")


@dataclass(frozen=True)
class Party:
    """The company or a customer as printed: every field optional but the name."""

    name: str
    code: str = ""
    address: str = ""
    phone: str = ""
    contact: str = ""
    tax_id: str = ""
    bank_name: str = ""
    bank_account: str = ""
    logo: bytes = b""
    """The company's logo (PNG or JPEG bytes); empty for none."""


@dataclass(frozen=True)
class PrintLine:
    """One line of a printed document.

    ``unit_price`` is the list price and ``discount`` the line's discount (a share, 0.1 for
    10 %): ``amount`` = quantity × unit price × (1 − discount), rounded half up, is the line's
    net amount.  ``vat`` is its tax when the service computed it (an invoice otherwise
    derives it from ``amount`` and ``vat_rate``, rounded half up).
    """

    no: int
    code: str
    name: str
    quantity: Decimal
    spec: str = ""
    unit: str = ""
    unit_price: Money | None = None
    amount: Money | None = None
    vat_rate: Decimal | None = None
    batch: str = ""
    expiry: date | None = None
    serial: str = ""
    bin: str = ""
    barcode: str = ""
    remark: str = ""
    vat: Money | None = None
    discount: Decimal = Decimal(0)
    balance: Decimal | None = None
    """Consignment: the customer's consignment quantity of the item after this document."""
    day: date | None = None
    """A statement line: the date of its document."""
    cost: Money | None = None
    """A statement line: the goods at cost; None where the cost is not known."""


@dataclass(frozen=True)
class Figure:
    """A summary row of a statement: a quantity with its value at price and at cost (None:
    the cost is not known)."""

    label: str
    quantity: Decimal
    value: Money
    cost: Money | None


@dataclass(frozen=True)
class Totals:
    """Document totals as computed by the domain (tax = sum of line taxes)."""

    net: Money
    vat: Money
    gross: Money


@dataclass(frozen=True)
class PrintDocument:
    """Everything one printed document shows."""

    kind: DocumentKind
    number: str
    doc_date: date
    company: Party
    customer: Party | None = None
    lines: Sequence[PrintLine] = ()
    totals: Totals | None = None
    references: Mapping[str, str] = field(default_factory=dict)
    """Label → number, e.g. ``{ORDER_NUMBER: "SO2026-000123"}``; printed in this order."""
    cancelled: frozenset[str] = frozenset()
    """Numbers among the references whose document is cancelled (e.g. the replacement order
    of a cancelled exchange): printed marked "(cancelled)", as the screens show them."""
    payment_mode: str = ""
    """A payment-mode term (translated in the ``terms`` context when printed)."""
    note: str = ""
    picker: str = ""
    checker: str = ""
    consignment: bool = False
    """Goods stay ours at the customer's site: the document carries a "Consignment" marker."""
    details: Mapping[str, str] = field(default_factory=dict)
    """Further label → text pairs printed with the references (salesperson, prepared by,
    ship-to address, requested date, due date, payment terms, e-invoice number…)."""
    paid: Money | None = None
    """Received so far (invoices): printed with the open amount under the total."""
    payment_terms_days: int | None = None
    """Days from the invoice date to the due date (invoices); 0 is "due on receipt"."""
    figures: Sequence[Figure] = ()
    """A statement's summary: opening balance, movements of each kind, closing balance."""


@dataclass(frozen=True)
class ComplaintPrint:
    """A complaint form: the document, its long texts and who signs (laid out by
    :mod:`retailerp.printing.complaint_forms`)."""

    document: PrintDocument
    sections: Mapping[str, str] = field(default_factory=dict)
    signatures: Sequence[tuple[str, str]] = ()
