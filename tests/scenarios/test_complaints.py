"""A customer complains about goods delivered: a ticket from the delivery, its flow with the
approval its severity needs, resolutions that make real documents (return, free
replacement, exchange, damages, a visit), and the refusals of bad input."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from retailerp.domain.complaints import Severity, TicketAction, TicketState, TimeStatus
from retailerp.domain.errors import FieldError, PermissionDenied, StateError, ValidationError
from retailerp.domain.money import Money
from retailerp.domain.security import Actor, Role
from retailerp.persistence.unit_of_work import read
from retailerp.services import Services
from support.dbtools import as_owner
from support.shop import Shop

D = Decimal
T0 = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
    b"\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\x0f\x00\x01\x01\x01\x00\x18\xdd\x8d\xb4\x00"
    b"\x00\x00\x00IEND\xaeB`\x82"
)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: int) -> None:
        self.now += timedelta(**kwargs)


@pytest.fixture
def clock() -> Clock:
    return Clock()


def as_user(shop: Shop, clock: Clock, role: Role = Role.OWNER, name: str = "boss") -> Services:
    return as_owner(
        shop.s.ctx.db, actor=Actor(name, role), today=lambda: date(2026, 3, 10), clock=clock
    )


def delivered(shop: Shop) -> dict:
    """6 kettles (batch K1) delivered to C001; another customer C002 with a delivery too."""
    s = shop.s
    customers = [
        s.customers.create({"code": code, "name": name, "credit_limit": "99999"})
        for code, name in (("C001", "华联超市"), ("C002", "Other shop"))
    ]
    item = s.items.create(
        {"sku": "KET", "name": "Kettle 电水壶", "price": "100", "vat_rate": "13",
         "tracking": "batch"}
    )  # fmt: skip
    a01 = s.stock.add_bin("A-01").id
    s.stock.receive(a01, [{"item_id": item.id, "quantity": "30", "batch": "K1"}])
    deliveries = []
    for customer in customers:
        order = s.orders.create(customer.id, {}, [{"item_id": item.id, "quantity": "6"}])
        order = s.orders.confirm(order.id, order.version)
        s.orders.start_picking(order.id, order.version)
        deliveries.append(s.orders.ship(order.id, s.orders.get(order.id).version))
    return {"customer": customers[0].id, "other": customers[1].id, "item": item.id,
            "delivery": deliveries[0], "foreign": deliveries[1]}  # fmt: skip


def ticket_values(d: dict, **extra: object) -> dict:
    return {
        "customer_id": d["customer"], "channel": "phone", "description": "Handle cracked",
        "delivery_id": d["delivery"].id, "item_id": d["item"], "batch": "K1",
        "quantity": "2", "requested": "exchange", "amount": "226", **extra,
    }  # fmt: skip


def to_accepted(s: Services, ticket_id: int) -> None:
    """Acknowledge, investigate, propose, approve where needed, the customer accepts."""
    t = s.complaints.act(ticket_id, s.complaints.get(ticket_id).version, TicketAction.ACKNOWLEDGE)
    t = s.complaints.act(ticket_id, t.version, TicketAction.INVESTIGATE)
    t = s.complaints.propose(ticket_id, t.version, "Take back the cracked ones")
    if t.severity is not Severity.MINOR:
        t = s.complaints.act(ticket_id, t.version, TicketAction.APPROVE)
    s.complaints.act(ticket_id, t.version, TicketAction.ACCEPT, "customer agreed by phone")


# --- the ticket --------------------------------------------------------------------------


def test_a_ticket_from_a_delivery_gets_number_severity_and_deadlines(shop: Shop, clock: Clock):
    d = delivered(shop)
    s = as_user(shop, clock, Role.SALES, "li")
    ticket = s.complaints.create(ticket_values(d))
    assert ticket.number == "CP2026-000001"
    assert ticket.severity is Severity.MINOR and ticket.severity_suggested is Severity.MINOR
    assert ticket.resolution_due == T0 + timedelta(hours=2)
    assert ticket.order_id == d["delivery"].order_id
    assert ticket.ship_date == d["delivery"].delivery_date
    assert ticket.assignee == "li"
    assert [(h.action, h.username) for h in ticket.history] == [("create", "li")]
    big = s.complaints.create(ticket_values(d, amount="6000", related=ticket.number.lower()))
    assert big.severity is Severity.MAJOR and big.related == ticket.number


def test_a_different_severity_needs_a_reason(shop: Shop, clock: Clock):
    d = delivered(shop)
    s = as_user(shop, clock)
    with pytest.raises(FieldError) as caught:
        s.complaints.create(ticket_values(d, severity="critical"))
    assert caught.value.field == "severity_reason"
    ticket = s.complaints.create(ticket_values(d, severity="critical"), "on the news")
    assert ticket.severity is Severity.CRITICAL and ticket.severity_reason == "on the news"


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ({"customer_id": None}, "customer_id"),
        ({"quantity": "6.001"}, "quantity"),
        ({"description": ""}, "description"),
        ({"received_at": "2026-03-10T10:00:00+00:00"}, "received_at"),  # the future
        ({"related": "CP2026-000099"}, "related"),
    ],
)
def test_bad_ticket_input_names_the_field_and_saves_nothing(shop, clock, extra, field):
    d = delivered(shop)
    s = as_user(shop, clock)
    with pytest.raises((FieldError, ValidationError)) as caught:
        s.complaints.create(ticket_values(d, **extra))
    fields = [e.field for e in getattr(caught.value, "errors", [caught.value])]
    assert field in fields
    assert s.complaints.tickets() == []


def test_a_foreign_delivery_is_refused(shop: Shop, clock: Clock):
    d = delivered(shop)
    s = as_user(shop, clock)
    with pytest.raises(ValidationError) as caught:
        s.complaints.create(ticket_values(d, delivery_id=d["foreign"].id))
    assert caught.value.errors[0].field == "delivery_id"
    assert d["foreign"].number in str(caught.value)
    assert s.complaints.tickets() == []


def test_attachments_are_checked_by_their_bytes_and_size(shop: Shop, clock: Clock):
    d = delivered(shop)
    s = as_user(shop, clock)
    ticket = s.complaints.create(ticket_values(d))
    photo = s.complaints.add_attachment(ticket.id, "C:\\photos\\crack.png", PNG)
    assert (photo.file_name, photo.media_type, photo.size) == ("crack.png", "image/png", len(PNG))
    s.complaints.add_attachment(ticket.id, "report.pdf", PDF)
    assert s.complaints.attachment(photo.id).data == PNG
    bad = [
        ("virus.png", b"MZ\x90\x00" + b"\0" * 100, "not a picture"),
        ("cut.png", PNG[:20], "cut short"),
        ("huge.pdf", b"%PDF-" + b"x" * (5 * 1024 * 1024) + b"%%EOF", "at most"),
        ("empty.jpg", b"", "empty"),
    ]
    for name, data, words in bad:
        with pytest.raises(FieldError, match=words) as caught:
            s.complaints.add_attachment(ticket.id, name, data)
        assert caught.value.field == "file"
    assert [a.file_name for a in s.complaints.detail(ticket.id).attachments] == [
        "crack.png", "report.pdf"
    ]  # fmt: skip


def test_approving_without_the_role_is_refused_and_changes_nothing(shop: Shop, clock: Clock):
    d = delivered(shop)
    clerk = as_user(shop, clock, Role.SALES, "li")
    t = clerk.complaints.create(ticket_values(d, amount="800"))  # general
    t = clerk.complaints.act(t.id, t.version, TicketAction.ACKNOWLEDGE)
    t = clerk.complaints.act(t.id, t.version, TicketAction.INVESTIGATE)
    t = clerk.complaints.propose(t.id, t.version, "Replace two")
    with pytest.raises(PermissionDenied, match="the manager"):
        clerk.complaints.act(t.id, t.version, TicketAction.APPROVE)
    with pytest.raises(StateError, match="approves the solution"):
        clerk.complaints.act(t.id, t.version, TicketAction.ACCEPT)
    assert clerk.complaints.get(t.id).state is TicketState.PROPOSED
    owner = as_user(shop, clock)
    approved = owner.complaints.act(t.id, t.version, TicketAction.APPROVE)
    assert approved.approved_by == "boss" and approved.state is TicketState.APPROVED


def test_a_warehouse_clerk_cannot_record_payments_so_damages_are_refused(shop, clock):
    d = delivered(shop)
    owner = as_user(shop, clock)
    t = owner.complaints.create(ticket_values(d))
    to_accepted(owner, t.id)
    clerk = as_user(shop, clock, Role.WAREHOUSE, "wang")
    with pytest.raises(PermissionDenied):
        clerk.resolutions.damages(t.id, "50")
    assert owner.complaints.get(t.id).resolutions == []


# --- resolutions -------------------------------------------------------------------------


def test_a_return_resolution_posts_a_full_refund_return_and_the_ticket_closes(shop, clock):
    d = delivered(shop)
    s = as_user(shop, clock)
    t = s.complaints.create(ticket_values(d, requested="return"))
    s.complaints.add_attachment(t.id, "crack.png", PNG)
    with pytest.raises(StateError, match="accepted the solution"):
        s.resolutions.return_goods(t.id)
    to_accepted(s, t.id)
    made = s.resolutions.return_goods(t.id)
    [number] = made.numbers
    assert made.ticket.state is TicketState.EXECUTING
    document = s.returns.by_number(number)
    assert document.state == "posted" and document.refund == Money.of("226")
    assert shop.qty(d["item"], "QC", "K1") == 2
    [status] = s.complaints.detail(t.id).documents
    assert status.done and status.state == "posted"
    t = s.complaints.act(t.id, made.ticket.version, TicketAction.RESOLVE)
    with pytest.raises(FieldError):
        s.complaints.act(t.id, t.version, TicketAction.FOLLOW_UP)
    t = s.complaints.follow_up(t.id, t.version, 4, "fine now")
    t = s.complaints.act(t.id, t.version, TicketAction.CLOSE)
    assert t.state is TicketState.CLOSED and t.satisfaction == 4
    assert [h.action for h in t.history] == [
        "create", "acknowledge", "investigate", "edit", "propose", "accept", "execute",
        "resolve", "edit", "follow_up", "close",
    ]  # fmt: skip
    audit = read(s.ctx.db, lambda u: u.session.execute(
        __import__("sqlalchemy").text("select action from audit_log where entity='complaint'")
    ).scalars().all())  # fmt: skip
    assert "complaint.resolve" in audit and "complaint.document" in audit


def test_a_free_replacement_is_a_confirmed_order_at_price_zero_and_must_ship(shop, clock):
    d = delivered(shop)
    s = as_user(shop, clock)
    t = s.complaints.create(ticket_values(d, requested="replacement"))
    to_accepted(s, t.id)
    made = s.resolutions.replace(t.id)
    order = s.orders.by_number(made.numbers[0])
    assert order.state == "confirmed" and order.totals.gross == Money.zero()
    assert [line.quantity for line in order.lines] == [D(2)]
    with pytest.raises(StateError, match=order.number):
        s.complaints.act(t.id, made.ticket.version, TicketAction.RESOLVE)
    assert s.complaints.get(t.id).state is TicketState.EXECUTING
    s.orders.start_picking(order.id, order.version)
    s.orders.ship(order.id, s.orders.get(order.id).version)
    resolved = s.complaints.act(t.id, made.ticket.version, TicketAction.RESOLVE)
    assert resolved.state is TicketState.RESOLVED
    queues = {q.key: q for q in s.home.overview().queues}
    assert queues["complaints_follow_up"].count == 1  # the customer is to be called back
    rows = s.complaints.tickets(**queues["complaints_follow_up"].filters)
    assert [r.number for r in rows] == [t.number]


def test_an_exchange_makes_a_return_and_a_replacement(shop, clock):
    d = delivered(shop)
    s = as_user(shop, clock)
    t = s.complaints.create(ticket_values(d))
    to_accepted(s, t.id)
    made = s.resolutions.exchange(t.id)
    kinds = [(r.kind, r.document_kind) for r in made.ticket.resolutions]
    assert kinds == [("exchange", "return"), ("exchange", "order")]
    assert s.returns.by_number(made.numbers[0]).state == "posted"
    assert s.orders.by_number(made.numbers[1]).state == "confirmed"


def test_damages_are_money_on_account_that_pays_open_invoices(shop, clock):
    d = delivered(shop)
    s = as_user(shop, clock)
    s.invoices.invoice([d["delivery"].id])
    before = s.invoices.position(d["customer"])
    t = s.complaints.create(ticket_values(d, requested="damages"))
    to_accepted(s, t.id)
    with pytest.raises(FieldError, match="direct or indirect"):
        s.resolutions.damages(t.id, "50", "other")
    made = s.resolutions.damages(t.id, "150.50", "indirect", "lost sales")
    payment = s.invoices.get_payment(made.numbers[0])
    assert payment.amount == Money.of("150.50") and payment.method == "complaint"
    after = s.invoices.position(d["customer"])
    assert after.balance == before.balance - Money.of("150.50")
    resolved = s.complaints.act(t.id, made.ticket.version, TicketAction.RESOLVE)
    assert resolved.state is TicketState.RESOLVED


def test_an_on_site_visit_is_done_once_its_outcome_is_recorded(shop, clock):
    d = delivered(shop)
    s = as_user(shop, clock)
    t = s.complaints.create(ticket_values(d, requested="on_site"))
    to_accepted(s, t.id)
    made = s.resolutions.plan_visit(t.id, date(2026, 3, 11), "Zhang")
    [number] = made.numbers
    assert number == "SV2026-000001"
    with pytest.raises(StateError, match=number):
        s.complaints.act(t.id, made.ticket.version, TicketAction.RESOLVE)
    s.resolutions.record_visit(number, "Replaced the handle on site")
    assert s.complaints.act(t.id, made.ticket.version, TicketAction.RESOLVE).state == "resolved"


def test_a_resolution_needs_the_quantity_and_a_return_the_delivery(shop, clock):
    d = delivered(shop)
    s = as_user(shop, clock)
    t = s.complaints.create(ticket_values(d, quantity="0"))
    to_accepted(s, t.id)
    with pytest.raises(FieldError) as caught:
        s.resolutions.return_goods(t.id)
    assert caught.value.field == "quantity"
    assert s.complaints.get(t.id).resolutions == []


# --- time and insight --------------------------------------------------------------------


def test_the_list_shows_time_left_and_puts_overdue_first_then_escalates(shop, clock):
    d = delivered(shop)
    s = as_user(shop, clock)
    early = s.complaints.create(ticket_values(d))  # report due 09:10
    clock.advance(minutes=5)
    later = s.complaints.create(ticket_values(d))  # report due 09:15
    clock.advance(minutes=6)  # 09:11: the first is one minute over
    rows = s.complaints.tickets(open_only=True)
    assert [r.number for r in rows] == [early.number, later.number]
    assert rows[0].time_left.status is TimeStatus.RED and rows[0].time_left.minutes == -1
    assert rows[1].time_left.status is TimeStatus.ON_TIME and rows[1].time_left.minutes == 4
    assert s.complaints.escalate_overdue() == [early.number]
    assert s.complaints.escalate_overdue() == []
    assert s.complaints.get(early.id).escalated_to == 1
    clock.advance(hours=2)
    assert set(s.complaints.escalate_overdue()) == {early.number, later.number}
    assert s.complaints.get(early.id).escalated_to == 2


def test_insight_against_a_hand_computed_set(shop, clock):
    d = delivered(shop)
    s = as_user(shop, clock)
    a = s.complaints.create(ticket_values(d))
    b = s.complaints.create(ticket_values(d, amount="900"))  # general
    c = s.complaints.create(ticket_values(d, batch=""))
    clock.advance(minutes=30)  # a responds after 30 minutes (late: 20 allowed)
    t = s.complaints.act(a.id, a.version, TicketAction.ACKNOWLEDGE)
    s.complaints.act(a.id, t.version, TicketAction.INVESTIGATE)
    clock.advance(minutes=10)  # b responds after 40 minutes
    t = s.complaints.act(b.id, b.version, TicketAction.ACKNOWLEDGE)
    s.complaints.act(b.id, t.version, TicketAction.INVESTIGATE)
    s.complaints.act(c.id, c.version, TicketAction.REJECT, "not our goods")
    insight = s.complaints.insight()
    assert insight.open_by_severity[Severity.MINOR] == (1, 0)
    assert insight.open_by_severity[Severity.GENERAL] == (1, 0)
    rows = {r.severity: r for r in insight.times}
    assert (rows[Severity.MINOR].count, rows[Severity.MINOR].average_response) == (2, 30)
    assert rows[Severity.MINOR].late == 1
    assert rows[Severity.GENERAL].worst_response == 40
    assert insight.by_item == [("Kettle 电水壶", 3)]
    assert insight.by_batch == [("K1", 2)]
    assert insight.by_customer == [("华联超市", 3)]
    assert insight.bad_batches == []
    s.complaints.create(ticket_values(d))
    assert s.complaints.insight().bad_batches == [("Kettle 电水壶", "K1")]
    assert s.complaints.batch_warning(d["item"], "K1") == 3
    assert s.complaints.batch_warning(d["item"], "K2") == 0


def test_the_home_page_counts_open_and_overdue_complaints(shop, clock):
    d = delivered(shop)
    s = as_user(shop, clock)
    s.complaints.create(ticket_values(d))  # received in March: long overdue by the real clock
    fresh = as_owner(shop.s.ctx.db, today=lambda: date(2026, 3, 10))
    now = datetime.now(UTC)
    fresh.ctx.clock = lambda: now
    fresh.complaints.create(ticket_values(d))
    queues = {q.key: q for q in s.home.overview().queues}
    assert queues["complaints_open"].count == 2
    assert queues["complaints_overdue"].count == 1
    assert queues["complaints_overdue"].filters == {"open_only": True, "overdue": True}
    assert len(fresh.complaints.tickets(open_only=True, overdue=True)) == 1
    clerk = as_user(shop, clock, Role.FINANCE, "fin")
    assert "complaints_open" not in {q.key for q in clerk.home.overview().queues}


# --- printing ----------------------------------------------------------------------------


def test_both_forms_print_with_the_decision_and_the_documents(shop, clock, tmp_path):
    from printing.conftest import page_texts
    from retailerp.cli import main

    d = delivered(shop)
    s = as_user(shop, clock)
    t = s.complaints.create(ticket_values(d, requested="return"))
    to_accepted(s, t.id)
    made = s.resolutions.return_goods(t.id)
    registration = " ".join(page_texts(s.printing.pdf(t.number, language="en")))
    assert "Customer complaint form" in registration and t.number in registration
    assert "Handle cracked" in registration and "KET" in registration
    assert d["delivery"].number in registration
    disposition = " ".join(page_texts(s.printing.pdf(t.number + "/D", language="zh_CN")))
    assert made.numbers[0] in disposition and "Take back the cracked ones" in disposition
    assert "产品售后处置单" in disposition or "After-sales disposition form" in disposition
    out = tmp_path / "d.pdf"
    code = main(["--database", str(shop.s.ctx.db.path), "print", t.number, "--form",
                 "disposition", "-o", str(out)])  # fmt: skip
    assert code == 0 and made.numbers[0] in " ".join(page_texts(out.read_bytes()))
    with pytest.raises(FieldError):
        s.printing.pdf("CX2026-000001")
