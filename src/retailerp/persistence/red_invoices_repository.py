"""Loading and storing red invoices, refunds and exchanges; what a blue invoice has had
credited already; the blue invoice's row lock."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from retailerp.domain.exchanges import Exchange
from retailerp.domain.invoicing import Refund
from retailerp.domain.money import Money
from retailerp.domain.red_invoices import COUNTING_STATES, RedInvoice, RedState
from retailerp.persistence import tables as t

COUNTING = [s.value for s in COUNTING_STATES]


class RedInvoiceRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, document: object) -> None:
        self.session.add(document)
        self.session.flush()

    def get(self, red_id: int) -> RedInvoice | None:
        return self.session.get(RedInvoice, red_id)

    def by_number(self, number: str) -> RedInvoice | None:
        stmt = select(RedInvoice).where(t.red_invoices.c.number == number)
        return self.session.scalars(stmt).first()

    def of_invoice(self, invoice_id: int) -> list[RedInvoice]:
        stmt = select(RedInvoice).where(t.red_invoices.c.invoice_id == invoice_id)
        return list(self.session.scalars(stmt.order_by(t.red_invoices.c.id)))

    def of_return(self, return_id: int) -> list[RedInvoice]:
        """The red invoices made from a return (voided ones too)."""
        stmt = select(RedInvoice).where(t.red_invoices.c.return_id == return_id)
        return list(self.session.scalars(stmt.order_by(t.red_invoices.c.id)))

    def lock_invoice(self, invoice_id: int) -> None:
        """Serialise crediting one blue invoice: a PostgreSQL row lock on it, taken before
        what is credited already is read.  SQLite's IMMEDIATE write transaction serialises
        every writer anyway."""
        if self.session.get_bind().dialect.name == "postgresql":
            i = t.invoices
            self.session.execute(select(i.c.id).where(i.c.id == invoice_id).with_for_update())

    def credited(
        self, invoice_id: int, except_red_id: int | None = None
    ) -> dict[int, tuple[Decimal, Money, Money]]:
        """Quantity, net and tax per blue line on every red invoice of ``invoice_id`` that
        is not voided (drafts count: they promise the credit)."""
        ri, rl = t.red_invoices, t.red_invoice_lines
        stmt = (
            select(
                rl.c.invoice_line_id,
                func.sum(rl.c.quantity),
                func.sum(rl.c.net),
                func.sum(rl.c.vat),
            )
            .join(ri, ri.c.id == rl.c.red_invoice_id)
            .where(ri.c.invoice_id == invoice_id, ri.c.state.in_(COUNTING))
            .group_by(rl.c.invoice_line_id)
        )
        if except_red_id is not None:
            stmt = stmt.where(ri.c.id != except_red_id)
        return {line: (qty, net, vat) for line, qty, net, vat in self.session.execute(stmt)}

    def confirmation_holder(self, number: str) -> str | None:
        """The red invoice that carries this confirmation number already, if any."""
        ri = t.red_invoices
        stmt = select(ri.c.number).where(ri.c.confirmation_number == number)
        return self.session.scalars(stmt).first()

    def awaiting(self) -> list[RedInvoice]:
        stmt = select(RedInvoice).where(t.red_invoices.c.state == RedState.AWAITING.value)
        return list(self.session.scalars(stmt.order_by(t.red_invoices.c.id)))

    # --- refunds and exchanges ---------------------------------------------------------

    def refund_by_number(self, number: str) -> Refund | None:
        return self.session.scalars(select(Refund).where(t.refunds.c.number == number)).first()

    def refunds_of(self, customer_id: int) -> list[Refund]:
        stmt = select(Refund).where(t.refunds.c.customer_id == customer_id)
        return list(self.session.scalars(stmt.order_by(t.refunds.c.id)))

    def exchange_of_return(self, return_id: int) -> Exchange | None:
        stmt = select(Exchange).where(t.exchanges.c.return_id == return_id)
        return self.session.scalars(stmt).first()

    def exchange_of_order(self, order_id: int) -> Exchange | None:
        stmt = select(Exchange).where(t.exchanges.c.order_id == order_id)
        return self.session.scalars(stmt).first()
