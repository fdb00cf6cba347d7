"""the official e-invoice number recorded against an invoice (company details are settings rows)

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 23:45:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("invoices", schema=None) as batch_op:
        batch_op.add_column(sa.Column("e_invoice_number", sa.String(length=40), nullable=True))
        batch_op.create_unique_constraint(
            batch_op.f("uq_invoices_e_invoice_number"), ["e_invoice_number"]
        )


def downgrade() -> None:
    with op.batch_alter_table("invoices", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_invoices_e_invoice_number"), type_="unique")
        batch_op.drop_column("e_invoice_number")
