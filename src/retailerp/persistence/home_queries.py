"""Counts for the home page: how much of each kind of work is waiting (read side, SQL only).

Each function answers one queue of the home page with a :class:`Tally`; the home service
runs them all in one read.  Every filter here is also a filter of the list the queue opens
(``persistence.queries``), so the number on the home page is the number of rows shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import and_, func, or_, select

from retailerp.domain.complaints import OPEN_STATES, Deadline, TicketState, current_deadline
from retailerp.domain.money import Money
from retailerp.domain.numbering import DocumentType
from retailerp.domain.sales import OrderState
from retailerp.persistence import queries
from retailerp.persistence import tables as t

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

SO = t.sales_orders
INV = t.invoices


@dataclass(frozen=True)
class Tally:
    """How many things wait, and their amount where money is the point."""

    count: int
    amount: Money | None = None


def orders_in_state(session: Session, *states: OrderState) -> Tally:
    stmt = select(func.count()).select_from(SO).where(SO.c.state.in_([s.value for s in states]))
    return Tally(int(session.scalar(stmt) or 0))


def awaiting_prepayment(session: Session) -> Tally:
    stmt = select(func.count()).select_from(SO).where(queries.awaiting_prepayment_clause())
    return Tally(int(session.scalar(stmt) or 0))


def uninvoiced_deliveries(session: Session) -> Tally:
    dv = t.deliveries
    stmt = select(func.count()).select_from(dv).where(dv.c.invoice_id.is_(None))
    return Tally(int(session.scalar(stmt) or 0))


def overdue_invoices(session: Session, today: date) -> Tally:
    stmt = select(func.count(), func.coalesce(func.sum(INV.c.gross - INV.c.paid), 0)).where(
        queries.overdue_clause(today)
    )
    count, open_minor = session.execute(stmt).one()
    return Tally(int(count or 0), Money(int(open_minor or 0)))


def items_below_minimum(session: Session) -> Tally:
    items = t.items
    on_hand = queries.on_hand_subquery()
    stmt = (
        select(func.count())
        .select_from(items)
        .outerjoin(on_hand, on_hand.c.item_id == items.c.id)
        .where(func.coalesce(on_hand.c.qty, 0) < items.c.min_stock)
    )
    return Tally(int(session.scalar(stmt) or 0))


def customers_due_for_review(session: Session, period_start: date) -> Tally:
    return Tally(queries.due_for_review_count(session, period_start))


@dataclass(frozen=True)
class FirstSteps:
    """What a new shop has done so far (the start checklist of an empty database)."""

    company: bool
    items: bool
    goods_receipt: bool
    order: bool


def first_steps(session: Session, company_key: str) -> FirstSteps:
    def exists(table) -> bool:  # noqa: ANN001
        return session.execute(select(table.c.id).limit(1)).first() is not None

    company = session.scalar(select(t.settings.c.value).where(t.settings.c.key == company_key))
    receipts = session.execute(
        select(t.stock_documents.c.id)
        .where(t.stock_documents.c.doc_type == DocumentType.GOODS_RECEIPT.value)
        .limit(1)
    ).first()
    return FirstSteps(
        company=bool((company or "").strip()),
        items=exists(t.items),
        goods_receipt=receipts is not None,
        order=exists(SO),
    )


def complaint_clause(*, overdue_at: datetime | None = None):  # noqa: ANN201 - SQL clause
    """Open complaint tickets; with ``overdue_at``, those past the deadline their state runs
    against (report while received, response while acknowledged, else resolution)."""
    ct = t.complaint_tickets
    clause = ct.c.state.in_([s.value for s in OPEN_STATES])
    if overdue_at is None:
        return clause
    column = {
        Deadline.REPORT: ct.c.report_due,
        Deadline.RESPONSE: ct.c.response_due,
        Deadline.RESOLUTION: ct.c.resolution_due,
    }
    late = [
        and_(ct.c.state == state.value, column[which] < overdue_at)
        for state in TicketState
        if (which := current_deadline(state)) is not None
    ]
    return and_(clause, or_(*late))


def complaints_in_state(session: Session, state: TicketState) -> Tally:
    ct = t.complaint_tickets
    stmt = select(func.count()).select_from(ct).where(ct.c.state == state.value)
    return Tally(int(session.scalar(stmt) or 0))


def complaints(session: Session, overdue_at: datetime | None = None) -> Tally:
    stmt = select(func.count()).select_from(t.complaint_tickets)
    return Tally(int(session.scalar(stmt.where(complaint_clause(overdue_at=overdue_at))) or 0))
