"""Exchanges (换货): goods come back on a return and the same goods go out again at no charge.

The replacement is an ordinary sales order of the returned items and quantities at price 0,
confirmed and shipped through the usual steps; its note names the return.  The exchange
record links the return and the replacement order both ways.  Nothing is credited for an
exchanged return: the customer keeps what the blue invoice billed, in good goods.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from retailerp.domain.errors import StateError
from retailerp.domain.returns import ReturnDocument, ReturnState
from retailerp.domain.text import QT_TRANSLATE_NOOP


@dataclass(eq=False)
class Exchange:
    return_id: int
    order_id: int
    created_by: str
    created_at: datetime
    id: int | None = None


def check_exchangeable(document: ReturnDocument, already: Exchange | None, credited: bool) -> None:
    """Only a posted return, once, and not one a red invoice already credits."""
    if document.state != ReturnState.POSTED:
        raise StateError(
            QT_TRANSLATE_NOOP(
                "errors", "Return {number} is not posted: only goods that came back are exchanged."
            ),
            number=document.number,
        )
    if already is not None or credited:
        raise StateError(
            QT_TRANSLATE_NOOP(
                "errors",
                "Return {number} is settled already (an exchange or a red invoice): it is "
                "exchanged or credited once.",
            ),
            number=document.number,
        )


def replacement_lines(document: ReturnDocument) -> list[dict[str, Any]]:
    """The replacement order's lines: the returned items and quantities at price 0, VAT as
    delivered."""
    return [
        {
            "item_id": line.item_id,
            "quantity": str(line.quantity),
            "unit_price": "0",
            "vat_rate": str(line.vat_rate * 100),
        }
        for line in document.lines
    ]


def replacement_note(document: ReturnDocument) -> str:
    return f"换货 exchange for return {document.number}"


def check_reversible(document: ReturnDocument, settled_by: str) -> None:
    """A return a red invoice credits (not voided) or an exchange answered is reversed only
    after that is undone: ``settled_by`` names the red invoice or replacement order."""
    if settled_by:
        raise StateError(
            QT_TRANSLATE_NOOP(
                "errors",
                "Return {number} is settled by {document}: void that red invoice (or cancel "
                "the exchange) before reversing the return.",
            ),
            number=document.number,
            document=settled_by,
        )
