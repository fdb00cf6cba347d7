"""Integration fixtures: a migrated database on a real SQLite file and on PostgreSQL.

``db`` runs each test twice, once per backend; ``services`` is every service over it for the
owner, on a fixed day (``support.dbtools.TODAY``) so numbers, review periods and revenue
windows are known.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from retailerp.persistence import migrate
from retailerp.persistence.engine import Database, open_database
from retailerp.services import Services
from support.dbtools import services_for


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest, sqlite_path: Path) -> Iterator[Database]:
    """A migrated, empty database: a SQLite file, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        database = open_database(sqlite_path)
    else:
        database = open_database(request.getfixturevalue("fresh_pg_url"))
    migrate.upgrade(database)
    try:
        yield database
    finally:
        database.dispose()


@pytest.fixture
def services(db: Database) -> Services:
    """Every service over ``db`` for the owner, on ``TODAY``."""
    return services_for(db)
