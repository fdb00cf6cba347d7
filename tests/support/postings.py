"""Postings of every kind through the services, for the crash and concurrency proofs.

``prepare`` makes the shop (customers, items, bins, stock) once; ``POSTINGS`` are the kinds of
posting a PC makes, each a short chain of service calls that ends in a posted document:

- ``receipt``: a goods receipt into a bin;
- ``sale``: order → confirm → pick → ship → invoice → payment of the whole invoice;
- ``return``: a sale, then a posted return of one unit of it;
- ``red_invoice``: a return as above, then its red invoice submitted, confirmed and issued;
- ``consignment``: a fill-up planned and posted, then an issue of part of it, invoiced;
- ``allowance``: a red invoice crediting an amount of one line of the shared invoice
  (several PCs at once must never credit more than the line);
- ``edit``: the shared customer's card saved with the version it was loaded at;
- ``last_units``: one unit of the scarce item sold and shipped (refused once none is free);
- ``pay``: a payment of 1.00 on account of the shared customer (pays the shared invoice).

Each returns the numbers it posted.  A refusal (``DomainError``) is an answer, not a failure:
the proofs collect it with its message.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import asdict, dataclass
from decimal import Decimal
from typing import Any

from retailerp.domain.security import Actor
from retailerp.services import Services

TODAY_ISO = "2026-03-16"


@dataclass
class ShopIds:
    """What the postings work on (all plain ids, so they travel as JSON to a child)."""

    customers: list[int]
    items: list[int]
    bin: int
    shared_customer: int
    shared_invoice: int
    shared_line: int
    scarce: int

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def prepare(s: Services, customers: int = 3, items: int = 3, scarce_units: int = 10) -> ShopIds:
    """Customers with room on credit, items in stock in bin A-01, an item of which only a few
    units are there (``SCARCE``), and one shared invoice of one customer (999 × 10.00 + VAT)
    that the concurrent PCs pay and credit."""
    bin_id = s.stock.add_bin("A-01").id
    customer_ids = [
        s.customers.create(
            {"code": f"C{n:03d}", "name": f"客户 {n}", "credit_limit": "99999999"}
        ).id
        for n in range(1, customers + 1)
    ]
    item_ids = [
        s.items.create({"sku": f"IT{n:03d}", "name": f"Item 商品 {n}", "price": "10",
                        "vat_rate": "13"}).id
        for n in range(1, items + 1)
    ]  # fmt: skip
    s.stock.receive(bin_id, [{"item_id": i, "quantity": "100000"} for i in item_ids])
    scarce = s.items.create({"sku": "SCARCE", "name": "Last units 最后几件", "price": "10",
                             "vat_rate": "13"}).id  # fmt: skip
    s.stock.receive(bin_id, [{"item_id": scarce, "quantity": str(scarce_units)}])
    shared = customer_ids[0]
    order = s.orders.create(shared, {}, [{"item_id": item_ids[0], "quantity": "999"}])
    order = s.orders.confirm(order.id, order.version)
    s.orders.start_picking(order.id, order.version)
    delivery = s.orders.ship(order.id, s.orders.get(order.id).version)
    invoice = s.invoices.invoice([delivery.id])
    return ShopIds(customer_ids, item_ids, bin_id, shared, invoice.id, invoice.lines[0].id,
                   scarce)  # fmt: skip


Posting = Callable[[Services, ShopIds, random.Random], list[str]]


def receipt(s: Services, ids: ShopIds, rng: random.Random) -> list[str]:
    lines = [{"item_id": rng.choice(ids.items), "quantity": str(rng.randint(1, 5))}]
    return [s.stock.receive(ids.bin, lines).number]


def _sale(s: Services, ids: ShopIds, rng: random.Random, quantity: int) -> list[Any]:
    customer = rng.choice(ids.customers)
    order = s.orders.create(
        customer, {}, [{"item_id": rng.choice(ids.items), "quantity": str(quantity)}]
    )
    order = s.orders.confirm(order.id, order.version)
    picking = s.orders.start_picking(order.id, order.version)
    delivery = s.orders.ship(order.id, s.orders.get(order.id).version)
    invoice = s.invoices.invoice([delivery.id])
    payment = s.invoices.record_payment(customer, str(invoice.gross.amount))
    return [order, picking, delivery, invoice, payment]


def sale(s: Services, ids: ShopIds, rng: random.Random) -> list[str]:
    return [d.number for d in _sale(s, ids, rng, rng.randint(1, 3))]


def _returned(s: Services, ids: ShopIds, rng: random.Random) -> tuple[list[str], Any]:
    documents = _sale(s, ids, rng, 2)
    delivery = documents[2]
    lines = [{"delivery_line_id": delivery.lines[0].id, "quantity": "1", "condition": "defective"}]
    draft = s.returns.create(delivery.id, {"reason": "quality_defect"}, lines)
    posted = s.returns.post(draft.id, draft.version)
    return [d.number for d in documents] + [posted.number], posted


def return_(s: Services, ids: ShopIds, rng: random.Random) -> list[str]:
    return _returned(s, ids, rng)[0]


def red_invoice(s: Services, ids: ShopIds, rng: random.Random) -> list[str]:
    numbers, posted = _returned(s, ids, rng)
    red = s.red_invoices.from_return(posted.id)
    red = s.red_invoices.submit(red.id, red.version)
    form = "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(20))
    red = s.red_invoices.confirm(red.id, red.version, form)
    red = s.red_invoices.issue(red.id, red.version)
    return [*numbers, red.number]


def consignment(s: Services, ids: ShopIds, rng: random.Random) -> list[str]:
    customer, item = rng.choice(ids.customers), rng.choice(ids.items)
    c = s.consignment
    draft = c.create_fill_up(customer, [{"item_id": item, "quantity": "3"}])
    planned = c.plan_fill_up(draft.id, draft.version)
    fill = c.post_fill_up(planned.id, planned.version)
    issue = c.create_issue(customer, [{"item_id": item, "quantity": "2"}])
    issue = c.post_issue(issue.id, issue.version)
    invoice = c.invoice_issue(issue.id, issue.version)
    return [fill.number, issue.number, invoice.number]


def allowance(s: Services, ids: ShopIds, rng: random.Random) -> list[str]:
    lines = [{"invoice_line_id": ids.shared_line, "net": str(rng.randint(50, 400))}]
    return [s.red_invoices.create(ids.shared_invoice, "allowance", lines).number]


def edit(s: Services, ids: ShopIds, rng: random.Random) -> list[str]:
    card = s.customers.get(ids.shared_customer)
    note = f"{card.credit_note} +{s.ctx.actor.username}"[-400:]
    values = {"code": card.code, "name": card.name, "credit_limit": "99999999", "credit_note": note}
    saved = s.customers.update(ids.shared_customer, card.version, values)
    return [f"v{saved.version}"]


def last_units(s: Services, ids: ShopIds, rng: random.Random) -> list[str]:
    """One unit of the scarce item, ordered and shipped: refused once it is gone."""
    order = s.orders.create(rng.choice(ids.customers), {}, [{"item_id": ids.scarce,
                                                             "quantity": "1"}])  # fmt: skip
    order = s.orders.confirm(order.id, order.version)
    picking = s.orders.start_picking(order.id, order.version)
    delivery = s.orders.ship(order.id, s.orders.get(order.id).version)
    return [order.number, picking.number, delivery.number]


def pay(s: Services, ids: ShopIds, rng: random.Random) -> list[str]:
    return [s.invoices.record_payment(ids.shared_customer, "1.00").number]


POSTINGS: dict[str, Posting] = {
    "receipt": receipt,
    "sale": sale,
    "return": return_,
    "red_invoice": red_invoice,
    "consignment": consignment,
    "allowance": allowance,
    "edit": edit,
    "last_units": last_units,
    "pay": pay,
}
EVERY_DOCUMENT = ("receipt", "sale", "return", "red_invoice", "consignment")
"""One round of the crash driver: every kind of document the shop posts."""


def services_as(db: Any, user: str) -> Services:
    from datetime import date

    return Services.over(db, actor=Actor(user), today=lambda: date.fromisoformat(TODAY_ISO))


def quantity(value: Decimal) -> str:
    return f"{value.normalize():f}"
