"""Credit exposure, term by term, and the refusals of the credit check (domain/credit.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from retailerp import i18n
from retailerp.domain import credit
from retailerp.domain.credit import CreditCheck, Overdue
from retailerp.domain.errors import FieldError, OverridableRefusal
from retailerp.domain.invoicing import OPEN_ORDER_STATES, Invoice, Payment, PaymentAllocation
from retailerp.domain.money import Money
from retailerp.domain.sales import OrderLine, OrderState, SalesOrder

M = Money.of
TODAY = date(2026, 3, 10)
AT = datetime(2026, 3, 10, tzinfo=UTC)


@pytest.fixture(autouse=True)
def english() -> None:
    i18n.set_language("en")


def order(
    order_id: int,
    state: OrderState = OrderState.CONFIRMED,
    gross_units: int = 5,
    invoiced: str = "0",
    cancelled: int = 0,
) -> SalesOrder:
    """``gross_units`` × 100.00 + 13 % VAT = 113.00 each."""
    o = SalesOrder(number=f"SO2026-{order_id:06d}", customer_id=1, order_date=TODAY, id=order_id)
    o.lines = [
        OrderLine(
            item_id=1,
            quantity=Decimal(gross_units),
            unit_price=M("100"),
            vat_rate=Decimal("0.13"),
            cancelled=Decimal(cancelled),
            line_no=1,
        )
    ]
    o.state = state
    o.invoiced = M(invoiced)
    return o


def invoice(number: int, gross: str, paid: str = "0", due: date = TODAY) -> Invoice:
    amount = M(gross)
    return Invoice(
        number=f"IV2026-{number:06d}",
        customer_id=1,
        invoice_date=due - timedelta(30),
        due_date=due,
        net=amount,
        vat=Money.zero(),
        gross=amount,
        posted_by="owner",
        posted_at=AT,
        paid=M(paid),
        id=number,
    )


def payment(number: int, amount: str, order_id: int | None = None, applied: str = "0") -> Payment:
    p = Payment(
        number=f"PY2026-{number:06d}",
        customer_id=1,
        received_on=TODAY,
        amount=M(amount),
        method="bank",
        posted_by="owner",
        posted_at=AT,
        order_id=order_id,
        id=number,
    )
    if M(applied):
        p.allocations = [PaymentAllocation(invoice_id=99, amount=M(applied))]
    return p


# --- term 1: open invoices -------------------------------------------------------------------


def test_open_invoices_sum_what_is_still_wanted() -> None:
    invoices = [invoice(1, "226", "100"), invoice(2, "22.60"), invoice(3, "50", "50")]
    assert credit.open_invoices(invoices) == M("148.60")
    assert credit.open_invoices([]) == Money.zero()


# --- term 2: money on account ----------------------------------------------------------------


def test_money_on_account_is_unapplied_money_not_held_for_an_open_order() -> None:
    payments = [
        payment(1, "100"),  # on account
        payment(2, "300", applied="250"),  # 50 left over
        payment(3, "565", order_id=7),  # held for the open order 7
        payment(4, "40", order_id=8),  # order 8 is no longer open: on account
    ]
    assert credit.money_on_account(payments, {7}) == M("190")
    assert credit.money_on_account(payments, {7, 8}) == M("150")
    assert credit.money_on_account(payments, set()) == M("755")


@pytest.mark.parametrize("state", list(OrderState))
def test_an_order_holds_money_exactly_while_it_is_open(state: OrderState) -> None:
    expected = state in (
        OrderState.CONFIRMED,
        OrderState.PICKING,
        OrderState.PARTLY_SHIPPED,
        OrderState.SHIPPED,
    )
    assert (state in OPEN_ORDER_STATES) == expected
    assert credit.holding_ids([order(5, state)]) == ({5} if expected else set())


# --- terms 3 and 4: orders -----------------------------------------------------------------------


def test_an_open_order_counts_its_uninvoiced_value_less_what_is_held_for_it() -> None:
    assert credit.order_exposure(order(1), Money.zero()) == M("565")
    assert credit.order_exposure(order(1), M("565")) == Money.zero()
    assert credit.order_exposure(order(1, invoiced="226"), M("100")) == M("239")
    # closed short: the cancelled part is out
    shipped = order(1, OrderState.SHIPPED, cancelled=2, invoiced="113")
    assert credit.order_exposure(shipped, Money.zero()) == M("226")
    # paid beyond its value: the surplus is the customer's money
    assert credit.order_exposure(order(1), M("600")) == M("-35")


@pytest.mark.parametrize(
    ("state", "counts"),
    [
        (OrderState.DRAFT, True),  # the draft being confirmed
        (OrderState.CONFIRMED, True),
        (OrderState.PARTLY_SHIPPED, True),
        (OrderState.INVOICED, False),
        (OrderState.PAID, False),
        (OrderState.CLOSED, False),
        (OrderState.CANCELLED, False),
    ],
)
def test_an_order_no_longer_open_counts_nothing(state: OrderState, counts: bool) -> None:
    exposure = credit.order_exposure(order(1, state), Money.zero())
    assert exposure == (M("565") if counts else Money.zero())


# --- the whole check -------------------------------------------------------------------------


def test_a_fully_prepaid_order_has_no_exposure() -> None:
    prepaid = order(1)
    check = credit.credit_check(
        M("1000"), [], [payment(1, "565", order_id=1)], [prepaid], prepaid, TODAY
    )
    assert (check.open_invoices, check.on_account, check.open_orders, check.this_order) == (
        Money.zero(),
        Money.zero(),
        Money.zero(),
        Money.zero(),
    )
    assert check.exposure == Money.zero() and not check.refused
    # the same order seen as one of the customer's other open orders
    alone = credit.credit_check(
        M("1000"), [], [payment(1, "565", order_id=1)], [prepaid], None, TODAY
    )
    assert alone.exposure == Money.zero()


def test_every_term_adds_up_to_the_exposure() -> None:
    this = order(3, OrderState.DRAFT, gross_units=1)  # 113.00
    others = [order(1), order(2, OrderState.PICKING, gross_units=2)]  # 565.00 and 226.00
    payments = [payment(1, "77.40"), payment(2, "200", order_id=1)]
    invoices = [invoice(1, "22.60"), invoice(2, "500", "500")]
    check = credit.credit_check(M("1000"), invoices, payments, [*others, this], this, TODAY)
    assert check.open_invoices == M("22.60")
    assert check.on_account == M("77.40")
    assert check.open_balance == M("-54.80")
    assert check.open_orders == M("591")  # 565 - 200 + 226
    assert check.this_order == M("113")
    assert check.exposure == M("649.20")
    assert not check.exceeded
    tighter = credit.credit_check(M("649.19"), invoices, payments, others, this, TODAY)
    assert tighter.exceeded


def test_money_on_account_can_make_the_exposure_negative() -> None:
    check = credit.credit_check(M("0"), [], [payment(1, "100")], [], None, TODAY)
    assert check.exposure == M("-100") and not check.exceeded


# --- overdue beyond the grace ------------------------------------------------------------------


def test_only_invoices_more_than_the_grace_past_due_are_overdue() -> None:
    invoices = [
        invoice(1, "100", due=TODAY - timedelta(30)),  # exactly the grace: not yet
        invoice(2, "226", "26", due=TODAY - timedelta(200)),
        invoice(3, "50", due=TODAY - timedelta(31)),
        invoice(4, "80", "80", due=TODAY - timedelta(400)),  # paid
    ]
    overdue = credit.overdue_beyond(invoices, TODAY, 30)
    assert overdue == Overdue(M("250"), "IV2026-000002", 200)
    assert credit.overdue_beyond(invoices, TODAY, 365) == Overdue()
    assert not credit.overdue_beyond(invoices, TODAY, 365)
    assert credit.overdue_beyond(invoices, TODAY, 0).amount == M("350")


def test_a_long_overdue_invoice_refuses_although_the_limit_is_far() -> None:
    old = invoice(1, "226", due=TODAY - timedelta(200))
    check = credit.credit_check(M("5000"), [old], [], [], order(2, OrderState.DRAFT), TODAY)
    assert not check.exceeded and check.refused
    refusal = check.refusal("SO2026-000002")
    assert isinstance(refusal, OverridableRefusal) and refusal.field == "customer"
    assert str(refusal) == (
        "Order SO2026-000002 cannot be confirmed: the customer has 226.00 overdue by more "
        "than 30 days (invoice IV2026-000001, 200 days). An owner may confirm it anyway, "
        "with a reason."
    )
    lenient = credit.credit_check(M("5000"), [old], [], [], None, TODAY, grace_days=200)
    assert lenient.refusal("SO2026-000002") is None


def test_the_limit_refusal_names_the_terms() -> None:
    check = CreditCheck(M("5000"), M("700"), M("50"), M("0"), M("5000"))
    refusal = check.refusal("SO2026-000009")
    assert isinstance(refusal, OverridableRefusal)
    assert str(refusal) == (
        "Order SO2026-000009 would take the customer to 5,650.00 against a credit limit of "
        "5,000.00 (open invoices 650.00, open orders 0.00). An owner may confirm it anyway, "
        "with a reason."
    )


def test_both_reasons_are_named_when_both_apply() -> None:
    check = CreditCheck(
        M("100"), M("226"), M("0"), M("0"), M("0"), Overdue(M("226"), "IV2026-000001", 70)
    )
    text = str(check.refusal("SO2026-000003"))
    assert "226.00 against a credit limit of 100.00" in text
    assert "226.00 is overdue by more than 30 days (invoice IV2026-000001, 70 days)" in text


def test_within_limit_and_nothing_overdue_is_no_refusal() -> None:
    assert CreditCheck(M("100"), M("50"), M("0"), M("0"), M("50")).refusal("SO1") is None


# --- the grace setting ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "days"), [("", 30), (None, 30), ("0", 0), (" 45 ", 45), ("3650", 3650)]
)
def test_the_grace_is_whole_days(text: object, days: int) -> None:
    assert credit.grace_days(text) == days


@pytest.mark.parametrize("text", ["abc", "-1", "1.5", "3651", "²", "３０"])
def test_a_grace_that_is_not_0_to_3650_whole_days_is_refused(text: str) -> None:
    with pytest.raises(FieldError) as refused:
        credit.grace_days(text)
    assert refused.value.field == "overdue_grace_days"


def test_credit_check_is_still_importable_from_sales() -> None:
    from retailerp.domain.sales import CreditCheck as Reexported

    assert Reexported is CreditCheck
