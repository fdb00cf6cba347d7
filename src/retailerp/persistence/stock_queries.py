"""The read side of the stock area: stock overview, stock documents (goods receipts, counts,
reversals and the goods issue of deliveries), warehouses and bins, and an item's movement
ledger (库存流水).

Every list is a keyset page (see :func:`retailerp.persistence.queries.keyset`).  The ledger's
running balance is a window sum over the item's moves in date order, computed before the
page is cut, so every page shows the balance after each move whatever page it is on.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Date,
    String,
    and_,
    case,
    func,
    literal,
    or_,
    select,
    tuple_,
    type_coerce,
    union_all,
)
from sqlalchemy.sql import FromClause, Select

from retailerp.domain.money import Money
from retailerp.domain.numbering import DocumentType
from retailerp.domain.stock import VIRTUAL_KINDS, LocationKind
from retailerp.persistence import tables as t
from retailerp.persistence.queries import PAGE_LIMIT_MAX, Page, keyset, like_pattern
from retailerp.persistence.types import QuantityType

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

I_ = t.items
B = t.stock_balances
L = t.locations
M = t.stock_moves
D = t.stock_documents
DL = t.stock_document_lines
DV = t.deliveries
VIRTUAL = [k.value for k in VIRTUAL_KINDS]
LIST_KINDS = [
    LocationKind.WAREHOUSE.value,
    LocationKind.BIN.value,
    LocationKind.QUARANTINE.value,
    LocationKind.SCRAP.value,
]
"""The real places a shop keeps goods in (consignment places belong to customers)."""


def _ilike(col: ColumnElement, search: str) -> ColumnElement[bool]:
    return col.ilike(like_pattern(search.strip()), escape="\\")


def in_place(loc: FromClause, location_id: int | None) -> ColumnElement[bool]:
    """Whether ``loc`` is the place asked for (a warehouse with its bins), or with no place
    asked for, any real location."""
    if not location_id:
        return loc.c.kind.not_in(VIRTUAL)
    return or_(
        loc.c.id == location_id,
        and_(loc.c.parent_id == location_id, loc.c.kind == LocationKind.BIN.value),
    )


# --- stock overview ---------------------------------------------------------------------


@dataclass(frozen=True)
class StockRow:
    item_id: int
    sku: str
    item_name: str
    unit: str
    location_id: int
    location_code: str
    location_name: str
    location_kind: str
    stock_key: str
    quantity: Decimal
    expiry: date | None
    cursor: tuple


STOCK_SORTS: dict[str, ColumnElement] = {
    "sku": I_.c.sku,
    "item_name": I_.c.name,
    "location_code": L.c.code,
    "quantity": B.c.quantity,
    "stock_key": B.c.stock_key,
}


def _stock_conditions(b: FromClause, loc: FromClause, item: FromClause, page: Page) -> list:
    """What a stock row must be to be listed: non-zero, at a real location, and the
    search and filters of ``page`` (over the given tables or their aliases)."""
    filters = page.filters or {}
    conditions = [b.c.quantity != 0, loc.c.kind.not_in(VIRTUAL)]
    if page.search.strip():
        columns = (item.c.sku, item.c.name, b.c.stock_key)
        conditions.append(or_(*(_ilike(c, page.search) for c in columns)))
    if filters.get("location_id"):
        conditions.append(in_place(loc, int(filters["location_id"])))
    if filters.get("item_id"):
        conditions.append(b.c.item_id == int(filters["item_id"]))
    return conditions


def _page_items(page: Page) -> Select:
    """The ids of the first items (in SKU order, from the cursor's item on) with a row to
    list: every row of the page is one of theirs, as each but the cursor's has at least
    one.  Reading them along the SKU index and each one's balances by its key keeps the
    first page at the few rows it shows (otherwise every balance is joined and sorted)."""
    item, b, loc = I_.alias("page_item"), B.alias("page_balance"), L.alias("page_location")
    listed = (
        select(literal(1))
        .select_from(b.join(loc, loc.c.id == b.c.location_id))
        .where(b.c.item_id == item.c.id, *_stock_conditions(b, loc, item, page))
        .exists()
    )
    stmt = select(item.c.id).where(listed)
    order = [item.c.sku, item.c.id]
    if page.after is not None:
        start = tuple(page.after[:2])
        cursor = tuple_(*order)
        stmt = stmt.where(cursor <= start if page.descending else cursor >= start)
    order = [c.desc() if page.descending else c.asc() for c in order]
    # one more: the cursor's own item may have no row left after the cursor
    return stmt.order_by(*order).limit(max(1, min(page.limit, PAGE_LIMIT_MAX)) + 1)


def stock_page(session: Session, page: Page) -> list[StockRow]:
    """Stock by item and location (and batch/serial), real locations only, non-zero; the
    ``location_id`` filter takes a warehouse with its bins."""
    sort_col = STOCK_SORTS.get(page.sort_key, I_.c.sku)
    stmt = (
        select(
            B.c.item_id,
            I_.c.sku,
            I_.c.name,
            I_.c.unit,
            B.c.location_id,
            L.c.code,
            L.c.name.label("location_name"),
            L.c.kind,
            B.c.stock_key,
            B.c.quantity,
            B.c.expiry,
            sort_col.label("sort_value"),
        )
        .join(I_, I_.c.id == B.c.item_id)
        .join(L, L.c.id == B.c.location_id)
        .where(*_stock_conditions(B, L, I_, page))
    )
    if sort_col is I_.c.sku:
        stmt = stmt.where(B.c.item_id.in_(_page_items(page)))
    tie = [B.c.item_id, B.c.location_id, B.c.stock_key]
    rows = session.execute(keyset(stmt, sort_col, tie, page))
    return [
        StockRow(
            item_id=r.item_id,
            sku=r.sku,
            item_name=r.name,
            unit=r.unit,
            location_id=r.location_id,
            location_code=r.code,
            location_name=r.location_name,
            location_kind=str(r.kind),
            stock_key=r.stock_key,
            quantity=r.quantity,
            expiry=r.expiry,
            cursor=(r.sort_value, r.item_id, r.location_id, r.stock_key),
        )
        for r in rows
    ]


def balance(session: Session, item_id: int, location_id: int | None = None) -> Decimal:
    """What the balances hold of an item at a place (a warehouse with its bins) or, with
    none given, at every real location."""
    stmt = (
        select(func.coalesce(func.sum(type_coerce(B.c.quantity, BigInteger)), 0))
        .join(L, L.c.id == B.c.location_id)
        .where(B.c.item_id == item_id, in_place(L, location_id))
    )
    return (Decimal(int(session.scalar(stmt) or 0)) / 1000).quantize(Decimal("0.001"))


# --- stock documents --------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentRow:
    id: int
    number: str
    doc_type: str
    doc_date: date
    location_code: str
    partner: str
    posted_by: str
    lines: int
    reverses_number: str
    cursor: tuple


def _stock_arm() -> dict[str, ColumnElement]:
    """The columns of posted stock documents as the documents list shows them."""
    original = D.alias("original")
    lines = select(func.count()).where(DL.c.document_id == D.c.id).scalar_subquery()
    reverses = select(original.c.number).where(original.c.id == D.c.reverses_id)
    return {
        "id": D.c.id,
        "number": D.c.number,
        "doc_type": type_coerce(D.c.doc_type, String),
        "doc_date": D.c.doc_date,
        "location_code": select(L.c.code).where(L.c.id == D.c.location_id).scalar_subquery(),
        "partner": D.c.partner,
        "posted_by": D.c.posted_by,
        "lines": lines,
        "reverses": func.coalesce(reverses.scalar_subquery(), ""),
    }


def _delivery_arm() -> dict[str, ColumnElement]:
    """The columns of deliveries (their goods issue) as the documents list shows them."""
    dl = t.delivery_lines
    code = (
        select(func.min(L.c.code))
        .join(dl, dl.c.location_id == L.c.id)
        .where(dl.c.delivery_id == DV.c.id)
        .scalar_subquery()
    )
    customer = t.customers
    return {
        "id": DV.c.id,
        "number": DV.c.number,
        "doc_type": literal(DocumentType.DELIVERY.value, String),
        "doc_date": DV.c.delivery_date,
        "location_code": func.coalesce(code, ""),
        "partner": select(customer.c.name)
        .where(customer.c.id == DV.c.customer_id)
        .scalar_subquery(),
        "posted_by": DV.c.posted_by,
        "lines": select(func.count()).where(dl.c.delivery_id == DV.c.id).scalar_subquery(),
        "reverses": literal("", String),
    }


DOCUMENT_SORTS = ("number", "doc_date", "doc_type", "partner", "posted_by")


def _arm_page(columns: dict[str, ColumnElement], page: Page) -> Select:
    """One kind's first rows of the page, filtered, in the page's order, at most its limit:
    the order matches an index (doc_date, number) for the usual sort, so each kind reads
    only the rows it shows, and the line counts are taken for those rows alone."""
    filters = page.filters or {}
    sort_key = page.sort_key if page.sort_key in DOCUMENT_SORTS else "number"
    sort_col = columns[sort_key]
    stmt = select(*(col.label(name) for name, col in columns.items()), sort_col.label("sort_value"))
    if page.search.strip():
        stmt = stmt.where(
            or_(_ilike(columns["number"], page.search), _ilike(columns["partner"], page.search))
        )
    if filters.get("doc_type"):
        stmt = stmt.where(columns["doc_type"] == str(filters["doc_type"]))
    return keyset(stmt, sort_col, [columns["number"]], page)


def document_page(session: Session, page: Page) -> list[DocumentRow]:
    """Goods receipts, stock counts, reversals and deliveries' goods issue; the number
    (unique across the kinds: its prefix says the kind) breaks ties.  Each kind gives its
    first rows of the page (see :func:`_arm_page`) and the page is taken from the two."""
    arms = [_arm_page(arm(), page).subquery() for arm in (_stock_arm, _delivery_arm)]
    u = union_all(*(select(arm) for arm in arms)).subquery("documents")
    stmt = keyset(select(u), u.c.sort_value, [u.c.number], replace(page, after=None))
    rows = session.execute(stmt)
    return [
        DocumentRow(
            id=r.id,
            number=r.number,
            doc_type=str(r.doc_type),
            doc_date=r.doc_date,
            location_code=r.location_code,
            partner=r.partner,
            posted_by=r.posted_by,
            lines=int(r.lines),
            reverses_number=r.reverses or "",
            cursor=(r.sort_value, r.number),
        )
        for r in rows
    ]


@dataclass(frozen=True)
class DocumentHeader:
    """A posted stock document or delivery, as its read-only view shows it."""

    number: str
    doc_type: str
    doc_date: date
    location_code: str
    location_name: str
    partner: str
    note: str
    posted_by: str
    posted_at: datetime
    reverses_number: str = ""
    reversed_by_number: str = ""
    reversible: bool = False


@dataclass(frozen=True)
class DocumentLineRow:
    """A line of a document's view: what a receipt or count line says, or one stock move
    of a reversal or a delivery's goods issue."""

    line_no: int
    item_id: int
    sku: str
    item_name: str
    unit: str
    location_code: str
    quantity: Decimal
    batch: str = ""
    serial: str = ""
    expiry: date | None = None
    from_code: str = ""
    to_code: str = ""
    book_quantity: Decimal | None = None
    unit_cost: Money | None = None


def stock_document_header(session: Session, number: str) -> DocumentHeader | None:
    original, reversal = D.alias("original"), D.alias("reversal")
    stmt = (
        select(
            D,
            L.c.code.label("location_code"),
            L.c.name.label("location_name"),
            original.c.number.label("reverses"),
            reversal.c.number.label("reversed_by"),
        )
        .join(L, L.c.id == D.c.location_id)
        .outerjoin(original, original.c.id == D.c.reverses_id)
        .outerjoin(reversal, reversal.c.reverses_id == D.c.id)
        .where(D.c.number == number)
    )
    r = session.execute(stmt).first()
    if r is None:
        return None
    return DocumentHeader(
        number=r.number,
        doc_type=str(r.doc_type),
        doc_date=r.doc_date,
        location_code=r.location_code,
        location_name=r.location_name,
        partner=r.partner,
        note=r.note,
        posted_by=r.posted_by,
        posted_at=r.posted_at,
        reverses_number=r.reverses or "",
        reversed_by_number=r.reversed_by or "",
    )


def delivery_header(session: Session, number: str) -> DocumentHeader | None:
    so, c = t.sales_orders, t.customers
    stmt = (
        select(DV, so.c.number.label("order_number"), c.c.name.label("customer"))
        .join(so, so.c.id == DV.c.order_id)
        .join(c, c.c.id == DV.c.customer_id)
        .where(DV.c.number == number)
    )
    r = session.execute(stmt).first()
    if r is None:
        return None
    return DocumentHeader(
        number=r.number,
        doc_type=DocumentType.DELIVERY.value,
        doc_date=r.delivery_date,
        location_code="",
        location_name="",
        partner=r.customer,
        note=r.order_number,
        posted_by=r.posted_by,
        posted_at=r.posted_at,
    )


def stock_document_lines(session: Session, number: str) -> list[DocumentLineRow]:
    """The lines of a goods receipt or count, each with the place it went to or was
    counted at."""
    stmt = (
        select(DL, I_.c.sku, I_.c.name, I_.c.unit, L.c.code.label("location_code"))
        .join(D, D.c.id == DL.c.document_id)
        .join(I_, I_.c.id == DL.c.item_id)
        .join(L, L.c.id == func.coalesce(DL.c.location_id, D.c.location_id))
        .where(D.c.number == number)
        .order_by(DL.c.line_no)
    )
    return [
        DocumentLineRow(
            line_no=r.line_no,
            item_id=r.item_id,
            sku=r.sku,
            item_name=r.name,
            unit=r.unit,
            location_code=r.location_code,
            quantity=r.quantity,
            batch=r.batch,
            serial=r.serial,
            expiry=r.expiry,
            book_quantity=r.book_quantity,
            unit_cost=r.unit_cost,
        )
        for r in session.execute(stmt)
    ]


def move_lines(session: Session, number: str) -> list[DocumentLineRow]:
    """The stock moves a document posted, as lines (from → to)."""
    src, dst = L.alias("src"), L.alias("dst")
    stmt = (
        select(
            M,
            I_.c.sku,
            I_.c.name,
            I_.c.unit,
            src.c.code.label("from_code"),
            dst.c.code.label("to_code"),
            src.c.kind.label("from_kind"),
        )
        .join(I_, I_.c.id == M.c.item_id)
        .join(src, src.c.id == M.c.from_location_id)
        .join(dst, dst.c.id == M.c.to_location_id)
        .where(M.c.doc_number == number)
        .order_by(M.c.id)
    )
    return [
        DocumentLineRow(
            line_no=n,
            item_id=r.item_id,
            sku=r.sku,
            item_name=r.name,
            unit=r.unit,
            location_code=r.to_code if str(r.from_kind) in VIRTUAL else r.from_code,
            quantity=r.quantity,
            batch=r.batch,
            serial=r.serial,
            expiry=r.expiry,
            from_code=r.from_code,
            to_code=r.to_code,
        )
        for n, r in enumerate(session.execute(stmt), 1)
    ]


# --- warehouses and bins ----------------------------------------------------------------


@dataclass(frozen=True)
class LocationRow:
    id: int
    code: str
    name: str
    kind: str
    warehouse_code: str
    active: bool
    on_hand: Decimal
    items: int
    cursor: tuple


def location_page(session: Session, page: Page) -> list[LocationRow]:
    """Warehouses, bins, quarantine and scrap with what they hold and how many items have
    them as their bin; filters ``active`` (True/False) and ``kind``."""
    filters = page.filters or {}
    parent = L.alias("parent")
    # summed for the page's places only (by the balances' and items' place indexes)
    held = (
        select(func.coalesce(func.sum(type_coerce(B.c.quantity, BigInteger)), 0))
        .where(B.c.location_id == L.c.id)
        .correlate(L)
        .scalar_subquery()
    )
    placed = select(func.count()).where(I_.c.bin_id == L.c.id).correlate(L).scalar_subquery()
    sorts: dict[str, ColumnElement] = {
        "code": L.c.code,
        "name": L.c.name,
        "kind": L.c.kind,
        "warehouse_code": func.coalesce(parent.c.code, ""),
    }
    sort_col = sorts.get(page.sort_key, L.c.code)
    stmt = (
        select(
            L,
            func.coalesce(parent.c.code, "").label("warehouse_code"),
            held.label("held"),
            placed.label("items"),
            sort_col.label("sort_value"),
        )
        .outerjoin(parent, parent.c.id == L.c.parent_id)
        .where(L.c.kind.in_(LIST_KINDS))
    )
    if page.search.strip():
        stmt = stmt.where(or_(_ilike(L.c.code, page.search), _ilike(L.c.name, page.search)))
    if filters.get("active") is not None:
        stmt = stmt.where(L.c.active == bool(filters["active"]))
    if filters.get("kind"):
        stmt = stmt.where(L.c.kind == str(filters["kind"]))
    rows = session.execute(keyset(stmt, sort_col, [L.c.id], page))
    return [
        LocationRow(
            id=r.id,
            code=r.code,
            name=r.name,
            kind=str(r.kind),
            warehouse_code=r.warehouse_code,
            active=r.active,
            on_hand=(Decimal(int(r.held)) / 1000).quantize(Decimal("0.001")),
            items=int(r.items),
            cursor=(r.sort_value, r.id),
        )
        for r in rows
    ]


def location_use(session: Session, location_id: int) -> tuple[bool, bool, int, int]:
    """(holds stock, has history, items with it as their bin, bins in use inside it)."""
    held = session.scalar(
        select(func.count()).where(B.c.location_id == location_id, B.c.quantity != 0)
    )
    history = [
        select(M.c.id).where(
            or_(M.c.from_location_id == location_id, M.c.to_location_id == location_id)
        ),
        select(D.c.id).where(D.c.location_id == location_id),
        select(DL.c.id).where(DL.c.location_id == location_id),
        select(t.picking_lines.c.id).where(t.picking_lines.c.location_id == location_id),
        select(t.delivery_lines.c.id).where(t.delivery_lines.c.location_id == location_id),
        select(B.c.item_id).where(B.c.location_id == location_id),
        select(L.c.id).where(L.c.parent_id == location_id),
    ]
    used = any(session.execute(stmt.limit(1)).first() for stmt in history)
    items = session.scalar(select(func.count()).where(I_.c.bin_id == location_id)) or 0
    children = (
        session.scalar(
            select(func.count()).where(L.c.parent_id == location_id, L.c.active.is_(True))
        )
        or 0
    )
    return bool(held), used, int(items), int(children)


# --- the movement ledger (库存流水) -------------------------------------------------------


@dataclass(frozen=True)
class LedgerRow:
    """One move; ``from_code`` / ``to_code`` are codes, or for the virtual ends their
    (translatable) names."""

    id: int
    day: date
    doc_type: str
    doc_number: str
    from_code: str
    to_code: str
    batch: str
    serial: str
    quantity_in: Decimal
    quantity_out: Decimal
    balance: Decimal
    user: str
    cursor: tuple


NO_DATE = date(2000, 1, 1)


def ledger_page(session: Session, page: Page) -> list[LedgerRow]:
    """Every move of the item (filter ``item_id``, required) in or out of a place (filter
    ``location_id``: a warehouse with its bins; none: every real location), by document
    date, with the running balance after each; sorted by date (``descending`` for newest
    first)."""
    filters = page.filters or {}
    item_id = int(filters.get("item_id") or 0)
    location_id = int(filters.get("location_id") or 0) or None
    src, dst = L.alias("src"), L.alias("dst")
    raw = type_coerce(M.c.quantity, BigInteger)
    into = case((in_place(dst, location_id), raw), else_=0)
    out_of = case((in_place(src, location_id), raw), else_=0)
    day = func.coalesce(D.c.doc_date, DV.c.delivery_date, literal(NO_DATE, Date))
    inner = (
        select(
            M.c.id,
            day.label("day"),
            M.c.doc_type,
            M.c.doc_number,
            case((src.c.kind.in_(VIRTUAL), src.c.name), else_=src.c.code).label("from_code"),
            case((dst.c.kind.in_(VIRTUAL), dst.c.name), else_=dst.c.code).label("to_code"),
            M.c.batch,
            M.c.serial,
            M.c.user,
            type_coerce(into, QuantityType()).label("quantity_in"),
            type_coerce(out_of, QuantityType()).label("quantity_out"),
            type_coerce(func.sum(into - out_of).over(order_by=(day, M.c.id)), QuantityType()).label(
                "balance"
            ),
        )
        .join(src, src.c.id == M.c.from_location_id)
        .join(dst, dst.c.id == M.c.to_location_id)
        .outerjoin(D, D.c.number == M.c.doc_number)
        .outerjoin(DV, DV.c.number == M.c.doc_number)
        .where(
            M.c.item_id == item_id,
            or_(in_place(src, location_id), in_place(dst, location_id)),
        )
        .subquery("ledger")
    )
    stmt = select(inner)
    rows = session.execute(keyset(stmt, inner.c.day, [inner.c.id], page))
    return [
        LedgerRow(
            id=r.id,
            day=r.day,
            doc_type=r.doc_type,
            doc_number=r.doc_number,
            from_code=r.from_code,
            to_code=r.to_code,
            batch=r.batch,
            serial=r.serial,
            quantity_in=r.quantity_in,
            quantity_out=r.quantity_out,
            balance=r.balance,
            user=r.user,
            cursor=(r.day, r.id),
        )
        for r in rows
    ]
