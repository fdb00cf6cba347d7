"""what of each payment is not applied yet, kept on the payment

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-02 20:30:00

Confirming an order, invoicing and recording a payment look for the customer's money on
account: the payments with something left unapplied.  They were found by summing every
payment's allocations, which grows with the years; now each payment keeps its unapplied
amount (amount less its allocations, kept by the program whenever its allocations change)
and a partial index holds only the payments with some left, so the search reads those few.

The customer's open orders are found through (customer_id, state): the index on customer_id
alone is dropped, because SQLite chose it to return the rows in id order and then read every
order the customer ever had to find the few open ones.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("payments") as batch:
        batch.add_column(
            sa.Column("unapplied", sa.BigInteger(), nullable=False, server_default="0")
        )
    op.execute(
        "UPDATE payments SET unapplied = amount - COALESCE((SELECT SUM(a.amount) "
        "FROM payment_allocations a WHERE a.payment_id = payments.id), 0)"
    )
    op.create_index(
        "ix_payments_unapplied",
        "payments",
        ["customer_id", "received_on", "number"],
        sqlite_where=sa.text("unapplied > 0"),
        postgresql_where=sa.text("unapplied > 0"),
    )
    op.drop_index("ix_sales_orders_customer_id", table_name="sales_orders")


def downgrade() -> None:
    op.create_index("ix_sales_orders_customer_id", "sales_orders", ["customer_id"])
    op.drop_index("ix_payments_unapplied", table_name="payments")
    with op.batch_alter_table("payments") as batch:
        batch.drop_column("unapplied")
