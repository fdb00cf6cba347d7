"""Customers (客户): the master card, ABC classes, the twice-yearly review, ending a relationship.

A customer who has been used is never deleted: ending the relationship (交易中止) hides it from
pickers while its documents and history stay; it can be reactivated.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any, TypeVar

from retailerp.domain import validation as v
from retailerp.domain.errors import FieldError, StateError
from retailerp.domain.money import Money, check_price
from retailerp.domain.text import QT_TRANSLATE_NOOP

K = TypeVar("K")


class AbcClass(StrEnum):
    """A 关键客户 (key), B 主要客户 (major), C 普通客户 (ordinary)."""

    A = "A"
    B = "B"
    C = "C"


ABC_LABELS = {
    AbcClass.A: QT_TRANSLATE_NOOP("terms", "A – key customer"),
    AbcClass.B: QT_TRANSLATE_NOOP("terms", "B – major customer"),
    AbcClass.C: QT_TRANSLATE_NOOP("terms", "C – ordinary customer"),
}


class CustomerStatus(StrEnum):
    ACTIVE = "active"
    ENDED = "ended"


STATUS_LABELS = {
    CustomerStatus.ACTIVE: QT_TRANSLATE_NOOP("terms", "active"),
    CustomerStatus.ENDED: QT_TRANSLATE_NOOP("terms", "ended"),
}

CUSTOMER_FIELDS = (
    "code",
    "name",
    "contact",
    "phone",
    "address",
    "tax_id",
    "bank_name",
    "bank_account",
    "payment_terms_days",
    "credit_limit",
    "credit_note",
    "salesperson",
)


@dataclass(eq=False)
class Customer:
    """The customer master card; printed documents take their customer block from it."""

    code: str
    name: str
    contact: str = ""
    phone: str = ""
    address: str = ""
    tax_id: str = ""
    bank_name: str = ""
    bank_account: str = ""
    payment_terms_days: int = 30
    credit_limit: Money = field(default_factory=Money.zero)
    credit_note: str = ""
    salesperson: str = ""
    computed_class: AbcClass = AbcClass.C
    pinned_class: AbcClass | None = None
    pinned_by: str = ""
    pinned_reason: str = ""
    pinned_at: datetime | None = None
    status: CustomerStatus = CustomerStatus.ACTIVE
    ended_on: date | None = None
    end_reason: str = ""
    created_on: date = field(default_factory=date.today)
    last_review_on: date | None = None
    id: int | None = None
    version: int = 1
    updated_by: str = ""
    updated_at: datetime | None = None

    @property
    def abc_class(self) -> AbcClass:
        """The class in force: the pinned one if an owner pinned it, else the computed one."""
        return self.pinned_class or self.computed_class

    @property
    def is_active(self) -> bool:
        return self.status == CustomerStatus.ACTIVE

    def apply(self, clean: Mapping[str, Any]) -> None:
        """Take over values already checked by :func:`validate_customer`."""
        for name in CUSTOMER_FIELDS:
            if name in clean:
                setattr(self, name, clean[name])

    def pin_class(self, cls: AbcClass, by: str, reason: str, at: datetime) -> None:
        """Pin the class by hand; who pinned it and why are kept."""
        reason = v.required_text(reason, "pinned_reason", 200)
        self.pinned_class = AbcClass(cls)
        self.pinned_by, self.pinned_reason, self.pinned_at = by, reason, at

    def unpin_class(self) -> None:
        """Let the computed class apply again."""
        self.pinned_class, self.pinned_by, self.pinned_reason, self.pinned_at = None, "", "", None

    def end(self, on: date, reason: str) -> None:
        """End the relationship (交易中止): gone from pickers, history kept."""
        if not self.is_active:
            raise StateError(
                QT_TRANSLATE_NOOP("errors", "Customer {code} has already ended (on {on})."),
                code=self.code,
                on=self.ended_on,
            )
        self.end_reason = v.required_text(reason, "end_reason", 200)
        self.status, self.ended_on = CustomerStatus.ENDED, on

    def reactivate(self) -> None:
        """Take an ended customer back into business."""
        if self.is_active:
            raise StateError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "Customer {code} is active; only an ended customer can be reactivated.",
                ),
                code=self.code,
            )
        self.status, self.ended_on, self.end_reason = CustomerStatus.ACTIVE, None, ""


def validate_customer(values: Mapping[str, Any]) -> dict[str, Any]:
    """Check every field of a customer card at once; return the cleaned values.

    Raises :class:`ValidationError` naming every field that breaks a rule.
    """
    rules = {
        "code": lambda x: v.code(x, "code"),
        "name": lambda x: v.required_text(x, "name", 100),
        "contact": lambda x: v.optional_text(x, "contact", 60),
        "phone": lambda x: v.phone(x, "phone"),
        "address": lambda x: v.optional_text(x, "address", 200),
        "tax_id": lambda x: v.tax_id(x, "tax_id"),
        "bank_name": lambda x: v.optional_text(x, "bank_name", 100),
        "bank_account": lambda x: _bank_account(x),
        "payment_terms_days": lambda x: _payment_terms(x),
        "credit_limit": lambda x: check_price(x if x not in (None, "") else 0, "credit_limit"),
        "credit_note": lambda x: v.optional_text(x, "credit_note", 500),
        "salesperson": lambda x: v.optional_text(x, "salesperson", 60),
    }
    return v.apply_rules(values, rules)


def _bank_account(value: object) -> str:
    text = v.optional_text(str(value or ""), "bank_account", 40).replace(" ", "")
    if text and not (text.isdigit() and 8 <= len(text) <= 32):
        raise FieldError(
            "bank_account",
            QT_TRANSLATE_NOOP("errors", "A bank account number has 8 to 32 digits."),
        )
    return text


def _payment_terms(value: object) -> int:
    if value in (None, ""):
        return 30
    try:
        days = int(str(value).strip())
    except ValueError:
        raise FieldError(
            "payment_terms_days", QT_TRANSLATE_NOOP("errors", "Enter whole days, e.g. 30.")
        ) from None
    if not 0 <= days <= 365:
        raise FieldError(
            "payment_terms_days",
            QT_TRANSLATE_NOOP("errors", "Payment terms are between 0 and 365 days."),
        )
    return days


# --- ABC classification -----------------------------------------------------------------


@dataclass(frozen=True)
class AbcThresholds:
    """Cumulative revenue shares: A up to ``a_share`` of revenue, B up to ``b_share``."""

    a_share: Decimal = Decimal("0.80")
    b_share: Decimal = Decimal("0.95")

    def __post_init__(self) -> None:
        if not Decimal(0) < self.a_share < self.b_share <= Decimal(1):
            raise FieldError(
                "abc_thresholds",
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The A share must be above 0 and below the B share, and the B share at "
                    "most 100%.",
                ),
            )


def classify_abc(
    revenues: Mapping[K, Money], thresholds: AbcThresholds = AbcThresholds()
) -> dict[K, AbcClass]:
    """Pareto classes from trailing-12-month net revenue.

    Customers are ranked by revenue, highest first.  A customer is A while the revenue of the
    customers ranked before it is below ``a_share`` of the total, B while below ``b_share``,
    else C.  Customers with equal revenue always get the same class (the best their group
    reaches); no revenue, or a net refund, is always C.
    """
    total = sum((m.minor for m in revenues.values() if m.minor > 0), 0)
    result: dict[K, AbcClass] = {key: AbcClass.C for key in revenues}
    if total <= 0:
        return result
    # Sorting once and walking each group of equal revenue once keeps this O(n log n)
    # (it used to collect each group from the whole remaining list: quadratic).
    ranked = sorted(
        ((m.minor, key) for key, m in revenues.items() if m.minor > 0),
        key=lambda pair: pair[0],
        reverse=True,
    )
    before = 0
    index = 0
    count = len(ranked)
    while index < count:
        amount = ranked[index][0]
        end = index + 1
        while end < count and ranked[end][0] == amount:
            end += 1
        share = Decimal(before) / Decimal(total)
        cls = (
            AbcClass.A
            if share < thresholds.a_share
            else AbcClass.B
            if share < thresholds.b_share
            else AbcClass.C
        )
        for position in range(index, end):
            result[ranked[position][1]] = cls
        before += amount * (end - index)
        index = end
    return result


# --- review (twice a year) ----------------------------------------------------------------


@dataclass(frozen=True)
class ReviewSchedule:
    """Credit and status are reviewed in the given months (default February and August)."""

    months: tuple[int, ...] = (2, 8)

    def __post_init__(self) -> None:
        if not self.months or any(not 1 <= m <= 12 for m in self.months):
            raise FieldError(
                "review_months",
                QT_TRANSLATE_NOOP("errors", "Review months are numbers from 1 to 12."),
            )

    def period_start(self, today: date) -> date:
        """The first day of the latest review month that has begun on or before ``today``."""
        starts = [
            date(today.year - back, month, 1) for back in (0, 1) for month in sorted(self.months)
        ]
        return max(s for s in starts if s <= today)

    def next_start(self, today: date) -> date:
        """The first day of the next review month after ``today``."""
        starts = [
            date(today.year + ahead, month, 1) for ahead in (0, 1) for month in sorted(self.months)
        ]
        return min(s for s in starts if s > today)

    def is_due(self, customer: Customer, today: date) -> bool:
        """Due when the customer, in business before the current period, has not been
        reviewed since it began."""
        if not customer.is_active:
            return False
        start = self.period_start(today)
        baseline = customer.last_review_on or customer.created_on
        return baseline < start


@dataclass(eq=False)
class CustomerReview:
    """One review of a customer's credit and status, kept for the record."""

    customer_id: int
    reviewed_on: date
    reviewer: str
    credit_limit_before: Money
    credit_limit_after: Money
    outcome: str
    note: str = ""
    id: int | None = None
