"""Exchange use cases (换货): a posted return answered by a replacement order at no charge.

The replacement order (the returned items and quantities at price 0, its note naming the
return) is written together with the exchange record that links the two, then confirmed by
the ordinary order service; picking and shipping follow the usual steps.  If confirmation is
refused (no stock, credit), the order stays a draft, linked, and is confirmed from the order
window as any other.
"""

from __future__ import annotations

from decimal import Decimal

from retailerp.domain import exchanges as x
from retailerp.domain.exchanges import Exchange
from retailerp.domain.numbering import DocumentType
from retailerp.domain.red_invoices import RedState
from retailerp.domain.returns import ReturnDocument
from retailerp.domain.sales import SalesOrder, clean_order_lines
from retailerp.domain.text import QT_TRANSLATE_NOOP, Term
from retailerp.persistence.unit_of_work import UnitOfWork, now, read, write
from retailerp.services.context import ServiceContext, not_found
from retailerp.services.door import door
from retailerp.services.sales import OrderService

RETURN = Term(QT_TRANSLATE_NOOP("terms", "Return"))


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
