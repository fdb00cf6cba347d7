"""The shared file's journal mode: recorded in the database, never changed by opening it.

Two-process tests start a second Python process that holds the file open the way another PC
(or an older RetailERP, or an SQLite tool) would.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest

from retailerp import cli, i18n
from retailerp.persistence import engine as engine_module
from retailerp.persistence import journal, migrate
from retailerp.persistence.engine import open_database
from retailerp.persistence.errors import DatabaseProblem
from retailerp.persistence.unit_of_work import read
from retailerp.services import Page
from support.dbtools import as_owner

HOLDER = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
mode = connection.execute("PRAGMA journal_mode = " + sys.argv[2]).fetchone()[0]
connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
print(mode, flush=True)
sys.stdin.readline()
"""


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    monkeypatch.setenv("RETAILERP_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("RETAILERP_DATA_DIR", str(tmp_path / "data"))
    before = i18n.current_language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)  # the command line sets the language of the whole process


@contextmanager
def another_pc(path: Path, mode: str = "WAL") -> Iterator[str]:
    """A second process with ``path`` open after asking for ``mode``; yields its answer."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path), mode],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdin is not None
    try:
        answer = proc.stdout.readline().strip()
        assert answer, proc.stderr.read() if proc.stderr else ""
        yield answer
    finally:
        proc.stdin.write("\n")
        proc.stdin.flush()
        proc.wait(timeout=60)


def make_database(path: Path, mode: str = "auto") -> None:
    db = open_database(path, journal_mode=mode)
    try:
        migrate.upgrade(db)
    finally:
        db.dispose()


def recorded(path: Path) -> str:
    with closing(sqlite3.connect(path)) as conn, conn:
        row = conn.execute(
            "SELECT value FROM settings WHERE key = ?", (journal.RECORDED_KEY,)
        ).fetchone()
    return row[0] if row else ""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def refusal(path: Path, **kwargs: object) -> str:
    with pytest.raises(DatabaseProblem) as info:
        open_database(path, **kwargs)  # type: ignore[arg-type]
    return str(info.value)


# --- recording -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("setting", "mode"), [("auto", "wal"), ("wal", "wal"), ("delete", "delete")]
)
def test_a_new_database_records_its_mode(sqlite_path: Path, setting: str, mode: str) -> None:
    make_database(sqlite_path, setting)
    assert recorded(sqlite_path) == mode
    assert journal.header_mode(sqlite_path) == mode
    db = open_database(sqlite_path)  # automatic: follows the file
    try:
        assert (db.journal_mode, db.recorded_journal_mode) == (mode, mode)
    finally:
        db.dispose()


def test_a_new_database_on_a_share_records_delete(
    sqlite_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine_module, "mount_fstype", lambda path, mountinfo=None: "cifs")
    make_database(sqlite_path)
    assert recorded(sqlite_path) == "delete" == journal.header_mode(sqlite_path)


def test_a_database_from_before_the_mode_was_recorded_gets_it_at_upgrade(
    sqlite_path: Path,
) -> None:
    make_database(sqlite_path, "delete")
    with closing(sqlite3.connect(sqlite_path)) as conn, conn:
        conn.execute("DELETE FROM settings WHERE key = ?", (journal.RECORDED_KEY,))
    db = open_database(sqlite_path)
    try:
        assert (db.journal_mode, db.recorded_journal_mode) == ("delete", "")
        migrate.upgrade(db)
        assert db.recorded_journal_mode == "delete"
    finally:
        db.dispose()
    assert recorded(sqlite_path) == "delete" == journal.header_mode(sqlite_path)


# --- opening never changes the mode -------------------------------------------------------


def test_read_only_commands_leave_a_delete_file_in_delete_mode(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "shop.db"
    make_database(target, "delete")
    for argv in (
        ["db", "check"],
        ["db", "backup", "--to", str(tmp_path / "copy.db")],
        ["print", "DN2026-000001", "-o", str(tmp_path / "x.pdf")],
        ["db", "upgrade"],
    ):
        run(capsys, "--database", str(target), *argv)
        assert journal.header_mode(target) == "delete", argv
        assert not target.with_name("shop.db-wal").exists()
    assert recorded(target) == "delete"


def test_check_writes_nothing_into_an_empty_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "empty.db"
    target.touch()
    for argv in (
        ["db", "check"],
        ["db", "backup", "--to", str(tmp_path / "copy.db")],
        ["print", "DN2026-000001", "-o", str(tmp_path / "x.pdf")],
    ):
        code, _out, err = run(capsys, "--database", str(target), *argv)
        assert code == 2 and "is empty: it is not a RetailERP database" in err, argv
        assert target.stat().st_size == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.db"]


def test_a_pc_that_asks_for_delete_is_refused_a_wal_file(sqlite_path: Path) -> None:
    make_database(sqlite_path, "wal")
    message = refusal(sqlite_path, journal_mode="delete")
    assert "This PC is set to use DELETE mode" in message and "is in WAL mode" in message
    assert journal.header_mode(sqlite_path) == "wal" == recorded(sqlite_path)
    make_database(sqlite_path.with_name("other.db"), "delete")
    assert "set to use WAL mode" in refusal(sqlite_path.with_name("other.db"), journal_mode="wal")


def test_a_file_switched_to_wal_behind_the_offices_back_is_refused(
    sqlite_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_database(sqlite_path, "delete")
    with closing(sqlite3.connect(sqlite_path)) as raw, raw:  # e.g. an older RetailERP
        assert raw.execute("PRAGMA journal_mode = WAL").fetchone() == ("wal",)
    message = refusal(sqlite_path)
    assert "set to DELETE mode for the whole office, but the file is now in WAL mode" in message
    assert "'retailerp db journal-mode delete'" in message
    assert journal.header_mode(sqlite_path) == "wal"  # we told; we did not change it
    code, out, _err = run(capsys, "--database", str(sqlite_path), "db", "journal-mode", "delete")
    assert code == 0 and "now uses DELETE mode (it was in WAL)" in out
    assert journal.header_mode(sqlite_path) == "delete" == recorded(sqlite_path)
    assert run(capsys, "--database", str(sqlite_path), "db", "check")[0] == 0


# --- two processes ------------------------------------------------------------------------


def test_another_pc_using_the_file_in_wal_is_named_not_called_a_lock(
    sqlite_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_database(sqlite_path, "delete")
    with another_pc(sqlite_path, "WAL") as answer:
        assert answer == "wal"
        # what SQLite itself says to a PC that wants DELETE: a lock, which waiting never ends
        raw = sqlite3.connect(sqlite_path, timeout=0.2, isolation_level=None)
        try:
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                raw.execute("PRAGMA journal_mode = DELETE")
        finally:
            raw.close()
        message = refusal(sqlite_path)
        assert "is using the file in a different mode right now" in message
        assert "locked" not in message
        code, _out, err = run(capsys, "--database", str(sqlite_path), "db", "check")
        assert code == 2 and "different mode" in err and len(err.splitlines()) == 1


def test_a_running_pc_notices_when_another_switches_the_file(sqlite_path: Path) -> None:
    make_database(sqlite_path, "delete")
    db = open_database(sqlite_path)
    try:
        assert read(db, lambda u: u.settings.get(journal.RECORDED_KEY)) == "delete"
        db.engine.dispose()  # the next unit of work opens a new connection
        with another_pc(sqlite_path, "WAL"), pytest.raises(DatabaseProblem) as info:
            as_owner(db).customers.page(Page())
        assert "Another PC uses" in str(info.value)
        assert "(WAL instead of DELETE)" in str(info.value)
    finally:
        db.dispose()


def test_the_mode_is_not_changed_while_another_pc_has_the_file_open(
    sqlite_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_database(sqlite_path, "wal")
    with another_pc(sqlite_path, "WAL"):
        code, _out, err = run(
            capsys, "--database", str(sqlite_path), "db", "journal-mode", "delete"
        )
    assert code == 2 and "is still open on another PC" in err and "nothing was changed" in err
    assert journal.header_mode(sqlite_path) == "wal" == recorded(sqlite_path)


# --- the owner's command ------------------------------------------------------------------


def test_the_owner_changes_the_mode_once_and_it_is_audited(
    sqlite_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_database(sqlite_path, "wal")
    assert run(capsys, "--database", str(sqlite_path), "db", "journal-mode", "delete")[0] == 0
    assert journal.header_mode(sqlite_path) == "delete" == recorded(sqlite_path)
    db = open_database(sqlite_path, journal_mode="delete")  # now this PC's setting agrees
    db.dispose()
    code, out, _err = run(capsys, "--database", str(sqlite_path), "db", "journal-mode", "wal")
    assert code == 0 and "network will refuse" in out
    assert journal.header_mode(sqlite_path) == "wal" == recorded(sqlite_path)
    with closing(sqlite3.connect(sqlite_path)) as conn, conn:
        changes = conn.execute(
            "SELECT detail FROM audit_log WHERE action = 'database.journal_mode' ORDER BY id"
        ).fetchall()
    assert [c[0] for c in changes] == [
        '{"after": "delete", "before": "wal"}',
        '{"after": "wal", "before": "delete"}',
    ]


def test_wal_is_refused_for_a_file_on_a_share(
    sqlite_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    make_database(sqlite_path, "delete")
    monkeypatch.setattr(engine_module, "mount_fstype", lambda path, mountinfo=None: "cifs")
    code, _out, err = run(capsys, "--database", str(sqlite_path), "db", "journal-mode", "wal")
    assert code == 2 and "network share, where WAL mode is not safe" in err
    assert journal.header_mode(sqlite_path) == "delete" == recorded(sqlite_path)


def test_a_wal_file_is_refused_on_a_share(
    sqlite_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_database(sqlite_path, "wal")
    monkeypatch.setattr(engine_module, "mount_fstype", lambda path, mountinfo=None: "cifs")
    assert "reaches it over the network" in refusal(sqlite_path)
    assert journal.header_mode(sqlite_path) == "wal"


def test_restore_keeps_the_offices_mode(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    office = tmp_path / "office.db"
    make_database(office, "delete")
    elsewhere = tmp_path / "laptop.db"
    make_database(elsewhere, "wal")
    assert run(capsys, "--database", str(office), "db", "restore", str(elsewhere))[0] == 0
    assert journal.header_mode(office) == "delete" == recorded(office)
    open_database(office, journal_mode="delete", must_exist=True).dispose()


# --- every PRAGMA's answer is checked -----------------------------------------------------


class Answers:
    """A stand-in connection that answers PRAGMA queries from a table."""

    def __init__(self, **answers: object) -> None:
        self.answers = answers

    def execute(self, sql: str) -> Answers:
        self.last = sql.removeprefix("PRAGMA ").split(" = ")[0].strip()
        return self

    def fetchone(self) -> tuple[object]:
        return (self.answers[self.last],)


@pytest.mark.parametrize(
    ("answers", "words"),
    [
        ({"busy_timeout": 0}, "busy_timeout = 10000"),
        ({"synchronous": 1}, "synchronous = FULL"),
        ({"foreign_keys": 0}, "foreign_keys = ON"),
        ({"journal_mode": "wal"}, "(WAL instead of DELETE)"),
    ],
)
def test_a_pragma_sqlite_did_not_take_is_refused(answers: dict[str, object], words: str) -> None:
    good = {"busy_timeout": 10000, "synchronous": 2, "foreign_keys": 1, "journal_mode": "delete"}
    with pytest.raises(DatabaseProblem) as info:
        engine_module.configure_connection(
            Answers(**{**good, **answers}),  # type: ignore[arg-type]
            "shop.db",
            "delete",
            10000,
        )
    assert words in str(info.value)


def test_a_journal_mode_sqlite_did_not_take_is_refused() -> None:
    with pytest.raises(DatabaseProblem) as info:
        journal.set_file_mode(Answers(journal_mode="delete"), "wal", "shop.db")  # type: ignore[arg-type]
    assert "could not put shop.db in WAL mode (it answered 'delete')" in str(info.value)


def test_an_open_connection_does_not_write_after_another_pc_switched_the_file(
    sqlite_path: Path,
) -> None:
    make_database(sqlite_path, "delete")
    db = open_database(sqlite_path)
    services = as_owner(db)
    try:
        services.customers.create({"code": "C1", "name": "Before"})  # a pooled connection
        with another_pc(sqlite_path, "WAL"):
            with pytest.raises(DatabaseProblem) as info:
                services.customers.create({"code": "C2", "name": "In the wrong mode"})
            assert "(WAL instead of DELETE)" in str(info.value)
    finally:
        db.dispose()
    with closing(sqlite3.connect(sqlite_path)) as conn:
        assert conn.execute("SELECT code FROM customers").fetchall() == [("C1",)]


def test_an_older_schema_can_have_its_mode_put_right_before_the_upgrade(
    sqlite_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = open_database(sqlite_path, journal_mode="delete")
    migrate.upgrade(db, "0001")
    db.dispose()
    with closing(sqlite3.connect(sqlite_path)) as raw:  # an older program switched it
        raw.execute("PRAGMA journal_mode = WAL")
    code, _out, err = run(capsys, "--database", str(sqlite_path), "db", "upgrade")
    assert code == 2 and "now in WAL mode" in err
    assert run(capsys, "--database", str(sqlite_path), "db", "journal-mode", "delete")[0] == 0
    assert run(capsys, "--database", str(sqlite_path), "db", "upgrade")[0] == 0
    assert journal.header_mode(sqlite_path) == "delete" == recorded(sqlite_path)
