"""Recording the official e-invoice (数电票) number issued on the tax platform against one of
our invoices (sales settlements): finance permission, one transaction, an audit entry.

A number is recorded against one invoice only (the column is unique when set); recording
again replaces it (the audit entry keeps the old one), an empty number clears it.
"""

from __future__ import annotations

from retailerp.domain.e_invoice import FIELD, check_e_invoice_number
from retailerp.domain.errors import FieldError
from retailerp.domain.invoicing import Invoice
from retailerp.domain.text import DOCUMENT, QT_TRANSLATE_NOOP
from retailerp.persistence.unit_of_work import UnitOfWork, write
from retailerp.services.context import ServiceContext, not_found
from retailerp.services.door import door


class EInvoiceService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @door
    def record(self, invoice_number: str, e_invoice_number: str | None) -> Invoice:
        """Record (or with an empty value clear) the e-invoice number of invoice
        ``invoice_number``; refuses a malformed number and one already recorded elsewhere."""
        number = check_e_invoice_number(e_invoice_number)

        def work(uow: UnitOfWork) -> Invoice:
            invoice = uow.sales.invoice_by_number(invoice_number.strip().upper())
            if invoice is None:
                raise not_found(DOCUMENT, invoice_number)
            if number is not None:
                _check_unused(uow, number, invoice)
            before = invoice.e_invoice_number
            invoice.e_invoice_number = number
            uow.flush()
            uow.audit(
                self.ctx.actor,
                "invoice.e_invoice",
                "invoice",
                invoice.number,
                before=before,
                after=number,
            )
            return invoice

        return write(self.ctx.db, work)


def _check_unused(uow: UnitOfWork, number: str, invoice: Invoice) -> None:
    other = uow.sales.invoice_by_e_invoice_number(number)
    if other is not None and other.id != invoice.id:
        raise FieldError(
            FIELD,
            QT_TRANSLATE_NOOP(
                "errors", "E-invoice {value} is already recorded against invoice {number}."
            ),
            value=number,
            number=other.number,
        )
