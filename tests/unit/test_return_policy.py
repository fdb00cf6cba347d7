"""The return policy, table-driven at and around every boundary: the safe period (day 180
vs 181), the changed-mind window, quality defects, a dealer's rate after a window, class-
and customer-specific rules, the minimum a dealer must keep, and the owner's override."""

from __future__ import annotations

from decimal import Decimal

import pytest

from retailerp.domain.customers import AbcClass
from retailerp.domain.errors import OverridableRefusal, ValidationError
from retailerp.domain.money import Money
from retailerp.domain.returns import (
    MinimumHolding,
    PolicyRule,
    RefundChoice,
    ReturnCase,
    ReturnPolicy,
    ReturnReason,
    clean_policy,
    default_policy,
    policy_refusal,
)

D = Decimal
R = ReturnReason
DEALER = 42


def case(
    days: int,
    reason: ReturnReason = R.UNSELLABLE,
    *,
    customer: int = 1,
    cls: AbcClass = AbcClass.C,
    quantity: str = "1",
    holding: str = "100",
    item: int = 7,
) -> ReturnCase:
    return ReturnCase(customer, cls, reason, days, item, D(quantity), D(holding))


@pytest.mark.parametrize(
    ("days", "reason", "rule", "rate"),
    [
        (0, R.UNSELLABLE, "within 6 months (180 days): in full", D(1)),
        (180, R.UNSELLABLE, "within 6 months (180 days): in full", D(1)),
        (181, R.UNSELLABLE, "after 6 months: 10 % packaging-loss deduction", D("0.9")),
        (181, R.EXPIRED, "after 6 months: 10 % packaging-loss deduction", D("0.9")),
        (900, R.QUALITY_DEFECT, "quality defects: always in full", D(1)),
        (181, R.WRONG_GOODS, "our mistake (wrong goods, transit damage): in full", D(1)),
        (7, R.CHANGED_MIND, "changed mind within 7 days: in full", D(1)),
        (8, R.CHANGED_MIND, "changed mind after 7 days: refused", None),
    ],
)
def test_the_default_policy_at_its_boundaries(
    days: int, reason: ReturnReason, rule: str, rate: Decimal | None
) -> None:
    decision = default_policy().decide(case(days, reason))
    assert (decision.rule, decision.rate) == (rule, rate)
    assert decision.refused == (rate is None)


def dealer_policy() -> ReturnPolicy:
    """A dealer gets 60 % after 3 months; class A customers get the full refund for a year;
    the dealer must keep 5 of item 7."""
    base = default_policy().rules
    specific = (
        PolicyRule("dealer: after 3 months, 60 %", D("0.6"), from_day=91, customer_id=DEALER),
        PolicyRule("class A: a year in full", D(1), to_day=365, customer_class=AbcClass.A),
    )
    return ReturnPolicy(base[:2] + specific + base[2:], (MinimumHolding(7, D(5), DEALER),))


@pytest.mark.parametrize(
    ("kwargs", "days", "rule", "rate"),
    [
        ({"customer": DEALER}, 90, "within 6 months (180 days): in full", D(1)),
        ({"customer": DEALER}, 91, "dealer: after 3 months, 60 %", D("0.6")),
        ({"customer": DEALER, "reason": R.QUALITY_DEFECT}, 400,
         "quality defects: always in full", D(1)),
        ({"cls": AbcClass.A}, 365, "class A: a year in full", D(1)),
        ({"cls": AbcClass.A}, 366, "after 6 months: 10 % packaging-loss deduction", D("0.9")),
        ({"cls": AbcClass.B}, 200, "after 6 months: 10 % packaging-loss deduction", D("0.9")),
    ],
)  # fmt: skip
def test_customer_and_class_rules_come_before_the_general_ones(
    kwargs: dict, days: int, rule: str, rate: Decimal
) -> None:
    decision = dealer_policy().decide(case(days, **kwargs))
    assert (decision.rule, decision.rate) == (rule, rate)


@pytest.mark.parametrize(
    ("holding", "quantity", "kept"),
    [("10", "5", "0"), ("10", "6", "1"), ("5", "1", "1"), ("3", "2", "2")],
)
def test_a_dealer_keeps_its_minimum_stock(holding: str, quantity: str, kept: str) -> None:
    decision = dealer_policy().decide(case(10, customer=DEALER, quantity=quantity, holding=holding))
    assert decision.refused_quantity == D(kept)
    assert decision.refused == (kept != "0")


def test_the_minimum_applies_to_that_item_and_dealer_only_and_not_to_defects() -> None:
    policy = dealer_policy()
    assert policy.decide(case(10, customer=DEALER, item=8, holding="1")).refused_quantity == 0
    assert policy.decide(case(10, customer=2, holding="1")).refused_quantity == 0
    defect = case(10, R.QUALITY_DEFECT, customer=DEALER, holding="1")
    assert not policy.decide(defect).refused


def test_the_form_says_which_rule_decided() -> None:
    decision = dealer_policy().decide(case(127, customer=DEALER))
    assert decision.explain().render() == (
        "Returned 127 days after delivery: rule 'dealer: after 3 months, 60 %' — 60 % refunded."
    )
    assert decision.refund(Money.of("113.00")) == Money.of("67.80")
    refused = default_policy().decide(case(30, R.CHANGED_MIND))
    assert refused.explain().render().endswith("— refused.")
    assert refused.refund(Money.of(100)) == Money.zero()
    kept = dealer_policy().decide(case(10, customer=DEALER, quantity="6", holding="10"))
    assert "1 must stay with the customer" in kept.explain().render()


def test_a_refusal_or_a_better_refund_needs_an_override() -> None:
    full = default_policy().decide(case(10))
    deducted = default_policy().decide(case(200))
    refused = default_policy().decide(case(30, R.CHANGED_MIND))
    assert not RefundChoice(full).needs_override
    assert not RefundChoice(deducted, D("0.5")).needs_override  # less than the policy: fine
    assert RefundChoice(deducted, D(1)).needs_override
    assert RefundChoice(refused).needs_override
    assert not RefundChoice(refused, D(0)).needs_override  # goods back, nothing refunded
    assert RefundChoice(deducted).effective_rate == D("0.9")
    error = policy_refusal(2, refused)
    assert isinstance(error, OverridableRefusal) and error.field == "lines.2.quantity"
    assert "Line 2: Returned 30 days" in error.render()


def test_no_matching_rule_refuses() -> None:
    policy = ReturnPolicy((PolicyRule("defects only", D(1), frozenset({R.QUALITY_DEFECT})),))
    decision = policy.decide(case(1))
    assert decision.refused and decision.rule == "no rule matches"


def test_a_policy_survives_being_stored() -> None:
    policy = dealer_policy()
    assert ReturnPolicy.from_json(policy.to_json()) == policy


@pytest.mark.parametrize(
    ("rule", "field"),
    [
        ({"name": "", "rate": "1"}, "rules.1.name"),
        ({"name": "x", "rate": "150"}, "rules.1.rate"),
        ({"name": "x", "rate": "-5"}, "rules.1.rate"),
        ({"name": "x", "rate": "NaN"}, "rules.1.rate"),
        ({"name": "x", "rate": "1", "reasons": ["bored"]}, "rules.1.reasons"),
        ({"name": "x", "rate": "1", "from_day": "-1"}, "rules.1.from_day"),
        ({"name": "x", "rate": "1", "from_day": "10", "to_day": "5"}, "rules.1.to_day"),
        ({"name": "x", "rate": "1", "customer_class": "Z"}, "rules.1.customer_class"),
        ({"name": "x", "rate": "1", "customer_id": "abc"}, "rules.1.customer_id"),
    ],
)
def test_a_bad_rule_is_refused_naming_its_field(rule: dict, field: str) -> None:
    with pytest.raises(ValidationError) as refused:
        clean_policy([rule])
    assert field in refused.value.by_field()


def test_rates_are_typed_as_percentages_or_fractions() -> None:
    policy = clean_policy(
        [{"name": "a", "rate": "60"}, {"name": "b", "rate": "0.6"}, {"name": "c", "rate": ""}]
    )
    assert [r.rate for r in policy.rules] == [D("0.6"), D("0.6"), None]
    with pytest.raises(ValidationError):
        clean_policy([])
    with pytest.raises(ValidationError):
        clean_policy([{"name": "a", "rate": "1"}], [{"item_id": "", "quantity": "5"}])
