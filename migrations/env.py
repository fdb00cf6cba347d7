"""alembic environment: runs on the connection RetailERP hands over (see persistence/migrate.py)."""

from __future__ import annotations

from alembic import context

from retailerp.persistence.tables import include_name, metadata


def run_migrations() -> None:
    connection = context.config.attributes["connection"]
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        include_name=include_name,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
