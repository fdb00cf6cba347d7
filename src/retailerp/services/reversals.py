"""The one reversal mechanism (冲销) for every posted document that moved stock.

A reversal is a stock document of its own (``RV…``) that names the document it undoes by
number and moves every quantity of it back exactly, each move naming the move it reverses.
A document is reversed at most once (the number is unique among reversals, and so is every
reversed move), a reversal is never itself reversed, and the moves back obey the same stock
rules as any other move (what has gone on from the place it reached cannot be taken back).
Goods receipts and counts, returns, and later the consignment steps all go through here;
each document kind checks its own rules (state, later steps that depend on it) first.
"""

from __future__ import annotations

from sqlalchemy import select

from retailerp.domain import inventory
from retailerp.domain.errors import StateError
from retailerp.domain.inventory import StockDocument
from retailerp.domain.numbering import DocumentType
from retailerp.domain.text import QT_TRANSLATE_NOOP
from retailerp.persistence import tables as t
from retailerp.persistence.unit_of_work import UnitOfWork, now
from retailerp.services.context import ServiceContext


def already_reversed(uow: UnitOfWork, number: str) -> StockDocument | None:
    """The reversal that undid the document ``number``, if there is one."""
    stmt = select(StockDocument).where(t.stock_documents.c.reverses_number == number)
    return uow.session.scalars(stmt).first()


def post_reversal(
    ctx: ServiceContext,
    uow: UnitOfWork,
    number: str,
    location_id: int,
    reason: str,
    *,
    reverses_id: int | None = None,
    allow_negative_stock: bool = False,
) -> StockDocument:
    """Post the reversal of the document ``number``: a new ``RV`` document, every ledger
    move of ``number`` moved back, an audit entry.  ``location_id`` is the place the
    reversal is filed under; ``reverses_id`` links a stock document (receipt, count)."""
    if number.startswith(DocumentType.REVERSAL.value):
        raise StateError(
            QT_TRANSLATE_NOOP("errors", "{number} is a reversal; post the original again instead."),
            number=number,
        )
    if already_reversed(uow, number) is not None:
        raise StateError(
            QT_TRANSLATE_NOOP("errors", "{number} has already been reversed."), number=number
        )
    day = ctx.today()
    doc = StockDocument(
        doc_type=DocumentType.REVERSAL,
        number=uow.documents.next_number(DocumentType.REVERSAL, day.year),
        doc_date=day,
        location_id=location_id,
        posted_by=ctx.actor.username,
        posted_at=now(),
        note=reason,
        reverses_id=reverses_id,
        reverses_number=number,
    )
    uow.documents.add(doc)
    moves = inventory.reversal_moves(uow.stock.moves_of(number), doc.number, doc.posted_by,
                                     doc.posted_at)  # fmt: skip
    uow.stock.post(moves, allow_negative_stock)
    uow.audit(ctx.actor, "stock.reverse", "document", doc.number, reverses=number, reason=reason)
    return doc
