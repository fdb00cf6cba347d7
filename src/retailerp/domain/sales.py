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
from typing import Any

from retailerp.domain import validation as v
from retailerp.domain.errors import FieldError, StateError, ValidationError
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
    SHIPPED = "shipped"
    INVOICED = "invoiced"
    PAID = "paid"
    CLOSED = "closed"
    CANCELLED = "cancelled"


ORDER_STATE_LABELS = {
    OrderState.DRAFT: Term(QT_TRANSLATE_NOOP("terms", "draft")),
    OrderState.CONFIRMED: Term(QT_TRANSLATE_NOOP("terms", "confirmed")),
    OrderState.PICKING: Term(QT_TRANSLATE_NOOP("terms", "picking")),
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
    SHIP = "ship"
    INVOICE = "invoice"
    PAY = "pay"
    CLOSE = "close"
    CANCEL = "cancel"


ORDER_ACTION_LABELS = {
    OrderAction.EDIT: Term(QT_TRANSLATE_NOOP("terms", "edit")),
    OrderAction.CONFIRM: Term(QT_TRANSLATE_NOOP("terms", "confirm")),
    OrderAction.START_PICKING: Term(QT_TRANSLATE_NOOP("terms", "start picking")),
    OrderAction.SHIP: Term(QT_TRANSLATE_NOOP("terms", "ship")),
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
    (S.PICKING, A.SHIP): frozenset({S.SHIPPED, S.CONFIRMED}),
    (S.PICKING, A.PAY): frozenset({S.PICKING}),
    (S.PICKING, A.CANCEL): frozenset({S.CANCELLED}),
    (S.SHIPPED, A.INVOICE): frozenset({S.INVOICED}),
    (S.SHIPPED, A.PAY): frozenset({S.SHIPPED}),
    (S.INVOICED, A.PAY): frozenset({S.INVOICED, S.PAID}),
    (S.PAID, A.CLOSE): frozenset({S.CLOSED}),
}
"""Every move an order may make: (state, action) → the states it can end in.

SHIP ends in CONFIRMED when a backorder remains; PAY leaves the state unchanged until an
invoiced order is paid in full.  A pair that is not here is refused."""
del S, A


def check_transition(state: OrderState, action: OrderAction, number: str) -> frozenset[OrderState]:
    """The states ``action`` may lead to from ``state``; a refusal names both."""
    targets = TRANSITIONS.get((state, action))
    if targets is None:
        raise StateError(
            QT_TRANSLATE_NOOP("errors", "Order {number} is {state}: it cannot {action}."),
            number=number,
            state=ORDER_STATE_LABELS[state],
            action=ORDER_ACTION_LABELS[action],
        )
    return targets


@dataclass(eq=False)
class OrderLine:
    """One line: quantity ordered, price, discount, VAT; what is reserved and shipped."""

    item_id: int
    quantity: Decimal
    unit_price: Money
    vat_rate: Decimal
    discount: Decimal = Decimal(0)
    reserved: Decimal = Decimal(0)
    shipped: Decimal = Decimal(0)
    line_no: int = 0
    id: int | None = None
    order_id: int | None = None

    @property
    def amounts(self) -> LineAmounts:
        return line_amounts(self.quantity, self.unit_price, self.vat_rate, self.discount)

    @property
    def open_quantity(self) -> Decimal:
        """Ordered but not yet shipped (the backorder once something has shipped)."""
        return self.quantity - self.shipped


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
        return total([line.amounts for line in self.lines])

    @property
    def uninvoiced(self) -> Money:
        """Gross value not yet invoiced: counts against credit until it is invoiced."""
        return self.totals.gross - self.invoiced

    @property
    def open_value(self) -> Money:
        """Gross value of what is not yet shipped (counts against credit until invoiced)."""
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

    def move(self, action: OrderAction, target: OrderState | None = None) -> None:
        """Apply ``action``; ``target`` chooses among the table's states where it allows two."""
        targets = check_transition(self.state, action, self.number)
        if target is None:
            if len(targets) != 1:
                raise ValueError(f"{action} from {self.state} needs an explicit target")
            (target,) = targets
        if target not in targets:
            raise ValueError(f"{action} cannot lead from {self.state} to {target}")
        if action == OrderAction.CANCEL and self.has_shipped:
            raise StateError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "Order {number} has shipped goods; it can no longer be cancelled. Return "
                    "the goods instead.",
                ),
                number=self.number,
            )
        self.state = target

    def set_lines(self, lines: Sequence[OrderLine]) -> None:
        """Replace the lines of a draft."""
        check_transition(self.state, OrderAction.EDIT, self.number)
        self.lines = list(lines)
        for n, line in enumerate(self.lines, 1):
            line.line_no = n


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
    if requested is not None and (not isinstance(requested, date) or requested < today):
        errors.append(
            FieldError(
                "requested_date",
                QT_TRANSLATE_NOOP("errors", "The requested delivery date cannot be in the past."),
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


@dataclass(frozen=True)
class CreditCheck:
    limit: Money
    open_balance: Money
    open_orders: Money
    this_order: Money

    @property
    def exposure(self) -> Money:
        return self.open_balance + self.open_orders + self.this_order

    @property
    def exceeded(self) -> bool:
        return self.exposure > self.limit


def shortages(
    order: SalesOrder, available: Mapping[int, Decimal], items: Mapping[int, Item]
) -> list[Shortage]:
    """Lines whose item has less free stock than the order wants (summed per item)."""
    wanted: dict[int, Decimal] = {}
    for line in order.lines:
        wanted[line.item_id] = wanted.get(line.item_id, Decimal(0)) + line.open_quantity
    return [
        Shortage(item_id, items[item_id].sku, qty, available.get(item_id, Decimal(0)))
        for item_id, qty in wanted.items()
        if qty > available.get(item_id, Decimal(0))
    ]


def confirmation_refusal(
    order: SalesOrder, short: Sequence[Shortage], credit: CreditCheck | None
) -> StateError | None:
    """Why the order may not be confirmed as it stands, or None."""
    if short:
        detail = ", ".join(
            f"{s.sku} ({s.available.normalize():f}/{s.wanted.normalize():f})" for s in short
        )
        return StateError(
            QT_TRANSLATE_NOOP(
                "errors",
                "Order {number} cannot be confirmed: not enough free stock for {detail}. "
                "An owner may confirm it anyway, with a reason; the rest stays on backorder.",
            ),
            number=order.number,
            detail=detail,
            field="lines",
        )
    if credit is not None and credit.exceeded:
        return StateError(
            QT_TRANSLATE_NOOP(
                "errors",
                "Order {number} would take the customer to {exposure} against a credit "
                "limit of {limit} (open invoices {balance}, open orders {orders}). An owner may "
                "confirm it anyway, with a reason.",
            ),
            number=order.number,
            exposure=str(credit.exposure),
            limit=str(credit.limit),
            balance=str(credit.open_balance),
            orders=str(credit.open_orders),
            field="customer",
        )
    return None


def check_can_ship(order: SalesOrder) -> None:
    """Prepaid orders ship only once the payment covers the order."""
    if order.payment_mode == PaymentMode.PREPAID and order.prepaid < order.totals.gross:
        raise StateError(
            QT_TRANSLATE_NOOP(
                "errors",
                "Order {number} is prepaid: record the payment of {amount} before "
                "shipping (received so far: {paid}).",
            ),
            number=order.number,
            amount=str(order.totals.gross),
            paid=str(order.prepaid),
        )
