"""Automatic backups: verified copies in this PC's backup folder, rotation on real files, a full
or read-only folder, restore while another program has the file open, and the command line."""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from retailerp import cli, i18n
from retailerp.persistence import backup, last_backup, migrate
from retailerp.persistence.engine import Database, open_database
from retailerp.persistence.errors import DatabaseProblem
from retailerp.services import Page
from support.dbtools import services_for


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    monkeypatch.setenv("RETAILERP_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("RETAILERP_DATA_DIR", str(tmp_path / "data"))
    before = i18n.current_language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)


@pytest.fixture
def shop(migrated_sqlite_path: Path) -> Iterator[Database]:
    db = open_database(migrated_sqlite_path)
    services_for(db).customers.create({"code": "KEEP", "name": "要保留的客户"})
    try:
        yield db
    finally:
        db.dispose()


def customer_codes(path: Path) -> set[str]:
    with closing(sqlite3.connect(path)) as conn:
        return {row[0] for row in conn.execute("SELECT code FROM customers")}


def test_an_automatic_backup_is_a_checked_copy_in_the_databases_own_folder(
    shop: Database, tmp_path: Path
) -> None:
    root = tmp_path / "backups"
    progress: list[tuple[int, int]] = []
    made = backup.automatic_backup(
        shop, root, datetime(2026, 3, 16, 8, 0), lambda done, total: progress.append((done, total))
    )
    assert made.path.parent == backup.folder_for(root, shop.path)
    assert made.path.name == "shop-20260316-080000.db"
    assert made.kind == backup.AUTOMATIC and made.size == made.path.stat().st_size
    assert progress and progress[-1][0] == progress[-1][1] > 0  # every page was reported
    assert customer_codes(made.path) == {"KEEP"}
    with closing(sqlite3.connect(made.path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    assert backup.database_backups(root, shop.path) == [made]
    assert not backup.backup_due(root, shop.path, datetime(2026, 3, 16, 23, 0))
    assert backup.backup_due(root, shop.path, datetime(2026, 3, 17, 7, 0))
    # the same file name in another folder gets a folder of its own
    other = tmp_path / "elsewhere" / "shop.db"
    assert backup.folder_for(root, other) != made.path.parent


def test_rotation_runs_after_each_new_backup_and_keeps_7_daily(
    shop: Database, tmp_path: Path
) -> None:
    root = tmp_path / "backups"
    start = datetime(2026, 3, 1, 18, 0)
    for day in range(12):
        backup.automatic_backup(shop, root, start + timedelta(days=day))
    before_upgrade = backup.make_backup(
        shop.path, backup.folder_for(root, shop.path), backup.BEFORE_UPGRADE, start
    )
    kept = backup.database_backups(root, shop.path)
    days = sorted(b.made.day for b in kept if b.rotated)
    # 6–12 March daily; the weeks' last (Sun 1 and Sun 8 March: the 8th is daily already);
    # the month's last is the 12th
    assert days == [1, 6, 7, 8, 9, 10, 11, 12]
    assert before_upgrade in kept  # the copy before a migration is never rotated away
    leftovers = [p.name for p in before_upgrade.path.parent.iterdir() if ".partial" in p.name]
    assert leftovers == []


def test_a_full_disk_during_the_copy_leaves_the_earlier_backups_and_says_so(
    shop: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "backups"
    good = backup.automatic_backup(shop, root, datetime(2026, 3, 15, 18, 0))
    real_copy = migrate.copy_sqlite

    def copy_then_fill_the_disk(source: Path, target: Path, progress=None) -> None:  # noqa: ANN001
        real_copy(source, target, progress)
        raise OSError(errno.ENOSPC, "No space left on device", str(target))

    monkeypatch.setattr(backup, "copy_sqlite", copy_then_fill_the_disk)
    with pytest.raises(DatabaseProblem) as info:
        backup.automatic_backup(shop, root, datetime(2026, 3, 16, 18, 0))
    assert "There is no room left in" in str(info.value)
    assert "the earlier copies are kept" in str(info.value)
    assert backup.database_backups(root, shop.path) == [good]  # no partial one counts
    assert sorted(p.name for p in good.path.parent.iterdir()) == [good.path.name]
    assert customer_codes(good.path) == {"KEEP"}
    services_for(shop).customers.create({"code": "LATER", "name": "The app goes on"})


def test_sqlite_reporting_a_full_database_is_said_the_same_way(
    shop: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite's own "database or disk is full" (SQLITE_FULL), made real with a page limit."""
    real_connect = sqlite3.connect

    def tiny_target(target: object, *args: object, **kwargs: object) -> sqlite3.Connection:
        conn = real_connect(target, *args, **kwargs)  # type: ignore[arg-type]
        if str(target).endswith(".partial"):
            conn.execute("PRAGMA max_page_count = 3")
        return conn

    monkeypatch.setattr(migrate.sqlite3, "connect", tiny_target)
    with pytest.raises(DatabaseProblem, match="There is no room left in"):
        backup.automatic_backup(shop, tmp_path / "backups", datetime(2026, 3, 16, 18, 0))
    assert backup.database_backups(tmp_path / "backups", shop.path) == []


def test_too_little_free_space_is_refused_before_copying(
    shop: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = backup.shutil.disk_usage

    def nearly_full(path: object) -> object:
        usage = real(path)  # type: ignore[arg-type]
        return type(usage)(usage.total, usage.total - 1000, 1000)

    monkeypatch.setattr(backup.shutil, "disk_usage", nearly_full)
    with pytest.raises(DatabaseProblem) as info:
        backup.automatic_backup(shop, tmp_path / "backups", datetime(2026, 3, 16, 18, 0))
    assert "has 0.0 MB free" in str(info.value)
    assert backup.database_backups(tmp_path / "backups", shop.path) == []


def test_a_folder_that_cannot_be_written_is_said_in_words(
    shop: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    if os.geteuid() != 0:  # a real read-only folder; root writes anywhere, so simulate it
        folder.chmod(0o500)
    else:
        real_access = os.access
        monkeypatch.setattr(
            backup.os, "access", lambda p, m: False if Path(p) == folder else real_access(p, m)
        )
    try:
        with pytest.raises(DatabaseProblem) as info:
            backup.make_backup(shop.path, folder)
    finally:
        folder.chmod(0o700)
    assert "cannot be written to" in str(info.value)
    assert list(folder.iterdir()) == []


def test_a_file_in_the_way_of_the_folder_is_refused(shop: Database, tmp_path: Path) -> None:
    (tmp_path / "backups").write_text("not a folder")
    with pytest.raises(DatabaseProblem):
        backup.automatic_backup(shop, tmp_path / "backups")


def test_postgresql_is_told_to_use_pg_dump(tmp_path: Path) -> None:
    assert "pg_dump" in str(backup.postgres_refusal())
    assert "pg_restore" in str(backup.postgres_refusal())


def test_the_copy_before_a_migration_goes_to_the_backup_folder_checked(
    sqlite_path: Path, tmp_path: Path
) -> None:
    db = open_database(sqlite_path)
    try:
        first = next(iter(sorted(migrate.known_revisions())))
        migrate.upgrade(db, first)
        folder = backup.folder_for(tmp_path / "backups", sqlite_path)
        copy = migrate.upgrade(db, backup_dir=folder)
    finally:
        db.dispose()
    assert copy is not None and copy.parent == folder
    listed = backup.list_backups(folder)
    assert [b.path for b in listed] == [copy] and listed[0].kind == backup.BEFORE_UPGRADE


def test_a_restore_is_refused_while_another_program_has_the_file_open_in_wal(
    tmp_path: Path,
) -> None:
    target = tmp_path / "office.db"
    db = open_database(target, journal_mode="wal")
    migrate.upgrade(db)
    copy = backup.backup(db, tmp_path / "copy.db")
    try:
        services_for(db).customers.page(Page(limit=1))  # a connection stays open in the pool
        assert backup.in_use(target)
        with pytest.raises(DatabaseProblem, match="is open on another PC"):
            backup.restore(copy, target)
        assert not list(tmp_path.glob("office.before-restore-*"))
    finally:
        db.dispose()
    assert not backup.in_use(target)
    assert backup.restore(copy, target) is not None


def test_a_restore_is_refused_during_another_programs_transaction(tmp_path: Path) -> None:
    target = tmp_path / "shared.db"
    db = open_database(target, journal_mode="delete")
    migrate.upgrade(db)
    copy = backup.backup(db, tmp_path / "copy.db")
    db.dispose()
    other = sqlite3.connect(target, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(DatabaseProblem, match="is open on another PC"):
            backup.restore(copy, target)
    finally:
        other.close()


def run(*argv: str) -> int:
    return cli.main(list(argv))


def test_db_backup_without_a_file_writes_into_the_backup_folder_and_lists_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "shop.db"
    assert run("--database", str(target), "db", "upgrade") == 0
    assert run("--database", str(target), "db", "backups") == 0
    assert "No backups of" in capsys.readouterr().out
    assert run("--database", str(target), "db", "backup") == 0
    out = capsys.readouterr().out
    assert "Backup written and checked:" in out
    folder = backup.folder_for(tmp_path / "data" / "backups", target)
    written = backup.list_backups(folder)
    assert len(written) == 1 and str(written[0].path) in out
    assert run("--database", str(target), "db", "backups") == 0
    assert str(written[0].path) in capsys.readouterr().out


def test_the_backup_folder_is_this_pcs_setting(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from retailerp.config import LocalSettings

    LocalSettings(backup_folder=str(tmp_path / "usb")).save()
    target = tmp_path / "shop.db"
    assert run("--database", str(target), "db", "upgrade") == 0
    assert run("--database", str(target), "db", "backup") == 0
    assert len(backup.database_backups(tmp_path / "usb", target)) == 1


def test_a_copy_that_fails_its_check_never_counts(
    shop: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "backups"
    good = backup.automatic_backup(shop, root, datetime(2026, 3, 15, 18, 0))
    real_copy = migrate.copy_sqlite

    def copy_cut_short(source: Path, target: Path, progress=None) -> None:  # noqa: ANN001
        real_copy(source, target, progress)
        with target.open("r+b") as handle:  # the last pages never reached the disk
            handle.truncate(target.stat().st_size // 2)

    monkeypatch.setattr(backup, "copy_sqlite", copy_cut_short)
    with pytest.raises(DatabaseProblem, match="is not a usable backup"):
        backup.automatic_backup(shop, root, datetime(2026, 3, 16, 18, 0))
    assert backup.database_backups(root, shop.path) == [good]
    assert sorted(p.name for p in good.path.parent.iterdir()) == [good.path.name]


def test_a_shop_in_a_folder_named_with_uri_characters_backs_up_and_restores(
    tmp_path: Path, migrated_sqlite_path: Path
) -> None:
    # '#', '?' and '%' mean something in a SQLite URI: the copy once opened another file
    folder = tmp_path / "店 #1?%"
    folder.mkdir()
    path = folder / "shop.db"
    path.write_bytes(migrated_sqlite_path.read_bytes())
    db = open_database(path)
    try:
        services_for(db).customers.create({"code": "KEEP", "name": "要保留的客户"})
        root = folder / "backups #2"
        made = backup.automatic_backup(db, root, datetime(2026, 3, 16, 8, 0))
        assert last_backup.still_current(db, root) == made  # read back through its URI too
        services_for(db).customers.create({"code": "LATER", "name": "后来的客户"})
    finally:
        db.dispose()
    assert customer_codes(made.path) == {"KEEP"}
    backup.restore(made.path, path)
    assert customer_codes(path) == {"KEEP"}
