"""Posting a 5-line order to cash through the services, against raw ``sqlite3``.

The flow, each step its own service call and transaction: create → confirm → picking list →
(read the order) → ship → invoice → payment.  While RetailERP runs it, every statement it
sends is recorded (SQLAlchemy's ``before_cursor_execute``, with the commits and rollbacks).
Two baselines then start from a copy of the same file:

- **raw sqlite3**: the same rows — exactly the INSERTs, UPDATEs and DELETEs RetailERP sent,
  with their parameters — through bare ``sqlite3``, one ``BEGIN IMMEDIATE … COMMIT`` per step
  as RetailERP commits, with the same pragmas (``synchronous=FULL``).  This is what the file
  allows for these rows.
- **replay**: every statement RetailERP sent, reads too, through bare ``sqlite3``: what is
  left of RetailERP's time above the driver is ORM and service code.

Because each baseline starts from the same file the statements were recorded on, the ids and
numbers they carry are the ones that file hands out.
"""

from __future__ import annotations

import shutil
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import event

from benchmarks.harness import Report, Row, Scale, paired
from retailerp.domain.money import Money
from retailerp.domain.security import Actor
from retailerp.persistence import migrate
from retailerp.persistence.engine import Database, open_database
from retailerp.persistence.unit_of_work import written_table
from retailerp.services import Services

LINES = 5
STEPS = ("create", "confirm", "picking", "read", "ship", "invoice", "payment")


@dataclass(frozen=True)
class Shop:
    """The ids the flow posts against."""

    customer: int
    items: tuple[int, ...]


def seed(services: Services, code: str = "P001") -> Shop:
    """A customer on credit and five items with plenty of stock in one bin."""
    s = services
    bin_code = "P-01"
    bin_location = s.stock.add_bin(bin_code)
    customer = s.customers.create(
        {
            "code": code,
            "name": "上海华联超市 Bench",
            "credit_limit": "9000000",
            "payment_terms_days": "30",
        }
    )
    items = [
        s.items.create(
            {
                "sku": f"P-{n}",
                "name": f"测试商品 {n}",
                "price": "12.50",
                "vat_rate": "13",
                "bin": bin_code,
            }
        )
        for n in range(LINES)
    ]
    s.stock.receive(bin_location.id or 0, [{"item_id": i.id, "quantity": "1000000"} for i in items])
    return Shop(customer.id or 0, tuple(i.id or 0 for i in items))


def flow(s: Services, shop: Shop, clock: Callable[[str, float], None] | None = None) -> Money:
    """One order to cash; ``clock(step, seconds)`` hears how long each step took.  Returns
    the invoice's gross (what was paid)."""
    mark = time.perf_counter()

    def step(name: str) -> None:
        nonlocal mark
        now = time.perf_counter()
        if clock is not None:
            clock(name, now - mark)
        mark = now

    lines = [{"item_id": item, "quantity": "2"} for item in shop.items]
    order = s.orders.create(shop.customer, {"payment_mode": "credit"}, lines)
    step("create")
    order = s.orders.confirm(order.id or 0, order.version)
    step("confirm")
    s.orders.start_picking(order.id or 0, order.version)
    step("picking")
    order = s.orders.get(order.id or 0)
    step("read")
    delivery = s.orders.ship(order.id or 0, order.version)
    step("ship")
    invoice = s.invoices.invoice([delivery.id or 0])
    step("invoice")
    s.invoices.record_payment(shop.customer, invoice.gross, "bank")
    step("payment")
    return invoice.gross


# --- recording what RetailERP sends ----------------------------------------------------


@dataclass
class Transaction:
    statements: list[tuple[str, Any, bool]] = field(default_factory=list)
    committed: bool = False

    @property
    def writes(self) -> bool:
        return any(written_table(sql) for sql, _, _ in self.statements)


class Recorder:
    """Every statement an engine sends, grouped in transactions."""

    def __init__(self, db: Database) -> None:
        self.transactions: list[Transaction] = []
        self.commits = 0
        self.engine = db.engine
        self.sqlite = db.is_sqlite
        event.listen(self.engine, "before_cursor_execute", self._statement)
        event.listen(self.engine, "commit", self._commit)
        if not self.sqlite:  # PostgreSQL: no BEGIN statement, the transaction starts implicitly
            event.listen(self.engine, "begin", self._begin)

    def close(self) -> None:
        event.remove(self.engine, "before_cursor_execute", self._statement)
        event.remove(self.engine, "commit", self._commit)
        if not self.sqlite:
            event.remove(self.engine, "begin", self._begin)

    def _begin(self, _conn: Any) -> None:
        self.transactions.append(Transaction())

    def _statement(self, _c: Any, _cur: Any, sql: str, params: Any, _ctx: Any, many: bool) -> None:
        if (self.sqlite and sql.startswith("BEGIN")) or not self.transactions:
            self.transactions.append(Transaction())
        self.transactions[-1].statements.append((sql, params, many))

    def _commit(self, _conn: Any) -> None:
        self.commits += 1
        if self.transactions:
            self.transactions[-1].committed = True

    def statements(self) -> list[str]:
        return [sql for tx in self.transactions for sql, _, _ in tx.statements]


def raw_connection(path: Path, mode: str) -> sqlite3.Connection:
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA busy_timeout = 10000")
    actual = con.execute("PRAGMA journal_mode").fetchone()[0].lower()
    assert actual == mode, (actual, mode)
    con.execute("PRAGMA synchronous = FULL")
    con.execute("PRAGMA foreign_keys = ON")
    return con


def replay(con: sqlite3.Connection, transactions: list[Transaction], writes_only: bool) -> None:
    """Send the recorded statements (or only the writes) through bare sqlite3."""
    for tx in transactions:
        if writes_only and not tx.writes:
            continue
        for sql, params, many in tx.statements:
            if writes_only and not (sql.startswith("BEGIN") or written_table(sql)):
                continue
            if many and isinstance(params, list):
                con.executemany(sql, params)
            else:
                con.execute(sql, params).fetchall()
        con.execute("COMMIT" if tx.committed else "ROLLBACK")


# --- the benchmark ------------------------------------------------------------------------


@dataclass
class Template:
    path: Path
    mode: str
    shop: Shop


def template(folder: Path, mode: str) -> Template:
    path = folder / f"posting-{mode}.db"
    db = open_database(path, journal_mode=mode)
    migrate.upgrade(db)
    shop = seed(Services.over(db, actor=Actor("owner")))
    db.dispose()
    return Template(path, mode, shop)


@dataclass
class Run:
    """One RetailERP run: the seconds for the timed orders and what it sent."""

    seconds: float
    warmup: list[Transaction]
    timed: list[Transaction]
    commits: int


def service_run(base: Template, target: Path, orders: int) -> Run:
    shutil.copyfile(base.path, target)
    db = open_database(target, journal_mode=base.mode)
    services = Services.over(db, actor=Actor("owner"))
    recorder = Recorder(db)
    flow(services, base.shop)  # warm-up: a fresh engine compiles its statements once
    warm = len(recorder.transactions)
    commits_before = recorder.commits
    start = time.perf_counter()
    for _ in range(orders):
        flow(services, base.shop)
    elapsed = time.perf_counter() - start
    recorder.close()
    db.dispose()
    transactions = recorder.transactions
    return Run(elapsed, transactions[:warm], transactions[warm:], recorder.commits - commits_before)


def baseline_run(base: Template, target: Path, run: Run, writes_only: bool) -> float:
    shutil.copyfile(base.path, target)
    con = raw_connection(target, base.mode)
    replay(con, run.warmup, writes_only)
    start = time.perf_counter()
    replay(con, run.timed, writes_only)
    elapsed = time.perf_counter() - start
    con.close()
    return elapsed


def bench(scale: Scale, folder: Path, report: Report) -> None:
    for mode in ("wal", "delete"):
        base = template(folder, mode)
        runs: list[Run] = []

        def ours(base: Template = base, runs: list[Run] = runs) -> float:
            runs.append(service_run(base, folder / f"ours-{base.mode}.db", scale.orders))
            return scale.orders / runs[-1].seconds

        def raw(base: Template = base, runs: list[Run] = runs) -> float:
            seconds = baseline_run(base, folder / f"raw-{base.mode}.db", runs[-1], True)
            return scale.orders / seconds

        result = paired(ours, raw, scale.repeat)
        label = mode.upper()
        report.add(
            Row(f"posting orders/s, SQLite {label}", result.a, "orders/s", result.b,
                result.ratio, "raw sqlite3: the same rows, the same commits")
        )  # fmt: skip
        replayed = paired(
            lambda base=base, runs=runs: scale.orders / runs[-1].seconds,
            lambda base=base, runs=runs: (
                scale.orders
                / baseline_run(base, folder / f"replay-{base.mode}.db", runs[-1], False)
            ),
            max(1, scale.repeat // 2),
        )
        report.add(
            Row(f"posting vs replay of all its statements, {label}", replayed.a, "orders/s",
                replayed.b, replayed.ratio, "share of the time spent in the driver")
        )  # fmt: skip
        if mode == "wal":
            _counts(runs[-1], scale.orders, report)


def _counts(run: Run, orders: int, report: Report) -> None:
    statements = [sql for tx in run.timed for sql, _, _ in tx.statements]
    writes = [sql for sql in statements if written_table(sql)]
    settings = [sql for sql in statements if "FROM settings" in sql]
    report.add(
        Row("statements per order (all, with BEGIN and checks)", len(statements) / orders, "")
    )
    report.add(Row("writes per order (INSERT/UPDATE/DELETE)", len(writes) / orders, ""))
    report.add(Row("commits per order", run.commits / orders, ""))
    report.add(Row("settings reads per order", len(settings) / orders, ""))


def statement_profile(run: Run, orders: int) -> list[tuple[int, str]]:
    """How often each statement was sent per order, most frequent first (for profiling)."""
    counts: dict[str, int] = {}
    for tx in run.timed:
        for sql, _, _ in tx.statements:
            key = " ".join(sql.split())[:110]
            counts[key] = counts.get(key, 0) + 1
    return sorted(((n // max(1, orders), s) for s, n in counts.items()), reverse=True)


# --- PostgreSQL against raw psycopg --------------------------------------------------------


def _pg_admin(url: str) -> Any:
    import psycopg
    from sqlalchemy.engine import make_url

    u = make_url(url)
    return psycopg.connect(
        host=u.host, port=u.port, user=u.username, password=u.password, dbname="postgres",
        autocommit=True,
    )  # fmt: skip


def _pg_copy(admin: Any, source: str, target: str) -> None:
    admin.execute(f'DROP DATABASE IF EXISTS "{target}"')
    admin.execute(f'CREATE DATABASE "{target}" TEMPLATE "{source}"')


def _pg_replay(url: str, transactions: list[Transaction], writes_only: bool) -> float:
    import psycopg
    from sqlalchemy.engine import make_url

    u = make_url(url)
    con = psycopg.connect(
        host=u.host, port=u.port, user=u.username, password=u.password, dbname=u.database
    )
    start = time.perf_counter()
    for tx in transactions:
        if writes_only and not tx.writes:
            continue
        with con.cursor() as cur:
            for sql, params, many in tx.statements:
                if writes_only and not written_table(sql):
                    continue
                if many and isinstance(params, list):
                    cur.executemany(sql, params)
                else:
                    cur.execute(sql, params)
                    if cur.description is not None:
                        cur.fetchall()
        if tx.committed:
            con.commit()
        else:
            con.rollback()
    elapsed = time.perf_counter() - start
    con.close()
    return elapsed


def bench_postgres(scale: Scale, url: str, report: Report) -> None:
    """The same flow on PostgreSQL (``url`` names any database of a server we may create
    databases on) against raw psycopg sending RetailERP's writes with its commits."""
    from sqlalchemy.engine import make_url

    base = make_url(url)
    admin = _pg_admin(url)
    admin.execute('DROP DATABASE IF EXISTS "bench_template"')
    admin.execute('CREATE DATABASE "bench_template"')
    template_url = base.set(database="bench_template").render_as_string(hide_password=False)
    db = open_database(template_url)
    migrate.upgrade(db)
    shop = seed(Services.over(db, actor=Actor("owner")))
    db.dispose()
    runs: list[tuple[list[Transaction], list[Transaction]]] = []

    def ours() -> float:
        _pg_copy(admin, "bench_template", "bench_ours")
        target = base.set(database="bench_ours").render_as_string(hide_password=False)
        run_db = open_database(target)
        services = Services.over(run_db, actor=Actor("owner"))
        recorder = Recorder(run_db)
        flow(services, shop)
        warm = len(recorder.transactions)
        start = time.perf_counter()
        for _ in range(scale.orders):
            flow(services, shop)
        elapsed = time.perf_counter() - start
        recorder.close()
        run_db.dispose()
        runs.append((recorder.transactions[:warm], recorder.transactions[warm:]))
        return scale.orders / elapsed

    def raw() -> float:
        _pg_copy(admin, "bench_template", "bench_raw")
        target = base.set(database="bench_raw").render_as_string(hide_password=False)
        warmup, timed = runs[-1]
        _pg_replay(target, warmup, True)  # untimed, as RetailERP's warm-up order was
        return scale.orders / _pg_replay(target, timed, True)

    result = paired(ours, raw, scale.repeat)
    report.add(
        Row("posting orders/s, PostgreSQL", result.a, "orders/s", result.b, result.ratio,
            "raw psycopg: the same writes, the same commits")
    )  # fmt: skip
    for name in ("bench_ours", "bench_raw", "bench_template"):
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
    admin.close()
