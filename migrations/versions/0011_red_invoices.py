"""red invoices (红字发票) and their lines, refunds, exchanges; an allocation may pay a refund

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 00:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    name = f"fk_{table}_{column}_{target}"
    return sa.ForeignKeyConstraint([column], [f"{target}.id"], name=op.f(name))


def upgrade() -> None:
    _red_invoices()
    _refunds()
    _exchanges()


def _red_invoices() -> None:
    op.create_table(
        "red_invoices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("invoice_id", sa.Integer(), nullable=False),
        sa.Column("blue_number", sa.String(length=20), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("red_date", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("confirmation_number", sa.String(length=40), nullable=True),
        sa.Column("return_id", sa.Integer(), nullable=True),
        sa.Column("billing_blocked", sa.Boolean(), nullable=False),
        sa.Column("created_by", sa.String(length=60), nullable=False),
        sa.Column("issued_by", sa.String(length=60), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        _fk("red_invoices", "invoice_id", "invoices"),
        _fk("red_invoices", "customer_id", "customers"),
        _fk("red_invoices", "return_id", "returns"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_red_invoices")),
        sa.UniqueConstraint("number", name=op.f("uq_red_invoices_number")),
        sa.UniqueConstraint(
            "confirmation_number", name=op.f("uq_red_invoices_confirmation_number")
        ),
    )
    with op.batch_alter_table("red_invoices", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_red_invoices_invoice_id"), ["invoice_id"])
        batch_op.create_index(batch_op.f("ix_red_invoices_customer_id"), ["customer_id"])
        batch_op.create_index(batch_op.f("ix_red_invoices_state"), ["state"])
        batch_op.create_index(batch_op.f("ix_red_invoices_return_id"), ["return_id"])
        batch_op.create_index("ix_red_invoices_date", ["red_date", "id"])
    op.create_table(
        "red_invoice_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("red_invoice_id", sa.Integer(), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("invoice_line_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.BigInteger(), nullable=False),
        sa.Column("net", sa.BigInteger(), nullable=False),
        sa.Column("vat", sa.BigInteger(), nullable=False),
        sa.Column("vat_rate", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "quantity >= 0", name=op.f("ck_red_invoice_lines_not_negative_quantity")
        ),
        sa.CheckConstraint("net > 0", name=op.f("ck_red_invoice_lines_positive_net")),
        _fk("red_invoice_lines", "red_invoice_id", "red_invoices"),
        _fk("red_invoice_lines", "invoice_line_id", "invoice_lines"),
        _fk("red_invoice_lines", "item_id", "items"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_red_invoice_lines")),
    )
    with op.batch_alter_table("red_invoice_lines", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_red_invoice_lines_red_invoice_id"), ["red_invoice_id"]
        )
        batch_op.create_index(
            batch_op.f("ix_red_invoice_lines_invoice_line_id"), ["invoice_line_id"]
        )


def _refunds() -> None:
    op.create_table(
        "refunds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("refunded_on", sa.Date(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("method", sa.String(length=20), nullable=False),
        sa.Column("reference", sa.String(length=60), nullable=False),
        sa.Column("posted_by", sa.String(length=60), nullable=False),
        sa.Column("posted_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("amount > 0", name=op.f("ck_refunds_positive_amount")),
        _fk("refunds", "customer_id", "customers"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_refunds")),
        sa.UniqueConstraint("number", name=op.f("uq_refunds_number")),
    )
    with op.batch_alter_table("refunds", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_refunds_customer_id"), ["customer_id"])
    with op.batch_alter_table("payment_allocations", schema=None) as batch_op:
        batch_op.alter_column("invoice_id", existing_type=sa.Integer(), nullable=True)
        batch_op.add_column(sa.Column("refund_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_payment_allocations_refund_id_refunds"), "refunds", ["refund_id"], ["id"]
        )
        batch_op.create_index(batch_op.f("ix_payment_allocations_refund_id"), ["refund_id"])
        batch_op.create_check_constraint(
            batch_op.f("ck_payment_allocations_applied_to_invoice_or_refund"),
            "(invoice_id IS NULL) <> (refund_id IS NULL)",
        )


def _exchanges() -> None:
    op.create_table(
        "exchanges",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("return_id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("created_by", sa.String(length=60), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        _fk("exchanges", "return_id", "returns"),
        _fk("exchanges", "order_id", "sales_orders"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchanges")),
        sa.UniqueConstraint("return_id", name=op.f("uq_exchanges_return_id")),
        sa.UniqueConstraint("order_id", name=op.f("uq_exchanges_order_id")),
    )


def downgrade() -> None:
    op.drop_table("exchanges")
    with op.batch_alter_table("payment_allocations", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("ck_payment_allocations_applied_to_invoice_or_refund"), type_="check"
        )
        batch_op.drop_index(batch_op.f("ix_payment_allocations_refund_id"))
        batch_op.drop_constraint(
            batch_op.f("fk_payment_allocations_refund_id_refunds"), type_="foreignkey"
        )
        batch_op.drop_column("refund_id")
        batch_op.alter_column("invoice_id", existing_type=sa.Integer(), nullable=False)
    op.drop_table("refunds")
    op.drop_table("red_invoice_lines")
    op.drop_table("red_invoices")
