"""Concurrency: four PCs make postings of every kind on one database at once.

Each PC is an OS process (``support/posting_worker.py``) cycling through receipts, sales
(order → invoice → payment), returns, red invoices, consignment, allowances on one shared
invoice line, edits of one shared customer card, payments of 1.00 from that customer and
sales of the last units of a scarce item.  SQLite in the shared-file DELETE journal mode, and
PostgreSQL.  ⌊12.5 × ``RETAILERP_SCALE``⌋ postings per PC (12 in CI, 250 at
``RETAILERP_SCALE=20``).

Every posting lands or is refused with a message; nothing is lost (each saved edit moved the
card's version by one, every payment is on the books), no number is handed out twice or
skipped, the scarce item is never oversold, red never goes above blue, and the database
passes every invariant of ``persistence/integrity.py`` at the end.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from retailerp.domain.money import Money
from retailerp.persistence import integrity
from retailerp.persistence import tables as t
from retailerp.persistence.unit_of_work import read
from support import postings, race
from support.race import TIMEOUT, expect, log_figures, open_target, release, start

target = race.target  # the fixture: the shared SQLite file, or PostgreSQL
PCS = 4
SCARCE_UNITS = 10


def run_pcs(target: str, ids: postings.ShopIds, per_pc: int) -> list[dict]:
    procs = [
        start("posting_worker.py", {"target": target, "ids": ids.to_json(), "count": per_pc,
                                    "seed": n, "user": f"pc{n + 1}"})
        for n in range(PCS)
    ]  # fmt: skip
    try:
        for proc in procs:
            expect(proc, "ready")
        for proc in procs:
            release(proc)
        most = TIMEOUT + 10 * per_pc * PCS  # a posting waits for the others' at worst
        return [race.report(proc, most) for proc in procs]
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.communicate(timeout=TIMEOUT)


@pytest.mark.slow
def test_four_pcs_posting_everything_at_once_lose_nothing(target: str, scale: int) -> None:
    db = open_target(target)
    try:
        s = postings.services_as(db, "owner")
        ids = postings.prepare(s, scarce_units=SCARCE_UNITS)
        version_before = s.customers.get(ids.shared_customer).version
        per_pc = 25 * scale // 2
        began = time.monotonic()
        reports = run_pcs(target, ids, per_pc)
        seconds = round(time.monotonic() - began)

        results = [r for report in reports for r in report["results"]]
        assert [len(r["results"]) for r in reports] == [per_pc] * PCS  # each landed or refused
        assert [m for m in (r.get("message") for r in results) if m is not None and not m] == []
        if db.is_sqlite:
            assert {r["journal_mode"] for r in reports} == {"delete"}
            assert not Path(target + "-wal").exists()
        ok = Counter(r["kind"] for r in results if r["outcome"] == "ok")
        refused = Counter(r["kind"] for r in results if r["outcome"] == "refused")

        numbers = [n for r in results if r["outcome"] == "ok" for n in r["numbers"]
                   if not n.startswith("v")]  # fmt: skip
        assert [n for n, times in Counter(numbers).items() if times > 1] == []
        on_file = {n for _what, n in read(db, integrity.numbers_used)}
        assert set(numbers) <= on_file  # every number a PC was given is a document

        card = s.customers.get(ids.shared_customer)
        assert card.version - version_before == ok["edit"]  # no edit lost or doubled

        assert s.stock.quantity(ids.scarce, "A-01") == Decimal(SCARCE_UNITS - ok["last_units"])
        assert ok["last_units"] <= SCARCE_UNITS  # never oversold
        for r in results:
            if r["kind"] == "last_units" and r["outcome"] == "refused":
                assert "SCARCE" in r["message"], r["message"]  # says which item is short

        [blue] = s.red_invoices.blue_lines(ids.shared_invoice)
        assert blue.credited_net <= blue.net  # red never above blue
        standing = [r for r in s.red_invoices.of_invoice(ids.shared_invoice) if r.state != "voided"]
        assert len(standing) == ok["allowance"]

        p = t.payments
        ones = read(db, lambda u: u.session.scalar(
            select(func.count()).select_from(p).where(
                p.c.customer_id == ids.shared_customer, p.c.amount == Money.of("1.00"))
        ))  # fmt: skip
        assert ones == ok["pay"]  # every payment is on the books

        assert [str(problem) for problem in integrity.check(db)] == []
        log_figures("concurrency", database="sqlite-delete" if db.is_sqlite else "postgres",
                    pcs=PCS, per_pc=per_pc, landed=sum(ok.values()),
                    refused=sum(refused.values()), ok=dict(ok), refused_by_kind=dict(refused),
                    messages=dict(Counter(re.sub(r"\d+", "#", f"{r['kind']}: {r['message']}")
                                          for r in results if r["outcome"] == "refused")),
                    seconds=seconds)  # fmt: skip
    finally:
        db.dispose()
