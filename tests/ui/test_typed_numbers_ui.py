"""The grids read a typed number as the domain does: a decimal comma is never dropped."""

from __future__ import annotations

from decimal import Decimal

import pytest

from retailerp.ui.sales.order_lines import OrderLinesEditor
from retailerp.ui.stock.lines import plain_number


@pytest.mark.parametrize(
    ("text", "value"),
    [("3", Decimal(3)), ("1,000", Decimal(1000)), ("1.5", Decimal("1.5")),
     ("0,5", None), ("12,34", None), ("1e3", None), ("abc", None), ("", None)],
)  # fmt: skip
def test_a_cell_is_read_as_the_domain_reads_it(text: str, value: Decimal | None) -> None:
    assert plain_number(text) == value
    assert OrderLinesEditor._number(text) == value
