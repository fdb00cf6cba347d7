"""Resolutions of a complaint that create real documents, each through its own service.

- **return** (退货): a return of the affected quantity against the ticket's delivery, for a
  quality defect (the return policy refunds those in full), posted at once;
- **free replacement** (补货): a new order for the affected quantity at price 0, confirmed
  (it ships like any order);
- **exchange** (换货): both, the return and the replacement;
- **damages** (赔偿): money owed to the customer, recorded as money on account (a payment of
  the ``complaint`` kind), which pays their open invoices oldest first;
- **on-site service** (上门服务): a visit record with date and person, done once its outcome
  is recorded.

A price allowance (折让) needs a red invoice of the allowance kind: the red-invoice service
is not in this branch, so the hook is :meth:`ComplaintResolutionService.link_document` once
it is.  Each document is linked to the ticket by number as soon as it exists; the ticket is
resolved only when every linked document is done (a posted return, a shipped order, a
recorded credit, a visit with its outcome).  Each step is its own short transaction, so a
document whose posting was refused stays linked and open, to be finished from its own list.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from retailerp.domain import complaints as c
from retailerp.domain import validation as v
from retailerp.domain.complaints import Resolution, ServiceVisit, Ticket, TicketAction
from retailerp.domain.errors import FieldError, StateError
from retailerp.domain.money import Money
from retailerp.domain.numbering import DocumentType
from retailerp.domain.returns import ReturnCondition
from retailerp.domain.text import QT_TRANSLATE_NOOP, Term
from retailerp.persistence.unit_of_work import UnitOfWork, read, write
from retailerp.services.complaints import _load
from retailerp.services.context import ServiceContext, not_found
from retailerp.services.door import DocumentDate, door
from retailerp.services.invoicing import InvoiceService
from retailerp.services.returns import ReturnService
from retailerp.services.sales import OrderService

VISIT = Term(QT_TRANSLATE_NOOP("terms", "Service visit"))
RESOLVING = (c.TicketState.ACCEPTED, c.TicketState.EXECUTING)


class DamageKind:
    DIRECT = "direct"
    INDIRECT = "indirect"


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
        self, ticket_id: int, amount: object, kind: str = DamageKind.DIRECT, note: str = ""
    ) -> Created:
        """Damages (赔偿) owed to the customer, as money on account."""
        if kind not in (DamageKind.DIRECT, DamageKind.INDIRECT):
            raise FieldError("kind", QT_TRANSLATE_NOOP("errors", "Damages are direct or indirect."))
        money = c.clean_amount(amount)
        if not money:
            raise FieldError("amount", QT_TRANSLATE_NOOP("errors", "Damages are more than 0."))
        ticket = self._ready(ticket_id)
        payment = self.invoices.record_payment(
            ticket.customer_id, money.amount, "complaint", f"{ticket.number} {kind}"[:60]
        )
        self._link(ticket_id, Resolution.DAMAGES, "payment", payment.number, money,
                   f"{kind} {note}".strip())  # fmt: skip
        return Created(self._ticket(ticket_id), [payment.number])

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
        line_id = self._delivery_line(ticket)
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
        header = {"payment_mode": "cod", "note": f"{ticket.number}"}
        order = self.orders.create(ticket.customer_id, header, lines, free_of_charge=True)
        self._link(ticket.id or 0, kind, "order", order.number, Money.zero())
        self.orders.confirm(order.id or 0, order.version, override)
        return order.number

    def _delivery_line(self, ticket: Ticket) -> int:
        """The ticket's delivery line of the item (and batch) complained of."""
        if ticket.delivery_id is None:
            raise FieldError(
                "delivery_id", QT_TRANSLATE_NOOP("errors", "A return needs the ticket's delivery.")
            )

        def work(uow: UnitOfWork) -> int:
            [delivery] = uow.sales.deliveries([ticket.delivery_id or 0]) or [None]
            if delivery is None or delivery.customer_id != ticket.customer_id:
                raise FieldError(
                    "delivery_id",
                    QT_TRANSLATE_NOOP("errors", "The delivery is not one of the customer's."),
                )
            for line in delivery.lines:
                if line.item_id == ticket.item_id and ticket.batch in ("", line.batch):
                    return line.id or 0
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
            kind=kind.value, document=number,
        )  # fmt: skip


def _require_quantity(ticket: Ticket) -> None:
    if ticket.quantity <= 0:
        raise FieldError(
            "quantity",
            QT_TRANSLATE_NOOP("errors", "Record the quantity affected before making documents."),
        )
