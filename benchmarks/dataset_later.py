"""The later areas' documents in the data set, in proportion to its orders, posted through
the services (so every rule of returns, red invoices, complaints and consignment holds as
in a shop; the bulk part of :mod:`benchmarks.dataset` writes the volume they sit on).

Per 200 orders: one posted return credited by an issued red invoice, one price allowance
(an issued red invoice), one complaint ticket taken up with a solution proposed; per 400
orders one consignment fill-up posted.  All are dated today, after the bulk history, so the number
series keep following the dates.  A document a rule refuses is counted, not forced.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from retailerp.domain.complaints import TicketAction
from retailerp.domain.errors import DomainError
from retailerp.domain.security import Actor
from retailerp.persistence.engine import Database
from retailerp.services import Page, Services

RETURNS_PER_ORDERS = 200
ALLOWANCES_PER_ORDERS = 200
COMPLAINTS_PER_ORDERS = 200
FILL_UPS_PER_ORDERS = 400


@dataclass
class Later:
    """How many of each the services posted, and how many a rule refused."""

    made: Counter[str] = field(default_factory=Counter)
    refused: Counter[str] = field(default_factory=Counter)

    def line(self) -> str:
        made = ", ".join(f"{kind} {n:,}" for kind, n in sorted(self.made.items()))
        refused = ", ".join(f"{kind} {n:,}" for kind, n in sorted(self.refused.items()))
        return f"{made}" + (f" (refused: {refused})" if refused else "")


def add(db: Database, orders: int, progress=None) -> Later:  # noqa: ANN001
    """Post the later areas' documents for a data set of ``orders`` orders."""
    s = Services.over(db, actor=Actor("owner"))
    say = progress or (lambda _text: None)
    later = Later()
    deliveries = _latest_deliveries(s, max(orders // 50, 10))
    invoiced = [row for row in deliveries if row.invoice_number]
    for n, row in enumerate(invoiced[: max(1, orders // RETURNS_PER_ORDERS)]):
        _attempt(later, "returns credited", lambda row=row, n=n: _credited_return(s, row, n))
    say(f"{later.made['returns credited']:,} returns credited")
    rest = invoiced[max(1, orders // RETURNS_PER_ORDERS) :]
    for n, row in enumerate(rest[: max(1, orders // ALLOWANCES_PER_ORDERS)]):
        _attempt(later, "allowances", lambda row=row, n=n: _allowance(s, row, n))
    say(f"{later.made['allowances']:,} allowances")
    for row in deliveries[: max(1, orders // COMPLAINTS_PER_ORDERS)]:
        _attempt(later, "complaints", lambda row=row: _complaint(s, row.id))
    say(f"{later.made['complaints']:,} complaints")
    customers = s.customers.page(Page(limit=max(1, orders // FILL_UPS_PER_ORDERS)))
    items = s.items.page(Page(limit=1000))  # three different items for each customer
    for n, customer in enumerate(customers):
        goods = [items[(3 * n + k) % len(items)] for k in range(min(3, len(items)))]
        _attempt(later, "consignment fill-ups", lambda c=customer, g=goods: _fill_up(s, c.id, g))
    say(f"{later.made['consignment fill-ups']:,} consignment fill-ups")
    return later


def _latest_deliveries(s: Services, count: int) -> list:
    """The ``count`` latest deliveries, newest first, page after page."""
    rows: list = []
    after = None
    while len(rows) < count:
        page = s.orders.deliveries_page(
            Page(limit=500, sort_key="delivery_date", descending=True, after=after)
        )
        rows += page
        if len(page) < 500:
            break
        after = page[-1].cursor
    return rows[:count]


def _attempt(later: Later, kind: str, post) -> None:  # noqa: ANN001
    try:
        post()
    except DomainError:
        later.refused[kind] += 1
    else:
        later.made[kind] += 1


def _issue(s: Services, red_id: int, n: int) -> None:
    red = s.red_invoices.get(red_id)
    red = s.red_invoices.submit(red_id, red.version)
    red = s.red_invoices.confirm(red_id, red.version, f"BENCH{n + 1:011d}")
    s.red_invoices.issue(red_id, red.version)


def _credited_return(s: Services, row, n: int) -> None:  # noqa: ANN001
    line = next(r for r in s.returns.returnable(row.id) if r.open > 0)
    lines = [{"delivery_line_id": line.delivery_line_id, "quantity": "1",
              "condition": "defective"}]  # fmt: skip
    draft = s.returns.create(row.id, {"reason": "quality_defect"}, lines)
    posted = s.returns.post(draft.id or 0, draft.version)
    red = s.red_invoices.from_return(posted.id or 0, "quality")
    _issue(s, red.id or 0, 2 * n)


def _allowance(s: Services, row, n: int) -> None:  # noqa: ANN001
    blue = s.invoices.get(row.invoice_number)
    net = max(blue.lines[0].net.amount / 20, Decimal("0.01")).quantize(Decimal("0.01"))
    lines = [{"invoice_line_id": blue.lines[0].id, "net": net}]
    red = s.red_invoices.create(blue.id or 0, "allowance", lines, "price allowance")
    _issue(s, red.id or 0, 2 * n + 1)


def _complaint(s: Services, delivery_id: int) -> None:
    line = s.complaints.delivery_items(delivery_id)[0]
    ticket = s.complaints.create(
        {"customer_id": s.complaints.delivery_customer(delivery_id), "delivery_id": delivery_id,
         "item_id": line["item_id"], "batch": line["batch"], "quantity": "1", "amount": "10",
         "description": "damaged in transport", "channel": "phone"}
    )  # fmt: skip
    for action in (TicketAction.ACKNOWLEDGE, TicketAction.INVESTIGATE):
        ticket = s.complaints.act(ticket.id or 0, ticket.version, action, "checked")
    s.complaints.propose(ticket.id or 0, ticket.version, "replace or refund")


def _fill_up(s: Services, customer_id: int, items) -> None:  # noqa: ANN001
    c = s.consignment
    fill = c.create_fill_up(customer_id, [{"item_id": i.id, "quantity": 1} for i in items])
    fill = c.plan_fill_up(fill.id or 0, fill.version)
    c.post_fill_up(fill.id or 0, fill.version)
