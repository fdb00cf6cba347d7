"""Scanning serials on the return form: a delivered serial picks its delivery line, one that
came to this customer on another delivery or never came to this customer is refused naming
it; nothing is written by a scan."""

from __future__ import annotations

import pytest

from retailerp.domain.errors import FieldError
from retailerp.services import Services
from support.shop import Shop


def ship(s: Services, customer_id: int, item_id: int, quantity: str):  # noqa: ANN201
    order = s.orders.create(customer_id, {}, [{"item_id": item_id, "quantity": quantity}])
    order = s.orders.confirm(order.id, order.version)
    s.orders.start_picking(order.id, order.version)
    return s.orders.ship(order.id, s.orders.get(order.id).version)


def test_a_scanned_serial_picks_the_line_and_a_foreign_one_is_refused(shop: Shop) -> None:
    s = shop.s
    ours = s.customers.create({"code": "C001", "name": "华联超市", "credit_limit": "99999"}).id
    other = s.customers.create({"code": "C002", "name": "物美", "credit_limit": "99999"}).id
    phone = s.items.create({"sku": "PHONE", "name": "手机", "price": "900", "vat_rate": "13",
                            "tracking": "serial"}).id  # fmt: skip
    s.stock.receive(s.stock.add_bin("A-01").id, [
        {"item_id": phone, "quantity": 1, "serial": f"SN{n}"} for n in range(1, 6)
    ])  # fmt: skip
    first = ship(s, ours, phone, "2")
    second = ship(s, ours, phone, "1")
    foreign = ship(s, other, phone, "1")
    [theirs] = [line.serial for line in foreign.lines]
    [later_serial] = [line.serial for line in second.lines]
    for line in first.lines:
        found = s.returns.scanned(first.id, line.serial.lower())
        assert (found.delivery_line_id, found.serial, found.open) == (line.id, line.serial, 1)

    with pytest.raises(FieldError, match=f"{later_serial} is not on delivery {first.number}") as e:
        s.returns.scanned(first.id, later_serial)
    assert e.value.field == "serial" and second.number in e.value.render()
    with pytest.raises(FieldError, match=f"{theirs} was never delivered to this customer"):
        s.returns.scanned(first.id, theirs)
    with pytest.raises(FieldError, match="SN99 was never delivered"):
        s.returns.scanned(first.id, "SN99")

    returned = first.lines[0]
    draft = s.returns.create(first.id, {"reason": "quality_defect"},
                             [{"delivery_line_id": returned.id, "quantity": "1",
                               "serial": returned.serial, "condition": "defective"}])  # fmt: skip
    s.returns.post(draft.id, draft.version)
    with pytest.raises(FieldError, match=f"{returned.serial} has come back already"):
        s.returns.scanned(first.id, returned.serial)
    assert shop.qty(phone, "QC", returned.serial) == 1 and shop.ledger_ok()
