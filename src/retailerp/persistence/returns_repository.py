"""Loading and storing returns, and what a delivery can still take back."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from retailerp.domain.returns import Returnable, ReturnDocument, ReturnState
from retailerp.persistence import tables as t

POSTED = [ReturnState.POSTED.value]


class ReturnRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, document: ReturnDocument) -> None:
        self.session.add(document)
        self.session.flush()

    def get(self, return_id: int) -> ReturnDocument | None:
        return self.session.get(ReturnDocument, return_id)

    def by_number(self, number: str) -> ReturnDocument | None:
        stmt = select(ReturnDocument).where(t.returns.c.number == number)
        return self.session.scalars(stmt).first()

    def of_delivery(self, delivery_id: int) -> list[ReturnDocument]:
        stmt = select(ReturnDocument).where(t.returns.c.delivery_id == delivery_id)
        return list(self.session.scalars(stmt.order_by(t.returns.c.id)))

    def returned(self, delivery_line_ids: Iterable[int]) -> dict[int, Decimal]:
        """Quantity on posted returns per delivery line."""
        rl, r = t.return_lines, t.returns
        stmt = (
            select(rl.c.delivery_line_id, func.sum(rl.c.quantity))
            .join(r, r.c.id == rl.c.return_id)
            .where(rl.c.delivery_line_id.in_(list(delivery_line_ids)), r.c.state.in_(POSTED))
            .group_by(rl.c.delivery_line_id)
        )
        return {line_id: qty for line_id, qty in self.session.execute(stmt)}

    def returnable(self, delivery_id: int) -> dict[int, Returnable]:
        """Every line of a delivery with what was delivered and what came back already."""
        dl = t.delivery_lines
        rows = self.session.execute(select(dl).where(dl.c.delivery_id == delivery_id)).mappings()
        lines = list(rows)
        back = self.returned(row["id"] for row in lines)
        return {
            row["id"]: Returnable(
                delivery_line_id=row["id"],
                item_id=row["item_id"],
                delivered=row["quantity"],
                returned=back.get(row["id"], Decimal(0)),
                unit_price=row["unit_price"],
                vat_rate=row["vat_rate"],
                discount=row["discount"],
                batch=row["batch"],
                serial=row["serial"],
                expiry=row["expiry"],
            )
            for row in lines
        }

    def delivery_with_code(self, customer_id: int, code: str) -> str | None:
        """The number of a delivery to the customer that carried a serial or batch."""
        d, dl = t.deliveries, t.delivery_lines
        key = code.strip().upper()
        stmt = (
            select(d.c.number)
            .join(dl, dl.c.delivery_id == d.c.id)
            .where(
                d.c.customer_id == customer_id,
                (func.upper(dl.c.serial) == key) | (func.upper(dl.c.batch) == key),
            )
            .order_by(d.c.id.desc())
        )
        return self.session.scalars(stmt).first()

    def holding(self, customer_id: int, item_ids: Iterable[int]) -> dict[int, Decimal]:
        """What a customer holds of each item from our deliveries: delivered less returned."""
        ids = list(item_ids)
        d, dl = t.deliveries, t.delivery_lines
        delivered = select(dl.c.item_id, func.sum(dl.c.quantity)).join(
            d, d.c.id == dl.c.delivery_id
        )
        delivered = delivered.where(d.c.customer_id == customer_id, dl.c.item_id.in_(ids))
        result = dict(self.session.execute(delivered.group_by(dl.c.item_id)).all())
        r, rl = t.returns, t.return_lines
        back = (
            select(rl.c.item_id, func.sum(rl.c.quantity))
            .join(r, r.c.id == rl.c.return_id)
            .where(r.c.customer_id == customer_id, r.c.state.in_(POSTED), rl.c.item_id.in_(ids))
            .group_by(rl.c.item_id)
        )
        for item_id, qty in self.session.execute(back):
            result[item_id] = result.get(item_id, Decimal(0)) - qty
        return {i: result.get(i, Decimal(0)) for i in ids}

    def returned_net(self, customer_id: int, since: object) -> dict[str, object]:
        """Delivered and returned net value of a customer since a day (for the return rate)."""
        d, dl = t.deliveries, t.delivery_lines
        delivered = select(dl.c.quantity, dl.c.unit_price, dl.c.vat_rate, dl.c.discount).join(
            d, d.c.id == dl.c.delivery_id
        )
        delivered = delivered.where(d.c.customer_id == customer_id, d.c.delivery_date >= since)
        r, rl = t.returns, t.return_lines
        returned = select(rl.c.quantity, rl.c.unit_price, rl.c.vat_rate, rl.c.discount).join(
            r, r.c.id == rl.c.return_id
        )
        returned = returned.where(
            r.c.customer_id == customer_id, r.c.state.in_(POSTED), r.c.return_date >= since
        )
        return {
            "delivered": list(self.session.execute(delivered)),
            "returned": list(self.session.execute(returned)),
        }
