"""returns credited at the policy's refund, exchanges cancelled: a red line keeps the rule and
rate of the return it credits; an exchange has a state and who cancelled it, when and why

Revision ID: 0016
Revises: 0012
Create Date: 2026-12-02 04:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("red_invoice_lines", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("rule", sa.String(length=80), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("refund_rate", sa.Integer(), nullable=True))
    with op.batch_alter_table("exchanges", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("state", sa.String(length=20), nullable=False, server_default="active")
        )
        batch_op.add_column(
            sa.Column("cancelled_by", sa.String(length=60), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("cancelled_at", sa.DateTime(), nullable=True))
        batch_op.add_column(
            sa.Column("cancel_reason", sa.String(length=200), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("exchanges", schema=None) as batch_op:
        for name in ("cancel_reason", "cancelled_at", "cancelled_by", "state"):
            batch_op.drop_column(name)
    with op.batch_alter_table("red_invoice_lines", schema=None) as batch_op:
        batch_op.drop_column("refund_rate")
        batch_op.drop_column("rule")
