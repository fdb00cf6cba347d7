"""The command line: db upgrade / check / backup / restore and demo, with bad input."""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path

import pytest

from retailerp import cli, i18n
from retailerp.persistence import migrate
from retailerp.persistence.engine import open_database
from retailerp.services import Page, Services


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("RETAILERP_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("RETAILERP_DATA_DIR", str(tmp_path / "data"))
    i18n.set_language("en")


def run(*argv: str) -> int:
    return cli.main(list(argv))


def test_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        run("--help")
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    for word in ("--database", "db", "demo"):
        assert word in out


def test_upgrade_creates_the_default_database_in_the_data_folder(tmp_path: Path) -> None:
    assert run("db", "upgrade") == 0
    default = tmp_path / "data" / "retailerp.db"
    db = open_database(default, must_exist=True)
    assert migrate.current_revision(db) == migrate.head_revision()


def test_demo_fills_a_realistic_data_set_and_check_passes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = str(tmp_path / "demo.db")
    assert run("--database", target, "demo") == 0
    services = Services.over(open_database(target, must_exist=True))
    customers = services.customers.page(Page(limit=1000))
    classes = Counter(row.abc_class for row in customers)
    assert len(customers) >= 200
    assert set(classes) == {"A", "B", "C"}
    assert any(row.status == "ended" for row in customers)
    assert any(row.pinned for row in customers)
    items = services.items.page(Page(limit=1000))
    assert len(items) >= 300
    assert all(row.bin for row in items)
    assert sum(1 for row in items if row.on_hand > 0) >= 300
    assert services.stock.ledger_mismatches() == []
    assert run("--database", target, "db", "check") == 0
    assert "No problems found" in capsys.readouterr().out
    # a second demo run refuses to mix demo data into a database that has data
    assert run("--database", target, "demo") == 2
    assert "already has data" in capsys.readouterr().err


def test_backup_and_restore_round_trip(tmp_path: Path) -> None:
    target = tmp_path / "shop.db"
    assert run("--database", str(target), "demo", "--customers", "20", "--items", "10") == 0
    backup = tmp_path / "copy.db"
    assert run("--database", str(target), "db", "backup", "--to", str(backup)) == 0
    services = Services.over(open_database(target))
    services.customers.create({"code": "AFTER", "name": "Added after the backup"})
    services.ctx.db.dispose()
    assert run("--database", str(target), "db", "restore", str(backup)) == 0
    restored = Services.over(open_database(target, must_exist=True))
    codes = {row.code for row in restored.customers.page(Page(limit=100))}
    assert "AFTER" not in codes and len(codes) == 20
    kept = list(tmp_path.glob("shop.before-restore-*.db"))
    assert len(kept) == 1  # the replaced file is kept, not lost


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["db", "check"], "does not exist"),
        (["db", "backup", "--to", "/nonexistent-folder/x.db"], "does not exist"),
        (["db", "restore", "/nonexistent-folder/backup.db"], "does not exist"),
    ],
)
def test_bad_input_gets_a_clear_message_and_exit_code_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    target = tmp_path / "missing.db" if argv[1] == "check" else tmp_path / "shop.db"
    if argv[1] != "check":
        assert run("--database", str(target), "db", "upgrade") == 0
    assert run("--database", str(target), *argv) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


def test_restore_refuses_a_file_that_is_not_a_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "shop.db"
    assert run("--database", str(target), "db", "upgrade") == 0
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database" * 100)
    assert run("--database", str(target), "db", "restore", str(junk)) == 2
    assert "not a usable backup" in capsys.readouterr().err
    assert sqlite3.connect(target).execute("select count(*) from locations").fetchone()[0] >= 6


def test_corrupt_database_is_reported_not_crashed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "broken.db"
    target.write_bytes(b"\x00garbage" * 4096)
    assert run("--database", str(target), "db", "upgrade") == 2
    assert "damaged" in capsys.readouterr().err


def test_check_reports_a_ledger_that_does_not_add_up(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "shop.db"
    assert run("--database", str(target), "demo", "--customers", "5", "--items", "5") == 0
    with sqlite3.connect(target) as conn:  # someone edits the file behind our back
        conn.execute("UPDATE stock_balances SET quantity = quantity + 1000 WHERE rowid = 1")
    assert run("--database", str(target), "db", "check") == 1
    assert "the ledger adds up to" in capsys.readouterr().out


def test_chinese_messages_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("--language", "zh_CN", "--database", str(tmp_path / "nope.db"), "db", "check") == 2
    err = capsys.readouterr().err
    assert "nope.db" in err
    if i18n.translate("errors", "The database file {path} does not exist.") != (
        "The database file {path} does not exist."
    ):
        assert "不存在" in err


def test_migration_seeds_the_standard_locations_of_the_domain(tmp_path: Path) -> None:
    from retailerp.domain.stock import STANDARD_LOCATIONS

    db = open_database(tmp_path / "shop.db")
    migrate.upgrade(db)
    services = Services.over(db)
    from retailerp.persistence.unit_of_work import read

    codes = {(loc.code, loc.kind.value) for loc in read(db, lambda u: u.locations.all())}
    assert {(code, kind.value) for code, _name, kind in STANDARD_LOCATIONS} <= codes
    assert services.stock.locations()  # warehouse, quarantine, scrap


def test_print_renders_a_document_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pypdf import PdfReader

    target = str(tmp_path / "demo.db")
    assert run("--database", target, "demo", "--customers", "12", "--items", "12") == 0
    services = Services.over(open_database(target, must_exist=True))
    delivery = services.orders.deliveries_page(Page(limit=1))[0]
    out = tmp_path / "dn.pdf"
    # as the issue writes it: options after the command
    code = run(
        "print",
        delivery.number,
        "--database",
        target,
        "-o",
        str(out),
        "--paper",
        "241x140",
        "--copies",
        "3",
        "--language",
        "zh_CN",
    )
    assert code == 0
    reader = PdfReader(out)
    text = "".join(page.extract_text() for page in reader.pages)
    assert delivery.number in text and "送货单" in text and "回单" in text
    assert round(float(reader.pages[0].mediabox.width) / 72 * 25.4) == 241
    assert run("--database", target, "print", "XX2026-000001", "-o", str(out)) == 2
    assert "not the number of a printable document" in capsys.readouterr().err
    assert run("--database", target, "print", "DN2026-999999", "-o", str(out)) == 2
    assert "does not exist" in capsys.readouterr().err
