"""the stock documents list in its own order: (date, number) on both of its kinds

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-02 20:50:00

The stock page's documents list shows goods receipts, counts, reversals and deliveries,
newest first, the number breaking ties.  Each kind now takes its first rows of a page in
that order from an index, instead of the whole history being counted and sorted for every
page.
"""

from __future__ import annotations

from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_stock_documents_date_number", "stock_documents", ["doc_date", "number"])
    op.create_index("ix_deliveries_date_number", "deliveries", ["delivery_date", "number"])


def downgrade() -> None:
    op.drop_index("ix_deliveries_date_number", table_name="deliveries")
    op.drop_index("ix_stock_documents_date_number", table_name="stock_documents")
