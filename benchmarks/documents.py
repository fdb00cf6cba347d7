"""Opening one document and one balance on the data set: a 100-line order (through the
service, and its card in the window) and an item's stock balance.

The 100-line order is drafted through the services in the data set first (one line of each
of the first 100 items); the figures are medians of several openings.  The
card's figure is the window's longest pause while it opens (see ``ui_stalls``).
"""

from __future__ import annotations

from benchmarks.harness import Report, Row, Scale, median_ms
from retailerp.domain.security import Actor
from retailerp.persistence.engine import Database
from retailerp.services import Page, Services

LINES = 100


def hundred_line_order(s: Services) -> int:
    """A draft order of ``LINES`` lines (one of each of the first items), its id."""
    customer = s.customers.page(Page(limit=1))[0]
    items = s.items.page(Page(limit=LINES))
    lines = [{"item_id": item.id, "quantity": "1"} for item in items]
    order = s.orders.create(customer.id, {"payment_mode": "prepaid"}, lines)
    return order.id or 0


def bench(scale: Scale, db: Database, report: Report) -> None:
    s = Services.over(db, actor=Actor("owner"))
    order_id = hundred_line_order(s)
    lines = len(s.orders.get(order_id).lines)
    repeat = max(3, scale.repeat * 2)
    ms = median_ms(lambda: s.orders.get(order_id), repeat)
    report.add(Row(f"open a {lines}-line order (service, {scale.dataset} data set)", ms, "ms"))
    item = s.items.page(Page(limit=1))[0]
    ms = median_ms(lambda: s.stock.balance(item.id), repeat)
    report.add(Row(f"one item's stock balance ({scale.dataset} data set)", ms, "ms"))
    report.add(
        Row(
            f"UI stall: open a {lines}-line order's card ({scale.dataset} data set)",
            _card_stall(s, order_id),
            "ms",
            note="≤ 100",
        )
    )


def _card_stall(s: Services, order_id: int) -> float:
    from benchmarks.ui_stalls import StallMeter
    from retailerp.ui.app import application, install_cjk_font
    from retailerp.ui.sales.orders_page import OrdersPage

    install_cjk_font(application())
    page = OrdersPage(s)
    meter = StallMeter()
    stalls = []
    for _ in range(3):
        stalls.append(meter.measure(lambda: page.open_order(order_id)))
        for dialog in list(page.cards.dialogs.values()):
            dialog.close()
    page.deleteLater()
    return sorted(stalls)[len(stalls) // 2]
