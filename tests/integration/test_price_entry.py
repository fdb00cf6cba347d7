"""The shop setting for how order prices are typed, and an order taken with VAT included."""

from __future__ import annotations

import pytest

from retailerp.domain.errors import ValidationError
from retailerp.domain.money import Money, PriceEntry
from retailerp.services import Services


def test_price_entry_is_saved_for_every_pc(services: Services) -> None:
    assert services.settings.get().price_entry == PriceEntry.NET  # the default
    services.settings.save_values({"price_entry": "gross"})
    assert services.settings.get().price_entry == PriceEntry.GROSS
    services.settings.save_values({"price_entry": PriceEntry.PER_LINE})
    assert services.settings.get().price_entry == PriceEntry.PER_LINE


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"price_entry": "brutto"}, "price_entry"),
        ({"price_entry": None}, "price_entry"),
        ({"allow_negative_stock": "no"}, "allow_negative_stock"),  # was read as True
        ({"allow_negative_stock": 1}, "allow_negative_stock"),
    ],
)
def test_other_choices_are_refused(services: Services, values: dict, field: str) -> None:
    with pytest.raises(ValidationError) as info:
        services.settings.save_values(values)
    assert info.value.field == field
    assert services.settings.get().price_entry == PriceEntry.NET
    assert services.settings.get().allow_negative_stock is False


def test_an_order_typed_with_vat_included(services: Services) -> None:
    customer = services.customers.create({"code": "C1", "name": "华联"})
    item = services.items.create({"sku": "TEA", "name": "Tea", "price": "8", "vat_rate": "13"})
    line = {"item_id": item.id, "quantity": "7", "unit_price": "9.99", "price_includes_tax": True}
    order = services.orders.create(customer.id, {}, [line])
    saved = services.orders.get(order.id)
    assert saved.lines[0].unit_price == Money.of("8.84")  # stored net
    assert saved.totals.gross == Money.of("69.92")  # 69.93 cannot be hit: the nearest
    line["quantity"] = "3"
    order = services.orders.update(order.id, saved.version, {}, [line])
    assert order.totals.gross == Money.of("29.97")  # 3 × 9.99 exactly
