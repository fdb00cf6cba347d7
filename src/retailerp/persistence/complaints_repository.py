"""Loading and storing complaint tickets, their attachments and visits, and the reads the
complaint screens and insight need."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from retailerp.domain.complaints import (
    OPEN_STATES,
    ServiceVisit,
    Ticket,
    TicketFacts,
)
from retailerp.persistence import tables as t

LIST_LIMIT = 500


@dataclass(frozen=True)
class Attachment:
    id: int
    ticket_id: int
    file_name: str
    media_type: str
    size: int
    added_by: str
    added_at: datetime
    data: bytes = b""

    @property
    def is_image(self) -> bool:
        return self.media_type.startswith("image/")


class ComplaintRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    # --- tickets -------------------------------------------------------------------------

    def add(self, ticket: Ticket) -> None:
        self.session.add(ticket)
        self.session.flush()

    def get(self, ticket_id: int) -> Ticket | None:
        return self.session.get(Ticket, ticket_id)

    def by_number(self, number: str) -> Ticket | None:
        stmt = select(Ticket).where(t.complaint_tickets.c.number == number)
        return self.session.scalars(stmt).first()

    def rows(
        self,
        *,
        open_only: bool = False,
        customer_id: int | None = None,
        severity: str = "",
        text: str = "",
        item_id: int | None = None,
        batch: str = "",
        state: str = "",
        limit: int | None = LIST_LIMIT,
    ) -> list[dict[str, Any]]:
        """Tickets with the names a customer's card shows (newest first, at most ``limit``;
        the complaint list itself pages through ``complaint_queries.complaint_page``)."""
        ct, cu, it = t.complaint_tickets, t.customers, t.items
        stmt = (
            select(
                ct,
                cu.c.code.label("customer_code"),
                cu.c.name.label("customer_name"),
                cu.c.computed_class,
                cu.c.pinned_class,
                it.c.name.label("item_name"),
            )
            .join(cu, cu.c.id == ct.c.customer_id)
            .outerjoin(it, it.c.id == ct.c.item_id)
        )
        if open_only:
            stmt = stmt.where(ct.c.state.in_([s.value for s in OPEN_STATES]))
        if customer_id is not None:
            stmt = stmt.where(ct.c.customer_id == customer_id)
        if item_id is not None:
            stmt = stmt.where(ct.c.item_id == item_id)
        if batch:
            stmt = stmt.where(ct.c.batch == batch)
        if severity:
            stmt = stmt.where(ct.c.severity == severity)
        if state:
            stmt = stmt.where(ct.c.state == state)
        if text:
            like = f"%{text}%"
            stmt = stmt.where(
                or_(ct.c.number.ilike(like), cu.c.name.ilike(like), ct.c.description.ilike(like))
            )
        stmt = stmt.order_by(ct.c.received_at.desc(), ct.c.id.desc())
        if limit is not None:
            stmt = stmt.limit(limit)
        return [dict(row) for row in self.session.execute(stmt).mappings()]

    def facts(self, since: datetime | None = None) -> list[TicketFacts]:
        ct, cu, it = t.complaint_tickets, t.customers, t.items
        stmt = (
            select(ct, cu.c.name.label("customer_name"), it.c.name.label("item_name"))
            .join(cu, cu.c.id == ct.c.customer_id)
            .outerjoin(it, it.c.id == ct.c.item_id)
        )
        if since is not None:
            stmt = stmt.where(ct.c.received_at >= since)
        return [
            TicketFacts(
                r["number"],
                r["severity"],
                r["state"],
                r["received_at"],
                r["response_due"],
                r["resolution_due"],
                r["responded_at"],
                r["resolved_at"],
                r["customer_name"],
                r["item_name"] or "",
                r["batch"],
                r["report_due"],
                r["cause_category"] or "",
            )
            for r in self.session.execute(stmt.order_by(ct.c.id)).mappings()
        ]

    def batch_counts(self, item_ids: Iterable[int] | None = None) -> dict[tuple[int, str], int]:
        """Complaints per (item, batch) over every ticket that names a batch."""
        ct = t.complaint_tickets
        stmt = (
            select(ct.c.item_id, ct.c.batch, func.count())
            .where(ct.c.batch != "", ct.c.item_id.is_not(None))
            .group_by(ct.c.item_id, ct.c.batch)
        )
        if item_ids is not None:
            stmt = stmt.where(ct.c.item_id.in_(list(item_ids)))
        return {(item, batch): n for item, batch, n in self.session.execute(stmt)}

    def batch_tickets(self, item_ids: Iterable[int]) -> dict[tuple[int, str], list[str]]:
        """The ticket numbers naming each (item, batch) of these items, oldest first."""
        ct = t.complaint_tickets
        stmt = (
            select(ct.c.item_id, ct.c.batch, ct.c.number)
            .where(ct.c.batch != "", ct.c.item_id.in_(list(item_ids)))
            .order_by(ct.c.id)
        )
        found: dict[tuple[int, str], list[str]] = {}
        for item, batch, number in self.session.execute(stmt):
            found.setdefault((item, batch), []).append(number)
        return found

    def delivered(self, delivery_id: int, item_id: int | None) -> Decimal:
        dl = t.delivery_lines
        stmt = select(func.sum(dl.c.quantity)).where(dl.c.delivery_id == delivery_id)
        if item_id is not None:
            stmt = stmt.where(dl.c.item_id == item_id)
        return self.session.scalar(stmt) or Decimal(0)

    def delivery_header(self, delivery_id: int) -> dict[str, Any] | None:
        d = t.deliveries
        row = self.session.execute(select(d).where(d.c.id == delivery_id)).mappings().first()
        return dict(row) if row else None

    def invoice_header(self, invoice_id: int) -> dict[str, Any] | None:
        i = t.invoices
        row = self.session.execute(select(i).where(i.c.id == invoice_id)).mappings().first()
        return dict(row) if row else None

    def order_header(self, order_id: int) -> dict[str, Any] | None:
        o = t.sales_orders
        row = self.session.execute(select(o).where(o.c.id == order_id)).mappings().first()
        return dict(row) if row else None

    def customer_deliveries(self, customer_id: int, limit: int = 200) -> list[dict[str, Any]]:
        d = t.deliveries
        stmt = (
            select(d.c.id, d.c.number, d.c.delivery_date, d.c.invoice_id)
            .where(d.c.customer_id == customer_id)
            .order_by(d.c.delivery_date.desc(), d.c.id.desc())
            .limit(limit)
        )
        return [dict(r) for r in self.session.execute(stmt).mappings()]

    def delivery_items(self, delivery_id: int) -> list[dict[str, Any]]:
        dl, it = t.delivery_lines, t.items
        stmt = (
            select(
                dl.c.item_id,
                it.c.sku,
                it.c.name,
                dl.c.batch,
                dl.c.serial,
                dl.c.quantity,
                dl.c.unit_price,
            )  # fmt: skip
            .join(it, it.c.id == dl.c.item_id)
            .where(dl.c.delivery_id == delivery_id)
            .order_by(dl.c.line_no)
        )
        return [dict(r) for r in self.session.execute(stmt).mappings()]

    def ids_of_numbers(self, numbers: Iterable[str]) -> dict[str, int]:
        ct = t.complaint_tickets
        stmt = select(ct.c.number, ct.c.id).where(ct.c.number.in_(list(numbers)))
        return {number: ticket_id for number, ticket_id in self.session.execute(stmt)}

    # --- documents a resolution made -----------------------------------------------------

    def document_states(self, numbers: Iterable[str]) -> dict[str, str]:
        """The state of each return, order, red invoice, payment, refund and visit named
        (payments and refunds are done once recorded)."""
        numbers = list(numbers)
        states: dict[str, str] = {}
        # a red invoice's credit is a payment row of the same number: its own state wins
        stmt = select(t.payments.c.number).where(t.payments.c.number.in_(numbers))
        states.update({n: "posted" for (n,) in self.session.execute(stmt)})
        stmt = select(t.refunds.c.number).where(t.refunds.c.number.in_(numbers))
        states.update({n: "posted" for (n,) in self.session.execute(stmt)})
        for table in (t.returns, t.sales_orders, t.red_invoices):
            stmt = select(table.c.number, table.c.state).where(table.c.number.in_(numbers))
            states.update({n: str(s) for n, s in self.session.execute(stmt)})
        v = t.service_visits
        stmt = select(v.c.number, v.c.done).where(v.c.number.in_(numbers))
        states.update({n: "done" if done else "planned" for n, done in self.session.execute(stmt)})
        return states

    # --- visits --------------------------------------------------------------------------

    def add_visit(self, visit: ServiceVisit) -> None:
        self.session.add(visit)
        self.session.flush()

    def visit(self, number: str) -> ServiceVisit | None:
        stmt = select(ServiceVisit).where(t.service_visits.c.number == number)
        return self.session.scalars(stmt).first()

    def visits_of(self, ticket_id: int) -> list[ServiceVisit]:
        stmt = select(ServiceVisit).where(t.service_visits.c.ticket_id == ticket_id)
        return list(self.session.scalars(stmt.order_by(t.service_visits.c.id)))

    # --- attachments ---------------------------------------------------------------------

    def add_attachment(self, values: dict[str, Any]) -> int:
        result = self.session.execute(t.complaint_attachments.insert().values(**values))
        return int(result.inserted_primary_key[0])

    def attachments(self, ticket_id: int) -> list[Attachment]:
        a = t.complaint_attachments
        stmt = select(
            a.c.id, a.c.ticket_id, a.c.file_name, a.c.media_type, a.c.size, a.c.added_by,
            a.c.added_at,
        ).where(a.c.ticket_id == ticket_id)  # fmt: skip
        return [Attachment(**row) for row in self.session.execute(stmt.order_by(a.c.id)).mappings()]

    def attachment(self, attachment_id: int) -> Attachment | None:
        a = t.complaint_attachments
        row = self.session.execute(select(a).where(a.c.id == attachment_id)).mappings().first()
        return Attachment(**row) if row else None

    def remove_attachment(self, attachment_id: int) -> None:
        a = t.complaint_attachments
        self.session.execute(a.delete().where(a.c.id == attachment_id))
