"""Sales orders (销售订单): lines and totals, the state machine, payment modes, credit.

An order is edited only while it is a draft.  Confirmation reserves stock and checks credit;
a refusal says why and an owner may override it with a recorded reason.  Picking, delivery,
invoicing and payment move it on; a partial delivery leaves a backorder on the same order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from retailerp.domain import validation as v
from retailerp.domain.errors import FieldError, OverridableRefusal, StateError, ValidationError
from retailerp.domain.items import Item, line_item
from retailerp.domain.money import (
    LineAmounts,
    Money,
    check_price,
    check_quantity,
    check_vat_rate,
    line_amounts,
    net_unit_price,
    to_decimal,
    total,
)
from retailerp.domain.text import QT_TRANSLATE_NOOP, Term
from retailerp.domain.workflow import Workflow

if TYPE_CHECKING:
    from retailerp.domain.credit import CreditCheck


class PaymentMode(StrEnum):
    PREPAID = "prepaid"
    CASH_ON_DELIVERY = "cod"
    CREDIT = "credit"


PAYMENT_MODE_LABELS = {
    PaymentMode.PREPAID: QT_TRANSLATE_NOOP("terms", "prepaid (payment before delivery)"),
    PaymentMode.CASH_ON_DELIVERY: QT_TRANSLATE_NOOP("terms", "cash on delivery"),
    PaymentMode.CREDIT: QT_TRANSLATE_NOOP("terms", "on credit"),
}


class OrderState(StrEnum):
    DRAFT = "draft"
    CONFIRMED = "confirmed"
    PICKING = "picking"
    PARTLY_SHIPPED = "partly_shipped"
    SHIPPED = "shipped"
    INVOICED = "invoiced"
    PAID = "paid"
    CLOSED = "closed"
    CANCELLED = "cancelled"


ORDER_STATE_LABELS = {
    OrderState.DRAFT: Term(QT_TRANSLATE_NOOP("terms", "draft")),
    OrderState.CONFIRMED: Term(QT_TRANSLATE_NOOP("terms", "confirmed")),
    OrderState.PICKING: Term(QT_TRANSLATE_NOOP("terms", "picking")),
    OrderState.PARTLY_SHIPPED: Term(QT_TRANSLATE_NOOP("terms", "partly shipped")),
    OrderState.SHIPPED: Term(QT_TRANSLATE_NOOP("terms", "shipped")),
    OrderState.INVOICED: Term(QT_TRANSLATE_NOOP("terms", "invoiced")),
    OrderState.PAID: Term(QT_TRANSLATE_NOOP("terms", "paid")),
    OrderState.CLOSED: Term(QT_TRANSLATE_NOOP("terms", "closed")),
    OrderState.CANCELLED: Term(QT_TRANSLATE_NOOP("terms", "cancelled")),
}


class OrderAction(StrEnum):
    EDIT = "edit"
    CONFIRM = "confirm"
    START_PICKING = "start_picking"
    REPLAN_PICKING = "replan_picking"
    CANCEL_PICKING = "cancel_picking"
    SHIP = "ship"
    CLOSE_SHORT = "close_short"
    INVOICE = "invoice"
    PAY = "pay"
    CLOSE = "close"
    CANCEL = "cancel"


ORDER_ACTION_LABELS = {
    OrderAction.EDIT: Term(QT_TRANSLATE_NOOP("terms", "edit")),
    OrderAction.CONFIRM: Term(QT_TRANSLATE_NOOP("terms", "confirm")),
    OrderAction.START_PICKING: Term(QT_TRANSLATE_NOOP("terms", "start picking")),
    OrderAction.REPLAN_PICKING: Term(QT_TRANSLATE_NOOP("terms", "re-plan the picking list")),
    OrderAction.CANCEL_PICKING: Term(QT_TRANSLATE_NOOP("terms", "cancel the picking list")),
    OrderAction.SHIP: Term(QT_TRANSLATE_NOOP("terms", "ship")),
    OrderAction.CLOSE_SHORT: Term(QT_TRANSLATE_NOOP("terms", "close short (cancel the rest)")),
    OrderAction.INVOICE: Term(QT_TRANSLATE_NOOP("terms", "create an invoice")),
    OrderAction.PAY: Term(QT_TRANSLATE_NOOP("terms", "record payment")),
    OrderAction.CLOSE: Term(QT_TRANSLATE_NOOP("terms", "close")),
    OrderAction.CANCEL: Term(QT_TRANSLATE_NOOP("terms", "cancel")),
}

S, A = OrderState, OrderAction
TRANSITIONS: dict[tuple[OrderState, OrderAction], frozenset[OrderState]] = {
    (S.DRAFT, A.EDIT): frozenset({S.DRAFT}),
    (S.DRAFT, A.CONFIRM): frozenset({S.CONFIRMED}),
    (S.DRAFT, A.CANCEL): frozenset({S.CANCELLED}),
    (S.CONFIRMED, A.START_PICKING): frozenset({S.PICKING}),
    (S.CONFIRMED, A.PAY): frozenset({S.CONFIRMED}),
    (S.CONFIRMED, A.CANCEL): frozenset({S.CANCELLED}),
    (S.PICKING, A.SHIP): frozenset({S.SHIPPED, S.PARTLY_SHIPPED}),
    (S.PICKING, A.REPLAN_PICKING): frozenset({S.PICKING}),
    (S.PICKING, A.CANCEL_PICKING): frozenset({S.CONFIRMED, S.PARTLY_SHIPPED}),
    (S.PICKING, A.CLOSE_SHORT): frozenset({S.SHIPPED}),
    (S.PICKING, A.PAY): frozenset({S.PICKING}),
    (S.PICKING, A.CANCEL): frozenset({S.CANCELLED}),
    (S.PARTLY_SHIPPED, A.START_PICKING): frozenset({S.PICKING}),
    (S.PARTLY_SHIPPED, A.CLOSE_SHORT): frozenset({S.SHIPPED}),
    (S.PARTLY_SHIPPED, A.PAY): frozenset({S.PARTLY_SHIPPED}),
    (S.SHIPPED, A.INVOICE): frozenset({S.INVOICED}),
    (S.SHIPPED, A.PAY): frozenset({S.SHIPPED}),
    (S.INVOICED, A.PAY): frozenset({S.INVOICED, S.PAID}),
    (S.PAID, A.CLOSE): frozenset({S.CLOSED}),
}
"""Every move an order may make: (state, action) → the states it can end in.

SHIP ends in PARTLY_SHIPPED when a backorder remains; cancelling a picking list goes back to
where the order stood before it (CONFIRMED, or PARTLY_SHIPPED after an earlier delivery);
CLOSE_SHORT ends a backorder (the rest is cancelled, the delivered part is invoiced as
usual).  PAY leaves the state unchanged until an invoiced order is paid in full.  A pair that
is not here is refused."""
del S, A

ORDER = Term(QT_TRANSLATE_NOOP("terms", "Order"))
ORDER_FLOW: Workflow[OrderState, OrderAction] = Workflow(
    ORDER, TRANSITIONS, ORDER_STATE_LABELS, ORDER_ACTION_LABELS
)

RESERVING_STATES = frozenset({OrderState.CONFIRMED, OrderState.PICKING, OrderState.PARTLY_SHIPPED})
"""Orders in these states hold a reservation on the stock they have not yet received."""


def check_transition(state: OrderState, action: OrderAction, number: str) -> frozenset[OrderState]:
    """The states ``action`` may lead to from ``state``; a refusal names both."""
    return ORDER_FLOW.targets(state, action, number)


@dataclass(eq=False)
class OrderLine:
    """One line: quantity ordered, price, discount, VAT; what is reserved, shipped and
    cancelled (closed short)."""

    item_id: int
    quantity: Decimal
    unit_price: Money
    vat_rate: Decimal
    discount: Decimal = Decimal(0)
    reserved: Decimal = Decimal(0)
    shipped: Decimal = Decimal(0)
    cancelled: Decimal = Decimal(0)
    line_no: int = 0
    id: int | None = None
    order_id: int | None = None

    @property
    def amounts(self) -> LineAmounts:
        return line_amounts(self.quantity, self.unit_price, self.vat_rate, self.discount)

    @property
    def due_quantity(self) -> Decimal:
        """What the customer is to receive and pay for: ordered less what was closed short."""
        return self.quantity - self.cancelled

    @property
    def open_quantity(self) -> Decimal:
        """Still to ship (the backorder once something has shipped)."""
        return self.quantity - self.shipped - self.cancelled


@dataclass(frozen=True)
class Reservation:
    """What confirming (or a change of stock) did to one item of an order."""

    item_id: int
    wanted: Decimal
    reserved: Decimal

    @property
    def backordered(self) -> Decimal:
        return self.wanted - self.reserved


@dataclass(eq=False)
class SalesOrder:
    number: str
    customer_id: int
    order_date: date
    payment_mode: PaymentMode = PaymentMode.CREDIT
    requested_date: date | None = None
    state: OrderState = OrderState.DRAFT
    note: str = ""
    override_by: str = ""
    override_reason: str = ""
    short_reason: str = ""
    """Why the rest of a partly shipped order was cancelled (closed short), if it was."""
    prepaid: Money = field(default_factory=Money.zero)
    """Paid against the order before it was invoiced (prepaid and cash-on-delivery orders)."""
    invoiced: Money = field(default_factory=Money.zero)
    """Gross amount of the order's deliveries already invoiced."""
    lines: list[OrderLine] = field(default_factory=list)
    created_by: str = ""
    id: int | None = None
    version: int = 1
    updated_by: str = ""
    updated_at: datetime | None = None

    @property
    def totals(self) -> LineAmounts:
        """The order as it was ordered."""
        return total([line.amounts for line in self.lines])

    @property
    def due_totals(self) -> LineAmounts:
        """The order as it is to be delivered and paid: what was closed short is out."""
        return total(
            [
                line_amounts(line.due_quantity, line.unit_price, line.vat_rate, line.discount)
                for line in self.lines
            ]
        )

    @property
    def uninvoiced(self) -> Money:
        """Gross value still to be invoiced: counts against credit until it is invoiced."""
        return self.due_totals.gross - self.invoiced

    @property
    def open_value(self) -> Money:
        """Gross value of what is not yet shipped."""
        amounts = [
            line_amounts(line.open_quantity, line.unit_price, line.vat_rate, line.discount)
            for line in self.lines
        ]
        return total(amounts).gross

    @property
    def fully_shipped(self) -> bool:
        return all(line.open_quantity <= 0 for line in self.lines)

    @property
    def has_shipped(self) -> bool:
        return any(line.shipped > 0 for line in self.lines)

    @property
    def reserves_stock(self) -> bool:
        return self.state in RESERVING_STATES

    def may(self, action: OrderAction) -> bool:
        """Whether the transition table allows ``action`` now (for enabling buttons)."""
        return ORDER_FLOW.allows(self.state, action)

    def move(self, action: OrderAction, target: OrderState | None = None) -> None:
        """Apply ``action``; ``target`` chooses among the table's states where it allows two."""
        if action == OrderAction.CANCEL and self.has_shipped:
            raise StateError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "Order {number} has shipped goods; it can no longer be cancelled. Close "
                    "the rest short instead, or return the goods.",
                ),
                number=self.number,
            )
        self.state = ORDER_FLOW.move(self.state, action, self.number, target)

    def set_lines(self, lines: Sequence[OrderLine]) -> None:
        """Replace the lines of a draft."""
        check_transition(self.state, OrderAction.EDIT, self.number)
        self.lines = list(lines)
        for n, line in enumerate(self.lines, 1):
            line.line_no = n

    # --- reservation and shipment bookkeeping ------------------------------------------

    def wanted(self) -> dict[int, Decimal]:
        """Open quantity per item (several lines of one item add up)."""
        result: dict[int, Decimal] = {}
        for line in self.lines:
            result[line.item_id] = result.get(line.item_id, Decimal(0)) + line.open_quantity
        return result

    def reserve(self, free: Mapping[int, Decimal]) -> list[Reservation]:
        """Reserve what ``free`` stock (on hand less other orders' reservations) allows,
        line by line in line order; the rest is backorder.  Other orders are never touched."""
        left = {item_id: max(Decimal(0), qty) for item_id, qty in free.items()}
        for line in self.lines:
            take = min(line.open_quantity, left.get(line.item_id, Decimal(0)))
            line.reserved = max(Decimal(0), take)
            left[line.item_id] = left.get(line.item_id, Decimal(0)) - line.reserved
        return self.reservations()

    def reservations(self) -> list[Reservation]:
        """Wanted and reserved per item, as it stands."""
        reserved: dict[int, Decimal] = {}
        for line in self.lines:
            reserved[line.item_id] = reserved.get(line.item_id, Decimal(0)) + line.reserved
        return [
            Reservation(i, qty, reserved.get(i, Decimal(0))) for i, qty in self.wanted().items()
        ]

    def pick_allowance(self, free: Mapping[int, Decimal]) -> dict[int, Decimal]:
        """How much each open line may put on a picking list: its own reservation first,
        then a share of the truly free stock (``free``: on hand less every order's
        reservation, this order's included).  Stock reserved by other orders is never
        planned, so an order confirmed by override picks only what is really free."""
        pool = {item_id: max(Decimal(0), qty) for item_id, qty in free.items()}
        allowance: dict[int, Decimal] = {}
        for line in self.lines:
            own = min(line.reserved, line.open_quantity)
            extra = min(line.open_quantity - own, pool.get(line.item_id, Decimal(0)))
            pool[line.item_id] = pool.get(line.item_id, Decimal(0)) - extra
            allowance[line.id or 0] = own + extra
        return allowance

    def hold_for_picking(self, planned: Mapping[int, Decimal]) -> None:
        """What went on the picking list is reserved for this order (order line id →
        planned quantity); free stock taken by the plan becomes this order's."""
        for line in self.lines:
            taken = planned.get(line.id or 0, Decimal(0))
            line.reserved = min(line.open_quantity, max(line.reserved, taken))

    def record_delivery(self, delivered: Mapping[int, Decimal]) -> None:
        """Book a delivery (order line id → quantity): shipped grows, the reservation of
        what left the warehouse is used up; what was not picked stays reserved."""
        for line in self.lines:
            qty = delivered.get(line.id or 0, Decimal(0))
            if qty > line.open_quantity:
                raise ValueError(f"line {line.line_no}: {qty} delivered, {line.open_quantity} open")
            line.shipped += qty
            line.reserved = max(Decimal(0), line.reserved - qty)

    def release(self) -> None:
        """Give up every reservation (cancelled or closed short)."""
        for line in self.lines:
            line.reserved = Decimal(0)

    def release_item(self, item_id: int, quantity: Decimal) -> Decimal:
        """Give up to ``quantity`` of this item's reservation (latest lines first); returns
        how much was given up."""
        given = Decimal(0)
        for line in reversed(self.lines):
            if line.item_id != item_id or given >= quantity:
                continue
            take = min(line.reserved, quantity - given)
            line.reserved -= take
            given += take
        return given

    def cancel(self, reason: str) -> None:
        """Cancel before anything shipped: reservations are released."""
        self.move(OrderAction.CANCEL)
        self.release()
        self.note = (self.note + "\n" if self.note else "") + reason

    def close_short(self, reason: str) -> None:
        """End a backorder: what is still open is cancelled on every line, the reservation
        and the credit exposure of the rest are released, and the order goes on as shipped
        with what was delivered."""
        if not self.has_shipped:
            raise StateError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "Nothing of order {number} has shipped yet: cancel the order instead of "
                    "closing it short.",
                ),
                number=self.number,
            )
        self.move(OrderAction.CLOSE_SHORT)
        for line in self.lines:
            line.cancelled += line.open_quantity
        self.release()
        self.short_reason = reason

    def after_shipment(self) -> OrderState:
        """Where a shipment, or a cancelled picking list, leaves the order."""
        if self.fully_shipped:
            return OrderState.SHIPPED
        return OrderState.PARTLY_SHIPPED if self.has_shipped else OrderState.CONFIRMED


@dataclass(frozen=True)
class LineProgress:
    """Where one order line stands: ordered, delivered, backordered, cancelled, invoiced."""

    line_no: int
    item_id: int
    ordered: Decimal
    delivered: Decimal
    backordered: Decimal
    cancelled: Decimal
    invoiced: Decimal
    reserved: Decimal


def line_progress(order: SalesOrder, invoiced: Mapping[int, Decimal]) -> list[LineProgress]:
    """Each line's progress; ``invoiced`` maps order line id → quantity on invoiced
    deliveries."""
    open_order = order.state not in (OrderState.DRAFT, OrderState.CANCELLED)
    return [
        LineProgress(
            line.line_no,
            line.item_id,
            line.quantity,
            line.shipped,
            line.open_quantity if open_order else Decimal(0),
            line.cancelled,
            invoiced.get(line.id or 0, Decimal(0)),
            line.reserved,
        )
        for line in order.lines
    ]


MAX_DISCOUNT = Decimal("1")


def clean_order_line(
    index: int, raw: Mapping[str, Any], items: Mapping[int, Item], price_floor: Decimal
) -> OrderLine:
    """Check one order line (fields ``lines.<n>.<field>``, n from 1).

    ``price_floor`` is the share of the list price below which a net unit price is refused
    (0.5 = not below half the list price); 0 turns the floor off.  A line whose
    ``price_includes_tax`` is true gives its ``unit_price`` with VAT included: it is turned
    into the net unit price by :func:`~retailerp.domain.money.net_unit_price` (the line's
    gross then reproduces quantity × that price where any cent price can).  A line above the
    ceiling of :func:`~retailerp.domain.money.line_amounts` is refused (``lines.<n>.gross``).
    """
    prefix = f"lines.{index + 1}."
    item = line_item(raw, items, prefix)
    qty = check_quantity(raw.get("quantity"), prefix + "quantity")
    price_raw = raw.get("unit_price")
    price = item.price if price_raw in (None, "") else check_price(price_raw, prefix + "unit_price")
    discount = _discount(raw.get("discount"), prefix + "discount")
    vat_raw = raw.get("vat_rate")
    vat = item.vat_rate if vat_raw in (None, "") else check_vat_rate(vat_raw, prefix + "vat_rate")
    gross_given = raw.get("price_includes_tax") or False
    if not isinstance(gross_given, bool):
        raise FieldError(
            prefix + "price_includes_tax", QT_TRANSLATE_NOOP("errors", "Choose yes or no.")
        )
    if gross_given and price_raw not in (None, ""):
        price = net_unit_price(price, qty, vat, discount)
    net_unit = price.amount * (1 - discount)
    floor = (item.price.amount * price_floor).quantize(Decimal("0.01"))
    if price_floor and net_unit < floor:
        raise FieldError(
            prefix + "unit_price",
            QT_TRANSLATE_NOOP(
                "errors", "The net price of {sku} ({price}) is below the floor of {floor}."
            ),
            sku=item.sku,
            price=f"{net_unit:.2f}",
            floor=f"{floor:.2f}",
        )
    line = OrderLine(
        item_id=item.id or 0,
        quantity=qty,
        unit_price=price,
        vat_rate=vat,
        discount=discount,
        line_no=index + 1,
    )
    try:
        line.amounts  # noqa: B018 - the ceiling of a line
    except FieldError as error:
        raise FieldError(
            prefix + (error.field or "gross"), error.template, **error.params
        ) from None
    return line


def _discount(value: object, field_name: str) -> Decimal:
    """A discount typed as a percentage (5 = 5 %) or a fraction (0.05)."""
    if value in (None, ""):
        return Decimal(0)
    discount = to_decimal(value, field_name)
    if discount >= 1:
        discount = discount / 100
    if not Decimal(0) <= discount < MAX_DISCOUNT:
        raise FieldError(
            field_name, QT_TRANSLATE_NOOP("errors", "A discount is between 0 and 99.99%.")
        )
    return discount.quantize(Decimal("0.0001"))


def clean_order_lines(
    raw_lines: Sequence[Mapping[str, Any]], items: Mapping[int, Item], price_floor: Decimal
) -> list[OrderLine]:
    """Check every line at once; an order needs at least one."""
    lines, errors = v.document_lines(
        raw_lines, lambda i, raw: clean_order_line(i, raw, items, price_floor)
    )
    if errors:
        raise ValidationError(errors)
    return lines


def clean_order_header(values: Mapping[str, Any], today: date) -> dict[str, Any]:
    """Payment mode, requested delivery date (not in the past) and note."""
    errors: list[FieldError] = []
    clean: dict[str, Any] = {}
    try:
        clean["payment_mode"] = PaymentMode(values.get("payment_mode") or PaymentMode.CREDIT)
    except ValueError:
        errors.append(
            FieldError(
                "payment_mode",
                QT_TRANSLATE_NOOP("errors", "Choose prepaid, cash on delivery or on credit."),
            )
        )
    requested = values.get("requested_date")
    if requested is not None:
        try:
            requested = v.document_date(requested, "requested_date", today)
        except FieldError as error:
            errors.append(error)
        else:
            if requested < today:
                errors.append(
                    FieldError(
                        "requested_date",
                        QT_TRANSLATE_NOOP(
                            "errors", "The requested delivery date cannot be in the past."
                        ),
                    )
                )
    clean["requested_date"] = requested
    try:
        clean["note"] = v.optional_text(values.get("note"), "note", 500)
    except FieldError as error:
        errors.append(error)
    if errors:
        raise ValidationError(errors)
    return clean


# --- confirmation checks -----------------------------------------------------------------


@dataclass(frozen=True)
class Shortage:
    item_id: int
    sku: str
    wanted: Decimal
    available: Decimal


def __getattr__(name: str) -> Any:
    """``CreditCheck`` lives in :mod:`retailerp.domain.credit`, which builds on this module
    (orders and their states); it is still importable from here."""
    if name == "CreditCheck":
        from retailerp.domain import credit

        return credit.CreditCheck
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def shortages(
    order: SalesOrder, available: Mapping[int, Decimal], items: Mapping[int, Item]
) -> list[Shortage]:
    """Lines whose item has less free stock than the order wants (summed per item)."""
    return [
        Shortage(item_id, items[item_id].sku, qty, available.get(item_id, Decimal(0)))
        for item_id, qty in order.wanted().items()
        if qty > available.get(item_id, Decimal(0))
    ]


def confirmation_refusal(
    order: SalesOrder, short: Sequence[Shortage], credit: CreditCheck | None
) -> OverridableRefusal | None:
    """Why the order may not be confirmed as it stands, or None.  Both refusals may be
    overridden by the owner with a reason."""
    if short:
        detail = ", ".join(
            f"{s.sku} ({s.available.normalize():f}/{s.wanted.normalize():f})" for s in short
        )
        return OverridableRefusal(
            QT_TRANSLATE_NOOP(
                "errors",
                "Order {number} cannot be confirmed: not enough free stock for {detail}. "
                "An owner may confirm it anyway, with a reason: it then reserves only the free "
                "stock, the rest waits on backorder, and other orders keep their reservations.",
            ),
            number=order.number,
            detail=detail,
            field="lines",
        )
    return credit.refusal(order.number) if credit is not None else None


def check_can_ship(order: SalesOrder) -> None:
    """Prepaid orders ship only once the payment covers the order."""
    if order.payment_mode == PaymentMode.PREPAID and order.prepaid < order.due_totals.gross:
        raise StateError(
            QT_TRANSLATE_NOOP(
                "errors",
                "Order {number} is prepaid: record the payment of {amount} before "
                "shipping (received so far: {paid}).",
            ),
            number=order.number,
            amount=str(order.due_totals.gross),
            paid=str(order.prepaid),
        )


# --- stock taken away from under reservations ----------------------------------------------


@dataclass(frozen=True)
class ReservationLoss:
    """An order that gives up part of its reservation because the stock is no longer there."""

    order_number: str
    item_id: int
    quantity: Decimal


def reservation_losses(
    shortfall: Mapping[int, Decimal], orders: Sequence[SalesOrder]
) -> list[ReservationLoss]:
    """Which orders lose which reservation when an item's saleable stock falls ``shortfall``
    below what is reserved: the latest confirmed order first (the earliest keep theirs).
    ``orders`` are the reserving orders; their reservations are reduced in place."""
    losses: list[ReservationLoss] = []
    for item_id, missing in shortfall.items():
        left = missing
        for order in sorted(orders, key=lambda o: o.id or 0, reverse=True):
            if left <= 0:
                break
            given = order.release_item(item_id, left)
            if given > 0:
                losses.append(ReservationLoss(order.number, item_id, given))
                left -= given
    return losses


def stock_shortfall(
    on_hand_after: Mapping[int, Decimal], reserved: Mapping[int, Decimal]
) -> dict[int, Decimal]:
    """Per item, how far saleable stock would fall below what orders have reserved."""
    return {
        item_id: qty - on_hand_after.get(item_id, Decimal(0))
        for item_id, qty in reserved.items()
        if qty > on_hand_after.get(item_id, Decimal(0))
    }


def reserved_stock_refusal(
    document: str, losses: Sequence[ReservationLoss], sku_of: Mapping[int, str]
) -> OverridableRefusal:
    """Refusal of a stock change (reversal, count) that would take away reserved stock."""
    detail = ", ".join(
        f"{loss.order_number} ({sku_of.get(loss.item_id, loss.item_id)} "
        f"{loss.quantity.normalize():f})"
        for loss in losses
    )
    return OverridableRefusal(
        QT_TRANSLATE_NOOP(
            "errors",
            "{document} would take away stock that orders have reserved: {detail}. An owner "
            "may post it anyway, with a reason; those orders then lose that reservation and "
            "wait on backorder.",
        ),
        document=document,
        detail=detail,
        field="lines",
    )
