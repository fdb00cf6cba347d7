"""The read side of returns: the returns list, returns by reason, item and month, and the
home page's count of drafts to post.  Keyset pages like every list (``queries.keyset``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, String, cast, func, literal_column, or_, select
from sqlalchemy.orm import Session

from retailerp.domain.money import Money
from retailerp.domain.returns import ReturnState
from retailerp.persistence import tables as t
from retailerp.persistence.home_queries import Tally
from retailerp.persistence.queries import Page, keyset, like_pattern

R, RL, C, DV, IT = t.returns, t.return_lines, t.customers, t.deliveries, t.items


@dataclass(frozen=True)
class ReturnRow:
    id: int
    number: str
    return_date: date
    customer_id: int
    customer_code: str
    customer_name: str
    delivery_number: str
    reason: str
    state: str
    refund: Money
    cursor: tuple


RETURN_SORTS: dict[str, ColumnElement] = {
    "number": R.c.number,
    "return_date": R.c.return_date,
    "customer_name": C.c.name_pinyin,
    "reason": R.c.reason,
    "state": R.c.state,
}


def _refunds() -> Any:
    return (
        select(RL.c.return_id, func.sum(RL.c.refund).label("refund"))
        .group_by(RL.c.return_id)
        .subquery("refunds")
    )


def _states(value: object) -> list[str]:
    return [str(s) for s in value] if isinstance(value, list | tuple) else [str(value)]


def _return_filters(stmt: Select, filters: Mapping[str, Any]) -> Select:
    if filters.get("state"):
        stmt = stmt.where(R.c.state.in_(_states(filters["state"])))
    if filters.get("reason"):
        stmt = stmt.where(R.c.reason == str(filters["reason"]))
    for key, column in (("customer_id", R.c.customer_id), ("delivery_id", R.c.delivery_id)):
        if filters.get(key):
            stmt = stmt.where(column == int(filters[key]))
    if filters.get("date_from"):
        stmt = stmt.where(R.c.return_date >= _day(filters["date_from"]))
    if filters.get("date_to"):
        stmt = stmt.where(R.c.return_date <= _day(filters["date_to"]))
    return stmt


def _day(value: object) -> date:
    """A filter's day, given as a date or as ISO text."""
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def return_page(session: Session, page: Page) -> list[ReturnRow]:
    """Returns, searchable by return or delivery number and customer code or name; filters
    ``state`` (one or a list), ``reason``, ``customer_id``, ``delivery_id``, dates."""
    sort_col = RETURN_SORTS.get(page.sort_key, R.c.number)
    refunds = _refunds()
    stmt = (
        select(
            R.c.id, R.c.number, R.c.return_date, R.c.customer_id, C.c.code, C.c.name,
            DV.c.number.label("delivery_number"), R.c.reason, R.c.state,
            func.coalesce(refunds.c.refund, 0).label("refund"), sort_col.label("sort_value"),
        )  # fmt: skip
        .join(C, C.c.id == R.c.customer_id)
        .join(DV, DV.c.id == R.c.delivery_id)
        .outerjoin(refunds, refunds.c.return_id == R.c.id)
    )
    if page.search.strip():
        pattern = like_pattern(page.search.strip())
        stmt = stmt.where(
            or_(*(col.ilike(pattern, escape="\\") for col in (R.c.number, DV.c.number,
                                                              C.c.code, C.c.name)))
        )  # fmt: skip
    stmt = _return_filters(stmt, page.filters or {})
    rows = session.execute(keyset(stmt, sort_col, [R.c.id], page))
    return [
        ReturnRow(
            r.id, r.number, r.return_date, r.customer_id, r.code, r.name, r.delivery_number,
            str(r.reason), str(r.state), _money(r.refund), (r.sort_value, r.id),
        )  # fmt: skip
        for r in rows
    ]


def _money(value: object) -> Money:
    if isinstance(value, Money):
        return value
    return Money(int(value or 0))  # type: ignore[call-overload]


def drafts_to_post(session: Session) -> Tally:
    stmt = select(func.count()).select_from(R).where(R.c.state == ReturnState.DRAFT.value)
    return Tally(int(session.scalar(stmt) or 0))


# --- returns by reason, item and month ---------------------------------------------------


@dataclass(frozen=True)
class ReturnAnalysisRow:
    """Posted returns of one month, reason and item: how much came back, in how many
    returns, what it was worth (net) and what was refunded."""

    month: str
    reason: str
    item_id: int
    sku: str
    item_name: str
    returns: int
    quantity: Any
    refund: Money
    cursor: tuple


def _month(session: Session) -> ColumnElement:
    if session.get_bind().dialect.name == "sqlite":
        return func.strftime("%Y-%m", R.c.return_date)
    return func.to_char(R.c.return_date, literal_column("'YYYY-MM'"))


ANALYSIS_SORTS = ("month", "reason", "sku", "returns", "quantity", "refund")


def analysis_page(session: Session, page: Page) -> list[ReturnAnalysisRow]:
    """Posted returns grouped by month, reason and item, newest month first by default;
    filters ``reason``, ``item_id``, ``customer_id``, ``date_from``, ``date_to``; the
    search finds item codes and names."""
    filters = dict(page.filters or {})
    month = _month(session).label("month")
    grouped = (
        select(
            month, R.c.reason.label("reason"), RL.c.item_id.label("item_id"),
            IT.c.sku.label("sku"), IT.c.name.label("item_name"),
            func.count(func.distinct(R.c.id)).label("returns"),
            func.sum(RL.c.quantity).label("quantity"), func.sum(RL.c.refund).label("refund"),
        )  # fmt: skip
        .join(RL, RL.c.return_id == R.c.id)
        .join(IT, IT.c.id == RL.c.item_id)
        .where(R.c.state == ReturnState.POSTED.value)
    )
    if filters.get("item_id"):
        grouped = grouped.where(RL.c.item_id == int(filters["item_id"]))
    if page.search.strip():
        pattern = like_pattern(page.search.strip())
        grouped = grouped.where(
            or_(IT.c.sku.ilike(pattern, escape="\\"), IT.c.name.ilike(pattern, escape="\\"))
        )
    filters.pop("state", None)
    grouped = _return_filters(grouped, filters)
    sub = grouped.group_by(month, R.c.reason, RL.c.item_id, IT.c.sku, IT.c.name).subquery()
    key = page.sort_key if page.sort_key in ANALYSIS_SORTS else "month"
    sort_col = sub.c[key]
    row_key = sub.c.month.op("||")("/").op("||")(sub.c.reason).op("||")("/").op("||")(
        cast(sub.c.item_id, String)
    )
    tie = [row_key.label("row_key")]
    stmt = select(sub, tie[0])
    rows = session.execute(keyset(stmt, sort_col, [row_key], page))
    return [
        ReturnAnalysisRow(
            r.month, str(r.reason), r.item_id, r.sku, r.item_name, int(r.returns),
            r.quantity, _money(r.refund),
            (getattr(r, key), r.row_key),
        )  # fmt: skip
        for r in rows
    ]
