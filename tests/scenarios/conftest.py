"""Fixtures for the business scenarios: a fresh shop on SQLite, or on both databases."""

from __future__ import annotations

from pathlib import Path

import pytest

from retailerp import i18n
from support.shop import Shop, open_shop


@pytest.fixture
def shop(sqlite_path: Path) -> Shop:
    i18n.set_language("en")
    return open_shop(sqlite_path)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_shop(request: pytest.FixtureRequest, tmp_path: Path) -> Shop:
    i18n.set_language("en")
    if request.param == "sqlite":
        return open_shop(tmp_path / "shop.db")
    return open_shop(request.getfixturevalue("fresh_pg_url"))
