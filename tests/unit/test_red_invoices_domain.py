"""Red invoices without a database: what may be credited per blue line and in total, across
earlier red invoices; returns, allowances and invoicing errors; the workflow; the
confirmation number."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from retailerp.domain.errors import StateError, ValidationError
from retailerp.domain.money import Money
from retailerp.domain.red_invoices import (
    BlueLine,
    RedAction,
    RedInvoice,
    RedKind,
    RedState,
    check_confirmation_number,
    credit_lines,
)

D = Decimal
RET, ALW = RedKind.RETURN, RedKind.ALLOWANCE


def blue(credited_qty: str = "0", credited_net: str = "0", credited_vat: str = "0") -> dict:
    """Line 1: 3 × 33.33 = 99.99 net, 13 % VAT 13.00; line 2: 1 × 50 net, 6.50 VAT."""
    return {
        101: BlueLine(101, 1, 1, D(3), Money.of("33.33"), D("0.13"), D(0), Money.of("99.99"),
                      Money.of("13.00"), D(credited_qty), Money.of(credited_net),
                      Money.of(credited_vat)),
        102: BlueLine(102, 2, 2, D(1), Money.of(50), D("0.13"), D(0), Money.of(50),
                      Money.of("6.50")),
    }  # fmt: skip


def test_a_return_credits_quantity_at_the_blue_price_and_the_rest_exactly() -> None:
    [one] = credit_lines([{"invoice_line_id": 101, "quantity": "1"}], blue(), RedKind.RETURN)
    assert (one.net, one.vat) == (Money.of("33.33"), Money.of("4.33"))
    rest = blue("1", "33.33", "4.33")
    [two] = credit_lines([{"invoice_line_id": 101, "quantity": "2"}], rest, RedKind.RETURN)
    assert (two.net, two.vat) == (Money.of("66.66"), Money.of("8.67"))  # 13.00 in all
    assert one.vat + two.vat == Money.of("13.00") and one.net + two.net == Money.of("99.99")


@pytest.mark.parametrize(
    ("raw", "kind", "field", "words"),
    [
        ({"invoice_line_id": 101, "quantity": "4"}, RET, "lines.1.quantity", "At most 3"),
        ({"invoice_line_id": 999, "quantity": "1"}, RET, "lines.1.invoice_line_id", ""),
        ({"invoice_line_id": 102, "net": "50.01"}, ALW, "lines.1.net", "at most 50.00"),
        ({"invoice_line_id": 102, "net": "0"}, ALW, "lines.1.net", "more than zero"),
        ({"invoice_line_id": 102, "net": "-5"}, ALW, "lines.1.net", ""),
    ],
)  # fmt: skip
def test_more_than_the_blue_line_holds_is_refused(
    raw: dict, kind: RedKind, field: str, words: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        credit_lines([raw], blue(), kind)
    assert words in refused.value.by_field()[field].render()


def test_earlier_red_invoices_count_against_the_line() -> None:
    with pytest.raises(ValidationError, match="At most 1 of line 1"):
        credit_lines([{"invoice_line_id": 101, "quantity": "2"}], blue("2", "66.66", "8.67"),
                     RedKind.RETURN)  # fmt: skip
    with pytest.raises(ValidationError, match="at most 33.33 net"):
        credit_lines([{"invoice_line_id": 101, "net": "40"}], blue("0", "66.66", "8.67"),
                     RedKind.ALLOWANCE)  # fmt: skip


def test_an_allowance_credits_an_amount_without_goods() -> None:
    [line] = credit_lines([{"invoice_line_id": 102, "net": "10"}], blue(), RedKind.ALLOWANCE)
    assert (line.quantity, line.net, line.vat, line.gross) == (0, Money.of(10), Money.of("1.30"),
                                                               Money.of("11.30"))  # fmt: skip


def test_an_invoicing_error_reverses_the_whole_invoice_once() -> None:
    lines = credit_lines([], blue(), RedKind.INVOICING_ERROR)
    assert [(x.quantity, x.net, x.vat) for x in lines] == [
        (D(3), Money.of("99.99"), Money.of("13.00")),
        (D(1), Money.of(50), Money.of("6.50")),
    ]
    with pytest.raises(StateError, match="only while nothing else is credited"):
        credit_lines([], blue("1", "33.33", "4.33"), RedKind.INVOICING_ERROR)


def test_a_blue_line_appears_once_and_a_red_invoice_needs_a_line() -> None:
    twice = [{"invoice_line_id": 101, "quantity": "1"}] * 2
    with pytest.raises(ValidationError) as refused:
        credit_lines(twice, blue(), RedKind.RETURN)
    assert "lines.2.invoice_line_id" in refused.value.by_field()
    with pytest.raises(ValidationError):
        credit_lines([], blue(), RedKind.RETURN)


def test_the_workflow_from_draft_to_issued_and_voiding_before_issue() -> None:
    red = RedInvoice("RI2026-000001", 1, "IV2026-000001", 1, RedKind.RETURN, date(2026, 4, 1))
    for action, state in ((RedAction.SUBMIT, RedState.AWAITING),
                          (RedAction.CONFIRM, RedState.CONFIRMED),
                          (RedAction.ISSUE, RedState.ISSUED)):  # fmt: skip
        red.move(action)
        assert red.state == state
    with pytest.raises(StateError, match="is issued: it cannot void"):
        red.move(RedAction.VOID)
    draft = RedInvoice("RI2026-000002", 1, "IV2026-000001", 1, RedKind.RETURN, date(2026, 4, 1))
    with pytest.raises(StateError):
        draft.move(RedAction.ISSUE)
    draft.move(RedAction.VOID)
    assert draft.state == RedState.VOIDED


@pytest.mark.parametrize(
    ("raw", "ok"),
    [("4403 2026 1201 0001", False), ("44032026120100012345", True), ("abc", False),
     ("红字12345678", False), ("  1234567890abcdef ", True), ("", False)],
)  # fmt: skip
def test_the_confirmation_number(raw: str, ok: bool) -> None:
    if ok:
        assert check_confirmation_number(raw) == raw.strip().upper()
    else:
        with pytest.raises(Exception, match="red-letter confirmation form"):
            check_confirmation_number(raw)


# --- a return credited at the policy's refund -------------------------------------------


@pytest.mark.parametrize(
    ("refund", "rate", "net", "vat"),
    [
        ("50.85", "0.9", "45.00", "5.85"),  # 56.50 less 10 %: 45 net, 5.85 tax
        ("33.90", "0.6", "30.00", "3.90"),  # a dealer's 60 %
        ("0.01", "0.0001", "0.01", "0.00"),  # the smallest credit: all of it net
        ("56.50", "1", "50.00", "6.50"),  # in full: the blue price
        ("56.49", "1", "50.00", "6.50"),  # in full is the blue price, to the cent
        ("999", "0.95", "50.00", "6.50"),  # never above the blue price of the quantity
    ],
)  # fmt: skip
def test_a_return_credits_what_the_policy_allowed(
    refund: str, rate: str, net: str, vat: str
) -> None:
    raw = {"invoice_line_id": 102, "quantity": "1", "refund": refund, "rule": "r",
           "refund_rate": rate}  # fmt: skip
    [line] = credit_lines([raw], blue(), RET)
    assert (line.net, line.vat) == (Money.of(net), Money.of(vat))
    assert (line.quantity, line.rule, line.refund_rate) == (D(1), "r", D(rate))


def test_the_policy_credit_stays_within_what_is_left_of_the_line() -> None:
    left = blue("2", "66.66", "8.67")  # one kettle of 33.33 / 4.33 left on line 1
    raw = {"invoice_line_id": 101, "quantity": "1", "refund": "34.19", "refund_rate": "0.9"}
    [line] = credit_lines([raw], left, RET)
    assert (line.net, line.vat) == (Money.of("30.26"), Money.of("3.93"))
    with pytest.raises(ValidationError) as refused:
        credit_lines([{**raw, "quantity": "2"}], left, RET)
    assert refused.value.errors[0].field == "lines.1.quantity"


def test_return_credit_rows_leave_out_lines_refunded_nothing() -> None:
    from types import SimpleNamespace as Line

    from retailerp.domain.errors import FieldError
    from retailerp.domain.red_invoices import return_credit_rows

    lines = [
        Line(delivery_line_id=7, quantity=D(2), refund=Money.of("203.40"), rule="late",
             refund_rate=D("0.9")),
        Line(delivery_line_id=8, quantity=D(1), refund=Money.zero(), rule="refused",
             refund_rate=D(0)),
    ]  # fmt: skip
    rows = return_credit_rows(lines, {7: 101, 8: 102})
    assert rows == [{"invoice_line_id": 101, "quantity": D(2), "refund": Money.of("203.40"),
                     "rule": "late", "refund_rate": D("0.9")}]  # fmt: skip
    with pytest.raises(FieldError, match="refunds nothing"):
        return_credit_rows(lines[1:], {8: 102})
