"""Items (商品): what the shop buys, stocks and sells."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from retailerp.domain import validation as v
from retailerp.domain.errors import FieldError
from retailerp.domain.money import Money, check_price, check_quantity, check_vat_rate
from retailerp.domain.text import QT_TRANSLATE_NOOP


class Tracking(StrEnum):
    """How units are told apart in stock: not at all, by batch (lot), or one by one."""

    NONE = "none"
    BATCH = "batch"
    SERIAL = "serial"


TRACKING_LABELS = {
    Tracking.NONE: QT_TRANSLATE_NOOP("terms", "not tracked"),
    Tracking.BATCH: QT_TRANSLATE_NOOP("terms", "by batch"),
    Tracking.SERIAL: QT_TRANSLATE_NOOP("terms", "by serial number"),
}

ITEM_FIELDS = (
    "sku",
    "name",
    "spec",
    "unit",
    "barcode",
    "price",
    "vat_rate",
    "tracking",
    "shelf_life_days",
    "min_stock",
    "bin_id",
)


@dataclass(eq=False)
class Item:
    """An item card."""

    sku: str
    name: str
    spec: str = ""
    unit: str = "pcs"
    barcode: str = ""
    price: Money = field(default_factory=Money.zero)
    vat_rate: Decimal = Decimal("0.13")
    tracking: Tracking = Tracking.NONE
    shelf_life_days: int | None = None
    min_stock: Decimal = Decimal(0)
    bin_id: int | None = None
    """The item's put-away and picking place (a bin or warehouse), if it has one."""
    active: bool = True
    id: int | None = None
    version: int = 1
    updated_by: str = ""
    updated_at: datetime | None = None

    def apply(self, clean: Mapping[str, Any]) -> None:
        """Take over values already checked by :func:`validate_item`."""
        for name in ITEM_FIELDS:
            if name in clean:
                setattr(self, name, clean[name])


def validate_item(values: Mapping[str, Any]) -> dict[str, Any]:
    """Check every field of an item card at once; return the cleaned values."""
    rules = {
        "sku": lambda x: v.code(x, "sku", 32),
        "name": lambda x: v.required_text(x, "name", 100),
        "spec": lambda x: v.optional_text(x, "spec", 100),
        "unit": lambda x: v.required_text(x if x not in (None, "") else "pcs", "unit", 10),
        "barcode": lambda x: v.barcode(x, "barcode"),
        "price": lambda x: check_price(x if x not in (None, "") else 0, "price"),
        "vat_rate": lambda x: check_vat_rate(x if x not in (None, "") else "0.13", "vat_rate"),
        "tracking": _tracking,
        "shelf_life_days": _shelf_life,
        "min_stock": lambda x: check_quantity(
            x if x not in (None, "") else 0, "min_stock", allow_zero=True
        ),
        "bin_id": _bin_id,
    }
    return v.apply_rules(values, rules)


def _bin_id(value: object) -> int | None:
    """The id of the item's bin (whether it is one is checked against the locations)."""
    if value in (None, "", 0):
        return None
    try:
        return int(str(value))
    except ValueError:
        raise FieldError("bin_id", QT_TRANSLATE_NOOP("errors", "Choose a bin.")) from None


def _tracking(value: object) -> Tracking:
    try:
        return Tracking(value or Tracking.NONE)
    except ValueError:
        raise FieldError(
            "tracking",
            QT_TRANSLATE_NOOP("errors", "Tracking is one of: none, batch, serial."),
        ) from None


def _shelf_life(value: object) -> int | None:
    if value in (None, "", 0, "0"):
        return None
    try:
        days = int(str(value).strip())
    except ValueError:
        raise FieldError(
            "shelf_life_days", QT_TRANSLATE_NOOP("errors", "Enter the shelf life in whole days.")
        ) from None
    if not 1 <= days <= 36500:
        raise FieldError(
            "shelf_life_days",
            QT_TRANSLATE_NOOP("errors", "The shelf life is between 1 and 36500 days."),
        )
    return days


def line_item(raw: Mapping[str, Any], items: Mapping[int, Item], prefix: str) -> Item:
    """The item a document line names: it must exist and still be in use."""
    item = items.get(int(raw.get("item_id") or 0))
    if item is None:
        raise FieldError(prefix + "item", QT_TRANSLATE_NOOP("errors", "Choose an item."))
    if not item.active:
        raise FieldError(
            prefix + "item",
            QT_TRANSLATE_NOOP("errors", "Item {sku} is no longer in use."),
            sku=item.sku,
        )
    return item
