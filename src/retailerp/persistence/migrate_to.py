"""``retailerp db migrate-to postgresql+psycopg://…``: a SQLite database into an empty
PostgreSQL database.

One transaction on the server does everything, so a failure at any step leaves the target as
empty as it was: the schema is made by the alembic migrations (the same ones every database
runs), the rows the migrations seed are taken out again, then every table is copied in
dependency order (parents first, by id within a table, so rows that name an earlier row of
their own table find it) in batches through SQLAlchemy Core, whose column types turn the
SQLite values into PostgreSQL's exactly as the program reads and writes them.  The id
sequences are set past the highest id; the number series are a table like any other, so the
next document number follows on.  Before the commit the copy is checked against the source:
the rows of every table, the stock per item and location, and the money of invoices,
payments, refunds and red invoices.  The source is read in one read transaction (a
consistent picture even if a PC writes meanwhile) and never written.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import Connection, Table, func, select, text

from retailerp.domain.money import Money
from retailerp.domain.text import QT_TRANSLATE_NOOP
from retailerp.persistence import migrate
from retailerp.persistence.engine import Database, open_database, resolve_url
from retailerp.persistence.errors import DatabaseProblem
from retailerp.persistence.tables import metadata

BATCH_ROWS = 1000
"""Rows sent to the server in one ``executemany``."""

Say = Callable[[str, int, int], None]
"""``say(table, rows_done, rows_total)`` while a table is copied."""

MONEY_SUMS: tuple[tuple[str, str, str], ...] = (
    ("invoices", "gross", QT_TRANSLATE_NOOP("terms", "invoices")),
    ("invoices", "paid", QT_TRANSLATE_NOOP("terms", "paid on invoices")),
    ("payments", "amount", QT_TRANSLATE_NOOP("terms", "payments")),
    ("refunds", "amount", QT_TRANSLATE_NOOP("terms", "refunds")),
    ("red_invoice_lines", "net", QT_TRANSLATE_NOOP("terms", "red invoices (net)")),
    ("red_invoice_lines", "vat", QT_TRANSLATE_NOOP("terms", "red invoices (VAT)")),
)
"""Money totals checked after the copy: (table, column, what it is in words)."""


@dataclass
class Outcome:
    """What was copied and what the checks found (all lists empty: the copy is exact)."""

    rows: dict[str, int] = field(default_factory=dict)
    """Rows copied per table."""
    stock_places: int = 0
    """(item, location) pairs whose stock was compared."""
    money: dict[str, Money] = field(default_factory=dict)
    """Money totals compared, by their words."""
    sequences: int = 0
    count_differences: list[tuple[str, int, int]] = field(default_factory=list)
    stock_differences: list[tuple[int, int, Decimal, Decimal]] = field(default_factory=list)
    money_differences: list[tuple[str, Money, Money]] = field(default_factory=list)

    @property
    def exact(self) -> bool:
        return not (self.count_differences or self.stock_differences or self.money_differences)


def migrate_to(
    source: str, target: str, say: Say | None = None, batch_rows: int = BATCH_ROWS
) -> Outcome:
    """Copy the SQLite database ``source`` into the empty PostgreSQL database ``target``."""
    if resolve_url(target).get_backend_name() != "postgresql":
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP(
                "errors",
                "Give the PostgreSQL database to copy into as "
                "postgresql+psycopg://user@server:5432/database.",
            )
        )
    src = open_database(source, must_exist=True)
    try:
        if not src.is_sqlite:
            raise DatabaseProblem(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "migrate-to copies a SQLite file; --database names {database}, which is not "
                    "one.",
                ),
                database=src.label,
            )
        migrate.require_current(src)
        dst = open_database(target)
        try:
            return _copy(src, dst, say or _silent, batch_rows)
        finally:
            dst.dispose()
    finally:
        src.dispose()


def _silent(_table: str, _done: int, _total: int) -> None:
    return None


def _copy(src: Database, dst: Database, say: Say, batch_rows: int) -> Outcome:
    tables = copied_tables()
    with src.engine.connect() as reader, dst.engine.connect() as writer:
        refuse_unless_empty(writer, dst.label)
        with reader.begin(), writer.begin():
            migrate.run_upgrade_on(writer)
            for table in reversed(tables):  # what the migrations seeded: the source has its own
                writer.execute(table.delete())
            outcome = Outcome()
            for table in tables:
                outcome.rows[table.name] = copy_table(reader, writer, table, batch_rows, say)
            outcome.sequences = set_sequences(writer, tables)
            verify(reader, writer, tables, outcome)
            if not outcome.exact:
                raise not_exact(outcome)  # leaving the block rolls everything back
    return outcome


def copied_tables() -> list[Table]:
    """Every table of the schema, parents before children (``alembic_version`` is made by
    the migrations themselves)."""
    return list(metadata.sorted_tables)


def refuse_unless_empty(conn: Connection, label: str) -> None:
    """A target holding any table, view or sequence is refused: nothing is written to it."""
    names = [
        row[0]
        for row in conn.execute(
            text(
                "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = current_schema() "
                "AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') "
                "ORDER BY c.relname"
            )
        )
    ]
    conn.rollback()
    if names:
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP(
                "errors",
                "{database} is not empty: it already holds {count} tables or sequences "
                "({names}). migrate-to copies only into an empty database; create a new one "
                "(e.g. 'createdb -O retailerp retailerp') and give that. Nothing was written.",
            ),
            database=label,
            count=len(names),
            names=", ".join(names[:5]) + (", …" if len(names) > 5 else ""),
        )


def copy_table(reader: Connection, writer: Connection, table: Table, batch: int, say: Say) -> int:
    """Copy one table in batches, in primary-key order; returns the rows copied."""
    total = reader.execute(select(func.count()).select_from(table)).scalar_one()
    done = 0
    say(table.name, 0, total)
    rows = reader.execution_options(yield_per=batch).execute(
        select(table).order_by(*table.primary_key.columns)
    )
    for part in rows.partitions(batch):
        writer.execute(table.insert(), [dict(row._mapping) for row in part])
        done += len(part)
        say(table.name, done, total)
    return done


def set_sequences(conn: Connection, tables: Sequence[Table]) -> int:
    """Every id sequence continues after the highest id copied; returns how many were set."""
    count = 0
    for table in tables:
        if "id" not in table.c:
            continue
        sequence = conn.execute(
            text("SELECT pg_get_serial_sequence(:table, 'id')"), {"table": f'"{table.name}"'}
        ).scalar()
        if sequence is None:
            continue
        conn.execute(
            text(
                f'SELECT setval(:sequence, (SELECT coalesce(max(id), 0) + 1 FROM "{table.name}"),'
                " false)"
            ),
            {"sequence": sequence},
        )
        count += 1
    return count


def verify(reader: Connection, writer: Connection, tables: Sequence[Table], out: Outcome) -> None:
    """Compare the copy with the source: rows per table, stock per place, money totals."""
    for table in tables:
        want = reader.execute(select(func.count()).select_from(table)).scalar_one()
        got = writer.execute(select(func.count()).select_from(table)).scalar_one()
        if want != got:
            out.count_differences.append((table.name, want, got))
    want_stock, got_stock = stock_by_place(reader), stock_by_place(writer)
    out.stock_places = len(want_stock)
    for place in sorted(set(want_stock) | set(got_stock)):
        kept, copied = want_stock.get(place, Decimal(0)), got_stock.get(place, Decimal(0))
        if kept != copied:
            out.stock_differences.append((*place, kept, copied))
    for table_name, column, words in MONEY_SUMS:
        want_money, got_money = (
            money_sum(reader, table_name, column),
            money_sum(writer, table_name, column),
        )
        out.money[words] = want_money
        if want_money != got_money:
            out.money_differences.append((words, want_money, got_money))


def stock_by_place(conn: Connection) -> dict[tuple[int, int], Decimal]:
    """Stock on hand per (item, location), summed over batches and serials (stored in
    thousandths)."""
    rows = conn.execute(
        text(
            "SELECT item_id, location_id, sum(quantity) FROM stock_balances "
            "GROUP BY item_id, location_id"
        )
    )
    return {(item, place): Decimal(int(qty or 0)) / 1000 for item, place, qty in rows}


def money_sum(conn: Connection, table_name: str, column: str) -> Money:
    """The sum of a money column (stored in cents)."""
    cents = conn.execute(text(f'SELECT coalesce(sum("{column}"), 0) FROM "{table_name}"'))
    return Money(int(cents.scalar() or 0))


def not_exact(outcome: Outcome) -> DatabaseProblem:
    """The copy did not match the source; it was rolled back."""
    differences = [f"{name}: {want} → {got}" for name, want, got in outcome.count_differences]
    differences += [
        f"item {item} @ {place}: {want} → {got}"
        for item, place, want, got in outcome.stock_differences
    ]
    differences += [f"{words}: {want} → {got}" for words, want, got in outcome.money_differences]
    return DatabaseProblem(
        QT_TRANSLATE_NOOP(
            "errors",
            "The copy does not match the SQLite database ({detail}); it was undone and the "
            "PostgreSQL database is empty again.",
        ),
        detail="; ".join(differences[:5]),
    )
