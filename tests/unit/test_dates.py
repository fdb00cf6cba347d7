"""Dates are typed the way a clerk types them: full, month and day, day, or days from today."""

from __future__ import annotations

from datetime import date

import pytest

from retailerp.domain.dates import date_text, parse_date
from retailerp.domain.errors import FieldError

TODAY = date(2026, 12, 1)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("2026-12-05", date(2026, 12, 5)),
        ("2027/1/9", date(2027, 1, 9)),
        ("2026.12.05", date(2026, 12, 5)),
        ("20261205", date(2026, 12, 5)),
        ("2026年12月5日", date(2026, 12, 5)),
        ("1205", date(2026, 12, 5)),
        ("12-05", date(2026, 12, 5)),
        ("3/7", date(2026, 3, 7)),
        ("12月5日", date(2026, 12, 5)),
        ("5", date(2026, 12, 5)),
        ("+3", date(2026, 12, 4)),
        ("+31", date(2027, 1, 1)),
        ("-2", date(2026, 11, 29)),
        ("+0", TODAY),
        (" today ", TODAY),
        ("今天", TODAY),
    ],
)
def test_a_typed_date_means_the_day_a_clerk_expects(typed: str, meant: date) -> None:
    assert parse_date(typed, TODAY) == meant


def test_nothing_typed_is_no_date() -> None:
    assert parse_date("  ", TODAY) is None


@pytest.mark.parametrize("typed", ["tomorrow", "12-05-2026", "+", "1-2-3", "123456789", "+3d"])
def test_text_that_is_no_date_is_refused_naming_the_field(typed: str) -> None:
    with pytest.raises(FieldError) as refused:
        parse_date(typed, TODAY, "requested_date")
    assert refused.value.field == "requested_date"
    assert "2026-12-05" in refused.value.template and "+3" in refused.value.template


@pytest.mark.parametrize("typed", ["0230", "2026-13-01", "2026-02-29", "32", "00"])
def test_a_day_that_does_not_exist_is_refused(typed: str) -> None:
    with pytest.raises(FieldError) as refused:
        parse_date(typed, TODAY)
    assert refused.value.params == {"text": typed}


def test_dates_are_shown_iso() -> None:
    assert date_text(date(2026, 12, 5)) == "2026-12-05"
    assert date_text(None) == ""
