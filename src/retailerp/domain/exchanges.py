"""Exchanges (换货): goods come back on a return and the same goods go out again at no charge.

The replacement is an ordinary sales order of the returned items and quantities at price 0,
confirmed and shipped through the usual steps; its note names the return.  The exchange
record links the return and the replacement order both ways.  Nothing is credited for an
exchanged return: the customer keeps what the blue invoice billed, in good goods.

An exchange whose replacement has not shipped can be cancelled (``EXCHANGE_FLOW``): the
replacement order is cancelled (its reservation released, an open picking list voided) and
the return stays posted — the goods did come back — and is settled afresh: credited by a red
invoice, or reversed if the goods go back to the customer.  A return is exchanged once; a new
replacement after a cancelled exchange is an ordinary free order.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from retailerp.domain.errors import StateError
from retailerp.domain.returns import ReturnDocument, ReturnState
from retailerp.domain.sales import SalesOrder
from retailerp.domain.text import QT_TRANSLATE_NOOP, Term
from retailerp.domain.workflow import Workflow


class ExchangeState(StrEnum):
    ACTIVE = "active"
    CANCELLED = "cancelled"


class ExchangeAction(StrEnum):
    CANCEL = "cancel"


EXCHANGE_FLOW: Workflow[ExchangeState, ExchangeAction] = Workflow(
    Term(QT_TRANSLATE_NOOP("terms", "Exchange")),
    {(ExchangeState.ACTIVE, ExchangeAction.CANCEL): frozenset({ExchangeState.CANCELLED})},
    {
        ExchangeState.ACTIVE: Term(QT_TRANSLATE_NOOP("terms", "active")),
        ExchangeState.CANCELLED: Term(QT_TRANSLATE_NOOP("terms", "cancelled")),
    },
    {ExchangeAction.CANCEL: Term(QT_TRANSLATE_NOOP("terms", "cancel the exchange"))},
)
"""An exchange is active from the moment the replacement order is made; it is cancelled only
while the replacement has not shipped (see :func:`check_cancellable`)."""


@dataclass(eq=False)
class Exchange:
    return_id: int
    order_id: int
    created_by: str
    created_at: datetime
    state: ExchangeState = ExchangeState.ACTIVE
    cancelled_by: str = ""
    cancelled_at: datetime | None = None
    cancel_reason: str = ""
    id: int | None = None

    @property
    def active(self) -> bool:
        """An active exchange settles its return (nothing is credited, no reversal)."""
        return self.state == ExchangeState.ACTIVE

    def cancel(self, return_number: str, user: str, at: datetime, reason: str) -> None:
        self.state = EXCHANGE_FLOW.move(self.state, ExchangeAction.CANCEL, return_number)
        self.cancelled_by, self.cancelled_at, self.cancel_reason = user, at, reason


def check_cancellable(return_number: str, order: SalesOrder) -> None:
    """The replacement must not have shipped: goods that left are returned, not cancelled."""
    if order.has_shipped:
        raise StateError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The replacement order {order} for return {number} has shipped goods: the "
                "exchange can no longer be cancelled. Return the replacement goods instead.",
            ),
            number=return_number,
            order=order.number,
        )


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
