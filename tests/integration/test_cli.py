"""The command line: db upgrade / check / backup / restore and demo, with bad input."""

from __future__ import annotations

import os
import sqlite3
from collections import Counter
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from retailerp import cli, i18n
from retailerp.persistence import migrate
from retailerp.persistence.engine import open_database
from retailerp.services import Page, Services
from support.dbtools import as_owner


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    monkeypatch.setenv("RETAILERP_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("RETAILERP_DATA_DIR", str(tmp_path / "data"))
    before = i18n.current_language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)  # the command line sets the language of the whole process


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
    services = as_owner(open_database(target, must_exist=True))
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
    services = as_owner(open_database(target))
    services.customers.create({"code": "AFTER", "name": "Added after the backup"})
    services.ctx.db.dispose()
    assert run("--database", str(target), "db", "restore", str(backup)) == 0
    restored = as_owner(open_database(target, must_exist=True))
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
    with closing(sqlite3.connect(target)) as conn, conn:  # someone edits the file behind our back
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
    services = as_owner(db)
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
    services = as_owner(open_database(target, must_exist=True))
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


# --- hostile input: one line, a non-zero exit, nothing written ---------------------------


def outcome(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of one invocation (argparse's own exits included)."""
    try:
        code = cli.main(list(argv))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def files_in(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "config" not in p.parts
    }


def newer_copy(folder: Path) -> Path:
    """A database as a newer RetailERP (schema 9999) would leave it."""
    path = folder / "newer.db"
    db = open_database(path)
    migrate.upgrade(db)
    db.dispose()
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    return path


def single_line_refusal(code: int, err: str) -> None:
    assert code != 0
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    """A migrated, empty database and the bad files the hostile invocations point at."""
    target = tmp_path / "shop.db"
    assert cli.main(["--database", str(target), "db", "upgrade"]) == 0
    (tmp_path / "junk.db").write_bytes(b"\x00garbage" * 512)
    with closing(sqlite3.connect(tmp_path / "other-program.db")) as conn, conn:
        conn.execute("CREATE TABLE alembic_version (version_num TEXT)")
        conn.execute("INSERT INTO alembic_version VALUES ('abc123')")
        conn.execute("CREATE TABLE invoices_of_someone_else (x)")
    newer_copy(tmp_path)
    (tmp_path / "empty.db").touch()
    os.mkfifo(tmp_path / "fifo")  # a pipe: replacing or opening it must not happen
    return target


PG_BAD_PORT = "postgresql://shop:s3cret@server:abc/retail"

HOSTILE = [
    ["db"],
    ["db", "frobnicate"],
    ["frobnicate"],
    ["--no-such-option", "db", "check"],
    ["print"],
    ["print", "DN2026-000001"],
    ["print", "DN2026-000001", "-o", "{tmp}/x.pdf", "--paper", "A3"],
    ["print", "DN2026-000001", "-o", "{tmp}/x.pdf", "--copies", "4"],
    ["print", "DN2026-000001", "-o", "{tmp}/x.pdf", "--copies", "many"],
    ["print", "'; DROP TABLE customers; --", "-o", "{tmp}/x.pdf"],
    ["print", "\x1b[31mDN2026-000001", "-o", "{tmp}/x.pdf"],
    ["print", "DN2026-000001", "-o", "{tmp}/no/such/x.pdf"],
    ["demo", "--customers", "0"],
    ["demo", "--customers", "-5"],
    ["demo", "--items", "abc"],
    ["demo", "--items", "99999999"],
    ["demo", "--customers"],
    ["--journal-mode", "memory", "db", "check"],
    ["--language", "fr", "db", "check"],
    ["db", "backup", "--to"],
    ["db", "backup", "--to", "{tmp}/shop.db"],
    ["db", "migrate-to"],
    ["db", "migrate-to", "mysql://u@localhost/shop"],
    ["db", "migrate-to", "{tmp}/copy.db"],
    ["--database", "{tmp}/newer.db", "db", "migrate-to", "postgresql://u@server/db"],
    ["--database", "{tmp}/junk.db", "db", "migrate-to", "postgresql://u@server/db"],
    ["--database", "postgresql://u@server/db", "db", "backups"],
    ["db", "backup", "--to", "{tmp}/no/such/copy.db"],
    ["db", "restore"],
    ["db", "restore", "{tmp}/nothing.db"],
    ["db", "restore", "{tmp}"],
    ["db", "restore", "{tmp}/shop.db"],
    ["db", "restore", "{tmp}/junk.db"],
    ["db", "restore", "{tmp}/empty.db"],
    ["db", "restore", "{tmp}/other-program.db"],
    ["db", "restore", "{tmp}/newer.db"],
    ["db", "journal-mode"],
    ["db", "journal-mode", "memory"],
    ["--database", "{tmp}", "db", "check"],
    ["--database", "{tmp}/junk.db", "db", "check"],
    ["--database", "{tmp}/junk.db", "db", "upgrade"],
    ["--database", "{tmp}/other-program.db", "db", "upgrade"],
    ["--database", "{tmp}/empty.db", "db", "check"],
    ["--database", "{tmp}/no/such/shop.db", "db", "upgrade"],
    ["--database", "{tmp}/no/such/shop.db", "demo"],
    ["--database", "{tmp}/no/such/shop.db", "db", "restore", "{tmp}/shop.db"],
    ["--database", "{tmp}/newer.db", "db", "upgrade"],
    ["--database", "{tmp}/newer.db", "db", "check"],
    ["--database", "{tmp}/newer.db", "db", "backup", "--to", "{tmp}/copy.db"],
    ["--database", "{tmp}/newer.db", "print", "DN2026-000001", "-o", "{tmp}/x.pdf"],
    ["--database", "{tmp}/newer.db", "db", "journal-mode", "delete"],
    ["--database", "{tmp}/newer.db", "demo"],
    ["--database", "mysql://u@localhost/shop", "db", "check"],
    ["--database", "://nothing", "db", "upgrade"],
    ["--database", "postgresql://u@server/db", "demo"],
    ["--database", "postgresql://u@server/db", "db", "restore", "{tmp}/shop.db"],
    ["--database", "postgresql://u@server/db", "db", "journal-mode", "wal"],
    ["--database", "postgresql://u@server:99999999/db", "db", "check"],
    ["--database", "{tmp}/fifo", "db", "check"],
    ["--database", "~no-such-user-here/shop.db", "db", "upgrade"],
    ["--database", "{tmp}/fifo", "db", "upgrade"],
    ["--database", "{tmp}/fifo", "demo"],
    ["--database", "{tmp}/fifo", "db", "restore", "{tmp}/shop.db"],
    ["db", "backup", "--to", "{tmp}/fifo"],
    ["db", "restore", "{tmp}/fifo"],
]


@pytest.mark.parametrize("argv", HOSTILE, ids=lambda argv: " ".join(argv))
def test_hostile_invocations_end_in_one_line_and_write_nothing(
    tmp_path: Path, shop: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    before = files_in(tmp_path)
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    if "--database" not in argv:
        argv = ["--database", str(shop), *argv]
    code, _out, err = outcome(capsys, *argv)
    single_line_refusal(code, err)
    assert err.startswith("Error: ")
    assert files_in(tmp_path) == before


@pytest.mark.parametrize(
    "command",
    [
        ["db", "upgrade"],
        ["db", "check"],
        ["db", "backup", "--to", "copy.db"],
        ["db", "restore", "copy.db"],
        ["db", "journal-mode", "delete"],
        ["demo"],
        ["print", "DN2026-000001", "-o", "x.pdf"],
    ],
)
def test_a_postgresql_port_that_is_not_a_number_is_one_line(
    capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    code, _out, err = outcome(capsys, "--database", PG_BAD_PORT, *command)
    single_line_refusal(code, err)
    assert "is not a database address" in err and "s3cret" not in err


def test_the_window_is_not_reached_with_a_bad_port_either(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from retailerp.persistence.engine import resolve_url
    from retailerp.persistence.errors import DatabaseProblem

    with pytest.raises(DatabaseProblem, match="is not a database address"):
        resolve_url(PG_BAD_PORT)


def test_restore_into_a_missing_folder_is_refused(
    tmp_path: Path, shop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = files_in(tmp_path)
    target = tmp_path / "no" / "such" / "shop.db"
    code, _out, err = outcome(capsys, "--database", str(target), "db", "restore", str(shop))
    single_line_refusal(code, err)
    assert f"The folder {target.parent} does not exist." in err
    assert files_in(tmp_path) == before


def test_restore_refuses_a_backup_from_a_newer_version_and_keeps_the_file(
    tmp_path: Path, shop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = shop.read_bytes()
    code, _out, err = outcome(
        capsys, "--database", str(shop), "db", "restore", str(tmp_path / "newer.db")
    )
    single_line_refusal(code, err)
    assert "made by a newer version of RetailERP (schema 9999)" in err
    assert "Nothing was changed" in err
    assert shop.read_bytes() == before
    assert not list(tmp_path.glob("shop.before-restore-*"))


def test_restore_refuses_another_programs_database(
    tmp_path: Path, shop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = outcome(
        capsys, "--database", str(shop), "db", "restore", str(tmp_path / "other-program.db")
    )
    single_line_refusal(code, err)
    assert "is not a usable backup: not a RetailERP database" in err


@pytest.mark.parametrize(
    "command",
    [["print", "DN2026-000001", "-o", "{tmp}/x.pdf"], ["db", "backup", "--to", "{tmp}/c.db"]],
)
def test_print_and_backup_refuse_a_newer_database(
    tmp_path: Path, shop: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    argv = [a.replace("{tmp}", str(tmp_path)) for a in command]
    code, _out, err = outcome(capsys, "--database", str(tmp_path / "newer.db"), *argv)
    single_line_refusal(code, err)
    assert "written by a newer version of RetailERP (schema 9999)" in err
    assert not (tmp_path / "x.pdf").exists() and not (tmp_path / "c.db").exists()


def test_a_tiny_demo_works(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = str(tmp_path / "tiny.db")
    assert run("--database", target, "demo", "--customers", "3", "--items", "3") == 0
    assert run("--database", target, "db", "check") == 0
    assert "No problems found" in capsys.readouterr().out
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "config") == ["tiny.db"]


def test_a_demo_that_fails_half_way_leaves_no_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from retailerp import demo

    real_fill = demo.fill

    def failing_fill(services: Services, size: demo.DemoSize, **kwargs: object) -> object:
        def progress(step: str) -> None:
            if step == "stock":  # customers and items are in the file by now
                raise RuntimeError("the disk is full")

        return real_fill(services, size, progress=progress)

    monkeypatch.setattr(demo, "fill", failing_fill)
    target = tmp_path / "demo.db"
    code, _out, err = outcome(
        capsys, "--database", str(target), "demo", "--customers", "5", "--items", "5"
    )
    single_line_refusal(code, err)
    assert "the disk is full" in err
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "config") == []
    monkeypatch.setattr(demo, "fill", real_fill)  # the next run starts afresh and succeeds
    assert run("--database", str(target), "demo", "--customers", "5", "--items", "5") == 0


def test_a_broken_local_setting_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from retailerp.config import LocalSettings

    LocalSettings(journal_mode="memory").save()
    code, _out, err = outcome(capsys, "--database", str(tmp_path / "x.db"), "db", "upgrade")
    single_line_refusal(code, err)
    assert "Journal mode must be auto, wal or delete, not 'memory'." in err
    assert not (tmp_path / "x.db").exists()


def test_command_line_refusals_are_translated(
    tmp_path: Path, shop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = outcome(
        capsys, "--language", "zh_CN", "--database", str(shop), "demo", "--items", "abc"
    )
    single_line_refusal(code, err)
    assert err.startswith(i18n.translate("cli", "Error:"))
    assert i18n.translate("cli", "Error:") != "Error:"  # the catalogue has it
