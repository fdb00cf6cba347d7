"""Every (state, action) pair of a sales order either moves as the table says or is refused
with a message naming the state and the action."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from retailerp import i18n
from retailerp.domain.errors import StateError
from retailerp.domain.money import Money
from retailerp.domain.sales import (
    ORDER_ACTION_LABELS,
    ORDER_STATE_LABELS,
    TRANSITIONS,
    OrderAction,
    OrderLine,
    OrderState,
    SalesOrder,
)

PAIRS = [(state, action) for state in OrderState for action in OrderAction]


def order_in(state: OrderState, shipped: Decimal = Decimal(0)) -> SalesOrder:
    order = SalesOrder(number="SO2026-000001", customer_id=1, order_date=date(2026, 3, 1))
    order.lines = [
        OrderLine(
            item_id=1,
            quantity=Decimal(5),
            unit_price=Money.of(10),
            vat_rate=Decimal("0.13"),
            shipped=shipped,
            line_no=1,
        )
    ]
    order.state = state
    return order


@pytest.mark.parametrize(("state", "action"), PAIRS, ids=[f"{s}-{a}" for s, a in PAIRS])
def test_every_pair_moves_as_the_table_says_or_is_refused(
    state: OrderState, action: OrderAction
) -> None:
    order = order_in(state)
    targets = TRANSITIONS.get((state, action))
    if targets is None:
        with pytest.raises(StateError) as refused:
            order.move(action, next(iter(OrderState)))
        assert (
            state.value in refused.value.render()
            or str(ORDER_STATE_LABELS[state]) in refused.value.render()
        )
        assert str(ORDER_ACTION_LABELS[action]) in refused.value.render()
        assert order.state == state  # nothing changed
        return
    for target in targets:
        moved = order_in(state)
        moved.move(action, target)
        assert moved.state == target
    impossible = [s for s in OrderState if s not in targets]
    for target in impossible:
        with pytest.raises(ValueError):
            order_in(state).move(action, target)


def test_the_table_covers_the_documented_flow() -> None:
    flow = [
        (OrderState.DRAFT, OrderAction.CONFIRM, OrderState.CONFIRMED),
        (OrderState.CONFIRMED, OrderAction.START_PICKING, OrderState.PICKING),
        (OrderState.PICKING, OrderAction.SHIP, OrderState.SHIPPED),
        (OrderState.SHIPPED, OrderAction.INVOICE, OrderState.INVOICED),
        (OrderState.INVOICED, OrderAction.PAY, OrderState.PAID),
        (OrderState.PAID, OrderAction.CLOSE, OrderState.CLOSED),
    ]
    for state, action, target in flow:
        assert target in TRANSITIONS[(state, action)]
    assert OrderState.PARTLY_SHIPPED in TRANSITIONS[(OrderState.PICKING, OrderAction.SHIP)]
    backorder = [
        (OrderState.PARTLY_SHIPPED, OrderAction.START_PICKING, OrderState.PICKING),
        (OrderState.PARTLY_SHIPPED, OrderAction.CLOSE_SHORT, OrderState.SHIPPED),
        (OrderState.PICKING, OrderAction.CANCEL_PICKING, OrderState.CONFIRMED),
        (OrderState.PICKING, OrderAction.CANCEL_PICKING, OrderState.PARTLY_SHIPPED),
        (OrderState.PICKING, OrderAction.REPLAN_PICKING, OrderState.PICKING),
    ]
    for state, action, target in backorder:
        assert target in TRANSITIONS[(state, action)]


@pytest.mark.parametrize("state", [OrderState.DRAFT, OrderState.CONFIRMED, OrderState.PICKING])
def test_cancel_is_possible_before_shipping_only(state: OrderState) -> None:
    order = order_in(state)
    order.move(OrderAction.CANCEL)
    assert order.state == OrderState.CANCELLED
    backorder = order_in(state, shipped=Decimal(2))
    if state != OrderState.DRAFT:
        with pytest.raises(StateError, match="shipped goods"):
            backorder.move(OrderAction.CANCEL)
        assert backorder.state == state


@pytest.mark.parametrize("state", [s for s in OrderState if s != OrderState.DRAFT])
def test_only_a_draft_can_be_edited(state: OrderState) -> None:
    order = order_in(state)
    with pytest.raises(StateError):
        order.set_lines([])
    assert len(order.lines) == 1


def test_the_refusal_reads_in_chinese() -> None:
    try:
        i18n.set_language("zh_CN")
        with pytest.raises(StateError) as refused:
            order_in(OrderState.CLOSED).move(OrderAction.SHIP, OrderState.SHIPPED)
        text = refused.value.render(i18n.translate)
        assert "SO2026-000001" in text
        if i18n.translate("terms", "closed") != "closed":
            assert i18n.translate("terms", "closed") in text
    finally:
        i18n.set_language("en")
