"""Document numbers: one gapless series per document type and year (e.g. GR2026-000001).

The number is taken inside the same transaction that writes the document, so a failed
posting gives its number back and two PCs never get the same one: one SQL upsert on the
``number_series`` row (``persistence.repositories.DocumentRepository.next_number``).
"""

from __future__ import annotations

from enum import StrEnum

from retailerp.domain.text import QT_TRANSLATE_NOOP


class DocumentType(StrEnum):
    """Every kind of numbered document; the value is its number prefix."""

    GOODS_RECEIPT = "GR"
    STOCK_COUNT = "SC"
    REVERSAL = "RV"
    SALES_ORDER = "SO"
    PICKING_LIST = "PK"
    DELIVERY = "DN"
    INVOICE = "IV"
    PAYMENT = "PY"
    RETURN = "RT"
    RED_INVOICE = "RI"
    COMPLAINT = "CP"
    SERVICE_VISIT = "SV"
    REFUND = "RF"
    CONSIGNMENT_FILL_UP = "CF"
    CONSIGNMENT_ISSUE = "CI"
    CONSIGNMENT_PICKUP = "CK"
    CONSIGNMENT_RETURN = "CR"
    CONSIGNMENT_COUNT = "CC"


DOCUMENT_LABELS = {
    DocumentType.GOODS_RECEIPT: QT_TRANSLATE_NOOP("terms", "goods receipt"),
    DocumentType.STOCK_COUNT: QT_TRANSLATE_NOOP("terms", "stock count"),
    DocumentType.REVERSAL: QT_TRANSLATE_NOOP("terms", "reversal"),
    DocumentType.SALES_ORDER: QT_TRANSLATE_NOOP("terms", "sales order"),
    DocumentType.PICKING_LIST: QT_TRANSLATE_NOOP("terms", "picking list"),
    DocumentType.DELIVERY: QT_TRANSLATE_NOOP("terms", "delivery note"),
    DocumentType.INVOICE: QT_TRANSLATE_NOOP("terms", "invoice"),
    DocumentType.PAYMENT: QT_TRANSLATE_NOOP("terms", "payment"),
    DocumentType.RETURN: QT_TRANSLATE_NOOP("terms", "return"),
    DocumentType.RED_INVOICE: QT_TRANSLATE_NOOP("terms", "red invoice"),
    DocumentType.COMPLAINT: QT_TRANSLATE_NOOP("terms", "complaint"),
    DocumentType.SERVICE_VISIT: QT_TRANSLATE_NOOP("terms", "service visit"),
    DocumentType.REFUND: QT_TRANSLATE_NOOP("terms", "refund"),
    DocumentType.CONSIGNMENT_FILL_UP: QT_TRANSLATE_NOOP("terms", "consignment fill-up"),
    DocumentType.CONSIGNMENT_ISSUE: QT_TRANSLATE_NOOP("terms", "consignment issue"),
    DocumentType.CONSIGNMENT_PICKUP: QT_TRANSLATE_NOOP("terms", "consignment pickup"),
    DocumentType.CONSIGNMENT_RETURN: QT_TRANSLATE_NOOP("terms", "consignment return"),
    DocumentType.CONSIGNMENT_COUNT: QT_TRANSLATE_NOOP("terms", "consignment count"),
}

DIGITS = 6


def format_number(doc_type: DocumentType, year: int, sequence: int) -> str:
    """The printed number, e.g. ``GR2026-000123``."""
    return f"{doc_type.value}{year}-{sequence:0{DIGITS}d}"


def parse_number(number: str) -> tuple[DocumentType, int, int] | None:
    """The type, year and sequence of a printed number, or None if it is not one of ours."""
    for doc_type in DocumentType:
        prefix = doc_type.value
        rest = number[len(prefix) :]
        if number.startswith(prefix) and len(rest) > 5 and rest[4] == "-":
            year, seq = rest[:4], rest[5:]
            if year.isdigit() and seq.isdigit():
                return doc_type, int(year), int(seq)
    return None
