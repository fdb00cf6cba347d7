"""Customer consignment (客户寄售): our goods on a customer's shelf until the customer sells them.

Each consignment customer has a location of its own (kind ``consignment``, keyed by the
customer's id, made on first use).  Five numbered documents move stock through it:

- **fill-up** (寄售补货): warehouse → the customer's consignment location; planned first
  (first expiry first out, like a picking list), then posted.  No invoice, no revenue.
- **issue** (寄售发货 / 结算): what the customer sold leaves consignment for "sold"
  (``CUSTOMERS``), batches named; then it is invoiced like any sale.
- **pickup** (寄售提货): unwanted, sound goods come back into a warehouse bin.  Defective
  goods are refused here: they go through a return into quarantine.
- **return** (寄售退货): goods already issued come back from the customer's own customer into
  consignment stock; the credit (a red invoice) is blocked for billing until released.
- **count**: counted quantities at the customer; sold = book − counted, drafted as an issue.

Goods at a customer age in **layers**, first in first out: each fill-up (and return, and a
surplus booked by a count) adds a layer per item and batch, each issue or pickup consumes the
oldest layers first.  Layers are worked out from the posted documents in posting order, so a
reversed document simply drops out.  A step that a later one consumed or refers to is
reversed only after that later one (:func:`reversal_blockers`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import Any

from retailerp.domain import validation as v
from retailerp.domain.errors import FieldError, StateError, ValidationError
from retailerp.domain.fulfilment import Lot, fefo
from retailerp.domain.invoicing import Invoice, InvoiceLine
from retailerp.domain.items import Item, Tracking, line_item
from retailerp.domain.money import Money, check_quantity, line_amounts
from retailerp.domain.numbering import DocumentType
from retailerp.domain.stock import StockMove
from retailerp.domain.text import QT_TRANSLATE_NOOP, Term
from retailerp.domain.workflow import Workflow

ZERO = Decimal(0)
DEFAULT_EXPIRY_HORIZON_DAYS = 30


class ConsignmentKind(StrEnum):
    FILL_UP = "fill_up"
    ISSUE = "issue"
    PICKUP = "pickup"
    RETURN = "return"
    COUNT = "count"


KIND_LABELS = {
    ConsignmentKind.FILL_UP: Term(QT_TRANSLATE_NOOP("terms", "Consignment fill-up")),
    ConsignmentKind.ISSUE: Term(QT_TRANSLATE_NOOP("terms", "Consignment issue")),
    ConsignmentKind.PICKUP: Term(QT_TRANSLATE_NOOP("terms", "Consignment pickup")),
    ConsignmentKind.RETURN: Term(QT_TRANSLATE_NOOP("terms", "Consignment return")),
    ConsignmentKind.COUNT: Term(QT_TRANSLATE_NOOP("terms", "Consignment count")),
}

KIND_TYPES = {
    ConsignmentKind.FILL_UP: DocumentType.CONSIGNMENT_FILL_UP,
    ConsignmentKind.ISSUE: DocumentType.CONSIGNMENT_ISSUE,
    ConsignmentKind.PICKUP: DocumentType.CONSIGNMENT_PICKUP,
    ConsignmentKind.RETURN: DocumentType.CONSIGNMENT_RETURN,
    ConsignmentKind.COUNT: DocumentType.CONSIGNMENT_COUNT,
}
"""The number series of each kind of consignment document."""


class ConsignmentState(StrEnum):
    DRAFT = "draft"
    PICKING = "picking"
    POSTED = "posted"
    INVOICED = "invoiced"
    SETTLED = "settled"
    CANCELLED = "cancelled"
    REVERSED = "reversed"


class ConsignmentAction(StrEnum):
    PLAN = "plan"
    POST = "post"
    INVOICE = "invoice"
    SETTLE = "settle"
    CANCEL = "cancel"
    REVERSE = "reverse"


STATE_LABELS = {
    ConsignmentState.DRAFT: Term(QT_TRANSLATE_NOOP("terms", "draft")),
    ConsignmentState.PICKING: Term(QT_TRANSLATE_NOOP("terms", "picking")),
    ConsignmentState.POSTED: Term(QT_TRANSLATE_NOOP("terms", "posted")),
    ConsignmentState.INVOICED: Term(QT_TRANSLATE_NOOP("terms", "invoiced")),
    ConsignmentState.SETTLED: Term(QT_TRANSLATE_NOOP("terms", "settled")),
    ConsignmentState.CANCELLED: Term(QT_TRANSLATE_NOOP("terms", "cancelled")),
    ConsignmentState.REVERSED: Term(QT_TRANSLATE_NOOP("terms", "reversed")),
}

ACTION_LABELS = {
    ConsignmentAction.PLAN: Term(QT_TRANSLATE_NOOP("terms", "plan picking")),
    ConsignmentAction.POST: Term(QT_TRANSLATE_NOOP("terms", "post")),
    ConsignmentAction.INVOICE: Term(QT_TRANSLATE_NOOP("terms", "invoice")),
    ConsignmentAction.SETTLE: Term(QT_TRANSLATE_NOOP("terms", "settle")),
    ConsignmentAction.CANCEL: Term(QT_TRANSLATE_NOOP("terms", "cancel")),
    ConsignmentAction.REVERSE: Term(QT_TRANSLATE_NOOP("terms", "reverse")),
}

S, A = ConsignmentState, ConsignmentAction


def _flow(kind: ConsignmentKind, table: dict[tuple[S, A], S]) -> Workflow[S, A]:
    return Workflow(
        KIND_LABELS[kind],
        {pair: frozenset({target}) for pair, target in table.items()},
        STATE_LABELS,
        ACTION_LABELS,
    )


_SIMPLE = {
    (S.DRAFT, A.POST): S.POSTED,
    (S.DRAFT, A.CANCEL): S.CANCELLED,
    (S.POSTED, A.REVERSE): S.REVERSED,
}

FLOWS: dict[ConsignmentKind, Workflow[S, A]] = {
    ConsignmentKind.FILL_UP: _flow(
        ConsignmentKind.FILL_UP,
        {
            (S.DRAFT, A.PLAN): S.PICKING,
            (S.DRAFT, A.CANCEL): S.CANCELLED,
            (S.PICKING, A.POST): S.POSTED,
            (S.PICKING, A.CANCEL): S.CANCELLED,
            (S.POSTED, A.REVERSE): S.REVERSED,
        },
    ),
    ConsignmentKind.ISSUE: _flow(
        ConsignmentKind.ISSUE,
        {**_SIMPLE, (S.POSTED, A.INVOICE): S.INVOICED, (S.INVOICED, A.REVERSE): S.REVERSED},
    ),
    ConsignmentKind.PICKUP: _flow(ConsignmentKind.PICKUP, dict(_SIMPLE)),
    ConsignmentKind.RETURN: _flow(ConsignmentKind.RETURN, dict(_SIMPLE)),
    ConsignmentKind.COUNT: _flow(
        ConsignmentKind.COUNT,
        {
            (S.DRAFT, A.SETTLE): S.SETTLED,
            (S.DRAFT, A.CANCEL): S.CANCELLED,
            (S.SETTLED, A.REVERSE): S.REVERSED,
        },
    ),
}
"""One workflow table per kind: a fill-up is planned (picking) then posted; an issue is
posted then invoiced; pickups and returns are posted; a count is settled.  Anything posted
is undone only by a reversal, which leaves it *reversed* (and a second one is refused)."""

STOCK_STATES = frozenset({S.POSTED, S.INVOICED, S.SETTLED})
"""States in which a document's moves stand in the ledger."""


class CountDecision(StrEnum):
    """What to do where more was counted at the customer than the books say."""

    KEEP_BOOK = "keep_book"
    """The count is wrong or the goods are not ours: nothing is sold, nothing booked."""
    BOOK_SURPLUS = "book_surplus"
    """An earlier loss turned up again: the surplus is booked into consignment stock."""


DECISION_LABELS = {
    CountDecision.KEEP_BOOK: Term(QT_TRANSLATE_NOOP("terms", "keep the books")),
    CountDecision.BOOK_SURPLUS: Term(QT_TRANSLATE_NOOP("terms", "book the surplus")),
}


@dataclass(eq=False)
class ConsignmentLine:
    item_id: int
    quantity: Decimal
    batch: str = ""
    serial: str = ""
    expiry: date | None = None
    unit_price: Money = field(default_factory=Money.zero)
    vat_rate: Decimal = ZERO
    unit_cost: Money | None = None
    """What one unit of these goods cost us (from the goods receipts for a fill-up or a
    booked surplus, from the layers consumed for an issue or pickup, from the issue line for
    a return); None where the cost is not known."""
    location_id: int | None = None
    """The warehouse bin a fill-up takes from or a pickup puts into."""
    book_quantity: Decimal | None = None
    """A count: what the books said was at the customer."""
    decision: str = ""
    """A count line counted above book: a :class:`CountDecision`."""
    defective: bool = False
    source_line_id: int | None = None
    """A return: the issue line the goods were sold on."""
    line_no: int = 0
    id: int | None = None
    document_id: int | None = None

    @property
    def key(self) -> str:
        return self.serial or self.batch

    @property
    def surplus(self) -> Decimal:
        """A count: counted above book (0 when not above)."""
        return max(ZERO, self.quantity - (self.book_quantity or ZERO))

    @property
    def sold(self) -> Decimal:
        """A count: book − counted (0 when counted is not below book)."""
        return max(ZERO, (self.book_quantity or ZERO) - self.quantity)


@dataclass(eq=False)
class ConsignmentDocument:
    number: str
    kind: ConsignmentKind
    customer_id: int
    location_id: int
    """The customer's consignment location."""
    doc_date: date
    created_by: str
    state: ConsignmentState = ConsignmentState.DRAFT
    note: str = ""
    source_id: int | None = None
    """A return: the issue it takes back; an issue drafted by a count: that count."""
    invoice_id: int | None = None
    billing_block: bool = False
    """A return: its credit waits for release by finance."""
    red_invoice_id: int | None = None
    """A return: the red invoice its release drafted against the issue's blue invoice."""
    posted_at: datetime | None = None
    reversal_number: str = ""
    reversal_reason: str = ""
    version: int = 0
    lines: list[ConsignmentLine] = field(default_factory=list)
    id: int | None = None

    @property
    def flow(self) -> Workflow[ConsignmentState, ConsignmentAction]:
        return FLOWS[self.kind]

    def move(self, action: ConsignmentAction) -> None:
        self.state = self.flow.move(self.state, action, self.number)

    def may(self, action: ConsignmentAction) -> bool:
        return self.flow.allows(self.state, action)

    @property
    def stands(self) -> bool:
        """Its moves are in the ledger (posted and not reversed)."""
        return self.state in STOCK_STATES

    def value(self) -> Money:
        return sum((line.unit_price * line.quantity for line in self.lines), Money.zero())

    def cost(self) -> Money | None:
        """The goods at cost; None when the cost of any line is not known."""
        return cost_of((line.unit_cost, line.quantity) for line in self.lines)


def cost_of(parts: Iterable[tuple[Money | None, Decimal]]) -> Money | None:
    """Σ unit cost × quantity; None (not known) as soon as one part with a quantity has no
    known cost."""
    total = Money.zero()
    for unit_cost, quantity in parts:
        if quantity == 0:
            continue
        if unit_cost is None:
            return None
        total += unit_cost * quantity
    return total


def add_costs(values: Iterable[Money | None]) -> Money | None:
    """The sum of amounts at cost; None (not known) when one of them is not known."""
    total = Money.zero()
    for value in values:
        if value is None:
            return None
        total += value
    return total


# --- lines -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ConsignedLot:
    """What of an item (and batch or serial) sits at a customer."""

    item_id: int
    key: str
    expiry: date | None
    quantity: Decimal


def clean_lines(
    raw_lines: Sequence[Mapping[str, Any]], items: Mapping[int, Item], *, counted: bool = False
) -> list[ConsignmentLine]:
    """Check every line at once (``lines.<n>.<field>``): a known item in use, a quantity
    (a count may be zero), a batch for batch goods where one is named."""
    errors: list[FieldError] = []
    lines: list[ConsignmentLine] = []
    if not raw_lines:
        errors.append(
            FieldError("lines", QT_TRANSLATE_NOOP("errors", "A document needs at least one line."))
        )
    for index, raw in enumerate(raw_lines):
        prefix = f"lines.{index + 1}."
        try:
            item = line_item(raw, items, prefix)
            qty = check_quantity(raw.get("quantity"), prefix + "quantity", allow_zero=counted)
            batch = v.optional_text(str(raw.get("batch") or ""), prefix + "batch", 40)
            serial = v.optional_text(str(raw.get("serial") or ""), prefix + "serial", 60)
        except FieldError as error:
            errors.append(error)
            continue
        decision = str(raw.get("decision") or "")
        if decision and decision not in set(CountDecision):
            errors.append(FieldError(prefix + "decision", QT_TRANSLATE_NOOP(
                "errors", "Choose to keep the books or to book the surplus.")))  # fmt: skip
            continue
        lines.append(
            ConsignmentLine(
                item_id=item.id or 0,
                quantity=qty,
                batch=batch,
                serial=serial,
                unit_price=item.price,
                vat_rate=item.vat_rate,
                location_id=_int_or_none(raw.get("location_id")),
                decision=decision,
                defective=bool(raw.get("defective")),
                source_line_id=_int_or_none(raw.get("source_line_id")),
                line_no=index + 1,
            )
        )
    if errors:
        raise ValidationError(errors)
    return lines


def _int_or_none(value: object) -> int | None:
    return int(value) if value not in (None, "", 0) else None  # type: ignore[call-overload]


def refuse_defective(lines: Sequence[ConsignmentLine]) -> None:
    """A pickup takes back sound goods only; defective goods go through a return."""
    errors = [
        FieldError(
            f"lines.{line.line_no}.defective",
            QT_TRANSLATE_NOOP(
                "errors",
                "Defective goods are not picked up: take them back with a return, which sends "
                "them to quarantine.",
            ),
        )
        for line in lines
        if line.defective
    ]
    if errors:
        raise ValidationError(errors)


def no_stock_at(customer: str) -> StateError:
    return StateError(
        QT_TRANSLATE_NOOP("errors", "Customer {customer} has no consignment stock."),
        customer=customer,
    )


def assign_lots(
    lines: Sequence[ConsignmentLine],
    lots: Sequence[ConsignedLot],
    tracking: Mapping[int, Tracking],
    skus: Mapping[int, str],
) -> list[ConsignmentLine]:
    """The lines taking stock out of a customer's consignment (issue, pickup), each on one
    batch: a named batch must be there with enough; a tracked item without one is split over
    the batches at the customer, first expiry first out.  Everything refused at once."""
    left = {(lot.item_id, lot.key): lot.quantity for lot in lots}
    expiry = {(lot.item_id, lot.key): lot.expiry for lot in lots}
    errors: list[FieldError] = []
    result: list[ConsignmentLine] = []
    for line in lines:
        prefix = f"lines.{line.line_no}."
        sku = skus.get(line.item_id, "")
        if line.key or tracking.get(line.item_id, Tracking.NONE) == Tracking.NONE:
            error = _take_named(line, left, prefix, sku)
            if error is not None:
                errors.append(error)
                continue
            line.expiry = expiry.get((line.item_id, line.key))
            result.append(line)
            continue
        serial = tracking.get(line.item_id) == Tracking.SERIAL
        split, error = _take_fefo(line, lots, left, prefix, sku, serial)
        if error is not None:
            errors.append(error)
        result.extend(split)
    if errors:
        raise ValidationError(errors)
    for n, line in enumerate(result, 1):
        line.line_no = n
    return result


def _take_named(
    line: ConsignmentLine, left: dict[tuple[int, str], Decimal], prefix: str, sku: str
) -> FieldError | None:
    key = (line.item_id, line.key)
    if line.key and key not in left:
        return FieldError(
            prefix + ("serial" if line.serial else "batch"),
            QT_TRANSLATE_NOOP("errors", "Batch {batch} of {sku} is not at the customer."),
            batch=line.key,
            sku=sku,
        )
    available = left.get(key, ZERO)
    if line.quantity > available:
        return _too_many(prefix, sku, line.key, available)
    left[key] = available - line.quantity
    return None


def _take_fefo(
    line: ConsignmentLine,
    lots: Sequence[ConsignedLot],
    left: dict[tuple[int, str], Decimal],
    prefix: str,
    sku: str,
    serial: bool = False,
) -> tuple[list[ConsignmentLine], FieldError | None]:
    mine = sorted(
        (lot for lot in lots if lot.item_id == line.item_id),
        key=lambda lot: (lot.expiry is None, lot.expiry or date.max, lot.key),
    )
    total = sum((left[(lot.item_id, lot.key)] for lot in mine), ZERO)
    if line.quantity > total:
        return [], _too_many(prefix, sku, "", total)
    need, split = line.quantity, []
    for lot in mine:
        take = min(need, left[(lot.item_id, lot.key)])
        if take <= 0:
            continue
        left[(lot.item_id, lot.key)] -= take
        need -= take
        split.append(_on_lot(line, lot, take, serial))
        if need <= 0:
            break
    return split, None


def _on_lot(
    line: ConsignmentLine, lot: ConsignedLot, quantity: Decimal, is_serial: bool
) -> ConsignmentLine:
    serial = lot.key if is_serial else ""
    return ConsignmentLine(
        item_id=line.item_id,
        quantity=quantity,
        batch="" if serial else lot.key,
        serial=serial,
        expiry=lot.expiry,
        unit_price=line.unit_price,
        vat_rate=line.vat_rate,
        location_id=line.location_id,
        defective=line.defective,
    )


def _too_many(prefix: str, sku: str, key: str, available: Decimal) -> FieldError:
    return FieldError(
        prefix + "quantity",
        QT_TRANSLATE_NOOP(
            "errors", "At most {available} of {sku} {batch} is at the customer's consignment."
        ),
        available=f"{max(available, ZERO).normalize():f}",
        sku=sku,
        batch=key,
    )


def check_returnable(
    lines: Sequence[ConsignmentLine], open_per_line: Mapping[int, Decimal], issue: str
) -> None:
    """A return line names a line of the issue and brings back at most what was issued on
    it less what came back already."""
    errors: list[FieldError] = []
    for line in lines:
        prefix = f"lines.{line.line_no}."
        if line.source_line_id not in open_per_line:
            errors.append(FieldError(prefix + "source_line_id", QT_TRANSLATE_NOOP(
                "errors", "Choose a line of issue {issue}."), issue=issue))  # fmt: skip
            continue
        left = open_per_line[line.source_line_id]
        if line.quantity > left:
            errors.append(FieldError(prefix + "quantity", QT_TRANSLATE_NOOP(
                "errors", "At most {open} can come back on this line of {issue}."),
                open=f"{left.normalize():f}", issue=issue))  # fmt: skip
    if errors:
        raise ValidationError(errors)


def plan_fill_up(
    lines: Sequence[ConsignmentLine],
    lots: Mapping[int, Sequence[Lot]],
    free: Mapping[int, Decimal],
    skus: Mapping[int, str],
) -> list[ConsignmentLine]:
    """Where a fill-up's goods are picked: first expiry first out over the pickable lots, at
    most what is free (on hand less what orders have reserved).  Short lines are refused
    together, naming what is free; the plan is sorted by bin."""
    remaining = {item: {i: lot.quantity for i, lot in enumerate(fefo(ls))}
                 for item, ls in lots.items()}  # fmt: skip
    ordered = {item: fefo(ls) for item, ls in lots.items()}
    allowance = dict(free)
    errors: list[FieldError] = []
    plan: list[tuple[str, ConsignmentLine]] = []
    for line in lines:
        pickable = sum(remaining.get(line.item_id, {}).values(), ZERO)
        can = min(pickable, max(ZERO, allowance.get(line.item_id, ZERO)))
        if line.quantity > can:
            errors.append(FieldError(f"lines.{line.line_no}.quantity", QT_TRANSLATE_NOOP(
                "errors", "Only {free} of {sku} is free in the warehouse."),
                free=f"{can.normalize():f}", sku=skus.get(line.item_id, "")))  # fmt: skip
            continue
        allowance[line.item_id] = allowance.get(line.item_id, ZERO) - line.quantity
        need = line.quantity
        for i, lot in enumerate(ordered.get(line.item_id, [])):
            take = min(need, remaining[line.item_id][i])
            if take <= 0:
                continue
            remaining[line.item_id][i] -= take
            need -= take
            picked = ConsignmentLine(
                line.item_id, take, batch=lot.batch, serial=lot.serial, expiry=lot.expiry,
                unit_price=line.unit_price, vat_rate=line.vat_rate, location_id=lot.location_id,
            )  # fmt: skip
            plan.append((lot.bin_code, picked))
            if need <= 0:
                break
    if errors:
        raise ValidationError(errors)
    plan.sort(key=lambda p: (p[0], skus.get(p[1].item_id, ""), p[1].expiry or date.max))
    for n, (_, line) in enumerate(plan, 1):
        line.line_no = n
    return [line for _, line in plan]


def issue_invoice(
    number: str, issue: ConsignmentDocument, invoice_date: date, terms_days: int, user: str,
    at: datetime,
) -> Invoice:  # fmt: skip
    """The blue invoice of a posted issue: one line per issue line, totals the line sums."""
    if issue.kind != ConsignmentKind.ISSUE or issue.invoice_id is not None:
        raise StateError(
            QT_TRANSLATE_NOOP("errors", "{number} cannot be invoiced (again)."),
            number=issue.number,
        )
    lines = []
    for line in issue.lines:
        amounts = line_amounts(line.quantity, line.unit_price, line.vat_rate)
        lines.append(
            InvoiceLine(
                delivery_line_id=None,
                item_id=line.item_id,
                quantity=line.quantity,
                unit_price=line.unit_price,
                vat_rate=line.vat_rate,
                discount=ZERO,
                net=amounts.net,
                vat=amounts.vat,
                gross=amounts.gross,
                line_no=len(lines) + 1,
                consignment_line_id=line.id,
            )  # fmt: skip
        )
    net = sum((ln.net for ln in lines), Money.zero())
    vat = sum((ln.vat for ln in lines), Money.zero())
    return Invoice(
        number=number, customer_id=issue.customer_id, invoice_date=invoice_date,
        due_date=invoice_date + timedelta(days=terms_days), net=net, vat=vat, gross=net + vat,
        posted_by=user, posted_at=at, lines=lines,
    )  # fmt: skip


# --- moves -----------------------------------------------------------------------------------


def moves_for(
    document: ConsignmentDocument, ends: Mapping[str, int], user: str, at: datetime
) -> list[StockMove]:
    """The ledger moves a document posts.  ``ends`` gives the location ids of ``customers``
    (sold) and ``adjustment``; the consignment location is the document's, the bin each
    line's."""
    here = document.location_id
    result = []
    for line in document.lines:
        pair = _ends_of(document.kind, line, here, ends)
        if pair is None:
            continue
        source, target, quantity = pair
        result.append(
            StockMove(
                item_id=line.item_id,
                quantity=quantity,
                from_location_id=source,
                to_location_id=target,
                doc_type=KIND_TYPES[document.kind].value,
                doc_number=document.number,
                user=user,
                at=at,
                batch=line.batch,
                serial=line.serial,
                expiry=line.expiry,
            )
        )
    return result


def _ends_of(
    kind: ConsignmentKind, line: ConsignmentLine, here: int, ends: Mapping[str, int]
) -> tuple[int, int, Decimal] | None:
    if kind == ConsignmentKind.FILL_UP:
        return line.location_id or 0, here, line.quantity
    if kind == ConsignmentKind.ISSUE:
        return here, ends["customers"], line.quantity
    if kind == ConsignmentKind.PICKUP:
        return here, line.location_id or 0, line.quantity
    if kind == ConsignmentKind.RETURN:
        return ends["customers"], here, line.quantity
    if line.decision == CountDecision.BOOK_SURPLUS and line.surplus > 0:
        return ends["adjustment"], here, line.surplus
    return None


# --- layers (first in, first out) ------------------------------------------------------------


@dataclass(eq=False)
class Layer:
    """Goods that came to a customer together: one document, one item and batch."""

    source: str
    received: date
    item_id: int
    key: str
    expiry: date | None
    quantity: Decimal
    unit_price: Money
    remaining: Decimal
    consumed_by: dict[str, Decimal] = field(default_factory=dict)
    unit_cost: Money | None = None
    """None: what these goods cost is not known."""

    def age(self, today: date) -> int:
        """Days the goods have sat at the customer."""
        return max(0, (today - self.received).days)

    @property
    def value(self) -> Money:
        return self.unit_price * self.remaining

    @property
    def cost(self) -> Money | None:
        """What is left of the layer at cost; None when its cost is not known."""
        return None if self.unit_cost is None else self.unit_cost * self.remaining


ADDS = frozenset({ConsignmentKind.FILL_UP, ConsignmentKind.RETURN, ConsignmentKind.COUNT})
TAKES = frozenset({ConsignmentKind.ISSUE, ConsignmentKind.PICKUP})


def build_layers(documents: Iterable[ConsignmentDocument]) -> list[Layer]:
    """The layers at one customer from its documents in posting order; documents not
    standing in the ledger (drafts, cancelled, reversed) count for nothing.  A take consumes
    the oldest layer of its item and batch first."""
    layers: list[Layer] = []
    for document in documents:
        if not document.stands:
            continue
        for line in document.lines:
            if document.kind in ADDS:
                _add_layer(layers, document, line)
            elif document.kind in TAKES:
                _consume(layers, document.number, line.item_id, line.key, line.quantity)
    return [layer for layer in layers if layer.remaining > 0 or layer.consumed_by]


def _add_layer(layers: list[Layer], document: ConsignmentDocument, line: ConsignmentLine) -> None:
    quantity = line.surplus if document.kind == ConsignmentKind.COUNT else line.quantity
    if document.kind == ConsignmentKind.COUNT and line.decision != CountDecision.BOOK_SURPLUS:
        quantity = ZERO
    if quantity <= 0:
        return
    layers.append(
        Layer(
            document.number,
            document.doc_date,
            line.item_id,
            line.key,
            line.expiry,
            quantity,
            line.unit_price,
            quantity,
            unit_cost=line.unit_cost,
        )  # fmt: skip
    )


def _consume(layers: list[Layer], number: str, item_id: int, key: str, qty: Decimal) -> None:
    for layer in layers:
        if qty <= 0:
            return
        if layer.item_id != item_id or layer.key != key or layer.remaining <= 0:
            continue
        take = min(qty, layer.remaining)
        layer.remaining -= take
        layer.consumed_by[number] = layer.consumed_by.get(number, ZERO) + take
        qty -= take


def take_cost(layers: Sequence[Layer], item_id: int, key: str, quantity: Decimal) -> Money | None:
    """The unit cost of ``quantity`` of an item and batch taken from a customer now: the
    oldest layers first, as :func:`build_layers` will consume them, weighted by what each
    gives (rounded half up to the cent).  None when one of those layers has no known cost or
    the layers do not cover the quantity."""
    need, total = quantity, Money.zero()
    for layer in layers:
        if need <= 0:
            break
        if (layer.item_id, layer.key) != (item_id, key) or layer.remaining <= 0:
            continue
        take = min(need, layer.remaining)
        if layer.unit_cost is None:
            return None
        total += layer.unit_cost * take
        need -= take
    if need > 0 or quantity <= 0:
        return None
    return Money.of(total.amount / quantity)


def cost_takes(document: ConsignmentDocument, layers: Sequence[Layer]) -> None:
    """Give each line of an issue or pickup about to be posted the cost of the layers it
    will consume (``layers``: the customer's layers before it)."""
    working = [replace(layer, consumed_by={}) for layer in layers]
    for line in document.lines:
        line.unit_cost = take_cost(working, line.item_id, line.key, line.quantity)
        _consume(working, document.number, line.item_id, line.key, line.quantity)


def open_layers(layers: Iterable[Layer]) -> list[Layer]:
    return [layer for layer in layers if layer.remaining > 0]


def oldest_age(layers: Iterable[Layer], today: date) -> int | None:
    """Days since the oldest goods still at the customer came; None when nothing is there."""
    ages = [layer.age(today) for layer in open_layers(layers)]
    return max(ages) if ages else None


@dataclass(frozen=True)
class ExpiryWarning:
    item_id: int
    key: str
    expiry: date
    quantity: Decimal
    days_left: int
    """Negative once expired."""


def expiry_warnings(
    layers: Iterable[Layer], today: date, horizon_days: int = DEFAULT_EXPIRY_HORIZON_DAYS
) -> list[ExpiryWarning]:
    """Goods at the customer expiring within the horizon (or expired), soonest first."""
    if horizon_days < 0:
        raise FieldError(
            "horizon_days", QT_TRANSLATE_NOOP("errors", "The horizon cannot be negative.")
        )
    limit = today + timedelta(days=horizon_days)
    per_lot: dict[tuple[int, str, date], Decimal] = {}
    for layer in open_layers(layers):
        if layer.expiry is not None and layer.expiry <= limit:
            key = (layer.item_id, layer.key, layer.expiry)
            per_lot[key] = per_lot.get(key, ZERO) + layer.remaining
    return sorted(
        (ExpiryWarning(i, k, e, q, (e - today).days) for (i, k, e), q in per_lot.items()),
        key=lambda w: (w.expiry, w.item_id, w.key),
    )


# --- count-driven settlement -----------------------------------------------------------------


def count_lines(
    book: Sequence[ConsignedLot], counted: Sequence[ConsignmentLine]
) -> list[ConsignmentLine]:
    """A count's lines: every lot on the books (counted 0 when not entered) and every counted
    lot, each with its book quantity.  A lot counted twice is refused."""
    seen: dict[tuple[int, str], ConsignmentLine] = {}
    errors: list[FieldError] = []
    for line in counted:
        key = (line.item_id, line.key)
        if key in seen:
            errors.append(FieldError(f"lines.{line.line_no}.quantity", QT_TRANSLATE_NOOP(
                "errors", "This item and batch is counted on another line already.")))  # fmt: skip
        seen[key] = line
    if errors:
        raise ValidationError(errors)
    expiry = {(lot.item_id, lot.key): lot.expiry for lot in book}
    on_book = {(lot.item_id, lot.key): lot.quantity for lot in book}
    result = []
    for key in list(on_book) + [k for k in seen if k not in on_book]:
        line = seen.get(key) or ConsignmentLine(item_id=key[0], quantity=ZERO, batch=key[1])
        line.book_quantity = on_book.get(key, ZERO)
        line.expiry = line.expiry or expiry.get(key)
        result.append(line)
    for n, line in enumerate(result, 1):
        line.line_no = n
    return result


def settlement(lines: Sequence[ConsignmentLine]) -> list[ConsignmentLine]:
    """What a count says was sold (book − counted) as the lines of an issue to draft.  A line
    counted above book needs an explicit decision first; all such lines are refused at once."""
    errors = [
        FieldError(
            f"lines.{line.line_no}.decision",
            QT_TRANSLATE_NOOP(
                "errors",
                "{counted} counted but {book} on the books: decide to keep the books or to "
                "book the surplus.",
            ),
            counted=f"{line.quantity.normalize():f}",
            book=f"{(line.book_quantity or ZERO).normalize():f}",
        )
        for line in lines
        if line.surplus > 0 and not line.decision
    ]
    if errors:
        raise ValidationError(errors)
    sold = [
        ConsignmentLine(
            item_id=line.item_id,
            quantity=line.sold,
            batch=line.batch,
            serial=line.serial,
            expiry=line.expiry,
            unit_price=line.unit_price,
            vat_rate=line.vat_rate,
        )
        for line in lines
        if line.sold > 0
    ]
    for n, line in enumerate(sold, 1):
        line.line_no = n
    return sold


# --- reversal --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Billing:
    """Where the money of a document stands, as far as reversing it is concerned."""

    invoice: str = ""
    """An issue: the number of its blue invoice (empty while not invoiced)."""
    invoice_credited: bool = False
    """That blue invoice is credited in full by issued red invoices."""
    pending_red: tuple[str, ...] = ()
    """Red invoices drafted, awaiting or confirmed: against the issue's blue invoice, or
    made from the return."""
    issued_red: str = ""
    """A return: the issued red invoice that credited it."""


def reversal_blockers(
    document: ConsignmentDocument,
    documents: Sequence[ConsignmentDocument],
    layers: Sequence[Layer],
) -> list[str]:
    """The later documents that depend on ``document`` and must be reversed first: those
    that consumed its layers; for an issue the returns against it; for a count the issue it
    drafted."""
    blockers: list[str] = []
    if document.kind in ADDS:
        for layer in layers:
            if layer.source == document.number:
                blockers.extend(n for n in layer.consumed_by if n not in blockers)
    if document.kind in (ConsignmentKind.ISSUE, ConsignmentKind.COUNT):
        blockers.extend(
            d.number
            for d in documents
            if d.source_id == document.id
            and d.id != document.id
            and d.state not in (S.CANCELLED, S.REVERSED)
        )
    return blockers


def check_reversible(
    document: ConsignmentDocument,
    documents: Sequence[ConsignmentDocument],
    layers: Sequence[Layer],
    billing: Billing | None = None,
) -> None:
    """Refuse reversing a document whose state does not allow it (naming the state), that
    later documents depend on (naming them), or whose money is not undone first: an
    invoiced issue only once its blue invoice is credited in full by issued red invoices
    (the red invoice of the invoicing-error kind, as a billing document is cancelled before
    its goods movement), a return only while no red invoice credits it."""
    document.flow.targets(document.state, A.REVERSE, document.number)
    blockers = reversal_blockers(document, documents, layers)
    if blockers:
        raise StateError(
            QT_TRANSLATE_NOOP(
                "errors", "{number} cannot be reversed before {blockers}: reverse that first."
            ),
            number=document.number,
            blockers=", ".join(blockers),
        )
    billing = billing or Billing()
    if document.kind == ConsignmentKind.ISSUE:
        _issue_money_undone(document.number, billing)
    if document.kind == ConsignmentKind.RETURN:
        _return_money_undone(document.number, billing)


def _issue_money_undone(number: str, billing: Billing) -> None:
    if not billing.invoice or billing.invoice_credited:
        return
    if billing.pending_red:
        raise StateError(
            QT_TRANSLATE_NOOP(
                "errors",
                "Red invoice {red} against {invoice} is not issued yet: issue it (or void it) "
                "before reversing {number}.",
            ),
            red=", ".join(billing.pending_red),
            invoice=billing.invoice,
            number=number,
        )
    raise StateError(
        QT_TRANSLATE_NOOP(
            "errors",
            "{number} is invoiced on {invoice}: credit that invoice in full first, with a red "
            "invoice of the invoicing-error kind, then reverse {number}.",
        ),
        number=number,
        invoice=billing.invoice,
    )


def _return_money_undone(number: str, billing: Billing) -> None:
    if billing.pending_red:
        raise StateError(
            QT_TRANSLATE_NOOP(
                "errors",
                "{number} is credited by red invoice {red}, not issued yet: void it first, "
                "then reverse {number}.",
            ),
            number=number,
            red=", ".join(billing.pending_red),
        )
    if billing.issued_red:
        raise StateError(
            QT_TRANSLATE_NOOP(
                "errors",
                "{number} is credited by red invoice {red}, which is issued: an issued credit "
                "is not taken back, so the return stands.",
            ),
            number=number,
            red=billing.issued_red,
        )


# --- statement -------------------------------------------------------------------------------


@dataclass(frozen=True)
class StatementRow:
    day: date
    number: str
    kind: ConsignmentKind
    quantity: Decimal
    """Signed: + into the customer's consignment stock, − out of it."""
    value: Money
    cost: Money | None = None
    """The goods at cost (unsigned, like ``value``); None when not known."""


@dataclass(frozen=True)
class Statement:
    """A consignment statement (寄售对账单) of one customer and period."""

    customer_id: int
    start: date
    end: date
    opening: Decimal
    opening_value: Money
    rows: list[StatementRow]
    invoiced: Money
    paid: Money
    opening_cost: Money | None = None
    """The opening balance at cost; None when the cost of some of it is not known."""

    def total(self, kind: ConsignmentKind) -> Decimal:
        return sum((abs(r.quantity) for r in self.rows if r.kind == kind), ZERO)

    def total_value(self, kind: ConsignmentKind) -> Money:
        return sum((r.value for r in self.rows if r.kind == kind), Money.zero())

    @property
    def closing(self) -> Decimal:
        return self.opening + sum((r.quantity for r in self.rows), ZERO)

    @property
    def closing_value(self) -> Money:
        signed = [r.value if r.quantity >= 0 else -r.value for r in self.rows]
        return self.opening_value + sum(signed, Money.zero())

    def total_cost(self, kind: ConsignmentKind) -> Money | None:
        """The movements of one kind at cost; None when one of them is not known."""
        return add_costs(r.cost for r in self.rows if r.kind == kind)

    @property
    def closing_cost(self) -> Money | None:
        signed = [_signed(r.cost, r.quantity) for r in self.rows]
        return add_costs([self.opening_cost, *signed])


def _signed(amount: Money | None, quantity: Decimal) -> Money | None:
    if amount is None:
        return None
    return amount if quantity >= 0 else -amount


def signed_quantity(document: ConsignmentDocument) -> Decimal:
    """What a document moved into (+) or out of (−) the customer's consignment stock."""
    if not document.stands:
        return ZERO
    if document.kind == ConsignmentKind.COUNT:
        return sum((ln.surplus for ln in document.lines if ln.decision == "book_surplus"), ZERO)
    total = sum((ln.quantity for ln in document.lines), ZERO)
    return total if document.kind in ADDS else -total


def _signed_value(document: ConsignmentDocument) -> Money:
    if document.kind == ConsignmentKind.COUNT:
        return sum((ln.unit_price * ln.surplus for ln in document.lines
                    if ln.decision == "book_surplus"), Money.zero())  # fmt: skip
    return document.value()


def _document_cost(document: ConsignmentDocument) -> Money | None:
    if document.kind == ConsignmentKind.COUNT:
        return cost_of((ln.unit_cost, ln.surplus) for ln in document.lines
                       if ln.decision == "book_surplus")  # fmt: skip
    return document.cost()


def make_statement(
    customer_id: int,
    documents: Iterable[ConsignmentDocument],
    start: date,
    end: date,
    invoiced: Money,
    paid: Money,
) -> Statement:
    """Opening balance (everything standing before ``start``), the period's documents,
    closing balance; ``invoiced`` and ``paid`` are the period's money of this customer."""
    if end < start:
        raise FieldError("end", QT_TRANSLATE_NOOP("errors", "The period ends before it starts."))
    opening, opening_value, rows = ZERO, Money.zero(), []
    opening_costs: list[Money | None] = []
    for document in documents:
        qty = signed_quantity(document)
        if qty == 0 or document.doc_date > end:
            continue
        value, cost = _signed_value(document), _document_cost(document)
        if document.doc_date < start:
            opening += qty
            opening_value += value if qty > 0 else -value
            opening_costs.append(_signed(cost, qty))
            continue
        rows.append(StatementRow(document.doc_date, document.number, document.kind, qty, value,
                                 cost))  # fmt: skip
    rows.sort(key=lambda r: (r.day, r.number))
    return Statement(customer_id, start, end, opening, opening_value, rows, invoiced, paid,
                     add_costs(opening_costs))  # fmt: skip
