"""Resolutions of a complaint that create real documents, each through its own service.

- **return** (退货): a return of the affected quantity against the ticket's delivery, for a
  quality defect (the return policy refunds those in full), posted at once;
- **free replacement**: a new order for the affected quantity at price 0, confirmed
  (it ships like any order);
- **exchange** (换货): both, the return and the replacement;
- **in-kind compensation** (补货): goods the customer gets on top, free — an order at
  price 0 of the items and quantities agreed (by default the affected quantity of the item
  complained of), confirmed and shipped like any order; or more goods for the same money —
  an order of more units of the item at a lower unit price coming to the delivered line's
  total (``compensate_same_total``);
- **price allowance** (销售折让): a red invoice of the allowance kind against the customer's
  blue invoice line of the item, through :class:`RedInvoiceService` (drafted here, then
  submitted, confirmed and issued by finance); done once issued;
- **damages** (赔偿): money owed to the customer, a payment of the ``complaint`` kind,
  either left as money on account (which pays their open invoices oldest first) or paid out
  at once as a refund (``RF…``, the refunds mechanism) out of that very payment;
- **on-site service** (上门服务): a visit record with date and person, done once its outcome
  is recorded.

Each document is linked to the ticket by number as soon as it exists; the ticket is
resolved only when every linked document is done (a posted return, a shipped order, an
issued red invoice, a recorded credit or refund, a visit with its outcome).  Each step is
its own short transaction, so a document whose posting was refused stays linked and open,
to be finished from its own list.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from retailerp.domain import complaints as c
from retailerp.domain import invoicing
from retailerp.domain import validation as v
from retailerp.domain.complaints import Resolution, ServiceVisit, Ticket, TicketAction
from retailerp.domain.errors import FieldError, StateError
from retailerp.domain.fulfilment import DeliveryLine
from retailerp.domain.invoicing import Payment
from retailerp.domain.money import Money, check_quantity
from retailerp.domain.numbering import DocumentType
from retailerp.domain.red_invoices import RedKind
from retailerp.domain.returns import ReturnCondition
from retailerp.domain.security import Permission
from retailerp.domain.text import QT_TRANSLATE_NOOP, Term
from retailerp.persistence.unit_of_work import UnitOfWork, read, write
from retailerp.services.complaints import _load
from retailerp.services.context import ServiceContext, not_found
from retailerp.services.door import DocumentDate, door
from retailerp.services.invoicing import InvoiceService, pay_back
from retailerp.services.red_invoices import RedInvoiceService
from retailerp.services.returns import ReturnService
from retailerp.services.sales import OrderService

VISIT = Term(QT_TRANSLATE_NOOP("terms", "Service visit"))
RESOLVING = (c.TicketState.ACCEPTED, c.TicketState.EXECUTING)


class DamageKind:
    DIRECT = "direct"
    INDIRECT = "indirect"


class Settlement:
    """How damages reach the customer: money on account, or paid out at once (a refund)."""

    CREDIT = "credit"
    REFUND = "refund"


@dataclass(frozen=True)
class Created:
    """What a resolution made: the numbers of its documents."""

    ticket: Ticket
    numbers: list[str]


class ComplaintResolutionService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.returns = ReturnService(ctx)
        self.orders = OrderService(ctx)
        self.invoices = InvoiceService(ctx)
        self.red_invoices = RedInvoiceService(ctx)

    @door
    def return_goods(
        self, ticket_id: int, condition: ReturnCondition = ReturnCondition.DEFECTIVE,
        override_reason: str = "",
    ) -> Created:  # fmt: skip
        """A quality-defect return of the affected quantity, posted."""
        ticket = self._ready(ticket_id)
        number = self._return(ticket, Resolution.RETURN, condition, override_reason)
        return Created(self._ticket(ticket_id), [number])

    @door
    def replace(self, ticket_id: int, override_reason: str = "") -> Created:
        """A free replacement: an order at price 0 for the affected quantity, confirmed."""
        ticket = self._ready(ticket_id)
        number = self._replacement(ticket, Resolution.REPLACEMENT, override_reason)
        return Created(self._ticket(ticket_id), [number])

    @door
    def exchange(
        self, ticket_id: int, condition: ReturnCondition = ReturnCondition.DEFECTIVE,
        override_reason: str = "",
    ) -> Created:  # fmt: skip
        """The affected goods come back (return) and the same quantity goes out free."""
        ticket = self._ready(ticket_id)
        returned = self._return(ticket, Resolution.EXCHANGE, condition, override_reason)
        replacement = self._replacement(self._ticket(ticket_id), Resolution.EXCHANGE,
                                        override_reason)  # fmt: skip
        return Created(self._ticket(ticket_id), [returned, replacement])

    @door(amount=Decimal)
    def damages(
        self,
        ticket_id: int,
        amount: object,
        kind: str = DamageKind.DIRECT,
        note: str = "",
        settle: str = Settlement.CREDIT,
        method: str = "cash",
    ) -> Created:
        """Damages (赔偿) owed to the customer: a payment of the ``complaint`` kind, left as
        money on account (``settle="credit"``), or paid out at once by ``method``
        (``settle="refund"``: a refund ``RF…`` out of that payment, so the customer's
        open invoices stay as they are)."""
        if kind not in (DamageKind.DIRECT, DamageKind.INDIRECT):
            raise FieldError("kind", QT_TRANSLATE_NOOP("errors", "Damages are direct or indirect."))
        if settle not in (Settlement.CREDIT, Settlement.REFUND):
            raise FieldError(
                "settle",
                QT_TRANSLATE_NOOP("errors", "Damages are credited on account or refunded."),
            )
        money = c.clean_amount(amount)
        if not money:
            raise FieldError("amount", QT_TRANSLATE_NOOP("errors", "Damages are more than 0."))
        ticket = self._ready(ticket_id)
        reference = f"{ticket.number} {kind}"[:60]
        note = f"{kind} {note}".strip()
        if settle == Settlement.CREDIT:
            payment = self.invoices.record_payment(
                ticket.customer_id, money.amount, "complaint", reference
            )
            self._link(ticket_id, Resolution.DAMAGES, "payment", payment.number, money, note)
            return Created(self._ticket(ticket_id), [payment.number])
        numbers = self._paid_damages(ticket, money, method, reference, note)
        return Created(self._ticket(ticket_id), numbers)

    def _paid_damages(
        self, ticket: Ticket, money: Money, method: str, reference: str, note: str
    ) -> list[str]:
        """The damages payment and its refund in one transaction: the money never sits on
        account, so it cannot pay an open invoice first."""
        self.ctx.actor.require(Permission.REFUNDS)
        today = self.ctx.today()

        def work(uow: UnitOfWork) -> list[str]:
            uow.sales.lock_money(ticket.customer_id)
            payment = Payment(
                number=uow.documents.next_number(DocumentType.PAYMENT, today.year),
                customer_id=ticket.customer_id,
                received_on=today,
                amount=money,
                method="complaint",
                posted_by=self.ctx.actor.username,
                posted_at=self.ctx.clock(),
                reference=reference,
            )
            uow.sales.add(payment)
            amount, method_, ref = invoicing.clean_refund(money.amount, method, reference, money)
            refund = pay_back(uow, self.ctx, ticket.customer_id, amount, method_, ref, [payment])
            uow.audit(
                self.ctx.actor, "payment.record", "payment", payment.number,
                customer=ticket.customer_id, amount=money, refunded_by=refund.number,
            )  # fmt: skip
            current = _load(uow, ticket.id or 0, None)
            self._attach(uow, current, Resolution.DAMAGES, "payment", payment.number, money, note)
            self._attach(uow, current, Resolution.DAMAGES, "refund", refund.number, money,
                         f"{method_} {note}")  # fmt: skip
            return [payment.number, refund.number]

        return write(self.ctx.db, work)

    @door(amount=Decimal)
    def allowance(self, ticket_id: int, amount: object, reason: str = "") -> Created:
        """A price allowance (销售折让): a draft red invoice of the allowance kind crediting
        ``amount`` (net of VAT) of the customer's blue invoice line of the item complained
        of, linked to the ticket.  Finance submits, confirms and issues it under Red
        invoices; until it is issued the ticket cannot be resolved."""
        money = c.clean_amount(amount)
        if not money:
            raise FieldError("amount", QT_TRANSLATE_NOOP("errors", "An allowance is more than 0."))
        ticket = self._ready(ticket_id)
        invoice_id, line_id = self._blue_line(ticket)
        text = f"{ticket.number} {reason}".strip()[:200]
        document = self.red_invoices.create(
            invoice_id, RedKind.ALLOWANCE, [{"invoice_line_id": line_id, "net": money.amount}],
            text,
        )  # fmt: skip
        self._link(ticket_id, Resolution.ALLOWANCE, "red_invoice", document.number,
                   document.gross, reason)  # fmt: skip
        return Created(self._ticket(ticket_id), [document.number])

    @door
    def compensate(
        self,
        ticket_id: int,
        lines: Sequence[Mapping[str, Any]] = (),
        override_reason: str = "",
    ) -> Created:
        """In-kind compensation (补货): the goods agreed (``item_id``, ``quantity`` per line;
        none given: the affected quantity of the item complained of) go out free on an
        order at price 0, confirmed; it ships like any order."""
        ticket = self._ready(ticket_id)
        if not lines:
            _require_quantity(ticket)
            if ticket.item_id is None:
                raise FieldError(
                    "item_id",
                    QT_TRANSLATE_NOOP("errors", "Name the goods the customer receives."),
                )
            lines = [{"item_id": ticket.item_id, "quantity": str(ticket.quantity)}]
        wanted = [{"item_id": line.get("item_id"), "quantity": line.get("quantity")}
                  for line in lines]  # fmt: skip
        number = self._free_order(ticket, Resolution.COMPENSATION, wanted, override_reason)
        return Created(self._ticket(ticket_id), [number])

    @door(quantity=Decimal)
    def compensate_same_total(
        self, ticket_id: int, quantity: object, override_reason: str = ""
    ) -> Created:
        """In-kind compensation as more goods for the same money (补货): an order, confirmed,
        of ``quantity`` units of the item complained of at a lower net unit price, so that
        the line comes to the net of the ticket's delivery line (never above it; the rule is
        :func:`~retailerp.domain.complaints.same_total_line`).  The customer pays it like
        any order; it is done once shipped."""
        quantity = check_quantity(quantity, "quantity")
        ticket = self._ready(ticket_id)
        original = self._delivered_line(ticket)
        line = c.same_total_line(original.amounts.net, original.quantity, quantity)
        lines = [{"item_id": original.item_id, "quantity": str(line.quantity),
                  "unit_price": str(line.unit_price.amount), "vat_rate": original.vat_rate,
                  "price_includes_tax": False}]  # fmt: skip
        header = {"payment_mode": "cod", "note": f"{ticket.number}"}
        order = self.orders.create(ticket.customer_id, header, lines, below_floor=True)
        note = f"{line.quantity.normalize():f} x {line.unit_price.amount}"
        self._link(ticket_id, Resolution.COMPENSATION, "order", order.number,
                   order.totals.gross, note)  # fmt: skip
        self.orders.confirm(order.id or 0, order.version, override_reason)
        return Created(self._ticket(ticket_id), [order.number])

    @door(visit_date=DocumentDate)
    def plan_visit(self, ticket_id: int, visit_date: date, person: str) -> Created:
        """An on-site service visit (date and who goes)."""
        person = v.required_text(person, "person", 60)
        self._ready(ticket_id)

        def work(uow: UnitOfWork) -> str:
            ticket = _load(uow, ticket_id, None)
            visit = ServiceVisit(
                uow.documents.next_number(DocumentType.SERVICE_VISIT, visit_date.year),
                ticket.id or 0, visit_date, person,
            )  # fmt: skip
            uow.complaints.add_visit(visit)
            self._attach(uow, ticket, Resolution.ON_SITE, "visit", visit.number, Money.zero())
            return visit.number

        number = write(self.ctx.db, work)
        return Created(self._ticket(ticket_id), [number])

    @door
    def record_visit(self, number: str, outcome: str) -> ServiceVisit:
        """What the visit found and did; the visit is then done."""
        outcome = v.required_text(outcome, "outcome", 1000)

        def work(uow: UnitOfWork) -> ServiceVisit:
            visit = uow.complaints.visit(number)
            if visit is None:
                raise not_found(VISIT, number)
            visit.outcome, visit.done = outcome, True
            uow.flush()
            uow.audit(self.ctx.actor, "complaint.visit", "visit", number, outcome=outcome)
            return visit

        return write(self.ctx.db, work)

    @door
    def link_document(
        self, ticket_id: int, kind: Resolution, document_kind: str, number: str
    ) -> Created:
        """Link a document made elsewhere (the hook for a red invoice of the allowance kind)."""
        number = v.required_text(number, "number", 20).upper()
        self._ready(ticket_id)
        self._link(ticket_id, kind, document_kind, number, Money.zero())
        return Created(self._ticket(ticket_id), [number])

    # --- steps ---------------------------------------------------------------------------

    def _return(
        self, ticket: Ticket, kind: Resolution, condition: ReturnCondition, override: str
    ) -> str:
        _require_quantity(ticket)
        line_id = self._delivered_line(ticket).id or 0
        lines = [{"delivery_line_id": line_id, "quantity": str(ticket.quantity),
                  "condition": condition.value}]  # fmt: skip
        header = {"reason": "quality_defect", "note": f"{ticket.number}"}
        document = self.returns.create(ticket.delivery_id or 0, header, lines)
        self._link(ticket.id or 0, kind, "return", document.number, document.totals.gross)
        self.returns.post(document.id or 0, document.version, override)
        return document.number

    def _replacement(self, ticket: Ticket, kind: Resolution, override: str) -> str:
        _require_quantity(ticket)
        if ticket.item_id is None:
            raise FieldError(
                "item_id",
                QT_TRANSLATE_NOOP("errors", "A replacement needs the item complained of."),
            )
        lines = [{"item_id": ticket.item_id, "quantity": str(ticket.quantity)}]
        return self._free_order(ticket, kind, lines, override)

    def _free_order(
        self, ticket: Ticket, kind: Resolution, lines: Sequence[Mapping[str, Any]], override: str
    ) -> str:
        header = {"payment_mode": "cod", "note": f"{ticket.number}"}
        order = self.orders.create(ticket.customer_id, header, lines, free_of_charge=True)
        self._link(ticket.id or 0, kind, "order", order.number, Money.zero())
        self.orders.confirm(order.id or 0, order.version, override)
        return order.number

    def _blue_line(self, ticket: Ticket) -> tuple[int, int]:
        """The customer's blue invoice and its line of the item complained of: the invoice
        of the ticket's delivery (or the ticket's invoice), the line billing the delivered
        item (and batch)."""

        def work(uow: UnitOfWork) -> tuple[int, int]:
            delivery = None
            if ticket.delivery_id is not None:
                [delivery] = uow.sales.deliveries([ticket.delivery_id]) or [None]
            invoice_id = ticket.invoice_id or (delivery.invoice_id if delivery else None)
            invoice = uow.sales.invoice(invoice_id) if invoice_id else None
            if invoice is None:
                raise FieldError(
                    "invoice_id",
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "A price allowance credits an invoice: the ticket's delivery is not "
                        "invoiced yet.",
                    ),
                )
            if invoice.customer_id != ticket.customer_id:
                raise FieldError(
                    "invoice_id",
                    QT_TRANSLATE_NOOP("errors", "The invoice is not one of the customer's."),
                )
            wanted = {
                line.id for line in (delivery.lines if delivery else [])
                if line.item_id == ticket.item_id and ticket.batch in ("", line.batch)
            }  # fmt: skip
            for line in invoice.lines:
                by_item = not wanted and line.item_id == ticket.item_id
                if line.delivery_line_id in wanted or by_item:
                    return invoice.id or 0, line.id or 0
            if len(invoice.lines) == 1 and ticket.item_id is None:
                return invoice.id or 0, invoice.lines[0].id or 0
            raise FieldError(
                "item_id",
                QT_TRANSLATE_NOOP("errors", "The item complained of is not on invoice {number}."),
                number=invoice.number,
            )

        return read(self.ctx.db, work)

    def _delivered_line(self, ticket: Ticket) -> DeliveryLine:
        """The ticket's delivery line of the item (and batch) complained of."""
        if ticket.delivery_id is None:
            raise FieldError(
                "delivery_id",
                QT_TRANSLATE_NOOP("errors", "A return or same-total compensation needs the "
                                  "ticket's delivery."),
            )  # fmt: skip

        def work(uow: UnitOfWork) -> DeliveryLine:
            [delivery] = uow.sales.deliveries([ticket.delivery_id or 0]) or [None]
            if delivery is None or delivery.customer_id != ticket.customer_id:
                raise FieldError(
                    "delivery_id",
                    QT_TRANSLATE_NOOP("errors", "The delivery is not one of the customer's."),
                )
            for line in delivery.lines:
                if line.item_id == ticket.item_id and ticket.batch in ("", line.batch):
                    return line
            raise FieldError(
                "item_id", QT_TRANSLATE_NOOP("errors", "The item was not on this delivery.")
            )

        return read(self.ctx.db, work)

    def _ready(self, ticket_id: int) -> Ticket:
        """The ticket, checked: the customer accepted the solution (or it is executing)."""
        ticket = self._ticket(ticket_id)
        if ticket.state not in RESOLVING:
            raise StateError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "Complaint {number} is {state}: documents are made once the customer "
                    "accepted the solution.",
                ),
                number=ticket.number,
                state=c.COMPLAINT_FLOW.state_labels[ticket.state],
            )
        return ticket

    def _ticket(self, ticket_id: int) -> Ticket:
        return read(self.ctx.db, lambda uow: _load(uow, ticket_id, None))

    def _link(
        self, ticket_id: int, kind: Resolution, document_kind: str, number: str, amount: Money,
        note: str = "",
    ) -> None:  # fmt: skip
        def work(uow: UnitOfWork) -> None:
            ticket = _load(uow, ticket_id, None)
            self._attach(uow, ticket, kind, document_kind, number, amount, note)

        write(self.ctx.db, work)

    def _attach(
        self, uow: UnitOfWork, ticket: Ticket, kind: Resolution, document_kind: str,
        number: str, amount: Money, note: str = "",
    ) -> None:  # fmt: skip
        now = self.ctx.clock()
        ticket.resolutions.append(
            c.ResolutionDocument(
                kind, document_kind, number, amount, self.ctx.actor.username, now, note[:500]
            )  # fmt: skip
        )
        if ticket.state is c.TicketState.ACCEPTED:
            ticket.move(TicketAction.EXECUTE, self.ctx.actor, now)
        uow.flush()
        uow.audit(
            self.ctx.actor, "complaint.document", "complaint", ticket.number,
            kind=kind.value, linked=number,
        )  # fmt: skip


def _require_quantity(ticket: Ticket) -> None:
    if ticket.quantity <= 0:
        raise FieldError(
            "quantity",
            QT_TRANSLATE_NOOP("errors", "Record the quantity affected before making documents."),
        )
