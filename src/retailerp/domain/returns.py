"""Returns (退货) and the return policy that decides what a return is refunded.

A return takes back goods that were delivered: per delivery line at most what was delivered
less what came back already, and for serial-numbered goods only serials that went to this
customer.  Each return says why (the reason), what state the goods are in (the condition,
which decides where they go: resellable → a warehouse bin, defective → quarantine, scrap),
who received them and when.

The **return policy** is an ordered table of rules; the first rule that matches the return
decides the refund rate and is named on the form ("returned 127 days after delivery: rule
'after 3 months, 60 %'").  A rule may be limited to some reasons, to a window of days after
delivery, to a customer class or to one customer; rules are read top to bottom, so the shop
puts the specific ones (a customer, a class) before the general ones.  A dealer may also be
required to keep a minimum quantity of an item in stock: what would take its holding below
that minimum is refused.  A refusal, or a refund better than the policy, needs an owner's
override with a reason.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Any

from retailerp.domain.customers import AbcClass
from retailerp.domain.errors import FieldError, OverridableRefusal, ValidationError
from retailerp.domain.money import Money
from retailerp.domain.text import QT_TRANSLATE_NOOP, Term


class ReturnReason(StrEnum):
    QUALITY_DEFECT = "quality_defect"
    WRONG_GOODS = "wrong_goods"
    TRANSIT_DAMAGE = "transit_damage"
    UNSELLABLE = "unsellable"
    EXPIRED = "expired"
    CHANGED_MIND = "changed_mind"


RETURN_REASON_LABELS = {
    ReturnReason.QUALITY_DEFECT: Term(QT_TRANSLATE_NOOP("terms", "quality defect")),
    ReturnReason.WRONG_GOODS: Term(QT_TRANSLATE_NOOP("terms", "wrong goods delivered")),
    ReturnReason.TRANSIT_DAMAGE: Term(QT_TRANSLATE_NOOP("terms", "damaged in transit")),
    ReturnReason.UNSELLABLE: Term(QT_TRANSLATE_NOOP("terms", "unsellable / slow-moving")),
    ReturnReason.EXPIRED: Term(QT_TRANSLATE_NOOP("terms", "expired")),
    ReturnReason.CHANGED_MIND: Term(QT_TRANSLATE_NOOP("terms", "changed mind")),
}


class ReturnCondition(StrEnum):
    """What state the goods came back in; it decides where they go."""

    RESELLABLE = "resellable"
    DEFECTIVE = "defective"
    SCRAP = "scrap"


RETURN_CONDITION_LABELS = {
    ReturnCondition.RESELLABLE: Term(QT_TRANSLATE_NOOP("terms", "resellable (back to stock)")),
    ReturnCondition.DEFECTIVE: Term(QT_TRANSLATE_NOOP("terms", "defective (quarantine)")),
    ReturnCondition.SCRAP: Term(QT_TRANSLATE_NOOP("terms", "scrap")),
}


FULL = Decimal(1)


@dataclass(frozen=True)
class PolicyRule:
    """One row of the return policy.  ``rate`` is the share of the returned value that is
    refunded (1 = in full, 0.9 = a 10 % packaging-loss deduction); ``None`` refuses.

    The rule matches a return when every condition it names holds: the reason is one of
    ``reasons`` (empty = any), the days since delivery are within ``from_day`` …
    ``to_day`` (both inclusive, either open), and the customer has ``customer_class`` /
    is ``customer_id`` where those are given."""

    name: str
    rate: Decimal | None
    reasons: frozenset[ReturnReason] = frozenset()
    from_day: int | None = None
    to_day: int | None = None
    customer_class: AbcClass | None = None
    customer_id: int | None = None

    @property
    def refuses(self) -> bool:
        return self.rate is None

    def matches(self, case: ReturnCase) -> bool:
        return (
            (not self.reasons or case.reason in self.reasons)
            and (self.from_day is None or case.days >= self.from_day)
            and (self.to_day is None or case.days <= self.to_day)
            and (self.customer_class is None or case.customer_class == self.customer_class)
            and (self.customer_id is None or case.customer_id == self.customer_id)
        )


@dataclass(frozen=True)
class MinimumHolding:
    """A customer (or every customer of a class) must keep at least ``quantity`` of an item:
    what would take its holding below that is not returnable."""

    item_id: int
    quantity: Decimal
    customer_id: int | None = None
    customer_class: AbcClass | None = None

    def applies(self, case: ReturnCase) -> bool:
        return (
            case.item_id == self.item_id
            and (self.customer_id is None or case.customer_id == self.customer_id)
            and (self.customer_class is None or case.customer_class == self.customer_class)
        )


@dataclass(frozen=True)
class ReturnCase:
    """What the policy looks at for one returned line."""

    customer_id: int
    customer_class: AbcClass
    reason: ReturnReason
    days: int
    """Days from the delivery to the return (the day of delivery is day 0)."""
    item_id: int
    quantity: Decimal
    holding: Decimal
    """What the customer holds of the item from our deliveries, before this return."""


@dataclass(frozen=True)
class PolicyDecision:
    """What the policy says about one returned line, and why."""

    rule: str
    rate: Decimal | None
    days: int
    refused_quantity: Decimal = Decimal(0)
    """The part that must stay with the customer (minimum holding)."""

    @property
    def refused(self) -> bool:
        return self.rate is None or self.refused_quantity > 0

    def explain(self) -> DecisionText:
        """The sentence the form shows while typing."""
        if self.refused_quantity > 0:
            return DecisionText(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "Returned {days} days after delivery: rule '{rule}' — {kept} must stay with "
                    "the customer (minimum stock).",
                ),
                {"days": self.days, "rule": Term(self.rule), "kept": _qty(self.refused_quantity)},
            )
        if self.rate is None:
            return DecisionText(
                QT_TRANSLATE_NOOP(
                    "errors", "Returned {days} days after delivery: rule '{rule}' — refused."
                ),
                {"days": self.days, "rule": Term(self.rule)},
            )
        return DecisionText(
            QT_TRANSLATE_NOOP(
                "errors",
                "Returned {days} days after delivery: rule '{rule}' — {rate} % refunded.",
            ),
            {"days": self.days, "rule": Term(self.rule), "rate": _percent(self.rate)},
        )

    def refund(self, gross: Money) -> Money:
        """The refund for a returned value (0 when refused)."""
        if self.rate is None:
            return Money.zero()
        return Money.of(gross.amount * self.rate)


@dataclass(frozen=True)
class DecisionText:
    """A translatable template and its parameters (rendered by the UI or the printout)."""

    template: str
    params: Mapping[str, Any]

    def render(self, translate: Any = None) -> str:
        """The sentence, translated when ``translate(context, text)`` is given (the rule's
        name too, where it is one of the shipped ones)."""
        text = translate("errors", self.template) if translate else self.template
        params = {
            key: translate("terms", value) if translate and isinstance(value, Term) else value
            for key, value in self.params.items()
        }
        return text.format(**params)


NO_RULE = QT_TRANSLATE_NOOP("terms", "no rule matches")


@dataclass(frozen=True)
class ReturnPolicy:
    """The ordered rules and the minimum holdings; the first matching rule decides."""

    rules: tuple[PolicyRule, ...]
    minimums: tuple[MinimumHolding, ...] = ()

    def decide(self, case: ReturnCase) -> PolicyDecision:
        rule = next((r for r in self.rules if r.matches(case)), None)
        if rule is None:
            return PolicyDecision(NO_RULE, None, case.days)
        kept = self._kept(case)
        if kept > 0 and case.reason != ReturnReason.QUALITY_DEFECT:
            return PolicyDecision(rule.name, rule.rate, case.days, kept)
        return PolicyDecision(rule.name, rule.rate, case.days)

    def _kept(self, case: ReturnCase) -> Decimal:
        """How much of the returned quantity would take the holding below a minimum."""
        minimum = max((m.quantity for m in self.minimums if m.applies(case)), default=Decimal(0))
        returnable = max(Decimal(0), case.holding - minimum)
        return max(Decimal(0), case.quantity - returnable)

    # --- stored as JSON in the shop's settings ----------------------------------------

    def to_json(self) -> str:
        return json.dumps(
            {
                "rules": [_rule_dict(r) for r in self.rules],
                "minimums": [_minimum_dict(m) for m in self.minimums],
            },
            ensure_ascii=False,
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str) -> ReturnPolicy:
        """Read a stored policy; every fault names the rule and the field."""
        try:
            data = json.loads(text)
        except (TypeError, ValueError):
            raise FieldError(
                "policy", QT_TRANSLATE_NOOP("errors", "The return policy is not readable.")
            ) from None
        if not isinstance(data, dict):
            raise FieldError(
                "policy", QT_TRANSLATE_NOOP("errors", "The return policy is not readable.")
            )
        return clean_policy(data.get("rules") or [], data.get("minimums") or [])


def default_policy() -> ReturnPolicy:
    """What a new shop starts with (editable in Settings)."""
    return ReturnPolicy(
        (
            PolicyRule(
                QT_TRANSLATE_NOOP("terms", "quality defects: always in full"),
                FULL,
                frozenset({ReturnReason.QUALITY_DEFECT}),
            ),
            PolicyRule(
                QT_TRANSLATE_NOOP("terms", "our mistake (wrong goods, transit damage): in full"),
                FULL,
                frozenset({ReturnReason.WRONG_GOODS, ReturnReason.TRANSIT_DAMAGE}),
            ),
            PolicyRule(
                QT_TRANSLATE_NOOP("terms", "changed mind within 7 days: in full"),
                FULL,
                frozenset({ReturnReason.CHANGED_MIND}),
                to_day=7,
            ),
            PolicyRule(
                QT_TRANSLATE_NOOP("terms", "changed mind after 7 days: refused"),
                None,
                frozenset({ReturnReason.CHANGED_MIND}),
            ),
            PolicyRule(
                QT_TRANSLATE_NOOP("terms", "within 6 months (180 days): in full"),
                FULL,
                to_day=180,
            ),
            PolicyRule(
                QT_TRANSLATE_NOOP("terms", "after 6 months: 10 % packaging-loss deduction"),
                Decimal("0.9"),
                from_day=181,
            ),
        )
    )


def clean_policy(
    raw_rules: Sequence[Mapping[str, Any]], raw_minimums: Sequence[Mapping[str, Any]] = ()
) -> ReturnPolicy:
    """A policy from edited rows (``rules.<n>.<field>``, ``minimums.<n>.<field>``), every
    error at once; the last rule must match every return so nothing falls through."""
    errors: list[FieldError] = []
    rules = [_clean_rule(i, raw, errors) for i, raw in enumerate(raw_rules)]
    minimums = [_clean_minimum(i, raw, errors) for i, raw in enumerate(raw_minimums)]
    if not raw_rules:
        errors.append(
            FieldError(
                "rules", QT_TRANSLATE_NOOP("errors", "A return policy needs at least one rule.")
            )
        )
    if errors:
        raise ValidationError(errors)
    return ReturnPolicy(tuple(r for r in rules if r), tuple(m for m in minimums if m))


def _clean_rule(index: int, raw: Mapping[str, Any], errors: list[FieldError]) -> PolicyRule | None:
    prefix = f"rules.{index + 1}."
    before = len(errors)
    name = str(raw.get("name") or "").strip()
    if not name or len(name) > 80:
        errors.append(
            FieldError(
                prefix + "name",
                QT_TRANSLATE_NOOP("errors", "A rule needs a name of at most 80 characters."),
            )
        )
    rate = _rate(raw.get("rate"), prefix + "rate", errors)
    reasons = _reasons(raw.get("reasons") or (), prefix + "reasons", errors)
    from_day = _day(raw.get("from_day"), prefix + "from_day", errors)
    to_day = _day(raw.get("to_day"), prefix + "to_day", errors)
    if from_day is not None and to_day is not None and from_day > to_day:
        errors.append(
            FieldError(
                prefix + "to_day",
                QT_TRANSLATE_NOOP("errors", "The window ends before it begins ({start} > {end})."),
                start=from_day,
                end=to_day,
            )
        )
    customer_class = _class(raw.get("customer_class"), prefix + "customer_class", errors)
    customer_id = _id(raw.get("customer_id"), prefix + "customer_id", errors)
    if len(errors) > before:
        return None
    return PolicyRule(name, rate, reasons, from_day, to_day, customer_class, customer_id)


def _clean_minimum(
    index: int, raw: Mapping[str, Any], errors: list[FieldError]
) -> MinimumHolding | None:
    prefix = f"minimums.{index + 1}."
    before = len(errors)
    item_id = _id(raw.get("item_id"), prefix + "item_id", errors)
    if item_id is None and len(errors) == before:
        errors.append(
            FieldError(prefix + "item_id", QT_TRANSLATE_NOOP("errors", "Choose the item."))
        )
    quantity = _quantity(raw.get("quantity"), prefix + "quantity", errors)
    customer_id = _id(raw.get("customer_id"), prefix + "customer_id", errors)
    customer_class = _class(raw.get("customer_class"), prefix + "customer_class", errors)
    if len(errors) > before or item_id is None:
        return None
    return MinimumHolding(item_id, quantity, customer_id, customer_class)


def _rate(value: object, name: str, errors: list[FieldError]) -> Decimal | None:
    """A refund rate typed as a percentage (60) or a fraction (0.6); empty = refuse."""
    if value in (None, "", "refuse"):
        return None
    try:
        rate = Decimal(str(value).strip().rstrip("%"))
    except ArithmeticError:
        rate = Decimal(-1)
    if rate.is_finite() and rate > 1:
        rate = rate / 100
    if not rate.is_finite() or not Decimal(0) <= rate <= 1:
        errors.append(
            FieldError(
                name,
                QT_TRANSLATE_NOOP(
                    "errors", "A refund rate is between 0 and 100 %, or empty to refuse."
                ),
            )
        )
        return None
    return rate.quantize(Decimal("0.0001"))


def _reasons(value: object, name: str, errors: list[FieldError]) -> frozenset[ReturnReason]:
    items = [value] if isinstance(value, str) else value
    try:
        return frozenset(ReturnReason(str(r)) for r in items)  # type: ignore[union-attr]
    except (TypeError, ValueError):
        errors.append(
            FieldError(
                name,
                QT_TRANSLATE_NOOP("errors", "Unknown return reason; use one of {reasons}."),
                reasons=", ".join(r.value for r in ReturnReason),
            )
        )
        return frozenset()


def _day(value: object, name: str, errors: list[FieldError]) -> int | None:
    if value in (None, ""):
        return None
    if isinstance(value, bool) or not str(value).strip().isdigit() or int(str(value)) > 36500:
        errors.append(
            FieldError(
                name,
                QT_TRANSLATE_NOOP("errors", "Days after delivery are a whole number from 0."),
            )
        )
        return None
    return int(str(value))


def _id(value: object, name: str, errors: list[FieldError]) -> int | None:
    if value in (None, ""):
        return None
    if isinstance(value, bool) or not str(value).strip().isdigit() or int(str(value)) < 1:
        errors.append(FieldError(name, QT_TRANSLATE_NOOP("errors", "This is not a record.")))
        return None
    return int(str(value))


def _class(value: object, name: str, errors: list[FieldError]) -> AbcClass | None:
    if value in (None, ""):
        return None
    try:
        return AbcClass(str(value).upper())
    except ValueError:
        errors.append(
            FieldError(name, QT_TRANSLATE_NOOP("errors", "A customer class is A, B or C."))
        )
        return None


def _quantity(value: object, name: str, errors: list[FieldError]) -> Decimal:
    try:
        qty = Decimal(str(value).strip())
    except ArithmeticError:
        qty = Decimal(-1)
    if not qty.is_finite() or qty < 0 or qty > Decimal(10) ** 9:
        errors.append(
            FieldError(name, QT_TRANSLATE_NOOP("errors", "The quantity must be zero or more."))
        )
        return Decimal(0)
    return qty


def _rule_dict(rule: PolicyRule) -> dict[str, Any]:
    return {
        "name": rule.name,
        "rate": None if rule.rate is None else str(rule.rate),
        "reasons": sorted(r.value for r in rule.reasons),
        "from_day": rule.from_day,
        "to_day": rule.to_day,
        "customer_class": rule.customer_class.value if rule.customer_class else None,
        "customer_id": rule.customer_id,
    }


def _minimum_dict(minimum: MinimumHolding) -> dict[str, Any]:
    return {
        "item_id": minimum.item_id,
        "quantity": str(minimum.quantity),
        "customer_id": minimum.customer_id,
        "customer_class": minimum.customer_class.value if minimum.customer_class else None,
    }


def _qty(value: Decimal) -> str:
    return f"{value.normalize():f}"


def _percent(rate: Decimal) -> str:
    return f"{(rate * 100).normalize():f}"


# --- overriding the policy ------------------------------------------------------------------


@dataclass(frozen=True)
class RefundChoice:
    """What the clerk asks for one line: the policy's rate unless a different one is given."""

    decision: PolicyDecision
    rate: Decimal | None = None

    @property
    def effective_rate(self) -> Decimal:
        if self.rate is not None:
            return self.rate
        return self.decision.rate if self.decision.rate is not None else Decimal(0)

    @property
    def needs_override(self) -> bool:
        """A refusal that is to be accepted anyway, or a refund better than the policy."""
        if self.decision.refused:
            return self.rate is None or self.rate > 0 or self.decision.refused_quantity > 0
        return self.rate is not None and self.rate > (self.decision.rate or Decimal(0))


def policy_refusal(line_no: int, decision: PolicyDecision) -> OverridableRefusal:
    """The refusal of one return line that only an owner may override, with a reason."""
    text = decision.explain()
    return OverridableRefusal(
        QT_TRANSLATE_NOOP(
            "errors",
            "Line {n}: {decision} An owner may accept it anyway, with a reason.",
        ),
        n=line_no,
        decision=text.render(),
        field=f"lines.{line_no}.quantity",
    )


@dataclass(frozen=True)
class ReturnPolicyPreview:
    """The policy's answer for every line of a return being typed."""

    lines: list[PolicyDecision] = field(default_factory=list)

    @property
    def any_refused(self) -> bool:
        return any(d.refused for d in self.lines)
