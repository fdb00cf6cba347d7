"""A return document without a database: what may come back per delivered line, the batch
and serial that were delivered, the policy applied per line, the moves posting makes, the
workflow, and the frequent-returner flag."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from retailerp.domain.customers import AbcClass
from retailerp.domain.errors import StateError, ValidationError
from retailerp.domain.money import Money
from retailerp.domain.returns import (
    RefundChoice,
    Returnable,
    ReturnAction,
    ReturnCase,
    ReturnCondition,
    ReturnDocument,
    ReturnRate,
    ReturnReason,
    ReturnState,
    apply_policy,
    clean_return_lines,
    default_policy,
    return_moves,
    set_destinations,
)

D = Decimal
DELIVERED = {
    11: Returnable(11, 1, D(5), D(2), Money.of(100), D("0.13"), D(0), batch="B1"),
    12: Returnable(12, 2, D(1), D(0), Money.of(50), D("0.13"), D("0.1"), serial="SN-9"),
}


def document(*lines: dict) -> ReturnDocument:
    doc = ReturnDocument("RT2026-000001", 1, 7, ReturnReason.QUALITY_DEFECT, "li", date(2026, 5, 1))
    doc.lines = clean_return_lines(list(lines), DELIVERED)
    return doc


def test_a_line_takes_price_batch_and_serial_from_the_delivery() -> None:
    doc = document(
        {"delivery_line_id": 11, "quantity": "3", "condition": "defective"},
        {"delivery_line_id": "12", "quantity": "1", "serial": "SN-9"},
    )
    first, second = doc.lines
    assert (first.batch, first.condition, first.unit_price) == ("B1", "defective", Money.of(100))
    assert (second.serial, second.condition) == ("SN-9", ReturnCondition.RESELLABLE)
    assert doc.totals.gross == Money.of("339") + Money.of("50.85")


@pytest.mark.parametrize(
    ("line", "field", "words"),
    [
        ({"delivery_line_id": 11, "quantity": "4"}, "lines.1.quantity", "At most 3 can come back"),
        ({"delivery_line_id": 99, "quantity": "1"}, "lines.1.delivery_line_id", "not one of"),
        ({"delivery_line_id": "x", "quantity": "1"}, "lines.1.delivery_line_id", "not one of"),
        ({"delivery_line_id": 12, "quantity": "1", "serial": "SN-1"}, "lines.1.serial", "SN-1"),
        ({"delivery_line_id": 11, "quantity": "1", "batch": "B7"}, "lines.1.batch", "B7"),
        ({"delivery_line_id": 11, "quantity": "0"}, "lines.1.quantity", ""),
        ({"delivery_line_id": 11, "quantity": "1", "condition": "meh"}, "lines.1.condition", ""),
    ],
)
def test_what_cannot_come_back_is_refused_naming_the_line(
    line: dict, field: str, words: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        document(line)
    error = refused.value.by_field()[field]
    assert words in error.render()


def test_a_delivery_line_appears_once_and_a_return_needs_a_line() -> None:
    with pytest.raises(ValidationError) as refused:
        document(
            {"delivery_line_id": 11, "quantity": "1"}, {"delivery_line_id": 11, "quantity": "1"}
        )
    assert "lines.2.delivery_line_id" in refused.value.by_field()
    with pytest.raises(ValidationError):
        document()


def test_the_policy_sets_rule_rate_and_refund_and_names_what_needs_an_override() -> None:
    doc = document({"delivery_line_id": 11, "quantity": "2"})
    policy = default_policy()
    changed_mind = policy.decide(
        ReturnCase(1, AbcClass.C, ReturnReason.CHANGED_MIND, 30, 1, D(2), D(3))
    )
    refusals = apply_policy(doc, [RefundChoice(changed_mind)], "")
    assert len(refusals) == 1 and refusals[0].field == "lines.1.quantity"
    assert doc.lines[0].refund == Money.zero() and doc.lines[0].rule.startswith("changed mind")
    late = policy.decide(ReturnCase(1, AbcClass.C, ReturnReason.UNSELLABLE, 200, 1, D(2), D(3)))
    assert apply_policy(doc, [RefundChoice(late)], "") == []
    assert doc.lines[0].refund == Money.of("203.40")  # 226.00 less 10 %
    assert apply_policy(doc, [RefundChoice(late, D(1))], "the owner agreed") == []
    assert doc.lines[0].refund == Money.of("226") and doc.refund == Money.of("226")


def test_posting_moves_each_line_to_where_its_condition_sends_it() -> None:
    doc = document(
        {"delivery_line_id": 11, "quantity": "3", "condition": "defective"},
        {"delivery_line_id": 12, "quantity": "1", "condition": "resellable"},
    )
    set_destinations(doc, {11: 8, 12: 5}, quarantine_id=6, scrap_id=7)
    moves = return_moves(doc, 4, "li", datetime(2026, 5, 1, 9))
    assert [
        (m.from_location_id, m.to_location_id, m.quantity, m.batch, m.serial) for m in moves
    ] == [
        (4, 6, D(3), "B1", ""),
        (4, 5, D(1), "", "SN-9"),
    ]
    assert {m.doc_type for m in moves} == {"RT"}
    set_destinations(doc, {11: 8, 12: 5}, quarantine_id=6, scrap_id=7, resellable_to=9)
    assert [line.location_id for line in doc.lines] == [6, 9]


def test_a_posted_return_is_undone_only_by_reversal() -> None:
    doc = document({"delivery_line_id": 11, "quantity": "1"})
    doc.move(ReturnAction.POST)
    with pytest.raises(StateError, match="is posted: it cannot cancel"):
        doc.move(ReturnAction.CANCEL)
    doc.move(ReturnAction.REVERSE)
    assert doc.state == ReturnState.REVERSED
    with pytest.raises(StateError):
        doc.move(ReturnAction.REVERSE)


@pytest.mark.parametrize(
    ("delivered", "returned", "frequent"),
    [("1000", "100", False), ("1000", "100.01", True), ("0", "0", False)],
)
def test_a_customer_returning_more_than_the_threshold_is_flagged(
    delivered: str, returned: str, frequent: bool
) -> None:
    rate = ReturnRate(Money.of(delivered), Money.of(returned), D("0.1"))
    assert rate.frequent == frequent


# --- scanning a serial or batch on the return form ----------------------------------------


def test_a_scanned_serial_or_batch_picks_its_delivered_line() -> None:
    from retailerp.domain.returns import scanned_line

    assert scanned_line(DELIVERED, " sn-9 ").delivery_line_id == 12  # case and blanks ignored
    assert scanned_line(DELIVERED, "B1").delivery_line_id == 11
    assert scanned_line(DELIVERED, "SN-1") is None


def test_a_serial_that_came_back_already_is_refused_by_name() -> None:
    from retailerp.domain.errors import FieldError
    from retailerp.domain.returns import scanned_line

    back = {12: Returnable(12, 2, D(1), D(1), Money.of(50), D("0.13"), D(0), serial="SN-9")}
    with pytest.raises(FieldError, match="SN-9 has come back already") as refused:
        scanned_line(back, "SN-9")
    assert refused.value.field == "serial"
    with pytest.raises(FieldError):
        scanned_line(DELIVERED, "  ")


def test_a_batch_scanned_picks_its_first_line_with_something_open() -> None:
    from retailerp.domain.returns import scanned_line

    lines = {
        21: Returnable(21, 1, D(2), D(2), Money.of(10), D("0.13"), D(0), batch="K1"),
        22: Returnable(22, 1, D(3), D(0), Money.of(10), D("0.13"), D(0), batch="K1"),
    }
    assert scanned_line(lines, "K1").delivery_line_id == 22


def test_what_was_not_delivered_is_named() -> None:
    from retailerp.domain.returns import not_delivered

    elsewhere = not_delivered("SN-7", "DN2026-000001", "DN2026-000004")
    assert elsewhere.field == "serial"
    assert "SN-7 is not on delivery DN2026-000001" in elsewhere.render()
    assert "delivered to this customer on DN2026-000004" in elsewhere.render()
    assert (
        "SN-7 was never delivered to this customer" in not_delivered("SN-7", "DN1", None).render()
    )
