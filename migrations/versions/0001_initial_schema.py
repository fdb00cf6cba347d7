"""initial schema: customers, items, locations, stock ledger, documents, audit

Revision ID: 0001
Revises:
Create Date: 2026-11-23 03:54:22.263559
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    _create_tables()
    _create_search()
    _seed_locations()


def _create_tables() -> None:

    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("username", sa.String(length=60), nullable=False),
        sa.Column("action", sa.String(length=60), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.String(length=40), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index("ix_audit_log_entity", ["entity", "entity_id"], unique=False)

    op.create_table(
        "customers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("contact", sa.String(length=60), nullable=False),
        sa.Column("phone", sa.String(length=30), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("tax_id", sa.String(length=20), nullable=False),
        sa.Column("bank_name", sa.String(length=100), nullable=False),
        sa.Column("bank_account", sa.String(length=40), nullable=False),
        sa.Column("payment_terms_days", sa.Integer(), nullable=False),
        sa.Column("credit_limit", sa.BigInteger(), nullable=False),
        sa.Column("credit_note", sa.String(length=500), nullable=False),
        sa.Column("salesperson", sa.String(length=60), nullable=False),
        sa.Column("computed_class", sa.String(length=20), nullable=False),
        sa.Column("pinned_class", sa.String(length=20), nullable=True),
        sa.Column("pinned_by", sa.String(length=60), nullable=False),
        sa.Column("pinned_reason", sa.String(length=200), nullable=False),
        sa.Column("pinned_at", sa.DateTime(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("end_reason", sa.String(length=200), nullable=False),
        sa.Column("created_on", sa.Date(), nullable=False),
        sa.Column("last_review_on", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_by", sa.String(length=60), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customers")),
        sa.UniqueConstraint("code", name=op.f("uq_customers_code")),
    )
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.create_index("ix_customers_name_id", ["name", "id"], unique=False)
        batch_op.create_index("ix_customers_phone", ["phone"], unique=False)

    op.create_table(
        "items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sku", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("spec", sa.String(length=100), nullable=False),
        sa.Column("unit", sa.String(length=10), nullable=False),
        sa.Column("barcode", sa.String(length=32), nullable=False),
        sa.Column("price", sa.BigInteger(), nullable=False),
        sa.Column("vat_rate", sa.Integer(), nullable=False),
        sa.Column("tracking", sa.String(length=20), nullable=False),
        sa.Column("shelf_life_days", sa.Integer(), nullable=True),
        sa.Column("min_stock", sa.BigInteger(), nullable=False),
        sa.Column("bin", sa.String(length=20), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_by", sa.String(length=60), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_items")),
        sa.UniqueConstraint("sku", name=op.f("uq_items_sku")),
    )
    with op.batch_alter_table("items", schema=None) as batch_op:
        batch_op.create_index("ix_items_name_id", ["name", "id"], unique=False)
        batch_op.create_index(
            "uq_items_barcode",
            ["barcode"],
            unique=True,
            sqlite_where=sa.text("barcode <> ''"),
            postgresql_where=sa.text("barcode <> ''"),
        )

    op.create_table(
        "number_series",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("doc_type", sa.String(length=20), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_number_series")),
        sa.UniqueConstraint("doc_type", "year", name="uq_number_series_doc_type_year"),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "customer_reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("reviewed_on", sa.Date(), nullable=False),
        sa.Column("reviewer", sa.String(length=60), nullable=False),
        sa.Column("credit_limit_before", sa.BigInteger(), nullable=False),
        sa.Column("credit_limit_after", sa.BigInteger(), nullable=False),
        sa.Column("outcome", sa.String(length=200), nullable=False),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customers.id"],
            name=op.f("fk_customer_reviews_customer_id_customers"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customer_reviews")),
    )
    with op.batch_alter_table("customer_reviews", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_customer_reviews_customer_id"), ["customer_id"], unique=False
        )

    op.create_table(
        "locations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("customer_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_locations_customer_id_customers")
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["locations.id"], name=op.f("fk_locations_parent_id_locations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_locations")),
        sa.UniqueConstraint("code", name=op.f("uq_locations_code")),
    )
    op.create_table(
        "revenue_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("booked_on", sa.Date(), nullable=False),
        sa.Column("net_amount", sa.BigInteger(), nullable=False),
        sa.Column("source", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_revenue_entries_customer_id_customers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_revenue_entries")),
    )
    with op.batch_alter_table("revenue_entries", schema=None) as batch_op:
        batch_op.create_index("ix_revenue_entries_booked_on", ["booked_on"], unique=False)
        batch_op.create_index(
            "ix_revenue_entries_customer_booked", ["customer_id", "booked_on"], unique=False
        )

    op.create_table(
        "stock_balances",
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("location_id", sa.Integer(), nullable=False),
        sa.Column("stock_key", sa.String(length=60), nullable=False),
        sa.Column("quantity", sa.BigInteger(), nullable=False),
        sa.Column("expiry", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["item_id"], ["items.id"], name=op.f("fk_stock_balances_item_id_items")
        ),
        sa.ForeignKeyConstraint(
            ["location_id"], ["locations.id"], name=op.f("fk_stock_balances_location_id_locations")
        ),
        sa.PrimaryKeyConstraint(
            "item_id", "location_id", "stock_key", name=op.f("pk_stock_balances")
        ),
    )
    with op.batch_alter_table("stock_balances", schema=None) as batch_op:
        batch_op.create_index("ix_stock_balances_location", ["location_id"], unique=False)

    op.create_table(
        "stock_documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("doc_type", sa.String(length=20), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("doc_date", sa.Date(), nullable=False),
        sa.Column("location_id", sa.Integer(), nullable=False),
        sa.Column("partner", sa.String(length=100), nullable=False),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.Column("posted_by", sa.String(length=60), nullable=False),
        sa.Column("posted_at", sa.DateTime(), nullable=False),
        sa.Column("reverses_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["location_id"], ["locations.id"], name=op.f("fk_stock_documents_location_id_locations")
        ),
        sa.ForeignKeyConstraint(
            ["reverses_id"],
            ["stock_documents.id"],
            name=op.f("fk_stock_documents_reverses_id_stock_documents"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stock_documents")),
        sa.UniqueConstraint("number", name=op.f("uq_stock_documents_number")),
        sa.UniqueConstraint("reverses_id", name=op.f("uq_stock_documents_reverses_id")),
    )
    with op.batch_alter_table("stock_documents", schema=None) as batch_op:
        batch_op.create_index("ix_stock_documents_date", ["doc_date", "id"], unique=False)

    op.create_table(
        "stock_moves",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.BigInteger(), nullable=False),
        sa.Column("from_location_id", sa.Integer(), nullable=False),
        sa.Column("to_location_id", sa.Integer(), nullable=False),
        sa.Column("batch", sa.String(length=40), nullable=False),
        sa.Column("serial", sa.String(length=60), nullable=False),
        sa.Column("expiry", sa.Date(), nullable=True),
        sa.Column("doc_type", sa.String(length=4), nullable=False),
        sa.Column("doc_number", sa.String(length=20), nullable=False),
        sa.Column("user", sa.String(length=60), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("reverses_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "from_location_id <> to_location_id", name=op.f("ck_stock_moves_two_locations")
        ),
        sa.CheckConstraint("quantity > 0", name=op.f("ck_stock_moves_positive_quantity")),
        sa.ForeignKeyConstraint(
            ["from_location_id"],
            ["locations.id"],
            name=op.f("fk_stock_moves_from_location_id_locations"),
        ),
        sa.ForeignKeyConstraint(
            ["item_id"], ["items.id"], name=op.f("fk_stock_moves_item_id_items")
        ),
        sa.ForeignKeyConstraint(
            ["reverses_id"], ["stock_moves.id"], name=op.f("fk_stock_moves_reverses_id_stock_moves")
        ),
        sa.ForeignKeyConstraint(
            ["to_location_id"],
            ["locations.id"],
            name=op.f("fk_stock_moves_to_location_id_locations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stock_moves")),
        sa.UniqueConstraint("reverses_id", name=op.f("uq_stock_moves_reverses_id")),
    )
    with op.batch_alter_table("stock_moves", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_stock_moves_doc_number"), ["doc_number"], unique=False)
        batch_op.create_index(
            "ix_stock_moves_item_from", ["item_id", "from_location_id"], unique=False
        )
        batch_op.create_index("ix_stock_moves_item_to", ["item_id", "to_location_id"], unique=False)

    op.create_table(
        "stock_document_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.BigInteger(), nullable=False),
        sa.Column("book_quantity", sa.BigInteger(), nullable=True),
        sa.Column("batch", sa.String(length=40), nullable=False),
        sa.Column("serial", sa.String(length=60), nullable=False),
        sa.Column("expiry", sa.Date(), nullable=True),
        sa.Column("unit_cost", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["stock_documents.id"],
            name=op.f("fk_stock_document_lines_document_id_stock_documents"),
        ),
        sa.ForeignKeyConstraint(
            ["item_id"], ["items.id"], name=op.f("fk_stock_document_lines_item_id_items")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stock_document_lines")),
    )
    with op.batch_alter_table("stock_document_lines", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_stock_document_lines_document_id"), ["document_id"], unique=False
        )


def downgrade() -> None:
    _drop_search()

    with op.batch_alter_table("stock_document_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stock_document_lines_document_id"))

    op.drop_table("stock_document_lines")
    with op.batch_alter_table("stock_moves", schema=None) as batch_op:
        batch_op.drop_index("ix_stock_moves_item_to")
        batch_op.drop_index("ix_stock_moves_item_from")
        batch_op.drop_index(batch_op.f("ix_stock_moves_doc_number"))

    op.drop_table("stock_moves")
    with op.batch_alter_table("stock_documents", schema=None) as batch_op:
        batch_op.drop_index("ix_stock_documents_date")

    op.drop_table("stock_documents")
    with op.batch_alter_table("stock_balances", schema=None) as batch_op:
        batch_op.drop_index("ix_stock_balances_location")

    op.drop_table("stock_balances")
    with op.batch_alter_table("revenue_entries", schema=None) as batch_op:
        batch_op.drop_index("ix_revenue_entries_customer_booked")
        batch_op.drop_index("ix_revenue_entries_booked_on")

    op.drop_table("revenue_entries")
    op.drop_table("locations")
    with op.batch_alter_table("customer_reviews", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_customer_reviews_customer_id"))

    op.drop_table("customer_reviews")
    op.drop_table("settings")
    op.drop_table("number_series")
    with op.batch_alter_table("items", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_items_barcode",
            sqlite_where=sa.text("barcode <> ''"),
            postgresql_where=sa.text("barcode <> ''"),
        )
        batch_op.drop_index("ix_items_name_id")

    op.drop_table("items")
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.drop_index("ix_customers_phone")
        batch_op.drop_index("ix_customers_name_id")

    op.drop_table("customers")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_log_entity")

    op.drop_table("audit_log")


CUSTOMER_SEARCH_TRIGGERS = {
    "customer_search_ai": "AFTER INSERT ON customers BEGIN "
    "INSERT INTO customer_search(rowid, code, name, phone) "
    "VALUES (new.id, new.code, new.name, new.phone); END",
    "customer_search_ad": "AFTER DELETE ON customers BEGIN "
    "INSERT INTO customer_search(customer_search, rowid, code, name, phone) "
    "VALUES ('delete', old.id, old.code, old.name, old.phone); END",
    "customer_search_au": "AFTER UPDATE OF code, name, phone ON customers BEGIN "
    "INSERT INTO customer_search(customer_search, rowid, code, name, phone) "
    "VALUES ('delete', old.id, old.code, old.name, old.phone); "
    "INSERT INTO customer_search(rowid, code, name, phone) "
    "VALUES (new.id, new.code, new.name, new.phone); END",
}


def _create_search() -> None:
    """Substring search over customer code, name and phone (Chinese included)."""
    if op.get_context().dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE customer_search USING fts5("
            "code, name, phone, content='customers', content_rowid='id', tokenize='trigram')"
        )
        for name, body in CUSTOMER_SEARCH_TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} {body}")
    else:
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute(
            "CREATE INDEX customer_search_trgm ON customers USING gin "
            "((code || chr(31) || name || chr(31) || phone) gin_trgm_ops)"
        )


def _drop_search() -> None:
    if op.get_context().dialect.name == "sqlite":
        for name in CUSTOMER_SEARCH_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS customer_search")
    else:
        op.execute("DROP INDEX IF EXISTS customer_search_trgm")


STANDARD_LOCATIONS = [
    ("WH", "Main warehouse", "warehouse"),
    ("QC", "Quarantine", "quarantine"),
    ("SCRAP", "Scrap", "scrap"),
    ("CUSTOMERS", "Customers (sold)", "customer"),
    ("SUPPLIERS", "Suppliers", "supplier"),
    ("ADJUST", "Stock adjustment", "adjustment"),
]
"""Written out here (not imported) so this migration stays as it was when it shipped."""


def _seed_locations() -> None:
    table = sa.table(
        "locations",
        sa.column("code", sa.String),
        sa.column("name", sa.String),
        sa.column("kind", sa.String),
    )
    op.bulk_insert(table, [{"code": c, "name": n, "kind": k} for c, n, k in STANDARD_LOCATIONS])
