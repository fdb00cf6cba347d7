"""A shop with goods delivered, ready for returns (service, printing and screen tests)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from retailerp.domain.fulfilment import Delivery
from retailerp.services import Services

DELIVERED_ON = date(2026, 3, 10)


@dataclass
class Delivered:
    customer_id: int
    item_id: int
    delivery: Delivery

    @property
    def line_id(self) -> int:
        return self.delivery.lines[0].id or 0


def deliver(s: Services, quantity: str = "6", code: str = "C001") -> Delivered:
    """``quantity`` kettles (batch K1) delivered to a customer ``code`` from bin A-01."""
    customer = s.customers.create({"code": code, "name": "华联超市", "credit_limit": "99999"})
    item = s.items.create(
        {"sku": "KET", "name": "Kettle 电水壶", "price": "100", "vat_rate": "13",
         "tracking": "batch"}
    )  # fmt: skip
    a01 = s.stock.add_bin("A-01").id or 0
    s.stock.receive(a01, [{"item_id": item.id, "quantity": "10", "batch": "K1"}])
    order = s.orders.create(customer.id or 0, {}, [{"item_id": item.id, "quantity": quantity}])
    order = s.orders.confirm(order.id or 0, order.version)
    s.orders.start_picking(order.id or 0, order.version)
    delivery = s.orders.ship(order.id or 0, s.orders.get(order.id or 0).version)
    return Delivered(customer.id or 0, item.id or 0, delivery)


def later(s: Services, days: int) -> Services:
    """The same shop ``days`` after the delivery."""
    day = DELIVERED_ON + timedelta(days=days)
    return Services.over(s.ctx.db, actor=s.ctx.actor, today=lambda: day)
