"""The item card: defaults, every wrong field at once, tracking and shelf life."""

from __future__ import annotations

from decimal import Decimal

import pytest

from retailerp.domain.errors import ValidationError
from retailerp.domain.items import ITEM_FIELDS, Item, Tracking, validate_item
from retailerp.domain.money import Money


def test_a_minimal_card_gets_the_defaults() -> None:
    clean = validate_item({"sku": " apple-1 ", "name": " 红富士苹果 "})
    assert clean == {
        "sku": "APPLE-1",
        "name": "红富士苹果",
        "spec": "",
        "unit": "pcs",
        "barcode": "",
        "price": Money.zero(),
        "vat_rate": Decimal("0.13"),
        "tracking": Tracking.NONE,
        "shelf_life_days": None,
        "min_stock": Decimal(0),
        "bin_id": None,
    }
    assert set(clean) == set(ITEM_FIELDS)


def test_a_full_card_is_cleaned() -> None:
    clean = validate_item(
        {
            "sku": "milk-250",
            "name": "纯牛奶",
            "spec": "250ml×24",
            "unit": "箱",
            "barcode": "6901234567892",
            "price": "58.5",
            "vat_rate": "9",
            "tracking": "batch",
            "shelf_life_days": "180",
            "min_stock": "12.5",
            "bin_id": "7",
        }
    )
    assert clean["price"] == Money.of("58.50")
    assert clean["vat_rate"] == Decimal("0.09")
    assert clean["tracking"] is Tracking.BATCH
    assert clean["shelf_life_days"] == 180
    assert clean["min_stock"] == Decimal("12.500")
    assert clean["bin_id"] == 7
    assert clean["unit"] == "箱"


def test_every_wrong_field_is_reported_at_once() -> None:
    with pytest.raises(ValidationError) as info:
        validate_item(
            {
                "sku": "",
                "name": "",
                "spec": "s" * 101,
                "unit": "u" * 11,
                "barcode": "6901234567891",
                "price": "-1",
                "vat_rate": "12",
                "tracking": "lot",
                "shelf_life_days": "half a year",
                "min_stock": "-1",
                "bin_id": "a 1",
            }
        )
    errors = info.value.by_field()
    assert set(errors) == set(ITEM_FIELDS)
    assert "check digit should be 2" in errors["barcode"].render()
    assert "none, batch, serial" in errors["tracking"].render()
    assert "whole days" in errors["shelf_life_days"].render()
    assert "cannot be negative" in errors["min_stock"].render()


@pytest.mark.parametrize(("typed", "days"), [(None, None), ("", None), (0, None), ("0", None),
                                             ("1", 1), (36500, 36500)])  # fmt: skip
def test_shelf_life_is_optional(typed: object, days: int | None) -> None:
    assert (
        validate_item({"sku": "X", "name": "x", "shelf_life_days": typed})["shelf_life_days"]
        == days
    )


@pytest.mark.parametrize("typed", ["-1", "36501", "1.5"])
def test_shelf_life_out_of_range_is_refused(typed: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate_item({"sku": "X", "name": "x", "shelf_life_days": typed})
    assert list(info.value.by_field()) == ["shelf_life_days"]


@pytest.mark.parametrize("tracking", list(Tracking))
def test_every_tracking_is_accepted(tracking: Tracking) -> None:
    assert (
        validate_item({"sku": "X", "name": "x", "tracking": tracking.value})["tracking"] is tracking
    )


def test_apply_copies_only_card_fields() -> None:
    item = Item(sku="X", name="old")
    item.apply({"name": "new", "price": Money.of(3), "active": False, "id": 99})
    assert (item.name, item.price, item.active, item.id) == ("new", Money.of(3), True, None)
