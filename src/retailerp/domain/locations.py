"""Warehouses and bins (仓库 / 货位) as master data.

The shop adds warehouses and the bins inside them, renames them and takes them out of use;
a location that stock, a document or an item ever referred to is never deleted.  The
standard locations every database has (main warehouse, quarantine, scrap, the virtual ends)
may be renamed where they are real, never taken out of use.  Goods are put away into and
picked from the item's bin; a document line goes to its document's location or one of the
bins inside it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from retailerp.domain import validation as v
from retailerp.domain.errors import FieldError, StateError
from retailerp.domain.stock import STANDARD_LOCATIONS, Location, LocationKind
from retailerp.domain.text import QT_TRANSLATE_NOOP, Term

EDITABLE_KINDS = frozenset({LocationKind.WAREHOUSE, LocationKind.BIN})
"""What the shop creates itself; the other kinds come with the database or a customer."""

ITEM_PLACE_KINDS = frozenset({LocationKind.WAREHOUSE, LocationKind.BIN})
"""What an item's put-away and picking place may be."""

STANDARD_CODES = frozenset(code for code, _name, _kind in STANDARD_LOCATIONS)

LOCATION = Term(QT_TRANSLATE_NOOP("terms", "Location"))

CODE_LENGTH = 20
NAME_LENGTH = 100


@dataclass(frozen=True)
class LocationUse:
    """What refers to a location (the facts the rules below decide on)."""

    holds_stock: bool = False
    """A non-zero balance is there."""
    has_history: bool = False
    """A stock move, document, picking or delivery line names it."""
    items: int = 0
    """Items that have it as their bin."""
    active_children: int = 0
    """Bins in use inside it (for a warehouse)."""

    @property
    def used(self) -> bool:
        return self.holds_stock or self.has_history or self.items > 0 or self.active_children > 0


def new_location(values: Mapping[str, Any], parent: Location | None) -> Location:
    """A new warehouse or bin from checked values (``kind``, ``code``, ``name``); a bin
    needs a warehouse in use as ``parent``, a warehouse has none."""
    kind = _editable_kind(values.get("kind"))
    code = v.code(values.get("code"), "code", CODE_LENGTH)
    name = v.optional_text(values.get("name"), "name", NAME_LENGTH) or code
    if kind == LocationKind.BIN:
        check_bin_parent(parent)
        assert parent is not None
        return Location(code=code, name=name, kind=kind, parent_id=parent.id)
    return Location(code=code, name=name, kind=kind)


def _editable_kind(value: object) -> LocationKind:
    try:
        kind = LocationKind(value or LocationKind.BIN)
    except ValueError:
        kind = None
    if kind not in EDITABLE_KINDS:
        raise FieldError(
            "kind", QT_TRANSLATE_NOOP("errors", "A new location is a warehouse or a bin.")
        )
    return kind


def check_bin_parent(parent: Location | None) -> None:
    """A bin lies inside a warehouse that is in use."""
    if parent is None or parent.kind != LocationKind.WAREHOUSE:
        raise FieldError(
            "warehouse", QT_TRANSLATE_NOOP("errors", "Choose the warehouse the bin is in.")
        )
    if not parent.active:
        raise FieldError(
            "warehouse",
            QT_TRANSLATE_NOOP("errors", "Warehouse {code} is no longer in use."),
            code=parent.code,
        )


def check_code_free(code: str, other: Location | None) -> None:
    """Codes are unique across every location."""
    if other is not None:
        raise FieldError(
            "code", QT_TRANSLATE_NOOP("errors", "Location {code} exists already."), code=code
        )


def rename(location: Location, name: str) -> str:
    """The new name of a real location (virtual ends keep theirs)."""
    if location.is_virtual:
        raise StateError(
            QT_TRANSLATE_NOOP("errors", "{code} is a virtual location and cannot be renamed."),
            code=location.code,
        )
    clean = v.required_text(name, "name", NAME_LENGTH)
    location.name = clean
    return clean


def deactivate(location: Location, use: LocationUse) -> None:
    """Take a warehouse or bin out of use: only when it is empty, no item has it as its
    bin and (for a warehouse) none of its bins is in use."""
    _check_editable(location)
    if use.holds_stock:
        raise StateError(
            QT_TRANSLATE_NOOP("errors", "{code} still holds stock: move or count it out first."),
            code=location.code,
        )
    if use.items:
        raise StateError(
            QT_TRANSLATE_NOOP(
                "errors", "{code} is the bin of {n} items: give them another bin first."
            ),
            code=location.code,
            n=use.items,
        )
    if use.active_children:
        raise StateError(
            QT_TRANSLATE_NOOP(
                "errors", "{code} still has {n} bins in use: take them out of use first."
            ),
            code=location.code,
            n=use.active_children,
        )
    location.active = False


def reactivate(location: Location, parent: Location | None) -> None:
    """Bring a location back into use (a bin only while its warehouse is in use)."""
    _check_editable(location)
    if location.kind == LocationKind.BIN:
        check_bin_parent(parent)
    location.active = True


def check_delete(location: Location, use: LocationUse) -> None:
    """Only a warehouse or bin that nothing ever referred to may be deleted."""
    _check_editable(location)
    if use.used:
        raise StateError(
            QT_TRANSLATE_NOOP(
                "errors", "{code} has been used and is never deleted; take it out of use instead."
            ),
            code=location.code,
        )


def _check_editable(location: Location) -> None:
    if location.code in STANDARD_CODES or location.kind not in EDITABLE_KINDS:
        raise StateError(
            QT_TRANSLATE_NOOP("errors", "{code} is a standard location and always stays in use."),
            code=location.code,
        )


def check_item_place(location: Location | None, current_id: int | None) -> int | None:
    """An item's bin: a warehouse or bin in use (an item keeps a bin taken out of use
    until it is changed); ``None`` when the item has none."""
    if location is None:
        return None
    if location.kind not in ITEM_PLACE_KINDS:
        raise FieldError("bin_id", QT_TRANSLATE_NOOP("errors", "Choose a warehouse or a bin."))
    if not location.active and location.id != current_id:
        raise FieldError(
            "bin_id",
            QT_TRANSLATE_NOOP("errors", "{code} is no longer in use."),
            code=location.code,
        )
    return location.id


def within(line_location: Location, document_location: Location) -> bool:
    """Whether a line's place is its document's location or a bin inside it."""
    return line_location.id == document_location.id or (
        line_location.kind == LocationKind.BIN and line_location.parent_id == document_location.id
    )


def line_location(
    requested: Location | None, item_place: Location | None, document_location: Location
) -> Location:
    """Where a receipt or count line goes: the place asked for, else the item's bin when it
    lies in the document's location, else the document's location itself."""
    if requested is not None:
        return requested
    if item_place is not None and item_place.active and within(item_place, document_location):
        return item_place
    return document_location


def check_line_location(field: str, location: Location, document_location: Location) -> None:
    """A line's place must be in use and lie in the document's location."""
    if not location.active:
        raise FieldError(
            field, QT_TRANSLATE_NOOP("errors", "{code} is no longer in use."), code=location.code
        )
    if not within(location, document_location):
        raise FieldError(
            field,
            QT_TRANSLATE_NOOP("errors", "Bin {code} is not in {parent}."),
            code=location.code,
            parent=document_location.code,
        )
