"""Order to cash, as a clerk, a warehouse hand and the bookkeeper live it.

Each scenario checks the stock ledger, balances, document states and numbers at every step.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from retailerp.domain.errors import (
    PermissionDenied,
    StaleRecordError,
    StateError,
    ValidationError,
)
from retailerp.domain.money import Money
from retailerp.domain.security import Actor, Role
from retailerp.services import ServiceContext, Services
from support.shop import Shop

D = Decimal


def stock_up(shop: Shop) -> dict[str, int]:
    """A customer, a batch-tracked tea in bin A-01 (two batches), a kettle in B-02."""
    s = shop.s
    a01 = s.stock.add_bin("A-01").id
    b02 = s.stock.add_bin("B-02").id
    customer = s.customers.create(
        {
            "code": "C001",
            "name": "上海百货有限公司",
            "credit_limit": "5000",
            "payment_terms_days": "30",
        }
    )
    tea = s.items.create(
        {
            "sku": "TEA-1",
            "name": "龙井绿茶 Longjing",
            "price": "100",
            "vat_rate": "13",
            "tracking": "batch",
            "bin": "A-01",
        }
    )
    kettle = s.items.create(
        {"sku": "KET-1", "name": "Kettle 电水壶", "price": "200", "vat_rate": "13", "bin": "B-02"}
    )
    s.stock.receive(
        a01,
        [
            {"item_id": tea.id, "quantity": "6", "batch": "LATE", "expiry": date(2027, 9, 1)},
            {"item_id": tea.id, "quantity": "4", "batch": "EARLY", "expiry": date(2026, 12, 1)},
        ],
    )
    s.stock.receive(b02, [{"item_id": kettle.id, "quantity": "3"}])
    return {"customer": customer.id, "tea": tea.id, "kettle": kettle.id}


def test_quote_to_cash_on_credit(any_shop: Shop) -> None:
    shop, s = any_shop, any_shop.s
    ids = stock_up(shop)
    # the clerk enters the order: 5 tea at list price less 10 %, 1 kettle
    order = s.orders.create(
        ids["customer"],
        {"payment_mode": "credit"},
        [
            {"item_id": ids["tea"], "quantity": "5", "discount": "10"},
            {"item_id": ids["kettle"], "quantity": "1"},
        ],
    )
    assert order.number == "SO2026-000001" and order.state == "draft"
    # tea 5 × 100 × 0.9 = 450 + VAT 58.50; kettle 200 + VAT 26 → 734.50
    assert order.totals.net == Money.of("650") and order.totals.vat == Money.of("84.50")
    assert order.totals.gross == Money.of("734.50")

    order = s.orders.confirm(order.id, order.version)
    assert order.state == "confirmed"
    assert [line.reserved for line in order.lines] == [D(5), D(1)]
    assert s.orders.free_stock([ids["tea"], ids["kettle"]]) == {
        ids["tea"]: D(5),
        ids["kettle"]: D(2),
    }
    assert shop.qty(ids["tea"], "A-01", "EARLY") == 4  # nothing moved yet

    picking = s.orders.start_picking(order.id, order.version)
    assert picking.number == "PK2026-000001"
    # first expiry first out, in bin order: A-01 EARLY 4, A-01 LATE 1, B-02 kettle 1
    assert [(p.bin_code, p.batch, p.quantity) for p in picking.lines] == [
        ("A-01", "EARLY", D(4)),
        ("A-01", "LATE", D(1)),
        ("B-02", "", D(1)),
    ]
    order = shop.order(order.id)
    assert order.state == "picking"

    delivery = s.orders.ship(order.id, order.version)
    assert delivery.number == "DN2026-000001"
    assert sorted(shop.moves(delivery.number)) == [
        ("A-01", "CUSTOMERS", D(1), "LATE"),
        ("A-01", "CUSTOMERS", D(4), "EARLY"),
        ("B-02", "CUSTOMERS", D(1), ""),
    ]
    assert shop.qty(ids["tea"], "A-01", "EARLY") == 0
    assert shop.qty(ids["tea"], "A-01", "LATE") == 5
    assert shop.qty(ids["kettle"], "B-02") == 2
    assert shop.ledger_ok()
    order = shop.order(order.id)
    assert order.state == "shipped" and [line.reserved for line in order.lines] == [0, 0]

    invoice = s.invoices.invoice([delivery.id])
    assert invoice.number == "IV2026-000001"
    assert invoice.gross == Money.of("734.50") and invoice.vat == Money.of("84.50")
    assert invoice.due_date == date(2026, 4, 9)
    assert shop.order(order.id).state == "invoiced"
    position = s.invoices.position(ids["customer"])
    assert position.open_balance == Money.of("734.50") and position.open_orders == Money(0)

    payment = s.invoices.record_payment(ids["customer"], "300", "bank", "回单 0311")
    assert payment.number == "PY2026-000001"
    assert [a.amount for a in payment.allocations] == [Money.of("300")]
    assert shop.order(order.id).state == "invoiced"
    [ageing] = s.invoices.ageing(date(2026, 5, 1))
    assert ageing.buckets == {"1–30 days overdue": Money.of("434.50")}

    s.invoices.record_payment(ids["customer"], "434.50", "cash")
    order = shop.order(order.id)
    assert order.state == "paid"
    assert s.invoices.position(ids["customer"]).open_balance == Money(0)
    assert s.invoices.ageing() == []
    assert s.orders.close(order.id, order.version).state == "closed"


def test_partial_shipment_leaves_a_backorder_on_the_same_order(shop: Shop) -> None:
    s = shop.s
    ids = stock_up(shop)
    order = s.orders.create(ids["customer"], {}, [{"item_id": ids["kettle"], "quantity": "5"}])
    with pytest.raises(StateError, match="not enough free stock"):
        s.orders.confirm(order.id, order.version)
    assert shop.order(order.id).state == "draft"
    order = s.orders.confirm(order.id, order.version, "customer accepts part now, rest later")
    assert [line.reserved for line in order.lines] == [D(3)]
    s.orders.start_picking(order.id, order.version)
    order = shop.order(order.id)
    first = s.orders.ship(order.id, order.version, {1: 2})  # only 2 of 3 found on the shelf
    order = shop.order(order.id)
    assert order.state == "partly_shipped"  # backorder of 3 stays on the order
    assert order.lines[0].shipped == 2 and order.lines[0].open_quantity == 3
    assert shop.qty(ids["kettle"], "B-02") == 1
    s.stock.receive(_bin(shop, "B-02"), [{"item_id": ids["kettle"], "quantity": "2"}])
    s.orders.start_picking(order.id, order.version)
    order = shop.order(order.id)
    second = s.orders.ship(order.id, order.version)
    order = shop.order(order.id)
    assert order.state == "shipped" and order.lines[0].shipped == 5
    assert (first.number, second.number) == ("DN2026-000001", "DN2026-000002")
    invoice = s.invoices.invoice([first.id, second.id])
    assert invoice.gross == Money.of("1130") and shop.order(order.id).state == "invoiced"
    assert shop.qty(ids["kettle"], "B-02") == 0 and shop.ledger_ok()


def _bin(shop: Shop, code: str) -> int:
    return next(loc.id for loc in shop.s.stock.locations() if loc.code == code)


def test_prepaid_order_cannot_ship_before_payment(shop: Shop) -> None:
    s = shop.s
    ids = stock_up(shop)
    order = s.orders.create(
        ids["customer"], {"payment_mode": "prepaid"}, [{"item_id": ids["kettle"], "quantity": "1"}]
    )
    order = s.orders.confirm(order.id, order.version)
    s.orders.start_picking(order.id, order.version)
    order = shop.order(order.id)
    with pytest.raises(StateError, match="prepaid"):
        s.orders.ship(order.id, order.version)
    assert shop.qty(ids["kettle"], "B-02") == 3  # nothing left the shelf
    s.invoices.record_payment(ids["customer"], "226", "wechat", order_id=order.id)
    order = shop.order(order.id)
    assert order.prepaid == Money.of("226")
    delivery = s.orders.ship(order.id, order.version)
    invoice = s.invoices.invoice([delivery.id])
    assert invoice.paid == invoice.gross == Money.of("226")
    assert shop.order(order.id).state == "paid"


def test_cash_on_delivery_ships_then_collects(shop: Shop) -> None:
    s = shop.s
    ids = stock_up(shop)
    order = s.orders.create(
        ids["customer"], {"payment_mode": "cod"}, [{"item_id": ids["tea"], "quantity": "2"}]
    )
    order = s.orders.confirm(order.id, order.version)
    s.orders.start_picking(order.id, order.version)
    delivery = s.orders.ship(order.id, shop.order(order.id).version)
    assert shop.order(order.id).state == "shipped"
    s.invoices.record_payment(
        ids["customer"], "226", "cash", "collected at the door", order_id=order.id
    )
    assert shop.order(order.id).state == "shipped"
    invoice = s.invoices.invoice([delivery.id])
    assert invoice.is_paid and shop.order(order.id).state == "paid"


def test_credit_limit_refusal_and_owner_override(shop: Shop) -> None:
    s = shop.s
    ids = stock_up(shop)
    s.stock.receive(_bin(shop, "B-02"), [{"item_id": ids["kettle"], "quantity": "30"}])
    order = s.orders.create(ids["customer"], {}, [{"item_id": ids["kettle"], "quantity": "25"}])
    with pytest.raises(StateError) as refused:
        s.orders.confirm(order.id, order.version)
    assert "credit limit of 5,000.00" in str(refused.value)
    assert "5,650.00" in str(refused.value)
    clerk = Services(ServiceContext(s.ctx.db, Actor("li", Role.SALES), s.ctx.today))
    with pytest.raises(PermissionDenied):
        clerk.orders.confirm(order.id, order.version, "I think it is fine")
    assert shop.order(order.id).state == "draft"
    confirmed = s.orders.confirm(order.id, order.version, "pays within the week")
    assert confirmed.state == "confirmed" and confirmed.override_by == "owner"
    assert confirmed.override_reason == "pays within the week"


def test_cancel_releases_the_reservation(shop: Shop) -> None:
    s = shop.s
    ids = stock_up(shop)
    order = s.orders.create(ids["customer"], {}, [{"item_id": ids["kettle"], "quantity": "3"}])
    order = s.orders.confirm(order.id, order.version)
    assert s.orders.free_stock([ids["kettle"]]) == {ids["kettle"]: D(0)}
    other = s.orders.create(ids["customer"], {}, [{"item_id": ids["kettle"], "quantity": "1"}])
    with pytest.raises(StateError, match="not enough free stock"):
        s.orders.confirm(other.id, other.version)
    s.orders.start_picking(order.id, order.version)
    cancelled = s.orders.cancel(order.id, shop.order(order.id).version, "customer changed mind")
    assert cancelled.state == "cancelled"
    assert s.orders.free_stock([ids["kettle"]]) == {ids["kettle"]: D(3)}
    assert s.orders.open_picking(order.id) is None
    assert s.orders.confirm(other.id, other.version).state == "confirmed"
    assert shop.qty(ids["kettle"], "B-02") == 3 and shop.ledger_ok()


def test_bad_order_input_is_refused_and_writes_nothing(shop: Shop) -> None:
    s = shop.s
    ids = stock_up(shop)
    with pytest.raises(ValidationError) as bad:
        s.orders.create(
            ids["customer"],
            {},
            [
                {"item_id": 999, "quantity": "1"},
                {"item_id": ids["tea"], "quantity": "0"},
                {"item_id": ids["kettle"], "quantity": "1", "unit_price": "20"},
            ],
        )
    fields = set(bad.value.by_field())
    assert fields == {"lines.1.item", "lines.2.quantity", "lines.3.unit_price"}
    assert "below the floor" in bad.value.by_field()["lines.3.unit_price"].render()
    customer = s.customers.get(ids["customer"])
    s.customers.end(customer.id, customer.version, "closed down")
    with pytest.raises(StateError, match="has ended"):
        s.orders.create(ids["customer"], {}, [{"item_id": ids["tea"], "quantity": "1"}])
    assert s.orders.free_stock([ids["tea"]]) == {ids["tea"]: D(10)}
    customer = s.customers.get(ids["customer"])
    s.customers.reactivate(customer.id, customer.version)
    first = s.orders.create(ids["customer"], {}, [{"item_id": ids["tea"], "quantity": "1"}])
    assert first.number == "SO2026-000001"  # the refused attempts took no number


def test_two_pcs_confirming_the_same_order(shop: Shop) -> None:
    s = shop.s
    ids = stock_up(shop)
    order = s.orders.create(ids["customer"], {}, [{"item_id": ids["kettle"], "quantity": "2"}])
    other_pc = Services(ServiceContext(s.ctx.db, Actor("wang"), s.ctx.today))
    s.orders.confirm(order.id, order.version)
    with pytest.raises((StaleRecordError, StateError)):
        other_pc.orders.confirm(order.id, order.version)
    assert s.orders.free_stock([ids["kettle"]]) == {ids["kettle"]: D(1)}  # reserved once
    assert shop.order(order.id).state == "confirmed"
