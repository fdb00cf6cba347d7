"""The journal mode in the window: explained in Settings, and refusals told at start-up."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QFormLayout, QMessageBox

from retailerp.persistence import migrate
from retailerp.persistence.engine import open_database
from retailerp.ui.app import run_gui
from retailerp.ui.settings_dialog import SettingsDialog
from support.dbtools import as_owner

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[str]:
    """Texts of the message boxes the program showed."""
    monkeypatch.setenv("RETAILERP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("RETAILERP_CONFIG_DIR", str(tmp_path / "config"))
    shown: list[str] = []

    def critical(_parent, _title, text, *_args):  # noqa: ANN001, ANN202
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "critical", critical)
    return shown


def migrated(path: Path, mode: str) -> Path:
    db = open_database(path, journal_mode=mode)
    migrate.upgrade(db)
    db.dispose()
    return path


@pytest.mark.parametrize(
    ("mode", "words"),
    [("wal", "set up for one computer (WAL)"), ("delete", "sharing in a network folder (DELETE)")],
)
def test_settings_explain_the_journal_mode_under_its_field(
    qtbot, tmp_path: Path, mode: str, words: str
) -> None:
    db = open_database(migrated(tmp_path / "shop.db", mode))
    try:
        dialog = SettingsDialog(as_owner(db))
        qtbot.addWidget(dialog)
        help_label = dialog.journal_help
        text = help_label.text()
        assert words in text
        assert "every PC must use the same one" in text and "Automatic" in text
        assert "'retailerp db journal-mode delete' (or wal)" in text
        editor = dialog.form.editor("journal_mode")
        assert isinstance(editor, QComboBox)
        assert editor.itemText(0).startswith("Automatic")
        assert editor.toolTip() == text
        rows = dialog.form.findChildren(QFormLayout)[0]
        field_row = rows.getWidgetPosition(editor)[0]
        assert rows.getWidgetPosition(help_label)[0] == field_row + 2  # after its message row
    finally:
        db.dispose()


def test_the_window_says_when_the_file_is_in_another_mode(
    tmp_path: Path, messages: list[str]
) -> None:
    target = migrated(tmp_path / "shop.db", "delete")
    with closing(sqlite3.connect(target)) as raw:  # an older program switched it
        raw.execute("PRAGMA journal_mode = WAL")
    assert run_gui(str(target), language="en", exit_after=0.2) == 2
    assert len(messages) == 1
    assert "set to DELETE mode for the whole office" in messages[0]
    assert "'retailerp db journal-mode delete'" in messages[0]


def test_the_window_refuses_a_pc_setting_that_contradicts_the_file(
    tmp_path: Path, messages: list[str]
) -> None:
    target = migrated(tmp_path / "shop.db", "wal")
    assert run_gui(str(target), journal_mode="delete", language="en", exit_after=0.2) == 2
    assert "This PC is set to use DELETE mode" in messages[0]
    assert "--journal-mode auto" in messages[0]


def test_a_bad_postgresql_port_is_told_in_words(messages: list[str]) -> None:
    assert run_gui("postgresql://u:pw@server:port/db", language="en", exit_after=0.2) == 2
    assert "is not a database address" in messages[0] and "pw" not in messages[0]
