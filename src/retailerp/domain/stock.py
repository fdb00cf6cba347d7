"""Locations and the stock ledger (库存).

Stock is a ledger of immutable moves: each says that a quantity of an item (of a batch or
serial number, where tracked) went from one location to another because of a document.  The
quantity at a location is the sum of what came in less what went out; balances kept for speed
must always equal that sum (``persistence.repositories.StockRepository`` keeps them, with one
conditional UPDATE per move; ``db check`` compares them with the sum).  Virtual locations
(supplier, customer, adjustment) are the ends of the ledger and may go negative; a location
that holds real goods may not, unless the shop has allowed negative stock
(:meth:`Location.may_go_negative`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from retailerp.domain.errors import FieldError, InsufficientStockError
from retailerp.domain.text import QT_TRANSLATE_NOOP


class LocationKind(StrEnum):
    WAREHOUSE = "warehouse"
    BIN = "bin"
    QUARANTINE = "quarantine"
    SCRAP = "scrap"
    CONSIGNMENT = "consignment"
    CUSTOMER = "customer"
    SUPPLIER = "supplier"
    ADJUSTMENT = "adjustment"


LOCATION_KIND_LABELS = {
    LocationKind.WAREHOUSE: QT_TRANSLATE_NOOP("terms", "warehouse"),
    LocationKind.BIN: QT_TRANSLATE_NOOP("terms", "bin"),
    LocationKind.QUARANTINE: QT_TRANSLATE_NOOP("terms", "quarantine"),
    LocationKind.SCRAP: QT_TRANSLATE_NOOP("terms", "scrap"),
    LocationKind.CONSIGNMENT: QT_TRANSLATE_NOOP("terms", "consignment at customer"),
    LocationKind.CUSTOMER: QT_TRANSLATE_NOOP("terms", "customers (sold)"),
    LocationKind.SUPPLIER: QT_TRANSLATE_NOOP("terms", "suppliers"),
    LocationKind.ADJUSTMENT: QT_TRANSLATE_NOOP("terms", "stock adjustment"),
}

VIRTUAL_KINDS = frozenset({LocationKind.CUSTOMER, LocationKind.SUPPLIER, LocationKind.ADJUSTMENT})
SALEABLE_KINDS = frozenset({LocationKind.WAREHOUSE, LocationKind.BIN})

MAIN_WAREHOUSE = "WH"
QUARANTINE = "QC"
SCRAP = "SCRAP"
CUSTOMERS = "CUSTOMERS"
SUPPLIERS = "SUPPLIERS"
ADJUSTMENT = "ADJUST"
CONSIGNMENT_PREFIX = "CONS-"

STANDARD_LOCATIONS: tuple[tuple[str, str, LocationKind], ...] = (
    (MAIN_WAREHOUSE, QT_TRANSLATE_NOOP("terms", "Main warehouse"), LocationKind.WAREHOUSE),
    (QUARANTINE, QT_TRANSLATE_NOOP("terms", "Quarantine"), LocationKind.QUARANTINE),
    (SCRAP, QT_TRANSLATE_NOOP("terms", "Scrap"), LocationKind.SCRAP),
    (CUSTOMERS, QT_TRANSLATE_NOOP("terms", "Customers (sold)"), LocationKind.CUSTOMER),
    (SUPPLIERS, QT_TRANSLATE_NOOP("terms", "Suppliers"), LocationKind.SUPPLIER),
    (ADJUSTMENT, QT_TRANSLATE_NOOP("terms", "Stock adjustment"), LocationKind.ADJUSTMENT),
)
"""Locations every database has; their names are translated when shown."""


@dataclass(eq=False)
class Location:
    """A place stock can be: a warehouse, one of its bins, quarantine, scrap, a customer's
    consignment stock, or a virtual end of the ledger."""

    code: str
    name: str
    kind: LocationKind
    parent_id: int | None = None
    customer_id: int | None = None
    active: bool = True
    id: int | None = None

    @property
    def is_virtual(self) -> bool:
        return self.kind in VIRTUAL_KINDS

    def may_go_negative(self, allow_negative_stock: bool) -> bool:
        """Virtual ends always may; real places only when the shop allows negative stock."""
        return self.is_virtual or allow_negative_stock


def consignment_code(customer_code: str) -> str:
    """The code of a customer's consignment location."""
    return CONSIGNMENT_PREFIX + customer_code


@dataclass(eq=False)
class StockMove:
    """One immutable line of the stock ledger."""

    item_id: int
    quantity: Decimal
    from_location_id: int
    to_location_id: int
    doc_type: str
    doc_number: str
    user: str
    at: datetime
    batch: str = ""
    serial: str = ""
    expiry: date | None = None
    reverses_id: int | None = None
    id: int | None = None

    def __post_init__(self) -> None:
        if self.quantity <= 0:
            raise FieldError(
                "quantity", QT_TRANSLATE_NOOP("errors", "The quantity must be greater than zero.")
            )
        if self.from_location_id == self.to_location_id:
            raise FieldError(
                "to_location",
                QT_TRANSLATE_NOOP("errors", "A move must go to another location."),
            )

    def reversal(self, doc_type: str, doc_number: str, user: str, at: datetime) -> StockMove:
        """The move that undoes this one exactly (冲销)."""
        return StockMove(
            item_id=self.item_id,
            quantity=self.quantity,
            from_location_id=self.to_location_id,
            to_location_id=self.from_location_id,
            doc_type=doc_type,
            doc_number=doc_number,
            user=user,
            at=at,
            batch=self.batch,
            serial=self.serial,
            expiry=self.expiry,
            reverses_id=self.id,
        )


def stock_key(move: StockMove) -> str:
    """What tells units of an item apart at a location: the serial, else the batch."""
    return move.serial or move.batch


def insufficient(location: str, wanted: Decimal, available: Decimal) -> InsufficientStockError:
    """The error for a move that takes more than a location holds."""
    return InsufficientStockError(
        QT_TRANSLATE_NOOP(
            "errors",
            "Not enough stock at {location}: {wanted} wanted, {available} available.",
        ),
        field="quantity",
        location=location,
        wanted=f"{wanted.normalize():f}",
        available=f"{max(available, Decimal(0)).normalize():f}",
    )
