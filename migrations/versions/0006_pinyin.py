"""pinyin sort key and initials of customer and item names

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 23:10:00

Existing rows are spelled here, with the same functions the program uses when a record is
saved (``retailerp.domain.pinyin``).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from retailerp.domain.pinyin import PINYIN_LENGTH, initials, sort_key

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

TABLES = ("customers", "items")


def upgrade() -> None:
    for table in TABLES:
        op.add_column(
            table,
            sa.Column(
                "name_pinyin", sa.String(length=PINYIN_LENGTH), nullable=False, server_default=""
            ),
        )
        op.add_column(
            table,
            sa.Column("name_initials", sa.String(length=100), nullable=False, server_default=""),
        )
        _spell_existing(table)
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.create_index(f"ix_{table}_pinyin_id", ["name_pinyin", "id"], unique=False)
            batch_op.create_index(f"ix_{table}_initials", ["name_initials"], unique=False)


def _spell_existing(table: str) -> None:
    bind = op.get_bind()
    rows = bind.execute(sa.text(f"SELECT id, name FROM {table}")).all()  # noqa: S608
    update = sa.text(f"UPDATE {table} SET name_pinyin = :p, name_initials = :i WHERE id = :id")
    values = [{"id": id_, "p": sort_key(name), "i": initials(name)} for id_, name in rows]
    if values:
        bind.execute(update, values)


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(f"ix_{table}_initials")
            batch_op.drop_index(f"ix_{table}_pinyin_id")
        # ALTER TABLE … DROP COLUMN (SQLite 3.35+), not a batch rebuild: rebuilding customers
        # would drop the triggers that keep the customer search table in step
        for column in ("name_initials", "name_pinyin"):
            op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
