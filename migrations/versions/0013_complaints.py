"""complaint tickets, their history, resolution documents, attachments and service visits

Revision ID: 0013
Revises: 0011
Create Date: 2026-12-02 00:00:46.474933
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "complaint_tickets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("description", sa.String(length=2000), nullable=False),
        sa.Column("severity", sa.String(length=20), nullable=False),
        sa.Column("severity_suggested", sa.String(length=20), nullable=False),
        sa.Column("severity_reason", sa.String(length=200), nullable=False),
        sa.Column("report_due", sa.DateTime(), nullable=False),
        sa.Column("response_due", sa.DateTime(), nullable=False),
        sa.Column("resolution_due", sa.DateTime(), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=True),
        sa.Column("delivery_id", sa.Integer(), nullable=True),
        sa.Column("invoice_id", sa.Integer(), nullable=True),
        sa.Column("item_id", sa.Integer(), nullable=True),
        sa.Column("batch", sa.String(length=40), nullable=False),
        sa.Column("serial", sa.String(length=60), nullable=False),
        sa.Column("quantity", sa.BigInteger(), nullable=False),
        sa.Column("ship_date", sa.Date(), nullable=True),
        sa.Column("requested", sa.String(length=20), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("reach", sa.Integer(), nullable=False),
        sa.Column("assignee", sa.String(length=60), nullable=False),
        sa.Column("related", sa.String(length=200), nullable=False),
        sa.Column("solution", sa.String(length=2000), nullable=False),
        sa.Column("approved_by", sa.String(length=60), nullable=False),
        sa.Column("escalated_to", sa.Integer(), nullable=False),
        sa.Column("acknowledged_at", sa.DateTime(), nullable=True),
        sa.Column("responded_at", sa.DateTime(), nullable=True),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("reject_reason", sa.String(length=200), nullable=False),
        sa.Column("cause_category", sa.String(length=20), nullable=False),
        sa.Column("root_cause", sa.String(length=1000), nullable=False),
        sa.Column("corrective_action", sa.String(length=1000), nullable=False),
        sa.Column("preventive_action", sa.String(length=1000), nullable=False),
        sa.Column("action_owner", sa.String(length=60), nullable=False),
        sa.Column("action_due", sa.Date(), nullable=True),
        sa.Column("verified_by", sa.String(length=60), nullable=False),
        sa.Column("verified_on", sa.Date(), nullable=True),
        sa.Column("effective", sa.Boolean(), nullable=True),
        sa.Column("satisfaction", sa.Integer(), nullable=True),
        sa.Column("follow_up_comment", sa.String(length=500), nullable=False),
        sa.Column("created_by", sa.String(length=60), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "quantity >= 0", name=op.f("ck_complaint_tickets_quantity_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customers.id"],
            name=op.f("fk_complaint_tickets_customer_id_customers"),
        ),
        sa.ForeignKeyConstraint(
            ["delivery_id"],
            ["deliveries.id"],
            name=op.f("fk_complaint_tickets_delivery_id_deliveries"),
        ),
        sa.ForeignKeyConstraint(
            ["invoice_id"], ["invoices.id"], name=op.f("fk_complaint_tickets_invoice_id_invoices")
        ),
        sa.ForeignKeyConstraint(
            ["item_id"], ["items.id"], name=op.f("fk_complaint_tickets_item_id_items")
        ),
        sa.ForeignKeyConstraint(
            ["order_id"],
            ["sales_orders.id"],
            name=op.f("fk_complaint_tickets_order_id_sales_orders"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaint_tickets")),
        sa.UniqueConstraint("number", name=op.f("uq_complaint_tickets_number")),
    )
    with op.batch_alter_table("complaint_tickets", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_complaint_tickets_customer_id"), ["customer_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_complaint_tickets_delivery_id"), ["delivery_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_complaint_tickets_item_id"), ["item_id"], unique=False)
        batch_op.create_index("ix_complaint_tickets_received", ["received_at", "id"], unique=False)
        batch_op.create_index(batch_op.f("ix_complaint_tickets_state"), ["state"], unique=False)

    op.create_table(
        "complaint_attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=200), nullable=False),
        sa.Column("media_type", sa.String(length=40), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("added_by", sa.String(length=60), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["ticket_id"],
            ["complaint_tickets.id"],
            name=op.f("fk_complaint_attachments_ticket_id_complaint_tickets"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaint_attachments")),
    )
    with op.batch_alter_table("complaint_attachments", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_complaint_attachments_ticket_id"), ["ticket_id"], unique=False
        )

    op.create_table(
        "complaint_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("username", sa.String(length=60), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("from_state", sa.String(length=20), nullable=False),
        sa.Column("to_state", sa.String(length=20), nullable=False),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.ForeignKeyConstraint(
            ["ticket_id"],
            ["complaint_tickets.id"],
            name=op.f("fk_complaint_history_ticket_id_complaint_tickets"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaint_history")),
    )
    with op.batch_alter_table("complaint_history", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_complaint_history_ticket_id"), ["ticket_id"], unique=False
        )

    op.create_table(
        "complaint_resolutions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("document_kind", sa.String(length=20), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("created_by", sa.String(length=60), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=True),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.ForeignKeyConstraint(
            ["ticket_id"],
            ["complaint_tickets.id"],
            name=op.f("fk_complaint_resolutions_ticket_id_complaint_tickets"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaint_resolutions")),
    )
    with op.batch_alter_table("complaint_resolutions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_complaint_resolutions_ticket_id"), ["ticket_id"], unique=False
        )

    op.create_table(
        "service_visits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("visit_date", sa.Date(), nullable=False),
        sa.Column("person", sa.String(length=60), nullable=False),
        sa.Column("outcome", sa.String(length=1000), nullable=False),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["ticket_id"],
            ["complaint_tickets.id"],
            name=op.f("fk_service_visits_ticket_id_complaint_tickets"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_visits")),
        sa.UniqueConstraint("number", name=op.f("uq_service_visits_number")),
    )
    with op.batch_alter_table("service_visits", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_service_visits_ticket_id"), ["ticket_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("service_visits", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_service_visits_ticket_id"))

    op.drop_table("service_visits")
    with op.batch_alter_table("complaint_resolutions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_complaint_resolutions_ticket_id"))

    op.drop_table("complaint_resolutions")
    with op.batch_alter_table("complaint_history", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_complaint_history_ticket_id"))

    op.drop_table("complaint_history")
    with op.batch_alter_table("complaint_attachments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_complaint_attachments_ticket_id"))

    op.drop_table("complaint_attachments")
    with op.batch_alter_table("complaint_tickets", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_complaint_tickets_state"))
        batch_op.drop_index("ix_complaint_tickets_received")
        batch_op.drop_index(batch_op.f("ix_complaint_tickets_item_id"))
        batch_op.drop_index(batch_op.f("ix_complaint_tickets_delivery_id"))
        batch_op.drop_index(batch_op.f("ix_complaint_tickets_customer_id"))

    op.drop_table("complaint_tickets")
