"""Complaint tickets (客户投诉信息反馈单): severity, deadlines, the flow and its approvals.

A ticket records what the customer complains about and moves through the complaint flow
(:data:`COMPLAINT_FLOW`).  Its severity is suggested from the amount at stake and the reach
(how many customers or outlets are touched) by thresholds the shop may change, and may be
changed by hand with a reason.  The severity sets three deadlines counted from receipt in
working time: *report* (the responsible head knows; the ticket is acknowledged), *response*
(someone is with the customer; the investigation starts) and *resolution*.  A-class
customers get a fraction of each.  Minor tickets need no approval, general ones the
manager's (``complaints.approve``), major and critical ones the owner's.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import ROUND_FLOOR, Decimal
from enum import IntEnum, StrEnum
from typing import TypeVar

from retailerp.domain import validation as v
from retailerp.domain.customers import AbcClass
from retailerp.domain.errors import FieldError, PermissionDenied, StateError, ValidationError
from retailerp.domain.money import Money, check_quantity
from retailerp.domain.security import Actor, Permission
from retailerp.domain.text import QT_TRANSLATE_NOOP, Term
from retailerp.domain.workflow import Workflow
from retailerp.domain.working_time import OpeningHours

TICKET = Term(QT_TRANSLATE_NOOP("terms", "Complaint"))


class Channel(StrEnum):
    PHONE = "phone"
    VISIT = "visit"
    LETTER = "letter"
    ONLINE = "online"
    FORWARDED = "forwarded"


CHANNEL_LABELS = {
    Channel.PHONE: Term(QT_TRANSLATE_NOOP("terms", "phone")),
    Channel.VISIT: Term(QT_TRANSLATE_NOOP("terms", "visit")),
    Channel.LETTER: Term(QT_TRANSLATE_NOOP("terms", "letter")),
    Channel.ONLINE: Term(QT_TRANSLATE_NOOP("terms", "online")),
    Channel.FORWARDED: Term(QT_TRANSLATE_NOOP("terms", "forwarded")),
}


class Severity(StrEnum):
    MINOR = "minor"
    GENERAL = "general"
    MAJOR = "major"
    CRITICAL = "critical"


SEVERITY_ORDER = [Severity.MINOR, Severity.GENERAL, Severity.MAJOR, Severity.CRITICAL]

SEVERITY_LABELS = {
    Severity.MINOR: Term(QT_TRANSLATE_NOOP("terms", "minor")),
    Severity.GENERAL: Term(QT_TRANSLATE_NOOP("terms", "general")),
    Severity.MAJOR: Term(QT_TRANSLATE_NOOP("terms", "major")),
    Severity.CRITICAL: Term(QT_TRANSLATE_NOOP("terms", "critical")),
}


class Resolution(StrEnum):
    """What the customer asks for, and what the shop settles on."""

    RETURN = "return"
    EXCHANGE = "exchange"
    REPLACEMENT = "replacement"
    COMPENSATION = "compensation"
    ALLOWANCE = "allowance"
    DAMAGES = "damages"
    ON_SITE = "on_site"
    EXPLANATION = "explanation"


RESOLUTION_LABELS = {
    Resolution.RETURN: Term(QT_TRANSLATE_NOOP("terms", "return")),
    Resolution.EXCHANGE: Term(QT_TRANSLATE_NOOP("terms", "exchange")),
    Resolution.REPLACEMENT: Term(QT_TRANSLATE_NOOP("terms", "free replacement")),
    Resolution.COMPENSATION: Term(QT_TRANSLATE_NOOP("terms", "in-kind compensation")),
    Resolution.ALLOWANCE: Term(QT_TRANSLATE_NOOP("terms", "price allowance")),
    Resolution.DAMAGES: Term(QT_TRANSLATE_NOOP("terms", "damages")),
    Resolution.ON_SITE: Term(QT_TRANSLATE_NOOP("terms", "on-site service")),
    Resolution.EXPLANATION: Term(QT_TRANSLATE_NOOP("terms", "explanation only")),
}


class CauseCategory(StrEnum):
    PRODUCT = "product"
    SUPPLIER = "supplier"
    STORAGE = "storage"
    TRANSPORT = "transport"
    SERVICE = "service"
    CUSTOMER_USE = "customer_use"
    OTHER = "other"


CAUSE_LABELS = {
    CauseCategory.PRODUCT: Term(QT_TRANSLATE_NOOP("terms", "product quality")),
    CauseCategory.SUPPLIER: Term(QT_TRANSLATE_NOOP("terms", "supplier")),
    CauseCategory.STORAGE: Term(QT_TRANSLATE_NOOP("terms", "storage")),
    CauseCategory.TRANSPORT: Term(QT_TRANSLATE_NOOP("terms", "transport")),
    CauseCategory.SERVICE: Term(QT_TRANSLATE_NOOP("terms", "service")),
    CauseCategory.CUSTOMER_USE: Term(QT_TRANSLATE_NOOP("terms", "customer's use")),
    CauseCategory.OTHER: Term(QT_TRANSLATE_NOOP("terms", "other")),
}


# --- the flow ----------------------------------------------------------------------------


class TicketState(StrEnum):
    RECEIVED = "received"
    ACKNOWLEDGED = "acknowledged"
    INVESTIGATING = "investigating"
    PROPOSED = "proposed"
    APPROVED = "approved"
    ACCEPTED = "accepted"
    EXECUTING = "executing"
    RESOLVED = "resolved"
    FOLLOW_UP = "follow_up"
    CLOSED = "closed"
    REJECTED = "rejected"


class TicketAction(StrEnum):
    ACKNOWLEDGE = "acknowledge"
    INVESTIGATE = "investigate"
    PROPOSE = "propose"
    APPROVE = "approve"
    ACCEPT = "accept"
    REVISE = "revise"
    EXECUTE = "execute"
    RESOLVE = "resolve"
    FOLLOW_UP = "follow_up"
    CLOSE = "close"
    REJECT = "reject"
    REOPEN = "reopen"


S, A = TicketState, TicketAction
_OPEN_BEFORE_SOLUTION = (S.RECEIVED, S.ACKNOWLEDGED, S.INVESTIGATING, S.PROPOSED, S.APPROVED)

COMPLAINT_FLOW: Workflow[TicketState, TicketAction] = Workflow(
    TICKET,
    {
        (S.RECEIVED, A.ACKNOWLEDGE): frozenset({S.ACKNOWLEDGED}),
        (S.ACKNOWLEDGED, A.INVESTIGATE): frozenset({S.INVESTIGATING}),
        (S.INVESTIGATING, A.PROPOSE): frozenset({S.PROPOSED}),
        (S.PROPOSED, A.APPROVE): frozenset({S.APPROVED}),
        (S.PROPOSED, A.ACCEPT): frozenset({S.ACCEPTED}),
        (S.APPROVED, A.ACCEPT): frozenset({S.ACCEPTED}),
        (S.PROPOSED, A.REVISE): frozenset({S.INVESTIGATING}),
        (S.APPROVED, A.REVISE): frozenset({S.INVESTIGATING}),
        (S.ACCEPTED, A.EXECUTE): frozenset({S.EXECUTING}),
        (S.EXECUTING, A.RESOLVE): frozenset({S.RESOLVED}),
        (S.RESOLVED, A.FOLLOW_UP): frozenset({S.FOLLOW_UP}),
        (S.FOLLOW_UP, A.CLOSE): frozenset({S.CLOSED}),
        **{(state, A.REJECT): frozenset({S.REJECTED}) for state in _OPEN_BEFORE_SOLUTION},
        (S.RESOLVED, A.REOPEN): frozenset({S.INVESTIGATING}),
        (S.FOLLOW_UP, A.REOPEN): frozenset({S.INVESTIGATING}),
        (S.CLOSED, A.REOPEN): frozenset({S.INVESTIGATING}),
        (S.REJECTED, A.REOPEN): frozenset({S.INVESTIGATING}),
    },
    {
        S.RECEIVED: Term(QT_TRANSLATE_NOOP("terms", "received")),
        S.ACKNOWLEDGED: Term(QT_TRANSLATE_NOOP("terms", "acknowledged")),
        S.INVESTIGATING: Term(QT_TRANSLATE_NOOP("terms", "investigating")),
        S.PROPOSED: Term(QT_TRANSLATE_NOOP("terms", "solution proposed")),
        S.APPROVED: Term(QT_TRANSLATE_NOOP("terms", "approved")),
        S.ACCEPTED: Term(QT_TRANSLATE_NOOP("terms", "accepted by the customer")),
        S.EXECUTING: Term(QT_TRANSLATE_NOOP("terms", "executing")),
        S.RESOLVED: Term(QT_TRANSLATE_NOOP("terms", "resolved")),
        S.FOLLOW_UP: Term(QT_TRANSLATE_NOOP("terms", "follow-up")),
        S.CLOSED: Term(QT_TRANSLATE_NOOP("terms", "closed")),
        S.REJECTED: Term(QT_TRANSLATE_NOOP("terms", "rejected")),
    },
    {
        A.ACKNOWLEDGE: Term(QT_TRANSLATE_NOOP("terms", "acknowledge")),
        A.INVESTIGATE: Term(QT_TRANSLATE_NOOP("terms", "start investigating")),
        A.PROPOSE: Term(QT_TRANSLATE_NOOP("terms", "propose a solution")),
        A.APPROVE: Term(QT_TRANSLATE_NOOP("terms", "approve the solution")),
        A.ACCEPT: Term(QT_TRANSLATE_NOOP("terms", "record the customer's acceptance")),
        A.REVISE: Term(QT_TRANSLATE_NOOP("terms", "revise the solution")),
        A.EXECUTE: Term(QT_TRANSLATE_NOOP("terms", "start executing")),
        A.RESOLVE: Term(QT_TRANSLATE_NOOP("terms", "resolve")),
        A.FOLLOW_UP: Term(QT_TRANSLATE_NOOP("terms", "record the follow-up")),
        A.CLOSE: Term(QT_TRANSLATE_NOOP("terms", "close")),
        A.REJECT: Term(QT_TRANSLATE_NOOP("terms", "reject")),
        A.REOPEN: Term(QT_TRANSLATE_NOOP("terms", "reopen")),
    },
)
"""The complaint flow.  Approval is asked only where the severity needs it (see
:func:`approval_needed`); a customer who declines sends the ticket back to investigating
(*revise*); a rejected or finished ticket can be reopened."""

OPEN_STATES = frozenset(TicketState) - {S.CLOSED, S.REJECTED}
ACTIONS_NEEDING_REASON = frozenset({A.REJECT, A.REOPEN, A.REVISE})


# --- approval ----------------------------------------------------------------------------


class Approver(IntEnum):
    NOBODY = 0
    MANAGER = 1
    OWNER = 2


APPROVER_LABELS = {
    Approver.NOBODY: Term(QT_TRANSLATE_NOOP("terms", "nobody")),
    Approver.MANAGER: Term(QT_TRANSLATE_NOOP("terms", "the manager")),
    Approver.OWNER: Term(QT_TRANSLATE_NOOP("terms", "the owner")),
}

APPROVAL_BY_SEVERITY = {
    Severity.MINOR: Approver.NOBODY,
    Severity.GENERAL: Approver.MANAGER,
    Severity.MAJOR: Approver.OWNER,
    Severity.CRITICAL: Approver.OWNER,
}


def approval_needed(severity: Severity) -> Approver:
    return APPROVAL_BY_SEVERITY[severity]


def may_approve(actor: Actor, severity: Severity) -> bool:
    needed = approval_needed(severity)
    if needed is Approver.OWNER:
        return actor.is_owner
    return actor.may(Permission.APPROVE_COMPLAINTS)


def require_approver(actor: Actor, severity: Severity) -> None:
    if not may_approve(actor, severity):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP(
                "errors",
                "A {severity} complaint's solution is approved by {approver}; {user} may not.",
            ),
            severity=SEVERITY_LABELS[severity],
            approver=APPROVER_LABELS[approval_needed(severity)],
            user=actor.username,
        )


# --- severity ----------------------------------------------------------------------------


@dataclass(frozen=True)
class SeverityThresholds:
    """From which amount at stake, or how many customers reached, each severity starts."""

    amounts: Mapping[Severity, Money] = field(
        default_factory=lambda: {
            Severity.GENERAL: Money.of("500"),
            Severity.MAJOR: Money.of("5000"),
            Severity.CRITICAL: Money.of("50000"),
        }
    )
    reach: Mapping[Severity, int] = field(
        default_factory=lambda: {Severity.GENERAL: 2, Severity.MAJOR: 5, Severity.CRITICAL: 20}
    )

    def suggest(self, amount: Money, reach: int) -> Severity:
        """The highest severity whose amount or reach threshold is met."""
        suggested = Severity.MINOR
        for severity in SEVERITY_ORDER[1:]:
            by_amount = severity in self.amounts and amount >= self.amounts[severity]
            by_reach = severity in self.reach and reach >= self.reach[severity]
            if by_amount or by_reach:
                suggested = severity
        return suggested

    def to_json(self) -> str:
        return json.dumps(
            {
                "amounts": {s.value: str(m.amount) for s, m in self.amounts.items()},
                "reach": {s.value: n for s, n in self.reach.items()},
            }
        )

    @classmethod
    def from_json(cls, text: str) -> SeverityThresholds:
        raw = json.loads(text)
        return cls(
            {Severity(k): Money.of(v) for k, v in raw.get("amounts", {}).items()},
            {Severity(k): int(v) for k, v in raw.get("reach", {}).items()},
        )


# --- deadlines ---------------------------------------------------------------------------


class Deadline(StrEnum):
    REPORT = "report"
    RESPONSE = "response"
    RESOLUTION = "resolution"


DEADLINE_LABELS = {
    Deadline.REPORT: Term(QT_TRANSLATE_NOOP("terms", "report")),
    Deadline.RESPONSE: Term(QT_TRANSLATE_NOOP("terms", "response")),
    Deadline.RESOLUTION: Term(QT_TRANSLATE_NOOP("terms", "resolution")),
}


@dataclass(frozen=True)
class DeadlineRule:
    """Working minutes from receipt until the report, the response and the resolution."""

    report: int
    response: int
    resolution: int

    def minutes(self, which: Deadline) -> int:
        return {
            Deadline.REPORT: self.report,
            Deadline.RESPONSE: self.response,
            Deadline.RESOLUTION: self.resolution,
        }[which]


DEFAULT_RULES = {
    Severity.MINOR: DeadlineRule(10, 20, 120),
    Severity.GENERAL: DeadlineRule(10, 20, 12 * 60),
    Severity.MAJOR: DeadlineRule(10, 60, 48 * 60),
    Severity.CRITICAL: DeadlineRule(5, 30, 24 * 60),
}
"""After the source procedure: a minor or general complaint reaches the head within 10
minutes, who is with the customer 10 minutes later; minor ones are settled within 2 hours,
general ones within 12; major and critical ones go to the owner at once."""


@dataclass(frozen=True)
class Deadlines:
    report: datetime
    response: datetime
    resolution: datetime

    def of(self, which: Deadline) -> datetime:
        return {
            Deadline.REPORT: self.report,
            Deadline.RESPONSE: self.response,
            Deadline.RESOLUTION: self.resolution,
        }[which]


@dataclass(frozen=True)
class DeadlinePolicy:
    rules: Mapping[Severity, DeadlineRule] = field(default_factory=lambda: dict(DEFAULT_RULES))
    a_class_share: Decimal = Decimal("0.5")
    """A-class customers get this share of every deadline (rounded down to whole minutes)."""
    amber_share: Decimal = Decimal("0.25")
    """Time left turns amber when less than this share of the deadline's span remains."""

    def rule(self, severity: Severity, abc: AbcClass | None) -> DeadlineRule:
        base = self.rules[severity]
        if abc is not AbcClass.A:
            return base
        share = self.a_class_share
        return DeadlineRule(
            int(base.report * share), int(base.response * share), int(base.resolution * share)
        )

    def deadlines(
        self,
        severity: Severity,
        abc: AbcClass | None,
        received: datetime,
        hours: OpeningHours,
    ) -> Deadlines:
        rule = self.rule(severity, abc)
        return Deadlines(
            hours.add(received, rule.report),
            hours.add(received, rule.response),
            hours.add(received, rule.resolution),
        )

    def to_json(self) -> str:
        return json.dumps(
            {
                "rules": {
                    s.value: [r.report, r.response, r.resolution] for s, r in self.rules.items()
                },
                "a_class_share": str(self.a_class_share),
                "amber_share": str(self.amber_share),
            }
        )

    @classmethod
    def from_json(cls, text: str) -> DeadlinePolicy:
        raw = json.loads(text)
        rules = dict(DEFAULT_RULES)
        rules.update({Severity(k): DeadlineRule(*map(int, v)) for k, v in raw["rules"].items()})
        return cls(
            rules,
            Decimal(raw.get("a_class_share", "0.5")),
            Decimal(raw.get("amber_share", "0.25")),
        )


class TimeStatus(StrEnum):
    ON_TIME = "on_time"
    AMBER = "amber"
    RED = "red"
    DONE = "done"


def current_deadline(state: TicketState) -> Deadline | None:
    """Which deadline a ticket in ``state`` is running against (None once resolved)."""
    if state is S.RECEIVED:
        return Deadline.REPORT
    if state is S.ACKNOWLEDGED:
        return Deadline.RESPONSE
    if state in (S.INVESTIGATING, S.PROPOSED, S.APPROVED, S.ACCEPTED, S.EXECUTING):
        return Deadline.RESOLUTION
    return None


@dataclass(frozen=True)
class TimeLeft:
    deadline: Deadline | None
    due: datetime | None
    minutes: int
    """Working minutes left (negative: overdue by that much)."""
    status: TimeStatus

    @property
    def overdue(self) -> bool:
        return self.status is TimeStatus.RED


def time_left(
    state: TicketState,
    received: datetime,
    deadlines: Deadlines,
    now: datetime,
    hours: OpeningHours,
    amber_share: Decimal = Decimal("0.25"),
) -> TimeLeft:
    """Time left against the deadline the state runs against; red once past it (a ticket
    exactly at its deadline is still on time), amber in the last ``amber_share`` of its span."""
    which = current_deadline(state)
    if which is None:
        return TimeLeft(None, None, 0, TimeStatus.DONE)
    due = deadlines.of(which)
    left = hours.between(now, due)
    if now > due:
        return TimeLeft(which, due, min(left, -1) if left >= 0 else left, TimeStatus.RED)
    span = max(1, hours.between(received, due))
    status = TimeStatus.AMBER if Decimal(left) < amber_share * span else TimeStatus.ON_TIME
    return TimeLeft(which, due, left, status)


def escalation_level(state: TicketState, deadlines: Deadlines, now: datetime) -> Approver:
    """Who an open ticket is escalated to: the assignee's manager once its report or
    response deadline has passed unmet, the owner once its resolution deadline has."""
    if state not in OPEN_STATES or current_deadline(state) is None:
        return Approver.NOBODY
    if now > deadlines.resolution:
        return Approver.OWNER
    which = current_deadline(state)
    if which is not None and now > deadlines.of(which):
        return Approver.MANAGER
    return Approver.NOBODY


# --- the ticket --------------------------------------------------------------------------


@dataclass(eq=False)
class HistoryEntry:
    """One change of a ticket: who, when, from which state to which, and why."""

    at: datetime
    username: str
    action: str
    from_state: str
    to_state: str
    note: str = ""
    id: int | None = None
    ticket_id: int | None = None


@dataclass(eq=False)
class ResolutionDocument:
    """A document a resolution created (return, order, credit, visit) and its state."""

    kind: Resolution
    document_kind: str
    number: str
    amount: Money = field(default_factory=Money.zero)
    created_by: str = ""
    created_at: datetime | None = None
    note: str = ""
    id: int | None = None
    ticket_id: int | None = None


@dataclass(eq=False)
class Ticket:
    number: str
    customer_id: int
    channel: Channel
    received_at: datetime
    description: str
    severity: Severity
    report_due: datetime
    response_due: datetime
    resolution_due: datetime
    state: TicketState = TicketState.RECEIVED
    order_id: int | None = None
    delivery_id: int | None = None
    invoice_id: int | None = None
    item_id: int | None = None
    batch: str = ""
    serial: str = ""
    quantity: Decimal = Decimal(0)
    ship_date: date | None = None
    requested: Resolution = Resolution.EXPLANATION
    amount: Money = field(default_factory=Money.zero)
    reach: int = 1
    assignee: str = ""
    related: str = ""
    severity_suggested: Severity = Severity.MINOR
    severity_reason: str = ""
    solution: str = ""
    approved_by: str = ""
    escalated_to: int = 0
    acknowledged_at: datetime | None = None
    responded_at: datetime | None = None
    resolved_at: datetime | None = None
    closed_at: datetime | None = None
    reject_reason: str = ""
    cause_category: str = ""
    root_cause: str = ""
    corrective_action: str = ""
    preventive_action: str = ""
    action_owner: str = ""
    action_due: date | None = None
    verified_by: str = ""
    verified_on: date | None = None
    effective: bool | None = None
    satisfaction: int | None = None
    follow_up_comment: str = ""
    created_by: str = ""
    history: list[HistoryEntry] = field(default_factory=list)
    resolutions: list[ResolutionDocument] = field(default_factory=list)
    id: int | None = None
    version: int = 1

    @property
    def deadlines(self) -> Deadlines:
        return Deadlines(self.report_due, self.response_due, self.resolution_due)

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    def move(self, action: TicketAction, actor: Actor, at: datetime, note: str = "") -> None:
        """Apply ``action`` as the table says; approval, reasons and stamps are checked here.

        The resolve step's check on the documents is :func:`check_documents_done` (the
        service knows the documents' states)."""
        before = self.state
        target = COMPLAINT_FLOW.move(self.state, action, self.number)
        note = note.strip()
        if action in ACTIONS_NEEDING_REASON and not note:
            raise FieldError(
                "reason",
                QT_TRANSLATE_NOOP("errors", "Say why: {action} needs a reason."),
                action=COMPLAINT_FLOW.action_labels[action],
            )
        self._check_step(action, actor)
        self._stamp(action, actor, at, note)
        self.state = target
        self.history.append(
            HistoryEntry(at, actor.username, action.value, before.value, target.value, note[:500])
        )

    def _check_step(self, action: TicketAction, actor: Actor) -> None:
        if action is A.APPROVE:
            if approval_needed(self.severity) is Approver.NOBODY:
                raise StateError(
                    QT_TRANSLATE_NOOP(
                        "errors", "A {severity} complaint's solution needs no approval."
                    ),
                    severity=SEVERITY_LABELS[self.severity],
                )
            require_approver(actor, self.severity)
        elif action is A.ACCEPT and self.state is S.PROPOSED:
            needed = approval_needed(self.severity)
            if needed is not Approver.NOBODY:
                raise StateError(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "Complaint {number} is {severity}: {approver} approves the solution "
                        "before the customer accepts it.",
                    ),
                    number=self.number,
                    severity=SEVERITY_LABELS[self.severity],
                    approver=APPROVER_LABELS[needed],
                )
        elif action is A.PROPOSE and not self.solution.strip():
            raise FieldError(
                "solution", QT_TRANSLATE_NOOP("errors", "Describe the proposed solution first.")
            )
        elif action is A.FOLLOW_UP and self.satisfaction is None:
            raise FieldError(
                "satisfaction",
                QT_TRANSLATE_NOOP("errors", "Record the customer's satisfaction (1 to 5) first."),
            )

    def _stamp(self, action: TicketAction, actor: Actor, at: datetime, note: str) -> None:
        if action is A.ACKNOWLEDGE:
            self.acknowledged_at = self.acknowledged_at or at
        elif action is A.INVESTIGATE:
            self.responded_at = self.responded_at or at
        elif action is A.APPROVE:
            self.approved_by = actor.username
        elif action is A.REVISE:
            self.approved_by = ""
        elif action is A.RESOLVE:
            self.resolved_at = at
        elif action is A.CLOSE:
            self.closed_at = at
        elif action is A.REJECT:
            self.reject_reason = note[:200]
        elif action is A.REOPEN:
            self.resolved_at = self.closed_at = None
            self.approved_by = self.reject_reason = ""

    def change_severity(
        self, severity: Severity, reason: str, actor: Actor, at: datetime, deadlines: Deadlines
    ) -> None:
        """A severity other than the suggested one, with the reason; deadlines follow."""
        reason = reason.strip()
        if severity is self.severity:
            return
        if not reason:
            raise FieldError(
                "severity_reason",
                QT_TRANSLATE_NOOP("errors", "Say why the severity changes."),
            )
        if self.state not in OPEN_STATES:
            raise StateError(
                QT_TRANSLATE_NOOP("errors", "Complaint {number} is {state}: reopen it first."),
                number=self.number,
                state=COMPLAINT_FLOW.state_labels[self.state],
            )
        before = self.severity
        self.severity = severity
        self.severity_reason = reason[:200]
        self.report_due, self.response_due = deadlines.report, deadlines.response
        self.resolution_due = deadlines.resolution
        if self.state is S.APPROVED and not may_approve(Actor(self.approved_by or "?"), severity):
            self.approved_by = ""
        self.history.append(
            HistoryEntry(at, actor.username, "severity", before.value, severity.value, reason[:500])
        )


# --- checks ------------------------------------------------------------------------------


def check_affected_quantity(quantity: Decimal, delivered: Decimal | None) -> None:
    """What is affected is more than nothing and at most what was delivered."""
    if quantity < 0:
        raise FieldError(
            "quantity", QT_TRANSLATE_NOOP("errors", "The quantity affected is not negative.")
        )
    if delivered is not None and quantity > delivered:
        raise FieldError(
            "quantity",
            QT_TRANSLATE_NOOP(
                "errors", "At most {delivered} was delivered: the quantity affected is more."
            ),
            delivered=f"{delivered.normalize():f}",
        )


def check_documents_done(number: str, documents: Sequence[tuple[str, bool]]) -> None:
    """A ticket is resolved only when every document its resolution created is done."""
    open_ = [name for name, done in documents if not done]
    if open_:
        raise StateError(
            QT_TRANSLATE_NOOP(
                "errors",
                "Complaint {number} cannot be resolved: {documents} not done yet.",
            ),
            number=number,
            documents=", ".join(open_),
        )


def clean_satisfaction(value: object, comment: object) -> tuple[int, str]:
    try:
        score = int(str(value))
    except (TypeError, ValueError):
        score = 0
    if not 1 <= score <= 5:
        raise FieldError(
            "satisfaction", QT_TRANSLATE_NOOP("errors", "Satisfaction is a whole number 1 to 5.")
        )
    return score, str(comment or "").strip()[:500]


def clean_amount(value: object, name: str = "amount") -> Money:
    money = Money.of(value if value not in (None, "") else "0", name)
    if money.is_negative():
        raise FieldError(name, QT_TRANSLATE_NOOP("errors", "The amount is not negative."))
    return money


@dataclass(frozen=True)
class SameTotalLine:
    """In-kind compensation as more goods for the same money: ``quantity`` units at
    ``unit_price`` (net), coming to ``net``, never above the original line's net."""

    quantity: Decimal
    unit_price: Money
    net: Money


def same_total_line(
    original_net: Money, original_quantity: Decimal, new_quantity: object
) -> SameTotalLine:
    """More quantity at a lower unit price with the same total (补货): the new net unit price
    is the original line's net divided by the new quantity, rounded down to the cent (in the
    customer's favour), so the new line's net never comes above the original's.  The new
    quantity must be more than the original and the price at least one cent."""
    quantity = check_quantity(new_quantity, "quantity")
    if quantity <= original_quantity:
        raise FieldError(
            "quantity",
            QT_TRANSLATE_NOOP(
                "errors", "The same total buys more: the quantity is more than {original}."
            ),
            original=f"{original_quantity.normalize():f}",
        )
    cents = (Decimal(original_net.minor) / quantity).to_integral_value(rounding=ROUND_FLOOR)
    price = Money(int(cents))
    if price.minor <= 0:
        raise FieldError(
            "quantity",
            QT_TRANSLATE_NOOP(
                "errors", "{quantity} units for {total} would cost less than a cent each."
            ),
            quantity=f"{quantity.normalize():f}",
            total=f"{original_net.amount:.2f}",
        )
    net = Money.of(quantity * price.amount)
    return SameTotalLine(quantity, price, net)


# --- insight -----------------------------------------------------------------------------


@dataclass(frozen=True)
class TicketFacts:
    """What insight reads of one ticket."""

    number: str
    severity: Severity
    state: TicketState
    received_at: datetime
    response_due: datetime
    resolution_due: datetime
    responded_at: datetime | None
    resolved_at: datetime | None
    customer: str = ""
    item: str = ""
    batch: str = ""
    report_due: datetime | None = None
    cause: str = ""
    """The root cause category once recorded (``CauseCategory`` value), else empty."""

    @property
    def month(self) -> str:
        """``2026-03``: the month the ticket was received, in the shop's local time."""
        return self.received_at.astimezone().strftime("%Y-%m")

    @property
    def deadlines(self) -> Deadlines:
        return Deadlines(
            self.report_due or self.response_due, self.response_due, self.resolution_due
        )


@dataclass(frozen=True)
class SeverityTimes:
    severity: Severity
    count: int
    responded: int
    resolved: int
    average_response: int | None
    worst_response: int | None
    response_target: int
    average_resolution: int | None
    worst_resolution: int | None
    resolution_target: int
    late: int


def times_by_severity(
    tickets: Iterable[TicketFacts], policy: DeadlinePolicy, hours: OpeningHours
) -> list[SeverityTimes]:
    """Per severity: working minutes to respond and to resolve, average (rounded down) and
    worst, against the standard deadline; ``late`` counts tickets that met a deadline late."""
    rows = []
    by = {s: [t for t in tickets if t.severity is s] for s in SEVERITY_ORDER}
    for severity in SEVERITY_ORDER:
        group = by[severity]
        response = [hours.between(t.received_at, t.responded_at) for t in group if t.responded_at]
        resolution = [hours.between(t.received_at, t.resolved_at) for t in group if t.resolved_at]
        late = sum(
            1
            for t in group
            if (t.responded_at and t.responded_at > t.response_due)
            or (t.resolved_at and t.resolved_at > t.resolution_due)
        )
        rule = policy.rules[severity]
        rows.append(
            SeverityTimes(
                severity,
                len(group),
                len(response),
                len(resolution),
                sum(response) // len(response) if response else None,
                max(response) if response else None,
                rule.response,
                sum(resolution) // len(resolution) if resolution else None,
                max(resolution) if resolution else None,
                rule.resolution,
                late,
            )
        )
    return rows


def count_by(tickets: Iterable[TicketFacts], key: str) -> list[tuple[str, int]]:
    """Complaints per item, batch, customer or cause, most first (ties by name); per
    ``month`` in calendar order."""
    counts: dict[str, int] = {}
    for ticket in tickets:
        value = getattr(ticket, key)
        if value:
            counts[value] = counts.get(value, 0) + 1
    if key == "month":
        return sorted(counts.items())
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


REPEAT_TICKETS = 2


def repeat_customers(
    tickets: Iterable[TicketFacts], at_least: int = REPEAT_TICKETS
) -> list[tuple[str, int]]:
    """Customers who complained ``at_least`` times in the period, most first."""
    return [(name, n) for name, n in count_by(tickets, "customer") if n >= at_least]


DEFAULT_BAD_BATCH = 3
K = TypeVar("K", int, str)


def bad_batches(batch_counts: Mapping[tuple[K, str], int], limit: int) -> list[tuple[K, str]]:
    """(item, batch) pairs with at least ``limit`` complaints: a batch to look at."""
    return sorted(key for key, count in batch_counts.items() if count >= limit)


def clean_limit(value: object) -> int:
    try:
        limit = int(str(value))
    except ValueError:
        limit = 0
    if limit < 1:
        raise FieldError(
            "bad_batch_limit",
            QT_TRANSLATE_NOOP("errors", "A bad batch takes at least 1 complaint."),
        )
    return limit


# --- the settings screen's typed values --------------------------------------------------


def _typed_share(value: object, name: str) -> Decimal:
    """A percentage typed (``50``) as a share (``0.5``): more than 0, at most 100."""
    try:
        share = Decimal(str(value).replace("%", "").strip()) / 100
    except ArithmeticError:
        share = Decimal(-1)
    if not share.is_finite() or not 0 < share <= 1:
        raise FieldError(
            name, QT_TRANSLATE_NOOP("errors", "Enter a percentage above 0, up to 100.")
        )
    return share


def _typed_minutes(value: object, name: str) -> int:
    try:
        minutes = int(str(value).strip())
    except ValueError:
        minutes = 0
    if not 1 <= minutes <= 60 * 24 * 60:
        raise FieldError(
            name, QT_TRANSLATE_NOOP("errors", "Enter whole working minutes, 1 or more.")
        )
    return minutes


def _typed_reach(value: object, name: str) -> int:
    try:
        reach = int(str(value).strip())
    except ValueError:
        reach = 0
    if not 1 <= reach <= 1_000_000:
        raise FieldError(
            name, QT_TRANSLATE_NOOP("errors", "Reach is how many customers: 1 or more.")
        )
    return reach


def settings_from_text(
    values: Mapping[str, object],
) -> tuple[SeverityThresholds, DeadlinePolicy, int]:
    """The complaint settings as typed on the settings screen, every field checked at once:
    ``amount.<severity>`` and ``reach.<severity>`` (general, major, critical — each at
    least the one below), ``report.<severity>`` / ``response.<severity>`` /
    ``resolution.<severity>`` working minutes (report ≤ response ≤ resolution),
    ``a_class_share`` and ``amber_share`` in %, ``bad_batch_limit``."""
    errors: list[FieldError] = []

    def checked(rule, name: str):  # noqa: ANN001, ANN202 - a rule and its value
        try:
            return rule(values.get(name, ""), name)
        except FieldError as error:
            errors.append(error)
            return None

    amounts: dict[Severity, Money] = {}
    reach: dict[Severity, int] = {}
    for severity in SEVERITY_ORDER[1:]:
        amount = checked(lambda x, n: clean_amount(x, n), f"amount.{severity.value}")
        people = checked(_typed_reach, f"reach.{severity.value}")
        if amount is not None:
            amounts[severity] = amount
        if people is not None:
            reach[severity] = people
    for bound, name in ((amounts, "amount"), (reach, "reach")):
        ordered = [(s, bound[s]) for s in SEVERITY_ORDER[1:] if s in bound]
        for (_low, below), (high, above) in zip(ordered, ordered[1:], strict=False):
            if above < below:  # type: ignore[operator]
                errors.append(
                    FieldError(
                        f"{name}.{high.value}",
                        QT_TRANSLATE_NOOP(
                            "errors", "A higher severity starts at no less than the one below."
                        ),
                    )
                )
    rules: dict[Severity, DeadlineRule] = {}
    for severity in SEVERITY_ORDER:
        minutes = [checked(_typed_minutes, f"{which.value}.{severity.value}") for which in Deadline]
        if None in minutes:
            continue
        report, response, resolution = minutes
        if not report <= response <= resolution:  # type: ignore[operator]
            errors.append(
                FieldError(
                    f"response.{severity.value}",
                    QT_TRANSLATE_NOOP(
                        "errors", "Report comes no later than response, response no later "
                        "than resolution.",
                    ),
                )
            )  # fmt: skip
            continue
        rules[severity] = DeadlineRule(report, response, resolution)  # type: ignore[arg-type]
    a_share = checked(_typed_share, "a_class_share")
    amber = checked(_typed_share, "amber_share")
    limit = checked(lambda x, _n: clean_limit(x), "bad_batch_limit")
    validation(errors)
    policy = DeadlinePolicy(rules, a_share, amber)  # type: ignore[arg-type]
    return SeverityThresholds(amounts, reach), policy, int(limit)  # type: ignore[arg-type]


def settings_as_text(
    thresholds: SeverityThresholds, policy: DeadlinePolicy, limit: int
) -> dict[str, str]:
    """The settings as the screen shows them (the inverse of :func:`settings_from_text`)."""
    shown: dict[str, str] = {}
    for severity in SEVERITY_ORDER[1:]:
        amount = thresholds.amounts.get(severity)
        shown[f"amount.{severity.value}"] = str(amount.amount) if amount is not None else ""
        shown[f"reach.{severity.value}"] = str(thresholds.reach.get(severity, ""))
    for severity in SEVERITY_ORDER:
        rule = policy.rules[severity]
        for which in Deadline:
            shown[f"{which.value}.{severity.value}"] = str(rule.minutes(which))
    shown["a_class_share"] = f"{(policy.a_class_share * 100).normalize():f}"
    shown["amber_share"] = f"{(policy.amber_share * 100).normalize():f}"
    shown["bad_batch_limit"] = str(limit)
    return shown


def validation(errors: list[FieldError]) -> None:
    if errors:
        raise ValidationError(errors)


@dataclass(eq=False)
class ServiceVisit:
    """An on-site service visit (上门服务): planned with a date and a person; done once its
    outcome is recorded."""

    number: str
    ticket_id: int
    visit_date: date
    person: str
    outcome: str = ""
    done: bool = False
    id: int | None = None


# --- typed input -------------------------------------------------------------------------


def to_moment(value: object, field: str, now: datetime) -> datetime:
    """A time (aware; a naive one is local time) or ISO text, not in the future."""
    if value in (None, ""):
        return now
    moment: datetime | None = None
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value.strip())
        except ValueError:
            moment = None
    if moment is None:
        raise FieldError(
            field, QT_TRANSLATE_NOOP("errors", "Enter a time such as 2026-12-05 14:30.")
        )
    if moment.tzinfo is None:
        moment = moment.astimezone()
    if moment > now:
        raise FieldError(field, QT_TRANSLATE_NOOP("errors", "The time is not in the future."))
    return moment


def _choice(enum: type, field: str, default: object = None):  # noqa: ANN202 - a rule
    def rule(value: object) -> object:
        if value in (None, "") and default is not None:
            return default
        try:
            return enum(str(value))
        except ValueError:
            raise FieldError(
                field, QT_TRANSLATE_NOOP("errors", "Choose one of the list.")
            ) from None

    return rule


def _optional_id(field: str):  # noqa: ANN202 - a rule
    def rule(value: object) -> int | None:
        if value in (None, "", 0):
            return None
        try:
            number = int(str(value))
        except ValueError:
            number = 0
        if number <= 0:
            raise FieldError(field, QT_TRANSLATE_NOOP("errors", "Choose a record from the list."))
        return number

    return rule


def _quantity(value: object) -> Decimal:
    try:
        quantity = Decimal(str(value if value not in (None, "") else "0").replace(",", ""))
    except ArithmeticError:
        quantity = Decimal(-1)
    if not quantity.is_finite() or quantity < 0 or quantity != quantity.quantize(Decimal("0.001")):
        raise FieldError(
            "quantity",
            QT_TRANSLATE_NOOP("errors", "The quantity affected is a number of at most 3 decimals."),
        )
    return quantity


def _reach(value: object) -> int:
    try:
        reach = int(str(value if value not in (None, "") else "1"))
    except ValueError:
        reach = 0
    if not 1 <= reach <= 1_000_000:
        raise FieldError(
            "reach", QT_TRANSLATE_NOOP("errors", "Reach is how many customers: 1 or more.")
        )
    return reach


def _related(value: object) -> str:
    text = v.optional_text(value, "related", 200).replace(",", " ").upper()
    return " ".join(dict.fromkeys(text.split()))


def clean_ticket(values: Mapping[str, object], now: datetime, today: date) -> dict[str, object]:
    """Every field of a ticket's form checked at once (one error per field at fault)."""
    rules = {
        "customer_id": _required_customer,
        "channel": _choice(Channel, "channel", Channel.PHONE),
        "received_at": lambda x: to_moment(x, "received_at", now),
        "description": lambda x: v.required_text(x, "description", 2000),
        "order_id": _optional_id("order_id"),
        "delivery_id": _optional_id("delivery_id"),
        "invoice_id": _optional_id("invoice_id"),
        "item_id": _optional_id("item_id"),
        "batch": lambda x: v.optional_text(x, "batch", 40),
        "serial": lambda x: v.optional_text(x, "serial", 60),
        "quantity": _quantity,
        "ship_date": lambda x: None if x in (None, "") else v.document_date(x, "ship_date", today),
        "requested": _choice(Resolution, "requested", Resolution.EXPLANATION),
        "amount": lambda x: clean_amount(x, "amount"),
        "reach": _reach,
        "assignee": lambda x: v.optional_text(x, "assignee", 60),
        "related": _related,
    }
    return v.apply_rules(values, rules)


def _required_customer(value: object) -> int:
    if value in (None, "", 0):
        raise FieldError(
            "customer_id", QT_TRANSLATE_NOOP("errors", "A complaint names its customer.")
        )
    number = _optional_id("customer_id")(value)
    assert number is not None
    return number


def clean_cause(values: Mapping[str, object], today: date) -> dict[str, object]:
    """Root cause and corrective / preventive action (纠正预防措施)."""
    rules = {
        "cause_category": lambda x: (
            "" if x in (None, "") else _choice(CauseCategory, "cause_category")(x)
        ),
        "root_cause": lambda x: v.optional_text(x, "root_cause", 1000),
        "corrective_action": lambda x: v.optional_text(x, "corrective_action", 1000),
        "preventive_action": lambda x: v.optional_text(x, "preventive_action", 1000),
        "action_owner": lambda x: v.optional_text(x, "action_owner", 60),
        "action_due": lambda x: (
            None if x in (None, "") else v.document_date(x, "action_due", today)
        ),
    }
    clean = v.apply_rules(values, rules)
    if clean["cause_category"]:
        clean["cause_category"] = str(clean["cause_category"])
    return clean


INSIGHT_DAYS_MAX = 36500
"""The longest period the complaint insight looks back over (a hundred years)."""


def insight_period(days: int) -> int:
    """The insight's look-back in days, refused outside 1 … :data:`INSIGHT_DAYS_MAX`."""
    if not 1 <= days <= INSIGHT_DAYS_MAX:
        raise FieldError(
            "days",
            QT_TRANSLATE_NOOP("errors", "The period is between 1 and {max} days."),
            max=INSIGHT_DAYS_MAX,
        )
    return days
