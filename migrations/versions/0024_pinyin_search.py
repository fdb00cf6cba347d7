"""an index for searching customers by pinyin initials and spelling

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-03 05:45:00

Typing ``shhl`` finds 上海华联 by its initials anywhere in the name.  That was a LIKE
``%shhl%`` over every customer, read in the list's name order until a page was full: with
100,000 customers and the hits late in the alphabet, most of the table.  On SQLite an FTS5
trigram table over the initials and the spelling (kept by triggers, like the text search of
0001) answers a search of three letters or more from the index; on PostgreSQL a pg_trgm
expression index does the same for the ILIKE the list sends.

A search of one or two characters stays a LIKE, read in the list's order until a page is
full.  The two name orders' indexes now hold every field it compares (code, phone, name and
its pinyin), so that walk reads the index alone and the table only for the rows shown.

The consignment stock of a customer was read by scanning every stock balance of the shop
(nothing told SQLite that few locations are a customer's consignment store); an index on
the locations' kind and customer lets it start from the customer's store instead.
"""

from __future__ import annotations

from alembic import op

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None

COLUMNS = "name_initials, name_pinyin"
TRIGGERS = {
    "customer_search_pinyin_ai": "AFTER INSERT ON customers BEGIN "
    f"INSERT INTO customer_search_pinyin(rowid, {COLUMNS}) "
    "VALUES (new.id, new.name_initials, new.name_pinyin); END",
    "customer_search_pinyin_ad": "AFTER DELETE ON customers BEGIN "
    f"INSERT INTO customer_search_pinyin(customer_search_pinyin, rowid, {COLUMNS}) "
    "VALUES ('delete', old.id, old.name_initials, old.name_pinyin); END",
    "customer_search_pinyin_au": f"AFTER UPDATE OF {COLUMNS} ON customers BEGIN "
    f"INSERT INTO customer_search_pinyin(customer_search_pinyin, rowid, {COLUMNS}) "
    "VALUES ('delete', old.id, old.name_initials, old.name_pinyin); "
    f"INSERT INTO customer_search_pinyin(rowid, {COLUMNS}) "
    "VALUES (new.id, new.name_initials, new.name_pinyin); END",
}


COVERS = {
    "ix_customers_name": ["name", "id", "code", "phone", "name_pinyin", "name_initials"],
    "ix_customers_pinyin": ["name_pinyin", "id", "code", "phone", "name", "name_initials"],
}


def upgrade() -> None:
    for prefix, columns in COVERS.items():
        op.drop_index(f"{prefix}_id", table_name="customers")
        op.create_index(f"{prefix}_cover", "customers", columns)
    op.create_index("ix_locations_kind_customer", "locations", ["kind", "customer_id"])
    if op.get_context().dialect.name == "sqlite":
        op.execute(
            f"CREATE VIRTUAL TABLE customer_search_pinyin USING fts5({COLUMNS}, "
            "content='customers', content_rowid='id', tokenize='trigram')"
        )
        op.execute("INSERT INTO customer_search_pinyin(customer_search_pinyin) VALUES ('rebuild')")
        for name, body in TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} {body}")
    else:
        op.execute(
            "CREATE INDEX customer_search_pinyin_trgm ON customers USING gin "
            "((name_initials || chr(31) || name_pinyin) gin_trgm_ops)"
        )


def downgrade() -> None:
    for prefix, columns in COVERS.items():
        op.drop_index(f"{prefix}_cover", table_name="customers")
        op.create_index(f"{prefix}_id", "customers", columns[:2])
    op.drop_index("ix_locations_kind_customer", table_name="locations")
    if op.get_context().dialect.name == "sqlite":
        for name in TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS customer_search_pinyin")
    else:
        op.execute("DROP INDEX IF EXISTS customer_search_pinyin_trgm")
