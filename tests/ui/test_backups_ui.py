"""Settings ▸ Backups (the list, Back up now, Restore… with a confirmation, the folder) and the
automatic backups of the window (first start of the day, on closing)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from retailerp.config import LocalSettings
from retailerp.persistence import backup
from retailerp.persistence.engine import Database
from retailerp.services import Page, Services
from retailerp.services.changes import ChangeSet
from retailerp.ui import auto_backup
from retailerp.ui.app import build_main_window
from retailerp.ui.settings_backups import BackupsPage, size_text
from retailerp.ui.settings_dialog import SettingsDialog
from support.dbtools import services_for

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture(autouse=True)
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("RETAILERP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("RETAILERP_CONFIG_DIR", str(tmp_path / "config"))
    yield tmp_path / "data" / "backups"


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Questions answered Yes, warnings recorded (title, text)."""
    shown: list[tuple[str, str]] = []

    def question(_parent, title, text, *_args):  # noqa: ANN001, ANN202
        shown.append((title, text))
        return QMessageBox.StandardButton.Yes

    def warning(_parent, title, text, *_args):  # noqa: ANN001, ANN202
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "warning", warning)
    return shown


def page_for(qtbot, services: Services) -> BackupsPage:  # noqa: ANN001
    page = BackupsPage(services, LocalSettings.load())
    qtbot.addWidget(page)
    page.show()
    return page


def wait_idle(qtbot, page: BackupsPage) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: page.task is None, timeout=20_000)


def test_the_list_shows_each_backup_with_its_date_size_and_kind(
    qtbot, services: Services, db: Database, folders: Path
) -> None:
    assert db.path is not None
    backup.automatic_backup(db, folders, datetime(2026, 3, 14, 18, 0))
    backup.make_backup(
        db.path, backup.folder_for(folders, db.path), backup.BEFORE_UPGRADE,
        datetime(2026, 3, 15, 9, 30),
    )  # fmt: skip
    page = page_for(qtbot, services)
    table = page.table
    assert table is not None and table.rowCount() == 2
    rows = [[table.item(r, c).text() for c in range(3)] for r in range(2)]
    assert [row[0] for row in rows] == ["2026-03-15 09:30:00", "2026-03-14 18:00:00"]
    assert [row[2] for row in rows] == ["before an upgrade", "automatic"]
    assert rows[1][1] == size_text(backup.database_backups(folders, db.path)[1].size)
    assert page.restore_button.isEnabled()
    assert size_text(812_345) == "0.8 MB" and size_text(12_000) == "12 KB"


def test_back_up_now_runs_off_the_ui_thread_and_lists_the_new_copy(
    qtbot, services: Services, db: Database, folders: Path, answers: list
) -> None:
    page = page_for(qtbot, services)
    assert page.table is not None and page.table.rowCount() == 0
    assert not page.restore_button.isEnabled()
    assert page.back_up_now() is not None
    wait_idle(qtbot, page)
    assert page.table.rowCount() == 1
    assert page.status.text().startswith("Backup made and checked:")
    assert answers == []


def test_restore_asks_then_brings_the_backup_back_and_every_list_reloads(
    qtbot, services: Services, db: Database, folders: Path, answers: list
) -> None:
    services.customers.create({"code": "BEFORE", "name": "In the backup"})
    backup.automatic_backup(db, folders, datetime(2026, 3, 14, 18, 0))
    services.customers.create({"code": "AFTER", "name": "Typed after the backup"})
    heard: list[ChangeSet] = []
    services.changes.subscribe(heard.append)
    page = page_for(qtbot, services)
    assert page.ask_restore() is not None
    wait_idle(qtbot, page)
    assert "Replace the database with the backup shop-20260314-180000.db" in answers[0][1]
    assert {row.code for row in services.customers.page(Page(limit=10))} == {"BEFORE"}
    assert any(not change.kinds ^ ChangeSet.everything().kinds for change in heard)
    assert "The backup was restored." in page.status.text()
    kept = list(db.path.parent.glob("shop.before-restore-*.db"))
    assert len(kept) == 1 and str(kept[0]) in page.status.text()


def test_restore_is_not_done_when_the_answer_is_no(
    qtbot, services: Services, db: Database, folders: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup.automatic_backup(db, folders, datetime(2026, 3, 14, 18, 0))
    services.customers.create({"code": "STAYS", "name": "Not taken out"})
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.No)
    page = page_for(qtbot, services)
    assert page.ask_restore() is None
    assert {row.code for row in services.customers.page(Page(limit=10))} == {"STAYS"}


def test_restore_while_another_program_has_the_file_open_is_refused_and_work_goes_on(
    qtbot, services: Services, db: Database, folders: Path, answers: list
) -> None:
    assert db.path is not None and db.journal_mode == "wal"
    backup.automatic_backup(db, folders, datetime(2026, 3, 14, 18, 0))
    services.customers.create({"code": "KEPT", "name": "Still here"})
    other = sqlite3.connect(db.path)
    try:
        other.execute("SELECT count(*) FROM customers").fetchone()  # another PC has it open
        page = page_for(qtbot, services)
        page.ask_restore()
        wait_idle(qtbot, page)
        assert "is open on another PC" in page.status.text()
    finally:
        other.close()
    assert {row.code for row in services.customers.page(Page(limit=10))} == {"KEPT"}
    assert not list(db.path.parent.glob("shop.before-restore-*"))


def test_a_folder_that_is_a_file_is_refused_under_the_field(
    qtbot, services: Services, tmp_path: Path
) -> None:
    (tmp_path / "a-file").write_text("x")
    dialog = SettingsDialog(services, LocalSettings.load())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.backups.folder.setText(str(tmp_path / "a-file" / "backups"))
    assert dialog.save() is False
    assert dialog.tabs.currentWidget() is dialog.backups
    assert "is a file, not a folder" in dialog.backups.folder_error.text()
    dialog.backups.folder.setText(str(tmp_path / "usb"))
    assert dialog.save() is True
    assert LocalSettings.load().backup_folder == str(tmp_path / "usb")
    assert LocalSettings.load().backup_root() == tmp_path / "usb"


def test_the_first_start_of_a_day_makes_one_backup(
    qtbot, services: Services, db: Database, folders: Path, answers: list
) -> None:
    window = build_main_window(services, str(db.path))
    qtbot.addWidget(window)
    assert auto_backup.start_daily_backup(window, db)
    qtbot.waitUntil(lambda: len(backup.database_backups(folders, db.path)) == 1, timeout=20_000)
    qtbot.waitUntil(lambda: "Backup made" in window.statusBar().currentMessage(), timeout=20_000)
    assert not auto_backup.start_daily_backup(window, db)  # one a day is enough
    assert answers == []


def test_a_failing_daily_backup_is_said_and_the_program_goes_on(
    qtbot, services: Services, db: Database, tmp_path: Path, answers: list
) -> None:
    (tmp_path / "blocked").write_text("a file where the folder should be")
    LocalSettings(backup_folder=str(tmp_path / "blocked")).save()
    window = build_main_window(services, str(db.path))
    qtbot.addWidget(window)
    assert auto_backup.start_daily_backup(window, db)
    qtbot.waitUntil(lambda: answers != [], timeout=20_000)
    title, text = answers[0]
    assert title == "Backup not made" and "RetailERP goes on working" in text
    services.customers.create({"code": "GOES-ON", "name": "Work goes on"})


def window_closing_with_backup(qtbot, services: Services, db: Database):  # noqa: ANN001, ANN201
    """The main window shown, and the close's backup installed as ``run_gui`` does."""
    from PySide6.QtWidgets import QApplication

    window = build_main_window(services, str(db.path))
    qtbot.addWidget(window)
    window.show()
    return window, auto_backup.BackupOnClose(QApplication.instance(), db)


def test_closing_the_window_backs_up_first_then_closes(
    qtbot, services: Services, db: Database, folders: Path, answers: list
) -> None:
    window, on_close = window_closing_with_backup(qtbot, services, db)
    try:
        window.close()
        assert on_close.task is not None  # the close waited for the backup
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=20_000)
        assert len(backup.database_backups(folders, db.path)) == 1
    finally:
        on_close.remove()


def test_closing_after_no_work_keeps_the_newest_backup_and_closes(
    qtbot, services: Services, db: Database, folders: Path, answers: list
) -> None:
    services.customers.create({"code": "KEEP", "name": "要保留的客户"})
    kept = backup.automatic_backup(db, folders, datetime(2026, 3, 14, 18, 0))
    window, on_close = window_closing_with_backup(qtbot, services, db)
    try:
        window.close()
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=20_000)
        assert on_close.finished
        assert backup.database_backups(folders, db.path) == [kept]
    finally:
        on_close.remove()


def test_closing_while_the_days_first_backup_runs_waits_for_it_and_copies_no_more(
    qtbot, services: Services, db: Database, folders: Path, answers: list, monkeypatch
) -> None:  # noqa: ANN001
    import time

    services.customers.create({"code": "KEEP", "name": "要保留的客户"})
    real = backup.automatic_backup
    copying: list[str] = []

    def slow(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        copying.append("start")
        time.sleep(0.5)  # a large file: the window is closed before the copy ends
        return real(*args, **kwargs)

    monkeypatch.setattr(backup, "automatic_backup", slow)
    window, on_close = window_closing_with_backup(qtbot, services, db)
    assert auto_backup.start_daily_backup(window, db)
    qtbot.waitUntil(lambda: copying != [], timeout=5_000)
    try:
        window.close()
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=20_000)
        assert copying == ["start"]  # the close compared with the day's first, made none
        assert len(backup.database_backups(folders, db.path)) == 1
    finally:
        on_close.remove()


def test_run_gui_backs_up_at_start_and_on_quitting_when_something_changed(
    qtbot, folders: Path, answers: list, tmp_path: Path
) -> None:
    from retailerp.config import pc_name
    from retailerp.domain.security import NOBODY
    from retailerp.persistence import migrate
    from retailerp.persistence.engine import open_database
    from retailerp.services import Services
    from retailerp.ui.app import run_gui

    target = tmp_path / "office.db"
    db = open_database(target)
    migrate.upgrade(db)
    # the owner's account, and this PC starts without a login: the window opens by itself
    Services.over(db, actor=NOBODY).users.create_first_owner(
        "boss", "Boss", "a long secret", pc=pc_name()
    )
    db.dispose()
    assert run_gui(str(target), language="en", exit_after=0.5) == 0  # quits by itself
    # the first start of the day made one; quitting made none: nothing was written since
    # but the sign-in and sign-out
    assert len(made := backup.database_backups(folders, target)) == 1
    db = open_database(target)
    services_for(db, "boss").customers.create({"code": "NEW", "name": "新客户"})
    db.dispose()
    assert run_gui(str(target), language="en", exit_after=0.5) == 0
    after_work = backup.database_backups(folders, target)
    assert len(after_work) == 2  # the day's first exists; quitting backed up the new customer
    with closing(sqlite3.connect(after_work[0].path)) as copy:
        assert copy.execute("SELECT count(*) FROM customers WHERE code = 'NEW'").fetchone() == (1,)
    assert run_gui(str(target), language="en", exit_after=0.5) == 0
    assert backup.database_backups(folders, target) == after_work  # nothing new to keep
    assert made[0] in after_work and answers == []
