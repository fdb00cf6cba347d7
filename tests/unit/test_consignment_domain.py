"""Consignment rules without a database: workflows, FIFO layers, expiry warnings, the
count-driven settlement, reversal order and the statement."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from retailerp.domain import consignment as c
from retailerp.domain.consignment import (
    ConsignedLot,
    ConsignmentAction,
    ConsignmentDocument,
    ConsignmentKind,
    ConsignmentLine,
    ConsignmentState,
)
from retailerp.domain.errors import StateError, ValidationError
from retailerp.domain.items import Item, Tracking
from retailerp.domain.money import Money

D = Decimal
K = ConsignmentKind
TODAY = date(2026, 6, 1)


def doc(number: str, kind: K, day: date, *lines: tuple, state: str = "posted",
        doc_id: int = 0, source_id: int | None = None) -> ConsignmentDocument:  # fmt: skip
    document = ConsignmentDocument(number, kind, 1, 99, day, "u", ConsignmentState(state),
                                   source_id=source_id, id=doc_id or None)  # fmt: skip
    for n, (item, qty, batch, *rest) in enumerate(lines, 1):
        document.lines.append(
            ConsignmentLine(
                item,
                D(qty),
                batch=batch,
                expiry=rest[0] if rest else None,
                unit_price=Money.of("10"),
                line_no=n,
            )  # fmt: skip
        )
    return document


def test_each_kind_has_its_own_table_and_refuses_naming_the_document() -> None:
    fill = doc("CF2026-000001", K.FILL_UP, TODAY, state="draft")
    with pytest.raises(StateError, match="cannot post"):
        fill.move(ConsignmentAction.POST)  # a fill-up is planned (picked) first
    fill.move(ConsignmentAction.PLAN)
    fill.move(ConsignmentAction.POST)
    assert fill.state == "posted"
    fill.move(ConsignmentAction.REVERSE)
    with pytest.raises(StateError, match="CF2026-000001 is reversed: it cannot reverse"):
        fill.move(ConsignmentAction.REVERSE)
    issue = doc("CI2026-000001", K.ISSUE, TODAY, state="draft")
    with pytest.raises(StateError, match="plan picking"):
        issue.move(ConsignmentAction.PLAN)
    issue.move(ConsignmentAction.POST)
    issue.move(ConsignmentAction.INVOICE)
    assert issue.state == "invoiced"
    pickup = doc("CK2026-000001", K.PICKUP, TODAY, state="posted")
    with pytest.raises(StateError, match="Consignment pickup CK2026-000001 is posted"):
        pickup.move(ConsignmentAction.INVOICE)


def test_a_partial_issue_consumes_the_oldest_layer_first() -> None:
    docs = [
        doc("CF1", K.FILL_UP, date(2026, 1, 1), (1, "6", "B1")),
        doc("CF2", K.FILL_UP, date(2026, 3, 1), (1, "4", "B1"), (2, "5", "")),
        doc("CI1", K.ISSUE, date(2026, 4, 1), (1, "8", "B1")),
    ]
    layers = c.build_layers(docs)
    by_source = {(la.source, la.item_id): la for la in layers}
    assert by_source[("CF1", 1)].remaining == 0
    assert by_source[("CF1", 1)].consumed_by == {"CI1": D(6)}
    assert by_source[("CF2", 1)].remaining == 2
    assert by_source[("CF2", 1)].consumed_by == {"CI1": D(2)}
    assert c.oldest_age(layers, TODAY) == (TODAY - date(2026, 3, 1)).days
    # a reversed issue drops out: the layers are as before it
    docs[2].state = ConsignmentState.REVERSED
    again = {la.source: la.remaining for la in c.build_layers(docs) if la.item_id == 1}
    assert again == {"CF1": D(6), "CF2": D(4)}
    assert c.oldest_age(c.build_layers(docs), TODAY) == (TODAY - date(2026, 1, 1)).days


def test_expiry_warnings_within_the_horizon_soonest_first() -> None:
    docs = [
        doc("CF1", K.FILL_UP, date(2026, 1, 1), (1, "3", "OLD", date(2026, 5, 20)),
            (1, "4", "SOON", date(2026, 6, 20)), (1, "5", "LATE", date(2026, 9, 1))),
    ]  # fmt: skip
    warnings = c.expiry_warnings(c.build_layers(docs), TODAY, horizon_days=30)
    assert [(w.key, w.quantity, w.days_left) for w in warnings] == [
        ("OLD", D(3), -12),
        ("SOON", D(4), 19),
    ]
    assert [w.key for w in c.expiry_warnings(c.build_layers(docs), TODAY, 100)] == [
        "OLD", "SOON", "LATE"]  # fmt: skip
    with pytest.raises(Exception, match="horizon"):
        c.expiry_warnings([], TODAY, -1)


def test_lots_are_assigned_first_expiry_first_and_named_batches_checked() -> None:
    lots = [
        ConsignedLot(1, "B2", date(2026, 8, 1), D(5)),
        ConsignedLot(1, "B1", date(2026, 7, 1), D(3)),
    ]
    tracking = {1: Tracking.BATCH}
    lines = c.assign_lots([ConsignmentLine(1, D(4), line_no=1)], lots, tracking, {1: "MILK"})
    assert [(ln.batch, ln.quantity, ln.expiry) for ln in lines] == [
        ("B1", D(3), date(2026, 7, 1)),
        ("B2", D(1), date(2026, 8, 1)),
    ]
    with pytest.raises(ValidationError, match="At most 8 of MILK"):
        c.assign_lots([ConsignmentLine(1, D(9), line_no=1)], lots, tracking, {1: "MILK"})
    with pytest.raises(ValidationError) as refused:
        c.assign_lots([ConsignmentLine(1, D(1), batch="NOPE", line_no=1),
                       ConsignmentLine(1, D(4), batch="B1", line_no=2)],
                      lots, tracking, {1: "MILK"})  # fmt: skip
    fields = refused.value.by_field()
    assert "Batch NOPE of MILK is not at the customer" in fields["lines.1.batch"].render()
    assert "At most 3 of MILK B1" in fields["lines.2.quantity"].render()


def test_defective_goods_are_refused_for_pickup() -> None:
    with pytest.raises(ValidationError, match="take them back with a return"):
        c.refuse_defective([ConsignmentLine(1, D(1), defective=True, line_no=1)])
    c.refuse_defective([ConsignmentLine(1, D(1), line_no=1)])


def test_count_driven_settlement_sold_is_book_less_counted_and_surplus_needs_a_decision() -> None:
    book = [ConsignedLot(1, "B1", None, D(10)), ConsignedLot(2, "", None, D(4)),
            ConsignedLot(3, "", None, D(2))]  # fmt: skip
    counted = [ConsignmentLine(1, D(7), batch="B1", line_no=1),
               ConsignmentLine(2, D(6), line_no=2)]  # fmt: skip
    lines = c.count_lines(book, counted)
    assert [(ln.item_id, ln.book_quantity, ln.quantity) for ln in lines] == [
        (1, D(10), D(7)), (2, D(4), D(6)), (3, D(2), D(0))]  # fmt: skip
    with pytest.raises(ValidationError, match="6 counted but 4 on the books"):
        c.settlement(lines)
    lines[1].decision = "keep_book"
    sold = c.settlement(lines)
    assert [(ln.item_id, ln.batch, ln.quantity) for ln in sold] == [(1, "B1", D(3)), (3, "", D(2))]
    with pytest.raises(ValidationError, match="counted on another line"):
        c.count_lines(book, [ConsignmentLine(1, D(1), batch="B1", line_no=1),
                             ConsignmentLine(1, D(1), batch="B1", line_no=2)])  # fmt: skip


def test_a_booked_surplus_adds_a_layer_and_moves_from_adjustment() -> None:
    count = doc("CC1", K.COUNT, TODAY, (2, "6", ""), state="settled")
    count.lines[0].book_quantity = D(4)
    count.lines[0].decision = "book_surplus"
    layers = c.build_layers([count])
    assert [(la.source, la.remaining) for la in layers] == [("CC1", D(2))]
    [move] = c.moves_for(count, {"customers": 5, "adjustment": 6}, "u", c.datetime(2026, 6, 1))
    assert (move.from_location_id, move.to_location_id, move.quantity) == (6, 99, D(2))


def test_a_step_later_steps_depend_on_is_reversed_only_after_them() -> None:
    fill = doc("CF1", K.FILL_UP, date(2026, 1, 1), (1, "10", "B1"), doc_id=1)
    issue = doc("CI1", K.ISSUE, date(2026, 2, 1), (1, "4", "B1"), doc_id=2, state="invoiced")
    pickup = doc("CP1", K.PICKUP, date(2026, 3, 1), (1, "2", "B1"), doc_id=3)
    ret = doc("CR1", K.RETURN, date(2026, 3, 5), (1, "1", "B1"), doc_id=4, source_id=2)
    docs = [fill, issue, pickup, ret]
    layers = c.build_layers(docs)
    with pytest.raises(StateError, match="CF1 cannot be reversed before CI1, CP1"):
        c.check_reversible(fill, docs, layers)
    with pytest.raises(StateError, match="CI1 cannot be reversed before CR1"):
        c.check_reversible(issue, docs, layers, c.Billing(invoice="IV9"))
    c.check_reversible(pickup, docs, layers)
    c.check_reversible(ret, docs, layers)
    ret.state = ConsignmentState.REVERSED
    layers = c.build_layers(docs)
    # an invoiced issue: its blue invoice is credited in full first, by issued red invoices
    with pytest.raises(StateError, match="CI1 is invoiced on IV9: credit that invoice in full"):
        c.check_reversible(issue, docs, layers, c.Billing(invoice="IV9"))
    with pytest.raises(StateError, match="Red invoice RI1 against IV9 is not issued yet"):
        c.check_reversible(issue, docs, layers, c.Billing(invoice="IV9", pending_red=("RI1",)))
    c.check_reversible(issue, docs, layers, c.Billing(invoice="IV9", invoice_credited=True))
    # a return is reversed only while no red invoice credits it
    ret.state = ConsignmentState.POSTED
    with pytest.raises(StateError, match="credited by red invoice RI2, not issued yet: void"):
        c.check_reversible(ret, docs, layers, c.Billing(pending_red=("RI2",)))
    with pytest.raises(StateError, match="RI2, which is issued"):
        c.check_reversible(ret, docs, layers, c.Billing(issued_red="RI2"))
    pickup.state = ConsignmentState.REVERSED
    with pytest.raises(StateError, match="CP1 is reversed: it cannot reverse"):
        c.check_reversible(pickup, docs, c.build_layers(docs))
    with pytest.raises(StateError, match="before CI1:"):
        c.check_reversible(fill, docs, c.build_layers(docs))


def test_statement_opening_movements_closing() -> None:
    docs = [
        doc("CF1", K.FILL_UP, date(2026, 1, 10), (1, "10", "B1")),
        doc("CI1", K.ISSUE, date(2026, 1, 20), (1, "3", "B1")),
        doc("CF2", K.FILL_UP, date(2026, 2, 5), (1, "5", "B1")),
        doc("CI2", K.ISSUE, date(2026, 2, 10), (1, "4", "B1")),
        doc("CP1", K.PICKUP, date(2026, 2, 11), (1, "1", "B1")),
        doc("CR1", K.RETURN, date(2026, 2, 12), (1, "1", "B1")),
        doc("CF3", K.FILL_UP, date(2026, 2, 13), (1, "9", "B1"), state="reversed"),
        doc("CF4", K.FILL_UP, date(2026, 3, 1), (1, "9", "B1")),
    ]
    st = c.make_statement(1, docs, date(2026, 2, 1), date(2026, 2, 28), Money.of("40"),
                          Money.of("30"))  # fmt: skip
    assert st.opening == 7 and st.opening_value == Money.of("70")
    assert [r.number for r in st.rows] == ["CF2", "CI2", "CP1", "CR1"]
    assert (st.total(K.FILL_UP), st.total(K.ISSUE), st.total(K.PICKUP), st.total(K.RETURN)) == (
        5, 4, 1, 1)  # fmt: skip
    assert st.closing == 8 and st.closing_value == Money.of("80")
    with pytest.raises(Exception, match="ends before it starts"):
        c.make_statement(1, docs, date(2026, 2, 1), date(2026, 1, 1), Money.zero(), Money.zero())


def test_clean_lines_refuses_everything_at_once() -> None:
    items = {1: Item("MILK", "Milk", id=1, tracking=Tracking.BATCH, price=Money.of("5"))}
    with pytest.raises(ValidationError) as refused:
        c.clean_lines([{"item_id": 2, "quantity": "1"}, {"item_id": 1, "quantity": "-1"}], items)
    assert set(refused.value.by_field()) == {"lines.1.item", "lines.2.quantity"}
    [line] = c.clean_lines([{"item_id": 1, "quantity": "0"}], items, counted=True)
    assert line.quantity == 0 and line.unit_price == Money.of("5")
    with pytest.raises(ValidationError, match="at least one line"):
        c.clean_lines([], items)


def test_serial_goods_are_assigned_serial_by_serial() -> None:
    lots = [ConsignedLot(7, "SN2", None, D(1)), ConsignedLot(7, "SN1", None, D(1))]
    lines = c.assign_lots([ConsignmentLine(7, D(2), line_no=1)], lots, {7: Tracking.SERIAL},
                          {7: "PHONE"})  # fmt: skip
    assert [(ln.serial, ln.batch, ln.quantity) for ln in lines] == [
        ("SN1", "", D(1)), ("SN2", "", D(1))]  # fmt: skip


def test_layers_carry_cost_and_takes_are_costed_oldest_first() -> None:
    fill = doc("CF1", K.FILL_UP, date(2026, 1, 1), (1, "4", "B1"))
    fill.lines[0].unit_cost = Money.of("7.00")
    later = doc("CF2", K.FILL_UP, date(2026, 2, 1), (1, "2", "B1"), (2, "3", ""))
    later.lines[0].unit_cost = Money.of("7.60")  # item 2 has no known cost
    layers = c.build_layers([fill, later])
    assert [(la.source, la.unit_cost, la.cost) for la in layers] == [
        ("CF1", Money.of("7.00"), Money.of("28.00")),
        ("CF2", Money.of("7.60"), Money.of("15.20")),
        ("CF2", None, None),
    ]
    # 5 of B1: 4 from CF1 at 7.00 and 1 from CF2 at 7.60 = 35.60 / 5 = 7.12 a unit
    assert c.take_cost(layers, 1, "B1", D(5)) == Money.of("7.12")
    assert c.take_cost(layers, 1, "B1", D(7)) is None  # more than the layers hold
    assert c.take_cost(layers, 2, "", D(1)) is None  # not known
    issue = doc("CI1", K.ISSUE, date(2026, 3, 1), (1, "4", "B1"), (1, "2", "B1"))
    c.cost_takes(issue, layers)
    assert [ln.unit_cost for ln in issue.lines] == [Money.of("7.00"), Money.of("7.60")]
    assert issue.cost() == Money.of("43.20")
    assert layers[0].remaining == 4  # costing an issue does not consume the layers it read
    assert later.cost() is None and c.add_costs([Money.of("1"), None]) is None


def test_statement_at_cost_is_unknown_once_a_part_is_unknown() -> None:
    fill = doc("CF1", K.FILL_UP, date(2026, 1, 10), (1, "10", "B1"))
    fill.lines[0].unit_cost = Money.of("6")
    issue = doc("CI1", K.ISSUE, date(2026, 2, 3), (1, "3", "B1"))
    issue.lines[0].unit_cost = Money.of("6")
    extra = doc("CF2", K.FILL_UP, date(2026, 2, 5), (2, "1", ""))
    st = c.make_statement(1, [fill, issue], date(2026, 2, 1), date(2026, 2, 28), Money.zero(),
                          Money.zero())  # fmt: skip
    assert (st.opening_cost, st.total_cost(K.ISSUE), st.closing_cost) == (
        Money.of("60"), Money.of("18"), Money.of("42"))  # fmt: skip
    st = c.make_statement(1, [fill, issue, extra], date(2026, 2, 1), date(2026, 2, 28),
                          Money.zero(), Money.zero())  # fmt: skip
    assert (st.total_cost(K.FILL_UP), st.closing_cost) == (None, None)
    assert st.rows[-1].cost is None and st.closing_value == Money.of("80")


def test_unit_cost_from_the_receipts_of_the_same_batch_only() -> None:
    from retailerp.domain.consignment_money import ReceiptCost, receipt_unit_cost

    costs = {(1, "B1"): ReceiptCost(D(4), Money.of("28")),
             (1, "B2"): ReceiptCost(D(6), Money.of("48"))}  # fmt: skip
    assert receipt_unit_cost(1, "B1", costs) == Money.of("7")
    assert receipt_unit_cost(1, "B2", costs) == Money.of("8")
    assert receipt_unit_cost(1, "B9", costs) is None  # never guessed from other batches
    costs[(2, "")] = ReceiptCost(D(3), Money.of("10"))
    assert receipt_unit_cost(2, "", costs) == Money.of("3.33")
    assert receipt_unit_cost(3, "", costs) is None
