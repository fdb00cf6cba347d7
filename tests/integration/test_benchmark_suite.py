"""The benchmark suite keeps working (run at its tiny size; no timing is asserted), and the
bulk data set keeps the invariants the services keep."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from benchmarks import dataset, dataset_later
from sqlalchemy import func, select

from retailerp.domain.money import Money
from retailerp.persistence import integrity, migrate
from retailerp.persistence import tables as t
from retailerp.persistence.engine import open_database
from retailerp.persistence.unit_of_work import read
from retailerp.services import Page
from support.dbtools import as_owner

ROOT = Path(__file__).resolve().parents[2]


def test_bulk_data_set_keeps_ledger_numbers_and_money_straight(tmp_path: Path) -> None:
    db = open_database(tmp_path / "bulk.db")
    migrate.upgrade(db)
    size = dataset.Size(customers=30, items=12, orders=40)
    made = dataset.generate(db, size, seed=3)
    assert made.rows["sales_orders"] == 40 and made.rows["sales_order_lines"] == 200
    assert made.rows["stock_moves"] >= 2 * 200
    s = as_owner(db)
    assert s.stock.ledger_mismatches() == []

    def figures(uow):  # noqa: ANN001, ANN202
        session = uow.session
        numbers = sorted(session.scalars(select(t.sales_orders.c.number)))
        s = t.number_series
        last = dict(session.execute(select(s.c.year, s.c.last).where(s.c.doc_type == "SO")).all())
        allocated = session.scalar(select(func.sum(t.payment_allocations.c.amount)))
        paid = session.scalar(select(func.sum(t.invoices.c.paid)))
        return numbers, last, allocated, paid

    numbers, last, allocated, paid = read(db, figures)
    by_year: dict[int, list[int]] = {}
    for number in numbers:  # SO2026-000001: gapless within each year, the series at the last
        by_year.setdefault(int(number[2:6]), []).append(int(number.split("-")[1]))
    assert {year: seq for year, seq in by_year.items()} == {
        year: list(range(1, last[year] + 1)) for year in last
    }
    assert allocated == paid
    # the next order posted through the services takes the next number and ships from the
    # bulk stock
    customer = s.customers.page(Page(limit=1))[0]
    item = s.items.page(Page(limit=1))[0]
    order = s.orders.create(
        customer.id, {"payment_mode": "credit"}, [{"item_id": item.id, "quantity": "1"}]
    )
    year = int(order.number[2:6])
    assert order.number == f"SO{year}-{last.get(year, 0) + 1:06d}"
    order = s.orders.confirm(order.id, order.version)
    s.orders.start_picking(order.id, order.version)
    delivery = s.orders.ship(order.id, s.orders.get(order.id).version)
    invoice = s.invoices.invoice([delivery.id])
    assert invoice.gross > Money(0)
    assert s.stock.ledger_mismatches() == []
    db.dispose()


def test_later_areas_join_the_data_set_through_the_services(tmp_path: Path) -> None:
    db = open_database(tmp_path / "bulk.db")
    migrate.upgrade(db)
    dataset.generate(db, dataset.Size(customers=30, items=12, orders=400), seed=5)
    later = dataset_later.add(db, 400)
    assert later.refused == {}
    assert later.made == {
        "returns credited": 2, "allowances": 2, "complaints": 2, "consignment fill-ups": 1,
    }  # fmt: skip
    assert integrity.check(db) == []  # ledger, numbers, red ≤ blue, consignment, money
    s = as_owner(db)
    reds = s.red_invoices.page(Page(limit=10))
    assert len(reds) == 4 and {row.state for row in reds} == {"issued"}
    db.dispose()


def test_suite_runs_at_tiny_size(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    table = tmp_path / "results.md"
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "run", "--size", "tiny", "--markdown", str(table)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=1200, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    text = table.read_text(encoding="utf-8")
    for figure in (
        "posting orders/s, SQLite WAL",
        "posting orders/s, SQLite DELETE",
        "statements per order",
        "settings reads per order",
        "confirm with 100 payments behind vs 10",
        "print 1-page delivery note",
        "print 100-line delivery note",
        "start-up to idle main window",
        "start, idle, close and end (whole process)",
        "first page of customers",
        "customer search, pinyin initials",
        "-line order (service",
        "one item's stock balance",
        "-line order's card",
        "UI stall: open the window",
        "UI stall: show customers, first time",
        "UI stall: type 'shhl' into customers",
        "UI stall: print preview of a delivery note",
        "peak memory",
    ):
        assert figure in text, figure
