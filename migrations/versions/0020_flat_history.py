"""indexes that keep a customer's open money flat in the length of its history

Revision ID: 0020
Revises: 0012
Create Date: 2026-12-02 04:20:00

Open invoices, open orders and uninvoiced deliveries of one customer are found through
indexes that hold only the open ones (or lead with customer and state), so confirming,
invoicing and recording a payment read the same few rows whether the customer has ten paid
invoices behind it or ten thousand.  A payment's allocations are summed from an index alone.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_invoices_open",
        "invoices",
        ["customer_id", "due_date", "id"],
        sqlite_where=sa.text("paid < gross"),
        postgresql_where=sa.text("paid < gross"),
    )
    op.create_index(
        "ix_deliveries_uninvoiced",
        "deliveries",
        ["customer_id", "id"],
        sqlite_where=sa.text("invoice_id IS NULL"),
        postgresql_where=sa.text("invoice_id IS NULL"),
    )
    op.create_index("ix_sales_orders_customer_state", "sales_orders", ["customer_id", "state"])
    op.create_index(
        "ix_payment_allocations_payment_amount", "payment_allocations", ["payment_id", "amount"]
    )


def downgrade() -> None:
    op.drop_index("ix_payment_allocations_payment_amount", table_name="payment_allocations")
    op.drop_index("ix_sales_orders_customer_state", table_name="sales_orders")
    op.drop_index("ix_deliveries_uninvoiced", table_name="deliveries")
    op.drop_index("ix_invoices_open", table_name="invoices")
