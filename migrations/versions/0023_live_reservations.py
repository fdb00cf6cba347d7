"""the live reservations of an item, by a partial index

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-02 20:55:00

Confirming, picking and the stock lists ask how much of an item open orders hold.  That was
read from every order line the item ever had; a line's reservation goes to 0 when it ships
or is released, so an index of the lines still holding some keeps the question to the few
open ones, whatever the years of history.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_sales_order_lines_reserving",
        "sales_order_lines",
        ["item_id"],
        sqlite_where=sa.text("reserved > 0"),
        postgresql_where=sa.text("reserved > 0"),
    )


def downgrade() -> None:
    op.drop_index("ix_sales_order_lines_reserving", table_name="sales_order_lines")
