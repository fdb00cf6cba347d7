"""``retailerp db check``: is the file sound, the schema current and the ledger in balance?"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from retailerp.domain.errors import DomainError
from retailerp.domain.text import QT_TRANSLATE_NOOP
from retailerp.persistence import migrate
from retailerp.persistence.engine import Database
from retailerp.persistence.unit_of_work import read


def check(db: Database) -> list[DomainError]:
    """Every problem found; an empty list means the database is healthy."""
    problems: list[DomainError] = []
    if db.is_sqlite:
        try:
            with db.engine.connect() as conn:
                rows = [r[0] for r in conn.execute(text("PRAGMA integrity_check"))]
                broken_links = conn.execute(text("PRAGMA foreign_key_check")).fetchall()
        except DBAPIError as error:  # so damaged that the check itself cannot read it
            rows, broken_links = [str(getattr(error, "orig", error))], []
        if rows != ["ok"]:
            problems.append(
                DomainError(
                    QT_TRANSLATE_NOOP("errors", "The file is damaged: {detail}"),
                    detail="; ".join(rows[:5]),
                )
            )
            return problems  # nothing else in a damaged file can be trusted (or read)
        if broken_links:
            problems.append(
                DomainError(
                    QT_TRANSLATE_NOOP(
                        "errors", "{count} records point to records that do not exist."
                    ),
                    count=len(broken_links),
                )
            )
    if migrate.needs_upgrade(db):
        problems.append(migrate.behind(migrate.current_revision(db)))
        return problems
    differences = migrate.schema_differences(db)
    if differences:
        problems.append(
            DomainError(
                QT_TRANSLATE_NOOP(
                    "errors", "The tables differ from what this version expects: {detail}"
                ),
                detail=str(differences[:3]),
            )
        )
    for item_id, location_id, key, kept, summed in read(db, lambda u: u.stock.ledger_mismatches()):
        problems.append(
            DomainError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "Stock of item {item} at location {location} {key}: the balance says "
                    "{kept}, the ledger adds up to {summed}.",
                ),
                item=item_id,
                location=location_id,
                key=key,
                kept=kept,
                summed=summed,
            )
        )
    return problems
