"""``retailerp db integrity``: a clean demo database passes; each business invariant, broken
by hand with raw SQL on a copy of it, is reported in words naming the document, item or
number, and the command exits non-zero.  The same checks run on PostgreSQL."""

from __future__ import annotations

import random
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from retailerp import cli, demo
from retailerp.domain.integrity import IntegrityProblem
from retailerp.persistence import integrity, migrate
from retailerp.persistence.engine import open_database
from retailerp.persistence.errors import DatabaseProblem
from support import postings
from support.dbtools import services_for

SIZE = demo.DemoSize(customers=40, items=48, orders=40)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("integrity") / "demo.db"
    db = open_database(path, journal_mode="delete")
    try:
        migrate.upgrade(db)
        demo.fill(services_for(db, today=date(2026, 12, 1)), SIZE, language="en")
    finally:
        db.dispose()
    return path


@pytest.fixture
def copy(demo_file: Path, tmp_path: Path) -> Path:
    target = tmp_path / "copy.db"
    shutil.copyfile(demo_file, target)
    return target


def problems_of(path: Path) -> list[IntegrityProblem]:
    db = open_database(path, must_exist=True)
    try:
        return integrity.check(db)  # type: ignore[return-value]
    finally:
        db.dispose()


def test_a_clean_demo_database_passes(copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert problems_of(copy) == []
    assert cli.main(["db", "integrity", "--database", str(copy), "--language", "en"]) == 0
    assert "No problems found" in capsys.readouterr().out


def one(con: sqlite3.Connection, sql: str) -> tuple:
    row = con.execute(sql).fetchone()
    assert row is not None, sql
    return row


Breaker = Callable[[sqlite3.Connection], str]


def ledger_balance_off(con: sqlite3.Connection) -> str:
    sku, rowid = one(con, "SELECT i.sku, b.rowid FROM stock_balances b JOIN items i "
                          "ON i.id = b.item_id WHERE b.quantity > 0 ORDER BY b.rowid")  # fmt: skip
    con.execute(f"UPDATE stock_balances SET quantity = quantity + 1000 WHERE rowid = {rowid}")
    return f"Stock of {sku}"


def negative_stock(con: sqlite3.Connection) -> str:
    """A move taking more than a bin holds, balances kept in step: only the sign is wrong."""
    item, loc, key, q, code = one(
        con, "SELECT b.item_id, b.location_id, b.stock_key, b.quantity, l.code "
        "FROM stock_balances b JOIN locations l ON l.id = b.location_id "
        "WHERE l.kind IN ('warehouse', 'bin') AND b.quantity > 0 AND b.stock_key = '' "
        "ORDER BY b.rowid",
    )  # fmt: skip
    sold = one(con, "SELECT id FROM locations WHERE code = 'CUSTOMERS'")[0]
    more = q + 2000
    con.execute(
        "INSERT INTO stock_moves (item_id, quantity, from_location_id, to_location_id, batch, "
        "serial, doc_type, doc_number, user, at) VALUES (?, ?, ?, ?, '', '', 'GR', "
        "'GR2025-000001', 'x', '2026-03-16 00:00:00')", (item, more, loc, sold),
    )  # fmt: skip
    con.execute("UPDATE stock_balances SET quantity = quantity - ? WHERE item_id = ? AND "
                "location_id = ? AND stock_key = ?", (more, item, loc, key))  # fmt: skip
    con.execute("UPDATE stock_balances SET quantity = quantity + ? WHERE item_id = ? AND "
                "location_id = ? AND stock_key = ''", (more, item, sold))  # fmt: skip
    return f"{code} holds -2 of"


def number_gap(con: sqlite3.Connection) -> str:
    con.execute("UPDATE number_series SET last = last + 2 WHERE doc_type = 'SO' AND year = 2026")
    last = one(con, "SELECT last FROM number_series WHERE doc_type = 'SO' AND year = 2026")[0]
    return f"2 missing (SO2026-{last - 1:06d}, SO2026-{last:06d})"


def number_twice(con: sqlite3.Connection) -> str:
    number = one(con, "SELECT number FROM deliveries ORDER BY id")[0]
    con.execute(f"UPDATE picking_lists SET number = '{number}' WHERE id = 1")
    return f"{number} in picking lists is used already (in deliveries)"


def number_never_handed_out(con: sqlite3.Connection) -> str:
    con.execute("UPDATE invoices SET number = 'IV2026-999999' WHERE id = (SELECT max(id) "
                "FROM invoices WHERE number LIKE 'IV2026%')")  # fmt: skip
    return "IV2026-999999 in invoices was never handed out"


def red_above_blue(con: sqlite3.Connection) -> str:
    red, blue = one(con, "SELECT r.id, r.blue_number FROM red_invoices r "
                         "WHERE r.state <> 'voided' ORDER BY r.id")  # fmt: skip
    con.execute(f"UPDATE red_invoice_lines SET net = net + 100000000 WHERE red_invoice_id = {red}")
    return f"{blue}: red invoices credit"


def consignment_off(con: sqlite3.Connection) -> str:
    line, code = one(
        con, "SELECT l.id, c.code FROM consignment_lines l JOIN consignment_documents d "
        "ON d.id = l.document_id JOIN customers c ON c.id = d.customer_id "
        "WHERE d.kind = 'fill_up' AND d.state = 'posted' ORDER BY l.id",
    )  # fmt: skip
    con.execute(f"UPDATE consignment_lines SET quantity = quantity + 1000 WHERE id = {line}")
    return f"at customer {code}"


def invoice_paid_off(con: sqlite3.Connection) -> str:
    number = one(con, "SELECT number FROM invoices WHERE paid > 0 ORDER BY id")[0]
    con.execute(f"UPDATE invoices SET paid = paid - 1 WHERE number = '{number}'")
    return f"{number} says"


def payment_overspent(con: sqlite3.Connection) -> str:
    number, allocation = one(
        con, "SELECT p.number, a.id FROM payments p JOIN payment_allocations a "
        "ON a.payment_id = p.id WHERE a.refund_id IS NOT NULL ORDER BY a.id",
    )  # fmt: skip
    more = 100_000_000  # a million, in cents
    con.execute(f"UPDATE payment_allocations SET amount = amount + {more} WHERE id = {allocation}")
    return f"Payment {number} brought"


def reversal_of_nothing(con: sqlite3.Connection) -> str:
    number, target = one(con, "SELECT number, reverses_number FROM stock_documents "
                              "WHERE reverses_number IS NOT NULL ORDER BY id")  # fmt: skip
    con.execute(f"UPDATE stock_documents SET reverses_number = 'GR2099-000001' "
                f"WHERE number = '{number}'")  # fmt: skip
    return f"{target} is marked reversed but no reversal names it"


def reversed_return_without_reversal(con: sqlite3.Connection) -> str:
    number = one(con, "SELECT number FROM returns WHERE state = 'posted' ORDER BY id")[0]
    con.execute(f"UPDATE returns SET state = 'reversed' WHERE number = '{number}'")
    return f"{number} is marked reversed"


def reversing_move_not_exact(con: sqlite3.Connection) -> str:
    number = one(con, "SELECT doc_number FROM stock_moves WHERE reverses_id IS NOT NULL")[0]
    con.execute("UPDATE stock_moves SET quantity = quantity + 1000 WHERE reverses_id IS NOT NULL "
                f"AND doc_number = '{number}'")  # fmt: skip
    return f"A move of {number} does not exactly undo"


def credit_without_red_invoice(con: sqlite3.Connection) -> str:
    number = one(con, "SELECT number FROM red_invoices WHERE state = 'issued' ORDER BY id")[0]
    con.execute(f"UPDATE red_invoices SET state = 'confirmed' WHERE number = '{number}'")
    return f"Credit {number} has no issued red invoice"


def dangling_reference(con: sqlite3.Connection) -> str:
    con.execute("PRAGMA foreign_keys = OFF")
    rowid = one(con, "SELECT id FROM stock_moves ORDER BY id")[0]
    con.execute(f"UPDATE stock_moves SET item_id = 999999 WHERE id = {rowid}")
    return f"Record {rowid} of stock_moves points to a missing record of items"


BROKEN: list[tuple[str, Breaker]] = [
    ("ledger", ledger_balance_off),
    ("negative_stock", negative_stock),
    ("numbers", number_gap),
    ("numbers", number_twice),
    ("numbers", number_never_handed_out),
    ("red_invoices", red_above_blue),
    ("consignment", consignment_off),
    ("payments", invoice_paid_off),
    ("payments", payment_overspent),
    ("links", reversal_of_nothing),
    ("links", reversed_return_without_reversal),
    ("links", reversing_move_not_exact),
    ("links", credit_without_red_invoice),
    ("file", dangling_reference),
]


@pytest.mark.parametrize(("rule", "breaker"), BROKEN, ids=[b.__name__ for _, b in BROKEN])
def test_each_broken_invariant_is_reported_in_words(
    copy: Path, rule: str, breaker: Breaker, capsys: pytest.CaptureFixture[str]
) -> None:
    con = sqlite3.connect(copy)
    try:
        words = breaker(con)
        con.commit()
    finally:
        con.close()
    found = problems_of(copy)
    assert any(p.rule == rule and words in str(p) for p in found), [str(p) for p in found]
    assert cli.main(["db", "integrity", "--database", str(copy), "--language", "en"]) == 1
    out = capsys.readouterr().out
    assert words in out and "problems found" in out


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_damaged_file_is_reported_and_nothing_else_is_read(
    copy: Path, seed: int, capsys: pytest.CaptureFixture[str]
) -> None:
    """A page in the middle of the file overwritten with noise: some noise SQLite's check
    lists, some makes the check itself fail ("malformed"); both are a damaged file, for
    ``db integrity`` and for ``db check``, never a crash."""
    data = bytearray(copy.read_bytes())
    page = 4096
    middle = len(data) // page // 2 * page + (seed - 1) * page
    data[middle + 8 : middle + page] = random.Random(seed).randbytes(page - 8)
    copy.write_bytes(bytes(data))
    try:
        found = problems_of(copy)
    except DatabaseProblem as refused:  # the noise hit a page every connection reads first
        assert "damaged" in str(refused)
        for command in ("integrity", "check"):
            assert cli.main(["db", command, "--database", str(copy), "--language", "en"]) == 2
            assert "damaged" in capsys.readouterr().err
        return
    assert [p.rule for p in found] == ["file"]
    assert "The file is damaged" in str(found[0])
    for command in ("integrity", "check"):
        assert cli.main(["db", command, "--database", str(copy), "--language", "en"]) == 1
        assert "The file is damaged" in capsys.readouterr().out


@pytest.fixture
def pg_shop(migrated_pg_url: str) -> Iterator[str]:
    db = open_database(migrated_pg_url)
    try:
        s = postings.services_as(db, "owner")
        ids = postings.prepare(s)
        rng = random.Random(7)
        for kind in postings.POSTINGS:
            postings.POSTINGS[kind](s, ids, rng)
    finally:
        db.dispose()
    yield migrated_pg_url


@pytest.mark.postgres
def test_postgresql_every_posting_passes_and_a_red_above_blue_is_reported(pg_shop: str) -> None:
    db = open_database(pg_shop)
    try:
        assert integrity.check(db) == []
        with db.write_engine.begin() as conn:
            conn.execute(text("UPDATE red_invoice_lines SET net = net + 100000000"))
        found = integrity.check(db)
    finally:
        db.dispose()
    assert {p.rule for p in found} == {"red_invoices", "links"}  # and the credit no longer fits
    assert any("IV2026-000001 line 1" in str(p) for p in found), [str(p) for p in found]
