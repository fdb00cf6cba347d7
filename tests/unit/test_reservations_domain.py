"""The reservation rules of a sales order, without a database: what confirming reserves,
what a picking list may take, what a delivery uses up, what closing short cancels, and who
loses a reservation when stock disappears."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from retailerp.domain.errors import OverridableRefusal, StateError, ValidationError
from retailerp.domain.fulfilment import (
    PICKING_FLOW,
    Lot,
    PickingAction,
    PickingLine,
    PickingList,
    PickingState,
    picked_lines,
    plan_picking,
)
from retailerp.domain.items import Item
from retailerp.domain.money import Money
from retailerp.domain.sales import (
    OrderLine,
    OrderState,
    SalesOrder,
    confirmation_refusal,
    line_progress,
    reservation_losses,
    reserved_stock_refusal,
    shortages,
    stock_shortfall,
)

D = Decimal
NOW = date(2026, 3, 1)


def order(*quantities: str, state: OrderState = OrderState.CONFIRMED, oid: int = 1) -> SalesOrder:
    o = SalesOrder(number=f"SO2026-{oid:06d}", customer_id=1, order_date=NOW, id=oid)
    o.lines = [
        OrderLine(item_id=1, quantity=D(q), unit_price=Money.of(10), vat_rate=D("0.13"),
                  line_no=n, id=oid * 10 + n)
        for n, q in enumerate(quantities, 1)
    ]  # fmt: skip
    o.state = state
    return o


@pytest.mark.parametrize(
    ("free", "wanted", "reserved"),
    [("10", ["10"], [10]), ("0", ["10"], [0]), ("7", ["5", "5"], [5, 2]), ("-3", ["4"], [0])],
)
def test_confirming_reserves_what_is_free_line_by_line(
    free: str, wanted: list[str], reserved: list[int]
) -> None:
    o = order(*wanted)
    result = o.reserve({1: D(free)})
    assert [line.reserved for line in o.lines] == [D(r) for r in reserved]
    assert result[0].backordered == sum(D(w) for w in wanted) - sum(reserved)


def test_a_line_picks_its_own_reservation_then_only_what_is_truly_free() -> None:
    o = order("6", "6")
    o.lines[0].reserved, o.lines[1].reserved = D(6), D(0)
    assert o.pick_allowance({1: D(0)}) == {11: D(6), 12: D(0)}
    assert o.pick_allowance({1: D(4)}) == {11: D(6), 12: D(4)}
    assert o.pick_allowance({1: D(-2)}) == {11: D(6), 12: D(0)}


def test_the_plan_never_exceeds_the_allowance() -> None:
    o = order("10")
    lots = {1: [Lot(5, "A-01", "", "", None, D(10))]}
    plan = plan_picking(o.lines, lots, {1: "SOAP"}, {11: D(3)})
    assert [(p.bin_code, p.quantity) for p in plan] == [("A-01", D(3))]
    assert plan_picking(o.lines, lots, {1: "SOAP"}, {11: D(0)}) == []


def test_what_goes_on_the_picking_list_is_held_for_the_order() -> None:
    o = order("10")
    o.lines[0].reserved = D(2)
    o.hold_for_picking({11: D(6)})
    assert o.lines[0].reserved == 6
    o.hold_for_picking({11: D(1)})  # a smaller re-plan does not give up the claim
    assert o.lines[0].reserved == 6


def test_a_delivery_uses_up_the_reservation_and_leaves_the_rest_reserved() -> None:
    o = order("10")
    o.lines[0].reserved = D(8)
    o.record_delivery({11: D(5)})
    assert (o.lines[0].shipped, o.lines[0].reserved, o.lines[0].open_quantity) == (5, 3, 5)
    assert o.after_shipment() == OrderState.PARTLY_SHIPPED
    with pytest.raises(ValueError):
        o.record_delivery({11: D(6)})


def test_closing_short_cancels_the_open_rest_and_lowers_what_is_due() -> None:
    o = order("10", "4", state=OrderState.PARTLY_SHIPPED)
    o.lines[0].shipped, o.lines[0].reserved = D(6), D(4)
    o.close_short("discontinued")
    assert [line.cancelled for line in o.lines] == [D(4), D(4)]
    assert [line.reserved for line in o.lines] == [D(0), D(0)]
    assert o.state == OrderState.SHIPPED and o.short_reason == "discontinued"
    assert o.due_totals.gross == Money.of("67.80") and o.totals.gross == Money.of("158.20")
    assert o.uninvoiced == Money.of("67.80") and o.open_value == Money.zero()


def test_nothing_shipped_is_cancelled_not_closed_short() -> None:
    o = order("3", state=OrderState.PICKING)
    with pytest.raises(StateError, match="cancel the order instead"):
        o.close_short("x")
    assert o.state == OrderState.PICKING and o.lines[0].cancelled == 0


def test_cancel_after_a_delivery_points_to_closing_short() -> None:
    o = order("3", state=OrderState.PARTLY_SHIPPED)
    o.lines[0].shipped = D(1)
    with pytest.raises(StateError, match="Close the rest short"):
        o.cancel("x")


def test_cancelling_releases_every_reservation_and_keeps_the_reason() -> None:
    o = order("3", "2")
    o.reserve({1: D(5)})
    o.cancel("customer called")
    assert o.state == OrderState.CANCELLED and all(line.reserved == 0 for line in o.lines)
    assert o.note.endswith("customer called")


def test_the_latest_orders_lose_their_reservation_first() -> None:
    early, late = order("5", oid=1), order("4", oid=2)
    early.reserve({1: D(5)})
    late.reserve({1: D(4)})
    assert stock_shortfall({1: D(3)}, {1: D(9)}) == {1: D(6)}
    assert stock_shortfall({1: D(9)}, {1: D(9)}) == {}
    losses = reservation_losses({1: D(6)}, [early, late])
    assert [(x.order_number, x.quantity) for x in losses] == [
        ("SO2026-000002", D(4)),
        ("SO2026-000001", D(2)),
    ]
    assert (early.lines[0].reserved, late.lines[0].reserved) == (3, 0)
    refusal = reserved_stock_refusal("RV2026-000001", losses, {1: "SOAP"})
    assert isinstance(refusal, OverridableRefusal)
    assert "SO2026-000002 (SOAP 4)" in refusal.render()


def test_stock_and_credit_refusals_at_confirmation_may_be_overridden() -> None:
    o = order("5")
    items = {1: Item(sku="SOAP", name="Soap", price=Money.of(10), vat_rate=D("0.13"), id=1)}
    short = shortages(o, {1: D(2)}, items)
    refusal = confirmation_refusal(o, short, None)
    assert isinstance(refusal, OverridableRefusal)
    assert "SOAP (2/5)" in refusal.render() and "keep their reservations" in refusal.render()
    assert confirmation_refusal(o, shortages(o, {1: D(5)}, items), None) is None


def test_line_progress_shows_delivered_backordered_cancelled_and_invoiced() -> None:
    o = order("10", state=OrderState.PARTLY_SHIPPED)
    o.lines[0].shipped, o.lines[0].reserved = D(6), D(1)
    [line] = line_progress(o, {11: D(4)})
    assert (line.ordered, line.delivered, line.backordered, line.invoiced) == (10, 6, 4, 4)
    assert line.reserved == 1 and line.cancelled == 0
    o.state = OrderState.CANCELLED
    assert line_progress(o, {})[0].backordered == 0


def _picking() -> PickingList:
    return PickingList(
        number="PK2026-000001", order_id=1, created_by="u", created_at=None,  # type: ignore[arg-type]
        lines=[PickingLine(order_line_id=11, item_id=1, location_id=5, bin_code="A-01",
                           quantity=D(2), line_no=1)],
    )  # fmt: skip


@pytest.mark.parametrize("picked", [{99: 1}, {1: 1, 2: 1}, {0: 1}])
def test_an_unknown_picking_line_is_refused(picked: dict[int, int]) -> None:
    o = order("2")
    with pytest.raises(ValidationError) as refused:
        picked_lines(_picking(), picked, {line.id: line for line in o.lines})
    unknown = [n for n in picked if n != 1]
    assert set(refused.value.by_field()) == {f"lines.{n}.picked" for n in unknown}
    assert "has no line" in refused.value.render()


def test_a_picking_list_is_shipped_or_voided_once() -> None:
    picking = _picking()
    assert picking.planned() == {11: D(2)}
    picking.move(PickingAction.SHIP)
    assert picking.state == PickingState.DONE
    with pytest.raises(StateError, match="is done: it cannot void"):
        picking.move(PickingAction.VOID)
    assert PICKING_FLOW.actions_from(PickingState.OPEN) == [PickingAction.SHIP, PickingAction.VOID]
    assert PICKING_FLOW.actions_from(PickingState.VOID) == []


def test_the_items_own_bin_is_picked_first_among_equal_expiries() -> None:
    o = order("4")
    lots = {1: [Lot(5, "A-01", "", "", None, D(3)), Lot(6, "C-09", "", "", None, D(3), True)]}
    plan = plan_picking(o.lines, lots, {1: "SOAP"}, {11: D(4)})
    assert [(p.bin_code, p.quantity) for p in plan] == [("A-01", D(1)), ("C-09", D(3))]
    dated = {1: [Lot(5, "A-01", "B1", "", date(2026, 1, 1), D(4)),
                 Lot(6, "C-09", "B2", "", date(2026, 6, 1), D(4), True)]}  # fmt: skip
    assert [p.batch for p in plan_picking(o.lines, dated, {1: "SOAP"})] == ["B1"]  # expiry first


@pytest.mark.parametrize(
    ("requested", "message"),
    [
        (date(2099, 1, 1), "not a plausible date"),
        (date(1900, 1, 1), "not a plausible date"),
        (date(2026, 2, 28), "cannot be in the past"),
        ("soon", ""),
    ],
)
def test_an_implausible_requested_delivery_date_is_refused(requested: object, message: str) -> None:
    from retailerp.domain.sales import clean_order_header

    with pytest.raises(ValidationError) as refused:
        clean_order_header({"requested_date": requested}, NOW)
    assert message in refused.value.by_field()["requested_date"].render()
    assert clean_order_header({"requested_date": date(2026, 3, 5)}, NOW)["requested_date"]
