"""The read side of the complaint list: keyset pages like every list (``queries.keyset``).

The default order is the urgency the list promises: tickets still running against a
deadline first, the one due soonest (the most overdue) first; then the finished ones,
newest first.  Working time left is monotonic in the due time, so ordering by the deadline
the state runs against (report while received, response while acknowledged, else
resolution) is ordering by time left; the service computes the working minutes per row.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, case, func, literal, or_, select
from sqlalchemy.orm import Session

from retailerp.domain.complaints import (
    OPEN_STATES,
    SEVERITY_ORDER,
    Deadline,
    TicketState,
    current_deadline,
)
from retailerp.domain.money import Money
from retailerp.domain.red_invoices import RedState
from retailerp.persistence import tables as t
from retailerp.persistence.home_queries import Tally, complaint_clause
from retailerp.persistence.queries import Page, keyset, like_pattern
from retailerp.persistence.types import UtcDateTime

CT, CU, IT = t.complaint_tickets, t.customers, t.items
NEVER = datetime(1970, 1, 1, tzinfo=UTC)
_DUE_COLUMN = {
    Deadline.REPORT: CT.c.report_due,
    Deadline.RESPONSE: CT.c.response_due,
    Deadline.RESOLUTION: CT.c.resolution_due,
}
_RUNNING = {state: which for state in TicketState if (which := current_deadline(state))}

FINISHED = case((CT.c.state.in_([s.value for s in _RUNNING]), 0), else_=1)
"""0 while the ticket runs against a deadline, 1 once resolved, closed or rejected."""
DUE = case(
    *[(CT.c.state == state.value, _DUE_COLUMN[which]) for state, which in _RUNNING.items()],
    else_=literal(NEVER, UtcDateTime()),
)
"""The deadline the ticket's state runs against (a fixed past time once finished)."""
NEWEST = -CT.c.id
SEVERITY_RANK = case(*[(CT.c.severity == s.value, n) for n, s in enumerate(SEVERITY_ORDER)])

COMPLAINT_SORTS: dict[str, ColumnElement] = {
    "number": CT.c.number,
    "received_at": CT.c.received_at,
    "customer": CU.c.name_pinyin,
    "severity": SEVERITY_RANK,
    "state": CT.c.state,
    "assignee": CT.c.assignee,
    "batch": CT.c.batch,
}


def _filters(stmt: Select, filters: Mapping[str, Any], now: datetime) -> Select:
    if filters.get("overdue"):
        stmt = stmt.where(complaint_clause(overdue_at=now))
    elif filters.get("open_only"):
        stmt = stmt.where(CT.c.state.in_([s.value for s in OPEN_STATES]))
    if filters.get("allowance_waiting"):
        ids = _waiting_allowances().with_only_columns(t.complaint_resolutions.c.ticket_id)
        stmt = stmt.where(CT.c.id.in_(ids))
    for key, col in (("customer_id", CT.c.customer_id), ("item_id", CT.c.item_id)):
        if filters.get(key):
            stmt = stmt.where(col == int(filters[key]))
    for key, col in (("severity", CT.c.severity), ("state", CT.c.state), ("batch", CT.c.batch)):
        if filters.get(key):
            stmt = stmt.where(col == str(filters[key]))
    return stmt


def complaint_page(session: Session, page: Page, now: datetime) -> list[dict[str, Any]]:
    """Tickets with the names the list shows and their keyset ``cursor``; search finds the
    number, customer code or name and the complaint's text; filters ``open_only``,
    ``allowance_waiting`` (a price allowance's red invoice not issued yet),
    ``overdue`` (past the deadline their state runs against at ``now``), ``customer_id``,
    ``item_id``, ``severity``, ``state``, ``batch``.  Sort keys: :data:`COMPLAINT_SORTS`, else
    urgency (``time_left``).

    A page ordered by the ticket's own columns is chosen from the tickets alone and only its
    rows are joined to their customer and item: joining every ticket first would look up
    each one's customer among 100,000 before the sort (a third of a cold first read)."""
    sort_col = COMPLAINT_SORTS.get(page.sort_key)
    if sort_col is None:
        keys, tie = FINISHED.label("finished"), [DUE.label("due"), NEWEST.label("newest")]
    else:
        keys, tie = sort_col.label("sort_value"), [CT.c.id.label("tie")]
    by_customer = bool(page.search.strip()) or page.sort_key == "customer"
    chosen = select(CT.c.id, keys, *tie)
    if by_customer:
        chosen = chosen.join(CU, CU.c.id == CT.c.customer_id)
    if page.search.strip():
        pattern = like_pattern(page.search.strip())
        columns = (CT.c.number, CU.c.code, CU.c.name, CT.c.description)
        chosen = chosen.where(or_(*(col.ilike(pattern, escape="\\") for col in columns)))
    chosen = _filters(chosen, page.filters or {}, now)
    ids = keyset(chosen, keys.element, [c.element for c in tie], page).subquery("chosen")
    ordered = [ids.c[c.name] for c in (keys, *tie)]
    stmt = (
        select(
            CT,
            CU.c.code.label("customer_code"),
            CU.c.name.label("customer_name"),
            CU.c.computed_class,
            CU.c.pinned_class,
            IT.c.name.label("item_name"),
            FINISHED.label("finished"),
            DUE.label("due"),
            *[c.label(f"key_{n}") for n, c in enumerate(ordered)],
        )  # fmt: skip
        .select_from(ids)
        .join(CT, CT.c.id == ids.c.id)
        .join(CU, CU.c.id == CT.c.customer_id)
        .outerjoin(IT, IT.c.id == CT.c.item_id)
        .order_by(*[c.desc() if page.descending else c.asc() for c in ordered])
    )
    rows = session.execute(stmt).mappings()
    return [{**r, "cursor": tuple(r[f"key_{n}"] for n in range(len(ordered)))} for r in rows]


def _waiting_allowances() -> Select:
    """(ticket, amount) of the red invoices complaints' price allowances drafted that are
    not issued (nor voided) yet."""
    cr, ri = t.complaint_resolutions, t.red_invoices
    waiting = [RedState.DRAFT.value, RedState.AWAITING.value, RedState.CONFIRMED.value]
    return (
        select(cr.c.ticket_id, cr.c.amount)
        .join(ri, ri.c.number == cr.c.number)
        .where(cr.c.document_kind == "red_invoice", ri.c.state.in_(waiting))
    )


def allowances_to_issue(session: Session) -> Tally:
    """Tickets waiting for finance to issue their allowance's red invoice, and its gross."""
    waiting = _waiting_allowances().subquery()
    stmt = select(
        func.count(func.distinct(waiting.c.ticket_id)), func.coalesce(func.sum(waiting.c.amount), 0)
    )
    count, amount = session.execute(stmt).one()
    return Tally(int(count or 0), amount if isinstance(amount, Money) else Money(int(amount or 0)))
