"""The read side: pages of rows for the lists, searched, filtered and sorted in SQL.

Pages use keyset pagination: the next page starts after the (sort value, id) of the last row
shown, so page 500 costs what page 1 costs.  Customer search uses SQLite FTS5 trigram for three
or more characters and LIKE for shorter text (trigram cannot match one or two characters); on
PostgreSQL, ILIKE backed by a pg_trgm index.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    and_,
    column,
    false,
    func,
    or_,
    select,
    text,
    tuple_,
)

from retailerp.domain.money import Money
from retailerp.domain.pinyin import is_initials_query
from retailerp.domain.sales import RESERVING_STATES
from retailerp.domain.stock import VIRTUAL_KINDS
from retailerp.persistence import tables as t
from retailerp.persistence.paging import PAGE_LIMIT_MAX, Page

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass(frozen=True)
class CustomerRow:
    id: int
    code: str
    name: str
    phone: str
    contact: str
    abc_class: str
    pinned: bool
    status: str
    credit_limit: Money
    salesperson: str
    last_review_on: date | None
    cursor: tuple


@dataclass(frozen=True)
class ItemRow:
    id: int
    sku: str
    name: str
    spec: str
    unit: str
    barcode: str
    price: Money
    vat_rate: Decimal
    bin: str
    active: bool
    on_hand: Decimal
    min_stock: Decimal
    cursor: tuple


def like_pattern(text_: str) -> str:
    """A LIKE pattern finding ``text_`` anywhere, with % _ and \\ taken literally."""
    escaped = text_.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def fts_phrase(text_: str) -> str:
    """An FTS5 query matching ``text_`` as one phrase (quotes doubled)."""
    return '"' + text_.replace('"', '""') + '"'


def keyset(
    stmt: Select, sort_col: ColumnElement, tie: Sequence[ColumnElement], page: Page
) -> Select:
    """Order by the sort column then the tie-breakers, start after the cursor, limit."""
    columns = [sort_col, *tie]
    if page.after is not None:
        cursor = tuple_(*columns)
        stmt = stmt.where(
            cursor < tuple(page.after) if page.descending else cursor > tuple(page.after)
        )
    order = [c.desc() if page.descending else c.asc() for c in columns]
    return stmt.order_by(*order).limit(max(1, min(page.limit, PAGE_LIMIT_MAX)))


# --- customers --------------------------------------------------------------------------

C = t.customers
CUSTOMER_CLASS = func.coalesce(C.c.pinned_class, C.c.computed_class)
CUSTOMER_SORTS: dict[str, ColumnElement] = {
    "code": C.c.code,
    "name": C.c.name_pinyin,  # 北京… before 上海…, Latin names among them
    "phone": C.c.phone,
    "contact": C.c.contact,
    "abc_class": CUSTOMER_CLASS,
    "status": C.c.status,
    "credit_limit": C.c.credit_limit,
    "salesperson": C.c.salesperson,
}


def pinyin_clause(table: Any, search: str) -> ColumnElement[bool] | None:
    """Latin letters also match the name's pinyin initials (``hl`` → 华联) or its spelling."""
    if not is_initials_query(search):
        return None
    pattern = like_pattern(search.lower())
    return or_(
        table.c.name_initials.like(pattern, escape="\\"),
        table.c.name_pinyin.like(pattern, escape="\\"),
    )


MANY_HITS = 2000
"""From this many trigram hits on, a search in name order walks the name index comparing
each entry (it stops once a page is full) rather than fetching every hit and sorting them."""


def customer_search_clause(
    session: Session, search: str, in_name_order: bool = False
) -> ColumnElement[bool] | None:
    """Code, name or phone holding the text; Latin letters also the name's pinyin initials
    (``hl`` → 华联) or spelling, each answered from its index where the text allows.
    ``in_name_order``: the page is sorted by one of the name indexes."""
    words = search.strip()
    if not words:
        return None
    pinyin = is_initials_query(words)
    if session.get_bind().dialect.name != "sqlite":
        return _customer_pg_clause(words, pinyin)
    if len(words) >= 3:
        # trigram indexes answer three characters or more: the ids of both searches at once
        phrase = fts_phrase(words)
        ids = (
            select(column("rowid", Integer))
            .select_from(text("customer_search"))
            .where(text("customer_search MATCH :q").bindparams(q=phrase))
        )
        if pinyin:
            ids = ids.union_all(
                select(column("rowid", Integer))
                .select_from(text("customer_search_pinyin"))
                .where(text("customer_search_pinyin MATCH :p").bindparams(p=phrase.lower()))
            )
        # the LIKE below folds ASCII letters only: it finds what the trigram index finds
        # when the text has no other letters with a case (Chinese has none)
        caseless = all(c.isascii() or c.lower() == c.upper() for c in words)
        if not (in_name_order and caseless and _at_least(session, ids, MANY_HITS)):
            return C.c.id.in_(ids)
    # a LIKE on the fields the name indexes hold: read along the page's order until it is full
    pattern = like_pattern(words)
    by_text = or_(*(col.like(pattern, escape="\\") for col in (C.c.code, C.c.name, C.c.phone)))
    by_pinyin = pinyin_clause(C, words)
    return by_text if by_pinyin is None else or_(by_text, by_pinyin)


def _at_least(session: Session, ids: Select, count: int) -> bool:
    """Whether ``ids`` has ``count`` rows or more (reading no more than that)."""
    found = session.scalar(select(func.count()).select_from(ids.limit(count).subquery()))
    return int(found or 0) >= count


def _customer_pg_clause(words: str, pinyin: bool) -> ColumnElement[bool]:
    # the fields are joined with a unit separator (chr 31) that no search text holds, so a
    # match never spans two fields; the expressions are the ones the pg_trgm indexes are on
    sep = func.chr(31)
    joined = C.c.code + sep + C.c.name + sep + C.c.phone
    clause = joined.ilike(like_pattern(words.replace(chr(31), "")), escape="\\")
    if not pinyin:
        return clause
    spelled = C.c.name_initials + sep + C.c.name_pinyin
    return or_(clause, spelled.like(like_pattern(words.lower()), escape="\\"))


def customer_page(
    session: Session, page: Page, review_period_start: date | None = None
) -> list[CustomerRow]:
    """A page of the customer list."""
    filters = page.filters or {}
    sort_col = CUSTOMER_SORTS.get(page.sort_key, C.c.name)
    stmt = select(
        C.c.id,
        C.c.code,
        C.c.name,
        C.c.phone,
        C.c.contact,
        CUSTOMER_CLASS.label("cls"),
        C.c.pinned_class,
        C.c.status,
        C.c.credit_limit,
        C.c.salesperson,
        C.c.last_review_on,
        sort_col.label("sort_value"),
    )
    in_name_order = sort_col is C.c.name or sort_col is C.c.name_pinyin
    clause = customer_search_clause(session, page.search, in_name_order)
    if clause is not None:
        stmt = stmt.where(clause)
    if filters.get("status") in ("active", "ended"):
        stmt = stmt.where(C.c.status == filters["status"])
    if filters.get("abc_class") in ("A", "B", "C"):
        stmt = stmt.where(filters["abc_class"] == CUSTOMER_CLASS)
    if filters.get("due_for_review"):
        stmt = stmt.where(C.c.status == "active")
        stmt = stmt.where(
            func.coalesce(C.c.last_review_on, C.c.created_on) < review_period_start
            if review_period_start
            else false()
        )
    rows = session.execute(keyset(stmt, sort_col, [C.c.id], page))
    return [
        CustomerRow(
            id=r.id,
            code=r.code,
            name=r.name,
            phone=r.phone,
            contact=r.contact,
            abc_class=str(r.cls),
            pinned=r.pinned_class is not None,
            status=str(r.status),
            credit_limit=r.credit_limit,
            salesperson=r.salesperson,
            last_review_on=r.last_review_on,
            cursor=(r.sort_value, r.id),
        )
        for r in rows
    ]


# --- items ------------------------------------------------------------------------------

I_ = t.items
ITEM_BIN = t.locations.alias("item_bin")
ITEM_SORTS: dict[str, ColumnElement] = {
    "sku": I_.c.sku,
    "name": I_.c.name_pinyin,
    "spec": I_.c.spec,
    "price": I_.c.price,
    "bin": func.coalesce(ITEM_BIN.c.code, ""),
    "barcode": I_.c.barcode,
    "unit": I_.c.unit,
}


def on_hand_subquery():  # noqa: ANN201
    """Quantity per item in locations that hold our goods for sale or use (not virtual)."""
    b, loc = t.stock_balances, t.locations
    return (
        select(b.c.item_id, func.sum(b.c.quantity).label("qty"))
        .join(loc, loc.c.id == b.c.location_id)
        .where(loc.c.kind.not_in([k.value for k in VIRTUAL_KINDS]))
        .group_by(b.c.item_id)
        .subquery()
    )


def on_hand_of_item() -> ColumnElement:
    """The item row's quantity on hand, summed for that item alone (the balances' key leads
    with the item): a page of 40 items sums 40 items' balances, not every item's."""
    b, loc = t.stock_balances, t.locations
    total = (
        select(func.coalesce(func.sum(b.c.quantity), 0))
        .join(loc, loc.c.id == b.c.location_id)
        .where(b.c.item_id == I_.c.id, loc.c.kind.not_in([k.value for k in VIRTUAL_KINDS]))
        .correlate(I_)
        .scalar_subquery()
    )
    return total


def item_page(session: Session, page: Page) -> list[ItemRow]:
    """A page of the item list, with the quantity on hand."""
    filters = page.filters or {}
    sort_col = ITEM_SORTS.get(page.sort_key, I_.c.sku)
    on_hand = on_hand_of_item()
    stmt = select(
        I_,
        on_hand.label("on_hand"),
        func.coalesce(ITEM_BIN.c.code, "").label("bin_code"),
        sort_col.label("sort_value"),
    ).outerjoin(ITEM_BIN, ITEM_BIN.c.id == I_.c.bin_id)
    if page.search.strip():
        pattern = like_pattern(page.search.strip())
        sqlite_ = session.get_bind().dialect.name == "sqlite"
        columns = (I_.c.sku, I_.c.name, I_.c.barcode, I_.c.spec)
        stmt = stmt.where(
            or_(
                *(
                    c.like(pattern, escape="\\") if sqlite_ else c.ilike(pattern, escape="\\")
                    for c in columns
                ),
                *[c for c in [pinyin_clause(I_, page.search.strip())] if c is not None],
            )
        )
    if filters.get("active") is not None:
        stmt = stmt.where(I_.c.active == bool(filters["active"]))
    if filters.get("below_min"):
        stmt = stmt.where(on_hand < I_.c.min_stock)
    rows = session.execute(keyset(stmt, sort_col, [I_.c.id], page))
    return [
        ItemRow(
            id=r.id,
            sku=r.sku,
            name=r.name,
            spec=r.spec,
            unit=r.unit,
            barcode=r.barcode,
            price=r.price,
            vat_rate=r.vat_rate,
            bin=r.bin_code,
            active=r.active,
            on_hand=Decimal(r.on_hand),
            min_stock=r.min_stock,
            cursor=(r.sort_value, r.id),
        )
        for r in rows
    ]


def due_for_review_count(session: Session, period_start: date) -> int:
    stmt = (
        select(func.count())
        .select_from(C)
        .where(
            and_(
                C.c.status == "active",
                func.coalesce(C.c.last_review_on, C.c.created_on) < period_start,
            )
        )
    )
    return int(session.scalar(stmt) or 0)


# --- sales documents --------------------------------------------------------------------


@dataclass(frozen=True)
class OrderRow:
    id: int
    number: str
    order_date: date
    customer_id: int
    customer_code: str
    customer_name: str
    state: str
    payment_mode: str
    requested_date: date | None
    cursor: tuple


@dataclass(frozen=True)
class DeliveryRow:
    id: int
    number: str
    delivery_date: date
    order_number: str
    customer_id: int
    customer_code: str
    customer_name: str
    invoice_number: str
    cursor: tuple


@dataclass(frozen=True)
class InvoiceRow:
    id: int
    number: str
    invoice_date: date
    due_date: date
    customer_id: int
    customer_code: str
    customer_name: str
    gross: Money
    paid: Money
    cursor: tuple

    @property
    def open_amount(self) -> Money:
        return self.gross - self.paid


SO = t.sales_orders
ORDER_SORTS: dict[str, ColumnElement] = {
    "number": SO.c.number,
    "order_date": SO.c.order_date,
    "customer_name": C.c.name,
    "state": SO.c.state,
    "payment_mode": SO.c.payment_mode,
}


def _common_document_filters(stmt: Select, filters: Mapping[str, Any], date_col, cust_col):  # noqa: ANN001, ANN202
    if filters.get("customer_id"):
        stmt = stmt.where(cust_col == int(filters["customer_id"]))
    if filters.get("date_from"):
        stmt = stmt.where(date_col >= filters["date_from"])
    if filters.get("date_to"):
        stmt = stmt.where(date_col <= filters["date_to"])
    return stmt


def _number_or_customer(search: str, number_col: ColumnElement) -> ColumnElement[bool]:
    pattern = like_pattern(search.strip())
    return or_(
        number_col.ilike(pattern, escape="\\"),
        C.c.name.ilike(pattern, escape="\\"),
        C.c.code.ilike(pattern, escape="\\"),
    )


def awaiting_prepayment_clause() -> ColumnElement[bool]:
    """Prepaid orders that hold stock (confirmed, picking, partly shipped) with nothing
    received yet (they cannot ship)."""
    return and_(
        SO.c.payment_mode == "prepaid",
        SO.c.state.in_([s.value for s in RESERVING_STATES]),
        SO.c.prepaid == 0,
    )


def overdue_clause(today: date) -> ColumnElement[bool]:
    """An invoice still open after its due date (as ``domain.invoicing.is_overdue``)."""
    return and_(INV.c.paid < INV.c.gross, INV.c.due_date < today)


def order_page(session: Session, page: Page) -> list[OrderRow]:
    """Sales orders, searchable by number or customer, filterable by state and date."""
    filters = page.filters or {}
    sort_col = ORDER_SORTS.get(page.sort_key, SO.c.number)
    stmt = select(
        SO.c.id,
        SO.c.number,
        SO.c.order_date,
        SO.c.customer_id,
        C.c.code,
        C.c.name,
        SO.c.state,
        SO.c.payment_mode,
        SO.c.requested_date,
        sort_col.label("sort_value"),
    ).join(C, C.c.id == SO.c.customer_id)
    if page.search.strip():
        stmt = stmt.where(_number_or_customer(page.search, SO.c.number))
    if filters.get("state"):
        states = filters["state"]
        stmt = stmt.where(
            SO.c.state.in_(list(states) if isinstance(states, list | tuple) else [states])
        )
    if filters.get("awaiting_prepayment"):
        stmt = stmt.where(awaiting_prepayment_clause())
    stmt = _common_document_filters(stmt, filters, SO.c.order_date, SO.c.customer_id)
    rows = session.execute(keyset(stmt, sort_col, [SO.c.id], page))
    return [
        OrderRow(
            r.id,
            r.number,
            r.order_date,
            r.customer_id,
            r.code,
            r.name,
            str(r.state),
            str(r.payment_mode),
            r.requested_date,
            (r.sort_value, r.id),
        )
        for r in rows
    ]


DV = t.deliveries
INV = t.invoices
DELIVERY_SORTS: dict[str, ColumnElement] = {
    "number": DV.c.number,
    "delivery_date": DV.c.delivery_date,
    "customer_name": C.c.name,
}


def delivery_page(session: Session, page: Page) -> list[DeliveryRow]:
    filters = page.filters or {}
    sort_col = DELIVERY_SORTS.get(page.sort_key, DV.c.number)
    stmt = (
        select(
            DV.c.id,
            DV.c.number,
            DV.c.delivery_date,
            SO.c.number.label("order_number"),
            DV.c.customer_id,
            C.c.code,
            C.c.name,
            INV.c.number.label("invoice_number"),
            sort_col.label("sort_value"),
        )
        .join(SO, SO.c.id == DV.c.order_id)
        .join(C, C.c.id == DV.c.customer_id)
        .outerjoin(INV, INV.c.id == DV.c.invoice_id)
    )
    if page.search.strip():
        stmt = stmt.where(_number_or_customer(page.search, DV.c.number))
    if filters.get("uninvoiced"):
        stmt = stmt.where(DV.c.invoice_id.is_(None))
    stmt = _common_document_filters(stmt, filters, DV.c.delivery_date, DV.c.customer_id)
    rows = session.execute(keyset(stmt, sort_col, [DV.c.id], page))
    return [
        DeliveryRow(
            r.id,
            r.number,
            r.delivery_date,
            r.order_number,
            r.customer_id,
            r.code,
            r.name,
            r.invoice_number or "",
            (r.sort_value, r.id),
        )
        for r in rows
    ]


INVOICE_SORTS: dict[str, ColumnElement] = {
    "number": INV.c.number,
    "invoice_date": INV.c.invoice_date,
    "due_date": INV.c.due_date,
    "customer_name": C.c.name,
    "gross": INV.c.gross,
}


def invoice_page(session: Session, page: Page) -> list[InvoiceRow]:
    filters = page.filters or {}
    sort_col = INVOICE_SORTS.get(page.sort_key, INV.c.number)
    stmt = select(
        INV.c.id,
        INV.c.number,
        INV.c.invoice_date,
        INV.c.due_date,
        INV.c.customer_id,
        C.c.code,
        C.c.name,
        INV.c.gross,
        INV.c.paid,
        sort_col.label("sort_value"),
    ).join(C, C.c.id == INV.c.customer_id)
    if page.search.strip():
        stmt = stmt.where(_number_or_customer(page.search, INV.c.number))
    if filters.get("open"):
        stmt = stmt.where(INV.c.paid < INV.c.gross)
    if filters.get("overdue_on"):
        stmt = stmt.where(overdue_clause(filters["overdue_on"]))
    stmt = _common_document_filters(stmt, filters, INV.c.invoice_date, INV.c.customer_id)
    rows = session.execute(keyset(stmt, sort_col, [INV.c.id], page))
    return [
        InvoiceRow(
            r.id,
            r.number,
            r.invoice_date,
            r.due_date,
            r.customer_id,
            r.code,
            r.name,
            r.gross,
            r.paid,
            (r.sort_value, r.id),
        )
        for r in rows
    ]


def open_invoice_amounts(session: Session) -> list[tuple[int, str, str, date, Money]]:
    """(customer id, code, name, due date, open amount) of every invoice not fully paid."""
    stmt = (
        select(INV.c.customer_id, C.c.code, C.c.name, INV.c.due_date, INV.c.gross, INV.c.paid)
        .join(C, C.c.id == INV.c.customer_id)
        .where(INV.c.paid < INV.c.gross)
    )
    return [
        (cid, code, name, due, gross - paid)
        for cid, code, name, due, gross, paid in session.execute(stmt)
    ]
