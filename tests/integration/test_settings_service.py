"""Shop settings typed into the settings form: checked, saved, and nothing else lost."""

from __future__ import annotations

from decimal import Decimal

import pytest

from retailerp.domain.errors import ValidationError
from retailerp.services import Services


def test_form_values_are_checked_and_saved(services: Services) -> None:
    saved = services.settings.save_values(
        {
            "allow_negative_stock": True,
            "abc_a": "75",
            "abc_b": "92.5",
            "review_months": "3，9",
            "price_floor": "60",
        }
    )
    again = services.settings.get()
    assert again == saved
    assert again.allow_negative_stock is True
    assert (again.abc.a_share, again.abc.b_share) == (Decimal("0.75"), Decimal("0.925"))
    assert again.review.months == (3, 9)
    assert again.price_floor == Decimal("0.6")


def test_keys_not_on_the_form_keep_their_value(services: Services) -> None:
    services.settings.save_values({"price_floor": "30"})
    services.settings.save_values({"abc_a": "70", "abc_b": "90"})
    assert services.settings.get().price_floor == Decimal("0.3")


def test_every_bad_field_is_named_and_nothing_is_saved(services: Services) -> None:
    before = services.settings.get()
    with pytest.raises(ValidationError) as refused:
        services.settings.save_values(
            {
                "abc_a": "95",
                "abc_b": "90",
                "review_months": "2, 13",
                "price_floor": "150",
            }
        )
    assert set(refused.value.by_field()) == {"abc_b", "review_months", "price_floor"}
    assert services.settings.get() == before
