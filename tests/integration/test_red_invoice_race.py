"""Two finance PCs credit the same blue invoice at once.

The first PC is stopped after checking its red lines against what is credited already and
before writing; the second asks meanwhile.  The blue invoice's row is locked (PostgreSQL) or
the writer waits its turn (SQLite, shared-file DELETE journal mode), so the second reads what
the first credited and is refused: together they never credit more than the blue invoice.
"""

from __future__ import annotations

from retailerp.domain.money import Money
from support import race
from support.dbtools import as_owner
from support.race import open_target, two_pcs

target = race.target  # the fixture: the shared SQLite file, or PostgreSQL


def test_two_pcs_crediting_one_invoice_never_exceed_it(target: str) -> None:
    db = open_target(target)
    try:
        s = as_owner(db)
        customer = s.customers.create({"code": "C1", "name": "华联", "credit_limit": "99999"})
        item = s.items.create({"sku": "RICE", "name": "Rice 大米", "price": "100", "vat_rate": "9"})
        s.stock.receive(s.stock.add_bin("A-01").id, [{"item_id": item.id, "quantity": "6"}])
        order = s.orders.create(customer.id, {}, [{"item_id": item.id, "quantity": "6"}])
        order = s.orders.confirm(order.id, order.version)
        s.orders.start_picking(order.id, order.version)
        delivery = s.orders.ship(order.id, s.orders.get(order.id).version)
        invoice = s.invoices.invoice([delivery.id])
        line_id = invoice.lines[0].id  # 600 net: room for one allowance of 400, not two

        pc = {"target": target, "invoice_id": invoice.id, "line_id": line_id, "net": "400"}
        reports = two_pcs(db, "red_invoice_worker.py", {**pc, "user": "pc1"},
                          {**pc, "user": "pc2"}, signal="checked")  # fmt: skip

        assert reports[0]["number"] and not reports[0]["refused"]
        assert not reports[1]["number"] and "200.00" in reports[1]["refused"]
        [blue] = s.red_invoices.blue_lines(invoice.id)
        assert blue.credited_net == Money.of("400") and blue.open_net == Money.of("200")
        assert len(s.red_invoices.of_invoice(invoice.id)) == 1
    finally:
        db.dispose()
