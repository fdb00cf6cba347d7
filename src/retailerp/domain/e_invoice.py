"""The official e-invoice number (数电票号码) recorded against our sales settlement.

The program does not issue VAT invoices: the shop issues the official e-invoice on the tax
platform and records its number here.  A fully digitalised e-invoice (全面数字化的电子发票)
has a 20-digit number; older paper and electronic invoices have an 8-digit number.
"""

from __future__ import annotations

from retailerp.domain.errors import FieldError
from retailerp.domain.text import QT_TRANSLATE_NOOP

LENGTHS = (8, 20)
"""Digits of an older invoice number and of a fully digitalised e-invoice number."""

FIELD = "e_invoice_number"


def check_e_invoice_number(value: str | None) -> str | None:
    """The number without spaces or dashes; ``None`` when empty (the record is cleared).

    Refused unless it is all digits, 8 or 20 of them.
    """
    text = "".join(ch for ch in (value or "") if ch not in " -\u3000")
    if not text:
        return None
    if not (text.isascii() and text.isdigit()) or len(text) not in LENGTHS:
        raise FieldError(
            FIELD,
            QT_TRANSLATE_NOOP(
                "errors",
                "'{value}' is not an e-invoice number: a digital e-invoice number has 20 "
                "digits, an older invoice number 8.",
            ),
            value=value,
        )
    return text
