"""The settlements of a complaint that go through money and free goods: a price allowance as
a red invoice of the allowance kind, in-kind compensation on a free order, and damages paid
out as a refund — each checked on the documents, the ledger and the customer's balance."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from retailerp.domain.complaints import Severity, TicketAction, TicketState
from retailerp.domain.errors import (
    DomainError,
    FieldError,
    NotFoundError,
    PermissionDenied,
    StateError,
)
from retailerp.domain.money import Money
from retailerp.domain.red_invoices import RedKind
from retailerp.domain.security import Actor, Role
from retailerp.persistence.queries import Page
from retailerp.services import Services
from support.shop import Shop

D = Decimal
T0 = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)


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
    return Services.over(
        shop.s.ctx.db, actor=Actor(name, role), today=lambda: date(2026, 3, 10), clock=clock
    )


def delivered(shop: Shop, invoice: bool = True) -> dict:
    """6 kettles (batch K1, 100 net + 13 % VAT each) delivered to C001 (and invoiced), and a
    second item in stock for compensation."""
    s = shop.s
    customer = s.customers.create({"code": "C001", "name": "华联超市", "credit_limit": "99999"})
    kettle = s.items.create(
        {"sku": "KET", "name": "Kettle 电水壶", "price": "100", "vat_rate": "13",
         "tracking": "batch"}
    )  # fmt: skip
    cup = s.items.create({"sku": "CUP", "name": "Cup 杯子", "price": "10", "vat_rate": "13"})
    a01 = s.stock.add_bin("A-01").id
    s.stock.receive(a01, [{"item_id": kettle.id, "quantity": "30", "batch": "K1"},
                          {"item_id": cup.id, "quantity": "50"}])  # fmt: skip
    order = s.orders.create(customer.id, {}, [{"item_id": kettle.id, "quantity": "6"}])
    order = s.orders.confirm(order.id, order.version)
    s.orders.start_picking(order.id, order.version)
    delivery = s.orders.ship(order.id, s.orders.get(order.id).version)
    blue = s.invoices.invoice([delivery.id]) if invoice else None
    return {"customer": customer.id, "item": kettle.id, "cup": cup.id, "delivery": delivery,
            "blue": blue}  # fmt: skip


def accepted_ticket(s: Services, d: dict, requested: str, amount: str = "226") -> int:
    ticket = s.complaints.create(
        {"customer_id": d["customer"], "channel": "phone", "description": "Scratched",
         "delivery_id": d["delivery"].id, "item_id": d["item"], "batch": "K1",
         "quantity": "2", "requested": requested, "amount": amount}
    )  # fmt: skip
    t = s.complaints.act(ticket.id, ticket.version, TicketAction.ACKNOWLEDGE)
    t = s.complaints.act(t.id, t.version, TicketAction.INVESTIGATE)
    t = s.complaints.propose(t.id, t.version, "Settle it")
    if t.severity is not Severity.MINOR:
        t = s.complaints.act(t.id, t.version, TicketAction.APPROVE)
    s.complaints.act(t.id, t.version, TicketAction.ACCEPT, "agreed by phone")
    return ticket.id


# --- price allowance --------------------------------------------------------------------


def test_an_allowance_is_a_red_invoice_that_credits_the_blue_line_once_issued(shop, clock):
    d = delivered(shop)
    s = as_user(shop, clock)
    ticket_id = accepted_ticket(s, d, "allowance")
    open_before = s.invoices.position(d["customer"]).balance
    made = s.resolutions.allowance(ticket_id, "50", "scratches on the lid")
    [number] = made.numbers
    assert number == "RI2026-000001"
    red = s.red_invoices.by_number(number)
    assert red.kind is RedKind.ALLOWANCE and red.state == "draft"
    assert red.invoice_id == d["blue"].id and red.reason.startswith("CP2026-000001")
    assert [(line.quantity, line.net, line.vat) for line in red.lines] == [
        (D(0), Money.of("50"), Money.of("6.50"))
    ]
    assert made.ticket.state is TicketState.EXECUTING
    [status] = s.complaints.detail(ticket_id).documents
    assert (status.document_kind, status.state, status.done) == ("red_invoice", "draft", False)
    assert status.amount == Money.of("56.50")
    queue = {q.key: q for q in s.home.overview().queues}["complaint_allowances"]
    assert (queue.count, queue.amount) == (1, Money.of("56.50"))
    listed = s.complaints.page(Page(filters=queue.filters))
    assert [r.id for r in listed] == [ticket_id]
    # a draft, awaiting or confirmed red invoice keeps the ticket from being resolved
    version = made.ticket.version
    with pytest.raises(StateError, match=number):
        s.complaints.act(ticket_id, version, TicketAction.RESOLVE)
    red = s.red_invoices.submit(red.id, red.version)
    red = s.red_invoices.confirm(red.id, red.version, "CONF12345678")
    with pytest.raises(StateError, match=number):
        s.complaints.act(ticket_id, version, TicketAction.RESOLVE)
    assert s.invoices.position(d["customer"]).balance == open_before
    s.red_invoices.issue(red.id, red.version)
    assert s.invoices.position(d["customer"]).balance == open_before - Money.of("56.50")
    assert s.invoices.get(d["blue"].number).open_amount == Money.of("621.50")
    assert shop.qty(d["item"], "A-01", "K1") == 24  # no goods move for an allowance
    resolved = s.complaints.act(ticket_id, version, TicketAction.RESOLVE)
    assert resolved.state is TicketState.RESOLVED
    queues = {q.key: q for q in s.home.overview().queues}
    assert queues["complaint_allowances"].count == 0


def test_an_allowance_needs_an_invoiced_delivery_and_stays_within_the_line(shop, clock):
    d = delivered(shop, invoice=False)
    s = as_user(shop, clock)
    ticket_id = accepted_ticket(s, d, "allowance")
    with pytest.raises(FieldError, match="not invoiced yet") as refused:
        s.resolutions.allowance(ticket_id, "50")
    assert refused.value.field == "invoice_id"
    blue = s.invoices.invoice([d["delivery"].id])
    with pytest.raises(DomainError, match="at most 600.00 net"):
        s.resolutions.allowance(ticket_id, "600.01")
    with pytest.raises(FieldError, match="more than 0"):
        s.resolutions.allowance(ticket_id, "0")
    assert s.red_invoices.of_invoice(blue.id) == []
    assert s.complaints.get(ticket_id).resolutions == []


def test_a_voided_allowance_no_longer_holds_the_ticket(shop, clock):
    d = delivered(shop)
    s = as_user(shop, clock)
    ticket_id = accepted_ticket(s, d, "allowance")
    made = s.resolutions.allowance(ticket_id, "20")
    red = s.red_invoices.by_number(made.numbers[0])
    s.red_invoices.void(red.id, red.version, "customer chose a return instead")
    [status] = s.complaints.detail(ticket_id).documents
    assert status.void and not status.done
    assert s.complaints.act(ticket_id, made.ticket.version, TicketAction.RESOLVE).state == (
        TicketState.RESOLVED
    )


def test_a_salesperson_may_not_draft_the_allowance(shop, clock):
    d = delivered(shop)
    s = as_user(shop, clock)
    ticket_id = accepted_ticket(s, d, "allowance")
    sales = as_user(shop, clock, Role.SALES, "li")
    with pytest.raises(PermissionDenied):
        sales.resolutions.allowance(ticket_id, "20")
    assert s.complaints.get(ticket_id).resolutions == []


# --- in-kind compensation ---------------------------------------------------------------


def test_in_kind_compensation_ships_free_goods_and_then_the_ticket_resolves(shop, clock):
    d = delivered(shop)
    s = as_user(shop, clock)
    ticket_id = accepted_ticket(s, d, "compensation")
    open_before = s.invoices.position(d["customer"]).balance
    made = s.resolutions.compensate(ticket_id, [{"item_id": d["cup"], "quantity": "4"}])
    [number] = made.numbers
    order = s.orders.by_number(number)
    assert order.state == "confirmed" and order.totals.gross == Money.zero()
    assert [(line.item_id, line.quantity) for line in order.lines] == [(d["cup"], D(4))]
    [link] = made.ticket.resolutions
    assert (link.kind, link.document_kind) == ("compensation", "order")
    with pytest.raises(StateError, match=number):
        s.complaints.act(ticket_id, made.ticket.version, TicketAction.RESOLVE)
    s.orders.start_picking(order.id, order.version)
    delivery = s.orders.ship(order.id, s.orders.get(order.id).version)
    assert shop.qty(d["cup"], "A-01") == 46
    assert [m[2] for m in shop.moves(delivery.number)] == [D(4)]
    assert s.invoices.position(d["customer"]).balance == open_before
    resolved = s.complaints.act(ticket_id, made.ticket.version, TicketAction.RESOLVE)
    assert resolved.state is TicketState.RESOLVED


def test_compensation_defaults_to_the_affected_quantity_and_refuses_bad_lines(shop, clock):
    d = delivered(shop)
    s = as_user(shop, clock)
    ticket_id = accepted_ticket(s, d, "compensation")
    with pytest.raises(DomainError):
        s.resolutions.compensate(ticket_id, [{"item_id": d["cup"], "quantity": "-1"}])
    assert s.complaints.get(ticket_id).resolutions == []
    made = s.resolutions.compensate(ticket_id)
    order = s.orders.by_number(made.numbers[0])
    assert [(line.item_id, line.quantity) for line in order.lines] == [(d["item"], D(2))]


def test_compensation_at_the_same_total_ships_more_goods_billed_at_the_original_net(shop, clock):
    """6 kettles came to 600 net; the customer takes 13 for that money: 46.15 each (600 / 13
    rounded down), 599.95 net, below the price floor, shipped, invoiced, then resolved."""
    d = delivered(shop)
    s = as_user(shop, clock)
    ticket_id = accepted_ticket(s, d, "compensation")
    for wrong in ("6", "0"):
        with pytest.raises(FieldError) as refused:
            s.resolutions.compensate_same_total(ticket_id, wrong)
        assert refused.value.field == "quantity"
    assert s.complaints.get(ticket_id).resolutions == []
    with pytest.raises(NotFoundError):
        s.orders.by_number("SO2026-000002")
    made = s.resolutions.compensate_same_total(ticket_id, "13")
    [number] = made.numbers
    assert number == "SO2026-000002"
    order = s.orders.by_number(number)
    assert order.state == "confirmed"
    [line] = order.lines
    assert (line.item_id, line.quantity, line.unit_price) == (d["item"], D(13), Money.of("46.15"))
    assert (order.totals.net, order.totals.vat, order.totals.gross) == (
        Money.of("599.95"), Money.of("77.99"), Money.of("677.94")
    )  # fmt: skip
    assert order.totals.net <= d["delivery"].lines[0].amounts.net
    [link] = made.ticket.resolutions
    assert (link.kind, link.document_kind, link.number) == ("compensation", "order", number)
    assert link.amount == Money.of("677.94")
    assert made.ticket.state is TicketState.EXECUTING
    [status] = s.complaints.detail(ticket_id).documents
    assert (status.state, status.done) == ("confirmed", False)
    with pytest.raises(StateError, match=number):
        s.complaints.act(ticket_id, made.ticket.version, TicketAction.RESOLVE)
    s.orders.start_picking(order.id, order.version)
    delivery = s.orders.ship(order.id, s.orders.get(order.id).version)
    assert shop.qty(d["item"], "A-01", "K1") == 30 - 6 - 13
    assert [(m[0], m[2], m[3]) for m in shop.moves(delivery.number)] == [("A-01", D(13), "K1")]
    assert delivery.totals.gross == Money.of("677.94")
    invoice = s.invoices.invoice([delivery.id])
    assert (invoice.net, invoice.vat, invoice.gross) == (
        Money.of("599.95"), Money.of("77.99"), Money.of("677.94")
    )  # fmt: skip
    assert s.invoices.get(invoice.number).open_amount == Money.of("677.94")
    [status] = s.complaints.detail(ticket_id).documents
    assert status.done
    resolved = s.complaints.act(ticket_id, made.ticket.version, TicketAction.RESOLVE)
    assert resolved.state is TicketState.RESOLVED


def test_compensation_at_the_same_total_needs_the_ticket_delivery_and_the_role(shop, clock):
    d = delivered(shop)
    s = as_user(shop, clock)
    ticket_id = accepted_ticket(s, d, "compensation")
    warehouse = as_user(shop, clock, Role.WAREHOUSE, "wang")
    with pytest.raises(PermissionDenied):
        warehouse.resolutions.compensate_same_total(ticket_id, "8")
    assert s.complaints.get(ticket_id).resolutions == []


# --- damages paid out -------------------------------------------------------------------


def test_damages_refunded_in_cash_leave_open_invoices_alone(shop, clock):
    d = delivered(shop)
    s = as_user(shop, clock)
    ticket_id = accepted_ticket(s, d, "damages")
    before = s.invoices.position(d["customer"])
    with pytest.raises(FieldError, match="credited on account or refunded"):
        s.resolutions.damages(ticket_id, "80", settle="cheque")
    with pytest.raises(FieldError) as refused:
        s.resolutions.damages(ticket_id, "80", settle="refund", method="cheque")
    assert refused.value.field == "method"
    assert s.complaints.get(ticket_id).resolutions == []
    made = s.resolutions.damages(ticket_id, "80", "direct", "spoilt goods", settle="refund")
    payment_no, refund_no = made.numbers
    assert refund_no == "RF2026-000001"
    [refund] = s.invoices.refunds_of(d["customer"])
    assert (refund.number, refund.amount, refund.method) == (refund_no, Money.of("80"), "cash")
    payment = s.invoices.get_payment(payment_no)
    assert payment.method == "complaint" and payment.unallocated == Money.zero()
    assert [a.refund_id for a in payment.allocations] == [refund.id]
    after = s.invoices.position(d["customer"])
    assert after.balance == before.balance  # the blue invoice is still wholly open
    assert s.invoices.get(d["blue"].number).open_amount == Money.of("678")
    kinds = [(r.document_kind, r.number) for r in made.ticket.resolutions]
    assert kinds == [("payment", payment_no), ("refund", refund_no)]
    assert all(st.done for st in s.complaints.detail(ticket_id).documents)
    resolved = s.complaints.act(ticket_id, made.ticket.version, TicketAction.RESOLVE)
    assert resolved.state is TicketState.RESOLVED


def test_a_salesperson_may_not_pay_damages_out(shop, clock):
    d = delivered(shop)
    s = as_user(shop, clock)
    ticket_id = accepted_ticket(s, d, "damages")
    sales = as_user(shop, clock, Role.SALES, "li")
    with pytest.raises(PermissionDenied):
        sales.resolutions.damages(ticket_id, "80", settle="refund")
    assert s.invoices.refunds_of(d["customer"]) == []
    assert s.complaints.get(ticket_id).resolutions == []


def test_finance_settles_the_money_of_a_ticket_the_salesperson_runs(shop, clock):
    d = delivered(shop)
    s = as_user(shop, clock)
    ticket_id = accepted_ticket(s, d, "allowance")
    finance = as_user(shop, clock, Role.FINANCE, "wang")
    made = finance.resolutions.allowance(ticket_id, "10")
    assert finance.red_invoices.by_number(made.numbers[0]).created_by == "wang"
    paid = finance.resolutions.damages(ticket_id, "5", settle="refund", method="bank")
    assert [r.method for r in finance.invoices.refunds_of(d["customer"])] == ["bank"]
    assert len(paid.ticket.resolutions) == 3
    with pytest.raises(PermissionDenied):  # goods stay the complaint handler's business
        finance.resolutions.compensate(ticket_id)
