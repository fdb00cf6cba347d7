"""How the customer list behaves at 100,000 customers: first page, deep pages, search.

Run: .venv/bin/python benchmarks/bench_customer_list.py [COUNT]   (default 100000)
Results are written down in benchmarks/RESULTS.md.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from retailerp.demo import customer_rows
from retailerp.domain.security import Actor, Role
from retailerp.persistence import migrate
from retailerp.persistence.engine import open_database
from retailerp.services import Page, Services


def timed(fn, repeat: int = 20) -> float:  # noqa: ANN001
    """Median milliseconds of ``fn()`` over ``repeat`` runs."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main(count: int) -> None:
    folder = Path(tempfile.mkdtemp())
    db = open_database(folder / "bench.db")
    migrate.upgrade(db)
    services = Services.over(db, actor=Actor("bench", Role.OWNER))
    rows = customer_rows(random.Random(1), count)
    for n, row in enumerate(rows, 1):  # unique names for a realistic index
        row["code"] = f"C{n:07d}"
    start = time.perf_counter()
    for chunk in range(0, count, 5000):
        services.customers.import_many(rows[chunk : chunk + 5000])
    print(f"import {count} customers: {time.perf_counter() - start:.1f} s")
    c = services.customers
    first = c.page(Page(limit=200))
    print(f"first page (200, by name): {timed(lambda: c.page(Page(limit=200))):.1f} ms")
    deep = first
    for _ in range(200):  # walk 40,000 rows deep, page by page
        deep = c.page(Page(limit=200, after=deep[-1].cursor))
    print(
        f"page after 40,000 rows: "
        f"{timed(lambda: c.page(Page(limit=200, after=deep[-1].cursor))):.1f} ms"
    )
    for text in ("上海华联", "华联", "上", "138", "Lotus"):
        ms = timed(lambda text=text: c.page(Page(search=text, limit=200)))
        print(f"search {text!r}: {ms:.1f} ms, {len(c.page(Page(search=text, limit=200)))} rows")
    ms = timed(lambda: c.page(Page(sort_key="credit_limit", descending=True, limit=200)))
    print(f"sorted by credit limit, descending: {ms:.1f} ms")
    tracemalloc.start()
    page = c.page(Page(limit=200))
    for _ in range(50):
        page = c.page(Page(limit=200, after=page[-1].cursor))
    print(f"peak Python memory for 51 pages: {tracemalloc.get_traced_memory()[1] / 1e6:.1f} MB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
