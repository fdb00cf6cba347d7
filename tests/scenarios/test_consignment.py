"""Customer consignment from fill-up to reversal, on SQLite and PostgreSQL, checking the
ledger, the balance of every location, the ageing layers, the documents and the money after
every step."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from retailerp.domain.errors import (
    NotFoundError,
    PermissionDenied,
    StateError,
    ValidationError,
)
from retailerp.domain.money import Money
from retailerp.domain.red_invoices import RedKind
from retailerp.domain.security import Actor, Role
from retailerp.services import Page, Services
from retailerp.services.consignment import ConsignmentPosition
from support.dbtools import as_owner
from support.shop import Shop

D = Decimal
TODAY = date(2026, 3, 10)  # support.shop's "today"


def on(shop: Shop, days: int, actor: Actor | None = None) -> Services:
    kwargs: dict = {"today": lambda: TODAY + timedelta(days=days)}
    if actor is not None:
        kwargs["actor"] = actor
    return as_owner(shop.s.ctx.db, **kwargs)


def stocked(shop: Shop) -> dict:
    """Milk (batch goods, 10.00 net, VAT 13 %) in bin A-01: M1 expiring in April (6, cost
    7.00), M2 in June (8, cost 7.50); one customer C001."""
    s = shop.s
    customer = s.customers.create({"code": "C001", "name": "华联超市", "credit_limit": "500"})
    item = s.items.create(
        {"sku": "MILK", "name": "Milk 牛奶", "price": "10", "vat_rate": "13", "tracking": "batch"}
    )
    a01 = s.stock.add_bin("A-01").id
    s.stock.receive(
        a01,
        [
            {
                "item_id": item.id,
                "quantity": "6",
                "batch": "M1",
                "expiry": date(2026, 4, 1),
                "unit_cost": "7",
            },
            {
                "item_id": item.id,
                "quantity": "8",
                "batch": "M2",
                "expiry": date(2026, 6, 1),
                "unit_cost": "7.50",
            },
        ],
    )
    return {"customer": customer.id, "item": item.id, "bin": a01}


def at(shop: Shop, item: int, batch: str) -> dict[str, Decimal]:
    """The batch's balance at every place it can be (the consignment location is made on
    first use, so before that it holds nothing)."""
    result = {}
    for place in ("A-01", "CONS-C001", "CUSTOMERS", "ADJUST"):
        try:
            result[place] = shop.qty(item, place, batch)
        except NotFoundError:  # the service names a place that does not exist yet
            result[place] = D(0)
    return result


def filled(shop: Shop, d: dict, quantity: str = "10"):  # noqa: ANN201
    s = shop.s
    draft = s.consignment.create_fill_up(
        d["customer"], [{"item_id": d["item"], "quantity": quantity}]
    )
    planned = s.consignment.plan_fill_up(draft.id, draft.version)
    return s.consignment.post_fill_up(planned.id, planned.version)


def test_the_whole_process_for_batch_goods(any_shop: Shop) -> None:
    shop, d = any_shop, stocked(any_shop)
    s, item = shop.s, d["item"]

    # fill-up 10: a draft moves nothing, the plan takes M1 first (first expiry), then M2
    draft = s.consignment.create_fill_up(d["customer"], [{"item_id": item, "quantity": "10"}])
    assert draft.number == "CF2026-000001" and draft.state == "draft"
    assert s.stock.quantity(item, "CONS-C001") == 0  # the location exists, holds nothing
    planned = s.consignment.plan_fill_up(draft.id, draft.version)
    assert planned.state == "picking"
    assert [(ln.batch, ln.quantity, ln.location_id) for ln in planned.lines] == [
        ("M1", D(6), d["bin"]),
        ("M2", D(4), d["bin"]),
    ]
    # what the fill-up is picking is not free for sales orders
    assert s.orders.free_stock([item]) == {item: D(4)}
    fill = s.consignment.post_fill_up(planned.id, planned.version)
    assert fill.state == "posted"
    assert shop.moves(fill.number) == [("A-01", "CONS-C001", D(6), "M1"),
                                       ("A-01", "CONS-C001", D(4), "M2")]  # fmt: skip
    assert at(shop, item, "M1") == {"A-01": 0, "CONS-C001": 6, "CUSTOMERS": 0, "ADJUST": 0}
    assert at(shop, item, "M2") == {"A-01": 4, "CONS-C001": 4, "CUSTOMERS": 0, "ADJUST": 0}
    position = s.invoices.position(d["customer"])
    assert position.balance == Money.zero()  # no invoice, no open balance
    assert s.consignment.position(d["customer"]) == ConsignmentPosition(
        Money.of("100"), Money.of("72"), 0
    )  # at cost 6 × 7.00 + 4 × 7.50

    # overview, 20 days later: value, age, the M1 batch expires within the 30-day horizon
    s20 = on(shop, 20)
    [row] = s20.consignment.overview()
    assert (row.code, row.quantity, row.value, row.cost, row.oldest_age, row.expiring) == (
        "C001", D(10), Money.of("100"), Money.of("72"), 20, 1)  # fmt: skip
    lines = {ln.key: ln for ln in s20.consignment.stock(d["customer"])}
    assert (lines["M1"].quantity, lines["M1"].days_left, lines["M1"].warn) == (D(6), 2, True)
    assert (lines["M2"].quantity, lines["M2"].warn) == (D(4), False)
    assert (lines["M1"].cost, lines["M2"].cost) == (Money.of("42"), Money.of("30"))
    assert [(w.key, w.days_left) for _, w in s20.consignment.expiring()] == [("M1", 2)]

    # issue 4: proposed first expiry first out (M1), oldest layer consumed first
    issue = s20.consignment.create_issue(d["customer"], [{"item_id": item, "quantity": "4"}])
    assert [(ln.batch, ln.quantity) for ln in issue.lines] == [("M1", D(4))]
    issue = s20.consignment.post_issue(issue.id, issue.version)
    assert issue.lines[0].unit_cost == Money.of("7")  # the cost of the layer it consumed
    assert shop.moves(issue.number) == [("CONS-C001", "CUSTOMERS", D(4), "M1")]
    assert at(shop, item, "M1") == {"A-01": 0, "CONS-C001": 2, "CUSTOMERS": 4, "ADJUST": 0}
    layers = {(la.source, la.key): la for la in s20.consignment.layers(d["customer"])}
    assert layers[(fill.number, "M1")].remaining == 2
    assert layers[(fill.number, "M1")].consumed_by == {issue.number: D(4)}
    assert layers[(fill.number, "M2")].remaining == 4

    # invoice: a blue invoice of 4 × 10.00 + 13 % VAT; revenue and the open balance
    invoice = s20.consignment.invoice_issue(issue.id, s20.consignment.get(issue.id).version)
    assert invoice.number.startswith("IV2026-") and invoice.gross == Money.of("45.20")
    assert [ln.consignment_line_id for ln in invoice.lines] == [issue.lines[0].id]
    assert s20.consignment.get(issue.id).state == "invoiced"
    assert s20.invoices.position(d["customer"]).balance == Money.of("45.20")
    s20.invoices.record_payment(d["customer"], "45.20", "bank", "")
    assert s20.invoices.get(invoice.number).is_paid

    # pickup 2 of M2 back into A-01
    pickup = s20.consignment.create_pickup(
        d["customer"], [{"item_id": item, "quantity": "2", "batch": "M2", "location_id": d["bin"]}]
    )
    pickup = s20.consignment.post_pickup(pickup.id, pickup.version)
    assert shop.moves(pickup.number) == [("CONS-C001", "A-01", D(2), "M2")]
    assert at(shop, item, "M2") == {"A-01": 6, "CONS-C001": 2, "CUSTOMERS": 0, "ADJUST": 0}
    assert s20.consignment.layers(d["customer"])[1].consumed_by == {pickup.number: D(2)}

    # end-customer return of 1 on the issue line: back into consignment, billing blocked
    ret = s20.consignment.create_return(issue.id, [{"source_line_id": issue.lines[0].id,
                                                    "quantity": "1"}])  # fmt: skip
    assert (ret.billing_block, ret.lines[0].batch) == (True, "M1")
    ret = s20.consignment.post_return(ret.id, ret.version)
    assert shop.moves(ret.number) == [("CUSTOMERS", "CONS-C001", D(1), "M1")]
    assert at(shop, item, "M1") == {"A-01": 0, "CONS-C001": 3, "CUSTOMERS": 3, "ADJUST": 0}
    assert [la.source for la in s20.consignment.layers(d["customer"])][-1] == ret.number
    with pytest.raises(ValidationError, match="At most 3 can come back"):
        s20.consignment.create_return(issue.id, [{"source_line_id": issue.lines[0].id,
                                                  "quantity": "4"}])  # fmt: skip
    warehouse = on(shop, 20, Actor("w", Role.WAREHOUSE))
    with pytest.raises(PermissionDenied):
        warehouse.consignment.release_billing_block(ret.id, ret.version)
    assert s20.red_invoices.of_invoice(invoice.id) == []

    # finance releases the block: a red invoice (return kind) against the issue's blue invoice
    finance = on(shop, 20, Actor("f", Role.FINANCE))
    released = finance.consignment.release_billing_block(ret.id, ret.version)
    assert released.billing_block is False and released.red_invoice_id is not None
    red = s20.red_invoices.get(released.red_invoice_id)
    assert (red.number, red.kind, red.state, red.invoice_id, red.blue_number) == (
        "RI2026-000001", "return", "draft", invoice.id, invoice.number)  # fmt: skip
    assert [(ln.invoice_line_id, ln.quantity) for ln in red.lines] == [(invoice.lines[0].id, D(1))]
    assert (red.net, red.vat, red.gross) == (Money.of("10"), Money.of("1.30"), Money.of("11.30"))
    with pytest.raises(StateError, match=f"{ret.number} has no billing block to release"):
        finance.consignment.release_billing_block(ret.id, released.version)
    assert finance.consignment.links(d["customer"])[ret.id] == [issue.number, red.number]
    red = finance.red_invoices.submit(red.id, red.version)
    red = finance.red_invoices.confirm(red.id, red.version, "HZ2026000001")
    red = finance.red_invoices.issue(red.id, red.version)
    assert red.state == "issued"
    [blue_line] = finance.red_invoices.blue_lines(invoice.id)
    assert (blue_line.credited_quantity, blue_line.open_quantity) == (D(1), D(3))
    position = s20.invoices.position(d["customer"])  # the blue invoice was paid: in credit
    assert (position.open_balance, position.on_account, position.balance) == (
        Money.zero(), Money.of("11.30"), Money.of("-11.30"))  # fmt: skip

    # reverse the pickup: every location as before it; the second time refused
    reversed_ = s20.consignment.reverse(pickup.id, "picked up by mistake")
    assert reversed_.state == "reversed" and reversed_.reversal_number.startswith("RV2026-")
    assert shop.moves(reversed_.reversal_number) == [("A-01", "CONS-C001", D(2), "M2")]
    assert at(shop, item, "M2") == {"A-01": 4, "CONS-C001": 4, "CUSTOMERS": 0, "ADJUST": 0}
    assert s20.consignment.layers(d["customer"])[1].remaining == 4
    with pytest.raises(StateError, match="is reversed: it cannot reverse"):
        s20.consignment.reverse(pickup.id, "again")

    # out of order: the fill-up has an issue on it, the issue a return, the return a credit
    with pytest.raises(StateError, match=f"{fill.number} cannot be reversed before {issue.number}"):
        s20.consignment.reverse(fill.id, "wrong customer")
    with pytest.raises(StateError, match=f"{issue.number} cannot be reversed before {ret.number}"):
        s20.consignment.reverse(issue.id, "not sold")
    with pytest.raises(StateError, match=f"credited by red invoice {red.number}, which is issued"):
        s20.consignment.reverse(ret.id, "never came back")
    assert at(shop, item, "M1") == {"A-01": 0, "CONS-C001": 3, "CUSTOMERS": 3, "ADJUST": 0}
    assert s20.invoices.position(d["customer"]).balance == Money.of("-11.30")
    assert shop.ledger_ok()


def test_an_invoiced_issue_is_reversed_once_its_invoice_is_credited_in_full(
    any_shop: Shop,
) -> None:
    shop, d = any_shop, stocked(any_shop)
    s, item = shop.s, d["item"]
    fill = filled(shop, d, "10")
    issue = s.consignment.create_issue(d["customer"], [{"item_id": item, "quantity": "4"}])
    issue = s.consignment.post_issue(issue.id, issue.version)
    invoice = s.consignment.invoice_issue(issue.id, s.consignment.get(issue.id).version)
    s.invoices.record_payment(d["customer"], "45.20", "bank", "")
    ret = s.consignment.create_return(issue.id, [{"source_line_id": issue.lines[0].id,
                                                  "quantity": "1"}])  # fmt: skip
    ret = s.consignment.post_return(ret.id, ret.version)

    # first the return (nothing credited yet, so it may go), then the invoice, then the issue
    with pytest.raises(StateError, match=f"{issue.number} cannot be reversed before {ret.number}"):
        s.consignment.reverse(issue.id, "not sold")
    s.consignment.reverse(ret.id, "never came back")
    with pytest.raises(StateError, match=f"{issue.number} is invoiced on {invoice.number}: credit"):
        s.consignment.reverse(issue.id, "not sold")
    red = s.red_invoices.create(invoice.id, RedKind.INVOICING_ERROR, [], "not sold after all")
    with pytest.raises(StateError, match=f"Red invoice {red.number} against {invoice.number}"):
        s.consignment.reverse(issue.id, "not sold")
    assert at(shop, item, "M1") == {"A-01": 0, "CONS-C001": 2, "CUSTOMERS": 4, "ADJUST": 0}
    red = s.red_invoices.submit(red.id, red.version)
    red = s.red_invoices.confirm(red.id, red.version, "HZ2026000002")
    s.red_invoices.issue(red.id, red.version)

    reversed_ = s.consignment.reverse(issue.id, "not sold")
    assert reversed_.state == "reversed"
    assert shop.moves(reversed_.reversal_number) == [("CUSTOMERS", "CONS-C001", D(4), "M1")]
    assert at(shop, item, "M1") == {"A-01": 0, "CONS-C001": 6, "CUSTOMERS": 0, "ADJUST": 0}
    position = s.invoices.position(d["customer"])  # paid 45.20, credited 45.20: on account
    assert (position.open_balance, position.balance) == (Money.zero(), Money.of("-45.20"))
    assert s.consignment.position(d["customer"]).value == Money.of("100")
    s.consignment.reverse(fill.id, "wrong customer")
    assert at(shop, item, "M1") == {"A-01": 6, "CONS-C001": 0, "CUSTOMERS": 0, "ADJUST": 0}
    assert shop.ledger_ok()


def test_the_return_credit_waits_for_the_invoice_and_stays_within_it(shop: Shop) -> None:
    d = stocked(shop)
    s, item = shop.s, d["item"]
    filled(shop, d, "10")
    issue = s.consignment.create_issue(d["customer"], [{"item_id": item, "quantity": "4"}])
    issue = s.consignment.post_issue(issue.id, issue.version)
    ret = s.consignment.create_return(issue.id, [{"source_line_id": issue.lines[0].id,
                                                  "quantity": "2"}])  # fmt: skip
    ret = s.consignment.post_return(ret.id, ret.version)
    assert ret.lines[0].unit_cost == Money.of("7")  # back at the cost it left with
    with pytest.raises(StateError, match=f"Issue {issue.number} is not invoiced yet"):
        s.consignment.release_billing_block(ret.id, ret.version)
    invoice = s.consignment.invoice_issue(issue.id, s.consignment.get(issue.id).version)
    # an allowance of 30.00 of the line's 40.00 leaves 10.00: the return's 20.00 is refused
    allowance = s.red_invoices.create(
        invoice.id, RedKind.ALLOWANCE, [{"invoice_line_id": invoice.lines[0].id, "net": "30"}]
    )
    with pytest.raises(ValidationError, match="can be credited at most 10.00 net"):
        s.consignment.release_billing_block(ret.id, ret.version)
    unchanged = s.consignment.get(ret.id)
    assert (unchanged.billing_block, unchanged.red_invoice_id) == (True, None)
    assert [r.number for r in s.red_invoices.of_invoice(invoice.id)] == [allowance.number]
    s.red_invoices.void(allowance.id, allowance.version, "agreed otherwise")
    released = s.consignment.release_billing_block(ret.id, unchanged.version)
    red = s.red_invoices.get(released.red_invoice_id)
    assert (red.gross, red.reason) == (Money.of("22.60"), ret.number)
    # a voided credit may be drafted again; a pending one keeps the return from reversal
    with pytest.raises(StateError, match=f"{red.number}, not issued yet: void it first"):
        s.consignment.reverse(ret.id, "never came back")
    s.red_invoices.void(red.id, red.version, "wrong quantity")
    again = s.consignment.release_billing_block(ret.id, released.version)
    assert again.red_invoice_id != red.id
    assert s.red_invoices.get(again.red_invoice_id).gross == Money.of("22.60")


def test_every_reversal_restores_stock_exactly_in_the_right_order(any_shop: Shop) -> None:
    shop, d = any_shop, stocked(any_shop)
    s, item = shop.s, d["item"]
    before = {b: at(shop, item, b) for b in ("M1", "M2")}
    fill = filled(shop, d, "8")
    issue = s.consignment.create_issue(d["customer"], [{"item_id": item, "quantity": "3"}])
    issue = s.consignment.post_issue(issue.id, issue.version)
    ret = s.consignment.create_return(issue.id, [{"source_line_id": issue.lines[0].id,
                                                  "quantity": "1"}])  # fmt: skip
    ret = s.consignment.post_return(ret.id, ret.version)
    after_fill_issue = {b: at(shop, item, b) for b in ("M1", "M2")}

    s.consignment.reverse(ret.id, "never came back")
    with pytest.raises(StateError, match=f"before {issue.number}"):
        s.consignment.reverse(fill.id, "oops")
    assert at(shop, item, "M1") == {"A-01": 0, "CONS-C001": 3, "CUSTOMERS": 3, "ADJUST": 0}
    s.consignment.reverse(issue.id, "not sold after all")
    assert at(shop, item, "M1") == {"A-01": 0, "CONS-C001": 6, "CUSTOMERS": 0, "ADJUST": 0}
    s.consignment.reverse(fill.id, "wrong customer")
    assert {b: at(shop, item, b) for b in ("M1", "M2")} == before
    assert after_fill_issue != before
    assert s.consignment.layers(d["customer"]) == []
    for doc in (fill, issue, ret):
        with pytest.raises(StateError, match="it cannot reverse"):
            s.consignment.reverse(doc.id, "twice")
    assert shop.ledger_ok()


def test_count_driven_settlement(any_shop: Shop) -> None:
    shop, d = any_shop, stocked(any_shop)
    s, item = shop.s, d["item"]
    filled(shop, d, "10")  # M1 6, M2 4 at the customer
    count = s.consignment.create_count(
        d["customer"],
        [{"item_id": item, "batch": "M1", "quantity": "2"},
         {"item_id": item, "batch": "M2", "quantity": "5"}],
    )  # fmt: skip
    assert [(ln.batch, ln.book_quantity, ln.quantity) for ln in count.lines] == [
        ("M1", D(6), D(2)), ("M2", D(4), D(5))]  # fmt: skip
    with pytest.raises(ValidationError, match="5 counted but 4 on the books") as refused:
        s.consignment.settle_count(count.id, count.version)
    assert set(refused.value.by_field()) == {"lines.2.decision"}
    assert s.consignment.get(count.id).state == "draft"  # nothing changed
    count, issue = s.consignment.settle_count(count.id, count.version, {2: "book_surplus"})
    assert count.state == "settled" and issue is not None
    assert (issue.state, issue.source_id) == ("draft", count.id)
    assert [(ln.batch, ln.quantity) for ln in issue.lines] == [("M1", D(4))]
    assert shop.moves(count.number) == [("ADJUST", "CONS-C001", D(1), "M2")]
    assert at(shop, item, "M2")["CONS-C001"] == 5
    with pytest.raises(StateError, match=f"before {issue.number}"):
        s.consignment.reverse(count.id, "recount")
    issue = s.consignment.post_issue(issue.id, issue.version)
    assert at(shop, item, "M1") == {"A-01": 0, "CONS-C001": 2, "CUSTOMERS": 4, "ADJUST": 0}
    assert shop.ledger_ok()


def test_bad_input_is_refused_and_changes_nothing(shop: Shop) -> None:
    d = stocked(shop)
    s, item = shop.s, d["item"]
    other = s.customers.create({"code": "C002", "name": "Other"})
    with pytest.raises(StateError, match="Customer C002 has no consignment stock"):
        s.consignment.create_issue(other.id, [{"item_id": item, "quantity": "1"}])
    with pytest.raises(NotFoundError):
        s.consignment.create_fill_up(999, [{"item_id": item, "quantity": "1"}])
    draft = s.consignment.create_fill_up(d["customer"], [{"item_id": item, "quantity": "15"}])
    with pytest.raises(ValidationError, match="Only 14 of MILK is free"):
        s.consignment.plan_fill_up(draft.id, draft.version)
    assert s.consignment.get(draft.id).state == "draft"
    filled(shop, d, "10")
    ledger = {b: at(shop, item, b) for b in ("M1", "M2")}
    with pytest.raises(ValidationError, match="At most 10 of MILK"):
        s.consignment.create_issue(d["customer"], [{"item_id": item, "quantity": "11"}])
    with pytest.raises(ValidationError, match="Batch NOPE of MILK is not at the customer"):
        s.consignment.create_issue(d["customer"], [{"item_id": item, "quantity": "1",
                                                    "batch": "NOPE"}])  # fmt: skip
    with pytest.raises(ValidationError, match="take them back with a return") as refused:
        bad = {"item_id": item, "quantity": "1", "batch": "M1", "location_id": d["bin"],
               "defective": True}  # fmt: skip
        s.consignment.create_pickup(d["customer"], [bad])
    assert set(refused.value.by_field()) == {"lines.1.defective"}
    with pytest.raises(ValidationError, match="warehouse or bin"):
        s.consignment.create_pickup(d["customer"], [{"item_id": item, "quantity": "1",
                                                     "batch": "M1"}])  # fmt: skip
    with pytest.raises(PermissionDenied):
        on(shop, 0, Actor("f", Role.FINANCE)).consignment.create_fill_up(
            d["customer"], [{"item_id": item, "quantity": "1"}])  # fmt: skip
    # a drafted issue the stock no longer covers is refused at posting
    first = s.consignment.create_issue(d["customer"], [{"item_id": item, "quantity": "6",
                                                        "batch": "M1"}])  # fmt: skip
    second = s.consignment.create_issue(d["customer"], [{"item_id": item, "quantity": "6",
                                                         "batch": "M1"}])  # fmt: skip
    s.consignment.post_issue(first.id, first.version)
    with pytest.raises(ValidationError, match="Batch M1 of MILK is not at the customer"):
        s.consignment.post_issue(second.id, second.version)
    assert at(shop, item, "M1") == {**ledger["M1"], "CONS-C001": 0, "CUSTOMERS": 6}
    assert s.consignment.get(second.id).state == "draft"
    assert shop.ledger_ok()


def test_the_home_queue_counts_the_lots_expiring_at_customers(shop: Shop) -> None:
    d = stocked(shop)
    filled(shop, d, "10")  # M1 6 (expires 2026-04-01), M2 4 (2026-06-01)
    queue = {q.key: q for q in on(shop, 0).home.overview().queues}["consignment_expiring"]
    assert (queue.count, queue.amount) == (1, Money.of("60"))  # within 30 days of 03-10: M1
    rows = shop.s.consignment.page(Page(filters=dict(queue.filters), limit=1000))
    assert [(r.key, r.quantity) for r in rows] == [("M1", D(6))]
    later = {q.key: q for q in on(shop, 60).home.overview().queues}["consignment_expiring"]
    assert (later.count, later.amount) == (2, Money.of("100"))
    assert shop.s.consignment.set_horizon_days(0) == 0
    assert {q.key: q for q in on(shop, 0).home.overview().queues}[
        "consignment_expiring"].count == 0  # fmt: skip


def test_the_overview_reads_every_customer_at_once(any_shop: Shop) -> None:
    """One row per customer with its own figures; the statements it takes do not grow with
    the number of customers holding consignment stock (it was a query per customer)."""
    from sqlalchemy import event

    shop, d = any_shop, stocked(any_shop)
    s = shop.s

    def overview_statements() -> tuple[list, int]:
        seen: list[str] = []
        engine = s.ctx.db.engine

        def note(*_args) -> None:  # noqa: ANN002
            seen.append("")

        event.listen(engine, "before_cursor_execute", note)
        try:
            return s.consignment.overview(), len(seen)
        finally:
            event.remove(engine, "before_cursor_execute", note)

    filled(shop, d, "2")
    rows, alone = overview_statements()
    assert [(r.code, r.quantity, r.value) for r in rows] == [("C001", D(2), Money.of("20"))]
    for n in range(2, 5):
        other = s.customers.create({"code": f"C00{n}", "name": f"客户 {n}", "credit_limit": "500"})
        filled(shop, {**d, "customer": other.id}, str(n))
    rows, many = overview_statements()
    assert [(r.code, r.quantity, r.value) for r in rows] == [("C001", D(2), Money.of("20"))] + [
        (f"C00{n}", D(n), Money.of(str(10 * n))) for n in range(2, 5)
    ]
    assert many == alone
