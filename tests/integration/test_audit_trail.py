"""The audit trail is sealed: editing, deleting or reordering an entry is found and named.

Each entry's hash covers its content and the entry before it; the one-row head keeps the
last id and hash, so deleting the newest entries is found too.  Tampering here is done the
way someone with the file (or a database login) would: plain SQL beside the program.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, text

from retailerp import cli
from retailerp.domain.audit import Checkpoint, seal
from retailerp.domain.security import Actor
from retailerp.persistence import audit_trail, migrate
from retailerp.persistence import tables as t
from retailerp.persistence.engine import Database, open_database
from retailerp.persistence.unit_of_work import read
from retailerp.services import Services
from retailerp.services import audit as audit_service

OWNER = Actor("owner")


WORKER = Path(__file__).resolve().parents[1] / "support" / "audit_worker.py"


def five_entries(services: Services) -> None:
    """Five audit entries: a customer made and changed, an item made, a receipt posted."""
    customer = services.customers.create({"code": "C1", "name": "上海华联"})
    customer = services.customers.update(
        customer.id or 0, customer.version, {"code": "C1", "name": "上海华联超市"}
    )
    item = services.items.create({"sku": "A", "name": "a", "price": "1", "vat_rate": "13"})
    services.items.update(
        item.id or 0, item.version, {"sku": "A", "name": "ab", "price": "2", "vat_rate": "13"}
    )
    bin_id = services.stock.add_bin("A-01").id or 0
    services.stock.receive(bin_id, [{"item_id": item.id, "quantity": "5"}])


def sql(db: Database, statement: str, **params: object) -> None:
    with db.engine.begin() as conn:
        conn.execute(text(statement), params)


def ids(db: Database) -> list[int]:
    return read(db, lambda uow: list(uow.session.scalars(select(t.audit_log.c.id).order_by("id"))))


def kinds(services: Services) -> list[tuple[str, dict]]:
    return [(f.kind, f.params) for f in services.audit.verify().findings]


def test_an_untouched_trail_verifies_and_names_pc_and_document(services: Services) -> None:
    five_entries(services)
    result = services.audit.verify()
    assert result.ok and result.checked == len(ids(services.ctx.db)) >= 5
    rows = read(
        services.ctx.db,
        lambda uow: uow.session.execute(select(t.audit_log).order_by(t.audit_log.c.id)).all(),
    )
    assert {r.pc for r in rows} == {services.ctx.db.pc}
    receipt = rows[-1]
    assert receipt.action == "stock.receive" and receipt.document.startswith("GR2026-")
    assert rows[0].prev_hash == "0" * 64
    assert all(b.prev_hash == a.row_hash for a, b in zip(rows, rows[1:], strict=False))
    head = read(services.ctx.db, lambda uow: audit_trail.read_head(uow.session))
    assert (head.last_id, head.last_hash) == (receipt.id, receipt.row_hash)


def test_master_data_changes_record_before_and_after(services: Services) -> None:
    five_entries(services)
    rows = read(
        services.ctx.db,
        lambda uow: uow.session.execute(
            select(t.audit_log.c.action, t.audit_log.c.detail).where(
                t.audit_log.c.action.in_(["customer.update", "item.update"])
            )
        ).all(),
    )
    details = {action: json.loads(detail) for action, detail in rows}
    assert details["customer.update"]["changes"] == {
        "name": {"before": "上海华联", "after": "上海华联超市"}
    }
    assert details["item.update"]["changes"]["name"] == {"before": "a", "after": "ab"}
    assert details["item.update"]["changes"]["price"] == {"before": "1.00", "after": "2.00"}
    assert "sku" not in details["item.update"]["changes"]  # unchanged fields are left out


def test_an_edited_entry_is_named(services: Services) -> None:
    five_entries(services)
    sql(services.ctx.db, "UPDATE audit_log SET detail = '{}' WHERE id = 2")
    assert kinds(services) == [("edited", {"id": 2})]


def test_an_entry_edited_and_sealed_again_breaks_the_link_to_the_next(
    services: Services,
) -> None:
    five_entries(services)
    db = services.ctx.db
    stored = read(db, lambda uow: audit_trail.entry(uow.session, 2))
    assert stored is not None
    forged = stored.__class__(**{**stored.__dict__, "detail": "{}"})
    sql(
        db,
        "UPDATE audit_log SET detail = '{}', row_hash = :h WHERE id = 2",
        h=seal(forged, stored.prev_hash),
    )
    assert kinds(services) == [("resealed", {"id": 3, "before": 2})]


def test_a_deleted_middle_entry_is_named(services: Services) -> None:
    five_entries(services)
    sql(services.ctx.db, "DELETE FROM audit_log WHERE id = 3")
    assert kinds(services) == [("missing", {"id": 3})]


def test_deleting_the_last_entries_is_found_through_the_head(services: Services) -> None:
    five_entries(services)
    last = ids(services.ctx.db)[-1]
    sql(services.ctx.db, "DELETE FROM audit_log WHERE id >= :last", last=last - 1)
    assert kinds(services) == [("last_missing", {"last": last - 2, "head": last})]


def test_two_swapped_entries_are_found_out_of_order(services: Services) -> None:
    five_entries(services)
    db = services.ctx.db
    sql(db, "UPDATE audit_log SET id = 1000 WHERE id = 2")
    sql(db, "UPDATE audit_log SET id = 2 WHERE id = 3")
    sql(db, "UPDATE audit_log SET id = 3 WHERE id = 1000")
    found = kinds(services)
    assert found[0] == ("moved", {"id": 2, "after": 3, "before": 1})
    assert {kind for kind, _ in found} == {"moved"}
    message = services.audit.verify().findings[0].render()
    assert message == "Entry 2 is out of order: it was written after entry 3, not after entry 1."


def test_a_trail_rewritten_from_the_start_is_caught_by_this_pcs_checkpoint(
    services: Services,
) -> None:
    five_entries(services)
    db = services.ctx.db
    checkpoint = services.audit.verify().last
    assert checkpoint is not None
    # someone rewrites entry 1 and seals the whole chain and the head again
    sql(db, "UPDATE audit_log SET username = 'nobody' WHERE id = 1")
    with db.engine.begin() as conn:
        previous = "0" * 64
        for row in conn.execute(select(t.audit_log).order_by(t.audit_log.c.id)).all():
            entry = audit_trail.entry_of(row)
            row_hash = seal(entry, previous)
            conn.execute(
                text("UPDATE audit_log SET prev_hash = :p, row_hash = :h WHERE id = :i"),
                {"p": previous, "h": row_hash, "i": entry.id},
            )
            previous = row_hash
        conn.execute(text("UPDATE audit_chain SET last_hash = :h"), {"h": previous})
    assert services.audit.verify().ok  # the chain alone cannot tell
    result = services.audit.verify(checkpoint)
    assert [f.kind for f in result.findings] == ["checkpoint"]
    assert f"Entry {checkpoint.id}, verified on this PC before" in result.findings[0].render()


def test_verifying_from_a_checkpoint_checks_only_what_came_after(services: Services) -> None:
    five_entries(services)
    checkpoint = services.audit.verify().last
    assert checkpoint is not None
    services.customers.create({"code": "C2", "name": "b"})
    result = services.audit.verify(checkpoint)
    assert result.ok and result.checked == 1
    assert result.last == Checkpoint(checkpoint.id + 1, result.last.row_hash)  # type: ignore[union-attr]


def test_the_command_line_says_ok_or_what_was_done(
    migrated_sqlite_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = open_database(migrated_sqlite_path)
    try:
        five_entries(Services.over(db, actor=OWNER))
    finally:
        db.dispose()
    assert cli.main(["audit", "verify", "--database", str(migrated_sqlite_path)]) == 0
    assert "Audit trail OK" in capsys.readouterr().out
    db = open_database(migrated_sqlite_path)
    try:
        sql(db, "DELETE FROM audit_log WHERE id = 2")
    finally:
        db.dispose()
    assert cli.main(["audit", "verify", "--database", str(migrated_sqlite_path)]) == 1
    out = capsys.readouterr().out
    assert "Entry 2 is missing: it was deleted." in out and "tampered" in out


def test_the_trail_exports_to_csv_and_excel(services: Services, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    five_entries(services)
    target = tmp_path / "audit.csv"
    assert services.audit.export(target, {"action": "customer."}) == 2
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    header = lines.index("id,at,username,pc,action,entity,entity_id,document,detail,row_hash")
    assert lines[0] == "Audit trail" and "action,customer." in lines[1:header]
    assert [line.split(",")[4] for line in lines[header + 1 :]] == [
        "customer.create",
        "customer.update",
    ]
    book = tmp_path / "audit.xlsx"
    assert services.audit.export(book) == len(ids(services.ctx.db))
    sheet = load_workbook(book).active
    actions = [row[4] for row in sheet.iter_rows(values_only=True) if row[4]]
    assert actions[0] == "action" and "stock.receive" in actions


def test_two_pcs_writing_at_once_keep_one_valid_chain(db: Database) -> None:
    target = str(db.path) if db.is_sqlite else db.url.render_as_string(hide_password=False)
    count = 25
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    procs = [
        subprocess.Popen(
            [sys.executable, str(WORKER), target, pc, str(count)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )  # fmt: skip
        for pc in ("PC-A", "PC-B")
    ]
    for proc in procs:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    reports = []
    for proc in procs:
        out, err = proc.communicate(timeout=180)
        assert proc.returncode == 0, err
        reports.append(json.loads(out.strip().splitlines()[-1]))
    assert [r["errors"] for r in reports] == [[], []]
    services = Services.over(db, actor=OWNER)
    result = services.audit.verify()
    assert result.ok, [f.render() for f in result.findings]
    assert result.checked == 2 * count
    pcs = read(db, lambda uow: list(uow.session.scalars(select(t.audit_log.c.pc).order_by("id"))))
    assert sorted(set(pcs)) == ["PC-A", "PC-B"] and len(pcs) == 2 * count


def test_the_migration_seals_the_entries_written_before(sqlite_path: Path) -> None:
    db = open_database(sqlite_path)
    try:
        migrate.upgrade(db, "0012")
        sql(
            db,
            "INSERT INTO audit_log (at, username, action, entity, entity_id, detail) VALUES "
            "('2026-01-05 10:00:00.000000', 'owner', 'order.confirm', 'order', "
            "'SO2026-000001', '{}'), ('2026-01-05 10:01:00.000000', 'owner', "
            "'customer.create', 'customer', '7', '{\"code\": \"C7\"}')",
        )
        migrate.upgrade(db)
        result = Services.over(db, actor=OWNER).audit.verify()
        assert result.ok and result.checked == 2
        documents = read(
            db,
            lambda uow: list(uow.session.scalars(select(t.audit_log.c.document).order_by("id"))),
        )
        assert documents == ["SO2026-000001", ""]
    finally:
        db.dispose()


def test_every_change_the_demo_makes_is_audited(migrated_sqlite_path: Path) -> None:
    """Every committed write of business data carries its audit entry (the demo goes
    through the services like a user: customers, items, stock, sales, returns …)."""
    from retailerp import demo
    from retailerp.persistence import unit_of_work

    quiet = {"sessions", "edit_claims", "change_counters"}
    unaudited: list[frozenset[str]] = []

    def listen(_db: Database, tables: frozenset[str]) -> None:
        if "audit_log" not in tables and tables - quiet:
            unaudited.append(tables)

    stop = unit_of_work.add_commit_listener(listen)
    db = open_database(migrated_sqlite_path)
    try:
        demo.fill(
            Services.over(db, actor=OWNER), demo.DemoSize(customers=6, items=6, months=1, orders=4)
        )
        assert unaudited == []
        assert Services.over(db, actor=OWNER).audit.verify().ok
    finally:
        stop()
        db.dispose()


@pytest.fixture
def shared_file(migrated_sqlite_path: Path) -> Iterator[Database]:
    """The shop in the shared-file journal, where every open read holds off other saves."""
    db = open_database(migrated_sqlite_path, journal_mode="delete")
    try:
        yield db
    finally:
        db.dispose()


def test_the_check_walks_in_short_reads_and_other_pcs_save_between_them(
    shared_file: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = Services.over(shared_file, actor=OWNER)
    five_entries(services)
    monkeypatch.setattr(audit_trail, "CHUNK", 2)
    real_read = audit_service.read
    reads: list[int] = []

    def read_then_another_pc_saves(db: Database, work, **how):  # noqa: ANN001, ANN003, ANN202
        result = real_read(db, work, **how)
        reads.append(1)
        if len(reads) == 2:  # mid-walk: the file is free, another PC's save goes through
            other = open_database(shared_file.path, journal_mode="delete", busy_timeout_ms=500)
            try:
                Services.over(other, actor=OWNER).customers.create({"code": "MID", "name": "中"})
            finally:
                other.dispose()
        return result

    monkeypatch.setattr(audit_service, "read", read_then_another_pc_saves)
    result = services.audit.verify()
    assert result.ok, [f.render() for f in result.findings]
    assert result.checked == 7  # the six entries, and the one saved during the walk
    assert len(reads) == 4  # 2 + 2 + 2 + 1 entries, one short read each


def test_the_check_in_short_reads_still_finds_tampering_in_a_later_read(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    five_entries(services)
    monkeypatch.setattr(audit_trail, "CHUNK", 2)
    db = services.ctx.db
    sql(db, "UPDATE audit_log SET detail = 'changed' WHERE id = 5")
    sql(db, "INSERT INTO audit_log (id, at, username, action, entity, entity_id, detail, pc,"
            " document, prev_hash, row_hash) SELECT 7, at, username, action, entity, entity_id,"
            " detail, pc, document, row_hash, 'x' FROM audit_log WHERE id = 6")  # fmt: skip
    assert [f.kind for f in services.audit.verify().findings] == ["edited", "edited", "beyond_head"]


@pytest.mark.postgres
def test_a_save_between_a_short_reads_entries_and_its_head_is_not_a_finding(
    migrated_pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each read is one snapshot (REPEATABLE READ), so the head it reads after its entries
    never counts an entry another PC committed in between.  (On SQLite a read transaction
    is a snapshot by itself, and in the shared-file journal no save can commit during it.)"""
    db = open_database(migrated_pg_url)
    try:
        _check_while_another_pc_saves(db, migrated_pg_url, monkeypatch)
    finally:
        db.dispose()


def _check_while_another_pc_saves(db: Database, url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    services = Services.over(db, actor=OWNER)
    five_entries(services)
    real = audit_trail.read_head
    saved: list[str] = []

    def head_after_another_pc_saved(session, *, lock=False):  # noqa: ANN001, ANN202
        if not lock and not saved:
            saved.append("MID")
            other = open_database(url)
            try:
                Services.over(other, actor=OWNER).customers.create({"code": "MID", "name": "中"})
            finally:
                other.dispose()
        return real(session, lock=lock)

    monkeypatch.setattr(audit_trail, "read_head", head_after_another_pc_saved)
    result = services.audit.verify()
    assert saved == ["MID"]
    assert result.ok, [f.render() for f in result.findings]
    assert services.audit.verify().checked == 7  # the next check sees the save
