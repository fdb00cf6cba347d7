"""The demo's complaint tickets: every state and severity, some overdue, each resolution
kind that makes documents (a price allowance issued as a red invoice, in-kind compensation
shipped free, damages on account and paid out in cash among them), and one bad batch with
several tickets.  Made through the
services, after the sales history (the tickets name real deliveries)."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from retailerp.domain.complaints import TicketAction
from retailerp.services import Page, Services

A = TicketAction
STEPS = {
    "received": [],
    "acknowledged": [A.ACKNOWLEDGE],
    "investigating": [A.ACKNOWLEDGE, A.INVESTIGATE],
    "proposed": [A.ACKNOWLEDGE, A.INVESTIGATE, A.PROPOSE],
    "approved": [A.ACKNOWLEDGE, A.INVESTIGATE, A.PROPOSE, A.APPROVE],
    "accepted": [A.ACKNOWLEDGE, A.INVESTIGATE, A.PROPOSE, A.APPROVE, A.ACCEPT],
}
# (state to reach, amount at stake, resolution, hours ago received)
PLAN = [
    ("received", "120", "", 1),
    ("received", "900", "", 30),  # overdue
    ("acknowledged", "300", "", 3),  # overdue
    ("investigating", "6000", "", 2),
    ("proposed", "800", "", 5),
    ("approved", "60000", "", 4),
    ("accepted", "200", "", 1),
    ("executing", "5200", "replace", 20),  # waits for the free order to ship
    ("resolved", "150", "return", 48),
    ("resolved", "700", "visit", 50),
    ("follow_up", "1200", "damages", 72),
    ("closed", "400", "exchange", 96),
    ("rejected", "90", "", 10),
    ("resolved", "300", "allowance", 60),
    ("resolved", "500", "compensation", 40),
    ("follow_up", "650", "damages_refund", 55),
    ("executing", "400", "allowance_draft", 8),  # the red invoice waits for finance
]
NEEDS_INVOICE = ("allowance", "allowance_draft")
TEXTS = {
    "zh": ["外包装破损", "产品有异味", "数量短少", "颜色与样品不符", "保质期临近"],
    "en": ["Box damaged", "Smells odd", "Short delivered", "Colour unlike sample", "Near expiry"],
}


def fill_complaints(services: Services, rng: random.Random, chinese: bool) -> int:
    """Make the demo tickets; returns how many."""
    lines = _delivered_lines(services)
    if not lines:
        return 0
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    texts = TEXTS["zh" if chinese else "en"]
    made = 0
    invoiced = _delivered_lines(services, invoiced=True) or lines
    for n, (state, amount, resolution, hours) in enumerate(PLAN):
        pool = invoiced if resolution in NEEDS_INVOICE else lines
        delivery_id, item_id, batch = pool[n % len(pool)]
        _ticket(services, now - timedelta(hours=hours), delivery_id, item_id, batch,
                amount, rng.choice(texts), state, resolution)  # fmt: skip
        made += 1
    batched = [line for line in lines if line[2]]
    if batched:
        delivery_id, item_id, batch = batched[0]
        for hours in (6, 30, 80):  # one bad batch: three tickets
            _ticket(services, now - timedelta(hours=hours), delivery_id, item_id, batch,
                    "180", rng.choice(texts), "investigating", "")  # fmt: skip
            made += 1
    return made


def _delivered_lines(services: Services, invoiced: bool = False) -> list[tuple[int, int, str]]:
    found = []
    for row in services.orders.deliveries_page(Page(limit=40)):
        if invoiced and not row.invoice_number:
            continue
        for line in services.complaints.delivery_items(row.id):
            if line["quantity"] >= 2:
                found.append((row.id, line["item_id"], line["batch"]))
                break
    return found


def _ticket(
    services: Services, received: datetime, delivery_id: int, item_id: int, batch: str,
    amount: str, text: str, state: str, resolution: str,
) -> None:  # fmt: skip
    customer_id = services.complaints.delivery_customer(delivery_id)
    ticket = services.complaints.create(
        {"customer_id": customer_id, "delivery_id": delivery_id, "item_id": item_id,
         "batch": batch, "quantity": "1", "amount": amount, "description": text,
         "received_at": received, "channel": "phone"}
    )  # fmt: skip
    cs = services.complaints
    if state == "rejected":
        cs.act(ticket.id or 0, ticket.version, A.REJECT, "not our goods")
        return
    steps = STEPS.get(state, STEPS["accepted"])
    for action in steps:
        ticket = cs.get(ticket.id or 0)
        if action is A.PROPOSE:
            ticket = cs.propose(ticket.id or 0, ticket.version, "replace or refund")
        elif action is A.APPROVE and ticket.severity == "minor":
            continue
        else:
            ticket = cs.act(ticket.id or 0, ticket.version, action, "customer agreed")
    if resolution:
        _resolve(services, ticket.id or 0, resolution, state)


def _resolve(services: Services, ticket_id: int, resolution: str, state: str) -> None:
    res, cs = services.resolutions, services.complaints
    if resolution == "return":
        res.return_goods(ticket_id, override_reason="demo")
    elif resolution == "exchange":
        made = res.exchange(ticket_id, override_reason="demo")
        _ship(services, made.numbers[1])
    elif resolution == "replace":
        res.replace(ticket_id, override_reason="demo")
    elif resolution == "damages":
        res.damages(ticket_id, "120")
    elif resolution == "damages_refund":
        res.damages(ticket_id, "80", "indirect", "spoilt display", settle="refund")
    elif resolution == "compensation":
        made = res.compensate(ticket_id, override_reason="demo")
        _ship(services, made.numbers[0])
    elif resolution in NEEDS_INVOICE:
        made = res.allowance(ticket_id, "20", "scratches")
        if resolution == "allowance":
            _issue(services, made.numbers[0], f"CPALLOW{ticket_id:06d}")
    elif resolution == "visit":
        visit = res.plan_visit(ticket_id, services.ctx.today(), "Zhang")
        res.record_visit(visit.numbers[0], "fixed on site")
    if state == "executing":
        return
    ticket = cs.act(ticket_id, cs.get(ticket_id).version, A.RESOLVE)
    if state in ("follow_up", "closed"):
        ticket = cs.follow_up(ticket_id, ticket.version, 4, "ok")
    if state == "closed":
        cs.act(ticket_id, ticket.version, A.CLOSE)


def _issue(services: Services, number: str, confirmation: str) -> None:
    red = services.red_invoices.by_number(number)
    red = services.red_invoices.submit(red.id or 0, red.version)
    red = services.red_invoices.confirm(red.id or 0, red.version, confirmation)
    services.red_invoices.issue(red.id or 0, red.version)


def _ship(services: Services, order_number: str) -> None:
    order = services.orders.by_number(order_number)
    services.orders.start_picking(order.id or 0, order.version)
    services.orders.ship(order.id or 0, services.orders.get(order.id or 0).version)
