"""Complaint use cases: tickets, their flow, attachments, cause and action, insight.

Every change of a ticket is one short transaction with a history row (who, when, from, to,
why) and an audit entry.  The resolutions that create documents (returns, free orders,
money on account, visits) are in :mod:`retailerp.services.complaint_resolutions`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from retailerp.domain import attachments as files
from retailerp.domain import complaints as c
from retailerp.domain import validation as v
from retailerp.domain.complaints import (
    TICKET,
    DeadlinePolicy,
    Severity,
    SeverityThresholds,
    Ticket,
    TicketAction,
    TicketState,
    TimeLeft,
)
from retailerp.domain.customers import AbcClass
from retailerp.domain.errors import FieldError, StateError, ValidationError
from retailerp.domain.money import Money
from retailerp.domain.numbering import DocumentType
from retailerp.domain.security import Permission
from retailerp.domain.text import QT_TRANSLATE_NOOP, Term
from retailerp.domain.working_time import OpeningHours, opening_hours
from retailerp.persistence import home_queries as hq
from retailerp.persistence.complaint_queries import allowances_to_issue, complaint_page
from retailerp.persistence.complaints_repository import Attachment
from retailerp.persistence.queries import Page
from retailerp.persistence.unit_of_work import UnitOfWork, read, write
from retailerp.services import home
from retailerp.services.context import ServiceContext, check_version, not_found
from retailerp.services.door import door

THRESHOLDS_KEY = "complaints.thresholds"
DEADLINES_KEY = "complaints.deadlines"
HOURS_KEY = "shop.opening_hours"
BAD_BATCH_KEY = "complaints.bad_batch_limit"
ATTACHMENT_LIMIT_KEY = "complaints.attachment_limit"
CUSTOMER = Term(QT_TRANSLATE_NOOP("terms", "Customer"))
ATTACHMENT = Term(QT_TRANSLATE_NOOP("terms", "Attachment"))

DONE_STATES = {
    "return": {"posted"},
    "order": {"shipped", "invoiced", "paid", "closed"},
    "payment": {"posted"},
    "refund": {"posted"},
    "visit": {"done"},
    "red_invoice": {"issued"},
}
VOID_STATES = {"cancelled", "reversed", "void", "voided"}


@dataclass(frozen=True)
class ComplaintSettings:
    thresholds: SeverityThresholds
    policy: DeadlinePolicy
    hours: OpeningHours
    bad_batch_limit: int
    attachment_limit: int


def load_settings(uow: UnitOfWork) -> ComplaintSettings:
    thresholds = uow.settings.get(THRESHOLDS_KEY)
    policy = uow.settings.get(DEADLINES_KEY)
    return ComplaintSettings(
        SeverityThresholds.from_json(thresholds) if thresholds else SeverityThresholds(),
        DeadlinePolicy.from_json(policy) if policy else DeadlinePolicy(),
        OpeningHours.from_json(uow.settings.get(HOURS_KEY)),
        int(uow.settings.get(BAD_BATCH_KEY, str(c.DEFAULT_BAD_BATCH))),
        int(uow.settings.get(ATTACHMENT_LIMIT_KEY, str(files.DEFAULT_LIMIT))),
    )


@dataclass(frozen=True)
class TicketRow:
    """One line of the complaint list."""

    id: int
    number: str
    customer: str
    customer_class: str
    severity: Severity
    state: TicketState
    received_at: datetime
    item: str
    batch: str
    assignee: str
    description: str
    time_left: TimeLeft
    escalated_to: int
    cursor: tuple = ()
    """The keyset cursor of the row in the list it was read for."""


@dataclass(frozen=True)
class DocumentStatus:
    kind: c.Resolution
    document_kind: str
    number: str
    state: str
    amount: Money

    @property
    def done(self) -> bool:
        return self.state in DONE_STATES.get(self.document_kind, set())

    @property
    def void(self) -> bool:
        return self.state in VOID_STATES


@dataclass(frozen=True)
class TicketDetail:
    ticket: Ticket
    customer_code: str
    customer_name: str
    customer_class: AbcClass
    time_left: TimeLeft
    documents: list[DocumentStatus]
    attachments: list[Attachment]
    visits: list[c.ServiceVisit]
    approver: c.Approver
    bad_batch: bool
    actions: list[TicketAction] = field(default_factory=list)


@dataclass(frozen=True)
class Insight:
    open_by_severity: dict[Severity, tuple[int, int]]
    """Per severity: open tickets, of which overdue."""
    times: list[c.SeverityTimes]
    by_item: list[tuple[str, int]]
    by_batch: list[tuple[str, int]]
    by_customer: list[tuple[str, int]]
    bad_batches: list[tuple[str, str]]
    """(item name, batch) with at least the shop's limit of complaints."""
    by_cause: list[tuple[str, int]] = field(default_factory=list)
    """Per root cause category (its value; tickets without a cause are left out)."""
    by_month: list[tuple[str, int]] = field(default_factory=list)
    repeat_customers: list[tuple[str, int]] = field(default_factory=list)
    tickets: int = 0
    """How many tickets the period holds."""


def _now_utc() -> datetime:
    return datetime.now(UTC)


for _queue in (
    home.Queue(
        "complaints_overdue",
        QT_TRANSLATE_NOOP("terms", "Overdue complaints"),
        lambda uow, _today: hq.complaints(uow.session, _now_utc()),
        "complaints",
        lambda _today: {"open_only": True, "overdue": True},
        permission=Permission.HANDLE_COMPLAINTS,
    ),
    home.Queue(
        "complaints_open",
        QT_TRANSLATE_NOOP("terms", "Open complaints"),
        lambda uow, _today: hq.complaints(uow.session),
        "complaints",
        lambda _today: {"open_only": True},
        permission=Permission.HANDLE_COMPLAINTS,
    ),
    home.Queue(
        "complaints_follow_up",
        QT_TRANSLATE_NOOP("terms", "Customers to call back"),
        lambda uow, _today: hq.complaints_in_state(uow.session, TicketState.RESOLVED),
        "complaints",
        lambda _today: {"state": TicketState.RESOLVED.value},
        permission=Permission.HANDLE_COMPLAINTS,
    ),
    home.Queue(
        "complaint_allowances",
        QT_TRANSLATE_NOOP("terms", "Complaint allowances to issue"),
        lambda uow, _today: allowances_to_issue(uow.session),
        "complaints",
        lambda _today: {"allowance_waiting": True},
        permission=Permission.RED_INVOICES,
        money=True,
    ),
):
    home.register(_queue)


class ComplaintService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # --- reading -------------------------------------------------------------------------

    @door
    def settings(self) -> ComplaintSettings:
        return read(self.ctx.db, load_settings)

    @door(amount=Decimal)
    def suggest(self, amount: object, reach: int) -> Severity:
        """The severity the thresholds suggest for what is typed (nothing is written)."""
        money = c.clean_amount(amount)
        return read(self.ctx.db, lambda uow: load_settings(uow).thresholds.suggest(money, reach))

    @door
    def tickets(
        self,
        open_only: bool = False,
        customer_id: int | None = None,
        severity: str = "",
        text: str = "",
        item_id: int | None = None,
        batch: str = "",
        overdue: bool = False,
        state: str = "",
    ) -> list[TicketRow]:
        """Tickets with their time left; open ones first, the most overdue first
        (``overdue``: only those past their deadline)."""
        now = self.ctx.clock()

        def work(uow: UnitOfWork) -> list[TicketRow]:
            config = load_settings(uow)
            rows = uow.complaints.rows(
                open_only=open_only, customer_id=customer_id, severity=severity, text=text,
                item_id=item_id, batch=batch, state=state,
            )  # fmt: skip
            found = [_row(r, now, config) for r in rows]
            return sort_rows([r for r in found if r.time_left.overdue or not overdue])

        return read(self.ctx.db, work)

    @door
    def page(self, page: Page) -> list[TicketRow]:
        """A keyset page of the complaint list with each ticket's time left (filters
        ``open_only``, ``overdue``, ``customer_id``, ``item_id``, ``severity``, ``state``,
        ``batch``; the default order is the most urgent first)."""
        now = self.ctx.clock()

        def work(uow: UnitOfWork) -> list[TicketRow]:
            config = load_settings(uow)
            rows = complaint_page(uow.session, page, now)
            return [_row(r, now, config) for r in rows]

        return read(self.ctx.db, work)

    @door
    def get(self, ticket_id: int) -> Ticket:
        return read(self.ctx.db, lambda uow: _load(uow, ticket_id, None))

    @door
    def by_number(self, number: str) -> Ticket:
        def work(uow: UnitOfWork) -> Ticket:
            ticket = uow.complaints.by_number(number.strip().upper())
            if ticket is None:
                raise not_found(TICKET, number)
            return ticket

        return read(self.ctx.db, work)

    @door
    def detail(self, ticket_id: int) -> TicketDetail:
        now = self.ctx.clock()
        return read(self.ctx.db, lambda uow: _detail(uow, _load(uow, ticket_id, None), now))

    @door
    def customer_deliveries(self, customer_id: int) -> list[dict[str, Any]]:
        """The customer's latest deliveries (id, number, date), for the ticket form."""
        return read(self.ctx.db, lambda uow: uow.complaints.customer_deliveries(customer_id))

    @door
    def delivery_items(self, delivery_id: int) -> list[dict[str, Any]]:
        """What a delivery carried (item, batch, serial, quantity), for the ticket form."""
        return read(self.ctx.db, lambda uow: uow.complaints.delivery_items(delivery_id))

    @door
    def delivery_customer(self, delivery_id: int) -> int:
        """The customer a delivery went to (a ticket opened from a delivery)."""

        def work(uow: UnitOfWork) -> int:
            row = uow.complaints.delivery_header(delivery_id)
            if row is None:
                raise not_found(Term(QT_TRANSLATE_NOOP("terms", "Delivery")), delivery_id)
            return int(row["customer_id"])

        return read(self.ctx.db, work)

    @door
    def attachment(self, attachment_id: int) -> Attachment:
        def work(uow: UnitOfWork) -> Attachment:
            found = uow.complaints.attachment(attachment_id)
            if found is None:
                raise not_found(ATTACHMENT, attachment_id)
            return found

        return read(self.ctx.db, work)

    @door
    def insight(self, days: int = 365) -> Insight:
        """Open tickets by severity, times against the deadlines, complaints by item, batch
        and customer, and the batches that reached the shop's limit."""
        since = timedelta(days=c.insight_period(days))
        now = self.ctx.clock()
        return read(self.ctx.db, lambda uow: _insight(uow, now, now - since))

    @door
    def batch_warning(self, item_id: int, batch: str) -> int:
        """How many complaints name this item's batch when that reaches the limit, else 0."""

        def work(uow: UnitOfWork) -> int:
            limit = load_settings(uow).bad_batch_limit
            count = uow.complaints.batch_counts([item_id]).get((item_id, batch), 0)
            return count if count >= limit else 0

        return read(self.ctx.db, work)

    @door
    def bad_batches_of(self, item_ids: Sequence[int]) -> dict[tuple[int, str], list[str]]:
        """The batches of these items with at least the shop's limit of complaints, each
        with its ticket numbers — the warning the stock overview and the picking list show
        (every user may read it: the warehouse needs it most)."""

        def work(uow: UnitOfWork) -> dict[tuple[int, str], list[str]]:
            limit = load_settings(uow).bad_batch_limit
            found = uow.complaints.batch_tickets(set(item_ids))
            counts = {key: len(numbers) for key, numbers in found.items()}
            return {key: found[key] for key in c.bad_batches(counts, limit)}

        return read(self.ctx.db, work) if item_ids else {}

    # --- changing ------------------------------------------------------------------------

    @door
    def configure(
        self,
        thresholds: SeverityThresholds | None = None,
        policy: DeadlinePolicy | None = None,
        hours: OpeningHours | None = None,
        bad_batch_limit: int | None = None,
    ) -> ComplaintSettings:
        """The shop's thresholds, deadlines, opening hours and bad-batch limit."""
        limit = None if bad_batch_limit is None else c.clean_limit(bad_batch_limit)

        def work(uow: UnitOfWork) -> ComplaintSettings:
            if thresholds is not None:
                uow.settings.set(THRESHOLDS_KEY, thresholds.to_json())
            if policy is not None:
                uow.settings.set(DEADLINES_KEY, policy.to_json())
            if hours is not None:
                uow.settings.set(HOURS_KEY, hours.to_json())
            if limit is not None:
                uow.settings.set(BAD_BATCH_KEY, str(limit))
            uow.audit(
                self.ctx.actor,
                "complaints.configure",
                "settings",
                "complaints",
                changes=uow.settings.changes(),
            )
            return load_settings(uow)

        return write(self.ctx.db, work)

    @door
    def settings_text(self) -> dict[str, str]:
        """The settings as the settings screen shows them (amounts, minutes, %), with the
        opening hours per weekday as ``hours.<0-6>`` = ``08:30-18:00`` (empty: closed)."""
        config = self.settings()
        shown = c.settings_as_text(config.thresholds, config.policy, config.bad_batch_limit)
        for day in range(7):
            hours = config.hours.days.get(day)
            shown[f"hours.{day}"] = (
                f"{hours[0].strftime('%H:%M')}-{hours[1].strftime('%H:%M')}" if hours else ""
            )
        return shown

    @door
    def save_settings(self, values: Mapping[str, Any]) -> ComplaintSettings:
        """The settings screen's typed values (see :meth:`settings_text`), every field
        checked at once; nothing is stored unless all are right."""
        errors: list[FieldError] = []
        try:
            thresholds, policy, limit = c.settings_from_text(values)
        except ValidationError as error:
            errors += list(error.errors)
        hours = None
        try:
            hours = _typed_hours(values)
        except FieldError as error:
            errors.append(error)
        if errors:
            raise ValidationError(errors)
        return self.configure(thresholds, policy, hours, limit)

    @door
    def create(self, values: Mapping[str, Any], severity_reason: str = "") -> Ticket:
        """A new ticket: severity suggested (or the one given, with a reason), deadlines
        counted from receipt, numbered in its own series."""
        now = self.ctx.clock()
        clean = c.clean_ticket(values, now, self.ctx.today())
        wanted = _wanted_severity(values.get("severity"))

        def work(uow: UnitOfWork) -> Ticket:
            config = load_settings(uow)
            abc = _check_links(uow, clean)
            suggested = config.thresholds.suggest(clean["amount"], clean["reach"])
            severity = wanted or suggested
            _reason_for(severity, suggested, severity_reason)
            deadlines = _deadlines(config, severity, abc, clean["received_at"])
            ticket = Ticket(
                number=uow.documents.next_number(DocumentType.COMPLAINT, now.year),
                severity=severity,
                severity_suggested=suggested,
                severity_reason=severity_reason.strip()[:200] if severity != suggested else "",
                report_due=deadlines.report,
                response_due=deadlines.response,
                resolution_due=deadlines.resolution,
                created_by=self.ctx.actor.username,
                **clean,
            )
            ticket.assignee = ticket.assignee or self.ctx.actor.username
            ticket.history.append(
                c.HistoryEntry(now, self.ctx.actor.username, "create", "", ticket.state.value)
            )
            uow.complaints.add(ticket)
            uow.audit(
                self.ctx.actor, "complaint.create", "complaint", ticket.number,
                customer=ticket.customer_id, severity=ticket.severity.value,
                amount=ticket.amount,
            )  # fmt: skip
            return ticket

        return write(self.ctx.db, work)

    @door
    def update(self, ticket_id: int, expected_version: int, values: Mapping[str, Any]) -> Ticket:
        """Change an open ticket's details (the customer and the severity stay: a severity
        changes with :meth:`change_severity`)."""
        now = self.ctx.clock()

        def work(uow: UnitOfWork) -> Ticket:
            ticket = _load(uow, ticket_id, expected_version)
            _require_open(ticket)
            merged = {**_form_values(ticket), **values, "customer_id": ticket.customer_id}
            clean = c.clean_ticket(merged, now, self.ctx.today())
            _check_links(uow, clean)
            for key, value in clean.items():
                setattr(ticket, key, value)
            ticket.history.append(
                c.HistoryEntry(
                    now, self.ctx.actor.username, "edit", ticket.state.value, ticket.state.value
                )
            )
            uow.flush()
            uow.audit(self.ctx.actor, "complaint.update", "complaint", ticket.number)
            return ticket

        return write(self.ctx.db, work)

    @door
    def change_severity(
        self, ticket_id: int, expected_version: int, severity: Severity, reason: str
    ) -> Ticket:
        now = self.ctx.clock()

        def work(uow: UnitOfWork) -> Ticket:
            ticket = _load(uow, ticket_id, expected_version)
            config = load_settings(uow)
            customer = uow.customers.get(ticket.customer_id)
            abc = customer.abc_class if customer else None
            deadlines = _deadlines(config, severity, abc, ticket.received_at)
            before = ticket.severity
            ticket.change_severity(severity, reason, self.ctx.actor, now, deadlines)
            uow.flush()
            uow.audit(
                self.ctx.actor, "complaint.severity", "complaint", ticket.number,
                before=before.value, after=severity.value, reason=reason,
            )  # fmt: skip
            return ticket

        return write(self.ctx.db, work)

    @door
    def act(
        self, ticket_id: int, expected_version: int, action: TicketAction, note: str = ""
    ) -> Ticket:
        """Move the ticket by ``action`` (approving needs the severity's approver; resolving
        needs every resolution document done)."""
        now = self.ctx.clock()

        def work(uow: UnitOfWork) -> Ticket:
            ticket = _load(uow, ticket_id, expected_version)
            if action is TicketAction.RESOLVE:
                statuses = _statuses(uow, ticket)
                c.check_documents_done(
                    ticket.number, [(s.number, s.done) for s in statuses if not s.void]
                )
            before = ticket.state
            ticket.move(action, self.ctx.actor, now, note)
            uow.flush()
            uow.audit(
                self.ctx.actor, f"complaint.{action.value}", "complaint", ticket.number,
                before=before.value, after=ticket.state.value, note=note,
            )  # fmt: skip
            return ticket

        return write(self.ctx.db, work)

    @door
    def propose(self, ticket_id: int, expected_version: int, solution: str) -> Ticket:
        """Write down the proposed solution and move the ticket to *solution proposed*."""
        text = v.required_text(solution, "solution", 2000)
        self._set(ticket_id, expected_version, {"solution": text})
        ticket = self.get(ticket_id)
        return self.act(ticket_id, ticket.version, TicketAction.PROPOSE)

    @door
    def follow_up(
        self, ticket_id: int, expected_version: int, satisfaction: int, comment: str = ""
    ) -> Ticket:
        """The customer was called back (回访): their satisfaction 1–5 and what they said."""
        score, text = c.clean_satisfaction(satisfaction, comment)
        self._set(ticket_id, expected_version, {"satisfaction": score, "follow_up_comment": text})
        ticket = self.get(ticket_id)
        return self.act(ticket_id, ticket.version, TicketAction.FOLLOW_UP, text)

    @door
    def record_cause(
        self, ticket_id: int, expected_version: int, values: Mapping[str, Any]
    ) -> Ticket:
        """Root cause and corrective / preventive action (纠正预防措施)."""
        clean = c.clean_cause(values, self.ctx.today())
        return self._set(ticket_id, expected_version, clean, "cause")

    @door
    def verify_action(self, ticket_id: int, expected_version: int, effective: bool) -> Ticket:
        """Who checked the corrective action, today, and whether it worked."""
        ticket = self.get(ticket_id)
        if not ticket.corrective_action and not ticket.preventive_action:
            raise FieldError(
                "corrective_action",
                QT_TRANSLATE_NOOP("errors", "Record the corrective action before verifying it."),
            )
        values = {
            "verified_by": self.ctx.actor.username,
            "verified_on": self.ctx.today(),
            "effective": effective,
        }
        return self._set(ticket_id, expected_version, values, "verify")

    @door
    def add_attachment(self, ticket_id: int, file_name: str, data: bytes) -> Attachment:
        """A photo or PDF kept inside the database (so every backup carries it)."""
        now = self.ctx.clock()

        def work(uow: UnitOfWork) -> Attachment:
            ticket = _load(uow, ticket_id, None)
            checked = files.check_attachment(file_name, data, load_settings(uow).attachment_limit)
            new_id = uow.complaints.add_attachment(
                {
                    "ticket_id": ticket.id, "file_name": checked.file_name,
                    "media_type": checked.media_type, "size": len(data), "data": data,
                    "added_by": self.ctx.actor.username, "added_at": now,
                }
            )  # fmt: skip
            uow.audit(
                self.ctx.actor, "complaint.attach", "complaint", ticket.number,
                file=checked.file_name, size=len(data),
            )  # fmt: skip
            found = uow.complaints.attachment(new_id)
            assert found is not None
            return found

        return write(self.ctx.db, work)

    @door
    def remove_attachment(self, attachment_id: int) -> None:

        def work(uow: UnitOfWork) -> None:
            found = uow.complaints.attachment(attachment_id)
            if found is None:
                raise not_found(ATTACHMENT, attachment_id)
            ticket = _load(uow, found.ticket_id, None)
            uow.complaints.remove_attachment(attachment_id)
            uow.audit(
                self.ctx.actor, "complaint.detach", "complaint", ticket.number,
                file=found.file_name,
            )  # fmt: skip

        write(self.ctx.db, work)

    @door
    def escalate_overdue(self) -> list[str]:
        """Escalate every open ticket past a deadline one step further (the assignee's
        manager, then the owner); returns the numbers escalated now."""
        now = self.ctx.clock()

        def work(uow: UnitOfWork) -> list[str]:
            escalated = []
            for row in uow.complaints.rows(open_only=True, limit=None):
                level = c.escalation_level(row["state"], _row_deadlines(row), now)
                if level > row["escalated_to"]:
                    ticket = _load(uow, row["id"], None)
                    ticket.escalated_to = int(level)
                    ticket.history.append(
                        c.HistoryEntry(
                            now, self.ctx.actor.username, "escalate", ticket.state.value,
                            ticket.state.value, c.APPROVER_LABELS[level],
                        )
                    )  # fmt: skip
                    escalated.append(ticket.number)
            if escalated:
                uow.flush()
                uow.audit(self.ctx.actor, "complaint.escalate", "complaint", ",".join(escalated))
            return escalated

        return write(self.ctx.db, work)

    # --- helpers -------------------------------------------------------------------------

    def _set(
        self, ticket_id: int, expected: int, values: Mapping[str, Any], what: str = "edit"
    ) -> Ticket:
        now = self.ctx.clock()

        def work(uow: UnitOfWork) -> Ticket:
            ticket = _load(uow, ticket_id, expected)
            for key, value in values.items():
                setattr(ticket, key, value)
            state = ticket.state.value
            ticket.history.append(c.HistoryEntry(now, self.ctx.actor.username, what, state, state))
            uow.flush()
            uow.audit(
                self.ctx.actor, f"complaint.{what}", "complaint", ticket.number,
                **{k: str(v) for k, v in values.items()},
            )  # fmt: skip
            return ticket

        return write(self.ctx.db, work)


# --- module helpers ----------------------------------------------------------------------


def _load(uow: UnitOfWork, ticket_id: int, expected: int | None) -> Ticket:
    ticket = uow.complaints.get(ticket_id)
    if ticket is None:
        raise not_found(TICKET, ticket_id)
    check_version(ticket, expected, TICKET, ticket.number)
    return ticket


def _require_open(ticket: Ticket) -> None:
    if not ticket.is_open:
        raise StateError(
            QT_TRANSLATE_NOOP("errors", "Complaint {number} is {state}: reopen it first."),
            number=ticket.number,
            state=c.COMPLAINT_FLOW.state_labels[ticket.state],
        )


def _wanted_severity(value: object) -> Severity | None:
    if value in (None, ""):
        return None
    try:
        return Severity(str(value))
    except ValueError:
        raise FieldError(
            "severity", QT_TRANSLATE_NOOP("errors", "Choose one of the list.")
        ) from None


def _reason_for(severity: Severity, suggested: Severity, reason: str) -> None:
    if severity != suggested and not reason.strip():
        raise FieldError(
            "severity_reason",
            QT_TRANSLATE_NOOP(
                "errors", "The suggested severity is {suggested}: say why it is different."
            ),
            suggested=c.SEVERITY_LABELS[suggested],
        )


def _deadlines(
    config: ComplaintSettings, severity: Severity, abc: AbcClass | None, received: datetime
) -> c.Deadlines:
    local = received.astimezone()
    return config.policy.deadlines(severity, abc, local, config.hours)


def _check_links(uow: UnitOfWork, clean: dict[str, Any]) -> AbcClass:
    """The customer exists; the delivery, invoice and order named are the customer's; the
    item was on the delivery and no more is affected than was delivered."""
    customer = uow.customers.get(clean["customer_id"])
    if customer is None:
        raise FieldError(
            "customer_id",
            QT_TRANSLATE_NOOP("errors", "{what} {key} does not exist (any more)."),
            what=CUSTOMER,
            key=clean["customer_id"],
        )
    errors: list[FieldError] = []
    for name, header in (
        ("delivery_id", uow.complaints.delivery_header),
        ("invoice_id", uow.complaints.invoice_header),
        ("order_id", uow.complaints.order_header),
    ):
        if clean[name] is None:
            continue
        row = header(clean[name])
        if row is None or row["customer_id"] != customer.id:
            errors.append(_foreign(name, row["number"] if row else clean[name], customer.name))
        elif name == "delivery_id":
            clean["order_id"] = clean["order_id"] or row["order_id"]
            clean["ship_date"] = clean["ship_date"] or row["delivery_date"]
    if clean["item_id"] is not None and uow.items.get(clean["item_id"]) is None:
        errors.append(
            FieldError("item_id", QT_TRANSLATE_NOOP("errors", "Choose a record from the list."))
        )
    related = clean["related"].split()
    unknown = sorted(set(related) - set(uow.complaints.ids_of_numbers(related)))
    if unknown:
        errors.append(
            FieldError(
                "related",
                QT_TRANSLATE_NOOP("errors", "There is no complaint {numbers}."),
                numbers=", ".join(unknown),
            )
        )
    if not errors and clean["delivery_id"] is not None:
        delivered = uow.complaints.delivered(clean["delivery_id"], clean["item_id"])
        if clean["item_id"] is not None and delivered == 0:
            errors.append(
                FieldError(
                    "item_id",
                    QT_TRANSLATE_NOOP("errors", "The item was not on this delivery."),
                )
            )
        else:
            try:
                c.check_affected_quantity(clean["quantity"], delivered)
            except FieldError as error:
                errors.append(error)
    if errors:
        raise ValidationError(errors)
    return customer.abc_class


def _typed_hours(values: Mapping[str, Any]) -> OpeningHours:
    """``hours.<weekday>`` typed as ``08:30-18:00`` (empty: closed); none at all: every
    minute counts."""
    raw: dict[int, tuple[str, str]] = {}
    for day in range(7):
        text = str(values.get(f"hours.{day}", "") or "").strip()
        if not text:
            continue
        opens, _dash, closes = text.replace("–", "-").partition("-")
        try:
            raw[day] = opening_hours({day: (opens.strip(), closes.strip())}).days[day]
        except FieldError as error:
            raise FieldError(f"hours.{day}", error.template, **error.params) from None
    return OpeningHours(raw)


def _foreign(name: str, number: object, customer: str) -> FieldError:
    return FieldError(
        name,
        QT_TRANSLATE_NOOP("errors", "{number} is not a document of {customer}."),
        number=number,
        customer=customer,
    )


def _form_values(ticket: Ticket) -> dict[str, Any]:
    keys = (
        "channel", "received_at", "description", "order_id", "delivery_id", "invoice_id",
        "item_id", "batch", "serial", "quantity", "ship_date", "requested", "amount", "reach",
        "assignee", "related",
    )  # fmt: skip
    values = {k: getattr(ticket, k) for k in keys}
    values["amount"] = ticket.amount.amount
    return values


def _row_deadlines(row: Mapping[str, Any]) -> c.Deadlines:
    return c.Deadlines(row["report_due"], row["response_due"], row["resolution_due"])


def _row(row: Mapping[str, Any], now: datetime, config: ComplaintSettings) -> TicketRow:
    left = c.time_left(
        row["state"], row["received_at"].astimezone(), _row_deadlines(row), now.astimezone(),
        config.hours, config.policy.amber_share,
    )  # fmt: skip
    return TicketRow(
        row["id"], row["number"], row["customer_name"],
        str(row["pinned_class"] or row["computed_class"]), row["severity"], row["state"],
        row["received_at"], row["item_name"] or "", row["batch"], row["assignee"],
        row["description"], left, row["escalated_to"], tuple(row.get("cursor", ())),
    )  # fmt: skip


def sort_rows(rows: list[TicketRow]) -> list[TicketRow]:
    """Running before finished; among running ones, the least time left (most overdue)
    first; then the newest ticket first (the order ``complaint_queries`` pages in)."""
    return sorted(
        rows,
        key=lambda r: (
            r.time_left.status is c.TimeStatus.DONE,
            r.time_left.minutes if r.time_left.status is not c.TimeStatus.DONE else 0,
            -r.id,
        ),
    )


def _statuses(uow: UnitOfWork, ticket: Ticket) -> list[DocumentStatus]:
    states = uow.complaints.document_states(d.number for d in ticket.resolutions)
    return [
        DocumentStatus(d.kind, d.document_kind, d.number, states.get(d.number, "?"), d.amount)
        for d in ticket.resolutions
    ]


def _detail(uow: UnitOfWork, ticket: Ticket, now: datetime) -> TicketDetail:
    config = load_settings(uow)
    customer = uow.customers.get(ticket.customer_id)
    assert customer is not None
    left = c.time_left(
        ticket.state, ticket.received_at.astimezone(), ticket.deadlines, now.astimezone(),
        config.hours, config.policy.amber_share,
    )  # fmt: skip
    bad = False
    if ticket.item_id and ticket.batch:
        count = uow.complaints.batch_counts([ticket.item_id]).get((ticket.item_id, ticket.batch))
        bad = (count or 0) >= config.bad_batch_limit
    return TicketDetail(
        ticket, customer.code, customer.name, customer.abc_class, left, _statuses(uow, ticket),
        uow.complaints.attachments(ticket.id or 0), uow.complaints.visits_of(ticket.id or 0),
        c.approval_needed(ticket.severity), bad, c.COMPLAINT_FLOW.actions_from(ticket.state),
    )  # fmt: skip


def _insight(uow: UnitOfWork, now: datetime, since: datetime) -> Insight:
    config = load_settings(uow)
    facts = uow.complaints.facts(since)
    open_by: dict[Severity, tuple[int, int]] = {s: (0, 0) for s in c.SEVERITY_ORDER}
    for fact in facts:
        if fact.state not in c.OPEN_STATES:
            continue
        deadlines = c.Deadlines(fact.report_due, fact.response_due, fact.resolution_due)
        left = c.time_left(fact.state, fact.received_at, deadlines, now, config.hours)
        count, late = open_by[fact.severity]
        open_by[fact.severity] = (count + 1, late + (1 if left.overdue else 0))
    counts = uow.complaints.batch_counts()
    names = {i.id: i.name for i in uow.items.by_ids({item for item, _ in counts}).values()}
    batches = c.bad_batches(counts, config.bad_batch_limit)
    return Insight(
        open_by,
        c.times_by_severity(facts, config.policy, config.hours),
        c.count_by(facts, "item"),
        c.count_by(facts, "batch"),
        c.count_by(facts, "customer"),
        [(names.get(item, str(item)), batch) for item, batch in batches],
        c.count_by(facts, "cause"),
        c.count_by(facts, "month"),
        c.repeat_customers(facts),
        len(facts),
    )


def quantity_text(quantity: Decimal) -> str:
    return f"{quantity.normalize():f}"
