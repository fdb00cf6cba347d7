"""Reservations are honoured from confirmation to shipment, stock changes respect them, and
a backorder can end.  On SQLite and PostgreSQL; the ledger, free stock, order states and
documents are checked at every step."""

from __future__ import annotations

from decimal import Decimal

import pytest

from retailerp.domain.errors import (
    FieldError,
    OverridableRefusal,
    PermissionDenied,
    StateError,
    ValidationError,
)
from retailerp.domain.money import Money
from retailerp.domain.security import Actor, Role
from retailerp.persistence import tables as t
from retailerp.persistence.unit_of_work import read
from retailerp.services import ServiceContext, Services
from support.shop import Shop

D = Decimal


def ten_on_the_shelf(shop: Shop) -> dict[str, int]:
    """One customer and an item with 10 in bin A-01 (bin B-01 exists, empty)."""
    s = shop.s
    customer = s.customers.create({"code": "C001", "name": "华联超市", "credit_limit": "100000"})
    item = s.items.create({"sku": "SOAP", "name": "Soap 香皂", "price": "10", "vat_rate": "13"})
    a01, b01 = s.stock.add_bin("A-01").id, s.stock.add_bin("B-01").id
    receipt = s.stock.receive(a01, [{"item_id": item.id, "quantity": "10"}])
    return {"customer": customer.id, "item": item.id, "a01": a01, "b01": b01,
            "receipt": receipt.number}  # fmt: skip


def order_of(shop: Shop, ids: dict[str, int], quantity: str):  # noqa: ANN201
    return shop.s.orders.create(
        ids["customer"], {}, [{"item_id": ids["item"], "quantity": quantity}]
    )


def free(shop: Shop, ids: dict[str, int]) -> Decimal:
    return shop.s.orders.free_stock([ids["item"]])[ids["item"]]


def test_an_overridden_order_cannot_pick_what_another_order_reserved(any_shop: Shop) -> None:
    shop, s = any_shop, any_shop.s
    ids = ten_on_the_shelf(shop)
    a = order_of(shop, ids, "10")
    a = s.orders.confirm(a.id, a.version)
    assert [line.reserved for line in a.lines] == [D(10)] and free(shop, ids) == 0

    b = order_of(shop, ids, "10")
    with pytest.raises(OverridableRefusal) as refused:
        s.orders.confirm(b.id, b.version)
    assert "other orders keep their reservations" in refused.value.render()
    b = s.orders.confirm(b.id, b.version, "customer waits for the next delivery")
    assert [line.reserved for line in b.lines] == [D(0)] and b.override_by == "owner"
    assert free(shop, ids) == 0  # B took nothing from A

    with pytest.raises(StateError, match="reserved by other orders"):
        s.orders.start_picking(b.id, b.version)
    assert shop.order(b.id).state == "confirmed" and shop.qty(ids["item"], "A-01") == 10

    s.orders.start_picking(a.id, a.version)
    delivery = s.orders.ship(a.id, shop.order(a.id).version)
    assert [line.quantity for line in delivery.lines] == [D(10)]
    assert shop.order(a.id).state == "shipped"
    assert shop.qty(ids["item"], "A-01") == 0 and free(shop, ids) == 0
    assert shop.ledger_ok()

    s.stock.receive(ids["b01"], [{"item_id": ids["item"], "quantity": "4"}])
    assert free(shop, ids) == 4  # B reserved nothing, so the new stock is free …
    picking = s.orders.start_picking(b.id, shop.order(b.id).version)
    assert [(p.bin_code, p.quantity) for p in picking.lines] == [("B-01", D(4))]
    assert shop.order(b.id).lines[0].reserved == 4 and free(shop, ids) == 0  # … and now B's


def test_an_order_picks_its_own_reservation_before_free_stock(any_shop: Shop) -> None:
    shop, s = any_shop, any_shop.s
    ids = ten_on_the_shelf(shop)
    a = s.orders.confirm(order_of(shop, ids, "6").id, 1)
    b = order_of(shop, ids, "6")
    b = s.orders.confirm(b.id, b.version, "part now")
    assert b.lines[0].reserved == 4 and free(shop, ids) == 0
    picking = s.orders.start_picking(b.id, b.version)
    assert sum(p.quantity for p in picking.lines) == 4  # not A's 6
    picking_a = s.orders.start_picking(a.id, shop.order(a.id).version)
    assert sum(p.quantity for p in picking_a.lines) == 6
    s.orders.ship(b.id, shop.order(b.id).version)
    s.orders.ship(a.id, shop.order(a.id).version)
    assert shop.qty(ids["item"], "A-01") == 0 and shop.ledger_ok()
    assert shop.order(b.id).state == "partly_shipped" and shop.order(a.id).state == "shipped"


def test_reversing_a_receipt_under_a_reservation_needs_the_owner(any_shop: Shop) -> None:
    shop, s = any_shop, any_shop.s
    ids = ten_on_the_shelf(shop)
    a = s.orders.confirm(order_of(shop, ids, "7").id, 1)
    with pytest.raises(OverridableRefusal, match=a.number) as refused:
        s.stock.reverse(ids["receipt"], "received in error")
    assert "SOAP 7" in refused.value.render()
    assert shop.qty(ids["item"], "A-01") == 10 and shop.order(a.id).lines[0].reserved == 7

    warehouse = Services.over(s.ctx.db, actor=Actor("wang", Role.WAREHOUSE))
    with pytest.raises(PermissionDenied):
        warehouse.stock.reverse(ids["receipt"], "received in error", "I insist")
    assert shop.qty(ids["item"], "A-01") == 10

    reversal = s.stock.reverse(ids["receipt"], "received in error", "supplier took it back")
    assert shop.qty(ids["item"], "A-01") == 0 and shop.ledger_ok()
    assert shop.order(a.id).lines[0].reserved == 0 and free(shop, ids) == 0
    audit = _audit(shop, "stock.reservations_lost")
    assert audit and a.number in audit[-1] and "supplier took it back" in audit[-1]
    assert reversal.number.startswith("RV")


def test_a_count_below_the_reservations_takes_them_from_the_latest_order(
    any_shop: Shop,
) -> None:
    shop, s = any_shop, any_shop.s
    ids = ten_on_the_shelf(shop)
    first = s.orders.confirm(order_of(shop, ids, "4").id, 1)
    latest = s.orders.confirm(order_of(shop, ids, "5").id, 1)
    count = [{"item_id": ids["item"], "quantity": "6"}]
    with pytest.raises(OverridableRefusal, match=latest.number):
        s.stock.count(ids["a01"], count)
    assert shop.qty(ids["item"], "A-01") == 10
    s.stock.count(ids["a01"], count, override_reason="three broken in the shelf")
    assert shop.qty(ids["item"], "A-01") == 6 and shop.ledger_ok()
    assert shop.order(first.id).lines[0].reserved == 4
    assert shop.order(latest.id).lines[0].reserved == 2
    assert free(shop, ids) == 0


def test_a_count_that_leaves_the_reservations_covered_is_not_asked(any_shop: Shop) -> None:
    shop, s = any_shop, any_shop.s
    ids = ten_on_the_shelf(shop)
    s.orders.confirm(order_of(shop, ids, "4").id, 1)
    s.stock.count(ids["a01"], [{"item_id": ids["item"], "quantity": "5"}])
    assert shop.qty(ids["item"], "A-01") == 5 and free(shop, ids) == 1


def test_a_backorder_is_closed_short_and_the_rest_is_invoiced(any_shop: Shop) -> None:
    shop, s = any_shop, any_shop.s
    ids = ten_on_the_shelf(shop)
    order = order_of(shop, ids, "15")
    order = s.orders.confirm(order.id, order.version, "ten now, five later")
    assert order.lines[0].reserved == 10
    assert s.invoices.position(ids["customer"]).open_orders == Money.of("169.50")
    s.orders.start_picking(order.id, order.version)
    delivery = s.orders.ship(order.id, shop.order(order.id).version)
    order = shop.order(order.id)
    assert order.state == "partly_shipped" and order.lines[0].open_quantity == 5
    assert order.lines[0].reserved == 0  # nothing left to reserve: the shelf is empty
    [line] = s.orders.progress(order.id)
    assert (line.ordered, line.delivered, line.backordered, line.invoiced) == (15, 10, 5, 0)

    with pytest.raises(StateError, match="Close the rest short"):
        s.orders.cancel(order.id, order.version, "no longer wanted")
    with pytest.raises(FieldError, match="required"):
        s.orders.close_short(order.id, order.version, "  ")
    invoice = s.invoices.invoice([delivery.id])
    assert invoice.gross == Money.of("113") and shop.order(order.id).state == "partly_shipped"
    assert s.invoices.position(ids["customer"]).open_orders == Money.of("56.50")

    order = s.orders.close_short(order.id, shop.order(order.id).version, "item discontinued")
    assert order.state == "invoiced"  # every delivery of what is left is invoiced
    assert order.short_reason == "item discontinued"
    assert s.invoices.position(ids["customer"]).open_orders == Money.zero()
    [line] = s.orders.progress(order.id)
    assert (line.delivered, line.backordered, line.cancelled, line.invoiced) == (10, 0, 5, 10)
    s.invoices.record_payment(ids["customer"], "113", "bank")
    assert shop.order(order.id).state == "paid"
    assert _audit(shop, "order.close_short")


def test_closing_short_releases_the_reservation_for_other_orders(any_shop: Shop) -> None:
    shop, s = any_shop, any_shop.s
    ids = ten_on_the_shelf(shop)
    order = s.orders.confirm(order_of(shop, ids, "8").id, 1)
    s.orders.start_picking(order.id, shop.order(order.id).version)
    s.orders.ship(order.id, shop.order(order.id).version, {1: 3})
    order = shop.order(order.id)
    assert order.state == "partly_shipped" and order.lines[0].reserved == 5
    assert free(shop, ids) == 2
    order = s.orders.close_short(order.id, order.version, "customer cancelled the rest")
    assert order.state == "shipped" and order.lines[0].reserved == 0
    assert free(shop, ids) == 7 and shop.qty(ids["item"], "A-01") == 7


def test_nothing_shipped_cannot_be_closed_short(any_shop: Shop) -> None:
    shop, s = any_shop, any_shop.s
    ids = ten_on_the_shelf(shop)
    order = s.orders.confirm(order_of(shop, ids, "2").id, 1)
    with pytest.raises(StateError, match="cancel the order instead"):
        s.orders.close_short(order.id, order.version, "changed mind")
    s.orders.start_picking(order.id, order.version)
    with pytest.raises(StateError, match="cancel the order instead"):
        s.orders.close_short(order.id, shop.order(order.id).version, "changed mind")
    assert shop.order(order.id).state == "picking"


def test_an_unknown_picking_line_is_refused_and_nothing_ships(any_shop: Shop) -> None:
    shop, s = any_shop, any_shop.s
    ids = ten_on_the_shelf(shop)
    order = s.orders.confirm(order_of(shop, ids, "2").id, 1)
    s.orders.start_picking(order.id, order.version)
    with pytest.raises(ValidationError) as refused:
        s.orders.ship(order.id, shop.order(order.id).version, {99: 1})
    assert refused.value.by_field()["lines.99.picked"]
    assert shop.qty(ids["item"], "A-01") == 10 and shop.order(order.id).state == "picking"
    assert s.orders.deliveries_of(order.id) == []


def test_a_picking_list_that_cannot_be_fulfilled_is_replanned(any_shop: Shop) -> None:
    shop, s = any_shop, any_shop.s
    ids = ten_on_the_shelf(shop)
    order = s.orders.confirm(order_of(shop, ids, "5").id, 1)
    first = s.orders.start_picking(order.id, order.version)
    assert [p.bin_code for p in first.lines] == ["A-01"]
    s.stock.receive(ids["b01"], [{"item_id": ids["item"], "quantity": "5"}])
    s.stock.count(ids["a01"], [{"item_id": ids["item"], "quantity": "0"}])  # shelf is empty
    with pytest.raises(StateError, match="can no longer be fulfilled"):
        s.orders.ship(order.id, shop.order(order.id).version)
    assert shop.order(order.id).state == "picking" and shop.qty(ids["item"], "B-01") == 5

    second = s.orders.replan_picking(order.id, shop.order(order.id).version)
    assert [(p.bin_code, p.quantity) for p in second.lines] == [("B-01", D(5))]
    assert second.number != first.number
    pickings = {p.number: p.state for p in s.orders.documents(order.id).pickings}
    assert pickings == {first.number: "void", second.number: "open"}
    s.orders.ship(order.id, shop.order(order.id).version)
    assert shop.order(order.id).state == "shipped" and shop.qty(ids["item"], "B-01") == 0
    assert shop.ledger_ok()


def test_a_picking_list_is_cancelled_back_to_confirmed(any_shop: Shop) -> None:
    shop, s = any_shop, any_shop.s
    ids = ten_on_the_shelf(shop)
    order = s.orders.confirm(order_of(shop, ids, "3").id, 1)
    picking = s.orders.start_picking(order.id, order.version)
    order = s.orders.cancel_picking(order.id, shop.order(order.id).version, "truck broke down")
    assert order.state == "confirmed" and order.lines[0].reserved == 3
    assert s.orders.open_picking(order.id) is None
    assert {p.number: p.state for p in s.orders.documents(order.id).pickings} == {
        picking.number: "void"
    }
    assert free(shop, ids) == 7
    again = s.orders.start_picking(order.id, order.version)
    assert sum(p.quantity for p in again.lines) == 3


def _audit(shop: Shop, action: str) -> list[str]:
    def work(uow) -> list[str]:  # noqa: ANN001
        a = t.audit_log
        rows = uow.session.execute(
            a.select().where(a.c.action == action).order_by(a.c.id)
        ).mappings()
        return [f"{r['entity_id']} {r['detail']}" for r in rows]

    return read(shop.s.ctx.db, work)


def test_a_sales_user_cannot_close_short_for_the_warehouse(shop: Shop) -> None:
    ids = ten_on_the_shelf(shop)
    s = shop.s
    order = s.orders.confirm(order_of(shop, ids, "12").id, 1, "part now")
    s.orders.start_picking(order.id, order.version)
    s.orders.ship(order.id, shop.order(order.id).version)
    warehouse = Services(ServiceContext(s.ctx.db, Actor("wang", Role.WAREHOUSE)))
    with pytest.raises(PermissionDenied):
        warehouse.orders.close_short(order.id, shop.order(order.id).version, "no more")
    assert shop.order(order.id).state == "partly_shipped"


def test_picking_takes_the_items_own_bin_first(any_shop: Shop) -> None:
    s = any_shop.s
    customer = s.customers.create({"code": "C9", "name": "联华", "credit_limit": "9999"})
    a01, c09 = s.stock.add_bin("A-01").id, s.stock.add_bin("C-09").id
    item = s.items.create(
        {"sku": "OIL", "name": "Oil 食用油", "price": "60", "vat_rate": "9", "bin": "C-09"}
    )
    s.stock.receive(a01, [{"item_id": item.id, "quantity": "5"}])
    s.stock.receive(c09, [{"item_id": item.id, "quantity": "5"}])
    order = s.orders.create(customer.id, {}, [{"item_id": item.id, "quantity": "6"}])
    order = s.orders.confirm(order.id, order.version)
    picking = s.orders.start_picking(order.id, order.version)
    assert sorted((p.bin_code, p.quantity) for p in picking.lines) == [
        ("A-01", D(1)),
        ("C-09", D(5)),
    ]
