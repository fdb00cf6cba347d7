"""Migration 0005: an item's bin text becomes a reference to a bin, units become a list."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from retailerp.persistence import migrate
from retailerp.persistence.engine import Database, open_database

ITEM = (
    "INSERT INTO items (sku, name, spec, unit, barcode, price, vat_rate, tracking, min_stock,"
    " bin, active, version, updated_by) VALUES (:sku, :sku, '', :unit, :barcode, 0, 1300,"
    " 'none', 0, :bin, :active, 1, '')"
)


def previous_revision() -> str:
    """The revision 0005 follows (the chain may be rearranged when branches merge)."""
    script = ScriptDirectory.from_config(migrate.alembic_config()).get_revision("0005")
    return str(script.down_revision)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest, sqlite_path: Path) -> Iterator[Database]:
    """A database of its own at the revision before 0005."""
    if request.param == "sqlite":
        database = open_database(sqlite_path)
    else:
        database = open_database(request.getfixturevalue("fresh_pg_url"))
    try:
        migrate.upgrade(database, previous_revision())
        yield database
    finally:
        database.dispose()


def rows(db: Database, sql: str) -> list[tuple]:
    with db.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(sql))]


def test_bin_texts_point_at_bins_and_units_become_a_list(db: Database) -> None:
    with db.engine.begin() as conn:
        wh = conn.execute(text("SELECT id FROM locations WHERE code = 'WH'")).scalar()
        conn.execute(
            text(
                "INSERT INTO locations (code, name, kind, parent_id)"
                " VALUES ('A-01', 'A', 'bin', :p)"
            ),
            {"p": wh},
        )
        for sku, bin_text, unit, barcode in (
            ("TEA", "A-01", "盒", "6901234567892"),
            ("CUP", " b-07 ", "打", ""),
            ("PEN", "", "pcs", ""),
            ("MUG", "B-07", "个", ""),
        ):
            conn.execute(
                text(ITEM),
                {"sku": sku, "bin": bin_text, "unit": unit, "barcode": barcode, "active": True},
            )

    migrate.upgrade(db)

    assert migrate.schema_differences(db) == []
    placed = rows(
        db,
        "SELECT items.sku, locations.code, locations.kind, parent.code FROM items"
        " LEFT JOIN locations ON locations.id = items.bin_id"
        " LEFT JOIN locations parent ON parent.id = locations.parent_id ORDER BY items.sku",
    )
    assert placed == [
        ("CUP", "B-07", "bin", "WH"),
        ("MUG", "B-07", "bin", "WH"),
        ("PEN", None, None, None),
        ("TEA", "A-01", "bin", "WH"),
    ]
    units = [name for (name,) in rows(db, "SELECT name FROM units ORDER BY position")]
    assert units[0] == "个" and units[-1] == "打" and {"盒", "pcs"} <= set(units)
    assert rows(db, "SELECT DISTINCT active FROM locations") in ([(1,)], [(True,)])
    with pytest.raises(IntegrityError), db.engine.begin() as conn:  # still unique when given
        conn.execute(
            text(ITEM.replace(":bin, ", "").replace(" bin,", "")),
            {"sku": "TEA2", "unit": "盒", "barcode": "6901234567892", "active": True},
        )

    migrate.downgrade(db, previous_revision())
    back = rows(db, "SELECT sku, bin FROM items ORDER BY sku")
    assert back == [("CUP", "B-07"), ("MUG", "B-07"), ("PEN", ""), ("TEA", "A-01")]
