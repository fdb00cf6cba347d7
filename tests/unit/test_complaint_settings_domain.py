"""The complaint settings screen's typed values: read back exactly what was shown, every
bad field named at once, thresholds and deadlines in their order."""

from __future__ import annotations

from decimal import Decimal

import pytest

from retailerp.domain import complaints as c
from retailerp.domain.complaints import DeadlinePolicy, Severity, SeverityThresholds
from retailerp.domain.errors import ValidationError
from retailerp.domain.money import Money


def shown() -> dict[str, str]:
    return c.settings_as_text(SeverityThresholds(), DeadlinePolicy(), 3)


def test_the_defaults_shown_read_back_as_the_defaults():
    values = shown()
    assert values["amount.general"] == "500.00" and values["reach.critical"] == "20"
    assert values["resolution.minor"] == "120" and values["a_class_share"] == "50"
    thresholds, policy, limit = c.settings_from_text(values)
    assert thresholds == SeverityThresholds() and policy == DeadlinePolicy() and limit == 3


def test_changed_values_are_taken_in_their_units():
    values = shown() | {"amount.major": "4,000", "a_class_share": "40", "amber_share": "10",
                        "resolution.general": "600", "bad_batch_limit": "2"}  # fmt: skip
    thresholds, policy, limit = c.settings_from_text(values)
    assert thresholds.amounts[Severity.MAJOR] == Money.of("4000")
    assert policy.a_class_share == Decimal("0.4") and policy.amber_share == Decimal("0.1")
    assert policy.rules[Severity.GENERAL].resolution == 600 and limit == 2
    assert policy.rule(Severity.GENERAL, c.AbcClass.A).resolution == 240


@pytest.mark.parametrize(
    ("changes", "fields"),
    [
        ({"amount.major": "x"}, {"amount.major"}),
        ({"amount.critical": "100"}, {"amount.critical"}),  # below major's 5000
        ({"reach.major": "0"}, {"reach.major"}),
        ({"reach.critical": "3"}, {"reach.critical"}),  # below major's 5
        ({"report.minor": "0"}, {"report.minor"}),
        ({"response.major": "1.5"}, {"response.major"}),
        ({"report.general": "30", "response.general": "20"}, {"response.general"}),
        ({"a_class_share": "0"}, {"a_class_share"}),
        ({"amber_share": "101"}, {"amber_share"}),
        ({"bad_batch_limit": "0"}, {"bad_batch_limit"}),
        ({"amount.general": "-1", "bad_batch_limit": "no"}, {"amount.general", "bad_batch_limit"}),
    ],
)
def test_bad_values_name_every_field_at_fault(changes, fields):
    with pytest.raises(ValidationError) as refused:
        c.settings_from_text(shown() | changes)
    assert {error.field for error in refused.value.errors} == fields
