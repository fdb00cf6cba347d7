"""returns (退货单) and their lines; a reversal may name any posted document by number

Revision ID: 0010
Revises: 0006
Create Date: 2026-12-01 23:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "returns",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("delivery_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=20), nullable=False),
        sa.Column("received_by", sa.String(length=60), nullable=False),
        sa.Column("return_date", sa.Date(), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.Column("override_by", sa.String(length=60), nullable=False),
        sa.Column("override_reason", sa.String(length=200), nullable=False),
        sa.Column("created_by", sa.String(length=60), nullable=False),
        sa.Column("posted_at", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_returns_customer_id_customers")
        ),
        sa.ForeignKeyConstraint(
            ["delivery_id"], ["deliveries.id"], name=op.f("fk_returns_delivery_id_deliveries")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_returns")),
        sa.UniqueConstraint("number", name=op.f("uq_returns_number")),
    )
    with op.batch_alter_table("returns", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_returns_customer_id"), ["customer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_returns_delivery_id"), ["delivery_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_returns_state"), ["state"], unique=False)
        batch_op.create_index("ix_returns_date", ["return_date", "id"], unique=False)
    op.create_table(
        "return_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("return_id", sa.Integer(), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("delivery_line_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.BigInteger(), nullable=False),
        sa.Column("unit_price", sa.BigInteger(), nullable=False),
        sa.Column("discount", sa.Integer(), nullable=False),
        sa.Column("vat_rate", sa.Integer(), nullable=False),
        sa.Column("condition", sa.String(length=20), nullable=False),
        sa.Column("batch", sa.String(length=40), nullable=False),
        sa.Column("serial", sa.String(length=60), nullable=False),
        sa.Column("expiry", sa.Date(), nullable=True),
        sa.Column("rule", sa.String(length=80), nullable=False),
        sa.Column("refund_rate", sa.Integer(), nullable=False),
        sa.Column("refund", sa.BigInteger(), nullable=False),
        sa.Column("location_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("quantity > 0", name=op.f("ck_return_lines_positive_quantity")),
        sa.ForeignKeyConstraint(
            ["return_id"], ["returns.id"], name=op.f("fk_return_lines_return_id_returns")
        ),
        sa.ForeignKeyConstraint(
            ["delivery_line_id"],
            ["delivery_lines.id"],
            name=op.f("fk_return_lines_delivery_line_id_delivery_lines"),
        ),
        sa.ForeignKeyConstraint(
            ["item_id"], ["items.id"], name=op.f("fk_return_lines_item_id_items")
        ),
        sa.ForeignKeyConstraint(
            ["location_id"], ["locations.id"], name=op.f("fk_return_lines_location_id_locations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_return_lines")),
    )
    with op.batch_alter_table("return_lines", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_return_lines_return_id"), ["return_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_return_lines_delivery_line_id"), ["delivery_line_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_return_lines_item_id"), ["item_id"], unique=False)
    with op.batch_alter_table("stock_documents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reverses_number", sa.String(length=20), nullable=True))
        batch_op.create_unique_constraint(
            batch_op.f("uq_stock_documents_reverses_number"), ["reverses_number"]
        )


def downgrade() -> None:
    with op.batch_alter_table("stock_documents", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_stock_documents_reverses_number"), type_="unique")
        batch_op.drop_column("reverses_number")
    op.drop_table("return_lines")
    op.drop_table("returns")
