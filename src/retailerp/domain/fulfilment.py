"""Picking lists (拣货单) and deliveries (送货单 / 出库单).

A picking list says where to take each open order line from: batches first-expiry-first-out,
lines sorted by bin for the walk through the warehouse.  Posting the delivery moves the
picked quantities out of stock to the customer; what was not picked stays on backorder.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from retailerp.domain.errors import FieldError, ValidationError
from retailerp.domain.money import LineAmounts, Money, check_quantity, line_amounts, total
from retailerp.domain.sales import OrderLine
from retailerp.domain.stock import StockMove
from retailerp.domain.text import QT_TRANSLATE_NOOP, Term
from retailerp.domain.workflow import Workflow


class PickingState(StrEnum):
    OPEN = "open"
    DONE = "done"
    VOID = "void"


class PickingAction(StrEnum):
    SHIP = "ship"
    VOID = "void"


PICKING_FLOW: Workflow[PickingState, PickingAction] = Workflow(
    Term(QT_TRANSLATE_NOOP("terms", "Picking list")),
    {
        (PickingState.OPEN, PickingAction.SHIP): frozenset({PickingState.DONE}),
        (PickingState.OPEN, PickingAction.VOID): frozenset({PickingState.VOID}),
    },
    {
        PickingState.OPEN: Term(QT_TRANSLATE_NOOP("terms", "open")),
        PickingState.DONE: Term(QT_TRANSLATE_NOOP("terms", "done")),
        PickingState.VOID: Term(QT_TRANSLATE_NOOP("terms", "void")),
    },
    {
        PickingAction.SHIP: Term(QT_TRANSLATE_NOOP("terms", "ship")),
        PickingAction.VOID: Term(QT_TRANSLATE_NOOP("terms", "void")),
    },
)
"""A picking list is open until its delivery is posted (done) or it is voided: the order
was cancelled, closed short, or the list was re-planned or cancelled back to confirmed."""


@dataclass(frozen=True)
class Lot:
    """Free stock of an item at one place: a bin or warehouse, a batch or serial."""

    location_id: int
    bin_code: str
    batch: str
    serial: str
    expiry: date | None
    quantity: Decimal
    preferred: bool = False
    """The item's own bin (its card's picking place): taken first among equal expiries."""


@dataclass(eq=False)
class PickingLine:
    order_line_id: int
    item_id: int
    location_id: int
    bin_code: str
    quantity: Decimal
    batch: str = ""
    serial: str = ""
    expiry: date | None = None
    line_no: int = 0
    id: int | None = None
    picking_id: int | None = None


@dataclass(eq=False)
class PickingList:
    number: str
    order_id: int
    created_by: str
    created_at: datetime
    state: PickingState = PickingState.OPEN
    lines: list[PickingLine] = field(default_factory=list)
    id: int | None = None

    def move(self, action: PickingAction) -> None:
        self.state = PICKING_FLOW.move(self.state, action, self.number)

    def planned(self) -> dict[int, Decimal]:
        """Quantity on the list per order line id."""
        result: dict[int, Decimal] = {}
        for line in self.lines:
            result[line.order_line_id] = result.get(line.order_line_id, Decimal(0)) + line.quantity
        return result


def fefo(lots: Sequence[Lot]) -> list[Lot]:
    """First expiry first out; lots without expiry last; among equal expiries the item's own
    bin first, then by bin for a short walk."""
    return sorted(
        lots,
        key=lambda lot: (
            lot.expiry is None,
            lot.expiry or date.max,
            not lot.preferred,
            lot.bin_code,
            lot.batch,
            lot.serial,
        ),
    )


def plan_picking(
    order_lines: Sequence[OrderLine],
    lots: Mapping[int, Sequence[Lot]],
    sku_of: Mapping[int, str],
    allowance: Mapping[int, Decimal] | None = None,
) -> list[PickingLine]:
    """Where to pick every open order line from; lines come sorted by bin, then SKU.

    ``allowance`` (order line id → quantity) caps what each line may take: its own
    reservation plus what is truly free (see ``SalesOrder.pick_allowance``); without it a
    line takes its whole open quantity.  A lot serves several lines of the same item in
    turn; what cannot be covered is simply not on the list (it stays on backorder).
    """
    remaining = {
        item_id: {i: lot.quantity for i, lot in enumerate(fefo(item_lots))}
        for item_id, item_lots in lots.items()
    }
    ordered = {item_id: fefo(item_lots) for item_id, item_lots in lots.items()}
    picks: list[PickingLine] = []
    for line in order_lines:
        need = line.open_quantity
        if allowance is not None:
            need = min(need, allowance.get(line.id or 0, Decimal(0)))
        for i, lot in enumerate(ordered.get(line.item_id, [])):
            if need <= 0:
                break
            take = min(need, remaining[line.item_id][i])
            if take <= 0:
                continue
            remaining[line.item_id][i] -= take
            need -= take
            picks.append(
                PickingLine(
                    order_line_id=line.id or 0,
                    item_id=line.item_id,
                    location_id=lot.location_id,
                    bin_code=lot.bin_code,
                    quantity=take,
                    batch=lot.batch,
                    serial=lot.serial,
                    expiry=lot.expiry,
                )
            )
    picks.sort(key=lambda p: (p.bin_code, sku_of.get(p.item_id, ""), p.expiry or date.max))
    for n, pick in enumerate(picks, 1):
        pick.line_no = n
    return picks


@dataclass(eq=False)
class DeliveryLine:
    order_line_id: int
    item_id: int
    location_id: int
    quantity: Decimal
    unit_price: Money
    vat_rate: Decimal
    discount: Decimal = Decimal(0)
    batch: str = ""
    serial: str = ""
    expiry: date | None = None
    line_no: int = 0
    id: int | None = None
    delivery_id: int | None = None

    @property
    def amounts(self) -> LineAmounts:
        return line_amounts(self.quantity, self.unit_price, self.vat_rate, self.discount)


@dataclass(eq=False)
class Delivery:
    number: str
    order_id: int
    customer_id: int
    delivery_date: date
    posted_by: str
    posted_at: datetime
    picking_id: int | None = None
    invoice_id: int | None = None
    lines: list[DeliveryLine] = field(default_factory=list)
    id: int | None = None

    @property
    def totals(self) -> LineAmounts:
        return total([line.amounts for line in self.lines])

    def quantities(self) -> dict[int, Decimal]:
        """Delivered quantity per order line id."""
        result: dict[int, Decimal] = {}
        for line in self.lines:
            result[line.order_line_id] = result.get(line.order_line_id, Decimal(0)) + line.quantity
        return result


def picked_lines(
    picking: PickingList, picked: Mapping[int, object] | None, order_lines: Mapping[int, OrderLine]
) -> list[DeliveryLine]:
    """Delivery lines from a picking list; ``picked`` maps picking line number → quantity
    actually picked (missing = as listed; 0 = not picked).  Prices come from the order."""
    lines: list[DeliveryLine] = []
    errors = _unknown_lines(picking, picked or {})
    for pick in picking.lines:
        raw = (picked or {}).get(pick.line_no, pick.quantity)
        name = f"lines.{pick.line_no}.picked"
        try:
            qty = check_quantity(raw, name, allow_zero=True)
        except FieldError as error:
            errors.append(error)
            continue
        if qty > pick.quantity:
            errors.append(
                FieldError(
                    name,
                    QT_TRANSLATE_NOOP(
                        "errors", "Line {n}: {picked} picked, but the list says {listed}."
                    ),
                    n=pick.line_no,
                    picked=f"{qty.normalize():f}",
                    listed=f"{pick.quantity.normalize():f}",
                )
            )
            continue
        if qty == 0:
            continue
        order_line = order_lines[pick.order_line_id]
        lines.append(
            DeliveryLine(
                order_line_id=pick.order_line_id,
                item_id=pick.item_id,
                location_id=pick.location_id,
                quantity=qty,
                unit_price=order_line.unit_price,
                vat_rate=order_line.vat_rate,
                discount=order_line.discount,
                batch=pick.batch,
                serial=pick.serial,
                expiry=pick.expiry,
                line_no=len(lines) + 1,
            )
        )
    if errors:
        raise ValidationError(errors)
    if not lines:
        raise FieldError(
            "lines",
            QT_TRANSLATE_NOOP(
                "errors", "Nothing was picked: a delivery needs at least one picked line."
            ),
        )
    return lines


def _unknown_lines(picking: PickingList, picked: Mapping[int, object]) -> list[FieldError]:
    """A quantity for a line the picking list does not have is refused, never ignored."""
    known = {pick.line_no for pick in picking.lines}
    return [
        FieldError(
            f"lines.{number}.picked",
            QT_TRANSLATE_NOOP(
                "errors", "Picking list {picking} has no line {n} (it has lines 1 to {last})."
            ),
            picking=picking.number,
            n=number,
            last=len(picking.lines),
        )
        for number in picked
        if number not in known
    ]


def delivery_moves(delivery: Delivery, customers_location_id: int) -> list[StockMove]:
    """Goods issue: every delivered quantity leaves its place for the customers' end."""
    return [
        StockMove(
            item_id=line.item_id,
            quantity=line.quantity,
            from_location_id=line.location_id,
            to_location_id=customers_location_id,
            doc_type="DN",
            doc_number=delivery.number,
            user=delivery.posted_by,
            at=delivery.posted_at,
            batch=line.batch,
            serial=line.serial,
            expiry=line.expiry,
        )
        for line in delivery.lines
    ]
