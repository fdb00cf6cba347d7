"""Whether the newest backup still holds everything (``persistence.last_backup``): the backup
on closing is skipped only when nothing but sign-ins, sign-outs and presence was written."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from retailerp.domain.security import NOBODY
from retailerp.domain.users import LoginRefused
from retailerp.persistence import backup, journal, last_backup
from retailerp.persistence.engine import Database, open_database
from retailerp.services import Services
from support.dbtools import services_for

PASSWORD = "a long secret"


@pytest.fixture
def shop(migrated_sqlite_path: Path) -> Iterator[Database]:
    db = open_database(migrated_sqlite_path)
    Services.over(db, actor=NOBODY).users.create_first_owner("boss", "Boss", PASSWORD)
    services_for(db, "boss").customers.create({"code": "KEEP", "name": "要保留的客户"})
    try:
        yield db
    finally:
        db.dispose()


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return tmp_path / "backups"


def backed_up(db: Database, root: Path, hour: int = 8) -> backup.BackupFile:
    return backup.automatic_backup(db, root, datetime(2026, 3, 16, hour, 0))


def test_right_after_a_backup_it_is_current(shop: Database, root: Path) -> None:
    made = backed_up(shop, root)
    assert last_backup.still_current(shop, root) == made


def test_there_is_nothing_to_compare_without_a_backup(shop: Database, root: Path) -> None:
    assert last_backup.still_current(shop, root) is None


def test_signing_in_and_out_and_being_connected_change_nothing(shop: Database, root: Path) -> None:
    made = backed_up(shop, root)
    anyone = Services.over(shop, actor=NOBODY)
    boss = Services.over(shop, actor=anyone.users.login("boss", PASSWORD))
    boss.office.open()
    boss.office.heartbeat()
    boss.users.logout()
    assert last_backup.still_current(shop, root) == made


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda s: s.customers.create({"code": "NEW", "name": "新"}), id="customer"),
        pytest.param(lambda s: s.settings.save_company({"name": "华联超市"}), id="setting"),
        pytest.param(lambda s: s.stock.add_bin("A-01"), id="bin"),
    ],
)
def test_any_write_to_the_shop_makes_it_out_of_date(shop: Database, root: Path, change) -> None:  # noqa: ANN001
    backed_up(shop, root)
    change(services_for(shop, "boss"))
    assert last_backup.still_current(shop, root) is None


def test_a_failed_sign_in_is_not_set_aside(shop: Database, root: Path) -> None:
    backed_up(shop, root)
    with pytest.raises(LoginRefused):
        Services.over(shop, actor=NOBODY).users.login("boss", "wrong")
    assert last_backup.still_current(shop, root) is None


def test_only_the_newest_backup_counts(shop: Database, root: Path) -> None:
    backed_up(shop, root, hour=8)
    services_for(shop, "boss").customers.create({"code": "NEW", "name": "新客户"})
    newest = backed_up(shop, root, hour=9)
    assert last_backup.still_current(shop, root) == newest


def test_a_restored_older_copy_written_to_again_is_not_the_newest_backup(
    shop: Database, root: Path
) -> None:
    older = backed_up(shop, root, hour=8)
    services_for(shop, "boss").customers.create({"code": "B1", "name": "乙一"})
    backed_up(shop, root, hour=9)
    path = shop.path
    assert path is not None
    shop.dispose()
    backup.restore(older.path, path)
    again = open_database(path)
    try:
        # as many writes to the same tables as the newest backup saw since the older one
        services_for(again, "boss").customers.create({"code": "B2", "name": "乙二"})
        assert last_backup.still_current(again, root) is None
    finally:
        again.dispose()


def test_an_unreadable_newest_backup_counts_as_out_of_date(shop: Database, root: Path) -> None:
    made = backed_up(shop, root)
    made.path.write_bytes(b"not a database at all")
    assert last_backup.still_current(shop, root) is None


@pytest.mark.parametrize(
    ("where", "uri"),
    [
        ("/home/店/a b#1?%.db", "file:/home/%E5%BA%97/a%20b%231%3F%25.db?mode=ro"),
        ("C:/Shop Data/shop.db", "file:///C:/Shop%20Data/shop.db?mode=ro"),
        ("//server/share/shop.db", "file:////server/share/shop.db?mode=ro"),
    ],
)
def test_a_file_is_named_to_sqlite_with_every_special_character_escaped(
    where: str, uri: str
) -> None:
    assert journal.uri_of(where, "mode=ro") == uri


def test_a_write_that_leaves_no_audit_entry_still_counts(shop: Database, root: Path) -> None:
    from sqlalchemy import text

    from retailerp.persistence.core_work import write

    series = "INSERT INTO number_series (doc_type, year, last) VALUES ('XX', 2026, 1)"
    write(shop, lambda uow: uow.session.execute(text(series)))
    backed_up(shop, root)
    # a number taken from a series that exists: no row added, no audit entry of its own;
    # only the table's change counter moves
    taken = "UPDATE number_series SET last = last + 1 WHERE doc_type = 'XX'"
    write(shop, lambda uow: uow.session.execute(text(taken)))
    assert last_backup.still_current(shop, root) is None


def test_a_users_row_changed_without_an_audit_entry_counts(shop: Database, root: Path) -> None:
    from sqlalchemy import text

    from retailerp.persistence.core_work import write

    backed_up(shop, root)
    write(shop, lambda uow: uow.session.execute(text("UPDATE users SET failed_logins = 2")))
    assert last_backup.still_current(shop, root) is None


def test_rows_added_or_a_table_made_beside_the_program_count(shop: Database, root: Path) -> None:
    import sqlite3
    from contextlib import closing

    assert shop.path is not None
    backed_up(shop, root, hour=8)
    with closing(sqlite3.connect(shop.path)) as raw, raw:  # a database tool
        raw.execute("DELETE FROM customers WHERE code = 'KEEP'")
    assert last_backup.still_current(shop, root) is None
    backed_up(shop, root, hour=9)
    with closing(sqlite3.connect(shop.path)) as raw, raw:
        raw.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    assert last_backup.still_current(shop, root) is None
