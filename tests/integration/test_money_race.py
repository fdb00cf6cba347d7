"""Two bookkeepers apply the same customer's money on account at once.

The first PC is stopped after applying the money and before committing; the second asks
meanwhile.  Money is applied under a lock on the customer, so the second waits and then
finds nothing left to apply: the money is applied once, the invoice's paid amount equals its
allocations.  SQLite in the shared-file journal mode and PostgreSQL.
"""

from __future__ import annotations

from retailerp.domain.money import Money
from retailerp.services import Services
from support import race
from support.dbtools import as_owner
from support.race import open_target, two_pcs

target = race.target  # the fixture: the shared SQLite file, or PostgreSQL


def _customer_with_money_on_account(s: Services) -> tuple[int, str, str]:
    """A 226.00 invoice open and 22.60 on account (released by a cancelled prepaid order)."""
    customer = s.customers.create({"code": "C1", "name": "华联", "credit_limit": "99999"}).id
    lamp = s.items.create({"sku": "LAMP", "name": "Lamp 台灯", "price": "200", "vat_rate": "13"})
    s.stock.receive(s.stock.add_bin("A-01").id, [{"item_id": lamp.id, "quantity": "5"}])
    order = s.orders.create(customer, {}, [{"item_id": lamp.id, "quantity": "1"}])
    order = s.orders.confirm(order.id, order.version)
    s.orders.start_picking(order.id, order.version)
    delivery = s.orders.ship(order.id, s.orders.get(order.id).version)
    number = s.invoices.invoice([delivery.id]).number
    prepaid = s.orders.create(
        customer, {"payment_mode": "prepaid"}, [{"item_id": lamp.id, "quantity": "1"}]
    )
    prepaid = s.orders.confirm(prepaid.id, prepaid.version)
    advance = s.invoices.record_payment(customer, "22.60", order_id=prepaid.id).number
    s.orders.cancel(prepaid.id, s.orders.get(prepaid.id).version, "changed mind")
    assert s.invoices.position(customer).on_account == Money.of("22.60")
    return customer, number, advance


def test_two_pcs_applying_the_same_money_apply_it_once(target: str) -> None:
    db = open_target(target)
    try:
        s = as_owner(db)
        customer, number, advance = _customer_with_money_on_account(s)

        both = two_pcs(
            db, "money_worker.py",
            {"target": target, "customer_id": customer, "user": "pc1"},
            {"target": target, "customer_id": customer, "user": "pc2"},
            signal="applied",
        )  # fmt: skip
        reports = [r["paid"] for r in both]

        assert reports == [[number], []]
        payment = s.invoices.get_payment(advance)
        assert [a.amount for a in payment.allocations] == [Money.of("22.60")]
        assert payment.unallocated == Money(0)
        invoice = s.invoices.get(number)
        assert invoice.paid == Money.of("22.60") and invoice.open_amount == Money.of("203.40")
        assert s.invoices.position(customer).balance == Money.of("203.40")
    finally:
        db.dispose()
