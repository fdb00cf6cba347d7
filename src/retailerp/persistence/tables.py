"""The database schema: the target of the alembic migrations.

Every constraint has a name (naming convention below) so migrations can change it on SQLite
(batch mode rebuilds tables) and PostgreSQL alike.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)

from retailerp.domain.complaints import Channel, Resolution, Severity, TicketState
from retailerp.domain.customers import AbcClass, CustomerStatus
from retailerp.domain.items import Tracking
from retailerp.domain.numbering import DocumentType
from retailerp.domain.pinyin import PINYIN_LENGTH
from retailerp.domain.sales import OrderState, PaymentMode
from retailerp.domain.stock import LocationKind
from retailerp.persistence.types import (
    EnumText,
    MoneyType,
    QuantityType,
    RateType,
    UtcDateTime,
)

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)


def partial_indexes_on_postgresql() -> None:
    """Make each partial index (``sqlite_where``) partial on PostgreSQL with the same clause.

    The indexes name the SQLite clause only: a ``postgresql_where`` at import would load the
    PostgreSQL dialect and its five drivers (~0.09 s) on every start, on SQLite too.  Called
    when a PostgreSQL database is opened (its dialect is loaded then); idempotent."""
    for table in metadata.tables.values():
        for index in table.indexes:
            where = index.dialect_options["sqlite"]["where"]
            if where is not None:
                index.dialect_options["postgresql"]["where"] = where


settings = Table(
    "settings",
    metadata,
    Column("key", String(60), primary_key=True),
    Column("value", Text, nullable=False),
)

customers = Table(
    "customers",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(20), nullable=False, unique=True),
    Column("name", String(100), nullable=False),
    Column("contact", String(60), nullable=False, default=""),
    Column("phone", String(30), nullable=False, default=""),
    Column("address", String(200), nullable=False, default=""),
    Column("tax_id", String(20), nullable=False, default=""),
    Column("bank_name", String(100), nullable=False, default=""),
    Column("bank_account", String(40), nullable=False, default=""),
    Column("payment_terms_days", Integer, nullable=False, default=30),
    Column("credit_limit", MoneyType, nullable=False, default=0),
    Column("credit_note", String(500), nullable=False, default=""),
    Column("salesperson", String(60), nullable=False, default=""),
    Column("computed_class", EnumText(AbcClass), nullable=False, default=AbcClass.C),
    Column("pinned_class", EnumText(AbcClass), nullable=True),
    Column("pinned_by", String(60), nullable=False, default=""),
    Column("pinned_reason", String(200), nullable=False, default=""),
    Column("pinned_at", UtcDateTime, nullable=True),
    Column("status", EnumText(CustomerStatus), nullable=False, default=CustomerStatus.ACTIVE),
    Column("ended_on", Date, nullable=True),
    Column("end_reason", String(200), nullable=False, default=""),
    Column("created_on", Date, nullable=False),
    Column("last_review_on", Date, nullable=True),
    Column("version", Integer, nullable=False),
    Column("updated_by", String(60), nullable=False, default=""),
    Column("updated_at", UtcDateTime, nullable=True),
    Column("name_pinyin", String(PINYIN_LENGTH), nullable=False, default=""),
    Column("name_initials", String(100), nullable=False, default=""),
    # the list's two name orders, each holding every field a search compares: a short
    # search (a LIKE) walks one in order and reads the table only for the rows it shows
    Index("ix_customers_name_cover", "name", "id", "code", "phone", "name_pinyin", "name_initials"),
    Index("ix_customers_phone", "phone"),
    Index(
        "ix_customers_pinyin_cover", "name_pinyin", "id", "code", "phone", "name", "name_initials"
    ),
    Index("ix_customers_initials", "name_initials"),
)

customer_reviews = Table(
    "customer_reviews",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("customer_id", Integer, ForeignKey("customers.id"), nullable=False, index=True),
    Column("reviewed_on", Date, nullable=False),
    Column("reviewer", String(60), nullable=False),
    Column("credit_limit_before", MoneyType, nullable=False),
    Column("credit_limit_after", MoneyType, nullable=False),
    Column("outcome", String(200), nullable=False),
    Column("note", String(500), nullable=False, default=""),
)

revenue_entries = Table(
    "revenue_entries",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("customer_id", Integer, ForeignKey("customers.id"), nullable=False),
    Column("booked_on", Date, nullable=False),
    Column("net_amount", MoneyType, nullable=False),
    Column("source", String(40), nullable=False),
    Index("ix_revenue_entries_customer_booked", "customer_id", "booked_on"),
    Index("ix_revenue_entries_booked_on", "booked_on"),
)
"""Net revenue per customer and day (invoices add, red invoices subtract); ABC reads it."""

items = Table(
    "items",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("sku", String(32), nullable=False, unique=True),
    Column("name", String(100), nullable=False),
    Column("spec", String(100), nullable=False, default=""),
    Column("unit", String(10), nullable=False, default="pcs"),
    Column("barcode", String(32), nullable=False, default=""),
    Column("price", MoneyType, nullable=False, default=0),
    Column("vat_rate", RateType, nullable=False),
    Column("tracking", EnumText(Tracking), nullable=False, default=Tracking.NONE),
    Column("shelf_life_days", Integer, nullable=True),
    Column("min_stock", QuantityType, nullable=False, default=0),
    Column("bin_id", Integer, ForeignKey("locations.id"), nullable=True, index=True),
    Column("active", Boolean, nullable=False, default=True),
    Column("version", Integer, nullable=False),
    Column("updated_by", String(60), nullable=False, default=""),
    Column("updated_at", UtcDateTime, nullable=True),
    Column("name_pinyin", String(PINYIN_LENGTH), nullable=False, default=""),
    Column("name_initials", String(100), nullable=False, default=""),
    Index("ix_items_name_id", "name", "id"),
    Index("ix_items_pinyin_id", "name_pinyin", "id"),
    Index("ix_items_initials", "name_initials"),
    Index(
        "uq_items_barcode",
        "barcode",
        unique=True,
        sqlite_where=text("barcode <> ''"),
    ),
)

locations = Table(
    "locations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(40), nullable=False, unique=True),
    Column("name", String(100), nullable=False),
    Column("kind", EnumText(LocationKind), nullable=False),
    Column("parent_id", Integer, ForeignKey("locations.id"), nullable=True),
    Column("customer_id", Integer, ForeignKey("customers.id"), nullable=True),
    Column("active", Boolean, nullable=False, default=True),
    Index("ix_locations_kind_customer", "kind", "customer_id"),  # a customer's consignment
)

units = Table(
    "units",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(10), nullable=False, unique=True),
    Column("active", Boolean, nullable=False, default=True),
    Column("position", Integer, nullable=False, default=0),
)
"""The shop's list of units of measure; items keep the unit's name."""

stock_moves = Table(
    "stock_moves",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("item_id", Integer, ForeignKey("items.id"), nullable=False),
    Column("quantity", QuantityType, nullable=False),
    Column("from_location_id", Integer, ForeignKey("locations.id"), nullable=False),
    Column("to_location_id", Integer, ForeignKey("locations.id"), nullable=False),
    Column("batch", String(40), nullable=False, default=""),
    Column("serial", String(60), nullable=False, default=""),
    Column("expiry", Date, nullable=True),
    Column("doc_type", String(4), nullable=False),
    Column("doc_number", String(20), nullable=False, index=True),
    Column("user", String(60), nullable=False),
    Column("at", UtcDateTime, nullable=False),
    Column("reverses_id", Integer, ForeignKey("stock_moves.id"), nullable=True, unique=True),
    CheckConstraint("quantity > 0", name="positive_quantity"),
    CheckConstraint("from_location_id <> to_location_id", name="two_locations"),
    Index("ix_stock_moves_item_from", "item_id", "from_location_id"),
    Index("ix_stock_moves_item_to", "item_id", "to_location_id"),
)
"""The stock ledger: rows are only ever inserted."""

stock_balances = Table(
    "stock_balances",
    metadata,
    Column("item_id", Integer, ForeignKey("items.id"), primary_key=True),
    Column("location_id", Integer, ForeignKey("locations.id"), primary_key=True),
    Column("stock_key", String(60), primary_key=True),
    Column("quantity", QuantityType, nullable=False),
    Column("expiry", Date, nullable=True),
    Index("ix_stock_balances_location", "location_id"),
)
"""Quantity per item, location and batch/serial: the ledger summed, kept in step with it."""

number_series = Table(
    "number_series",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("doc_type", EnumText(DocumentType), nullable=False),
    Column("year", Integer, nullable=False),
    Column("last", Integer, nullable=False),
    UniqueConstraint("doc_type", "year", name="uq_number_series_doc_type_year"),
)

stock_documents = Table(
    "stock_documents",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("doc_type", EnumText(DocumentType), nullable=False),
    Column("number", String(20), nullable=False, unique=True),
    Column("doc_date", Date, nullable=False),
    Column("location_id", Integer, ForeignKey("locations.id"), nullable=False),
    Column("partner", String(100), nullable=False, default=""),
    Column("note", String(500), nullable=False, default=""),
    Column("posted_by", String(60), nullable=False),
    Column("posted_at", UtcDateTime, nullable=False),
    Column("reverses_id", Integer, ForeignKey("stock_documents.id"), nullable=True, unique=True),
    Column("reverses_number", String(20), nullable=True, unique=True),
    Index("ix_stock_documents_date", "doc_date", "id"),
    Index("ix_stock_documents_date_number", "doc_date", "number"),  # the documents list
)

stock_document_lines = Table(
    "stock_document_lines",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("stock_documents.id"), nullable=False, index=True),
    Column("line_no", Integer, nullable=False),
    Column("item_id", Integer, ForeignKey("items.id"), nullable=False),
    Column("quantity", QuantityType, nullable=False),
    Column("book_quantity", QuantityType, nullable=True),
    Column("batch", String(40), nullable=False, default=""),
    Column("serial", String(60), nullable=False, default=""),
    Column("expiry", Date, nullable=True),
    Column("unit_cost", MoneyType, nullable=False, default=0),
    Column("location_id", Integer, ForeignKey("locations.id"), nullable=True),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", UtcDateTime, nullable=False),
    Column("username", String(60), nullable=False),
    Column("action", String(60), nullable=False),
    Column("entity", String(40), nullable=False),
    Column("entity_id", String(40), nullable=False),
    Column("detail", Text, nullable=False, default=""),
    Column("pc", String(60), nullable=False, server_default=""),
    Column("document", String(40), nullable=False, server_default=""),
    Column("prev_hash", String(64), nullable=False, server_default=""),
    Column("row_hash", String(64), nullable=False, server_default=""),
    Index("ix_audit_log_entity", "entity", "entity_id"),
    Index("ix_audit_log_at", "at"),
    Index("ix_audit_log_username", "username"),
    Index("ix_audit_log_document", "document"),
)
"""Who did what when, on which PC; rows are only ever inserted, each sealed with the hash of
its content and of the row before it (``domain.audit``)."""

audit_chain = Table(
    "audit_chain",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("last_id", Integer, nullable=False),
    Column("last_hash", String(64), nullable=False),
    CheckConstraint("id = 1", name="one_row"),
)
"""The chain's head: one row, the last audit entry's id and hash, moved with every entry."""

# --- the office: who is connected, what each PC has open, what changed --------------------

sessions = Table(
    "sessions",
    metadata,
    Column("token", String(36), primary_key=True),
    Column("pc", String(60), nullable=False),
    Column("username", String(60), nullable=False),
    Column("started_at", UtcDateTime, nullable=False),
    Column("heartbeat_at", UtcDateTime, nullable=False, index=True),
)
"""One row per running program: which PC, which user, since when; a row whose heartbeat is
older than two minutes is a program that ended without saying so and is removed."""

edit_claims = Table(
    "edit_claims",
    metadata,
    Column(
        "session_id", String(36), ForeignKey("sessions.token", ondelete="CASCADE"), primary_key=True
    ),
    Column("entity", String(40), primary_key=True),
    Column("entity_id", String(40), primary_key=True),
    Column("since", UtcDateTime, nullable=False),
    Index("ix_edit_claims_entity", "entity", "entity_id"),
)
"""A record open for editing in a session (shown on other PCs as "being edited on …")."""

change_counters = Table(
    "change_counters",
    metadata,
    Column("table_name", String(60), primary_key=True),
    Column("serial", Integer, nullable=False),
)
"""SQLite only: a counter per table, moved by every write to it, so another PC polling
``PRAGMA data_version`` learns which tables changed (PostgreSQL uses NOTIFY)."""

# --- people: roles and users --------------------------------------------------------------

roles = Table(
    "roles",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(40), nullable=False, unique=True),
    Column("built_in", Boolean, nullable=False, default=False),
    Column("permissions", Text, nullable=False, default=""),
)
"""The four built-in roles (their permissions are fixed in ``domain.security``) and the
shop's custom roles (permissions stored as ``a b c``)."""

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("username", String(40), nullable=False, unique=True),
    Column("display_name", String(80), nullable=False, default=""),
    Column("role", String(40), ForeignKey("roles.name"), nullable=False),
    Column("password_hash", String(200), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("ended_at", UtcDateTime, nullable=True),
    Column("failed_logins", Integer, nullable=False, default=0),
    Column("last_failed_at", UtcDateTime, nullable=True),
    Column("locked_until", UtcDateTime, nullable=True),
    CheckConstraint("failed_logins >= 0", name="failed_logins_not_negative"),
)
"""The people who log in; ended, never deleted."""

# --- sales: orders, picking, deliveries, invoices, payments --------------------------------

sales_orders = Table(
    "sales_orders",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("number", String(20), nullable=False, unique=True),
    # found through ix_sales_orders_customer_state (migration 0021 dropped its own index)
    Column("customer_id", Integer, ForeignKey("customers.id"), nullable=False),
    Column("order_date", Date, nullable=False),
    Column("requested_date", Date, nullable=True),
    Column("payment_mode", EnumText(PaymentMode), nullable=False),
    Column("state", EnumText(OrderState), nullable=False, index=True),
    Column("note", String(500), nullable=False, default=""),
    Column("override_by", String(60), nullable=False, default=""),
    Column("override_reason", String(200), nullable=False, default=""),
    Column("short_reason", String(200), nullable=False, default="", server_default=""),
    Column("prepaid", MoneyType, nullable=False, default=0),
    Column("invoiced", MoneyType, nullable=False, default=0),
    Column("created_by", String(60), nullable=False, default=""),
    Column("version", Integer, nullable=False),
    Column("updated_by", String(60), nullable=False, default=""),
    Column("updated_at", UtcDateTime, nullable=True),
    Index("ix_sales_orders_date", "order_date", "id"),
    Index("ix_sales_orders_customer_state", "customer_id", "state"),
)

sales_order_lines = Table(
    "sales_order_lines",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("order_id", Integer, ForeignKey("sales_orders.id"), nullable=False, index=True),
    Column("line_no", Integer, nullable=False),
    Column("item_id", Integer, ForeignKey("items.id"), nullable=False, index=True),
    Column("quantity", QuantityType, nullable=False),
    Column("unit_price", MoneyType, nullable=False),
    Column("discount", RateType, nullable=False, default=0),
    Column("vat_rate", RateType, nullable=False),
    Column("reserved", QuantityType, nullable=False, default=0),
    Column("shipped", QuantityType, nullable=False, default=0),
    Column("cancelled", QuantityType, nullable=False, default=0, server_default="0"),
    CheckConstraint("quantity > 0", name="positive_quantity"),
    CheckConstraint("shipped <= quantity", name="not_over_shipped"),
    CheckConstraint("shipped + cancelled <= quantity", name="not_over_closed"),
    Index(  # the live reservations only: a line's goes to 0 when shipped or released
        "ix_sales_order_lines_reserving",
        "item_id",
        sqlite_where=text("reserved > 0"),
    ),
)

picking_lists = Table(
    "picking_lists",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("number", String(20), nullable=False, unique=True),
    Column("order_id", Integer, ForeignKey("sales_orders.id"), nullable=False, index=True),
    Column("state", String(10), nullable=False),
    Column("created_by", String(60), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
)

picking_lines = Table(
    "picking_lines",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("picking_id", Integer, ForeignKey("picking_lists.id"), nullable=False, index=True),
    Column("line_no", Integer, nullable=False),
    Column("order_line_id", Integer, ForeignKey("sales_order_lines.id"), nullable=False),
    Column("item_id", Integer, ForeignKey("items.id"), nullable=False),
    Column("location_id", Integer, ForeignKey("locations.id"), nullable=False),
    Column("bin_code", String(40), nullable=False, default=""),
    Column("quantity", QuantityType, nullable=False),
    Column("batch", String(40), nullable=False, default=""),
    Column("serial", String(60), nullable=False, default=""),
    Column("expiry", Date, nullable=True),
)

deliveries = Table(
    "deliveries",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("number", String(20), nullable=False, unique=True),
    Column("order_id", Integer, ForeignKey("sales_orders.id"), nullable=False, index=True),
    Column("customer_id", Integer, ForeignKey("customers.id"), nullable=False, index=True),
    Column("picking_id", Integer, ForeignKey("picking_lists.id"), nullable=True),
    Column("invoice_id", Integer, ForeignKey("invoices.id"), nullable=True, index=True),
    Column("delivery_date", Date, nullable=False),
    Column("posted_by", String(60), nullable=False),
    Column("posted_at", UtcDateTime, nullable=False),
    Index(
        "ix_deliveries_uninvoiced",
        "customer_id",
        "id",
        sqlite_where=text("invoice_id IS NULL"),
    ),
    Index("ix_deliveries_date_number", "delivery_date", "number"),  # the documents list
)

delivery_lines = Table(
    "delivery_lines",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("delivery_id", Integer, ForeignKey("deliveries.id"), nullable=False, index=True),
    Column("line_no", Integer, nullable=False),
    Column("order_line_id", Integer, ForeignKey("sales_order_lines.id"), nullable=False),
    Column("item_id", Integer, ForeignKey("items.id"), nullable=False),
    Column("location_id", Integer, ForeignKey("locations.id"), nullable=False),
    Column("quantity", QuantityType, nullable=False),
    Column("unit_price", MoneyType, nullable=False),
    Column("discount", RateType, nullable=False, default=0),
    Column("vat_rate", RateType, nullable=False),
    Column("batch", String(40), nullable=False, default=""),
    Column("serial", String(60), nullable=False, default=""),
    Column("expiry", Date, nullable=True),
)

invoices = Table(
    "invoices",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("number", String(20), nullable=False, unique=True),
    Column("customer_id", Integer, ForeignKey("customers.id"), nullable=False, index=True),
    Column("invoice_date", Date, nullable=False),
    Column("due_date", Date, nullable=False),
    Column("net", MoneyType, nullable=False),
    Column("vat", MoneyType, nullable=False),
    Column("gross", MoneyType, nullable=False),
    Column("paid", MoneyType, nullable=False, default=0),
    Column("posted_by", String(60), nullable=False),
    Column("posted_at", UtcDateTime, nullable=False),
    Column("e_invoice_number", String(40), nullable=True, unique=True),
    Index("ix_invoices_date", "invoice_date", "id"),
    Index(
        "ix_invoices_open",
        "customer_id",
        "due_date",
        "id",
        sqlite_where=text("paid < gross"),
    ),
)

invoice_lines = Table(
    "invoice_lines",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("invoice_id", Integer, ForeignKey("invoices.id"), nullable=False, index=True),
    Column("line_no", Integer, nullable=False),
    Column(
        "delivery_line_id", Integer, ForeignKey("delivery_lines.id"), nullable=True, unique=True
    ),
    Column(
        "consignment_line_id",
        Integer,
        ForeignKey("consignment_lines.id"),
        nullable=True,
        unique=True,
    ),
    Column("item_id", Integer, ForeignKey("items.id"), nullable=False),
    Column("quantity", QuantityType, nullable=False),
    Column("unit_price", MoneyType, nullable=False),
    Column("discount", RateType, nullable=False, default=0),
    Column("vat_rate", RateType, nullable=False),
    Column("net", MoneyType, nullable=False),
    Column("vat", MoneyType, nullable=False),
    Column("gross", MoneyType, nullable=False),
)

payments = Table(
    "payments",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("number", String(20), nullable=False, unique=True),
    Column("customer_id", Integer, ForeignKey("customers.id"), nullable=False, index=True),
    Column("order_id", Integer, ForeignKey("sales_orders.id"), nullable=True, index=True),
    Column("received_on", Date, nullable=False),
    Column("amount", MoneyType, nullable=False),
    Column("method", String(20), nullable=False),
    Column("reference", String(60), nullable=False, default=""),
    Column("posted_by", String(60), nullable=False),
    Column("posted_at", UtcDateTime, nullable=False),
    # amount less its allocations, kept by persistence.mappers.keep_unapplied (migration 0021)
    Column("unapplied", MoneyType, nullable=False, server_default="0"),
    Index(
        "ix_payments_unapplied",
        "customer_id",
        "received_on",
        "number",
        sqlite_where=text("unapplied > 0"),
    ),
)

payment_allocations = Table(
    "payment_allocations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("payment_id", Integer, ForeignKey("payments.id"), nullable=False, index=True),
    Column("invoice_id", Integer, ForeignKey("invoices.id"), nullable=True, index=True),
    Column("amount", MoneyType, nullable=False),
    Column("refund_id", Integer, ForeignKey("refunds.id"), nullable=True, index=True),
    CheckConstraint(
        "(invoice_id IS NULL) <> (refund_id IS NULL)", name="applied_to_invoice_or_refund"
    ),
    Index("ix_payment_allocations_payment_amount", "payment_id", "amount"),
)
"""Money of a payment applied to an invoice, or paid back to the customer by a refund."""

SEARCH_TABLE_PREFIXES = ("customer_search", "item_search")
"""Search tables and indexes made by hand in migrations (SQLite FTS5 tables, PostgreSQL
pg_trgm expression indexes such as ``customer_search_trgm``); not in this metadata."""


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """alembic filter: leave the hand-made search tables and indexes out of comparisons."""
    del parent_names
    return not (type_ in ("table", "index") and name and name.startswith(SEARCH_TABLE_PREFIXES))


returns = Table(
    "returns",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("number", String(20), nullable=False, unique=True),
    Column("customer_id", Integer, ForeignKey("customers.id"), nullable=False, index=True),
    Column("delivery_id", Integer, ForeignKey("deliveries.id"), nullable=False, index=True),
    Column("reason", EnumText("retailerp.domain.returns:ReturnReason"), nullable=False),
    Column("received_by", String(60), nullable=False),
    Column("return_date", Date, nullable=False),
    Column("state", EnumText("retailerp.domain.returns:ReturnState"), nullable=False, index=True),
    Column("note", String(500), nullable=False, default=""),
    Column("override_by", String(60), nullable=False, default=""),
    Column("override_reason", String(200), nullable=False, default=""),
    Column("created_by", String(60), nullable=False, default=""),
    Column("posted_at", UtcDateTime, nullable=True),
    Column("version", Integer, nullable=False),
    Index("ix_returns_date", "return_date", "id"),
)

return_lines = Table(
    "return_lines",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("return_id", Integer, ForeignKey("returns.id"), nullable=False, index=True),
    Column("line_no", Integer, nullable=False),
    Column(
        "delivery_line_id", Integer, ForeignKey("delivery_lines.id"), nullable=False, index=True
    ),
    Column("item_id", Integer, ForeignKey("items.id"), nullable=False, index=True),
    Column("quantity", QuantityType, nullable=False),
    Column("unit_price", MoneyType, nullable=False),
    Column("discount", RateType, nullable=False, default=0),
    Column("vat_rate", RateType, nullable=False),
    Column("condition", EnumText("retailerp.domain.returns:ReturnCondition"), nullable=False),
    Column("batch", String(40), nullable=False, default=""),
    Column("serial", String(60), nullable=False, default=""),
    Column("expiry", Date, nullable=True),
    Column("rule", String(80), nullable=False, default=""),
    Column("refund_rate", RateType, nullable=False, default=0),
    Column("refund", MoneyType, nullable=False, default=0),
    Column("location_id", Integer, ForeignKey("locations.id"), nullable=True),
    CheckConstraint("quantity > 0", name="positive_quantity"),
)


complaint_tickets = Table(
    "complaint_tickets",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("number", String(20), nullable=False, unique=True),
    Column("customer_id", Integer, ForeignKey("customers.id"), nullable=False, index=True),
    Column("channel", EnumText(Channel), nullable=False),
    Column("received_at", UtcDateTime, nullable=False),
    Column("description", String(2000), nullable=False),
    Column("severity", EnumText(Severity), nullable=False),
    Column("severity_suggested", EnumText(Severity), nullable=False),
    Column("severity_reason", String(200), nullable=False, default=""),
    Column("report_due", UtcDateTime, nullable=False),
    Column("response_due", UtcDateTime, nullable=False),
    Column("resolution_due", UtcDateTime, nullable=False),
    Column("state", EnumText(TicketState), nullable=False, index=True),
    Column("order_id", Integer, ForeignKey("sales_orders.id"), nullable=True),
    Column("delivery_id", Integer, ForeignKey("deliveries.id"), nullable=True, index=True),
    Column("invoice_id", Integer, ForeignKey("invoices.id"), nullable=True),
    Column("item_id", Integer, ForeignKey("items.id"), nullable=True, index=True),
    Column("batch", String(40), nullable=False, default=""),
    Column("serial", String(60), nullable=False, default=""),
    Column("quantity", QuantityType, nullable=False, default=0),
    Column("ship_date", Date, nullable=True),
    Column("requested", EnumText(Resolution), nullable=False),
    Column("amount", MoneyType, nullable=False, default=0),
    Column("reach", Integer, nullable=False, default=1),
    Column("assignee", String(60), nullable=False, default=""),
    Column("related", String(200), nullable=False, default=""),
    Column("solution", String(2000), nullable=False, default=""),
    Column("approved_by", String(60), nullable=False, default=""),
    Column("escalated_to", Integer, nullable=False, default=0),
    Column("acknowledged_at", UtcDateTime, nullable=True),
    Column("responded_at", UtcDateTime, nullable=True),
    Column("resolved_at", UtcDateTime, nullable=True),
    Column("closed_at", UtcDateTime, nullable=True),
    Column("reject_reason", String(200), nullable=False, default=""),
    Column("cause_category", String(20), nullable=False, default=""),
    Column("root_cause", String(1000), nullable=False, default=""),
    Column("corrective_action", String(1000), nullable=False, default=""),
    Column("preventive_action", String(1000), nullable=False, default=""),
    Column("action_owner", String(60), nullable=False, default=""),
    Column("action_due", Date, nullable=True),
    Column("verified_by", String(60), nullable=False, default=""),
    Column("verified_on", Date, nullable=True),
    Column("effective", Boolean, nullable=True),
    Column("satisfaction", Integer, nullable=True),
    Column("follow_up_comment", String(500), nullable=False, default=""),
    Column("created_by", String(60), nullable=False, default=""),
    Column("version", Integer, nullable=False),
    CheckConstraint("quantity >= 0", name="quantity_not_negative"),
    Index("ix_complaint_tickets_received", "received_at", "id"),
)
"""Complaint tickets (客户投诉信息反馈单); the state's history is complaint_history."""

complaint_history = Table(
    "complaint_history",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("ticket_id", Integer, ForeignKey("complaint_tickets.id"), nullable=False, index=True),
    Column("at", UtcDateTime, nullable=False),
    Column("username", String(60), nullable=False),
    Column("action", String(20), nullable=False),
    Column("from_state", String(20), nullable=False),
    Column("to_state", String(20), nullable=False),
    Column("note", String(500), nullable=False, default=""),
)

complaint_resolutions = Table(
    "complaint_resolutions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("ticket_id", Integer, ForeignKey("complaint_tickets.id"), nullable=False, index=True),
    Column("kind", EnumText(Resolution), nullable=False),
    Column("document_kind", String(20), nullable=False),
    Column("number", String(20), nullable=False),
    Column("amount", MoneyType, nullable=False, default=0),
    Column("created_by", String(60), nullable=False, default=""),
    Column("created_at", UtcDateTime, nullable=True),
    Column("note", String(500), nullable=False, default=""),
)
"""The documents a ticket's resolution created (return, order, payment, visit), by number."""

complaint_attachments = Table(
    "complaint_attachments",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("ticket_id", Integer, ForeignKey("complaint_tickets.id"), nullable=False, index=True),
    Column("file_name", String(200), nullable=False),
    Column("media_type", String(40), nullable=False),
    Column("size", Integer, nullable=False),
    Column("data", LargeBinary, nullable=False),
    Column("added_by", String(60), nullable=False),
    Column("added_at", UtcDateTime, nullable=False),
)
"""Photos and PDFs, inside the database so that every backup carries them."""

service_visits = Table(
    "service_visits",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("number", String(20), nullable=False, unique=True),
    Column("ticket_id", Integer, ForeignKey("complaint_tickets.id"), nullable=False, index=True),
    Column("visit_date", Date, nullable=False),
    Column("person", String(60), nullable=False),
    Column("outcome", String(1000), nullable=False, default=""),
    Column("done", Boolean, nullable=False, default=False),
)
"""On-site service visits (上门服务) a resolution planned, and what came of them."""


red_invoices = Table(
    "red_invoices",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("number", String(20), nullable=False, unique=True),
    Column("invoice_id", Integer, ForeignKey("invoices.id"), nullable=False, index=True),
    Column("blue_number", String(20), nullable=False),
    Column("customer_id", Integer, ForeignKey("customers.id"), nullable=False, index=True),
    Column("kind", EnumText("retailerp.domain.red_invoices:RedKind"), nullable=False),
    Column("red_date", Date, nullable=False),
    Column("reason", String(200), nullable=False, default=""),
    Column("state", EnumText("retailerp.domain.red_invoices:RedState"), nullable=False, index=True),
    Column("confirmation_number", String(40), nullable=True, unique=True),
    Column("return_id", Integer, ForeignKey("returns.id"), nullable=True, index=True),
    Column("billing_blocked", Boolean, nullable=False, default=False),
    Column("created_by", String(60), nullable=False, default=""),
    Column("issued_by", String(60), nullable=False, default=""),
    Column("issued_at", UtcDateTime, nullable=True),
    Column("version", Integer, nullable=False),
    Index("ix_red_invoices_date", "red_date", "id"),
)
"""Red invoices (红字发票): credits against one blue invoice; the confirmation form's number
is unique once recorded."""

red_invoice_lines = Table(
    "red_invoice_lines",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("red_invoice_id", Integer, ForeignKey("red_invoices.id"), nullable=False, index=True),
    Column("line_no", Integer, nullable=False),
    Column("invoice_line_id", Integer, ForeignKey("invoice_lines.id"), nullable=False, index=True),
    Column("item_id", Integer, ForeignKey("items.id"), nullable=False),
    Column("quantity", QuantityType, nullable=False),
    Column("net", MoneyType, nullable=False),
    Column("vat", MoneyType, nullable=False),
    Column("vat_rate", RateType, nullable=False),
    Column("rule", String(80), nullable=False, default="", server_default=""),
    Column("refund_rate", RateType, nullable=True),
    CheckConstraint("quantity >= 0", name="not_negative_quantity"),
    CheckConstraint("net > 0", name="positive_net"),
)
"""A red line credits one blue invoice line (a quantity for a return, none for an allowance)."""

refunds = Table(
    "refunds",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("number", String(20), nullable=False, unique=True),
    Column("customer_id", Integer, ForeignKey("customers.id"), nullable=False, index=True),
    Column("refunded_on", Date, nullable=False),
    Column("amount", MoneyType, nullable=False),
    Column("method", String(20), nullable=False),
    Column("reference", String(60), nullable=False, default=""),
    Column("posted_by", String(60), nullable=False),
    Column("posted_at", UtcDateTime, nullable=False),
    CheckConstraint("amount > 0", name="positive_amount"),
)
"""Money paid back to a customer out of its money on account (退款); the payments it came
from carry allocations naming it."""

exchanges = Table(
    "exchanges",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("return_id", Integer, ForeignKey("returns.id"), nullable=False, unique=True),
    Column("order_id", Integer, ForeignKey("sales_orders.id"), nullable=False, unique=True),
    Column("created_by", String(60), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column(
        "state",
        EnumText("retailerp.domain.exchanges:ExchangeState"),
        nullable=False,
        default="active",
        server_default="active",
    ),
    Column("cancelled_by", String(60), nullable=False, default="", server_default=""),
    Column("cancelled_at", UtcDateTime, nullable=True),
    Column("cancel_reason", String(200), nullable=False, default="", server_default=""),
)
"""An exchange (换货): a return and the replacement order sent at no charge, each naming the
other; cancelled while the replacement has not shipped."""


consignment_documents = Table(
    "consignment_documents",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("number", String(20), nullable=False, unique=True),
    Column("kind", EnumText("retailerp.domain.consignment:ConsignmentKind"), nullable=False),
    Column("customer_id", Integer, ForeignKey("customers.id"), nullable=False, index=True),
    Column("location_id", Integer, ForeignKey("locations.id"), nullable=False),
    Column("doc_date", Date, nullable=False),
    Column(
        "state",
        EnumText("retailerp.domain.consignment:ConsignmentState"),
        nullable=False,
        index=True,
    ),
    Column("note", String(500), nullable=False, default=""),
    Column("source_id", Integer, ForeignKey("consignment_documents.id"), nullable=True),
    Column("invoice_id", Integer, ForeignKey("invoices.id"), nullable=True, index=True),
    Column("billing_block", Boolean, nullable=False, default=False),
    Column("red_invoice_id", Integer, ForeignKey("red_invoices.id"), nullable=True),
    Column("created_by", String(60), nullable=False, default=""),
    Column("posted_at", UtcDateTime, nullable=True),
    Column("reversal_number", String(20), nullable=False, default=""),
    Column("reversal_reason", String(200), nullable=False, default=""),
    Column("version", Integer, nullable=False),
    Index("ix_consignment_documents_date", "doc_date", "id"),
)

consignment_lines = Table(
    "consignment_lines",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "document_id",
        Integer,
        ForeignKey("consignment_documents.id"),
        nullable=False,
        index=True,
    ),
    Column("line_no", Integer, nullable=False),
    Column("item_id", Integer, ForeignKey("items.id"), nullable=False, index=True),
    Column("quantity", QuantityType, nullable=False),
    Column("batch", String(40), nullable=False, default=""),
    Column("serial", String(60), nullable=False, default=""),
    Column("expiry", Date, nullable=True),
    Column("unit_price", MoneyType, nullable=False, default=0),
    Column("vat_rate", RateType, nullable=False, default=0),
    Column("unit_cost", MoneyType, nullable=True),
    Column("location_id", Integer, ForeignKey("locations.id"), nullable=True),
    Column("book_quantity", QuantityType, nullable=True),
    Column("decision", String(20), nullable=False, default=""),
    Column("defective", Boolean, nullable=False, default=False),
    Column("source_line_id", Integer, ForeignKey("consignment_lines.id"), nullable=True),
    CheckConstraint("quantity >= 0", name="not_negative_quantity"),
)
