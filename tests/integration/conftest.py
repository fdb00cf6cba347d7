"""Integration fixtures: a migrated database on a real SQLite file and on PostgreSQL.

``db`` runs each test twice, once per backend; ``services`` is every service over it for the
owner, on a fixed day (``support.dbtools.TODAY``) so numbers, review periods and revenue
windows are known.

SQLite gets a new file per test, a copy of one migrated once per session (the migration
itself is tested in ``test_migrations.py``).  PostgreSQL gets one database per session,
migrated once; before each test every table is emptied, its id sequence restarted and the rows the
migrations seeded are put back, so each test starts from what a fresh, migrated database
holds (ids from 1) — creating a database per test costs ~0.4 s, this ~30 ms.  Tests that
change the schema (migrations) take a database of their own (``fresh_pg_url``).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import MetaData, create_engine

from retailerp.persistence import migrate
from retailerp.persistence.engine import Database, open_database
from retailerp.services import Services
from support.dbtools import services_for
from support.postgres import PostgresServer

SHARED_PG_DATABASE = "retailerp_integration"


class SharedPostgres:
    """The session's migrated PostgreSQL database and the rows its migrations seeded."""

    def __init__(self, url: str) -> None:
        self.url = url
        engine = create_engine(url)
        try:
            with engine.connect() as conn:
                self.metadata = MetaData()
                self.metadata.reflect(conn)
                self.tables = [
                    table for table in self.metadata.sorted_tables
                    if table.name != "alembic_version"
                ]  # fmt: skip
                self.seed: dict[str, list[dict[str, Any]]] = {
                    table.name: [dict(row._mapping) for row in conn.execute(table.select())]
                    for table in self.tables
                }
        finally:
            engine.dispose()

    def reset(self) -> None:
        """Empty every table and put the seeded rows back, as a fresh migration leaves them."""
        engine = create_engine(self.url)
        try:
            with engine.begin() as conn:
                conn.exec_driver_sql("SET LOCAL lock_timeout = '15s'")
                revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").all()
                assert revision == [(migrate.head_revision(),)], (
                    f"a test changed the schema of the shared database ({revision}); "
                    "tests that migrate must use a database of their own (fresh_pg_url)"
                )
                for table in reversed(self.tables):  # DELETE: far cheaper than TRUNCATE here
                    conn.execute(table.delete())
                for table in self.tables:
                    rows = self.seed[table.name]
                    if rows:
                        conn.execute(table.insert(), rows)
                    if "id" in table.c:  # ids start again after the seeded rows
                        conn.exec_driver_sql(
                            f"SELECT setval(pg_get_serial_sequence('\"{table.name}\"', 'id'), "
                            f'(SELECT coalesce(max(id), 0) + 1 FROM "{table.name}"), false)'
                        )
        finally:
            engine.dispose()


@pytest.fixture(scope="session")
def shared_postgres(postgres_server: PostgresServer) -> Iterator[SharedPostgres]:
    postgres_server.drop_database(SHARED_PG_DATABASE)
    url = postgres_server.create_database(SHARED_PG_DATABASE)
    db = open_database(url)
    try:
        migrate.upgrade(db)
    finally:
        db.dispose()
    try:
        yield SharedPostgres(url)
    finally:
        postgres_server.drop_database(SHARED_PG_DATABASE)


@pytest.fixture
def migrated_pg_url(shared_postgres: SharedPostgres) -> str:
    """URL of a PostgreSQL database at the newest schema holding only the seeded rows."""
    shared_postgres.reset()
    return shared_postgres.url


@pytest.fixture(scope="session")
def migrated_sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "migrated.db"
    db = open_database(path, journal_mode="delete")  # as an office's file on a share: the
    # multi-process tests open it so, and the mode is the file's (persistence/journal.py)
    try:
        migrate.upgrade(db)
    finally:
        db.dispose()
    return path


@pytest.fixture
def migrated_sqlite_path(sqlite_path: Path, migrated_sqlite_template: Path) -> Path:
    """A new SQLite file at the newest schema holding only the seeded rows."""
    shutil.copyfile(migrated_sqlite_template, sqlite_path)
    return sqlite_path


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest) -> Iterator[Database]:
    """A migrated database holding only what the migrations seed: a new SQLite file, or
    the session's PostgreSQL database, emptied."""
    if request.param == "sqlite":
        database = open_database(request.getfixturevalue("migrated_sqlite_path"))
        assert migrate.upgrade(database) is None  # already at the newest schema
    else:
        database = open_database(request.getfixturevalue("migrated_pg_url"))
    try:
        yield database
    finally:
        database.dispose()


@pytest.fixture
def services(db: Database) -> Services:
    """Every service over ``db`` for the owner, on ``TODAY``."""
    return services_for(db)
