"""the sealed audit trail (PC, document, hash chain, its head) and the shared office
(sessions, edit claims, change counters)

Revision ID: 0015
Revises: 0012
Create Date: 2026-12-02 04:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from retailerp.domain.audit import GENESIS, Entry, document_of, seal

revision = "0015"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("pc", sa.String(length=60), server_default="", nullable=False)
        )
        batch_op.add_column(
            sa.Column("document", sa.String(length=40), server_default="", nullable=False)
        )
        batch_op.add_column(
            sa.Column("prev_hash", sa.String(length=64), server_default="", nullable=False)
        )
        batch_op.add_column(
            sa.Column("row_hash", sa.String(length=64), server_default="", nullable=False)
        )
        batch_op.create_index(batch_op.f("ix_audit_log_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_log_username"), ["username"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_log_document"), ["document"], unique=False)
    op.create_table(
        "audit_chain",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("last_id", sa.Integer(), nullable=False),
        sa.Column("last_hash", sa.String(length=64), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_audit_chain_one_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_chain")),
    )
    _office_tables()
    _seal_existing_entries()


def _office_tables() -> None:
    op.create_table(
        "sessions",
        sa.Column("token", sa.String(length=36), nullable=False),
        sa.Column("pc", sa.String(length=60), nullable=False),
        sa.Column("username", sa.String(length=60), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("heartbeat_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("token", name=op.f("pk_sessions")),
    )
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sessions_heartbeat_at"), ["heartbeat_at"])
    op.create_table(
        "edit_claims",
        sa.Column("session_id", sa.String(length=36), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.String(length=40), nullable=False),
        sa.Column("since", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.token"],
            name=op.f("fk_edit_claims_session_id_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("session_id", "entity", "entity_id", name=op.f("pk_edit_claims")),
    )
    with op.batch_alter_table("edit_claims", schema=None) as batch_op:
        batch_op.create_index("ix_edit_claims_entity", ["entity", "entity_id"], unique=False)
    op.create_table(
        "change_counters",
        sa.Column("table_name", sa.String(length=60), nullable=False),
        sa.Column("serial", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("table_name", name=op.f("pk_change_counters")),
    )


def _seal_existing_entries() -> None:
    """Chain the entries written before the seal existed, in id order, and set the head."""
    log = sa.table(
        "audit_log",
        sa.column("id", sa.Integer()),
        sa.column("at", sa.DateTime()),
        sa.column("username", sa.String()),
        sa.column("pc", sa.String()),
        sa.column("action", sa.String()),
        sa.column("entity", sa.String()),
        sa.column("entity_id", sa.String()),
        sa.column("document", sa.String()),
        sa.column("detail", sa.Text()),
        sa.column("prev_hash", sa.String()),
        sa.column("row_hash", sa.String()),
    )
    bind = op.get_bind()
    prev_id, prev_hash = 0, GENESIS
    rows = bind.execute(sa.select(log).order_by(log.c.id)).mappings().all()
    for row in rows:
        document = document_of(row["entity_id"])
        entry = Entry(
            row["id"], row["at"], row["username"], "", row["action"], row["entity"],
            row["entity_id"], document, row["detail"] or "",
        )  # fmt: skip
        row_hash = seal(entry, prev_hash)
        bind.execute(
            log.update()
            .where(log.c.id == row["id"])
            .values(document=document, prev_hash=prev_hash, row_hash=row_hash, detail=entry.detail)
        )
        prev_id, prev_hash = row["id"], row_hash
    chain = sa.table(
        "audit_chain",
        sa.column("id", sa.Integer()),
        sa.column("last_id", sa.Integer()),
        sa.column("last_hash", sa.String()),
    )
    bind.execute(chain.insert().values(id=1, last_id=prev_id, last_hash=prev_hash))


def downgrade() -> None:
    op.drop_table("change_counters")
    with op.batch_alter_table("edit_claims", schema=None) as batch_op:
        batch_op.drop_index("ix_edit_claims_entity")
    op.drop_table("edit_claims")
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sessions_heartbeat_at"))
    op.drop_table("sessions")
    op.drop_table("audit_chain")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_log_document"))
        batch_op.drop_index(batch_op.f("ix_audit_log_username"))
        batch_op.drop_index(batch_op.f("ix_audit_log_at"))
        batch_op.drop_column("row_hash")
        batch_op.drop_column("prev_hash")
        batch_op.drop_column("document")
        batch_op.drop_column("pc")
