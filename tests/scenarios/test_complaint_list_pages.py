"""The complaint list is keyset-paged like every list: following the cursors page by page
gives every ticket exactly once, in the order the list promises (running tickets by the
deadline they run against, the most overdue first; finished ones newest first), with the
filters applied in SQL — on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from retailerp.domain.complaints import TicketAction, TimeStatus
from retailerp.domain.security import Actor, Role
from retailerp.persistence.queries import Page
from retailerp.services import Services
from retailerp.services.complaints import sort_rows
from support.shop import Shop

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


def services(shop: Shop) -> Services:
    return Services.over(
        shop.s.ctx.db, actor=Actor("boss", Role.OWNER), today=lambda: date(2026, 3, 10),
        clock=lambda: NOW,
    )  # fmt: skip


def make_tickets(s: Services) -> list[str]:
    customer = s.customers.create({"code": "C001", "name": "华联超市", "credit_limit": "9"})
    other = s.customers.create({"code": "C002", "name": "Other", "credit_limit": "9"})
    numbers = []
    for n, (hours_ago, amount, who) in enumerate(
        [(1, "0", customer), (30, "600", customer), (5, "0", other), (2, "6000", customer),
         (50, "0", other), (3, "0", customer), (7, "600", customer)]
    ):  # fmt: skip
        received = (NOW - timedelta(hours=hours_ago)).isoformat()
        ticket = s.complaints.create(
            {"customer_id": who.id, "description": f"complaint {n}", "received_at": received,
             "amount": amount}
        )  # fmt: skip
        numbers.append(ticket.number)
        if n in (1, 4):  # two finished ones: rejected
            s.complaints.act(ticket.id, ticket.version, TicketAction.REJECT, "not ours")
        if n == 2:
            s.complaints.act(ticket.id, ticket.version, TicketAction.ACKNOWLEDGE)
    return numbers


def every_page(s: Services, size: int, **filters: object) -> list:
    rows, after = [], None
    while True:
        page = s.complaints.page(Page(filters=filters, after=after, limit=size))
        rows.extend(page)
        if len(page) < size:
            return rows
        after = page[-1].cursor


def test_pages_follow_each_other_in_the_lists_order(any_shop: Shop):
    s = services(any_shop)
    make_tickets(s)
    everything = s.complaints.tickets()
    assert len(everything) == 7
    for size in (1, 2, 3, 7, 50):
        paged = every_page(s, size)
        assert [r.number for r in paged] == [r.number for r in sort_rows(everything)]
    paged = every_page(s, 2)
    running = [r for r in paged if r.time_left.status is not TimeStatus.DONE]
    assert [r.time_left.minutes for r in running] == sorted(r.time_left.minutes for r in running)
    finished = [r.number for r in paged if r.time_left.status is TimeStatus.DONE]
    assert finished == sorted(finished, reverse=True) and len(finished) == 2
    assert paged[0].time_left.overdue


def test_filters_and_search_page_in_sql(any_shop: Shop):
    s = services(any_shop)
    numbers = make_tickets(s)
    open_rows = every_page(s, 2, open_only=True)
    assert sorted(r.number for r in open_rows) == sorted(
        n for i, n in enumerate(numbers) if i not in (1, 4)
    )
    overdue = every_page(s, 2, overdue=True)
    assert overdue and all(r.time_left.overdue for r in overdue)
    assert {r.number for r in overdue} == {
        r.number for r in s.complaints.tickets(open_only=True, overdue=True)
    }
    assert [r.number for r in every_page(s, 2, severity="major")] == [numbers[3]]
    found = s.complaints.page(Page(search="complaint 5"))
    assert [r.number for r in found] == [numbers[5]]
    by_number = every_page(s, 3) and s.complaints.page(Page(sort_key="number", limit=3))
    assert [r.number for r in by_number] == numbers[:3]
    rest = s.complaints.page(Page(sort_key="number", after=by_number[-1].cursor))
    assert [r.number for r in rest] == numbers[3:]


def test_every_sort_pages_in_either_direction_and_a_search_pages_too(any_shop: Shop):
    s = services(any_shop)
    make_tickets(s)

    def walk(size: int, **how: object) -> list[str]:
        rows, after = [], None
        for _ in range(20):  # a cursor that does not move fails here, not forever
            page = s.complaints.page(Page(after=after, limit=size, **how))  # type: ignore[arg-type]
            rows.extend(r.number for r in page)
            if len(page) < size:
                return rows
            after = page[-1].cursor
        raise AssertionError("the pages never ended")

    for key in ["", "number", "received_at", "customer", "severity", "state", "assignee", "batch"]:
        for descending in (False, True):
            whole = walk(50, sort_key=key, descending=descending)
            assert len(whole) == 7 and len(set(whole)) == 7
            assert walk(2, sort_key=key, descending=descending) == whole, (key, descending)
    by_number = walk(2, sort_key="number")
    assert by_number == sorted(by_number)
    assert walk(2, sort_key="number", descending=True) == by_number[::-1]
    names = [r.customer for r in s.complaints.page(Page(sort_key="customer", limit=50))]
    assert names == ["华联超市"] * 5 + ["Other"] * 2  # in pinyin order: hualian before other
    found = walk(2, search="华联")  # the customer's name: five of the seven
    assert len(found) == 5 and found == walk(50, search="华联")
