"""A shop to run business scenarios in: services plus the readings a scenario checks."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from retailerp.persistence import migrate
from retailerp.persistence.engine import open_database
from retailerp.persistence.unit_of_work import read
from retailerp.services import Services
from support.dbtools import as_owner


class Shop:
    """Services plus the readings a scenario checks at every step."""

    def __init__(self, services: Services) -> None:
        self.s = services

    def qty(self, item_id: int, location: str, key: str = "") -> Decimal:
        return self.s.stock.quantity(item_id, location, key)

    def moves(self, number: str) -> list[tuple[str, str, Decimal, str]]:
        """(from code, to code, quantity, batch/serial) of a document's ledger lines."""
        locations = {loc.id: loc.code for loc in read(self.s.ctx.db, lambda u: u.locations.all())}
        return [
            (
                locations[m.from_location_id],
                locations[m.to_location_id],
                m.quantity,
                m.serial or m.batch,
            )
            for m in self.s.stock.moves_of(number)
        ]

    def ledger_ok(self) -> bool:
        return self.s.stock.ledger_mismatches() == []

    def order(self, order_id: int):  # noqa: ANN201
        return self.s.orders.get(order_id)


def open_shop(target: str | Path) -> Shop:
    db = open_database(target)
    migrate.upgrade(db)
    return Shop(as_owner(db, today=lambda: date(2026, 3, 10)))
