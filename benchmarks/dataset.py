"""A large data set written by bulk Core inserts, keeping every invariant of the ledger.

Years of a shop's history in minutes: customers, items in bins, goods receipts, and orders
that went the whole way (confirmed, picked, shipped, invoiced and — but for the latest —
paid), each with its picking list, delivery, stock moves, invoice, payment and revenue entry.
What holds afterwards, as if every document had been posted through the services:

- the stock balances are the sum of the ledger per item, location and key (``db check``);
- every number series is gapless and its ``last`` is the highest number used, so the next
  document posted through the services takes the next number;
- invoices are paid by their allocations, orders are in the state their documents say.

The services are not used (they would take hours at this size); the rows are the ones they
write.  ``generate(db, SIZES["large"])`` makes 100,000 customers, 20,000 items, 200,000
orders with 1,000,000 lines and 2,000,000 stock moves.
"""

from __future__ import annotations

import json
import random
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from retailerp.domain.money import LineAmounts, Money, line_amounts
from retailerp.domain.numbering import DocumentType, format_number
from retailerp.domain.pinyin import initials, sort_key
from retailerp.domain.stock import CUSTOMERS, MAIN_WAREHOUSE, SUPPLIERS
from retailerp.persistence import tables as t
from retailerp.persistence.engine import Database

USER = "bulk"
VAT = Decimal("0.13")
CHUNK = 5_000
"""Orders written per round (bounded memory at any size)."""


@dataclass(frozen=True)
class Size:
    customers: int
    items: int
    orders: int
    lines_per_order: int = 5
    receipt_lines: int = 10
    """Lines per goods receipt."""

    @property
    def lines(self) -> int:
        return self.orders * self.lines_per_order


SIZES = {
    "tiny": Size(customers=200, items=50, orders=200),
    "small": Size(customers=10_000, items=2_000, orders=20_000),
    "large": Size(customers=100_000, items=20_000, orders=200_000),
}


@dataclass
class Made:
    """What :func:`generate` wrote, and how long it took."""

    rows: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    seconds: float = 0.0

    def line(self) -> str:
        counts = ", ".join(f"{name} {count:,}" for name, count in self.rows.items())
        return f"{counts} in {self.seconds:.1f} s"


class _Numbers:
    """Gapless sequences per (document type, year), continued from what the file holds."""

    def __init__(self, conn: Connection) -> None:
        s = t.number_series
        self.last = {
            (DocumentType(kind), year): last
            for kind, year, last in conn.execute(select(s.c.doc_type, s.c.year, s.c.last))
        }

    def take(self, kind: DocumentType, day: date) -> str:
        key = (kind, day.year)
        self.last[key] = self.last.get(key, 0) + 1
        return format_number(kind, day.year, self.last[key])

    def store(self, conn: Connection) -> None:
        s = t.number_series
        known = {
            (DocumentType(k), y): i
            for i, k, y in conn.execute(select(s.c.id, s.c.doc_type, s.c.year))
        }
        for (kind, year), last in self.last.items():
            if (kind, year) in known:
                conn.execute(s.update().where(s.c.id == known[(kind, year)]).values(last=last))
            else:
                conn.execute(s.insert().values(doc_type=kind, year=year, last=last))


class _Ids:
    """The next free id of each table (ids are given here so rows can name each other)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.next: dict[str, int] = {}

    def take(self, table: Any) -> int:
        name = table.name
        if name not in self.next:
            self.next[name] = (self.conn.scalar(select(func.max(table.c.id))) or 0) + 1
        value = self.next[name]
        self.next[name] = value + 1
        return value


def generate(
    db: Database, size: Size, *, seed: int = 7, today: date | None = None, progress: Any = None
) -> Made:
    """Fill ``db`` (migrated; its documents may be empty or not) with ``size`` of history."""
    rng = random.Random(seed)
    today = today or date.today()
    made = Made()
    start = time.perf_counter()
    say = progress or (lambda _text: None)
    with db.write_engine.begin() as conn:
        ids = _Ids(conn)
        locations = {
            code: i for i, code in conn.execute(select(t.locations.c.id, t.locations.c.code))
        }
        bins = _bins(conn, ids, locations, made)
        customers = _customers(conn, ids, rng, size.customers, today, made)
        say(f"{size.customers:,} customers")
        items = _items(conn, ids, rng, size.items, bins, made)
        say(f"{size.items:,} items")
    numbers_holder: dict[str, _Numbers] = {}
    balances: dict[tuple[int, int], Decimal] = defaultdict(Decimal)
    delivered: dict[int, Decimal] = defaultdict(Decimal)
    first_day = today - timedelta(days=365)
    with db.write_engine.begin() as conn:
        numbers_holder["n"] = _Numbers(conn)
        ids = _Ids(conn)
    for chunk_start in range(0, size.orders, CHUNK):
        with db.write_engine.begin() as conn:
            ids.conn = conn
            _orders(
                conn,
                ids,
                numbers_holder["n"],
                rng,
                range(chunk_start, min(size.orders, chunk_start + CHUNK)),
                size,
                customers,
                items,
                (first_day, today),
                locations[CUSTOMERS],
                delivered,
                balances,
                made,
            )
        say(f"{min(size.orders, chunk_start + CHUNK):,} orders")
    with db.write_engine.begin() as conn:
        ids.conn = conn
        _receipts(
            conn, ids, numbers_holder["n"], rng, size, items, delivered, first_day,
            locations[SUPPLIERS], balances, made,
        )  # fmt: skip
        _balances(conn, balances, made)
        numbers_holder["n"].store(conn)
        made.seconds = time.perf_counter() - start
        _audit(conn, json.dumps({k: v for k, v in made.rows.items()}, sort_keys=True))
    made.seconds = time.perf_counter() - start
    return made


def _audit(conn: Connection, detail: str) -> None:
    """The one audit entry of the generation, sealed onto the chain like any other."""
    from sqlalchemy.orm import Session

    from retailerp.persistence.audit_trail import Pending, append

    session = Session(bind=conn)
    entry = Pending(at=_now(), username=USER, pc="bulk", action="dataset.generate",
                    entity="database", entity_id="bulk", document="", detail=detail)  # fmt: skip
    append(session, [entry])
    session.flush()


def _now() -> datetime:
    return datetime.now(UTC)


def _bins(
    conn: Connection, ids: _Ids, locations: dict[str, int], made: Made
) -> list[tuple[int, str]]:
    warehouse = locations[MAIN_WAREHOUSE]
    rows, bins = [], []
    for n in range(1, 41):
        code = f"Z-{n:02d}"
        if code in locations:
            bins.append((locations[code], code))
            continue
        new_id = ids.take(t.locations)
        rows.append(
            {"id": new_id, "code": code, "name": code, "kind": "bin", "parent_id": warehouse,
             "customer_id": None, "active": True}
        )  # fmt: skip
        bins.append((new_id, code))
    if rows:
        _insert(conn, t.locations, rows)
        made.rows["locations"] += len(rows)
    return bins


TRADE = [
    "华联",
    "百盛",
    "鑫源",
    "恒达",
    "永辉",
    "佳和",
    "东方",
    "金桥",
    "瑞丰",
    "万家",
    "Lotus",
    "Jade",
]
CITY = ["上海", "北京", "广州", "深圳", "杭州", "南京", "苏州", "成都", "Harbour", "Summit"]
KIND = ["商贸有限公司", "超市", "便利店", "食品有限公司", " Trading Co.", " Stores"]
GOODS = ["绿茶", "酱油", "大米", "食用油", "纸巾", "矿泉水", "饼干", "Kettle", "Soap", "Rice"]


def _customers(
    conn: Connection, ids: _Ids, rng: random.Random, count: int, today: date, made: Made
) -> list[int]:
    result = []
    base = ids.take(t.customers)
    ids.next["customers"] = base
    for start in range(0, count, CHUNK):
        rows = []
        for n in range(start, min(count, start + CHUNK)):
            new_id = ids.take(t.customers)
            name = f"{rng.choice(CITY)}{rng.choice(TRADE)}{rng.choice(KIND)}{n}"
            rows.append(
                {
                    "id": new_id, "code": f"B{new_id:07d}", "name": name,
                    "phone": f"1{rng.randint(30, 99)}{rng.randint(0, 99_999_999):08d}",
                    "address": f"{rng.choice(CITY)} {rng.randint(1, 999)} 号",
                    "payment_terms_days": 30, "credit_limit": Money.of(1_000_000),
                    "computed_class": "C", "status": "active",
                    "created_on": today - timedelta(days=400), "version": 1,
                    "name_pinyin": sort_key(name), "name_initials": initials(name),
                }
            )  # fmt: skip
            result.append(new_id)
        _insert(conn, t.customers, rows)
    made.rows["customers"] += count
    return result


@dataclass(frozen=True)
class _Item:
    id: int
    price: Money
    bin_id: int
    bin_code: str


def _items(
    conn: Connection, ids: _Ids, rng: random.Random, count: int, bins: list[tuple[int, str]],
    made: Made,
) -> list[_Item]:  # fmt: skip
    result, rows = [], []
    for n in range(count):
        new_id = ids.take(t.items)
        name = f"{rng.choice(GOODS)} {n}"
        price = Money.of(Decimal(rng.randint(100, 50_000)) / 100)
        bin_id, bin_code = bins[n % len(bins)]
        rows.append(
            {
                "id": new_id, "sku": f"BK{new_id:07d}", "name": name, "unit": "pcs",
                "price": price, "vat_rate": VAT, "tracking": "none", "bin_id": bin_id,
                "active": True, "version": 1, "min_stock": Decimal(0),
                "name_pinyin": sort_key(name), "name_initials": initials(name),
            }
        )  # fmt: skip
        result.append(_Item(new_id, price, bin_id, bin_code))
    for start in range(0, len(rows), CHUNK):
        _insert(conn, t.items, rows[start : start + CHUNK])
    made.rows["items"] += count
    return result


def _days(span: tuple[date, date], index: int, count: int) -> date:
    first, last = span
    return first + timedelta(days=(last - first).days * index // max(1, count))


_AMOUNTS: dict[tuple[int, int], LineAmounts] = {}


def _amounts(item: _Item, quantity: int) -> LineAmounts:
    key = (item.id, quantity)
    if key not in _AMOUNTS:
        _AMOUNTS[key] = line_amounts(Decimal(quantity), item.price, VAT)
    return _AMOUNTS[key]


def _orders(
    conn: Connection,
    ids: _Ids,
    numbers: _Numbers,
    rng: random.Random,
    indexes: range,
    size: Size,
    customers: list[int],
    items: list[_Item],
    span: tuple[date, date],
    customers_location: int,
    delivered: dict[int, Decimal],
    balances: dict[tuple[int, int], Decimal],
    made: Made,
) -> None:
    rows: dict[str, list[dict]] = defaultdict(list)
    unpaid_from = int(size.orders * 0.95)
    at = _now()
    for index in indexes:
        day = _days(span, index, size.orders)
        customer = customers[rng.randrange(len(customers))]
        paid = index < unpaid_from
        _one_order(
            rows, ids, numbers, rng, day, customer, rng.sample(items, size.lines_per_order),
            paid, at, customers_location, delivered, balances,
        )  # fmt: skip
    for table in (
        t.sales_orders, t.sales_order_lines, t.picking_lists, t.picking_lines, t.invoices,
        t.deliveries, t.delivery_lines, t.invoice_lines, t.stock_moves, t.payments,
        t.payment_allocations, t.revenue_entries,
    ):  # fmt: skip
        if rows[table.name]:
            _insert(conn, table, rows[table.name])
            made.rows[table.name] += len(rows[table.name])


def _one_order(
    rows: dict[str, list[dict]],
    ids: _Ids,
    numbers: _Numbers,
    rng: random.Random,
    day: date,
    customer: int,
    chosen: list[_Item],
    paid: bool,
    at: datetime,
    customers_location: int,
    delivered: dict[int, Decimal],
    balances: dict[tuple[int, int], Decimal],
) -> None:
    order_id, picking_id = ids.take(t.sales_orders), ids.take(t.picking_lists)
    delivery_id, invoice_id = ids.take(t.deliveries), ids.take(t.invoices)
    delivery_number = numbers.take(DocumentType.DELIVERY, day)
    net = vat = Money.zero()
    for line_no, item in enumerate(chosen, 1):
        quantity = rng.randint(1, 10)
        qty = Decimal(quantity)
        amounts = _amounts(item, quantity)
        net, vat = net + amounts.net, vat + amounts.vat
        line_id, pick_id, dline_id = (
            ids.take(t.sales_order_lines),
            ids.take(t.picking_lines),
            ids.take(t.delivery_lines),
        )
        rows["sales_order_lines"].append(
            {"id": line_id, "order_id": order_id, "line_no": line_no, "item_id": item.id,
             "quantity": qty, "unit_price": item.price, "discount": Decimal(0), "vat_rate": VAT,
             "reserved": Decimal(0), "shipped": qty, "cancelled": Decimal(0)}
        )  # fmt: skip
        rows["picking_lines"].append(
            {"id": pick_id, "picking_id": picking_id, "line_no": line_no,
             "order_line_id": line_id, "item_id": item.id, "location_id": item.bin_id,
             "bin_code": item.bin_code, "quantity": qty, "batch": "", "serial": "",
             "expiry": None}
        )  # fmt: skip
        rows["delivery_lines"].append(
            {"id": dline_id, "delivery_id": delivery_id, "line_no": line_no,
             "order_line_id": line_id, "item_id": item.id, "location_id": item.bin_id,
             "quantity": qty, "unit_price": item.price, "discount": Decimal(0), "vat_rate": VAT,
             "batch": "", "serial": "", "expiry": None}
        )  # fmt: skip
        rows["invoice_lines"].append(
            {"id": ids.take(t.invoice_lines), "invoice_id": invoice_id, "line_no": line_no,
             "delivery_line_id": dline_id, "consignment_line_id": None, "item_id": item.id,
             "quantity": qty, "unit_price": item.price, "discount": Decimal(0), "vat_rate": VAT,
             "net": amounts.net, "vat": amounts.vat, "gross": amounts.gross}
        )  # fmt: skip
        rows["stock_moves"].append(
            {"id": ids.take(t.stock_moves), "item_id": item.id, "quantity": qty,
             "from_location_id": item.bin_id, "to_location_id": customers_location,
             "batch": "", "serial": "", "expiry": None, "doc_type": DocumentType.DELIVERY.value,
             "doc_number": delivery_number, "user": USER, "at": at, "reverses_id": None}
        )  # fmt: skip
        delivered[item.id] += qty
        balances[(item.id, item.bin_id)] -= qty
        balances[(item.id, customers_location)] += qty
    gross = net + vat
    order_number = numbers.take(DocumentType.SALES_ORDER, day)
    invoice_number = numbers.take(DocumentType.INVOICE, day)
    rows["sales_orders"].append(
        {"id": order_id, "number": order_number, "customer_id": customer, "order_date": day,
         "requested_date": None, "payment_mode": "credit", "state": "paid" if paid else "invoiced",
         "note": "", "override_by": "", "override_reason": "", "short_reason": "",
         "prepaid": Money.zero(), "invoiced": gross, "created_by": USER, "version": 6,
         "updated_by": USER, "updated_at": at}
    )  # fmt: skip
    rows["picking_lists"].append(
        {"id": picking_id, "number": numbers.take(DocumentType.PICKING_LIST, day),
         "order_id": order_id, "state": "done", "created_by": USER, "created_at": at}
    )  # fmt: skip
    rows["invoices"].append(
        {"id": invoice_id, "number": invoice_number, "customer_id": customer,
         "invoice_date": day, "due_date": day + timedelta(days=30), "net": net, "vat": vat,
         "gross": gross, "paid": gross if paid else Money.zero(), "posted_by": USER,
         "posted_at": at, "e_invoice_number": None}
    )  # fmt: skip
    rows["deliveries"].append(
        {"id": delivery_id, "number": delivery_number, "order_id": order_id,
         "customer_id": customer, "picking_id": picking_id, "invoice_id": invoice_id,
         "delivery_date": day, "posted_by": USER, "posted_at": at}
    )  # fmt: skip
    rows["revenue_entries"].append(
        {"id": ids.take(t.revenue_entries), "customer_id": customer, "booked_on": day,
         "net_amount": net, "source": invoice_number}
    )  # fmt: skip
    if paid:
        payment_id = ids.take(t.payments)
        rows["payments"].append(
            {"id": payment_id, "number": numbers.take(DocumentType.PAYMENT, day),
             "customer_id": customer, "order_id": None, "received_on": day, "amount": gross,
             "method": "bank", "reference": "", "posted_by": USER, "posted_at": at}
        )  # fmt: skip
        rows["payment_allocations"].append(
            {"id": ids.take(t.payment_allocations), "payment_id": payment_id,
             "invoice_id": invoice_id, "amount": gross, "refund_id": None}
        )  # fmt: skip


def _receipts(
    conn: Connection,
    ids: _Ids,
    numbers: _Numbers,
    rng: random.Random,
    size: Size,
    items: list[_Item],
    delivered: dict[int, Decimal],
    first_day: date,
    suppliers: int,
    balances: dict[tuple[int, int], Decimal],
    made: Made,
) -> None:
    """Goods receipts before the first order, as many lines as the deliveries have (so the
    ledger holds about twice the order lines), covering every delivery with stock left."""
    per_item = max(1, -(-size.lines // max(1, len(items))))
    at = _now()
    lines = [(item, part) for item in items for part in range(per_item)]
    rng.shuffle(lines)
    rows: dict[str, list[dict]] = defaultdict(list)
    for start in range(0, len(lines), size.receipt_lines):
        day = first_day - timedelta(days=1)
        doc_id = ids.take(t.stock_documents)
        number = numbers.take(DocumentType.GOODS_RECEIPT, day)
        rows["stock_documents"].append(
            {"id": doc_id, "doc_type": "GR", "number": number, "doc_date": day,
             "location_id": lines[start][0].bin_id, "partner": "Bulk supplier", "note": "",
             "posted_by": USER, "posted_at": at, "reverses_id": None, "reverses_number": None}
        )  # fmt: skip
        for line_no, (item, part) in enumerate(lines[start : start + size.receipt_lines], 1):
            qty = _received(delivered[item.id], per_item, part)
            rows["stock_document_lines"].append(
                {"id": ids.take(t.stock_document_lines), "document_id": doc_id,
                 "line_no": line_no, "item_id": item.id, "quantity": qty, "book_quantity": None,
                 "batch": "", "serial": "", "expiry": None, "unit_cost": Money.zero(),
                 "location_id": item.bin_id}
            )  # fmt: skip
            rows["stock_moves"].append(
                {"id": ids.take(t.stock_moves), "item_id": item.id, "quantity": qty,
                 "from_location_id": suppliers, "to_location_id": item.bin_id, "batch": "",
                 "serial": "", "expiry": None, "doc_type": "GR", "doc_number": number,
                 "user": USER, "at": at, "reverses_id": None}
            )  # fmt: skip
            balances[(item.id, item.bin_id)] += qty
            balances[(item.id, suppliers)] -= qty
        if len(rows["stock_moves"]) >= CHUNK * 5:
            _flush(conn, rows, made)
    _flush(conn, rows, made)


def _received(delivered: Decimal, parts: int, part: int) -> Decimal:
    """One receipt line's share of what was delivered, plus 100 left in stock per item."""
    whole = int(delivered) + 100
    share = whole // parts + (1 if part < whole % parts else 0)
    return Decimal(max(share, 1))


def _flush(conn: Connection, rows: dict[str, list[dict]], made: Made) -> None:
    for table in (t.stock_documents, t.stock_document_lines, t.stock_moves):
        if rows[table.name]:
            _insert(conn, table, rows[table.name])
            made.rows[table.name] += len(rows[table.name])
            rows[table.name].clear()


def _balances(conn: Connection, balances: dict[tuple[int, int], Decimal], made: Made) -> None:
    b = t.stock_balances
    existing = {
        (i, loc): q
        for i, loc, q in conn.execute(
            select(b.c.item_id, b.c.location_id, b.c.quantity).where(b.c.stock_key == "")
        )
    }
    new: list[dict] = []
    for (item_id, location_id), qty in balances.items():
        if (item_id, location_id) in existing:
            conn.execute(
                b.update()
                .where(b.c.item_id == item_id, b.c.location_id == location_id, b.c.stock_key == "")
                .values(quantity=existing[(item_id, location_id)] + qty)
            )
        else:
            new.append(
                {"item_id": item_id, "location_id": location_id, "stock_key": "",
                 "quantity": qty, "expiry": None}
            )  # fmt: skip
    for start in range(0, len(new), CHUNK):
        _insert(conn, b, new[start : start + CHUNK])
    made.rows["stock_balances"] += len(new)


def history(db: Database, customer_id: int, count: int, items: list[_Item] | None = None) -> Made:
    """``count`` paid orders (one line each) of one customer: a long payment history."""
    made = Made()
    start = time.perf_counter()
    with db.write_engine.begin() as conn:
        ids = _Ids(conn)
        numbers = _Numbers(conn)
        locations = {
            code: i for i, code in conn.execute(select(t.locations.c.id, t.locations.c.code))
        }
        bins = _bins(conn, ids, locations, made)
        chosen = items or _items(conn, ids, random.Random(3), 1, bins, made)
        size = Size(customers=1, items=len(chosen), orders=count, lines_per_order=1)
        delivered: dict[int, Decimal] = defaultdict(Decimal)
        balances: dict[tuple[int, int], Decimal] = defaultdict(Decimal)
        today = date.today()
        rng = random.Random(5)
        rows: dict[str, list[dict]] = defaultdict(list)
        at = _now()
        for index in range(count):
            day = _days((today - timedelta(days=300), today - timedelta(days=1)), index, count)
            _one_order(
                rows, ids, numbers, rng, day, customer_id, [chosen[index % len(chosen)]], True,
                at, locations[CUSTOMERS], delivered, balances,
            )  # fmt: skip
        for table in (
            t.sales_orders, t.sales_order_lines, t.picking_lists, t.picking_lines, t.invoices,
            t.deliveries, t.delivery_lines, t.invoice_lines, t.stock_moves, t.payments,
            t.payment_allocations, t.revenue_entries,
        ):  # fmt: skip
            for part in _chunks(rows[table.name]):
                _insert(conn, table, part)
            made.rows[table.name] += len(rows[table.name])
        _receipts(
            conn, ids, numbers, rng, size, chosen, delivered, today - timedelta(days=301),
            locations[SUPPLIERS], balances, made,
        )  # fmt: skip
        _balances(conn, balances, made)
        numbers.store(conn)
    made.seconds = time.perf_counter() - start
    return made


def _insert(conn: Connection, table: Any, rows: list[dict]) -> None:
    """Insert ``rows`` (dicts of domain values) into ``table``.  On SQLite the column types'
    own bind processors convert the values and the driver's ``executemany`` writes them (a
    third of the time of a Core executemany, which spends most of it building parameters);
    elsewhere it is a Core executemany."""
    if not rows:
        return
    dialect = conn.dialect
    if dialect.name != "sqlite":
        conn.execute(table.insert(), rows)
        return
    defaults = {
        c.name: c.default.arg
        for c in table.c
        if c.name not in rows[0] and c.default is not None and c.default.is_scalar
    }
    rows = [{**defaults, **row} for row in rows] if defaults else rows
    columns = list(rows[0])
    convert = [table.c[name].type._cached_bind_processor(dialect) for name in columns]
    names = ", ".join(f'"{name}"' for name in columns)
    sql = f'INSERT INTO "{table.name}" ({names}) VALUES ({", ".join("?" * len(columns))})'
    pairs = list(zip(columns, convert, strict=True))
    values = [
        tuple(row[name] if fn is None else fn(row[name]) for name, fn in pairs) for row in rows
    ]
    conn.exec_driver_sql(sql, values)


def _chunks(rows: list[dict]) -> Iterator[list[dict]]:
    for start in range(0, len(rows), CHUNK):
        yield rows[start : start + CHUNK]
