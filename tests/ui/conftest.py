"""UI test fixtures: Qt headless, and an in-memory page source standing in for SQL."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from ui.fakes import FakeCustomerSource  # noqa: E402


@pytest.fixture
def source() -> FakeCustomerSource:
    """100,000 customers, keyset-paged like the SQL read side would."""
    return FakeCustomerSource(100_000)
