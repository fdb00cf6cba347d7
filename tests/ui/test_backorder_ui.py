"""A backorder in the order window: the per-line progress is shown, closing short asks why
and ends it; a picking list that cannot be fulfilled is re-planned or cancelled; only
refusals the domain marks as overridable offer "Override…"."""

from __future__ import annotations

import pytest

from retailerp.services import Services
from retailerp.ui import prompts
from retailerp.ui.sales import ship_dialog
from retailerp.ui.sales.order_dialog import OrderDialog
from ui.conftest import activate, answer

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def order_id(services: Services) -> int:
    """An order of 8 confirmed by override with 5 on the shelf: 5 reserved, 3 backordered."""
    customer = services.customers.create({"code": "C001", "name": "华联", "credit_limit": "9999"})
    item = services.items.create({"sku": "SOAP", "name": "Soap", "price": "10", "vat_rate": "13"})
    services.stock.receive(
        services.stock.add_bin("A-01").id, [{"item_id": item.id, "quantity": "5"}]
    )
    order = services.orders.create(customer.id, {}, [{"item_id": item.id, "quantity": "8"}])
    return services.orders.confirm(order.id, order.version, "rest next week").id or 0


def open_dialog(qtbot, services: Services, order_id: int) -> OrderDialog:
    dialog = OrderDialog(services, order_id)
    qtbot.addWidget(dialog)
    activate(qtbot, dialog)
    return dialog


def test_a_partly_shipped_order_shows_its_backorder_and_is_closed_short(
    qtbot, services: Services, order_id: int, monkeypatch
) -> None:
    dialog = open_dialog(qtbot, services, order_id)
    assert not dialog.close_short_button.isEnabled()
    dialog.picking_button.click()
    monkeypatch.setattr(ship_dialog, "ask_picked", lambda *_a: {1: "5"})
    dialog.ship_button.click()
    assert "partly shipped" in dialog.state_label.text()
    assert "delivered 5 · backordered 3 (reserved 0)" in dialog.progress.text()
    assert dialog.close_short_button.isEnabled() and not dialog.cancel_button.isEnabled()
    assert dialog.picking_button.isEnabled()  # the backorder can be picked when stock comes

    monkeypatch.setattr(prompts, "ask_reason", answer("discontinued"))
    dialog.close_short_button.click()
    assert dialog.refusal.text() == ""
    assert services.orders.get(order_id).state == "shipped"
    assert "backordered 0 (reserved 0) · cancelled 3" in dialog.progress.text()
    assert "Closed short: discontinued" in dialog.override_info.text()
    assert not dialog.close_short_button.isEnabled()


def test_a_picking_list_that_cannot_be_fulfilled_is_replanned_from_the_window(
    qtbot, services: Services, order_id: int, monkeypatch
) -> None:
    dialog = open_dialog(qtbot, services, order_id)
    dialog.picking_button.click()
    item_id = services.orders.get(order_id).lines[0].item_id
    b01 = services.stock.add_bin("B-01").id
    services.stock.receive(b01, [{"item_id": item_id, "quantity": "5"}])
    a01 = next(loc.id for loc in services.stock.locations() if loc.code == "A-01")
    services.stock.count(a01, [{"item_id": item_id, "quantity": "0"}])
    dialog.reload()
    monkeypatch.setattr(ship_dialog, "ask_picked", lambda *_a: {1: "5"})
    dialog.ship_button.click()
    assert "can no longer be fulfilled" in dialog.refusal.text()
    assert not dialog.override_button.isVisible()  # not a refusal anyone may override
    assert dialog.replan_button.isEnabled() and dialog.cancel_picking_button.isEnabled()

    dialog.replan_button.click()
    picking = services.orders.open_picking(order_id)
    assert picking is not None and [p.bin_code for p in picking.lines] == ["B-01"]
    monkeypatch.setattr(prompts, "ask_reason", answer("truck broke down"))
    dialog.cancel_picking_button.click()
    assert services.orders.get(order_id).state == "confirmed"
    assert services.orders.open_picking(order_id) is None
    assert dialog.picking_button.isEnabled() and not dialog.replan_button.isEnabled()
