"""Shared test settings and fixtures.

Qt runs headless (``QT_QPA_PLATFORM=offscreen``), set here before anything imports Qt.
Fixtures: ``scale`` (size factor for slow tests, env ``RETAILERP_SCALE``), ``sqlite_path``,
``postgres_url`` (one throwaway PostgreSQL server and database per session) and
``fresh_pg_url`` (a new empty PostgreSQL database per test), see ``support/postgres.py``.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402

from support.postgres import fresh_pg_url, postgres_server, postgres_url  # noqa: E402, F401

settings.register_profile(
    "ci",
    deadline=None,
    max_examples=int(os.environ.get("RETAILERP_HYPOTHESIS_EXAMPLES", "100")),
)
settings.load_profile("ci")


@pytest.fixture(scope="session")
def scale() -> int:
    """Size factor for slow tests: CI runs them at 1, a stress run sets RETAILERP_SCALE."""
    return int(os.environ.get("RETAILERP_SCALE", "1"))


@pytest.fixture
def sqlite_path(tmp_path: Path) -> Path:
    """Path of a not yet existing SQLite database file in the test's temporary folder."""
    return tmp_path / "shop.db"


PG_FIXTURES = frozenset(
    {"postgres_server", "postgres_url", "fresh_pg_url", "migrated_pg_url", "shared_postgres"}
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that needs PostgreSQL carries the ``postgres`` marker (so ``-m "not
    postgres"`` really leaves the server out): one that asks for a PostgreSQL fixture, or is
    the ``postgres`` case of a parametrised backend, without it stops the run."""
    unmarked = [
        item.nodeid
        for item in items
        if item.get_closest_marker("postgres") is None
        and (
            PG_FIXTURES & set(getattr(item, "fixturenames", ()))
            or "postgres" in getattr(getattr(item, "callspec", None), "params", {}).values()
        )
    ]
    if unmarked:
        raise pytest.UsageError(
            "PostgreSQL tests without @pytest.mark.postgres: " + ", ".join(unmarked)
        )
