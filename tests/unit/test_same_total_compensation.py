"""The rule of in-kind compensation as more goods for the same money (补货): the new net unit
price is the original net over the new quantity, rounded down to the cent, and the new line
never comes above the original line."""

from __future__ import annotations

from decimal import Decimal

import pytest

from retailerp.domain.complaints import same_total_line
from retailerp.domain.errors import FieldError
from retailerp.domain.money import Money, line_amounts

D = Decimal


@pytest.mark.parametrize(
    ("net", "original", "new", "price", "line_net"),
    [
        ("600", "6", "8", "75.00", "600.00"),  # divides evenly: the same total
        ("100", "3", "4", "25.00", "100.00"),
        ("100", "2", "3", "33.33", "99.99"),  # 33.333… rounded down, a cent less in all
        ("100", "5", "6", "16.66", "99.96"),  # 16.666… rounded down, not up to 16.67
        ("0.05", "1", "5", "0.01", "0.05"),  # the smallest price that still divides
        ("10", "1", "1.001", "9.99", "10.00"),  # just above: 1.001 × 9.99 = 10.00 (9.99999)
        ("10", "2", "2.5", "4.00", "10.00"),  # a fractional quantity
    ],
)
def test_the_new_price_is_the_total_over_the_quantity_rounded_down(
    net: str, original: str, new: str, price: str, line_net: str
) -> None:
    line = same_total_line(Money.of(net), D(original), new)
    assert line.quantity == D(new)
    assert line.unit_price == Money.of(price)
    assert line.net == Money.of(line_net)
    assert line.net.minor <= Money.of(net).minor
    # the order line made from it comes to the same net
    assert line_amounts(line.quantity, line.unit_price, D("0.13")).net == line.net


@pytest.mark.parametrize("new", ["6", "5", "0", "-1", "abc"])
def test_the_quantity_must_be_more_than_the_original(new: str) -> None:
    with pytest.raises(FieldError) as refused:
        same_total_line(Money.of("600"), D(6), new)
    assert refused.value.field == "quantity"


def test_the_smallest_step_above_the_original_is_accepted() -> None:
    assert same_total_line(Money.of("600"), D(6), "6.001").unit_price == Money.of("99.98")


def test_a_price_below_one_cent_is_refused() -> None:
    with pytest.raises(FieldError, match="less than a cent") as refused:
        same_total_line(Money.of("0.05"), D(1), "6")
    assert refused.value.field == "quantity"
    assert same_total_line(Money.of("0.05"), D(1), "5").unit_price == Money.of("0.01")
