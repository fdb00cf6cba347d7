"""Order lines whose unit price is typed with VAT included (a shop setting, or per line)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from retailerp.domain.errors import FieldError
from retailerp.domain.items import Item
from retailerp.domain.money import Money
from retailerp.domain.sales import clean_order_line

TEA = Item(sku="TEA", name="Tea", price=Money.of("8.85"), vat_rate=Decimal("0.13"), id=1)
ITEMS = {1: TEA}


def line(**raw: object):  # noqa: ANN201
    return clean_order_line(0, {"item_id": 1, **raw}, ITEMS, Decimal("0.5"))


@pytest.mark.parametrize(
    ("raw", "net_unit", "gross"),
    [
        ({"quantity": "3", "unit_price": "10.00", "price_includes_tax": True}, "8.85", "30.00"),
        ({"quantity": "1", "unit_price": "113", "price_includes_tax": True}, "100.00", "113.00"),
        ({"quantity": "2", "unit_price": "10.00", "discount": "10", "price_includes_tax": True},
         "8.85", "18.00"),
        ({"quantity": "3", "unit_price": "10.00", "price_includes_tax": False}, "10.00", "33.90"),
        ({"quantity": "3", "unit_price": "10.00"}, "10.00", "33.90"),  # net unless marked
        ({"quantity": "3", "price_includes_tax": True}, "8.85", "30.00"),  # the list price is net
        ({"quantity": "1", "unit_price": "10.90", "vat_rate": "9", "price_includes_tax": True},
         "10.00", "10.90"),
    ],
)  # fmt: skip
def test_a_price_with_vat_becomes_the_net_price_that_reproduces_the_gross(
    raw: dict, net_unit: str, gross: str
) -> None:
    clean = line(**raw)
    assert clean.unit_price == Money.of(net_unit)
    assert clean.amounts.gross == Money.of(gross)


@pytest.mark.parametrize("flag", ["yes", 1, "True", [True]])
def test_the_flag_is_yes_or_no(flag: object) -> None:
    with pytest.raises(FieldError) as info:
        line(quantity="1", unit_price="10", price_includes_tax=flag)
    assert info.value.field == "lines.1.price_includes_tax"


def test_the_price_floor_applies_to_the_net_price() -> None:
    with pytest.raises(FieldError) as info:  # 4.52 gross is 4.00 net, below half of 8.85
        line(quantity="1", unit_price="4.52", price_includes_tax=True)
    assert info.value.field == "lines.1.unit_price"
    assert "(4.00) is below the floor of 4.42" in str(info.value)
    at_floor = line(quantity="1", unit_price="5.00", price_includes_tax=True)
    assert at_floor.unit_price == Money.of("4.42")
