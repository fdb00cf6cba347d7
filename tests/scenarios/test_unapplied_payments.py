"""What of each payment is not applied yet is kept on the payment (``payments.unapplied``):
it follows every allocation, overpayment, application of money on account and refund, the
migration fills it in for payments already there, and ``db integrity`` names a payment whose
stored figure does not match its allocations.  SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import select, update

from retailerp.domain.money import Money
from retailerp.persistence import integrity, migrate
from retailerp.persistence import tables as t
from retailerp.persistence.unit_of_work import read, write
from scenarios.test_money_on_account import deliver, invoice_order, stock_up
from support.shop import Shop

M = Money.of


def stored(shop: Shop) -> dict[str, tuple[Money, Money]]:
    """Each payment's number: (amount, unapplied as stored)."""
    p = t.payments

    def work(uow):  # noqa: ANN001, ANN202
        rows = uow.session.execute(select(p.c.number, p.c.amount, p.c.unapplied))
        return {number: (amount, unapplied) for number, amount, unapplied in rows}

    return read(shop.s.ctx.db, work)


def test_the_unapplied_amount_follows_every_use_of_the_money(any_shop: Shop) -> None:
    shop, d = any_shop, stock_up(any_shop)
    s = shop.s
    first = invoice_order(s, deliver(s, d["customer"], d["pen"], "10"))  # 226.00
    assert first.gross == M("226.00")
    paid = s.invoices.record_payment(d["customer"], "300")  # pays it, 74.00 left on account
    assert stored(shop)[paid.number] == (M("300"), M("74.00"))
    second = invoice_order(s, deliver(s, d["customer"], d["pen"], "2"))  # 45.20, paid on account
    assert s.invoices.get(second.number).paid == M("45.20")
    assert stored(shop)[paid.number] == (M("300"), M("28.80"))
    s.invoices.refund(d["customer"], "20", "bank", "back")
    assert stored(shop)[paid.number] == (M("300"), M("8.80"))
    exact = s.invoices.record_payment(d["customer"], "10")  # nothing open: all on account
    assert stored(shop)[exact.number] == (M("10"), M("10"))
    third = invoice_order(s, deliver(s, d["customer"], d["pen"], "1"))  # 22.60: oldest first
    assert s.invoices.get(third.number).paid == M("18.80")
    assert {n: v[1] for n, v in stored(shop).items()} == {
        paid.number: Money.zero(), exact.number: Money.zero()
    }
    assert integrity.check(s.ctx.db) == []


def test_db_integrity_names_a_payment_whose_stored_amount_was_changed(any_shop: Shop) -> None:
    shop, d = any_shop, stock_up(any_shop)
    s = shop.s
    paid = s.invoices.record_payment(d["customer"], "50")
    p = t.payments
    write(s.ctx.db, lambda uow: uow.session.execute(
        update(p).where(p.c.number == paid.number).values(unapplied=M("20"))
    ))  # fmt: skip
    problems = [problem.render() for problem in integrity.check(s.ctx.db)]
    assert any(paid.number in text and "20.00" in text and "50.00" in text for text in problems)


def test_the_migration_fills_in_the_payments_already_there(any_shop: Shop) -> None:
    shop, d = any_shop, stock_up(any_shop)
    s = shop.s
    invoice_order(s, deliver(s, d["customer"], d["pen"], "1"))  # 22.60 open
    part = s.invoices.record_payment(d["customer"], "30")  # 7.40 on account
    whole = s.invoices.record_payment(d["customer"], "5")
    db = s.ctx.db
    migrate.downgrade(db, "0020")
    migrate.upgrade(db)
    assert migrate.schema_differences(db) == []
    assert {n: v[1] for n, v in stored(shop).items()} == {
        part.number: M("7.40"), whole.number: M("5")
    }
    assert s.invoices.position(d["customer"]).on_account == M("12.40")
