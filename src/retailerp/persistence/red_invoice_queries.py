"""The read side of red invoices: the keyset-paged list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from retailerp.domain.money import Money
from retailerp.domain.red_invoices import RedState
from retailerp.persistence import tables as t
from retailerp.persistence.home_queries import Tally
from retailerp.persistence.queries import (
    Page,
    _common_document_filters,
    _number_or_customer,
    keyset,
)

RI, RL, C = t.red_invoices, t.red_invoice_lines, t.customers


@dataclass(frozen=True)
class RedInvoiceRow:
    id: int
    number: str
    red_date: date
    blue_number: str
    customer_id: int
    customer_code: str
    customer_name: str
    kind: str
    state: str
    confirmation_number: str
    gross: Money
    cursor: tuple


RED_SORTS: dict[str, ColumnElement] = {
    "number": RI.c.number,
    "red_date": RI.c.red_date,
    "customer_name": C.c.name,
    "state": RI.c.state,
    "blue_number": RI.c.blue_number,
}


def red_invoice_page(session: Session, page: Page) -> list[RedInvoiceRow]:
    """Filters: state, customer_id, invoice_id, return_id and the usual dates."""
    filters = page.filters or {}
    sort_col = RED_SORTS.get(page.sort_key, RI.c.number)
    gross = (
        select(func.coalesce(func.sum(RL.c.net + RL.c.vat), 0))
        .where(RL.c.red_invoice_id == RI.c.id)
        .scalar_subquery()
    )
    stmt = select(
        RI.c.id, RI.c.number, RI.c.red_date, RI.c.blue_number, RI.c.customer_id, C.c.code,
        C.c.name, RI.c.kind, RI.c.state, RI.c.confirmation_number, gross.label("gross"),
        sort_col.label("sort_value"),
    ).join(C, C.c.id == RI.c.customer_id)  # fmt: skip
    if page.search.strip():
        stmt = stmt.where(_number_or_customer(page.search, RI.c.number))
    for key in ("state", "invoice_id", "return_id"):
        if filters.get(key):
            stmt = stmt.where(RI.c[key] == filters[key])
    stmt = _common_document_filters(stmt, filters, RI.c.red_date, RI.c.customer_id)
    rows = session.execute(keyset(stmt, sort_col, [RI.c.id], page))
    return [
        RedInvoiceRow(
            r.id,
            r.number,
            r.red_date,
            r.blue_number,
            r.customer_id,
            r.code,
            r.name,
            str(r.kind),
            str(r.state),
            r.confirmation_number or "",
            _money(r.gross),
            (r.sort_value, r.id),
        )  # fmt: skip
        for r in rows
    ]


def _money(value: object) -> Money:
    return value if isinstance(value, Money) else Money(int(value or 0))  # type: ignore[arg-type]


def awaiting_confirmation(session: Session) -> Tally:
    """Red invoices submitted and waiting for the confirmation form's number (home page),
    with their gross."""
    gross = select(func.coalesce(func.sum(RL.c.net + RL.c.vat), 0)).join(
        RI, RI.c.id == RL.c.red_invoice_id
    )
    gross = gross.where(RI.c.state == RedState.AWAITING.value)
    count = select(func.count()).select_from(RI).where(RI.c.state == RedState.AWAITING.value)
    return Tally(int(session.scalar(count) or 0), _money(session.scalar(gross)))
