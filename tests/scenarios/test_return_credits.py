"""A red invoice of the return kind credits what the return policy allowed, and an exchange
whose replacement has not shipped can be cancelled.  On SQLite and PostgreSQL, asserting the
documents, the open balance, money on account, refunds, revenue and the stock ledger."""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from retailerp.domain.errors import FieldError, PermissionDenied, StateError
from retailerp.domain.money import Money
from retailerp.domain.security import Actor, Role
from retailerp.persistence import tables as t
from retailerp.persistence.unit_of_work import read
from retailerp.services import Services
from support.dbtools import as_owner
from support.shop import Shop

D = Decimal
M = Money.of
TODAY = date(2026, 3, 10)  # support.shop's "today": the delivery and the blue invoice


def later(shop: Shop, days: int) -> Services:
    return as_owner(shop.s.ctx.db, today=lambda: TODAY + timedelta(days=days))


def delivered(shop: Shop) -> dict:
    """6 kettles (100 net, 13 % VAT, batch K1) delivered to C001 and invoiced (678)."""
    s = shop.s
    customer = s.customers.create({"code": "C001", "name": "华联超市", "credit_limit": "99999"})
    item = s.items.create(
        {"sku": "KET", "name": "Kettle 电水壶", "price": "100", "vat_rate": "13",
         "tracking": "batch"}
    )  # fmt: skip
    a01 = s.stock.add_bin("A-01").id
    s.stock.receive(a01, [{"item_id": item.id, "quantity": "20", "batch": "K1"}])
    order = s.orders.create(customer.id, {}, [{"item_id": item.id, "quantity": "6"}])
    order = s.orders.confirm(order.id, order.version)
    s.orders.start_picking(order.id, order.version)
    delivery = s.orders.ship(order.id, s.orders.get(order.id).version)
    invoice = s.invoices.invoice([delivery.id])
    return {"customer": customer.id, "item": item.id, "delivery": delivery, "order": order.id,
            "line": delivery.lines[0].id, "invoice": invoice}  # fmt: skip


def returned(s: Services, d: dict, quantity: str, reason: str, condition: str = "resellable"):  # noqa: ANN201
    lines = [{"delivery_line_id": d["line"], "quantity": quantity, "condition": condition}]
    draft = s.returns.create(d["delivery"].id, {"reason": reason}, lines)
    return s.returns.post(draft.id, draft.version)


def issue(s: Services, red_id: int, confirmation: str):  # noqa: ANN201
    r = s.red_invoices
    document = r.submit(red_id, r.get(red_id).version)
    document = r.confirm(red_id, document.version, confirmation)
    return r.issue(red_id, document.version)


def money(shop: Shop, customer_id: int) -> tuple[Money, Money]:
    position = shop.s.invoices.position(customer_id)
    return position.open_balance, position.on_account


def revenue(shop: Shop, customer_id: int) -> Money:
    return read(
        shop.s.ctx.db, lambda u: u.customers.revenue_since(date(2026, 1, 1), date(2026, 12, 31))
    ).get(customer_id, Money.zero())


def test_a_return_after_six_months_is_credited_at_ninety_percent(any_shop: Shop) -> None:
    shop = any_shop
    d = delivered(shop)
    s = later(shop, 200)
    document = returned(s, d, "2", "unsellable")
    [line] = document.lines
    assert (line.refund_rate, line.refund) == (D("0.9"), M("203.40"))  # 226 less 10 %
    assert "after 6 months" in line.rule

    red = s.red_invoices.from_return(document.id)
    [red_line] = red.lines
    assert (red_line.quantity, red_line.net, red_line.vat) == (D(2), M("180"), M("23.40"))
    assert (red.gross, red_line.rule, red_line.refund_rate) == (M("203.40"), line.rule, D("0.9"))
    [blue] = s.red_invoices.blue_lines(d["invoice"].id)
    # the returned quantity is credited in full: nothing else may be credited for these two
    assert (blue.credited_quantity, blue.credited_net, blue.open_quantity) == (
        D(2), M("180"), D(4))  # fmt: skip
    stored = s.red_invoices.get(red.id).lines[0]
    assert (stored.rule, stored.refund_rate) == (line.rule, D("0.9"))

    issue(s, red.id, "RATE00000001")
    assert money(shop, d["customer"]) == (M("474.60"), M("0"))  # 678 less 203.40
    assert revenue(shop, d["customer"]) == M("420")  # 600 less the 180 net credited
    shop.s.invoices.record_payment(d["customer"], "678")
    assert money(shop, d["customer"]) == (M("0"), M("203.40"))
    with pytest.raises(FieldError) as refused:
        shop.s.invoices.refund(d["customer"], "203.41")
    assert refused.value.field == "amount"
    assert shop.s.invoices.refund(d["customer"], "203.40").amount == M("203.40")
    assert money(shop, d["customer"]) == (M("0"), M("0"))
    assert shop.qty(d["item"], "A-01", "K1") == 16 and shop.ledger_ok()


def test_a_quality_defect_is_credited_in_full_even_late(any_shop: Shop) -> None:
    shop = any_shop
    d = delivered(shop)
    s = later(shop, 200)
    document = returned(s, d, "2", "quality_defect", "defective")
    assert document.lines[0].refund_rate == D(1)
    red = s.red_invoices.from_return(document.id)
    assert (red.net, red.vat, red.gross) == (M("200"), M("26"), M("226"))
    issue(s, red.id, "RATE00000002")
    assert money(shop, d["customer"]) == (M("452"), M("0"))
    assert shop.qty(d["item"], "QC", "K1") == 2 and shop.ledger_ok()


def test_an_owner_override_is_what_is_credited(any_shop: Shop) -> None:
    shop = any_shop
    d = delivered(shop)
    s = later(shop, 200)
    lines = [{"delivery_line_id": d["line"], "quantity": "3", "condition": "resellable"}]
    draft = s.returns.create(d["delivery"].id, {"reason": "unsellable"}, lines)
    document = s.returns.post(draft.id, draft.version, "loyal customer", {1: "50"})
    red = s.red_invoices.from_return(document.id)
    assert (red.gross, red.lines[0].refund_rate) == (M("169.50"), D("0.5"))  # 339 × 50 %
    assert (red.net, red.vat) == (M("150"), M("19.50"))


def test_a_refund_of_nothing_is_not_credited(shop: Shop) -> None:
    d = delivered(shop)
    s = later(shop, 30)
    lines = [{"delivery_line_id": d["line"], "quantity": "1", "condition": "resellable"}]
    draft = s.returns.create(d["delivery"].id, {"reason": "changed_mind"}, lines)
    document = s.returns.post(draft.id, draft.version, "accepted, no refund", {1: "0"})
    assert document.refund == M("0")
    with pytest.raises(FieldError, match="refunds nothing") as refused:
        s.red_invoices.from_return(document.id)
    assert refused.value.field == "lines"
    assert s.red_invoices.of_return(document.id) == []


def test_cancelling_an_exchange_before_the_replacement_ships(any_shop: Shop) -> None:
    shop = any_shop
    s = shop.s
    d = delivered(shop)
    document = returned(s, d, "2", "quality_defect", "defective")
    order = s.exchanges.exchange(document.id)
    s.orders.start_picking(order.id, order.version)
    # 20 − 6 delivered − 2 reserved again for the replacement
    assert s.orders.free_stock([d["item"]]) == {d["item"]: D(12)}

    with pytest.raises(StateError, match="was exchanged"):
        s.red_invoices.from_return(document.id)
    with pytest.raises(FieldError) as no_reason:
        s.exchanges.cancel(document.id, "  ")
    assert no_reason.value.field == "reason"
    exchange = s.exchanges.cancel(document.id, "customer wants the money instead")
    assert (exchange.state, exchange.cancelled_by, exchange.cancel_reason) == (
        "cancelled", s.ctx.actor.username, "customer wants the money instead")  # fmt: skip
    replacement = s.orders.get(order.id)
    assert replacement.state == "cancelled" and all(x.reserved == 0 for x in replacement.lines)
    assert s.orders.free_stock([d["item"]]) == {d["item"]: D(14)}
    assert s.returns.get(document.id).state == "posted"  # the goods did come back
    with pytest.raises(StateError):
        s.exchanges.cancel(document.id, "twice")
    with pytest.raises(StateError, match="settled already"):
        s.exchanges.exchange(document.id)  # exchanged once; credit it now
    red = s.red_invoices.from_return(document.id)
    assert red.gross == M("226")
    a = t.audit_log
    stmt = select(a.c.entity_id, a.c.detail).where(a.c.action == "exchange.cancel")
    trail = read(s.ctx.db, lambda u: list(u.session.execute(stmt)))
    assert [(key, json.loads(detail)["order"]) for key, detail in trail] == [
        (document.number, order.number)]  # fmt: skip
    assert shop.ledger_ok()


def test_a_shipped_replacement_cannot_be_cancelled(shop: Shop) -> None:
    s = shop.s
    d = delivered(shop)
    document = returned(s, d, "1", "quality_defect", "defective")
    order = s.exchanges.exchange(document.id)
    s.orders.start_picking(order.id, order.version)
    s.orders.ship(order.id, s.orders.get(order.id).version)
    with pytest.raises(StateError, match="has shipped goods") as refused:
        s.exchanges.cancel(document.id, "too late")
    assert order.number in str(refused.value.render())
    assert s.exchanges.of_return(document.id).state == "active"


def test_a_warehouse_user_cannot_cancel_an_exchange(shop: Shop) -> None:
    s = shop.s
    d = delivered(shop)
    document = returned(s, d, "1", "quality_defect", "defective")
    s.exchanges.exchange(document.id)
    warehouse = as_owner(s.ctx.db, actor=Actor("w", Role.WAREHOUSE), today=lambda: TODAY)
    with pytest.raises(PermissionDenied):
        warehouse.exchanges.cancel(document.id, "not mine")
    assert s.exchanges.of_return(document.id).state == "active"
