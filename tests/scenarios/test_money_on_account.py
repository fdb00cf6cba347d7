"""Money on account and the credit check, as the bookkeeper and the clerk live them.

Payments on account, overpayments and money released from a cancelled order pay the oldest
open invoices; the credit check counts every sum of money once and refuses a customer whose
invoices are long overdue.  Balances, open amounts, allocations, ageing and order states are
checked at every step, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from retailerp.domain.errors import PermissionDenied, StateError
from retailerp.domain.money import Money
from retailerp.domain.security import Actor, Role
from retailerp.persistence import tables as t
from retailerp.persistence.queries import Page
from retailerp.persistence.unit_of_work import read
from retailerp.services import ServiceContext, Services
from support.shop import Shop

TODAY = date(2026, 3, 10)  # the shop's day (support.shop)
M = Money.of


def stock_up(shop: Shop, limit: str = "5000") -> dict[str, int]:
    """A customer on 30 days' terms, a pen at 20.00 (+13 % = 22.60) and a lamp at 200.00
    (+13 % = 226.00), plenty of both in bin A-01."""
    s = shop.s
    customer = s.customers.create(
        {"code": "C100", "name": "杭州文具店", "credit_limit": limit, "payment_terms_days": "30"}
    )
    pen = s.items.create({"sku": "PEN-1", "name": "Pen 钢笔", "price": "20", "vat_rate": "13"})
    lamp = s.items.create({"sku": "LAMP-1", "name": "Lamp 台灯", "price": "200", "vat_rate": "13"})
    a01 = s.stock.add_bin("A-01").id
    s.stock.receive(
        a01, [{"item_id": pen.id, "quantity": "50"}, {"item_id": lamp.id, "quantity": "20"}]
    )
    return {"customer": customer.id, "pen": pen.id, "lamp": lamp.id}


def deliver(s: Services, customer: int, item: int, qty: str, mode: str = "credit") -> int:
    """Order, confirm, pick and ship; the order's id."""
    order = s.orders.create(customer, {"payment_mode": mode}, [{"item_id": item, "quantity": qty}])
    order = s.orders.confirm(order.id, order.version)
    s.orders.start_picking(order.id, order.version)
    s.orders.ship(order.id, s.orders.get(order.id).version)
    return order.id


def invoice_order(s: Services, order_id: int):  # noqa: ANN201
    return s.invoices.invoice([d.id for d in s.orders.deliveries_of(order_id)])


def open_invoice_numbers(s: Services, customer: int) -> list[str]:
    rows = s.invoices.page(Page(filters={"open": True, "customer_id": customer}))
    return [row.number for row in rows]


def audit_detail(shop: Shop, action: str, entity_id: str) -> dict:
    a = t.audit_log
    stmt = (
        select(a.c.detail)
        .where(a.c.action == action, a.c.entity_id == entity_id)
        .order_by(a.c.id.desc())
    )
    return json.loads(read(shop.s.ctx.db, lambda uow: uow.session.scalars(stmt).first()))


# --- money on account --------------------------------------------------------------------


def test_a_payment_on_account_pays_the_next_invoice(any_shop: Shop) -> None:
    shop, s = any_shop, any_shop.s
    ids = stock_up(shop)
    customer = ids["customer"]

    # 100.00 arrives before anything was invoiced: it waits on the customer's account
    payment = s.invoices.record_payment(customer, "100", "bank", "回单 0001")
    assert payment.allocations == [] and payment.unallocated == M("100")
    position = s.invoices.position(customer)
    assert (position.open_balance, position.on_account, position.balance) == (
        Money(0),
        M("100"),
        M("-100"),
    )
    [line] = s.invoices.ageing()
    assert line.code == "C100" and line.buckets == {}
    assert line.on_account == M("100") and line.total == M("-100")  # a negative line

    # one pen: 22.60; confirming sees the credit
    order_id = deliver(s, customer, ids["pen"], "1")
    assert s.invoices.position(customer).open_orders == M("22.60")
    assert s.orders.credit_check(customer).exposure == M("-77.40")

    # the invoice is posted and paid at once from the money on account
    invoice = invoice_order(s, order_id)
    assert invoice.gross == M("22.60")
    invoice = s.invoices.get(invoice.number)
    assert invoice.paid == M("22.60") and invoice.is_paid
    assert shop.order(order_id).state == "paid"
    [allocation] = s.invoices.get_payment(payment.number).allocations
    assert (allocation.invoice_id, allocation.amount) == (invoice.id, M("22.60"))
    position = s.invoices.position(customer)
    assert position.open_balance == Money(0) and position.on_account == M("77.40")
    assert position.balance == M("-77.40") and position.open_orders == Money(0)
    assert not position.overdue

    # long after the due date nothing is overdue: the invoice is paid
    assert open_invoice_numbers(s, customer) == []
    [line] = s.invoices.ageing(date(2026, 12, 31))
    assert line.buckets == {} and line.total == M("-77.40")
    assert audit_detail(shop, "invoice.create", invoice.number)["credit_applied"] == [
        invoice.number
    ]


def test_an_overpayment_is_stated_first_and_kept_on_account(any_shop: Shop) -> None:
    shop, s = any_shop, any_shop.s
    ids = stock_up(shop)
    customer = ids["customer"]
    lamp_order = deliver(s, customer, ids["lamp"], "1")
    lamp_invoice = invoice_order(s, lamp_order)
    assert lamp_invoice.gross == M("226") and shop.order(lamp_order).state == "invoiced"

    # the bookkeeper types 427.82: the service says 201.82 is more than is open
    preview = s.invoices.preview_payment(customer, "427.82")
    assert (preview.applied, preview.held, preview.surplus) == (M("226"), Money(0), M("201.82"))
    assert preview.is_overpayment
    exact = s.invoices.preview_payment(customer, "226")
    assert not exact.is_overpayment and exact.applied == M("226")

    payment = s.invoices.record_payment(customer, "427.82", "bank")
    assert [a.amount for a in payment.allocations] == [M("226")]
    assert payment.unallocated == preview.surplus
    assert shop.order(lamp_order).state == "paid"
    position = s.invoices.position(customer)
    assert position.open_balance == Money(0) and position.on_account == M("201.82")
    assert audit_detail(shop, "payment.record", payment.number)["unapplied"] == "201.82"

    # the next invoice is paid from it; the rest stays on account
    pen_order = deliver(s, customer, ids["pen"], "2")
    pen_invoice = s.invoices.get(invoice_order(s, pen_order).number)
    assert pen_invoice.gross == M("45.20") and pen_invoice.is_paid
    assert shop.order(pen_order).state == "paid"
    assert s.invoices.position(customer).on_account == M("156.62")
    assert s.invoices.get_payment(payment.number).unallocated == M("156.62")


def test_money_released_by_a_cancelled_order_is_applied_on_demand(any_shop: Shop) -> None:
    shop, s = any_shop, any_shop.s
    ids = stock_up(shop)
    customer = ids["customer"]
    lamp_order = deliver(s, customer, ids["lamp"], "1")
    lamp_invoice = invoice_order(s, lamp_order)

    # a prepaid order is paid, then cancelled: its money is no longer held for it
    prepaid = s.orders.create(
        customer, {"payment_mode": "prepaid"}, [{"item_id": ids["pen"], "quantity": "1"}]
    )
    prepaid = s.orders.confirm(prepaid.id, prepaid.version)
    advance = s.invoices.record_payment(customer, "22.60", "wechat", order_id=prepaid.id)
    position = s.invoices.position(customer)
    assert position.held_for_orders == M("22.60") and position.on_account == Money(0)
    assert s.invoices.preview_payment(customer, "10", order_id=prepaid.id).surplus == M("10")
    s.orders.cancel(prepaid.id, shop.order(prepaid.id).version, "customer changed mind")
    position = s.invoices.position(customer)
    assert position.held_for_orders == Money(0) and position.on_account == M("22.60")
    assert position.open_balance == M("226") and position.balance == M("203.40")

    # a payment of 300 would first use the 22.60 already there
    preview = s.invoices.preview_payment(customer, "300")
    assert (preview.applied, preview.surplus) == (M("203.40"), M("96.60"))

    # applied on demand: the lamp invoice gets the 22.60
    paid = s.invoices.apply_credit(customer)
    assert [i.number for i in paid] == [lamp_invoice.number]
    assert s.invoices.get(lamp_invoice.number).open_amount == M("203.40")
    [allocation] = s.invoices.get_payment(advance.number).allocations
    assert (allocation.invoice_id, allocation.amount) == (lamp_invoice.id, M("22.60"))
    position = s.invoices.position(customer)
    assert position.on_account == Money(0) and position.balance == M("203.40")
    assert audit_detail(shop, "payment.apply", str(customer))["invoices"] == [lamp_invoice.number]
    assert s.invoices.apply_credit(customer) == []  # nothing left to apply
    assert shop.order(lamp_order).state == "invoiced"

    payment = s.invoices.record_payment(customer, "300")
    assert payment.unallocated == preview.surplus
    assert shop.order(lamp_order).state == "paid"


# --- the credit check ----------------------------------------------------------------------


def test_a_fully_prepaid_order_adds_nothing_to_the_exposure(any_shop: Shop) -> None:
    shop, s = any_shop, any_shop.s
    ids = stock_up(shop)
    customer = ids["customer"]
    order = s.orders.create(
        customer, {"payment_mode": "prepaid"}, [{"item_id": ids["pen"], "quantity": "25"}]
    )
    order = s.orders.confirm(order.id, order.version)
    assert order.totals.gross == M("565")
    check = s.orders.credit_check(customer, order)
    assert (check.open_invoices, check.on_account, check.open_orders, check.this_order) == (
        Money(0),
        Money(0),
        Money(0),
        M("565"),
    )

    s.invoices.record_payment(customer, "565", "bank", order_id=order.id)
    order = shop.order(order.id)
    check = s.orders.credit_check(customer, order)
    assert check.exposure == Money(0)  # was -565.00: the prepayment counted twice
    assert (check.on_account, check.this_order) == (Money(0), Money(0))
    assert s.orders.credit_check(customer).exposure == Money(0)  # as one of the open orders
    position = s.invoices.position(customer)
    assert position.held_for_orders == M("565") and position.exposure == Money(0)

    # another order on credit counts in full beside it
    other = s.orders.create(customer, {}, [{"item_id": ids["lamp"], "quantity": "1"}])
    assert s.orders.credit_check(customer, other).exposure == M("226")

    # shipped and invoiced: the held money pays the invoice; still nothing exposed
    s.orders.start_picking(order.id, order.version)
    s.orders.ship(order.id, shop.order(order.id).version)
    invoice = invoice_order(s, order.id)
    assert s.invoices.get(invoice.number).is_paid and shop.order(order.id).state == "paid"
    check = s.orders.credit_check(customer)
    assert check.exposure == Money(0) and check.open_invoices == Money(0)


def test_a_long_overdue_customer_is_refused_until_an_owner_overrides(any_shop: Shop) -> None:
    shop, s = any_shop, any_shop.s
    ids = stock_up(shop)
    customer = ids["customer"]
    # 230 days ago a lamp was invoiced on 30 days' terms: 200 days overdue today
    back_then = Services(ServiceContext(s.ctx.db, s.ctx.actor, lambda: TODAY - timedelta(230)))
    old_order = deliver(back_then, customer, ids["lamp"], "1")
    old_invoice = invoice_order(back_then, old_order)
    assert (TODAY - old_invoice.due_date).days == 200
    position = s.invoices.position(customer)
    assert position.overdue.amount == M("226") and position.overdue.oldest_days == 200
    assert position.exposure == M("226")  # far below the limit of 5,000.00
    [line] = s.invoices.ageing()
    assert line.buckets == {"over 90 days overdue": M("226")}

    order = s.orders.create(customer, {}, [{"item_id": ids["pen"], "quantity": "1"}])
    with pytest.raises(StateError) as refused:
        s.orders.confirm(order.id, order.version)
    text = str(refused.value)
    assert "226.00 overdue by more than 30 days" in text
    assert old_invoice.number in text and "200 days" in text
    assert refused.value.field == "customer"
    assert shop.order(order.id).state == "draft"
    assert s.orders.free_stock([ids["pen"]]) == {ids["pen"]: 50}

    clerk = Services(ServiceContext(s.ctx.db, Actor("li", Role.SALES), s.ctx.today))
    with pytest.raises(PermissionDenied):
        clerk.orders.confirm(order.id, order.version, "they promised to pay")
    assert shop.order(order.id).state == "draft"

    confirmed = s.orders.confirm(order.id, order.version, "old debt settled by phone")
    assert confirmed.state == "confirmed" and confirmed.override_by == "owner"
    assert confirmed.override_reason == "old debt settled by phone"
    assert audit_detail(shop, "order.confirm", order.number)["override"] == (
        "old debt settled by phone"
    )
    assert s.orders.free_stock([ids["pen"]]) == {ids["pen"]: 49}

    # a longer grace lets the next order through; so does paying the old invoice
    s.settings.save_values({"overdue_grace_days": "365"})
    assert s.settings.get().overdue_grace_days == 365
    second = s.orders.create(customer, {}, [{"item_id": ids["pen"], "quantity": "1"}])
    assert s.orders.confirm(second.id, second.version).override_reason == ""
    s.settings.save_values({"overdue_grace_days": "30"})
    s.invoices.record_payment(customer, "226", "bank")
    assert not s.invoices.position(customer).overdue
    third = s.orders.create(customer, {}, [{"item_id": ids["pen"], "quantity": "1"}])
    assert s.orders.confirm(third.id, third.version).state == "confirmed"


def test_an_exceeded_limit_and_an_overdue_invoice_are_both_named(shop: Shop) -> None:
    s = shop.s
    ids = stock_up(shop, limit="300")
    customer = ids["customer"]
    back_then = Services(ServiceContext(s.ctx.db, s.ctx.actor, lambda: TODAY - timedelta(100)))
    invoice_order(back_then, deliver(back_then, customer, ids["lamp"], "1"))
    order = s.orders.create(customer, {}, [{"item_id": ids["lamp"], "quantity": "1"}])
    with pytest.raises(StateError) as refused:
        s.orders.confirm(order.id, order.version)
    text = str(refused.value)
    assert "452.00 against a credit limit of 300.00" in text
    assert "226.00 is overdue by more than 30 days" in text and "70 days" in text
