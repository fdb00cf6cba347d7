"""Settlement rules (domain/invoicing.py): which money is on account, how money meets
invoices, when an order moves on, and what a payment will do before it is recorded."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from retailerp.domain import invoicing
from retailerp.domain.errors import FieldError, StateError
from retailerp.domain.fulfilment import Delivery, DeliveryLine
from retailerp.domain.invoicing import Invoice, Payment, PaymentAllocation, PaymentPreview
from retailerp.domain.money import Money
from retailerp.domain.sales import OrderLine, OrderState, SalesOrder

M = Money.of
TODAY = date(2026, 3, 10)
AT = datetime(2026, 3, 10, tzinfo=UTC)


def invoice(number: int, gross: str, paid: str = "0", due: date = TODAY) -> Invoice:
    return Invoice(
        number=f"IV2026-{number:06d}",
        customer_id=1,
        invoice_date=due - timedelta(30),
        due_date=due,
        net=M(gross),
        vat=Money.zero(),
        gross=M(gross),
        posted_by="owner",
        posted_at=AT,
        paid=M(paid),
        id=number,
    )


def payment(
    number: int, amount: str, order_id: int | None = None, received: date = TODAY
) -> Payment:
    return Payment(
        number=f"PY2026-{number:06d}",
        customer_id=1,
        received_on=received,
        amount=M(amount),
        method="bank",
        posted_by="owner",
        posted_at=AT,
        order_id=order_id,
        id=number,
    )


def order(state: OrderState, order_id: int = 1) -> SalesOrder:
    o = SalesOrder(number=f"SO2026-{order_id:06d}", customer_id=1, order_date=TODAY, id=order_id)
    o.lines = [OrderLine(item_id=1, quantity=Decimal(2), unit_price=M("100"), vat_rate=Decimal(0))]
    o.state = state
    return o


def delivery(order_id: int = 1, invoice_id: int | None = None) -> Delivery:
    return Delivery(
        number="DN2026-000001",
        order_id=order_id,
        customer_id=1,
        delivery_date=TODAY,
        posted_by="owner",
        posted_at=AT,
        invoice_id=invoice_id,
        lines=[
            DeliveryLine(
                order_line_id=1,
                item_id=1,
                location_id=1,
                quantity=Decimal(1),
                unit_price=M("100"),
                vat_rate=Decimal("0.13"),
            )
        ],
    )


# --- which money is on account ---------------------------------------------------------------


def test_money_on_account_is_applied_oldest_received_first() -> None:
    late = payment(1, "50", received=TODAY)
    early = payment(2, "30", received=TODAY - timedelta(5))
    held = payment(3, "200", order_id=7)
    released = payment(4, "20", order_id=8)
    spent = payment(5, "10")
    spent.allocations = [PaymentAllocation(invoice_id=1, amount=M("10"))]
    credits = invoicing.on_account([late, early, held, released, spent], holding={7})
    assert [p.number for p in credits] == ["PY2026-000002", "PY2026-000001", "PY2026-000004"]
    assert invoicing.held_for_orders([late, held, released], {7}) == {7: M("200")}


# --- money meets invoices -----------------------------------------------------------------------


def test_money_pays_the_invoice_due_first_and_the_rest_waits() -> None:
    newer = invoice(1, "22.60", due=TODAY + timedelta(30))
    older = invoice(2, "100", "40", due=TODAY - timedelta(3))
    first, second = payment(1, "50"), payment(2, "100")
    paid = invoicing.apply_money([first, second], [newer, older])
    assert [(a.invoice_id, a.amount) for a in first.allocations] == [(2, M("50"))]
    assert [(a.invoice_id, a.amount) for a in second.allocations] == [(2, M("10")), (1, M("22.60"))]
    assert older.is_paid and newer.is_paid
    assert second.unallocated == M("67.40")
    assert {i.number for i in paid} == {"IV2026-000001", "IV2026-000002"}
    assert invoicing.apply_money([second], [newer, older]) == []  # nothing left to pay


def test_held_money_pays_the_new_invoice_only() -> None:
    advance = payment(1, "565", order_id=1)
    new = invoice(3, "226")
    other = invoice(4, "100", due=TODAY - timedelta(100))
    assert invoicing.apply_advances([advance], new) == [new]
    assert new.is_paid and other.paid == Money.zero()
    assert advance.unallocated == M("339")


# --- orders move on -------------------------------------------------------------------------


def test_a_shipped_order_is_invoiced_once_every_delivery_is() -> None:
    o = order(OrderState.SHIPPED)
    invoicing.settle_order(o, [delivery(invoice_id=None)], [])
    assert o.state == OrderState.SHIPPED
    invoicing.settle_order(o, [delivery(invoice_id=3)], [invoice(3, "113")])
    assert o.state == OrderState.INVOICED


def test_an_invoiced_order_is_paid_once_every_invoice_is() -> None:
    o = order(OrderState.SHIPPED)
    invoicing.settle_order(o, [delivery(invoice_id=3)], [invoice(3, "113", "113")])
    assert o.state == OrderState.PAID  # invoiced and paid in one go (prepaid)
    o = order(OrderState.INVOICED)
    invoicing.settle_order(o, [delivery(invoice_id=3)], [invoice(3, "113", "100")])
    assert o.state == OrderState.INVOICED


@pytest.mark.parametrize(
    "state", [OrderState.CONFIRMED, OrderState.PARTLY_SHIPPED, OrderState.PICKING]
)
def test_an_order_with_a_backorder_stays_where_it_is(state: OrderState) -> None:
    o = order(state)
    invoicing.settle_order(o, [delivery(invoice_id=3)], [invoice(3, "113", "113")])
    assert o.state == state


def test_an_invoiced_delivery_is_no_longer_uninvoiced() -> None:
    o = order(OrderState.PARTLY_SHIPPED)
    invoicing.mark_invoiced(o, delivery())
    assert o.invoiced == M("113") and o.uninvoiced == M("87")
    with pytest.raises(ValueError):
        invoicing.mark_invoiced(o, delivery(order_id=2))


# --- what a payment will do --------------------------------------------------------------------


def test_an_overpayment_is_stated() -> None:
    preview = invoicing.preview_payment(M("427.82"), M("226"), Money.zero())
    assert preview == PaymentPreview(M("427.82"), M("226"), Money.zero(), M("201.82"))
    assert preview.is_overpayment
    exact = invoicing.preview_payment(M("226"), M("226"), Money.zero())
    assert not exact.is_overpayment


def test_older_money_on_account_pays_first() -> None:
    preview = invoicing.preview_payment(M("300"), M("226"), M("22.60"))
    assert (preview.applied, preview.surplus) == (M("203.40"), M("96.60"))
    in_credit = invoicing.preview_payment(M("50"), Money.zero(), M("100"))
    assert (preview.held, in_credit.applied, in_credit.surplus) == (
        Money.zero(),
        Money.zero(),
        M("50"),
    )


def test_against_an_open_order_the_rest_is_held_up_to_what_it_needs() -> None:
    preview = invoicing.preview_payment(
        M("600"), M("113"), Money.zero(), order_open=M("113"), order_need=M("339")
    )
    assert (preview.applied, preview.held, preview.surplus) == (M("113"), M("339"), M("148"))
    prepaid = invoicing.preview_payment(
        M("565"), Money.zero(), Money.zero(), order_open=Money.zero(), order_need=M("565")
    )
    assert (prepaid.held, prepaid.surplus) == (M("565"), Money.zero())


def test_against_an_invoiced_order_the_rest_goes_on_account() -> None:
    preview = invoicing.preview_payment(M("300"), M("326"), Money.zero(), order_open=M("226"))
    assert (preview.applied, preview.held, preview.surplus) == (
        M("300"),
        Money.zero(),
        Money.zero(),
    )
    more = invoicing.preview_payment(M("400"), M("326"), Money.zero(), order_open=M("226"))
    assert (more.applied, more.surplus) == (M("326"), M("74"))


cents = st.integers(min_value=1, max_value=10_000_000)


@given(amount=cents, opens=st.lists(cents, max_size=6), on_account=st.integers(0, 1_000_000))
def test_the_preview_says_what_applying_the_money_does(
    amount: int, opens: list[int], on_account: int
) -> None:
    invoices = [invoice(n + 1, str(Money(c).amount)) for n, c in enumerate(opens)]
    older = payment(1, str(Money(on_account).amount), received=TODAY - timedelta(1))
    new = payment(2, str(Money(amount).amount))
    total = sum((i.open_amount for i in invoices), Money.zero())
    credits = [older, new] if on_account else [new]
    preview = invoicing.preview_payment(Money(amount), total, Money(on_account))
    invoicing.apply_money(credits, invoices)
    assert preview.applied == new.amount - new.unallocated
    assert preview.surplus == new.unallocated
    assert preview.applied + preview.held + preview.surplus == preview.amount


def test_money_on_account_is_summed_per_customer() -> None:
    mine, other, held = payment(1, "10"), payment(2, "5"), payment(3, "7", order_id=9)
    other.customer_id = 2
    assert invoicing.on_account_by_customer([mine, other, held], {9}) == {1: M("10"), 2: M("5")}


def test_a_payment_is_recorded_only_against_the_customers_payable_order() -> None:
    confirmed = order(OrderState.CONFIRMED)
    assert invoicing.check_payable(confirmed, 1) is confirmed
    with pytest.raises(FieldError):
        invoicing.check_payable(None, 1)
    with pytest.raises(FieldError):
        invoicing.check_payable(confirmed, 2)
    for state in (OrderState.DRAFT, OrderState.CANCELLED, OrderState.PAID, OrderState.CLOSED):
        with pytest.raises(StateError, match="no payment can be recorded"):
            invoicing.check_payable(order(state), 1)
    invoicing.record_advance(confirmed, M("50"))
    invoicing.record_advance(confirmed, M("20"))
    assert confirmed.prepaid == M("70") and confirmed.state == OrderState.CONFIRMED
