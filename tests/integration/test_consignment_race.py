"""Two PCs post issues of the same consignment stock at once: 10 at the customer, each
issue 6.  The first PC is stopped after checking what is at the customer, before it writes;
the second starts meanwhile.  It waits for the first (item lock on PostgreSQL, the IMMEDIATE
write transaction on SQLite), then finds 4 left and is refused: never more issued than was
at the customer.  SQLite in the shared-file journal mode and PostgreSQL."""

from __future__ import annotations

from decimal import Decimal

from support import race
from support.dbtools import as_owner
from support.race import open_target, two_pcs

target = race.target  # the fixture: the shared SQLite file, or PostgreSQL


def test_two_pcs_issuing_the_same_consignment_stock_never_issue_more_than_is_there(
    target: str,
) -> None:
    db = open_target(target)
    try:
        s = as_owner(db)
        customer = s.customers.create({"code": "C1", "name": "华联"})
        item = s.items.create({"sku": "RICE", "name": "Rice 大米", "price": "50", "vat_rate": "9"})
        s.stock.receive(s.stock.add_bin("A-01").id, [{"item_id": item.id, "quantity": "10"}])
        fill = s.consignment.create_fill_up(customer.id, [{"item_id": item.id, "quantity": "10"}])
        fill = s.consignment.plan_fill_up(fill.id, fill.version)
        s.consignment.post_fill_up(fill.id, fill.version)
        issues = [
            s.consignment.create_issue(customer.id, [{"item_id": item.id, "quantity": "6"}])
            for _ in range(2)
        ]

        reports = two_pcs(
            db, "consignment_worker.py",
            {"target": target, "document_id": issues[0].id, "user": "pc1"},
            {"target": target, "document_id": issues[1].id, "user": "pc2"},
            signal="checked",
        )  # fmt: skip

        assert reports[0] == {"posted": True, "refused": "", "errors": []}
        assert reports[1]["posted"] is False
        assert "At most 4 of RICE" in reports[1]["refused"]
        assert s.stock.quantity(item.id, "CONS-C1") == Decimal(4)
        assert s.stock.quantity(item.id, "CUSTOMERS") == Decimal(6)
        assert [s.consignment.get(i.id).state for i in issues] == ["posted", "draft"]
        assert s.stock.ledger_mismatches() == []
    finally:
        db.dispose()
