"""The home page's queues: each count is the number of rows of the list it opens."""

from __future__ import annotations

from datetime import timedelta

from retailerp.domain.money import Money
from retailerp.domain.security import Role
from retailerp.persistence.engine import Database
from retailerp.persistence.home_queries import Tally
from retailerp.services import Page, Services
from retailerp.services.home import QUEUES, Queue, register
from support.dbtools import TODAY, services_for


def list_rows(services: Services, module: str, filters: dict) -> list:
    fetch = {
        "orders": services.orders.page,
        "deliveries": services.orders.deliveries_page,
        "invoices": services.invoices.page,
        "items": services.items.page,
        "customers": services.customers.page,
        "returns": services.returns.page,
        "complaints": services.complaints.page,
        "red_invoices": services.red_invoices.page,
        "consignment": services.consignment.page,
    }[module]
    return fetch(Page(filters=filters, limit=1000))


def shop_with_work(db: Database) -> Services:
    """Orders in every stage: two drafts, one to pick, one to ship, one shipped, invoices
    (one overdue), a prepaid order unpaid, an item under its minimum."""
    earlier = services_for(db, today=TODAY - timedelta(days=60))
    s = services_for(db)
    customer = earlier.customers.create(
        {"code": "C1", "name": "华联超市", "payment_terms_days": "30", "credit_limit": "100000"}
    )
    tea = s.items.create({"sku": "T1", "name": "绿茶", "price": "10", "vat_rate": "13"})
    s.items.create({"sku": "T2", "name": "红茶", "price": "10", "vat_rate": "13", "min_stock": "5"})
    s.stock.receive(s.stock.add_bin("A-01").id, [{"item_id": tea.id, "quantity": "100"}])

    def order(services: Services, mode: str = "credit"):  # noqa: ANN202
        return services.orders.create(
            customer.id, {"payment_mode": mode}, [{"item_id": tea.id, "quantity": "1"}]
        )

    def shipped(services: Services):  # noqa: ANN202
        o = services.orders.confirm(order(services).id, 1)
        services.orders.start_picking(o.id, o.version)
        return services.orders.ship(o.id, services.orders.get(o.id).version)

    order(s), order(s)  # two drafts
    s.orders.confirm(order(s).id, 1)  # to pick
    o = s.orders.confirm(order(s).id, 1)
    s.orders.start_picking(o.id, o.version)  # to ship
    s.orders.confirm(order(s, "prepaid").id, 1)  # prepaid, nothing received
    delivery = shipped(s)  # a delivery to invoice
    line = {"delivery_line_id": delivery.lines[0].id, "quantity": "1"}
    s.returns.create(delivery.id, {"reason": "wrong_goods"}, [line])  # a draft return to post
    earlier.invoices.invoice([shipped(earlier).id])  # due 30 days after 60 days ago: overdue
    blue = s.invoices.invoice([shipped(s).id])  # not yet due
    s.complaints.create({"customer_id": customer.id, "description": "leaking"})  # just in
    lines = [{"invoice_line_id": blue.lines[0].id, "net": "2"}]
    red = s.red_invoices.create(blue.id, "allowance", lines)
    s.red_invoices.submit(red.id, red.version)  # a red invoice awaiting confirmation
    s.red_invoices.create(blue.id, "allowance", lines)  # a draft: not waiting yet
    return s


def test_every_queue_counts_the_rows_of_the_list_it_opens(db: Database) -> None:
    s = shop_with_work(db)
    overview = s.home.overview()
    counts = {q.key: q.count for q in overview.queues}
    assert counts == {
        "drafts": 2,
        "to_pick": 2,  # the prepaid order too: it may be picked before it is paid
        "to_ship": 1,
        "to_invoice": 1,
        "prepayment": 1,
        "overdue": 1,
        "below_minimum": 1,
        "review_due": 1,  # created before the review period began, never reviewed
        "returns_to_post": 1,
        "complaints_overdue": 0,
        "complaints_open": 1,
        "complaints_follow_up": 0,
        "red_awaiting": 1,
        "complaint_allowances": 0,
        "consignment_expiring": 0,
    }
    for queue in overview.queues:
        rows = list_rows(s, queue.module, dict(queue.filters))
        assert len(rows) == queue.count, queue.key
    overdue = next(q for q in overview.queues if q.key == "overdue")
    assert overdue.amount == Money.of("11.30")  # 10 + 13 % VAT
    red = next(q for q in overview.queues if q.key == "red_awaiting")
    assert red.amount == Money.of("2.26")
    assert not overview.is_new_shop


def test_a_user_sees_only_the_queues_of_work_they_may_do(db: Database) -> None:
    shop_with_work(db)
    warehouse = services_for(db, "lin", Role.WAREHOUSE).home.overview()
    assert {q.key for q in warehouse.queues} == {
        "to_pick", "to_ship", "below_minimum", "returns_to_post", "complaints_overdue",
        "complaints_open", "complaints_follow_up", "consignment_expiring",
    }  # fmt: skip


def test_an_empty_database_gets_the_first_steps_ticked_as_they_are_done(db: Database) -> None:
    s = services_for(db)
    steps = s.home.overview().first_steps
    assert s.home.overview().is_new_shop
    assert (steps.company, steps.items, steps.goods_receipt, steps.order) == (False,) * 4
    s.settings.save_company({"name": "华联超市"})
    item = s.items.create({"sku": "T1", "name": "绿茶", "price": "10", "vat_rate": "13"})
    s.stock.receive(s.stock.add_bin("A-01").id, [{"item_id": item.id, "quantity": "1"}])
    steps = s.home.overview().first_steps
    assert (steps.company, steps.items, steps.goods_receipt, steps.order) == (True,) * 3 + (False,)


def test_a_later_area_adds_its_queue_with_one_registration(db: Database) -> None:
    queue = Queue(
        "returns_test",
        "Returns to inspect",
        lambda _uow, _today: Tally(3),
        "returns",
        lambda _today: {"state": "received"},
    )
    register(queue)
    try:
        found = {q.key: q for q in services_for(db).home.overview().queues}
        assert found["returns_test"].count == 3
        assert found["returns_test"].module == "returns"
    finally:
        QUEUES.remove(queue)
