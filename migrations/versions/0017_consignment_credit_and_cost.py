"""consignment: a return names the red invoice its release drafted; every consignment line
carries the unit cost of its goods where it is known (NULL = not known)

Revision ID: 0017
Revises: 0012
Create Date: 2026-12-02 03:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("consignment_documents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("red_invoice_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_consignment_documents_red_invoice_id_red_invoices"),
            "red_invoices",
            ["red_invoice_id"],
            ["id"],
        )
    with op.batch_alter_table("consignment_lines", schema=None) as batch_op:
        batch_op.add_column(sa.Column("unit_cost", sa.BigInteger(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("consignment_lines", schema=None) as batch_op:
        batch_op.drop_column("unit_cost")
    with op.batch_alter_table("consignment_documents", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_consignment_documents_red_invoice_id_red_invoices"), type_="foreignkey"
        )
        batch_op.drop_column("red_invoice_id")
