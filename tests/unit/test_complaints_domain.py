"""Complaint tickets: severity, deadlines in working time, time left, the flow, approvals."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from retailerp.domain import complaints as c
from retailerp.domain.complaints import (
    COMPLAINT_FLOW,
    Approver,
    Deadline,
    DeadlinePolicy,
    Severity,
    SeverityThresholds,
    Ticket,
    TicketAction,
    TicketFacts,
    TicketState,
    TimeStatus,
)
from retailerp.domain.customers import AbcClass
from retailerp.domain.errors import FieldError, PermissionDenied, StateError
from retailerp.domain.money import Money
from retailerp.domain.security import Actor, Role
from retailerp.domain.working_time import OpeningHours, opening_hours

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)  # a Tuesday
ALWAYS = OpeningHours()
WEEKDAYS = opening_hours({d: ("08:00", "18:00") for d in range(5)})
OWNER = Actor("boss", Role.OWNER)
CLERK = Actor("li", Role.SALES)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def advance(self, **kwargs: int) -> datetime:
        self.now += timedelta(**kwargs)
        return self.now


# --- severity ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "reach", "expected"),
    [
        ("0", 1, Severity.MINOR),
        ("499.99", 1, Severity.MINOR),
        ("500.00", 1, Severity.GENERAL),
        ("4999.99", 1, Severity.GENERAL),
        ("5000", 1, Severity.MAJOR),
        ("49999.99", 4, Severity.MAJOR),
        ("50000", 1, Severity.CRITICAL),
        ("0", 2, Severity.GENERAL),
        ("0", 5, Severity.MAJOR),
        ("10", 20, Severity.CRITICAL),
        ("10", 19, Severity.MAJOR),
    ],
)
def test_severity_is_suggested_from_amount_and_reach(amount, reach, expected):
    assert SeverityThresholds().suggest(Money.of(amount), reach) is expected


def test_severity_thresholds_are_configurable_and_survive_json():
    own = SeverityThresholds({Severity.GENERAL: Money.of("100")}, {})
    again = SeverityThresholds.from_json(own.to_json())
    assert again.suggest(Money.of("99.99"), 50) is Severity.MINOR
    assert again.suggest(Money.of("100"), 1) is Severity.GENERAL


# --- deadlines ---------------------------------------------------------------------------


def test_minor_is_resolved_within_two_hours_of_receipt():
    d = DeadlinePolicy().deadlines(Severity.MINOR, AbcClass.C, T0, ALWAYS)
    assert d.report == T0 + timedelta(minutes=10)
    assert d.response == T0 + timedelta(minutes=20)
    assert d.resolution == T0 + timedelta(hours=2)


def test_general_within_twelve_hours_and_a_class_gets_half():
    policy = DeadlinePolicy()
    c_class = policy.deadlines(Severity.GENERAL, AbcClass.B, T0, ALWAYS)
    a_class = policy.deadlines(Severity.GENERAL, AbcClass.A, T0, ALWAYS)
    assert c_class.resolution == T0 + timedelta(hours=12)
    assert a_class.resolution == T0 + timedelta(hours=6)
    assert a_class.report == T0 + timedelta(minutes=5)


def test_deadline_runs_over_closing_time_into_the_next_opening():
    friday_evening = datetime(2026, 12, 4, 17, 0, tzinfo=UTC)
    d = DeadlinePolicy().deadlines(Severity.MINOR, AbcClass.C, friday_evening, WEEKDAYS)
    # 60 minutes on Friday, the other 60 on Monday from 08:00
    assert d.resolution == datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
    assert d.report == friday_evening + timedelta(minutes=10)


def test_received_before_opening_counts_from_opening():
    early = datetime(2026, 12, 1, 6, 30, tzinfo=UTC)
    d = DeadlinePolicy().deadlines(Severity.MINOR, None, early, WEEKDAYS)
    assert d.report == datetime(2026, 12, 1, 8, 10, tzinfo=UTC)


def test_deadline_ending_exactly_at_closing_stays_that_day():
    at = datetime(2026, 12, 1, 16, 0, tzinfo=UTC)
    assert WEEKDAYS.add(at, 120) == datetime(2026, 12, 1, 18, 0, tzinfo=UTC)


def test_working_minutes_between_skip_the_night_and_weekend():
    start = datetime(2026, 12, 4, 17, 0, tzinfo=UTC)
    end = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
    assert WEEKDAYS.between(start, end) == 120
    assert WEEKDAYS.between(end, start) == -120


def test_opening_hours_refuse_closing_before_opening():
    with pytest.raises(FieldError) as caught:
        opening_hours({0: ("18:00", "08:00")})
    assert caught.value.field == "opening_hours"
    assert OpeningHours.from_json(WEEKDAYS.to_json()) == WEEKDAYS


# --- time left ---------------------------------------------------------------------------


def _deadlines(severity=Severity.MINOR, hours=ALWAYS, received=T0):
    return DeadlinePolicy().deadlines(severity, AbcClass.C, received, hours)


def test_time_left_is_red_one_minute_after_the_deadline_and_not_at_it():
    d = _deadlines()
    clock = Clock(T0)
    state = TicketState.INVESTIGATING
    clock.advance(minutes=120)
    at_deadline = c.time_left(state, T0, d, clock.now, ALWAYS)
    assert at_deadline.status is not TimeStatus.RED and at_deadline.minutes == 0
    clock.advance(minutes=1)
    late = c.time_left(state, T0, d, clock.now, ALWAYS)
    assert late.status is TimeStatus.RED and late.minutes == -1 and late.overdue


def test_time_left_turns_amber_in_the_last_quarter():
    d = _deadlines()
    state = TicketState.INVESTIGATING
    at_90 = c.time_left(state, T0, d, T0 + timedelta(minutes=90), ALWAYS)
    at_91 = c.time_left(state, T0, d, T0 + timedelta(minutes=91), ALWAYS)
    assert at_90.status is TimeStatus.ON_TIME and at_90.minutes == 30
    assert at_91.status is TimeStatus.AMBER and at_91.minutes == 29


def test_time_left_runs_against_the_deadline_of_the_state():
    d = _deadlines()
    now = T0 + timedelta(minutes=15)
    received = c.time_left(TicketState.RECEIVED, T0, d, now, ALWAYS)
    acknowledged = c.time_left(TicketState.ACKNOWLEDGED, T0, d, now, ALWAYS)
    assert received.deadline is Deadline.REPORT and received.overdue
    assert acknowledged.deadline is Deadline.RESPONSE and acknowledged.minutes == 5
    assert c.time_left(TicketState.CLOSED, T0, d, now, ALWAYS).status is TimeStatus.DONE


def test_time_left_counts_working_minutes_only():
    friday = datetime(2026, 12, 4, 17, 0, tzinfo=UTC)
    d = _deadlines(hours=WEEKDAYS, received=friday)
    saturday = datetime(2026, 12, 5, 12, 0, tzinfo=UTC)
    left = c.time_left(TicketState.INVESTIGATING, friday, d, saturday, WEEKDAYS)
    assert left.minutes == 60 and left.status is TimeStatus.ON_TIME


def test_overdue_tickets_escalate_to_the_manager_then_the_owner():
    d = _deadlines()
    state = TicketState.ACKNOWLEDGED
    assert c.escalation_level(state, d, T0 + timedelta(minutes=20)) is Approver.NOBODY
    assert c.escalation_level(state, d, T0 + timedelta(minutes=21)) is Approver.MANAGER
    assert c.escalation_level(state, d, T0 + timedelta(minutes=121)) is Approver.OWNER
    assert c.escalation_level(TicketState.CLOSED, d, T0 + timedelta(days=3)) is Approver.NOBODY


# --- the flow ----------------------------------------------------------------------------

EXPECTED = {
    (TicketState.RECEIVED, TicketAction.ACKNOWLEDGE): TicketState.ACKNOWLEDGED,
    (TicketState.ACKNOWLEDGED, TicketAction.INVESTIGATE): TicketState.INVESTIGATING,
    (TicketState.INVESTIGATING, TicketAction.PROPOSE): TicketState.PROPOSED,
    (TicketState.PROPOSED, TicketAction.APPROVE): TicketState.APPROVED,
    (TicketState.PROPOSED, TicketAction.ACCEPT): TicketState.ACCEPTED,
    (TicketState.APPROVED, TicketAction.ACCEPT): TicketState.ACCEPTED,
    (TicketState.PROPOSED, TicketAction.REVISE): TicketState.INVESTIGATING,
    (TicketState.APPROVED, TicketAction.REVISE): TicketState.INVESTIGATING,
    (TicketState.ACCEPTED, TicketAction.EXECUTE): TicketState.EXECUTING,
    (TicketState.EXECUTING, TicketAction.RESOLVE): TicketState.RESOLVED,
    (TicketState.RESOLVED, TicketAction.FOLLOW_UP): TicketState.FOLLOW_UP,
    (TicketState.FOLLOW_UP, TicketAction.CLOSE): TicketState.CLOSED,
    (TicketState.RECEIVED, TicketAction.REJECT): TicketState.REJECTED,
    (TicketState.ACKNOWLEDGED, TicketAction.REJECT): TicketState.REJECTED,
    (TicketState.INVESTIGATING, TicketAction.REJECT): TicketState.REJECTED,
    (TicketState.PROPOSED, TicketAction.REJECT): TicketState.REJECTED,
    (TicketState.APPROVED, TicketAction.REJECT): TicketState.REJECTED,
    (TicketState.RESOLVED, TicketAction.REOPEN): TicketState.INVESTIGATING,
    (TicketState.FOLLOW_UP, TicketAction.REOPEN): TicketState.INVESTIGATING,
    (TicketState.CLOSED, TicketAction.REOPEN): TicketState.INVESTIGATING,
    (TicketState.REJECTED, TicketAction.REOPEN): TicketState.INVESTIGATING,
}


def _ticket(state=TicketState.RECEIVED, severity=Severity.MAJOR) -> Ticket:
    d = _deadlines(severity)
    return Ticket(
        number="CP2026-000001",
        customer_id=1,
        channel=c.Channel.PHONE,
        received_at=T0,
        description="cracked",
        severity=severity,
        report_due=d.report,
        response_due=d.response,
        resolution_due=d.resolution,
        state=state,
        solution="replace",
        satisfaction=4,
    )


@pytest.mark.parametrize("state", list(TicketState))
@pytest.mark.parametrize("action", list(TicketAction))
def test_every_state_and_action_moves_as_the_table_says_or_is_refused(state, action):
    # a minor ticket needs no approval; approving is tried on one that needs it
    severity = Severity.GENERAL if action is TicketAction.APPROVE else Severity.MINOR
    ticket = _ticket(state, severity)
    expected = EXPECTED.get((state, action))
    assert COMPLAINT_FLOW.allows(state, action) is (expected is not None)
    if expected is None:
        with pytest.raises(StateError) as caught:
            ticket.move(action, OWNER, T0, "why")
        assert COMPLAINT_FLOW.state_labels[state] in str(caught.value)
        assert COMPLAINT_FLOW.action_labels[action] in str(caught.value)
        assert ticket.state is state and ticket.history == []
    else:
        ticket.move(action, OWNER, T0, "why")
        assert ticket.state is expected
        assert ticket.history[-1].to_state == expected.value
        assert ticket.history[-1].username == "boss"


def test_the_table_has_exactly_the_expected_moves():
    assert {k: next(iter(v)) for k, v in COMPLAINT_FLOW.transitions.items()} == EXPECTED


@pytest.mark.parametrize("severity", [Severity.GENERAL, Severity.MAJOR, Severity.CRITICAL])
def test_customer_cannot_accept_before_the_required_approval(severity):
    ticket = _ticket(TicketState.PROPOSED, severity)
    with pytest.raises(StateError, match="approves the solution"):
        ticket.move(TicketAction.ACCEPT, OWNER, T0)
    assert ticket.state is TicketState.PROPOSED


def test_minor_goes_from_proposed_to_accepted_and_needs_no_approval():
    ticket = _ticket(TicketState.PROPOSED, Severity.MINOR)
    with pytest.raises(StateError, match="needs no approval"):
        ticket.move(TicketAction.APPROVE, OWNER, T0)
    ticket.move(TicketAction.ACCEPT, CLERK, T0)
    assert ticket.state is TicketState.ACCEPTED


@pytest.mark.parametrize(
    ("severity", "actor", "allowed"),
    [
        (Severity.GENERAL, CLERK, False),
        (Severity.GENERAL, OWNER, True),
        (Severity.MAJOR, CLERK, False),
        (Severity.MAJOR, OWNER, True),
        (Severity.CRITICAL, Actor("f", Role.FINANCE), False),
    ],
)
def test_approval_by_role(severity, actor, allowed):
    ticket = _ticket(TicketState.PROPOSED, severity)
    if allowed:
        ticket.move(TicketAction.APPROVE, actor, T0)
        assert ticket.approved_by == actor.username
    else:
        with pytest.raises(PermissionDenied):
            ticket.move(TicketAction.APPROVE, actor, T0)
        assert ticket.state is TicketState.PROPOSED and ticket.approved_by == ""


@pytest.mark.parametrize("action", [TicketAction.REJECT, TicketAction.REVISE])
def test_rejecting_or_revising_needs_a_reason(action):
    ticket = _ticket(TicketState.PROPOSED)
    with pytest.raises(FieldError) as caught:
        ticket.move(action, OWNER, T0, "  ")
    assert caught.value.field == "reason" and ticket.state is TicketState.PROPOSED


def test_proposing_needs_a_solution_and_follow_up_a_satisfaction():
    ticket = _ticket(TicketState.INVESTIGATING)
    ticket.solution = ""
    with pytest.raises(FieldError, match="solution"):
        ticket.move(TicketAction.PROPOSE, OWNER, T0)
    done = _ticket(TicketState.RESOLVED)
    done.satisfaction = None
    with pytest.raises(FieldError) as caught:
        done.move(TicketAction.FOLLOW_UP, OWNER, T0)
    assert caught.value.field == "satisfaction"


def test_stamps_record_when_it_was_acknowledged_responded_and_resolved():
    clock = Clock(T0)
    ticket = _ticket(severity=Severity.MINOR)
    ticket.move(TicketAction.ACKNOWLEDGE, CLERK, clock.advance(minutes=5))
    ticket.move(TicketAction.INVESTIGATE, CLERK, clock.advance(minutes=10))
    ticket.move(TicketAction.PROPOSE, CLERK, clock.advance(minutes=10))
    ticket.move(TicketAction.ACCEPT, CLERK, clock.advance(minutes=10))
    ticket.move(TicketAction.EXECUTE, CLERK, clock.advance(minutes=10))
    ticket.move(TicketAction.RESOLVE, CLERK, clock.advance(minutes=10))
    assert ticket.acknowledged_at == T0 + timedelta(minutes=5)
    assert ticket.responded_at == T0 + timedelta(minutes=15)
    assert ticket.resolved_at == T0 + timedelta(minutes=55)
    assert [h.action for h in ticket.history][-1] == "resolve"


def test_severity_change_needs_a_reason_and_moves_the_deadlines():
    ticket = _ticket(TicketState.INVESTIGATING, Severity.MINOR)
    new = _deadlines(Severity.GENERAL)
    with pytest.raises(FieldError):
        ticket.change_severity(Severity.GENERAL, "", OWNER, T0, new)
    ticket.change_severity(Severity.GENERAL, "two shops", OWNER, T0, new)
    assert ticket.severity is Severity.GENERAL
    assert ticket.resolution_due == T0 + timedelta(hours=12)
    assert ticket.history[-1].action == "severity"


def test_quantity_affected_is_at_most_what_was_delivered():
    c.check_affected_quantity(Decimal("5"), Decimal("5"))
    with pytest.raises(FieldError) as caught:
        c.check_affected_quantity(Decimal("5.001"), Decimal("5"))
    assert caught.value.field == "quantity" and "5" in str(caught.value)


def test_a_ticket_with_an_open_document_cannot_be_resolved():
    c.check_documents_done("CP1", [("RT2026-000001", True)])
    with pytest.raises(StateError, match="SO2026-000004"):
        c.check_documents_done("CP1", [("RT2026-000001", True), ("SO2026-000004", False)])


@pytest.mark.parametrize("value", [0, 6, "x", None, "2.5"])
def test_satisfaction_is_one_to_five(value):
    with pytest.raises(FieldError):
        c.clean_satisfaction(value, "")
    assert c.clean_satisfaction("5", " fine ") == (5, "fine")


# --- insight -----------------------------------------------------------------------------


def _facts(number, severity, responded, resolved, item="", batch="", customer=""):
    d = _deadlines(severity)
    return TicketFacts(
        number,
        severity,
        TicketState.CLOSED if resolved else TicketState.INVESTIGATING,
        T0,
        d.response,
        d.resolution,
        T0 + timedelta(minutes=responded) if responded is not None else None,
        T0 + timedelta(minutes=resolved) if resolved is not None else None,
        customer,
        item,
        batch,
    )


def test_times_by_severity_against_a_hand_computed_set():
    facts = [
        _facts("1", Severity.MINOR, 10, 100),
        _facts("2", Severity.MINOR, 25, 130),  # late on both
        _facts("3", Severity.MINOR, 15, None),
        _facts("4", Severity.GENERAL, 30, 600),  # late response only
    ]
    rows = {r.severity: r for r in c.times_by_severity(facts, DeadlinePolicy(), ALWAYS)}
    minor = rows[Severity.MINOR]
    assert (minor.count, minor.responded, minor.resolved) == (3, 3, 2)
    assert (minor.average_response, minor.worst_response) == (16, 25)  # 50 / 3 rounded down
    assert (minor.average_resolution, minor.worst_resolution) == (115, 130)
    assert minor.late == 1 and minor.resolution_target == 120
    general = rows[Severity.GENERAL]
    assert (general.average_response, general.late) == (30, 1)
    assert rows[Severity.CRITICAL].count == 0 and rows[Severity.CRITICAL].average_response is None


def test_complaints_by_item_and_bad_batches():
    facts = [
        _facts("1", Severity.MINOR, None, None, item="Tea", batch="B1", customer="K1"),
        _facts("2", Severity.MINOR, None, None, item="Tea", batch="B1", customer="K2"),
        _facts("3", Severity.MINOR, None, None, item="Rice", batch="B9", customer="K1"),
    ]
    assert c.count_by(facts, "item") == [("Tea", 2), ("Rice", 1)]
    assert c.count_by(facts, "customer") == [("K1", 2), ("K2", 1)]
    counts = {("Tea", "B1"): 2, ("Rice", "B9"): 1}
    assert c.bad_batches(counts, 2) == [("Tea", "B1")]
    assert c.bad_batches(counts, 3) == []


def test_the_insight_period_is_between_one_day_and_a_hundred_years() -> None:
    from retailerp.domain.complaints import INSIGHT_DAYS_MAX, insight_period
    from retailerp.domain.errors import FieldError

    assert insight_period(1) == 1 and insight_period(INSIGHT_DAYS_MAX) == INSIGHT_DAYS_MAX
    for days in (0, -1, INSIGHT_DAYS_MAX + 1, 739953):
        with pytest.raises(FieldError) as refused:
            insight_period(days)
        assert refused.value.field == "days", days
        assert str(refused.value) == "The period is between 1 and 36500 days."
