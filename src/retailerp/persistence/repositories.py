"""Repositories: load and store domain objects; the only place services reach tables through."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import and_, bindparam, func, insert, literal, select, update

from retailerp.domain.customers import Customer, CustomerReview, CustomerStatus
from retailerp.domain.inventory import StockDocument
from retailerp.domain.items import Item
from retailerp.domain.locations import LocationUse
from retailerp.domain.money import Money
from retailerp.domain.numbering import DocumentType, format_number
from retailerp.domain.stock import Location, LocationKind, StockMove, insufficient, stock_key
from retailerp.domain.units import Unit
from retailerp.persistence import tables as t
from retailerp.persistence.settings_repository import (  # noqa: F401 - where they were
    SMALL_SETTING,
    SettingsRepository,
    dialect_insert,
    upsert,
)
from retailerp.persistence.stock_queries import location_use

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


R = TypeVar("R")


@functools.cache
def _by_ids_statement(cls: type, table: Any) -> Any:
    """Built once: ``cls`` by a list of ids (an expanding parameter ``ids``)."""
    return select(cls).where(table.c.id.in_(bindparam("ids", expanding=True)))


def by_ids(session: Session, cls: type[R], table: Any, ids: Iterable[int]) -> dict[int, R]:
    """The records of ``cls`` (mapped to ``table``) with these ids, by id, in one query."""
    wanted = list(set(ids))
    if not wanted:
        return {}
    found = session.scalars(_by_ids_statement(cls, table), {"ids": wanted})
    return {record.id: record for record in found}  # type: ignore[attr-defined]


@functools.cache
def _next_number_statement(dialect: str) -> Any:
    """Built once per dialect: take the next number of a series, answering it."""
    s = t.number_series
    stmt = dialect_insert(dialect)(s).values(
        doc_type=bindparam("doc_type"), year=bindparam("year"), last=1
    )
    return stmt.on_conflict_do_update(
        index_elements=["doc_type", "year"], set_={"last": s.c.last + 1}
    ).returning(s.c.last)


class CustomerRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, customer_id: int) -> Customer | None:
        return self.session.get(Customer, customer_id)

    def by_code(self, code: str) -> Customer | None:
        return self.session.scalars(select(Customer).where(t.customers.c.code == code)).first()

    def by_ids(self, ids: Iterable[int]) -> dict[int, Customer]:
        return by_ids(self.session, Customer, t.customers, ids)

    def add(self, customer: Customer) -> None:
        self.session.add(customer)
        self.session.flush()

    def add_review(self, review: CustomerReview) -> None:
        self.session.add(review)
        self.session.flush()

    def reviews(self, customer_id: int) -> list[CustomerReview]:
        stmt = (
            select(CustomerReview)
            .where(t.customer_reviews.c.customer_id == customer_id)
            .order_by(t.customer_reviews.c.reviewed_on.desc(), t.customer_reviews.c.id.desc())
        )
        return list(self.session.scalars(stmt))

    def active(self) -> Iterable[Customer]:
        stmt = select(Customer).where(t.customers.c.status == CustomerStatus.ACTIVE)
        return self.session.scalars(stmt)

    def all_ids(self) -> list[int]:
        return list(self.session.scalars(select(t.customers.c.id)))

    def revenue_since(self, start: date, end: date) -> dict[int, Money]:
        """Net revenue per customer booked in [start, end]."""
        r = t.revenue_entries
        stmt = (
            select(r.c.customer_id, func.sum(r.c.net_amount))
            .where(r.c.booked_on >= start, r.c.booked_on <= end)
            .group_by(r.c.customer_id)
        )
        return {cid: total or Money.zero() for cid, total in self.session.execute(stmt)}

    def set_computed_classes(self, classes: dict[int, str]) -> int:
        """Store computed classes without touching the version (it is not a user edit)."""
        changed = 0
        for cls in ("A", "B", "C"):
            ids = [cid for cid, c in classes.items() if c == cls]
            for chunk in range(0, len(ids), 500):
                result = self.session.execute(
                    update(t.customers)
                    .where(t.customers.c.id.in_(ids[chunk : chunk + 500]))
                    .where(t.customers.c.computed_class != cls)
                    .values(computed_class=cls)
                    .execution_options(synchronize_session=False)
                )
                changed += result.rowcount or 0
        return changed

    def add_revenue(self, customer_id: int, booked_on: date, amount: Money, source: str) -> None:
        self.session.execute(
            t.revenue_entries.insert().values(
                customer_id=customer_id, booked_on=booked_on, net_amount=amount, source=source
            )
        )

    def is_used(self, customer_id: int) -> bool:
        """Whether any document or history refers to the customer (then it is never deleted)."""
        checks = [
            select(literal(1)).where(t.revenue_entries.c.customer_id == customer_id).limit(1),
            select(literal(1)).where(t.locations.c.customer_id == customer_id).limit(1),
            select(literal(1)).where(t.customer_reviews.c.customer_id == customer_id).limit(1),
        ]
        return any(self.session.execute(stmt).first() for stmt in checks)


class ItemRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, item_id: int) -> Item | None:
        return self.session.get(Item, item_id)

    def by_sku(self, sku: str) -> Item | None:
        return self.session.scalars(select(Item).where(t.items.c.sku == sku)).first()

    def by_barcode(self, barcode: str) -> Item | None:
        return self.session.scalars(select(Item).where(t.items.c.barcode == barcode)).first()

    def by_ids(self, ids: Iterable[int]) -> dict[int, Item]:
        return by_ids(self.session, Item, t.items, ids)

    def add(self, item: Item) -> None:
        self.session.add(item)
        self.session.flush()


class LocationRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, location_id: int) -> Location | None:
        return self.session.get(Location, location_id)

    def by_code(self, code: str) -> Location | None:
        return self.session.scalars(select(Location).where(t.locations.c.code == code)).first()

    def require(self, code: str) -> Location:
        location = self.by_code(code)
        if location is None:  # the migration seeds every standard location
            raise LookupError(f"standard location {code} is missing")
        return location

    def all(self) -> list[Location]:
        return list(self.session.scalars(select(Location).order_by(t.locations.c.code)))

    def by_ids(self, ids: Iterable[int]) -> dict[int, Location]:
        return by_ids(self.session, Location, t.locations, ids)

    def add(self, location: Location) -> None:
        self.session.add(location)
        self.session.flush()

    def bins_of(self, parent_id: int) -> list[Location]:
        stmt = select(Location).where(
            t.locations.c.parent_id == parent_id, t.locations.c.kind == LocationKind.BIN
        )
        return list(self.session.scalars(stmt))

    def use(self, location_id: int) -> LocationUse:
        """What refers to the location (decides whether it may be retired or deleted)."""
        holds, history, items, children = location_use(self.session, location_id)
        return LocationUse(
            holds_stock=holds, has_history=history, items=items, active_children=children
        )

    def delete(self, location: Location) -> None:
        self.session.delete(location)
        self.session.flush()


class UnitRepository:
    """The shop's list of units of measure."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def all(self) -> list[Unit]:
        stmt = select(Unit).order_by(t.units.c.position, t.units.c.id)
        return list(self.session.scalars(stmt))

    def get(self, unit_id: int) -> Unit | None:
        return self.session.get(Unit, unit_id)

    def names_in_use(self) -> set[str]:
        stmt = select(t.units.c.name).where(t.units.c.active.is_(True))
        return set(self.session.scalars(stmt))

    def add(self, unit: Unit) -> None:
        unit.position = (self.session.scalar(select(func.max(t.units.c.position))) or 0) + 1
        self.session.add(unit)
        self.session.flush()


_b = t.stock_balances
_TAKE = (
    update(_b)
    .where(
        _b.c.item_id == bindparam("i"),
        _b.c.location_id == bindparam("l"),
        _b.c.stock_key == bindparam("k"),
        _b.c.quantity >= bindparam("q"),
    )
    .values(quantity=_b.c.quantity - bindparam("q"))
)
"""Take ``q`` from one balance if it holds that much (sent once per balance, as a batch)."""
_MOVE_COLUMNS = tuple(c.key for c in t.stock_moves.c if c.key != "id")
_MOVE_DEFAULTS = {
    c.key: c.default.arg  # type: ignore[attr-defined]
    for c in t.stock_moves.c
    if c.default is not None and c.default.is_scalar
}


def _gather(
    into: dict[tuple[int, int, str], list[Any]],
    place: tuple[int, int, str],
    qty: Decimal,
    expiry: date | None,
) -> None:
    """Sum the quantities per balance; the first move's expiry is the one a new row gets."""
    if place in into:
        into[place][0] += qty
    else:
        into[place] = [qty, expiry]


def _move_row(move: StockMove) -> dict[str, Any]:
    """A move as the row the ORM would insert (every row the same keys, for one batch)."""
    row = {key: getattr(move, key) for key in _MOVE_COLUMNS}
    for key, default in _MOVE_DEFAULTS.items():
        if row[key] is None:
            row[key] = default
    return row


class StockRepository:
    """The ledger: inserts moves and keeps the balance table equal to their sum."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def post(self, moves: Sequence[StockMove], allow_negative_stock: bool) -> None:
        """Insert the moves and update balances; a real location may not go below zero.

        The decrements are one conditional UPDATE per balance (``… WHERE quantity >= :q``,
        sent as one batch and checked by its row count) so that two PCs taking the last
        units at once cannot both succeed.  The balances are read first to name the short
        one; a batch that still comes up short (another PC took the units in between) is
        named by reading them again.  The increments are one batched upsert and the moves
        one batched INSERT (nothing reads a move's id back).
        """
        if not moves:
            return
        locations = LocationRepository(self.session).by_ids(
            [m.from_location_id for m in moves] + [m.to_location_id for m in moves]
        )
        takes: list[tuple[tuple[int, int, str], Decimal]] = []
        adds: dict[tuple[int, int, str], list[Any]] = {}
        for move in moves:
            key = stock_key(move)
            source = locations[move.from_location_id]
            place = (move.item_id, source.id or 0, key)
            if source.may_go_negative(allow_negative_stock):
                _gather(adds, place, -move.quantity, None)
            else:
                takes.append((place, move.quantity))
            _gather(adds, (move.item_id, move.to_location_id, key), move.quantity, move.expiry)
        if {place for place, _ in takes} & set(
            adds
        ) or not self.session.get_bind().dialect.supports_sane_multi_rowcount:
            self._post_each(moves, locations, allow_negative_stock)  # in order: one feeds the next
            return
        if takes:
            self._take_all(takes, locations)
        self._add_all(adds)
        self.session.execute(insert(t.stock_moves), [_move_row(move) for move in moves])

    def _post_each(
        self, moves: Sequence[StockMove], locations: dict[int, Location], allow_negative: bool
    ) -> None:
        for move in moves:
            source = locations[move.from_location_id]
            self._take(move, source, source.may_go_negative(allow_negative))
            self._add(
                move.item_id, move.to_location_id, stock_key(move), move.quantity, move.expiry
            )
            self.session.add(move)
        self.session.flush()

    def _take(self, move: StockMove, source: Location, may_go_negative: bool) -> None:
        key = stock_key(move)
        if may_go_negative:
            self._add(move.item_id, source.id or 0, key, -move.quantity, None)
            return
        b = t.stock_balances
        result = self.session.execute(
            update(b)
            .where(
                b.c.item_id == move.item_id,
                b.c.location_id == source.id,
                b.c.stock_key == key,
                b.c.quantity >= move.quantity,
            )
            .values(quantity=b.c.quantity - move.quantity)
            .execution_options(synchronize_session=False)
        )
        if not result.rowcount:
            raise insufficient(
                source.code, move.quantity, self.quantity(move.item_id, source.id or 0, key)
            )

    def _take_all(
        self, takes: list[tuple[tuple[int, int, str], Decimal]], locations: dict[int, Location]
    ) -> None:
        self._name_short(takes, locations)
        result = self.session.execute(
            _TAKE,
            [{"i": item, "l": place, "k": key, "q": qty} for (item, place, key), qty in takes],
            execution_options={"synchronize_session": False},
        )
        if result.rowcount != len(takes):  # another PC took units since they were read
            self._name_short(takes, locations)
            (_, place, _), qty = takes[0]
            raise insufficient(locations[place].code, qty, Decimal(0))

    def _name_short(
        self, takes: list[tuple[tuple[int, int, str], Decimal]], locations: dict[int, Location]
    ) -> None:
        """Raise for the first move (in order) taking more than its balance then holds."""
        b = t.stock_balances
        have = {
            (i, place, key): q
            for i, place, key, q in self.session.execute(
                select(b.c.item_id, b.c.location_id, b.c.stock_key, b.c.quantity).where(
                    b.c.item_id.in_(sorted({i for (i, _, _), _ in takes})),
                    b.c.location_id.in_(sorted({place for (_, place, _), _ in takes})),
                )
            )
        }
        for place, qty in takes:
            available = have.get(place, Decimal(0))
            if available < qty:
                raise insufficient(locations[place[1]].code, qty, available)
            have[place] = available - qty

    def _add_all(self, adds: dict[tuple[int, int, str], list[Any]]) -> None:
        b = t.stock_balances
        dialect = self.session.get_bind().dialect.name
        stmt = dialect_insert(dialect)(b)
        stmt = stmt.on_conflict_do_update(
            index_elements=["item_id", "location_id", "stock_key"],
            set_={"quantity": b.c.quantity + stmt.excluded.quantity},
        )
        self.session.execute(
            stmt,
            [
                {"item_id": i, "location_id": place, "stock_key": key, "quantity": q,
                 "expiry": expiry}
                for (i, place, key), (q, expiry) in adds.items()
            ],
        )  # fmt: skip

    def _add(
        self, item_id: int, location_id: int, key: str, qty: Decimal, expiry: date | None
    ) -> None:
        b = t.stock_balances
        values = {
            "item_id": item_id,
            "location_id": location_id,
            "stock_key": key,
            "quantity": qty,
            "expiry": expiry,
        }
        stmt = upsert(
            self.session,
            b,
            values,
            ("item_id", "location_id", "stock_key"),
            {"quantity": b.c.quantity + qty},
        )
        self.session.execute(stmt)

    def quantity(self, item_id: int, location_id: int, key: str = "") -> Decimal:
        b = t.stock_balances
        value = self.session.scalar(
            select(b.c.quantity).where(
                b.c.item_id == item_id, b.c.location_id == location_id, b.c.stock_key == key
            )
        )
        return value if value is not None else Decimal(0)

    def balances_at(
        self, location_id: int, item_ids: Iterable[int]
    ) -> dict[tuple[int, str], Decimal]:
        b = t.stock_balances
        stmt = select(b.c.item_id, b.c.stock_key, b.c.quantity).where(
            b.c.location_id == location_id, b.c.item_id.in_(list(item_ids))
        )
        return {(i, k): q for i, k, q in self.session.execute(stmt)}

    def serial_location(self, item_id: int, serial: str) -> str | None:
        """The code of the real location holding this serial number, if any does."""
        b, loc = t.stock_balances, t.locations
        stmt = (
            select(loc.c.code)
            .join(b, b.c.location_id == loc.c.id)
            .where(b.c.item_id == item_id, b.c.stock_key == serial, b.c.quantity > 0)
            .where(loc.c.kind.not_in(["customer", "supplier", "adjustment"]))
        )
        return self.session.scalars(stmt).first()

    def moves_of(self, doc_number: str) -> list[StockMove]:
        stmt = select(StockMove).where(t.stock_moves.c.doc_number == doc_number)
        return list(self.session.scalars(stmt.order_by(t.stock_moves.c.id)))

    def ledger_mismatches(self) -> list[tuple[int, int, str, Decimal, Decimal]]:
        """Balance rows that differ from the sum of the moves: (item, location, key, kept,
        summed).  Empty when the ledger and the balances agree."""
        m = t.stock_moves
        key = func.coalesce(func.nullif(m.c.serial, ""), m.c.batch)
        ins = select(
            m.c.item_id, m.c.to_location_id.label("loc"), key.label("k"), m.c.quantity.label("q")
        )
        outs = select(
            m.c.item_id,
            m.c.from_location_id.label("loc"),
            key.label("k"),
            (-m.c.quantity).label("q"),
        )
        union = ins.union_all(outs).subquery()
        summed = (
            select(union.c.item_id, union.c.loc, union.c.k, func.sum(union.c.q).label("total"))
            .group_by(union.c.item_id, union.c.loc, union.c.k)
            .subquery()
        )
        b = t.stock_balances
        joined = select(
            summed.c.item_id, summed.c.loc, summed.c.k, summed.c.total, b.c.quantity
        ).outerjoin(
            b,
            and_(
                b.c.item_id == summed.c.item_id,
                b.c.location_id == summed.c.loc,
                b.c.stock_key == summed.c.k,
            ),
        )
        problems = []
        for item_id, loc, k, total, kept in self.session.execute(joined):
            total_q = total if total is not None else Decimal(0)
            kept_q = kept if kept is not None else Decimal(0)
            if total_q != kept_q:
                problems.append((item_id, loc, k, kept_q, total_q))
        extra = select(b.c.item_id, b.c.location_id, b.c.stock_key, b.c.quantity).where(
            b.c.quantity != 0
        )
        summed_keys = {
            (p[0], p[1], p[2])
            for p in self.session.execute(select(summed.c.item_id, summed.c.loc, summed.c.k))
        }
        for item_id, loc, k, kept in self.session.execute(extra):
            if (item_id, loc, k) not in summed_keys:
                problems.append((item_id, loc, k, kept, Decimal(0)))
        return problems


class DocumentRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def next_number(self, doc_type: DocumentType, year: int) -> str:
        """Take the next number of a series inside the caller's transaction (gapless: a
        rollback gives it back; the row lock keeps two PCs apart).  The series is never
        written through the ORM, so taking a number does not flush the session's pending
        changes first: they are written once, with the rest of the step's writes."""
        stmt = _next_number_statement(self.session.get_bind().dialect.name)
        with self.session.no_autoflush:  # a Core statement flushes the session first
            last = self.session.execute(stmt, {"doc_type": doc_type, "year": year}).scalar_one()
        return format_number(doc_type, year, last)

    def add(self, document: StockDocument) -> None:
        self.session.add(document)
        self.session.flush()

    def get(self, document_id: int) -> StockDocument | None:
        return self.session.get(StockDocument, document_id)

    def by_number(self, number: str) -> StockDocument | None:
        stmt = select(StockDocument).where(t.stock_documents.c.number == number)
        return self.session.scalars(stmt).first()

    def reversal_of(self, document_id: int) -> StockDocument | None:
        stmt = select(StockDocument).where(t.stock_documents.c.reverses_id == document_id)
        return self.session.scalars(stmt).first()
