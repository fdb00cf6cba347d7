"""The shortcuts issue 12 added keep their answers: one settings read per transaction that
still sees its own changes, and a start-up schema check that needs no alembic."""

from __future__ import annotations

import base64
import subprocess
import sys
from pathlib import Path

from sqlalchemy import event

from retailerp.persistence import migrate
from retailerp.persistence.engine import Database, open_database
from retailerp.persistence.unit_of_work import read, write


def _settings_reads(db: Database, work) -> tuple[object, int]:  # noqa: ANN001
    seen: list[str] = []

    def note(_c, _cur, sql, *_args) -> None:  # noqa: ANN001
        if "FROM settings" in sql:
            seen.append(sql)

    event.listen(db.engine, "before_cursor_execute", note)
    try:
        return write(db, work), len(seen)
    finally:
        event.remove(db.engine, "before_cursor_execute", note)


def test_one_settings_read_per_transaction_sees_its_own_changes(db: Database) -> None:
    logo = base64.b64encode(b"\x89PNG" + b"x" * 9000).decode("ascii")  # a long value

    def work(uow):  # noqa: ANN001, ANN202
        first = uow.settings.get("sales.price_floor", "0.5")
        uow.settings.set("sales.price_floor", "0.7")
        uow.settings.set("company.logo", logo)
        return first, uow.settings.get("sales.price_floor"), uow.settings.get("nothing", "d")

    (first, after, missing), reads = _settings_reads(db, work)
    assert (first, after, missing) == ("0.5", "0.7", "d")
    assert reads == 1

    def again(uow):  # noqa: ANN001, ANN202
        return [uow.settings.get(k) for k in ("sales.price_floor", "company.logo", "x")]

    values, reads = _settings_reads(db, again)
    assert values == ["0.7", logo, ""]
    assert reads == 2  # the short ones at once; the long logo on demand
    assert read(db, lambda uow: uow.settings.get("company.logo")) == logo


def test_schema_head_is_known_without_alembic(tmp_path: Path) -> None:
    assert migrate.file_head() == migrate.head_revision()
    path = tmp_path / "shop.db"
    db = open_database(path)
    assert not migrate.at_head(db)  # a new file: alembic must run
    migrate.upgrade(db)
    assert migrate.at_head(db) and migrate.stored_revision(db) == migrate.head_revision()
    db.dispose()
    script = (
        "import sys\n"
        "from retailerp.persistence import migrate\n"
        "from retailerp.persistence.engine import open_database\n"
        f"db = open_database({str(path)!r})\n"
        "assert migrate.upgrade(db) is None\n"
        "print('alembic' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "False"
