"""The money side of consignment (寄售): the red invoice a consignment return is credited by,
what reversing an invoiced step needs first, and what the goods at a customer cost us.

- **The return's credit.** A consignment return (寄售退货) is posted with a billing block.
  Releasing it (finance or owner) drafts a red invoice of the return kind against the blue
  invoice of the issue the goods were sold on: each returned line credits the blue line that
  billed its issue line, under the same ceilings as every red invoice (never more than the
  blue invoice, across all its red invoices).  An issue not yet invoiced has nothing to
  credit: it is invoiced first.  A red invoice that is voided may be drafted again.
- **Reversal order** (as a billing document is cancelled before its goods movement): an
  invoiced issue is reversed only once its blue invoice is credited in full by issued red
  invoices; a return only while no red invoice credits it (:class:`consignment.Billing`).
- **Cost.** Goods leaving the warehouse for a customer carry the unit cost of their goods
  receipts: the receipts of the same item and batch (or serial), weighted by quantity; where
  none carries a cost, the cost is not known.  Receipts typed without a cost do not count.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from retailerp.domain.consignment import (
    Billing,
    ConsignmentDocument,
    ConsignmentKind,
    ConsignmentLine,
)
from retailerp.domain.errors import StateError
from retailerp.domain.invoicing import Invoice
from retailerp.domain.money import Money
from retailerp.domain.red_invoices import RedInvoice, RedState
from retailerp.domain.text import QT_TRANSLATE_NOOP

ZERO = Decimal(0)
PENDING = frozenset({RedState.DRAFT, RedState.AWAITING, RedState.CONFIRMED})


# --- the return's red invoice ----------------------------------------------------------------


def check_releasable(
    document: ConsignmentDocument, issue: ConsignmentDocument, red: RedInvoice | None
) -> None:
    """A posted return whose credit is still blocked (or whose red invoice was voided), on
    an issue that is invoiced."""
    blocked = document.billing_block or (red is not None and red.state == RedState.VOIDED)
    if document.kind != ConsignmentKind.RETURN or not document.stands or not blocked:
        raise StateError(
            QT_TRANSLATE_NOOP("errors", "{number} has no billing block to release."),
            number=document.number,
        )
    if issue.invoice_id is None:
        raise StateError(
            QT_TRANSLATE_NOOP(
                "errors",
                "Issue {issue} is not invoiced yet: invoice it first, then release {number}; "
                "the red invoice credits the issue's blue invoice.",
            ),
            issue=issue.number,
            number=document.number,
        )


def red_lines(document: ConsignmentDocument, blue: Invoice) -> list[dict[str, Any]]:
    """The red invoice lines of a return: each returned quantity against the blue line that
    billed its issue line."""
    by_issue_line = {line.consignment_line_id: line.id for line in blue.lines}
    missing = [ln for ln in document.lines if by_issue_line.get(ln.source_line_id) is None]
    if missing:
        raise StateError(
            QT_TRANSLATE_NOOP(
                "errors", "Invoice {invoice} does not bill the goods that came back on {number}."
            ),
            invoice=blue.number,
            number=document.number,
        )
    return [
        {"invoice_line_id": by_issue_line[line.source_line_id], "quantity": line.quantity}
        for line in document.lines
    ]


# --- what reversing needs ------------------------------------------------------------------


def issue_billing(blue: Invoice | None, reds: Sequence[RedInvoice]) -> Billing:
    """An issue's blue invoice and how far issued red invoices credit it."""
    if blue is None:
        return Billing()
    credited: dict[int, Money] = {}
    for red in reds:
        if red.state != RedState.ISSUED:
            continue
        for line in red.lines:
            credited[line.invoice_line_id] = credited.get(line.invoice_line_id, Money.zero()) + (
                line.gross
            )
    in_full = all(credited.get(line.id or 0, Money.zero()) >= line.gross for line in blue.lines)
    pending = tuple(r.number for r in reds if r.state in PENDING)
    return Billing(invoice=blue.number, invoice_credited=in_full, pending_red=pending)


def return_billing(red: RedInvoice | None) -> Billing:
    """A return and the red invoice its release drafted."""
    if red is None or red.state == RedState.VOIDED:
        return Billing()
    if red.state == RedState.ISSUED:
        return Billing(issued_red=red.number)
    return Billing(pending_red=(red.number,))


# --- cost ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReceiptCost:
    """What was received of an item (and batch or serial) with a cost, and that cost."""

    quantity: Decimal
    cost: Money


def receipt_unit_cost(
    item_id: int, key: str, costs: Mapping[tuple[int, str], ReceiptCost]
) -> Money | None:
    """The unit cost of goods of ``item_id`` / ``key`` (batch or serial; "" for goods not
    tracked) from the goods receipts of exactly those goods, weighted by quantity; None when
    none of them carries a cost (a batch's cost is never guessed from other batches)."""
    found = costs.get((item_id, key))
    if found is None or found.quantity <= 0:
        return None
    return Money.of(found.cost.amount / found.quantity)


def cost_from_receipts(
    lines: Sequence[ConsignmentLine], costs: Mapping[tuple[int, str], ReceiptCost]
) -> None:
    """Give goods coming from the warehouse (a fill-up, a surplus a count books) the unit
    cost of their receipts."""
    for line in lines:
        line.unit_cost = receipt_unit_cost(line.item_id, line.key, costs)


def cost_from_issue(lines: Sequence[ConsignmentLine], issue: ConsignmentDocument) -> None:
    """Goods coming back on a return carry the cost they left with on the issue."""
    by_id = {line.id: line for line in issue.lines}
    for line in lines:
        source = by_id.get(line.source_line_id)
        line.unit_cost = source.unit_cost if source is not None else None
