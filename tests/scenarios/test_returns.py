"""Goods come back: a return against a delivery, the policy's word on each line, the goods
to the place their condition sends them, and a reversal that puts everything back.  On
SQLite and PostgreSQL, checking the ledger per location at every step."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from retailerp.domain.errors import (
    OverridableRefusal,
    PermissionDenied,
    StateError,
    ValidationError,
)
from retailerp.domain.money import Money
from retailerp.domain.security import Actor, Role
from retailerp.services import Services
from support.dbtools import as_owner
from support.shop import Shop

D = Decimal
DELIVERED_ON = date(2026, 3, 10)  # support.shop's "today"


def delivered(shop: Shop) -> dict:
    """6 kettles (batch K1) delivered to C001 from bin A-01."""
    s = shop.s
    customer = s.customers.create({"code": "C001", "name": "华联超市", "credit_limit": "99999"})
    item = s.items.create(
        {"sku": "KET", "name": "Kettle 电水壶", "price": "100", "vat_rate": "13",
         "tracking": "batch"}
    )  # fmt: skip
    a01 = s.stock.add_bin("A-01").id
    s.stock.receive(a01, [{"item_id": item.id, "quantity": "10", "batch": "K1"}])
    order = s.orders.create(customer.id, {}, [{"item_id": item.id, "quantity": "6"}])
    order = s.orders.confirm(order.id, order.version)
    s.orders.start_picking(order.id, order.version)
    delivery = s.orders.ship(order.id, s.orders.get(order.id).version)
    return {"customer": customer.id, "item": item.id, "delivery": delivery,
            "line": delivery.lines[0].id}  # fmt: skip


def later(shop: Shop, days: int) -> Services:
    return as_owner(shop.s.ctx.db, today=lambda: DELIVERED_ON + timedelta(days=days))


def test_a_partial_return_to_quarantine_and_its_reversal(any_shop: Shop) -> None:
    shop = any_shop
    d = delivered(shop)
    assert shop.qty(d["item"], "A-01", "K1") == 4 and shop.qty(d["item"], "CUSTOMERS", "K1") == 6
    s = later(shop, 20)
    lines = [{"delivery_line_id": d["line"], "quantity": "2", "condition": "defective"}]
    preview = s.returns.preview(d["delivery"].id, "quality_defect", lines)
    assert preview.decisions[0].rule == "quality defects: always in full"
    assert preview.refund == Money.of("226")

    draft = s.returns.create(d["delivery"].id, {"reason": "quality_defect"}, lines)
    assert draft.number == "RT2026-000001" and draft.state == "draft"
    assert shop.qty(d["item"], "QC", "K1") == 0  # a draft moves nothing
    posted = s.returns.post(draft.id, draft.version)
    assert posted.state == "posted" and posted.refund == Money.of("226")
    assert posted.lines[0].rule == "quality defects: always in full"
    assert shop.qty(d["item"], "QC", "K1") == 2
    assert shop.qty(d["item"], "CUSTOMERS", "K1") == 4
    assert shop.moves(posted.number) == [("CUSTOMERS", "QC", D(2), "K1")]
    assert [r.open for r in s.returns.returnable(d["delivery"].id)] == [D(4)]

    too_many = [{"delivery_line_id": d["line"], "quantity": "5", "condition": "resellable"}]
    with pytest.raises(ValidationError, match="At most 4 can come back"):
        s.returns.create(d["delivery"].id, {"reason": "wrong_goods"}, too_many)

    reversed_ = s.returns.reverse(posted.id, "received by mistake")
    assert reversed_.state == "reversed"
    assert shop.qty(d["item"], "QC", "K1") == 0 and shop.qty(d["item"], "CUSTOMERS", "K1") == 6
    assert [r.open for r in s.returns.returnable(d["delivery"].id)] == [D(6)]
    with pytest.raises(StateError, match="cannot reverse"):
        s.returns.reverse(posted.id, "again")
    assert shop.ledger_ok()


def test_resellable_goods_go_back_to_the_bin_they_came_from(any_shop: Shop) -> None:
    shop = any_shop
    d = delivered(shop)
    s = later(shop, 3)
    lines = [{"delivery_line_id": d["line"], "quantity": "1", "condition": "resellable"}]
    draft = s.returns.create(d["delivery"].id, {"reason": "changed_mind"}, lines)
    s.returns.post(draft.id, draft.version)
    assert shop.qty(d["item"], "A-01", "K1") == 5 and shop.ledger_ok()


def test_a_late_changed_mind_return_needs_the_owner(any_shop: Shop) -> None:
    shop = any_shop
    d = delivered(shop)
    s = later(shop, 30)
    lines = [{"delivery_line_id": d["line"], "quantity": "1", "condition": "resellable"}]
    assert s.returns.preview(d["delivery"].id, "changed_mind", lines).needs_override
    draft = s.returns.create(d["delivery"].id, {"reason": "changed_mind"}, lines)
    with pytest.raises(OverridableRefusal, match="changed mind after 7 days: refused"):
        s.returns.post(draft.id, draft.version)
    assert shop.qty(d["item"], "A-01", "K1") == 4  # nothing moved
    clerk = Services.over(shop.s.ctx.db, actor=Actor("wang", Role.WAREHOUSE),
                          today=lambda: DELIVERED_ON + timedelta(days=30))  # fmt: skip
    with pytest.raises(PermissionDenied):
        clerk.returns.post(draft.id, draft.version, "good customer", {1: "100"})
    posted = s.returns.post(draft.id, draft.version, "good customer", {1: "100"})
    assert posted.refund == Money.of("113") and posted.override_reason == "good customer"
    assert shop.qty(d["item"], "A-01", "K1") == 5


def test_after_the_safe_period_the_packaging_loss_is_deducted(any_shop: Shop) -> None:
    shop = any_shop
    d = delivered(shop)
    lines = [{"delivery_line_id": d["line"], "quantity": "2", "condition": "resellable"}]
    for days, refund, rule in (
        (180, "226", "within 6 months (180 days): in full"),
        (181, "203.40", "after 6 months: 10 % packaging-loss deduction"),
    ):
        preview = later(shop, days).returns.preview(d["delivery"].id, "unsellable", lines)
        assert (preview.decisions[0].rule, preview.refund) == (rule, Money.of(refund))
    # fmt: skip


def test_who_may_take_goods_back(shop: Shop) -> None:
    d = delivered(shop)
    lines = [{"delivery_line_id": d["line"], "quantity": "1", "condition": "resellable"}]
    sales = Services.over(shop.s.ctx.db, actor=Actor("zhao", Role.SALES))
    with pytest.raises(PermissionDenied):
        sales.returns.create(d["delivery"].id, {"reason": "wrong_goods"}, lines)
    warehouse = Services.over(shop.s.ctx.db, actor=Actor("wang", Role.WAREHOUSE))
    draft = warehouse.returns.create(d["delivery"].id, {"reason": "wrong_goods"}, lines)
    assert warehouse.returns.post(draft.id, draft.version).state == "posted"


def test_bad_returns_are_refused_and_change_nothing(shop: Shop) -> None:
    d = delivered(shop)
    s = shop.s
    line = d["line"]
    cases = [
        ({"reason": "bored"}, [{"delivery_line_id": line, "quantity": "1"}], "reason"),
        ({"reason": "expired", "return_date": date(2030, 1, 1)},
         [{"delivery_line_id": line, "quantity": "1"}], "return_date"),
        ({"reason": "expired"}, [{"delivery_line_id": line, "quantity": "7"}], "lines.1.quantity"),
        ({"reason": "expired"}, [{"delivery_line_id": line, "quantity": "1", "batch": "K9"}],
         "lines.1.batch"),
        ({"reason": "expired"}, [{"delivery_line_id": 999, "quantity": "1"}],
         "lines.1.delivery_line_id"),
        ({"reason": "expired"}, [], "lines"),
    ]  # fmt: skip
    for header, lines, field in cases:
        with pytest.raises(ValidationError) as refused:
            s.returns.create(d["delivery"].id, header, lines)
        assert field in refused.value.by_field(), (header, lines)
    with pytest.raises(Exception, match="does not exist"):
        s.returns.create(12345, {"reason": "expired"}, [{"delivery_line_id": line, "quantity": 1}])
    assert s.returns.of_delivery(d["delivery"].id) == []
    assert shop.qty(d["item"], "CUSTOMERS", "K1") == 6 and shop.ledger_ok()


def test_two_returns_cannot_together_take_back_more_than_was_delivered(shop: Shop) -> None:
    d = delivered(shop)
    s = shop.s
    lines = [{"delivery_line_id": d["line"], "quantity": "4", "condition": "resellable"}]
    first = s.returns.create(d["delivery"].id, {"reason": "wrong_goods"}, lines)
    second = s.returns.create(d["delivery"].id, {"reason": "wrong_goods"}, lines)
    s.returns.post(first.id, first.version)
    with pytest.raises(ValidationError, match="At most 2 can come back"):
        s.returns.post(second.id, second.version)
    assert s.returns.get(second.id).state == "draft"
    assert shop.qty(d["item"], "CUSTOMERS", "K1") == 2


def test_the_return_rate_flags_a_frequent_returner(shop: Shop) -> None:
    d = delivered(shop)
    s = shop.s
    assert not s.returns.return_rate(d["customer"]).frequent
    lines = [{"delivery_line_id": d["line"], "quantity": "1", "condition": "resellable"}]
    draft = s.returns.create(d["delivery"].id, {"reason": "wrong_goods"}, lines)
    s.returns.post(draft.id, draft.version)
    rate = s.returns.return_rate(d["customer"])
    assert (rate.delivered, rate.returned) == (Money.of("600"), Money.of("100"))
    assert rate.frequent  # 16.7 % > 10 %
