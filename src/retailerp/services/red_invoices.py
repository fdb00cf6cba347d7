"""Red invoice use cases (红字发票): what a blue invoice can still be credited, drafts from
a blue invoice or from a posted return, submitting, recording the confirmation form's
number, issuing (the customer is credited) and voiding.

Crediting one blue invoice is serialised: the blue invoice's row is locked (PostgreSQL
``SELECT … FOR UPDATE``; SQLite's IMMEDIATE transaction serialises every writer) before
what is credited already is read, and the ceilings are checked again inside the same
transaction, so two PCs can never together credit more than the blue invoice holds.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from retailerp.domain import invoicing
from retailerp.domain import red_invoices as red
from retailerp.domain import validation as v
from retailerp.domain.errors import FieldError, StateError
from retailerp.domain.invoicing import Invoice
from retailerp.domain.money import Money
from retailerp.domain.numbering import DocumentType
from retailerp.domain.red_invoices import BlueLine, RedAction, RedInvoice, RedKind, RedState
from retailerp.domain.returns import ReturnState
from retailerp.domain.security import Permission
from retailerp.domain.text import QT_TRANSLATE_NOOP, Term
from retailerp.persistence.queries import Page
from retailerp.persistence.red_invoice_queries import (
    RedInvoiceRow,
    awaiting_confirmation,
    red_invoice_page,
)
from retailerp.persistence.unit_of_work import UnitOfWork, now, read, write
from retailerp.services.context import ServiceContext, check_version, not_found
from retailerp.services.door import door
from retailerp.services.home import Queue, register
from retailerp.services.invoicing import apply_on_account, settle_paid

RED_INVOICE = Term(QT_TRANSLATE_NOOP("terms", "Red invoice"))
INVOICE = Term(QT_TRANSLATE_NOOP("terms", "Invoice"))
RETURN = Term(QT_TRANSLATE_NOOP("terms", "Return"))

register(
    Queue(
        "red_awaiting",
        QT_TRANSLATE_NOOP("terms", "Red invoices awaiting confirmation"),
        lambda uow, _today: awaiting_confirmation(uow.session),
        "red_invoices",
        lambda _today: {"state": RedState.AWAITING.value},
        permission=Permission.RED_INVOICES,
        money=True,
    )
)


class RedInvoiceService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # --- reading -------------------------------------------------------------------------

    @door
    def page(self, page: Page) -> list[RedInvoiceRow]:
        """A page of the red invoice list (filters: state, customer_id, invoice_id)."""
        return read(self.ctx.db, lambda uow: red_invoice_page(uow.session, page))

    @door
    def get(self, red_id: int) -> RedInvoice:
        return read(self.ctx.db, lambda uow: _load(uow, red_id, None))

    @door
    def by_number(self, number: str) -> RedInvoice:
        def work(uow: UnitOfWork) -> RedInvoice:
            document = uow.red_invoices.by_number(number)
            if document is None:
                raise not_found(RED_INVOICE, number)
            return document

        return read(self.ctx.db, work)

    @door
    def of_invoice(self, invoice_id: int) -> list[RedInvoice]:
        return read(self.ctx.db, lambda uow: uow.red_invoices.of_invoice(invoice_id))

    @door
    def of_return(self, return_id: int) -> list[RedInvoice]:
        return read(self.ctx.db, lambda uow: uow.red_invoices.of_return(return_id))

    @door
    def blue_invoice(self, invoice_id: int) -> Invoice:
        """The blue invoice a red one is made against."""
        return read(self.ctx.db, lambda uow: _blue(uow, invoice_id))

    @door
    def blue_lines(self, invoice_id: int) -> list[BlueLine]:
        """The blue invoice's lines with what every red invoice not voided credits already."""

        def work(uow: UnitOfWork) -> list[BlueLine]:
            blue = _blue(uow, invoice_id)
            return sorted(blue_lines(uow, blue).values(), key=lambda b: b.line_no)

        return read(self.ctx.db, work)

    # --- drafts --------------------------------------------------------------------------

    @door
    def create(
        self,
        invoice_id: int,
        kind: RedKind,
        lines: Sequence[Mapping[str, Any]],
        reason: str = "",
    ) -> RedInvoice:
        """A draft red invoice against a blue invoice: a return credits quantities at the blue
        line's price, an allowance credits an amount of a line, an invoicing error reverses
        the whole invoice.  It counts against the blue invoice at once."""
        reason = v.optional_text(reason, "reason", 200)

        def work(uow: UnitOfWork) -> RedInvoice:
            return self._draft(uow, invoice_id, kind, lines, reason, None)

        return write(self.ctx.db, work)

    @door
    def from_return(self, return_id: int, reason: str = "") -> RedInvoice:
        """A draft red invoice of the return kind for a posted return of an invoiced
        delivery: each returned line credits its blue invoice line with what the return
        policy allowed (the line's refund after a deduction, a dealer rate or an owner's
        override), split in the blue VAT rate and never above the blue invoice; a line
        refunded nothing is left out."""
        reason = v.optional_text(reason, "reason", 200)

        def work(uow: UnitOfWork) -> RedInvoice:
            document = uow.returns.get(return_id)
            if document is None:
                raise not_found(RETURN, return_id)
            invoice_id = _creditable_return(uow, document)
            by_delivery_line = {
                line.delivery_line_id: line.id for line in _blue(uow, invoice_id).lines
            }
            raw = red.return_credit_rows(document.lines, by_delivery_line)
            text = reason or f"{document.number}"
            return self._draft(uow, invoice_id, RedKind.RETURN, raw, text, document.id)

        return write(self.ctx.db, work)

    def _draft(
        self,
        uow: UnitOfWork,
        invoice_id: int,
        kind: RedKind,
        raw: Sequence[Mapping[str, Any]],
        reason: str,
        return_id: int | None,
    ) -> RedInvoice:
        uow.red_invoices.lock_invoice(invoice_id)
        blue = _blue(uow, invoice_id)
        # read what is credited only now, under the lock, and check the ceilings against it
        lines = red.credit_lines(raw, blue_lines(uow, blue), kind)
        today = self.ctx.today()
        document = RedInvoice(
            number=uow.documents.next_number(DocumentType.RED_INVOICE, today.year),
            invoice_id=blue.id or 0,
            blue_number=blue.number,
            customer_id=blue.customer_id,
            kind=kind,
            red_date=today,
            reason=reason,
            return_id=return_id,
            lines=lines,
            created_by=self.ctx.actor.username,
        )
        uow.red_invoices.add(document)
        uow.audit(
            self.ctx.actor,
            "red_invoice.create",
            "red_invoice",
            document.number,
            blue=blue.number,
            kind=kind.value,
            gross=document.gross,
            return_id=return_id,
        )
        return document

    # --- moving on -----------------------------------------------------------------------

    @door
    def submit(self, red_id: int, expected_version: int) -> RedInvoice:
        """Send the draft for confirmation on the tax platform."""
        return self._move(red_id, expected_version, RedAction.SUBMIT)

    @door
    def confirm(self, red_id: int, expected_version: int, confirmation_number: str) -> RedInvoice:
        """Record the red-letter confirmation form's number (unique across the register)."""
        number = red.check_confirmation_number(confirmation_number)

        def work(uow: UnitOfWork) -> RedInvoice:
            document = _load(uow, red_id, expected_version)
            red.RED_FLOW.targets(document.state, RedAction.CONFIRM, document.number)
            holder = uow.red_invoices.confirmation_holder(number)
            if holder is not None and holder != document.number:
                raise FieldError(
                    "confirmation_number",
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "Confirmation number {value} is already recorded on red invoice "
                        "{number}: each confirmation form is used once.",
                    ),
                    value=number,
                    number=holder,
                )
            document.confirmation_number = number
            document.move(RedAction.CONFIRM)
            uow.flush()
            uow.audit(self.ctx.actor, "red_invoice.confirm", "red_invoice", document.number,
                      confirmation_number=number)  # fmt: skip
            return document

        return write(self.ctx.db, work)

    @door
    def issue(self, red_id: int, expected_version: int) -> RedInvoice:
        """Issue the red invoice: its gross credits the customer (first what the blue invoice
        still wants, the rest is money on account, which pays the oldest open invoices), and
        its net comes off the revenue ABC classification reads."""

        def work(uow: UnitOfWork) -> RedInvoice:
            document = _load(uow, red_id, expected_version)
            red.RED_FLOW.targets(document.state, RedAction.ISSUE, document.number)
            uow.sales.lock_money(document.customer_id)
            blue = _blue(uow, document.invoice_id)
            document.move(RedAction.ISSUE)
            document.issued_by = self.ctx.actor.username
            document.issued_at = now()
            today = self.ctx.today()
            user = self.ctx.actor.username
            credit = invoicing.red_credit(
                document.number, document.customer_id, blue, document.gross, today, user, now()
            )
            uow.sales.add(credit)
            paid = [blue] if credit.allocations else []
            paid += apply_on_account(uow, document.customer_id)
            settle_paid(uow, paid)
            uow.customers.add_revenue(document.customer_id, today, -document.net, document.number)
            uow.flush()
            uow.audit(
                self.ctx.actor,
                "red_invoice.issue",
                "red_invoice",
                document.number,
                blue=blue.number,
                gross=document.gross,
                to_blue=sum((a.amount for a in credit.allocations if a.invoice_id == blue.id),
                            Money.zero()),
                on_account=credit.unallocated,
            )  # fmt: skip
            return document

        return write(self.ctx.db, work)

    @door
    def void(self, red_id: int, expected_version: int, reason: str) -> RedInvoice:
        """Void a red invoice not yet issued: it no longer counts against the blue invoice."""
        reason = v.required_text(reason, "reason", 200)

        def work(uow: UnitOfWork) -> RedInvoice:
            document = _load(uow, red_id, expected_version)
            document.move(RedAction.VOID)
            document.reason = (document.reason + " / " if document.reason else "") + reason
            document.reason = document.reason[:200]
            uow.flush()
            uow.audit(self.ctx.actor, "red_invoice.void", "red_invoice", document.number,
                      reason=reason)  # fmt: skip
            return document

        return write(self.ctx.db, work)

    def _move(self, red_id: int, expected_version: int, action: RedAction) -> RedInvoice:
        def work(uow: UnitOfWork) -> RedInvoice:
            document = _load(uow, red_id, expected_version)
            document.move(action)
            uow.flush()
            uow.audit(self.ctx.actor, f"red_invoice.{action.value}", "red_invoice",
                      document.number)  # fmt: skip
            return document

        return write(self.ctx.db, work)


def blue_lines(uow: UnitOfWork, blue: Invoice) -> dict[int, BlueLine]:
    """The blue invoice's lines by id, with what red invoices not voided credit already."""
    credited = uow.red_invoices.credited(blue.id or 0)
    result = {}
    for line in blue.lines:
        qty, net, vat = credited.get(line.id or 0, (Decimal(0), Money.zero(), Money.zero()))
        result[line.id or 0] = BlueLine(
            line.id or 0, line.line_no, line.item_id, line.quantity, line.unit_price,
            line.vat_rate, line.discount, line.net, line.vat, qty, net, vat,
        )  # fmt: skip
    return result


def _blue(uow: UnitOfWork, invoice_id: int) -> Invoice:
    invoice = uow.sales.invoice(invoice_id)
    if invoice is None:
        raise not_found(INVOICE, invoice_id)
    return invoice


def _creditable_return(uow: UnitOfWork, document: Any) -> int:
    """The blue invoice a posted return is credited against; refused when the return is not
    posted, was exchanged, is credited already, or its delivery is not invoiced."""
    if document.state != ReturnState.POSTED:
        raise StateError(
            QT_TRANSLATE_NOOP(
                "errors", "Return {number} is not posted: only a posted return is credited."
            ),
            number=document.number,
        )
    exchange = uow.red_invoices.exchange_of_return(document.id or 0)
    if exchange is not None and exchange.active:
        raise StateError(
            QT_TRANSLATE_NOOP(
                "errors",
                "Return {number} was exchanged: the replacement goods settle it, nothing is "
                "credited.",
            ),
            number=document.number,
        )
    taken = [r for r in uow.red_invoices.of_return(document.id or 0) if r.state != RedState.VOIDED]
    if taken:
        raise StateError(
            QT_TRANSLATE_NOOP(
                "errors", "Return {number} is credited already by red invoice {red}."
            ),
            number=document.number,
            red=taken[0].number,
        )
    [delivery] = uow.sales.deliveries([document.delivery_id])
    if delivery.invoice_id is None:
        raise StateError(
            QT_TRANSLATE_NOOP(
                "errors",
                "Delivery {number} is not invoiced yet: the return simply makes its invoice "
                "smaller, no red invoice is needed.",
            ),
            number=delivery.number,
        )
    return delivery.invoice_id


def _load(uow: UnitOfWork, red_id: int, expected: int | None) -> RedInvoice:
    document = uow.red_invoices.get(red_id)
    if document is None:
        raise not_found(RED_INVOICE, red_id)
    check_version(document, expected, RED_INVOICE, document.number)
    return document


def draft_consignment_credit(
    ctx: ServiceContext,
    uow: UnitOfWork,
    invoice_id: int,
    lines: Sequence[Mapping[str, Any]],
    reason: str,
) -> RedInvoice:
    """A draft red invoice of the return kind for a consignment return (寄售退货), made in the
    consignment service's own transaction when its billing block is released: the same lock
    of the blue invoice, the same ceilings against every red invoice of it and the same
    number series as any other draft.  The caller has checked the permission."""
    return RedInvoiceService(ctx)._draft(uow, invoice_id, RedKind.RETURN, lines, reason, None)
