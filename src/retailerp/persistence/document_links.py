"""The one read that finds a document's neighbours in the return chain: delivery ↔ return ↔
red invoice ↔ refund ↔ exchange (replacement order and deliveries), plus the order and the
blue invoice around them.

``links_of(session, number)`` works from any of those documents' numbers: it finds the
returns the document belongs to, then walks each return's chain; a few direct neighbours
(an invoice's deliveries and red invoices, a red invoice's blue invoice and refunds) are
added.  Screens and printouts all call it through ``services.document_links``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from retailerp.domain.document_links import DocumentLink, LinkRole, arrange
from retailerp.domain.numbering import DocumentType, parse_number
from retailerp.domain.red_invoices import RED_FLOW, RedState
from retailerp.domain.returns import RETURN_FLOW, ReturnState
from retailerp.domain.sales import ORDER_FLOW, OrderState
from retailerp.domain.text import Term
from retailerp.persistence import tables as t

L = LinkRole


def links_of(session: Session, number: str) -> list[DocumentLink]:
    """Every document linked to ``number`` (empty for an unknown number or another kind)."""
    parsed = parse_number(number)
    finder = _FINDERS.get(parsed[0]) if parsed else None
    if finder is None:
        return []
    return arrange(finder(_Reader(session), number), number)


class _Reader:
    def __init__(self, session: Session) -> None:
        self.s = session

    def id_of(self, table: t.Table, number: str) -> int | None:
        return self.s.scalar(select(table.c.id).where(table.c.number == number))

    def returns_where(self, *conditions: object) -> list[int]:
        r = t.returns
        return list(self.s.scalars(select(r.c.id).where(*conditions).order_by(r.c.id)))

    def chain(self, return_ids: Iterable[int]) -> list[DocumentLink]:
        """Each return with its delivery, order, invoice, red invoices, their refunds and
        its exchange's replacement order and deliveries."""
        links: list[DocumentLink] = []
        for return_id in return_ids:
            r = t.returns
            row = self.s.execute(
                select(r.c.number, r.c.state, r.c.delivery_id).where(r.c.id == return_id)
            ).one()
            links.append(DocumentLink(L.RETURN, row.number, _return_state(row.state)))
            links += self.delivery(row.delivery_id, L.DELIVERY)
            reds = self.s.execute(
                select(t.red_invoices.c.number, t.red_invoices.c.state).where(
                    t.red_invoices.c.return_id == return_id
                )
            )
            for red_number, state in reds:
                links.append(DocumentLink(L.RED_INVOICE, red_number, _red_state(state)))
                links += self.refunds_of_red(red_number)
            links += self.replacement(return_id)
        return links

    def delivery(self, delivery_id: int, role: LinkRole) -> list[DocumentLink]:
        """A delivery with its order and invoice."""
        d, o, i = t.deliveries, t.sales_orders, t.invoices
        row = self.s.execute(
            select(d.c.number, o.c.number.label("order"), o.c.state, i.c.number.label("invoice"))
            .join(o, o.c.id == d.c.order_id)
            .outerjoin(i, i.c.id == d.c.invoice_id)
            .where(d.c.id == delivery_id)
        ).one()
        links = [
            DocumentLink(role, row.number),
            DocumentLink(L.ORDER, row.order, _order_state(row.state)),
        ]
        if row.invoice:
            links.append(DocumentLink(L.INVOICE, row.invoice))
        return links

    def replacement(self, return_id: int) -> list[DocumentLink]:
        """The exchange's replacement order and what has shipped of it."""
        x, o, d = t.exchanges, t.sales_orders, t.deliveries
        row = self.s.execute(
            select(o.c.id, o.c.number, o.c.state)
            .join(x, x.c.order_id == o.c.id)
            .where(x.c.return_id == return_id)
        ).first()
        if row is None:
            return []
        links = [DocumentLink(L.REPLACEMENT_ORDER, row.number, _order_state(row.state))]
        shipped = self.s.scalars(select(d.c.number).where(d.c.order_id == row.id))
        return links + [DocumentLink(L.REPLACEMENT_DELIVERY, n) for n in shipped]

    def refunds_of_red(self, red_number: str) -> list[DocumentLink]:
        """Refunds that paid back (part of) the credit a red invoice left on account."""
        a, p, f = t.payment_allocations, t.payments, t.refunds
        stmt = (
            select(f.c.number)
            .join(a, a.c.refund_id == f.c.id)
            .join(p, p.c.id == a.c.payment_id)
            .where(p.c.number == red_number)
            .distinct()
        )
        return [DocumentLink(L.REFUND, n) for n in self.s.scalars(stmt)]

    def replaced_return(self, order_id: int | None) -> list[int]:
        x = t.exchanges
        found = self.s.scalar(select(x.c.return_id).where(x.c.order_id == order_id))
        return [found] if found is not None else []


def _from_delivery(q: _Reader, number: str) -> list[DocumentLink]:
    d = t.deliveries
    row = q.s.execute(select(d.c.id, d.c.order_id).where(d.c.number == number)).first()
    if row is None:
        return []
    links = q.delivery(row.id, L.DELIVERY)
    replaced = q.replaced_return(row.order_id)
    links += [_as_exchange_for(link) for link in q.chain(replaced)]
    return links + q.chain(q.returns_where(t.returns.c.delivery_id == row.id))


def _from_return(q: _Reader, number: str) -> list[DocumentLink]:
    return_id = q.id_of(t.returns, number)
    return q.chain([return_id]) if return_id is not None else []


def _from_red_invoice(q: _Reader, number: str) -> list[DocumentLink]:
    ri, i = t.red_invoices, t.invoices
    row = q.s.execute(
        select(ri.c.return_id, i.c.number.label("blue"))
        .join(i, i.c.id == ri.c.invoice_id)
        .where(ri.c.number == number)
    ).first()
    if row is None:
        return []
    links = [DocumentLink(L.INVOICE, row.blue)] + q.refunds_of_red(number)
    return links + q.chain([row.return_id] if row.return_id else [])


def _from_refund(q: _Reader, number: str) -> list[DocumentLink]:
    a, p, f, ri = t.payment_allocations, t.payments, t.refunds, t.red_invoices
    stmt = (
        select(ri.c.id, ri.c.number, ri.c.state, ri.c.return_id)
        .join(p, p.c.number == ri.c.number)
        .join(a, a.c.payment_id == p.c.id)
        .join(f, f.c.id == a.c.refund_id)
        .where(f.c.number == number)
        .distinct()
    )
    links: list[DocumentLink] = []
    for row in q.s.execute(stmt):
        links.append(DocumentLink(L.RED_INVOICE, row.number, _red_state(row.state)))
        links += q.chain([row.return_id] if row.return_id else [])
    return links


def _from_invoice(q: _Reader, number: str) -> list[DocumentLink]:
    invoice_id = q.id_of(t.invoices, number)
    if invoice_id is None:
        return []
    d, ri, r = t.deliveries, t.red_invoices, t.returns
    links: list[DocumentLink] = []
    for delivery_id in q.s.scalars(select(d.c.id).where(d.c.invoice_id == invoice_id)):
        links += q.delivery(delivery_id, L.DELIVERY)
    reds = q.s.execute(select(ri.c.number, ri.c.state).where(ri.c.invoice_id == invoice_id))
    for red_number, state in reds:
        links.append(DocumentLink(L.RED_INVOICE, red_number, _red_state(state)))
        links += q.refunds_of_red(red_number)
    invoiced = select(d.c.id).where(d.c.invoice_id == invoice_id)
    return links + q.chain(q.returns_where(r.c.delivery_id.in_(invoiced)))


def _from_order(q: _Reader, number: str) -> list[DocumentLink]:
    order_id = q.id_of(t.sales_orders, number)
    if order_id is None:
        return []
    d, r = t.deliveries, t.returns
    links = [_as_exchange_for(link) for link in q.chain(q.replaced_return(order_id))]
    delivered = select(d.c.id).where(d.c.order_id == order_id)
    return links + q.chain(q.returns_where(r.c.delivery_id.in_(delivered)))


def _as_exchange_for(link: DocumentLink) -> DocumentLink:
    """Seen from the replacement, the replaced return is what it is an exchange for."""
    return DocumentLink(L.EXCHANGE_FOR, link.number, link.state) if link.role == L.RETURN else link


_FINDERS: dict[DocumentType, Callable[[_Reader, str], list[DocumentLink]]] = {
    DocumentType.DELIVERY: _from_delivery,
    DocumentType.RETURN: _from_return,
    DocumentType.RED_INVOICE: _from_red_invoice,
    DocumentType.REFUND: _from_refund,
    DocumentType.INVOICE: _from_invoice,
    DocumentType.SALES_ORDER: _from_order,
}


def _return_state(state: str) -> Term:
    return RETURN_FLOW.state_labels[ReturnState(state)]


def _red_state(state: str) -> Term:
    return RED_FLOW.state_labels[RedState(state)]


def _order_state(state: str) -> Term:
    return ORDER_FLOW.state_labels[OrderState(state)]
