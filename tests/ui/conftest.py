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


# --- a real, migrated SQLite database and the services over it (screens over services) ---

from collections.abc import Callable, Iterator  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import TypeVar  # noqa: E402

from PySide6.QtGui import QInputMethodEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from retailerp import i18n  # noqa: E402
from retailerp.persistence import migrate  # noqa: E402
from retailerp.persistence.engine import Database, open_database  # noqa: E402
from retailerp.services import Page, Services  # noqa: E402
from support.dbtools import as_owner  # noqa: E402

W = TypeVar("W", bound=QWidget)

Ime = Callable[[QWidget, str], None]
"""The ``ime`` fixture: commit text into a widget as an input method does."""


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    """A new SQLite shop database, migrated to this version."""
    database = open_database(tmp_path / "shop.db")
    migrate.upgrade(database)
    yield database
    database.dispose()


@pytest.fixture
def services(db: Database) -> Services:
    return as_owner(db)


@pytest.fixture
def english() -> Iterator[None]:
    """Run in English and restore the language afterwards."""
    before = i18n.current_language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)


@pytest.fixture
def shop_pc(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """This PC is SHOP-PC, with its own settings and data folders (the login and user tests)."""
    monkeypatch.setenv("RETAILERP_PC_NAME", "SHOP-PC")
    monkeypatch.setenv("RETAILERP_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("RETAILERP_DATA_DIR", str(tmp_path / "data"))


@pytest.fixture
def ime() -> Callable[[QWidget, str], None]:
    """Type text the way an input method commits it (``keyClicks`` is ASCII only)."""

    def commit(widget: QWidget, text: str) -> None:
        event = QInputMethodEvent("", [])
        event.setCommitString(text)
        QApplication.sendEvent(widget, event)

    return commit


@pytest.fixture
def show_page(qtbot) -> Callable[[W], W]:
    """Show a module's page at a working size, on screen before the test goes on."""

    def show(widget: W) -> W:
        qtbot.addWidget(widget)
        widget.resize(900, 500)
        widget.show()
        qtbot.waitExposed(widget)
        return widget

    return show


# --- helpers the screen tests import (``from ui.conftest import activate``) ---------------


def activate(qtbot, widget: QWidget) -> None:
    """Show ``widget`` and make it the active window, so that typed keys reach it."""
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


def services_page() -> Page:
    """The first page of a service's list, as the service's default ``Page`` asks it."""
    return Page()


def answer(value):  # noqa: ANN001, ANN201 - a fake prompt answering ``value``
    """A stand-in for a prompt (``prompts.ask_reason``, ``payment_dialog.ask_payment``): it
    answers ``value`` and, given the action, runs it with that answer as the prompt does."""

    def prompt(*_args, act=None, **_kwargs):  # noqa: ANN001, ANN202
        return act(value) if act is not None else value

    return prompt
