"""``retailerp db migrate-to``: a demo SQLite database into an empty PostgreSQL database,
checked table by table; a target that is not empty is refused and left as it was."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from retailerp import cli, i18n
from retailerp.domain.numbering import DocumentType
from retailerp.persistence import migrate
from retailerp.persistence.engine import open_database
from retailerp.persistence.migrate_to import copied_tables, money_sum, stock_by_place
from retailerp.persistence.unit_of_work import write
from retailerp.services import Page
from support.dbtools import as_owner

pytestmark = pytest.mark.postgres


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    monkeypatch.setenv("RETAILERP_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("RETAILERP_DATA_DIR", str(tmp_path / "data"))
    before = i18n.current_language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo database (every kind of document), made once for the module."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    assert cli.main(["--database", str(path), "demo", "--customers", "8", "--items", "8"]) == 0
    return path


def counts(url_or_path: str) -> dict[str, int]:
    db = open_database(url_or_path, must_exist=True)
    try:
        with db.engine.connect() as conn:
            return {
                table.name: conn.execute(text(f'SELECT count(*) FROM "{table.name}"')).scalar_one()
                for table in copied_tables()
            }
    finally:
        db.dispose()


def relations(url: str) -> list[str]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return [
                row[0]
                for row in conn.execute(
                    text(
                        "SELECT c.relname FROM pg_class c JOIN pg_namespace n "
                        "ON n.oid = c.relnamespace WHERE n.nspname = 'public' ORDER BY 1"
                    )
                )
            ]
    finally:
        engine.dispose()


def test_a_demo_database_moves_to_postgresql_checked_and_ready_to_use(
    demo_file: Path, fresh_pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    source_counts = counts(str(demo_file))
    code = cli.main(["--database", str(demo_file), "db", "migrate-to", fresh_pg_url])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "Copied customers: 8 rows" in out
    total = sum(source_counts.values())
    assert f"Copied {total:,} rows of {len(source_counts)} tables into" in out
    assert "every table has as many rows" in out
    assert "the money totals are the same (invoices " in out
    assert "--database" in out
    # the same rows, stock and money on both sides, counted here independently
    assert counts(fresh_pg_url) == source_counts
    assert source_counts["invoices"] > 0 and source_counts["red_invoices"] > 0
    src, dst = open_database(str(demo_file), must_exist=True), open_database(fresh_pg_url)
    try:
        with src.engine.connect() as a, dst.engine.connect() as b:
            assert stock_by_place(a) == stock_by_place(b) and stock_by_place(a)
            for table, column in (("invoices", "gross"), ("payments", "amount")):
                assert money_sum(a, table, column) == money_sum(b, table, column)
        assert migrate.current_revision(dst) == migrate.head_revision()
        assert migrate.schema_differences(dst) == []
        on_pg, on_file = as_owner(dst), as_owner(src)
        assert on_pg.stock.ledger_mismatches() == []
        codes = [row.code for row in on_pg.customers.page(Page(limit=100))]
        assert codes == [row.code for row in on_file.customers.page(Page(limit=100))]
        # ids continue past the copied ones, and the next document number follows on
        made = on_pg.customers.create({"code": "NEW-PG", "name": "新客户 on the server"})
        assert made.id > max(row.id for row in on_file.customers.page(Page(limit=100)))
        year = date.today().year
        number_on_file = write(src, lambda u: u.documents.next_number(DocumentType.INVOICE, year))
        number_on_pg = write(dst, lambda u: u.documents.next_number(DocumentType.INVOICE, year))
        assert number_on_pg == number_on_file
    finally:
        src.dispose()
        dst.dispose()


def test_a_target_that_is_not_empty_is_refused_and_nothing_is_written(
    demo_file: Path, fresh_pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = create_engine(fresh_pg_url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE their_invoices (id serial PRIMARY KEY, total int)"))
        conn.execute(text("INSERT INTO their_invoices (total) VALUES (100)"))
    engine.dispose()
    before = relations(fresh_pg_url)
    code = cli.main(["--database", str(demo_file), "db", "migrate-to", fresh_pg_url])
    err = capsys.readouterr().err
    assert code == 2
    assert "is not empty" in err and "their_invoices" in err and "Nothing was written" in err
    assert len(err.strip().splitlines()) == 1
    assert relations(fresh_pg_url) == before  # no alembic_version, no tables of ours


def test_an_already_migrated_target_is_refused_too(
    demo_file: Path, migrated_pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = counts(migrated_pg_url)
    assert cli.main(["--database", str(demo_file), "db", "migrate-to", migrated_pg_url]) == 2
    assert "is not empty" in capsys.readouterr().err
    assert counts(migrated_pg_url) == before


def test_db_backup_on_postgresql_says_to_use_pg_dump(
    migrated_pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    for command in (["db", "backup"], ["db", "backups"]):
        assert cli.main(["--database", migrated_pg_url, *command]) == 2
        err = capsys.readouterr().err
        assert "pg_dump" in err and "pg_restore" in err and len(err.strip().splitlines()) == 1


def test_the_backups_page_on_postgresql_tells_the_owner_about_pg_dump(
    qtbot, migrated_pg_url: str
) -> None:
    from PySide6.QtWidgets import QLabel

    from retailerp.config import LocalSettings
    from retailerp.ui.settings_backups import BackupsPage

    db = open_database(migrated_pg_url)
    try:
        page = BackupsPage(as_owner(db), LocalSettings())
        qtbot.addWidget(page)
        assert page.table is None and page.folder is None
        note = page.findChild(QLabel, "postgres_backup_note")
        assert note is not None and "pg_dump" in note.text() and "pg_restore" in note.text()
        assert page.save_into(LocalSettings())
    finally:
        db.dispose()


def test_a_copy_that_does_not_match_is_undone_and_the_target_stays_empty(
    demo_file: Path, fresh_pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from retailerp.persistence import migrate_to as module
    from retailerp.persistence.errors import DatabaseProblem

    real_copy = module.copy_table

    def lose_a_payment(reader, writer, table, batch, say):  # noqa: ANN001, ANN202
        copied = real_copy(reader, writer, table, batch, say)
        if table.name == "payment_allocations":  # a row lost on the way
            writer.execute(text("DELETE FROM payment_allocations WHERE id = (SELECT min(id) "
                                "FROM payment_allocations)"))  # fmt: skip
        return copied

    monkeypatch.setattr(module, "copy_table", lose_a_payment)
    with pytest.raises(DatabaseProblem) as info:
        module.migrate_to(str(demo_file), fresh_pg_url)
    assert "does not match" in str(info.value) and "payment_allocations" in str(info.value)
    assert relations(fresh_pg_url) == []  # schema and rows rolled back together
