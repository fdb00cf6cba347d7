"""Flat cost: the posting steps for a customer with a short and with a long payment history.

Two customers of one shop: one with ``few`` paid invoices behind it, one with ``many`` (bulk
written, see :func:`benchmarks.dataset.history`).  Each step of the order-to-cash flow is
timed for both, in turn; the ratio many/few should stay near 1.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from pathlib import Path

from benchmarks import dataset, posting
from benchmarks.harness import Report, Row, Scale
from retailerp.domain.security import Actor
from retailerp.persistence import migrate
from retailerp.persistence.engine import open_database
from retailerp.services import Services

TIMED = ("confirm", "ship", "invoice", "payment")


def bench(scale: Scale, folder: Path, report: Report) -> None:
    few, many = scale.history
    db = open_database(folder / "history.db", journal_mode="wal")
    migrate.upgrade(db)
    services = Services.over(db, actor=Actor("owner"))
    shop = posting.seed(services)
    other = services.customers.create(
        {
            "code": "P002",
            "name": "北京百盛 Bench",
            "credit_limit": "9000000",
            "payment_terms_days": "30",
        }
    )
    long_shop = posting.Shop(other.id or 0, shop.items)
    dataset.history(db, shop.customer, few)
    dataset.history(db, long_shop.customer, many)
    times: dict[str, dict[str, list[float]]] = {"few": defaultdict(list), "many": defaultdict(list)}
    posting.flow(services, shop)
    posting.flow(services, long_shop)
    for _ in range(max(3, scale.repeat * 2)):
        for key, who in (("few", shop), ("many", long_shop)):
            posting.flow(services, who, lambda step, s, key=key: times[key][step].append(s))
    for step in TIMED:
        a = statistics.median(times["many"][step]) * 1000
        b = statistics.median(times["few"][step]) * 1000
        report.add(Row(f"{step} with {many:,} payments behind vs {few}", a, "ms", b, a / b))
    db.dispose()
