"""Exchange use cases (换货): a posted return answered by a replacement order at no charge.

The replacement order (the returned items and quantities at price 0, its note naming the
return) is written together with the exchange record that links the two, then confirmed by
the ordinary order service; picking and shipping follow the usual steps.  If confirmation is
refused (no stock, credit), the order stays a draft, linked, and is confirmed from the order
window as any other.

Cancelling an exchange (``cancel``) is one transaction: the exchange moves through
``EXCHANGE_FLOW`` to cancelled, the replacement order is cancelled (reservation released,
open picking list voided) — refused once it has shipped — and the return stays posted, open
to a red invoice or a reversal.
"""

from __future__ import annotations

from decimal import Decimal

from retailerp.domain import exchanges as x
from retailerp.domain import validation as v
from retailerp.domain.exchanges import Exchange
from retailerp.domain.numbering import DocumentType
from retailerp.domain.red_invoices import RedState
from retailerp.domain.returns import ReturnDocument
from retailerp.domain.sales import OrderState, SalesOrder, clean_order_lines
from retailerp.domain.text import QT_TRANSLATE_NOOP, Term
from retailerp.persistence.unit_of_work import UnitOfWork, now, read, write
from retailerp.services.context import ServiceContext, not_found
from retailerp.services.door import door
from retailerp.services.sales import OrderService, void_open_picking

RETURN = Term(QT_TRANSLATE_NOOP("terms", "Return"))
EXCHANGE = Term(QT_TRANSLATE_NOOP("terms", "Exchange"))


class ExchangeService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @door
    def of_return(self, return_id: int) -> Exchange | None:
        return read(self.ctx.db, lambda uow: uow.red_invoices.exchange_of_return(return_id))

    @door
    def of_order(self, order_id: int) -> Exchange | None:
        return read(self.ctx.db, lambda uow: uow.red_invoices.exchange_of_order(order_id))

    @door
    def exchange(self, return_id: int) -> SalesOrder:
        """Send the returned goods again at no charge: a linked replacement order, confirmed
        (reserving the stock) when stock and credit allow."""

        def work(uow: UnitOfWork) -> SalesOrder:
            document = uow.returns.get(return_id)
            if document is None:
                raise not_found(RETURN, return_id)
            credited = any(
                r.state != RedState.VOIDED for r in uow.red_invoices.of_return(return_id)
            )
            x.check_exchangeable(document, uow.red_invoices.exchange_of_return(return_id),
                                 credited)  # fmt: skip
            order = self._replacement(uow, document)
            uow.red_invoices.add(
                Exchange(document.id or 0, order.id or 0, self.ctx.actor.username, now())
            )
            uow.audit(self.ctx.actor, "exchange.create", "return", document.number,
                      order=order.number)  # fmt: skip
            return order

        order = write(self.ctx.db, work)
        return OrderService(self.ctx).confirm(order.id or 0, order.version)

    @door
    def cancel(self, return_id: int, reason: str) -> Exchange:
        """Cancel the exchange of a return whose replacement has not shipped: the replacement
        order is cancelled with ``reason``; the return stays posted and may now be credited
        by a red invoice or reversed."""
        reason = v.required_text(reason, "reason", 200)

        def work(uow: UnitOfWork) -> Exchange:
            document = uow.returns.get(return_id)
            exchange = uow.red_invoices.exchange_of_return(return_id)
            if document is None or exchange is None:
                raise not_found(EXCHANGE, return_id)
            order = uow.sales.order(exchange.order_id)
            assert order is not None
            x.check_cancellable(document.number, order)
            exchange.cancel(document.number, self.ctx.actor.username, now(), reason)
            picking = ""
            if order.state != OrderState.CANCELLED:  # cancelled from its own window already
                order.cancel(reason)
                picking = void_open_picking(uow, order)
            order.updated_by, order.updated_at = self.ctx.actor.username, now()
            uow.flush()
            uow.audit(self.ctx.actor, "exchange.cancel", "return", document.number,
                      order=order.number, picking=picking, reason=reason)  # fmt: skip
            return exchange

        return write(self.ctx.db, work)

    def _replacement(self, uow: UnitOfWork, document: ReturnDocument) -> SalesOrder:
        items = uow.items.by_ids(line.item_id for line in document.lines)
        # the price floor does not apply: an exchange is sent at no charge by design
        lines = clean_order_lines(x.replacement_lines(document), items, Decimal(0))
        today = self.ctx.today()
        order = SalesOrder(
            number=uow.documents.next_number(DocumentType.SALES_ORDER, today.year),
            customer_id=document.customer_id,
            order_date=today,
            created_by=self.ctx.actor.username,
            note=x.replacement_note(document),
        )
        order.set_lines(lines)
        order.updated_by, order.updated_at = self.ctx.actor.username, now()
        uow.sales.add(order)
        return order
