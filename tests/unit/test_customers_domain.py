"""The customer card, ABC classes, pinning, ending and the twice-yearly review."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from retailerp.domain.customers import (
    AbcClass,
    AbcThresholds,
    Customer,
    CustomerStatus,
    ReviewSchedule,
    classify_abc,
    validate_customer,
)
from retailerp.domain.errors import FieldError, StateError, ValidationError
from retailerp.domain.money import Money

A, B, C = AbcClass.A, AbcClass.B, AbcClass.C
NOW = datetime(2026, 3, 16, 9, 30, tzinfo=UTC)


def money(**amounts: int | str) -> dict[str, Money]:
    return {key: Money.of(value) for key, value in amounts.items()}


# --- the card ----------------------------------------------------------------------------


def test_a_valid_card_is_cleaned() -> None:
    clean = validate_customer(
        {
            "code": " c001 ",
            "name": " 上海华联超市有限公司 ",
            "phone": "021-5555 1234",
            "tax_id": "9144030071526726xg",
            "bank_account": "6222 0212 3456 7890",
            "credit_limit": "50,000",
        }
    )
    assert clean["code"] == "C001"
    assert clean["name"] == "上海华联超市有限公司"
    assert clean["tax_id"] == "9144030071526726XG"
    assert clean["bank_account"] == "6222021234567890"
    assert clean["credit_limit"] == Money.of(50000)
    assert clean["payment_terms_days"] == 30  # default
    assert clean["contact"] == "" and clean["salesperson"] == ""


def test_every_wrong_field_is_reported_at_once() -> None:
    with pytest.raises(ValidationError) as info:
        validate_customer(
            {
                "code": "",
                "name": "  ",
                "contact": "x" * 61,
                "phone": "call me",
                "tax_id": "12345",
                "bank_account": "12ab",
                "payment_terms_days": "thirty",
                "credit_limit": "-5",
                "credit_note": "n" * 501,
            }
        )
    errors = info.value.by_field()
    assert set(errors) == {
        "code", "name", "contact", "phone", "tax_id", "bank_account",
        "payment_terms_days", "credit_limit", "credit_note",
    }  # fmt: skip
    assert len(info.value.errors) == 9
    assert "required" in errors["code"].render()
    assert "negative" in errors["credit_limit"].render()
    assert "8 to 32 digits" in errors["bank_account"].render()
    assert "whole days" in errors["payment_terms_days"].render()
    # the error itself reads as the first problem and names its field
    assert info.value.field == "code"


@pytest.mark.parametrize(("days", "ok"), [("0", True), (365, True), ("366", False), (-1, False)])
def test_payment_terms_are_0_to_365_days(days: object, ok: bool) -> None:
    values = {"code": "C1", "name": "x", "payment_terms_days": days}
    if ok:
        assert validate_customer(values)["payment_terms_days"] == int(days)  # type: ignore[call-overload]
    else:
        with pytest.raises(ValidationError) as info:
            validate_customer(values)
        assert list(info.value.by_field()) == ["payment_terms_days"]


def test_apply_takes_only_card_fields() -> None:
    customer = Customer(code="C1", name="old")
    customer.apply({"name": "new", "credit_limit": Money.of(5), "status": "ended"})
    assert customer.name == "new"
    assert customer.credit_limit == Money.of(5)
    assert customer.status == CustomerStatus.ACTIVE


# --- ABC classification ------------------------------------------------------------------


def test_pareto_with_default_thresholds() -> None:
    revenue = money(a=500, b=300, c=100, d=50, e=30, f=20)  # total 1000
    assert classify_abc(revenue) == {"a": A, "b": A, "c": B, "d": B, "e": C, "f": C}


def test_a_single_big_customer_is_a_and_the_rest_follow() -> None:
    assert classify_abc(money(big=900, mid=60, small=40)) == {"big": A, "mid": B, "small": C}


def test_customers_with_equal_revenue_share_a_class() -> None:
    revenue = money(a=400, b=400, c=100, d=100)
    assert classify_abc(revenue) == {"a": A, "b": A, "c": B, "d": B}
    # a tie straddling the A boundary: both get the better class
    revenue = money(a=700, b=100, c=100, d=100)
    assert classify_abc(revenue) == {"a": A, "b": A, "c": A, "d": A}
    assert set(classify_abc(money(**{f"k{i}": 10 for i in range(10)})).values()) == {A}


def test_no_revenue_or_a_net_refund_is_always_c() -> None:
    revenue = money(a=100, b=0, c=-50, d="0.01")
    assert classify_abc(revenue) == {"a": A, "b": C, "c": C, "d": C}


def test_when_nobody_bought_anything_everybody_is_c() -> None:
    assert classify_abc(money(a=0, b=0)) == {"a": C, "b": C}
    assert classify_abc(money(a=-10, b=0)) == {"a": C, "b": C}
    assert classify_abc({}) == {}


def test_custom_thresholds() -> None:
    revenue = money(a=500, b=300, c=100, d=50, e=30, f=20)
    half = AbcThresholds(Decimal("0.5"), Decimal("0.9"))
    assert classify_abc(revenue, half) == {"a": A, "b": B, "c": B, "d": C, "e": C, "f": C}
    everyone = AbcThresholds(Decimal("0.99"), Decimal(1))
    assert classify_abc(revenue, everyone) == dict.fromkeys(revenue, A)


@pytest.mark.parametrize(
    ("a_share", "b_share"),
    [("0", "0.5"), ("-0.1", "0.5"), ("0.9", "0.8"), ("0.8", "0.8"), ("0.5", "1.01")],
)
def test_invalid_thresholds_are_refused(a_share: str, b_share: str) -> None:
    with pytest.raises(FieldError) as info:
        AbcThresholds(Decimal(a_share), Decimal(b_share))
    assert info.value.field == "abc_thresholds"


@given(st.dictionaries(st.integers(0, 30), st.integers(-1000, 100_000), max_size=30))
def test_classes_never_rank_a_smaller_customer_above_a_bigger_one(revenue_cents: dict) -> None:
    revenue = {k: Money(v) for k, v in revenue_cents.items()}
    classes = classify_abc(revenue)
    assert set(classes) == set(revenue)
    order = {A: 0, B: 1, C: 2}
    for x in revenue:
        if revenue[x].minor <= 0:
            assert classes[x] == C
        for y in revenue:
            if revenue[x].minor >= revenue[y].minor:
                assert order[classes[x]] <= order[classes[y]]
    positive = [k for k in revenue if revenue[k].minor > 0]
    if positive:  # the biggest customer is always A
        assert classes[max(positive, key=lambda k: revenue[k].minor)] == A


def _abc_by_definition(revenue: dict, thresholds: AbcThresholds) -> dict:
    """The docstring's definition, customer by customer (quadratic, for checking only)."""
    total = sum(m.minor for m in revenue.values() if m.minor > 0)
    classes = {}
    for key, m in revenue.items():
        if m.minor <= 0 or total <= 0:
            classes[key] = C
            continue
        before = sum(o.minor for o in revenue.values() if o.minor > m.minor)
        share = Decimal(before) / Decimal(total)
        classes[key] = A if share < thresholds.a_share else B if share < thresholds.b_share else C
    return classes


@given(
    st.dictionaries(
        st.integers(0, 10_000),
        st.one_of(st.integers(-500, 20), st.integers(-1000, 10_000_000)),
        max_size=400,
    ),
    st.sampled_from(
        [
            AbcThresholds(),
            AbcThresholds(Decimal("0.5"), Decimal("0.9")),
            AbcThresholds(Decimal("0.01"), Decimal("0.02")),
        ]
    ),
)
def test_classes_match_the_definition_for_many_customers(revenue_cents: dict, thresholds) -> None:
    revenue = {k: Money(v) for k, v in revenue_cents.items()}
    assert classify_abc(revenue, thresholds) == _abc_by_definition(revenue, thresholds)


def test_twenty_thousand_customers_with_ties_match_the_definition() -> None:
    # Many equal revenues (small amounts repeat) and many distinct ones, like a real ledger.
    revenue = {i: Money((i * 7919) % 5000 + (i % 3) * 1000 - 200) for i in range(20_000)}
    expected = _abc_by_definition_fast_check(revenue)
    assert classify_abc(revenue) == expected


def _abc_by_definition_fast_check(revenue: dict) -> dict:
    """The definition with the 'revenue ranked before' sums taken per distinct amount."""
    thresholds = AbcThresholds()
    total = sum(m.minor for m in revenue.values() if m.minor > 0)
    amounts = sorted({m.minor for m in revenue.values() if m.minor > 0}, reverse=True)
    above: dict[int, int] = {}
    running = 0
    for amount in amounts:
        above[amount] = running
        running += amount * sum(1 for m in revenue.values() if m.minor == amount)
    classes = {}
    for key, m in revenue.items():
        if m.minor <= 0:
            classes[key] = C
            continue
        share = Decimal(above[m.minor]) / Decimal(total)
        classes[key] = A if share < thresholds.a_share else B if share < thresholds.b_share else C
    return classes


# --- pinning -----------------------------------------------------------------------------


def test_a_pinned_class_overrides_the_computed_one_and_says_who_and_why() -> None:
    customer = Customer(code="C1", name="x", computed_class=C)
    customer.pin_class(A, "boss", "  strategic partner ", NOW)
    assert customer.abc_class == A
    assert customer.computed_class == C
    assert (customer.pinned_by, customer.pinned_reason, customer.pinned_at) == (
        "boss", "strategic partner", NOW,
    )  # fmt: skip
    customer.computed_class = B  # a later recomputation does not change the class in force
    assert customer.abc_class == A
    customer.unpin_class()
    assert customer.abc_class == B
    assert (customer.pinned_class, customer.pinned_by, customer.pinned_reason) == (None, "", "")
    assert customer.pinned_at is None


def test_pinning_without_a_reason_is_refused_and_changes_nothing() -> None:
    customer = Customer(code="C1", name="x", computed_class=B)
    for reason in ("", "   "):
        with pytest.raises(FieldError) as info:
            customer.pin_class(A, "boss", reason, NOW)
        assert info.value.field == "pinned_reason"
    assert customer.pinned_class is None and customer.abc_class == B
    with pytest.raises(FieldError):
        customer.pin_class(A, "boss", "r" * 201, NOW)


# --- ending and reactivating -------------------------------------------------------------


def test_ending_and_reactivating_a_customer() -> None:
    customer = Customer(code="C7", name="x")
    assert customer.is_active
    customer.end(date(2026, 3, 1), " shop closed ")
    assert customer.status == CustomerStatus.ENDED and not customer.is_active
    assert (customer.ended_on, customer.end_reason) == (date(2026, 3, 1), "shop closed")

    with pytest.raises(StateError) as info:
        customer.end(date(2026, 3, 2), "again")
    assert "C7 has already ended" in str(info.value)
    assert customer.ended_on == date(2026, 3, 1)

    customer.reactivate()
    assert customer.is_active
    assert (customer.ended_on, customer.end_reason) == (None, "")
    with pytest.raises(StateError) as info:
        customer.reactivate()
    assert "C7 is active" in str(info.value)


def test_ending_needs_a_reason() -> None:
    customer = Customer(code="C7", name="x")
    with pytest.raises(FieldError) as info:
        customer.end(date(2026, 3, 1), "")
    assert info.value.field == "end_reason"
    assert customer.is_active and customer.ended_on is None


# --- review schedule ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "start", "next_"),
    [
        (date(2026, 1, 15), date(2025, 8, 1), date(2026, 2, 1)),
        (date(2026, 1, 31), date(2025, 8, 1), date(2026, 2, 1)),
        (date(2026, 2, 1), date(2026, 2, 1), date(2026, 8, 1)),
        (date(2026, 7, 31), date(2026, 2, 1), date(2026, 8, 1)),
        (date(2026, 8, 1), date(2026, 8, 1), date(2027, 2, 1)),
        (date(2026, 12, 31), date(2026, 8, 1), date(2027, 2, 1)),
        (date(2027, 1, 1), date(2026, 8, 1), date(2027, 2, 1)),
    ],
)
def test_default_review_periods_start_in_february_and_august(
    today: date, start: date, next_: date
) -> None:
    schedule = ReviewSchedule()
    assert schedule.period_start(today) == start
    assert schedule.next_start(today) == next_


def test_custom_review_months() -> None:
    once = ReviewSchedule((11,))
    assert once.period_start(date(2026, 10, 31)) == date(2025, 11, 1)
    assert once.period_start(date(2026, 11, 1)) == date(2026, 11, 1)
    assert once.next_start(date(2026, 11, 1)) == date(2027, 11, 1)
    quarterly = ReviewSchedule((10, 1, 4, 7))  # unsorted on purpose
    assert quarterly.period_start(date(2026, 12, 25)) == date(2026, 10, 1)
    assert quarterly.next_start(date(2026, 12, 25)) == date(2027, 1, 1)
    assert quarterly.period_start(date(2026, 3, 31)) == date(2026, 1, 1)
    january = ReviewSchedule((1,))
    assert january.period_start(date(2026, 1, 1)) == date(2026, 1, 1)
    assert january.period_start(date(2025, 12, 31)) == date(2025, 1, 1)


@pytest.mark.parametrize("months", [(), (0,), (13,), (2, 14)])
def test_review_months_must_be_months(months: tuple[int, ...]) -> None:
    with pytest.raises(FieldError) as info:
        ReviewSchedule(months)
    assert info.value.field == "review_months"


@given(
    st.dates(min_value=date(1990, 1, 1), max_value=date(2200, 12, 31)),
    st.sets(st.integers(1, 12), min_size=1).map(tuple),
)
def test_every_day_lies_in_exactly_one_review_period(today: date, months: tuple) -> None:
    schedule = ReviewSchedule(months)
    start, next_ = schedule.period_start(today), schedule.next_start(today)
    assert start <= today < next_
    assert start.day == next_.day == 1
    assert start.month in months and next_.month in months
    starts = [date(y, m, 1) for y in range(start.year, next_.year + 1) for m in months]
    assert not [s for s in starts if start < s < next_]  # no review month begins in between


def test_who_is_due_for_review() -> None:
    schedule = ReviewSchedule()
    old = Customer(code="OLD", name="x", created_on=date(2025, 6, 1))
    new = Customer(code="NEW", name="x", created_on=date(2025, 9, 1))
    reviewed = Customer(
        code="REV", name="x", created_on=date(2020, 1, 1), last_review_on=date(2025, 8, 10)
    )
    ended = Customer(code="END", name="x", created_on=date(2020, 1, 1))
    ended.end(date(2025, 1, 1), "closed")

    january = date(2026, 1, 15)  # the period began on 1 August 2025
    assert schedule.is_due(old, january)
    assert not schedule.is_due(new, january)  # came after the period began
    assert not schedule.is_due(reviewed, january)
    assert not schedule.is_due(ended, january)

    february = date(2026, 2, 1)  # a new period: everyone active is due again
    assert schedule.is_due(old, february)
    assert schedule.is_due(new, february)
    assert schedule.is_due(reviewed, february)
    assert not schedule.is_due(ended, february)

    reviewed.last_review_on = date(2026, 2, 1)
    assert not schedule.is_due(reviewed, date(2026, 7, 31))
    assert schedule.is_due(reviewed, date(2026, 8, 1))
