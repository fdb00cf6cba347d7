"""The demo's consignment customers: a year of fill-ups, issues, pickups, an end-customer
return, a count with a difference, a reversal and short-dated batches at the customers, made
through the services so every rule holds.  Called from :func:`retailerp.demo.fill` once the
sales history exists; the steps of all customers run in date order, so numbers follow dates,
and the issues are invoiced on the demo's today (after every sales invoice)."""

from __future__ import annotations

import heapq
import random
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal

from retailerp.domain.customers import CustomerStatus
from retailerp.domain.items import Item, Tracking
from retailerp.services import Page, ServiceContext, Services

CUSTOMERS = 3
REVERSE_NOTE = ("提货数量录错", "pickup quantity entered wrongly")

Life = Iterator[date]
"""A customer's history: yields the day of its next step, takes it when resumed."""


def _on(services: Services, day: date) -> Services:
    ctx = services.ctx
    return Services(ServiceContext(ctx.db, ctx.actor, lambda d=day: d))


def fill_consignment(
    services: Services, rng: random.Random, today: date, chinese: bool = True
) -> int:
    """Make the consignment history; returns how many customers hold consignment stock."""
    items = [
        services.items.get(r.id) for r in services.items.page(Page(limit=1000, sort_key="sku"))
    ]
    goods = [i for i in items if i.tracking == Tracking.BATCH and i.bin_id] or [
        i for i in items if i.tracking == Tracking.NONE and i.bin_id
    ]
    customers = [
        row.id for row in services.customers.page(Page(limit=1000, sort_key="code"))
        if row.status == CustomerStatus.ACTIVE
    ][:CUSTOMERS]  # fmt: skip
    if len(goods) < 2:
        return 0
    lives = []
    for n, customer_id in enumerate(customers):
        mine = goods[n * 2 : n * 2 + 2] if len(goods) >= n * 2 + 2 else goods[:2]
        start = today - timedelta(days=330 - 25 * n)
        lives.append(_life(services, rng, customer_id, mine, start, today, n, chinese))
    _run_in_date_order(lives)
    invoicing = _on(services, today).consignment
    for document in invoicing.documents():
        if document.kind == "issue" and document.state == "posted":
            invoicing.invoice_issue(document.id or 0, document.version)
    _credit_returns(_on(services, today))
    return len(lives)


def _credit_returns(services: Services) -> None:
    """Finance releases the billing block of the end-customer return once its issue is
    invoiced: the red invoice is drafted and sent for confirmation."""
    for document in services.consignment.documents():
        if document.kind == "return" and document.state == "posted" and document.billing_block:
            released = services.consignment.release_billing_block(
                document.id or 0, document.version
            )
            red = services.red_invoices.get(released.red_invoice_id or 0)
            services.red_invoices.submit(red.id or 0, red.version)


def _run_in_date_order(lives: list[Life]) -> None:
    queue: list[tuple[date, int, Life]] = []
    for n, life in enumerate(lives):
        day = next(life, None)
        if day is not None:
            heapq.heappush(queue, (day, n, life))
    while queue:
        _day, n, life = heapq.heappop(queue)
        day = next(life, None)
        if day is not None:
            heapq.heappush(queue, (day, n, life))


def _life(
    services: Services,
    rng: random.Random,
    customer_id: int,
    goods: list[Item],
    start: date,
    today: date,
    n: int,
    chinese: bool,
) -> Life:
    yield start
    _fill(_on(services, start), customer_id, [(g, rng.randint(12, 20)) for g in goods])
    day = start + timedelta(days=45)
    yield day
    c = _on(services, day).consignment
    issue = c.create_issue(customer_id, [{"item_id": goods[0].id, "quantity": 6}])
    issue = c.post_issue(issue.id or 0, issue.version)
    day = start + timedelta(days=120)
    yield day
    _fill(_on(services, day), customer_id, [(goods[-1], 8)])
    day = start + timedelta(days=150)
    yield day
    c = _on(services, day).consignment
    line = {"item_id": goods[-1].id, "quantity": 2, "location_id": goods[-1].bin_id}
    pickup = c.create_pickup(customer_id, [line])
    pickup = c.post_pickup(pickup.id or 0, pickup.version)
    if n == 0:
        c.reverse(pickup.id or 0, REVERSE_NOTE[0 if chinese else 1])
        back = [{"source_line_id": issue.lines[0].id, "quantity": 1}]
        ret = c.create_return(issue.id or 0, back)
        c.post_return(ret.id or 0, ret.version)
    if n == 1:
        day = start + timedelta(days=200)
        yield day
        _count(_on(services, day), customer_id)
    day = today - timedelta(days=7 - n)
    yield day
    _short_dated(_on(services, day), customer_id, goods[0], today, n)


def _fill(services: Services, customer_id: int, lines: list[tuple[Item, int]]) -> None:
    c = services.consignment
    fill = c.create_fill_up(customer_id, [{"item_id": i.id, "quantity": q} for i, q in lines])
    fill = c.plan_fill_up(fill.id or 0, fill.version)
    c.post_fill_up(fill.id or 0, fill.version)


def _short_dated(services: Services, customer_id: int, item: Item, today: date, n: int) -> None:
    """A batch close to expiry bought in a week ago and sent out first (first expiry first
    out): what the home page's "expiring soon" queue shows.  The third customer's came in
    without a cost, so its stock at cost shows as not known."""
    if item.tracking != Tracking.BATCH or item.bin_id is None:
        return
    expiry = today + timedelta(days=8 + 6 * n)
    batch = f"S{services.ctx.today():%y%m%d}{n}"
    cost = (item.price.amount * Decimal("0.7")).quantize(Decimal("0.01")) if n < 2 else 0
    services.stock.receive(
        item.bin_id,
        [{"item_id": item.id, "quantity": 5, "batch": batch, "expiry": expiry, "unit_cost": cost}],
    )
    _fill(services, customer_id, [(item, 5)])


def _count(services: Services, customer_id: int) -> None:
    """A count that finds two fewer of the first lot than the books: two were sold."""
    c = services.consignment
    counted = [
        {"item_id": lot.item_id, "batch": lot.key, "quantity": lot.quantity - (2 if i == 0 else 0)}
        for i, lot in enumerate(c.lots(customer_id))
    ]
    count = c.create_count(customer_id, counted)
    _count_doc, issue = c.settle_count(count.id or 0, count.version)
    if issue is not None:
        c.post_issue(issue.id or 0, issue.version)
