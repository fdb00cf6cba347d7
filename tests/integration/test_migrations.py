"""The shipped migrations build exactly the schema in code, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from retailerp.persistence import migrate
from retailerp.persistence import tables as t
from retailerp.persistence.engine import Database, open_database
from retailerp.persistence.errors import DatabaseProblem
from retailerp.services import Page, Services
from support.dbtools import as_owner, row_count

STANDARD = {"WH", "QC", "SCRAP", "CUSTOMERS", "SUPPLIERS", "ADJUST"}


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest, sqlite_path: Path) -> Iterator[Database]:
    """A database of this test's own, migrated here (these tests change the schema, so they
    may not use the shared one of ``conftest.py``): a new SQLite file or PostgreSQL database."""
    if request.param == "sqlite":
        database = open_database(sqlite_path)
    else:
        database = open_database(request.getfixturevalue("fresh_pg_url"))
    try:
        assert migrate.upgrade(database) is None  # nothing to back up in a new database
        yield database
    finally:
        database.dispose()


def first_revision() -> str:
    base = ScriptDirectory.from_config(migrate.alembic_config()).get_base()
    assert base is not None and base != migrate.head_revision(), "needs two revisions"
    return base


def table_names(db: Database) -> set[str]:
    with db.engine.connect() as conn:
        return set(inspect(conn).get_table_names())


def location_codes(db: Database) -> set[str]:
    with db.engine.connect() as conn:
        return set(conn.scalars(text("SELECT code FROM locations")))


def test_models_match_migrations(db: Database) -> None:
    assert migrate.schema_differences(db) == []
    assert migrate.current_revision(db) == migrate.head_revision()
    assert not migrate.needs_upgrade(db)
    assert set(t.metadata.tables) <= table_names(db)
    assert location_codes(db) == STANDARD


def test_upgrade_downgrade_upgrade_round_trip(db: Database, services: Services) -> None:
    services.customers.create({"code": "C1", "name": "上海华联"})
    migrate.downgrade(db, "base")
    assert table_names(db) - {"alembic_version"} == set()
    assert migrate.current_revision(db) is None
    assert migrate.needs_upgrade(db)

    assert migrate.upgrade(db) is None  # nothing left worth a backup
    assert migrate.schema_differences(db) == []
    assert location_codes(db) == STANDARD
    assert row_count(db, t.customers) == 0
    # and the database works again, search included
    services.customers.create({"code": "C2", "name": "北京华联综合超市"})
    assert [r.code for r in services.customers.page(Page(search="华联综"))] == ["C2"]


def test_upgrading_an_up_to_date_database_does_nothing(db: Database) -> None:
    assert migrate.upgrade(db) is None
    assert migrate.upgrade(db) is None
    assert migrate.current_revision(db) == migrate.head_revision()


def test_a_new_sqlite_file_is_created_without_a_backup(sqlite_path: Path) -> None:
    db = open_database(sqlite_path)
    try:
        assert migrate.current_revision(db) is None
        assert migrate.upgrade(db) is None
        assert migrate.current_revision(db) == migrate.head_revision()
    finally:
        db.dispose()
    assert [p.name for p in sqlite_path.parent.iterdir() if "before-upgrade" in p.name] == []


def test_a_database_from_a_newer_program_is_refused(db: Database) -> None:
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'ffff9999'"))
    for action in (migrate.needs_upgrade, migrate.upgrade):
        with pytest.raises(DatabaseProblem) as info:
            action(db)
        assert "newer" in str(info.value)
        assert "ffff9999" in str(info.value)
    assert migrate.schema_differences(db) == []  # nothing was touched


def test_a_sqlite_file_with_data_is_copied_before_it_is_upgraded(
    sqlite_path: Path, tmp_path: Path
) -> None:
    first = first_revision()
    db = open_database(sqlite_path)
    try:
        assert migrate.upgrade(db, first) is None  # a new file: nothing to keep
        with db.engine.begin() as conn:
            conn.execute(text(
                "INSERT INTO customers (code, name, contact, phone, address, tax_id, bank_name,"
                " bank_account, payment_terms_days, credit_limit, credit_note, salesperson,"
                " computed_class, pinned_by, pinned_reason, status, end_reason, created_on,"
                " version, updated_by) VALUES ('KEEP', '要保留的客户', '', '', '', '', '', '',"
                " 30, 0, '', '', 'C', '', '', 'active', '', '2026-01-01', 1, '')"
            ))  # fmt: skip
        assert migrate.needs_upgrade(db)
        backups = tmp_path / "backups"
        backups.mkdir()
        copy = migrate.upgrade(db, backup_dir=backups)
        assert migrate.current_revision(db) == migrate.head_revision()
        assert not migrate.needs_upgrade(db)
        assert migrate.schema_differences(db) == []
        assert as_owner(db).customers.page(Page(search="要保留"))[0].code == "KEEP"
    finally:
        db.dispose()
    assert copy is not None and copy.parent == backups
    assert copy.name.startswith("shop.before-upgrade-") and copy.suffix == ".db"
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT code, name FROM customers").fetchall() == [
            ("KEEP", "要保留的客户")
        ]
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (first,)


def test_stepping_down_and_up_one_revision_keeps_the_data(db: Database, services: Services) -> (
    None
):  # fmt: skip
    customer = services.customers.create({"code": "C1", "name": "上海华联", "credit_limit": 500})
    first = first_revision()
    migrate.downgrade(db, first)
    assert migrate.current_revision(db) == first
    copy = migrate.upgrade(db)
    assert (copy is not None and copy.exists()) if db.is_sqlite else copy is None
    assert migrate.schema_differences(db) == []
    again = services.customers.get(customer.id)
    assert (again.code, again.name, again.credit_limit) == ("C1", "上海华联", customer.credit_limit)


@pytest.mark.postgres
def test_a_server_database_is_never_copied_by_the_program(fresh_pg_url: str) -> None:
    db = open_database(fresh_pg_url)
    try:
        assert migrate.upgrade(db, first_revision()) is None
        with db.engine.begin() as conn:  # data in the old schema (the code maps the newest)
            conn.execute(text("INSERT INTO settings (key, value) VALUES ('shop', 'x')"))
        assert migrate.upgrade(db) is None  # backing up a server is pg_dump's job
        assert migrate.current_revision(db) == migrate.head_revision()
    finally:
        db.dispose()


def test_migrations_leave_foreign_keys_switched_on(sqlite_path: Path) -> None:
    db = open_database(sqlite_path)
    try:
        migrate.upgrade(db)
        migrate.downgrade(db, "base")
        migrate.upgrade(db)
        for _ in range(3):  # every pooled connection
            with db.engine.connect() as conn:
                assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
                assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
    finally:
        db.dispose()


def test_the_sqlite_search_table_comes_and_goes_with_the_schema(sqlite_path: Path) -> None:
    db = open_database(sqlite_path)
    try:
        migrate.upgrade(db)
        assert "customer_search" in table_names(db)
        migrate.downgrade(db, "base")
        assert "customer_search" not in table_names(db)
    finally:
        db.dispose()


def test_the_pinyin_migration_spells_the_names_already_there(db: Database) -> None:
    migrate.downgrade(db, "0002")
    with db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO customers (code, name, contact, phone, address, tax_id, bank_name,"
                " bank_account, payment_terms_days, credit_limit, credit_note, salesperson,"
                " computed_class, pinned_by, pinned_reason, status, end_reason, created_on,"
                " version, updated_by) VALUES ('C1', '上海华联', '', '', '', '', '', '', 30, 0,"
                " '', '', 'C', '', '', 'active', '', '2026-01-05', 1, '')"
            )
        )
    migrate.upgrade(db)
    found = as_owner(db).customers.page(Page(search="shhl"))
    assert [(row.code, row.name) for row in found] == [("C1", "上海华联")]
