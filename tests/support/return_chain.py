"""A return chain with every link (for the link, printing and screen tests): 6 kettles
delivered, invoiced and paid on 2026-03-10; 200 days later RT1 (2, unsellable: 90 % after the
safe period) is credited by RI1 and refunded by RF1, and RT2 (1, quality defect) is exchanged
by SO2, whose replacement delivery DN2 has shipped."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from retailerp.services import Services
from support.shop import Shop, open_shop

DELIVERED_ON = date(2026, 3, 10)  # support.shop's "today"
LATER = DELIVERED_ON + timedelta(days=200)


def build_chain(shop: Shop) -> dict[str, str]:
    """The numbers by short name: SO1, DN1, IV1, RT1, RT2, RI1, RF1, SO2, DN2."""
    s = shop.s
    customer = s.customers.create({"code": "C001", "name": "华联超市", "credit_limit": "99999"})
    item = s.items.create({"sku": "KET", "name": "Kettle 电水壶", "price": "100", "vat_rate": "13"})
    s.stock.receive(s.stock.add_bin("A-01").id, [{"item_id": item.id, "quantity": "20"}])
    order = s.orders.create(customer.id, {}, [{"item_id": item.id, "quantity": "6"}])
    order = s.orders.confirm(order.id, order.version)
    s.orders.start_picking(order.id, order.version)
    delivery = s.orders.ship(order.id, s.orders.get(order.id).version)
    invoice = s.invoices.invoice([delivery.id])
    s.invoices.record_payment(customer.id, "678")
    numbers = {"SO1": order.number, "DN1": delivery.number, "IV1": invoice.number}
    s = Services.over(s.ctx.db, actor=s.ctx.actor, today=lambda: LATER)
    for key, quantity, reason in (("RT1", "2", "unsellable"), ("RT2", "1", "quality_defect")):
        lines = [{"delivery_line_id": delivery.lines[0].id, "quantity": quantity}]
        draft = s.returns.create(delivery.id, {"reason": reason}, lines)
        numbers[key] = s.returns.post(draft.id, draft.version).number
    red = s.red_invoices.from_return(s.returns.by_number(numbers["RT1"]).id)
    red = s.red_invoices.submit(red.id, red.version)
    red = s.red_invoices.confirm(red.id, red.version, "LINK00000001")
    numbers["RI1"] = s.red_invoices.issue(red.id, red.version).number
    numbers["RF1"] = s.invoices.refund(customer.id, "203.40").number
    replacement = s.exchanges.exchange(s.returns.by_number(numbers["RT2"]).id)
    s.orders.start_picking(replacement.id, replacement.version)
    numbers["SO2"] = replacement.number
    numbers["DN2"] = s.orders.ship(replacement.id, s.orders.get(replacement.id).version).number
    return numbers


def chain_file(target: Path) -> dict[str, str]:
    """The chain in a new shop file (closed again, for the command line and the screens)."""
    shop = open_shop(target)
    numbers = build_chain(shop)
    shop.s.ctx.db.dispose()
    return numbers
