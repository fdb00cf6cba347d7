"""backorders: quantities closed short per order line, and why

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 23:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sales_orders", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("short_reason", sa.String(length=200), nullable=False, server_default="")
        )
    with op.batch_alter_table("sales_order_lines", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("cancelled", sa.BigInteger(), nullable=False, server_default="0")
        )
        batch_op.create_check_constraint(
            op.f("ck_sales_order_lines_not_over_closed"), "shipped + cancelled <= quantity"
        )
    # Orders that had shipped part of their lines were kept "confirmed"; they are now
    # "partly shipped", so that the backorder is visible and can be closed short.
    op.execute(
        "UPDATE sales_orders SET state = 'partly_shipped' WHERE state = 'confirmed' AND id IN "
        "(SELECT order_id FROM sales_order_lines WHERE shipped > 0)"
    )


def downgrade() -> None:
    op.execute("UPDATE sales_orders SET state = 'confirmed' WHERE state = 'partly_shipped'")
    with op.batch_alter_table("sales_order_lines", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_sales_order_lines_not_over_closed"), type_="check")
        batch_op.drop_column("cancelled")
    with op.batch_alter_table("sales_orders", schema=None) as batch_op:
        batch_op.drop_column("short_reason")
