"""customer consignment (客户寄售): consignment documents and their lines; an invoice line
bills either a delivery line or a consignment issue line

Revision ID: 0012
Revises: 0013
Create Date: 2026-12-02 00:05:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    _documents()
    _lines()
    with op.batch_alter_table("invoice_lines", schema=None) as batch_op:
        batch_op.alter_column("delivery_line_id", existing_type=sa.Integer(), nullable=True)
        batch_op.add_column(sa.Column("consignment_line_id", sa.Integer(), nullable=True))
        batch_op.create_unique_constraint(
            batch_op.f("uq_invoice_lines_consignment_line_id"), ["consignment_line_id"]
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_invoice_lines_consignment_line_id_consignment_lines"),
            "consignment_lines",
            ["consignment_line_id"],
            ["id"],
        )


def _documents() -> None:
    op.create_table(
        "consignment_documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("location_id", sa.Integer(), nullable=False),
        sa.Column("doc_date", sa.Date(), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("invoice_id", sa.Integer(), nullable=True),
        sa.Column("billing_block", sa.Boolean(), nullable=False),
        sa.Column("created_by", sa.String(length=60), nullable=False),
        sa.Column("posted_at", sa.DateTime(), nullable=True),
        sa.Column("reversal_number", sa.String(length=20), nullable=False),
        sa.Column("reversal_reason", sa.String(length=200), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customers.id"],
            name=op.f("fk_consignment_documents_customer_id_customers"),
        ),
        sa.ForeignKeyConstraint(
            ["location_id"],
            ["locations.id"],
            name=op.f("fk_consignment_documents_location_id_locations"),
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["consignment_documents.id"],
            name=op.f("fk_consignment_documents_source_id_consignment_documents"),
        ),
        sa.ForeignKeyConstraint(
            ["invoice_id"],
            ["invoices.id"],
            name=op.f("fk_consignment_documents_invoice_id_invoices"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consignment_documents")),
        sa.UniqueConstraint("number", name=op.f("uq_consignment_documents_number")),
    )
    with op.batch_alter_table("consignment_documents", schema=None) as batch_op:
        for column in ("customer_id", "state", "invoice_id"):
            batch_op.create_index(
                batch_op.f(f"ix_consignment_documents_{column}"), [column], unique=False
            )
        batch_op.create_index("ix_consignment_documents_date", ["doc_date", "id"], unique=False)


def _lines() -> None:
    op.create_table(
        "consignment_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.BigInteger(), nullable=False),
        sa.Column("batch", sa.String(length=40), nullable=False),
        sa.Column("serial", sa.String(length=60), nullable=False),
        sa.Column("expiry", sa.Date(), nullable=True),
        sa.Column("unit_price", sa.BigInteger(), nullable=False),
        sa.Column("vat_rate", sa.Integer(), nullable=False),
        sa.Column("location_id", sa.Integer(), nullable=True),
        sa.Column("book_quantity", sa.BigInteger(), nullable=True),
        sa.Column("decision", sa.String(length=20), nullable=False),
        sa.Column("defective", sa.Boolean(), nullable=False),
        sa.Column("source_line_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "quantity >= 0", name=op.f("ck_consignment_lines_not_negative_quantity")
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["consignment_documents.id"],
            name=op.f("fk_consignment_lines_document_id_consignment_documents"),
        ),
        sa.ForeignKeyConstraint(
            ["item_id"], ["items.id"], name=op.f("fk_consignment_lines_item_id_items")
        ),
        sa.ForeignKeyConstraint(
            ["location_id"],
            ["locations.id"],
            name=op.f("fk_consignment_lines_location_id_locations"),
        ),
        sa.ForeignKeyConstraint(
            ["source_line_id"],
            ["consignment_lines.id"],
            name=op.f("fk_consignment_lines_source_line_id_consignment_lines"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consignment_lines")),
    )
    with op.batch_alter_table("consignment_lines", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_consignment_lines_document_id"), ["document_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_consignment_lines_item_id"), ["item_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("invoice_lines", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_invoice_lines_consignment_line_id_consignment_lines"),
            type_="foreignkey",
        )
        batch_op.drop_constraint(batch_op.f("uq_invoice_lines_consignment_line_id"), type_="unique")
        batch_op.drop_column("consignment_line_id")
        batch_op.alter_column("delivery_line_id", existing_type=sa.Integer(), nullable=False)
    op.drop_table("consignment_lines")
    op.drop_table("consignment_documents")
