"""Item use cases: keep the item list and the shop's list of units."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from retailerp.domain import locations, units
from retailerp.domain.audit import changed_fields
from retailerp.domain.errors import FieldError, ValidationError
from retailerp.domain.items import Item, validate_item
from retailerp.domain.text import ITEM, QT_TRANSLATE_NOOP
from retailerp.domain.units import Unit
from retailerp.i18n import translate
from retailerp.persistence import queries
from retailerp.persistence.queries import ItemRow, Page
from retailerp.persistence.unit_of_work import UnitOfWork, now, read, write
from retailerp.services.context import (
    ServiceContext,
    check_version,
    for_row,
    not_found,
    validate_row,
)
from retailerp.services.door import door


class ItemService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @door
    def page(self, page: Page) -> list[ItemRow]:
        return read(self.ctx.db, lambda uow: queries.item_page(uow.session, page))

    @door
    def get(self, item_id: int) -> Item:
        def work(uow: UnitOfWork) -> Item:
            item = uow.items.get(item_id)
            if item is None:
                raise not_found(ITEM, item_id)
            return item

        return read(self.ctx.db, work)

    @door
    def get_many(self, item_ids: Sequence[int]) -> dict[int, Item]:
        """Several items in one read (for the lines of a document)."""
        return read(self.ctx.db, lambda uow: uow.items.by_ids(item_ids))

    @door
    def find(self, code: str) -> Item | None:
        """The item with this SKU or barcode (what a scanner or a clerk types)."""
        code = code.strip()
        return read(
            self.ctx.db, lambda uow: uow.items.by_barcode(code) or uow.items.by_sku(code.upper())
        )

    @staticmethod
    @door
    def check(values: Mapping[str, Any]) -> dict[str, str]:
        """Field → message, in the user's language, for what is wrong now (for validation
        as the user types)."""
        try:
            validate_item(values)
        except ValidationError as error:
            return {f: e.render(translate) for f, e in error.by_field().items()}
        return {}

    # --- units ------------------------------------------------------------------------

    @door
    def units(self, *, active_only: bool = False) -> list[Unit]:
        """The shop's units in list order."""
        return [
            u
            for u in read(self.ctx.db, lambda uow: uow.units.all())
            if u.active or not active_only
        ]

    @staticmethod
    @door
    def default_unit() -> str:
        """The unit a new item starts with, in the user's language (个, pcs)."""
        return translate("terms", units.DEFAULT_UNIT)

    @door
    def add_unit(self, name: str) -> Unit:

        def work(uow: UnitOfWork) -> Unit:
            unit = Unit(units.clean_unit_name(name, {u.name for u in uow.units.all()}))
            uow.units.add(unit)
            uow.audit(self.ctx.actor, "unit.create", "unit", unit.id, name=unit.name)
            return unit

        return write(self.ctx.db, work)

    @door
    def set_unit_active(self, unit_id: int, active: bool) -> Unit:
        """Take a unit off the list for new choices (items that have it keep it) or back."""

        def work(uow: UnitOfWork) -> Unit:
            unit = uow.units.get(unit_id)
            if unit is None:
                raise not_found(units.UNIT, unit_id)
            unit.active = active
            uow.flush()
            uow.audit(self.ctx.actor, "unit.set_active", "unit", unit_id, active=active)
            return unit

        return write(self.ctx.db, work)

    # --- items ------------------------------------------------------------------------

    @door
    def create(self, values: Mapping[str, Any]) -> Item:
        values = self._with_bin_id(values)
        clean = validate_item(values)

        def work(uow: UnitOfWork) -> Item:
            self._unique(uow, clean, None)
            self._check_references(uow, clean, None)
            item = Item(sku=clean["sku"], name=clean["name"])
            item.apply(clean)
            item.updated_by, item.updated_at = self.ctx.actor.username, now()
            uow.items.add(item)
            uow.audit(self.ctx.actor, "item.create", "item", item.id, sku=item.sku)
            return item

        return write(self.ctx.db, work)

    @door
    def import_many(self, rows: Sequence[Mapping[str, Any]]) -> int:
        """Create many items in one transaction: all or none; errors name the row."""
        cleaned = [
            validate_row(n, validate_item, self._with_bin_id(row)) for n, row in enumerate(rows, 1)
        ]

        def work(uow: UnitOfWork) -> int:
            for n, clean in enumerate(cleaned, 1):
                try:
                    self._unique(uow, clean, None)
                    self._check_references(uow, clean, None)
                except ValidationError as error:
                    raise for_row(n, error) from None
                item = Item(sku=clean["sku"], name=clean["name"])
                item.apply(clean)
                item.updated_by, item.updated_at = self.ctx.actor.username, now()
                uow.items.add(item)
            uow.audit(self.ctx.actor, "item.import", "item", "*", count=len(cleaned))
            return len(cleaned)

        return write(self.ctx.db, work)

    @door
    def update(self, item_id: int, expected_version: int, values: Mapping[str, Any]) -> Item:
        values = self._with_bin_id(values)
        clean = validate_item(values)

        def work(uow: UnitOfWork) -> Item:
            item = self._load(uow, item_id, expected_version)
            self._unique(uow, clean, item_id)
            self._check_references(uow, clean, item)
            before = {k: getattr(item, k) for k in clean}
            item.apply(clean)
            item.updated_by, item.updated_at = self.ctx.actor.username, now()
            uow.flush()
            uow.audit(
                self.ctx.actor,
                "item.update",
                "item",
                item_id,
                changes=changed_fields(before, clean),
            )
            return item

        return write(self.ctx.db, work)

    @door
    def set_active(self, item_id: int, expected_version: int, active: bool) -> Item:
        """Retire an item from use (it stays with its history) or bring it back."""

        def work(uow: UnitOfWork) -> Item:
            item = self._load(uow, item_id, expected_version)
            item.active = active
            item.updated_by, item.updated_at = self.ctx.actor.username, now()
            uow.flush()
            uow.audit(self.ctx.actor, "item.set_active", "item", item_id, active=active)
            return item

        return write(self.ctx.db, work)

    def _load(self, uow: UnitOfWork, item_id: int, expected: int | None) -> Item:
        item = uow.items.get(item_id)
        if item is None:
            raise not_found(ITEM, item_id)
        check_version(item, expected, ITEM, item.sku)
        return item

    def _with_bin_id(self, values: Mapping[str, Any]) -> Mapping[str, Any]:
        """Values naming the bin by its code (imports, the command line) name it by id."""
        code = str(values.get("bin") or "").strip().upper()
        if not code or values.get("bin_id"):
            return values
        found = read(self.ctx.db, lambda uow: uow.locations.by_code(code))
        if found is None:
            raise ValidationError(
                [
                    FieldError(
                        "bin_id",
                        QT_TRANSLATE_NOOP("errors", "There is no bin {code}: add it first."),
                        code=code,
                    )
                ]
            )
        return {**values, "bin_id": found.id}

    @staticmethod
    def _check_references(uow: UnitOfWork, clean: dict[str, Any], item: Item | None) -> None:
        """The bin is a warehouse or bin in use, the unit one on the list."""
        errors = []
        bin_id = clean.get("bin_id")
        try:
            place = uow.locations.get(bin_id) if bin_id else None
            if bin_id and place is None:
                raise FieldError("bin_id", QT_TRANSLATE_NOOP("errors", "Choose a bin."))
            locations.check_item_place(place, item.bin_id if item else None)
        except FieldError as error:
            errors.append(error)
        try:
            units.check_item_unit(
                clean["unit"], uow.units.names_in_use(), item.unit if item else None
            )
        except FieldError as error:
            errors.append(error)
        if errors:
            raise ValidationError(errors)

    @staticmethod
    def _unique(uow: UnitOfWork, clean: Mapping[str, Any], own_id: int | None) -> None:
        errors = []
        other = uow.items.by_sku(clean["sku"])
        if other is not None and other.id != own_id:
            errors.append(
                FieldError(
                    "sku",
                    QT_TRANSLATE_NOOP("errors", "SKU {sku} is already used by {name}."),
                    sku=clean["sku"],
                    name=other.name,
                )
            )
        other = uow.items.by_barcode(clean["barcode"]) if clean["barcode"] else None
        if other is not None and other.id != own_id:
            errors.append(
                FieldError(
                    "barcode",
                    QT_TRANSLATE_NOOP("errors", "Barcode {barcode} already belongs to {sku}."),
                    barcode=clean["barcode"],
                    sku=other.sku,
                )
            )
        if errors:
            raise ValidationError(errors)
