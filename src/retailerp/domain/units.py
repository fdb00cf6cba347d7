"""Units of measure (计量单位): the shop's own list, which items pick from.

The list starts with the units Chinese shops use most and is edited by the shop.  A new
item starts with the default unit in the user's language (个 in Chinese, pcs in English):
the default is the term ``pcs`` translated.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from retailerp.domain import validation as v
from retailerp.domain.errors import FieldError
from retailerp.domain.text import QT_TRANSLATE_NOOP, Term

DEFAULT_UNIT = QT_TRANSLATE_NOOP("terms", "pcs")
"""The unit of a new item, shown translated (个 in Chinese)."""

STANDARD_UNITS = (
    "个", "件", "箱", "袋", "提", "盒", "包", "瓶", "罐", "听", "套", "双", "台", "支",
    "张", "本", "卷", "桶", "条", "块", "把", "副", "对", "只", "片",
    "kg", "g", "L", "ml", "m", "pcs",
)  # fmt: skip
"""The list a new database starts with."""

UNIT_LENGTH = 10

UNIT = Term(QT_TRANSLATE_NOOP("terms", "Unit"))


@dataclass(eq=False)
class Unit:
    """One unit on the shop's list; a unit taken out of use stays on the items that have it."""

    name: str
    active: bool = True
    position: int = 0
    id: int | None = None


def clean_unit_name(name: str | None, existing: Collection[str]) -> str:
    """A new unit's name: given, short, not already on the list."""
    clean = v.required_text(name, "name", UNIT_LENGTH)
    if clean in existing:
        raise FieldError(
            "name", QT_TRANSLATE_NOOP("errors", "Unit {unit} is on the list already."), unit=clean
        )
    return clean


def check_item_unit(unit: str, in_use: Collection[str], current: str | None) -> str:
    """An item's unit comes from the list; a unit taken out of use may stay on the items
    that already have it."""
    if unit in in_use or unit == current:
        return unit
    raise FieldError(
        "unit",
        QT_TRANSLATE_NOOP("errors", "Unit {unit} is not on the list of units: choose one."),
        unit=unit,
    )
