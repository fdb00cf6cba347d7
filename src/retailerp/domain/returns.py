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
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from retailerp.domain.customers import AbcClass
from retailerp.domain.errors import FieldError, OverridableRefusal, ValidationError
from retailerp.domain.money import LineAmounts, Money, check_quantity, line_amounts, total
from retailerp.domain.stock import StockMove
from retailerp.domain.text import QT_TRANSLATE_NOOP, Term
from retailerp.domain.workflow import Workflow


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
    rate = clean_rate(raw.get("rate"), prefix + "rate", errors)
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


def clean_rate(value: object, name: str, errors: list[FieldError]) -> Decimal | None:
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


# --- the return document (退货单) -------------------------------------------------------------


class ReturnState(StrEnum):
    DRAFT = "draft"
    POSTED = "posted"
    CANCELLED = "cancelled"
    REVERSED = "reversed"


class ReturnAction(StrEnum):
    EDIT = "edit"
    POST = "post"
    CANCEL = "cancel"
    REVERSE = "reverse"


RETURN_FLOW: Workflow[ReturnState, ReturnAction] = Workflow(
    Term(QT_TRANSLATE_NOOP("terms", "Return")),
    {
        (ReturnState.DRAFT, ReturnAction.EDIT): frozenset({ReturnState.DRAFT}),
        (ReturnState.DRAFT, ReturnAction.POST): frozenset({ReturnState.POSTED}),
        (ReturnState.DRAFT, ReturnAction.CANCEL): frozenset({ReturnState.CANCELLED}),
        (ReturnState.POSTED, ReturnAction.REVERSE): frozenset({ReturnState.REVERSED}),
    },
    {
        ReturnState.DRAFT: Term(QT_TRANSLATE_NOOP("terms", "draft")),
        ReturnState.POSTED: Term(QT_TRANSLATE_NOOP("terms", "posted")),
        ReturnState.CANCELLED: Term(QT_TRANSLATE_NOOP("terms", "cancelled")),
        ReturnState.REVERSED: Term(QT_TRANSLATE_NOOP("terms", "reversed")),
    },
    {
        ReturnAction.EDIT: Term(QT_TRANSLATE_NOOP("terms", "edit")),
        ReturnAction.POST: Term(QT_TRANSLATE_NOOP("terms", "post")),
        ReturnAction.CANCEL: Term(QT_TRANSLATE_NOOP("terms", "cancel")),
        ReturnAction.REVERSE: Term(QT_TRANSLATE_NOOP("terms", "reverse")),
    },
)
"""A return is typed as a draft, posted (the goods move) or cancelled; a posted return is
undone only by a reversal document, which leaves it *reversed*."""


@dataclass(frozen=True)
class Returnable:
    """One delivered line as a return sees it: what went out and what already came back."""

    delivery_line_id: int
    item_id: int
    delivered: Decimal
    returned: Decimal
    unit_price: Money
    vat_rate: Decimal
    discount: Decimal
    batch: str = ""
    serial: str = ""
    expiry: date | None = None

    @property
    def open(self) -> Decimal:
        return self.delivered - self.returned


@dataclass(eq=False)
class ReturnLine:
    delivery_line_id: int
    item_id: int
    quantity: Decimal
    unit_price: Money
    vat_rate: Decimal
    discount: Decimal
    condition: ReturnCondition
    batch: str = ""
    serial: str = ""
    expiry: date | None = None
    rule: str = ""
    refund_rate: Decimal = Decimal(0)
    refund: Money = field(default_factory=Money.zero)
    location_id: int | None = None
    """Where the goods go: set when the return is posted (see :func:`destinations`)."""
    line_no: int = 0
    id: int | None = None
    return_id: int | None = None

    @property
    def amounts(self) -> LineAmounts:
        return line_amounts(self.quantity, self.unit_price, self.vat_rate, self.discount)


@dataclass(eq=False)
class ReturnDocument:
    """A return of goods from one delivery of one customer."""

    number: str
    customer_id: int
    delivery_id: int
    reason: ReturnReason
    received_by: str
    return_date: date
    state: ReturnState = ReturnState.DRAFT
    note: str = ""
    override_by: str = ""
    override_reason: str = ""
    lines: list[ReturnLine] = field(default_factory=list)
    created_by: str = ""
    posted_at: datetime | None = None
    id: int | None = None
    version: int = 1

    @property
    def totals(self) -> LineAmounts:
        return total([line.amounts for line in self.lines])

    @property
    def refund(self) -> Money:
        return sum((line.refund for line in self.lines), Money.zero())

    def move(self, action: ReturnAction) -> None:
        self.state = RETURN_FLOW.move(self.state, action, self.number)


def clean_return_lines(
    raw_lines: Sequence[Mapping[str, Any]], returnable: Mapping[int, Returnable]
) -> list[ReturnLine]:
    """Check every line at once (``lines.<n>.<field>``): the line must be one of the
    delivery's, at most what is still open, the batch or serial the one delivered, and each
    delivery line returned once per return."""
    errors: list[FieldError] = []
    lines: list[ReturnLine] = []
    seen: set[int] = set()
    if not raw_lines:
        errors.append(
            FieldError("lines", QT_TRANSLATE_NOOP("errors", "A return needs at least one line."))
        )
    for index, raw in enumerate(raw_lines):
        try:
            line = _clean_return_line(index, raw, returnable, seen)
        except FieldError as error:
            errors.append(error)
            continue
        seen.add(line.delivery_line_id)
        lines.append(line)
    if errors:
        raise ValidationError(errors)
    return lines


def _clean_return_line(
    index: int, raw: Mapping[str, Any], returnable: Mapping[int, Returnable], seen: set[int]
) -> ReturnLine:
    prefix = f"lines.{index + 1}."
    source = returnable.get(_as_id(raw.get("delivery_line_id")))
    if source is None:
        raise FieldError(
            prefix + "delivery_line_id",
            QT_TRANSLATE_NOOP("errors", "This line is not one of the delivery's lines."),
        )
    if source.delivery_line_id in seen:
        raise FieldError(
            prefix + "delivery_line_id",
            QT_TRANSLATE_NOOP("errors", "This delivery line is already on the return."),
        )
    qty = check_quantity(raw.get("quantity"), prefix + "quantity")
    if qty > source.open:
        raise FieldError(
            prefix + "quantity",
            QT_TRANSLATE_NOOP(
                "errors",
                "At most {open} can come back: {delivered} delivered, {returned} returned already.",
            ),
            open=_qty(source.open),
            delivered=_qty(source.delivered),
            returned=_qty(source.returned),
        )
    _check_same_goods(prefix, raw, source)
    try:
        condition = ReturnCondition(str(raw.get("condition") or ReturnCondition.RESELLABLE))
    except ValueError:
        raise FieldError(
            prefix + "condition",
            QT_TRANSLATE_NOOP("errors", "The condition is resellable, defective or scrap."),
        ) from None
    return ReturnLine(
        delivery_line_id=source.delivery_line_id,
        item_id=source.item_id,
        quantity=qty,
        unit_price=source.unit_price,
        vat_rate=source.vat_rate,
        discount=source.discount,
        condition=condition,
        batch=source.batch,
        serial=source.serial,
        expiry=source.expiry,
        line_no=index + 1,
    )


def _check_same_goods(prefix: str, raw: Mapping[str, Any], source: Returnable) -> None:
    """A batch or serial typed or scanned on the return must be the one that was delivered."""
    for key, delivered in (("batch", source.batch), ("serial", source.serial)):
        given = str(raw.get(key) or "").strip()
        if given and given != delivered:
            raise FieldError(
                prefix + key,
                QT_TRANSLATE_NOOP(
                    "errors",
                    "{given} was not delivered on this line (it delivered {delivered}).",
                ),
                given=given,
                delivered=delivered or "—",
            )


def scanned_line(returnable: Mapping[int, Returnable], code: str) -> Returnable | None:
    """The delivered line of a serial (or batch) typed or scanned on the return form: the
    line that carries that serial, or the first line of that batch with something still
    returnable; ``None`` when no line of the delivery carries it.  A serial that came back
    already is refused naming it."""
    key = code.strip().upper()
    if not key:
        raise FieldError(
            "serial", QT_TRANSLATE_NOOP("errors", "Scan or type a serial or batch number.")
        )
    for source in returnable.values():
        if source.serial and source.serial.upper() == key:
            if source.open <= 0:
                raise FieldError(
                    "serial",
                    QT_TRANSLATE_NOOP(
                        "errors", "Serial {serial} has come back already: it is returned once."
                    ),
                    serial=source.serial,
                )
            return source
    batch = [r for r in returnable.values() if r.batch and r.batch.upper() == key]
    return next((r for r in batch if r.open > 0), batch[0] if batch else None)


def not_delivered(code: str, delivery: str, elsewhere: str | None) -> FieldError:
    """A scanned serial or batch that is not on the delivery: delivered to this customer on
    another delivery (``elsewhere``), or never delivered to this customer at all."""
    if elsewhere:
        return FieldError(
            "serial",
            QT_TRANSLATE_NOOP(
                "errors",
                "{code} is not on delivery {delivery}: it was delivered to this customer on "
                "{other}. Return it against that delivery.",
            ),
            code=code.strip(),
            delivery=delivery,
            other=elsewhere,
        )
    return FieldError(
        "serial",
        QT_TRANSLATE_NOOP(
            "errors",
            "{code} was never delivered to this customer: only a serial or batch that went to "
            "this customer can come back.",
        ),
        code=code.strip(),
    )


def _as_id(value: object) -> int:
    if isinstance(value, bool):
        return 0
    if isinstance(value, int):
        return value
    text = str(value or "").strip()
    return int(text) if text.isdigit() else 0


def apply_policy(
    document: ReturnDocument, decisions: Sequence[RefundChoice], override_reason: str
) -> list[OverridableRefusal]:
    """Set each line's rule, rate and refund from the policy (or the clerk's rate); the
    refusals that need an owner's override are returned when no reason is given."""
    refusals = []
    for line, choice in zip(document.lines, decisions, strict=True):
        line.rule = choice.decision.rule
        line.refund_rate = choice.effective_rate
        line.refund = Money.of(line.amounts.gross.amount * line.refund_rate)
        if choice.needs_override and not override_reason.strip():
            refusals.append(policy_refusal(line.line_no, choice.decision))
    return refusals


def set_destinations(
    document: ReturnDocument,
    picked_from: Mapping[int, int],
    quarantine_id: int,
    scrap_id: int,
    resellable_to: int | None = None,
) -> None:
    """Where each line goes: resellable goods back to ``resellable_to`` if given, else to the
    place they were picked from (delivery line id → location id); defective goods to
    quarantine; scrap to scrap."""
    for line in document.lines:
        if line.condition == ReturnCondition.DEFECTIVE:
            line.location_id = quarantine_id
        elif line.condition == ReturnCondition.SCRAP:
            line.location_id = scrap_id
        else:
            line.location_id = resellable_to or picked_from[line.delivery_line_id]


def return_moves(
    document: ReturnDocument, customers_location_id: int, user: str, at: datetime
) -> list[StockMove]:
    """Posting moves the goods from the customers' end to where their condition sends them."""
    return [
        StockMove(
            item_id=line.item_id,
            quantity=line.quantity,
            from_location_id=customers_location_id,
            to_location_id=line.location_id or 0,
            doc_type="RT",
            doc_number=document.number,
            user=user,
            at=at,
            batch=line.batch,
            serial=line.serial,
            expiry=line.expiry,
        )
        for line in document.lines
    ]


@dataclass(frozen=True)
class ReturnRate:
    """How often a customer sends goods back: returned net / delivered net."""

    delivered: Money
    returned: Money
    threshold: Decimal

    @property
    def rate(self) -> Decimal:
        if self.delivered.minor <= 0:
            return Decimal(0)
        return (self.returned.amount / self.delivered.amount).quantize(Decimal("0.0001"))

    @property
    def frequent(self) -> bool:
        """Flagged on the customer card and the order form."""
        return self.delivered.minor > 0 and self.returned.amount > self.delivered.amount * (
            self.threshold
        )
