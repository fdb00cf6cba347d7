"""warehouses and bins as master data, the item's bin as a location, units as a list

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 23:20:00

Locations get an ``active`` flag; an item's bin becomes a reference to a location (text
values are matched to bins by code, and a bin is made in the main warehouse for a code no
location has); stock document lines name their own bin; the shop's units are a table
seeded with the standard list and every unit items already use.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

STANDARD_UNITS = (
    "个", "件", "箱", "袋", "提", "盒", "包", "瓶", "罐", "听", "套", "双", "台", "支",
    "张", "本", "卷", "桶", "条", "块", "把", "副", "对", "只", "片",
    "kg", "g", "L", "ml", "m", "pcs",
)  # fmt: skip
"""A copy as of this revision (migrations do not import the code they migrate)."""

BARCODE_WHERE = sa.text("barcode <> ''")


def upgrade() -> None:
    with op.batch_alter_table("locations", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.true())
        )
    _create_units()
    with op.batch_alter_table("stock_document_lines", schema=None) as batch_op:
        batch_op.add_column(sa.Column("location_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_stock_document_lines_location_id_locations"),
            "locations",
            ["location_id"],
            ["id"],
        )
    with op.batch_alter_table("items", schema=None) as batch_op:
        batch_op.add_column(sa.Column("bin_id", sa.Integer(), nullable=True))
    _bins_from_text()
    _drop_barcode_index()
    with op.batch_alter_table("items", schema=None) as batch_op:
        batch_op.drop_column("bin")
        batch_op.create_foreign_key(
            batch_op.f("fk_items_bin_id_locations"), "locations", ["bin_id"], ["id"]
        )
        batch_op.create_index(batch_op.f("ix_items_bin_id"), ["bin_id"], unique=False)
    _create_barcode_index()


def _create_units() -> None:
    units = op.create_table(
        "units",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=10), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_units")),
        sa.UniqueConstraint("name", name=op.f("uq_units_name")),
    )
    used = [
        name
        for (name,) in op.get_bind().execute(sa.text("SELECT DISTINCT unit FROM items"))
        if name and name not in STANDARD_UNITS
    ]
    names = list(STANDARD_UNITS) + sorted(used)
    op.bulk_insert(
        units, [{"name": n, "active": True, "position": i} for i, n in enumerate(names, 1)]
    )


def _bins_from_text() -> None:
    """Point every item at the location its bin text names, making missing bins in WH."""
    bind = op.get_bind()
    codes = sorted(
        {
            (text or "").strip().upper()
            for (text,) in bind.execute(sa.text("SELECT DISTINCT bin FROM items"))
            if (text or "").strip()
        }
    )
    if not codes:
        return
    warehouse = bind.execute(sa.text("SELECT id FROM locations WHERE code = 'WH'")).scalar()
    for code in codes:
        found = bind.execute(
            sa.text("SELECT id FROM locations WHERE code = :c"), {"c": code}
        ).scalar()
        if found is None:
            bind.execute(
                sa.text(
                    "INSERT INTO locations (code, name, kind, parent_id, active) "
                    "VALUES (:c, :c, 'bin', :p, :a)"
                ),
                {"c": code, "p": warehouse, "a": True},
            )
            found = bind.execute(
                sa.text("SELECT id FROM locations WHERE code = :c"), {"c": code}
            ).scalar()
        bind.execute(
            sa.text("UPDATE items SET bin_id = :i WHERE UPPER(TRIM(bin)) = :c"),
            {"i": found, "c": code},
        )


def _drop_barcode_index() -> None:
    # dropped and made again around the table rebuild: reflection may lose its WHERE
    with op.batch_alter_table("items", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_items_barcode", sqlite_where=BARCODE_WHERE, postgresql_where=BARCODE_WHERE
        )


def _create_barcode_index() -> None:
    with op.batch_alter_table("items", schema=None) as batch_op:
        batch_op.create_index(
            "uq_items_barcode",
            ["barcode"],
            unique=True,
            sqlite_where=BARCODE_WHERE,
            postgresql_where=BARCODE_WHERE,
        )


def downgrade() -> None:
    _drop_barcode_index()
    with op.batch_alter_table("items", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("bin", sa.String(length=20), nullable=False, server_default="")
        )
    op.execute(
        "UPDATE items SET bin = (SELECT code FROM locations WHERE locations.id = items.bin_id) "
        "WHERE bin_id IS NOT NULL"
    )
    with op.batch_alter_table("items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_items_bin_id"))
        batch_op.drop_constraint(batch_op.f("fk_items_bin_id_locations"), type_="foreignkey")
        batch_op.drop_column("bin_id")
    _create_barcode_index()
    with op.batch_alter_table("stock_document_lines", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_stock_document_lines_location_id_locations"), type_="foreignkey"
        )
        batch_op.drop_column("location_id")
    op.drop_table("units")
    with op.batch_alter_table("locations", schema=None) as batch_op:
        batch_op.drop_column("active")
