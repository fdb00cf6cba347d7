"""A count or a reversal that would take away reserved stock: a clerk sees the refusal, an
owner is asked why and may go ahead; the orders that lose their reservation are named."""

from __future__ import annotations

import pytest

from retailerp.domain.errors import OverridableRefusal
from retailerp.domain.security import Actor, Permission, Role
from retailerp.services import Services
from retailerp.ui import prompts
from retailerp.ui.stock.page import StockPage

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def reserved(services: Services) -> dict:
    customer = services.customers.create({"code": "C1", "name": "华联", "credit_limit": "9999"})
    item = services.items.create({"sku": "SOAP", "name": "Soap", "price": "10", "vat_rate": "13"})
    a01 = services.stock.add_bin("A-01").id
    receipt = services.stock.receive(a01, [{"item_id": item.id, "quantity": "5"}])
    order = services.orders.create(customer.id, {}, [{"item_id": item.id, "quantity": "4"}])
    order = services.orders.confirm(order.id, order.version)
    return {"receipt": receipt.number, "order": order, "item": item.id}


def test_the_owner_is_asked_why_and_the_reversal_goes_through(
    qtbot, services: Services, reserved: dict, monkeypatch
) -> None:
    asked: list[str] = []

    def answer(parent, title, label, text="", *, act=None, required=False):  # noqa: ANN001, ANN202
        asked.append(label)
        return act("received in error") if act is not None else "supplier took it back"

    monkeypatch.setattr(prompts, "ask_reason", answer)
    page = StockPage(services)
    qtbot.addWidget(page)
    monkeypatch.setattr(page, "selected_document", lambda: reserved["receipt"])
    number = page.reverse_selected()
    assert number is not None and number.startswith("RV")
    assert any(reserved["order"].number in text for text in asked)  # the refusal named it
    assert services.orders.get(reserved["order"].id).lines[0].reserved == 0


def test_a_clerk_who_may_not_override_gets_the_refusal_and_nothing_is_counted(
    db, services: Services, reserved: dict, monkeypatch
) -> None:
    clerk = Services.over(db, actor=Actor("wang", Role.WAREHOUSE))
    asked: list[str] = []
    monkeypatch.setattr(prompts, "ask_reason", lambda *a, **k: asked.append("asked"))
    a01 = next(loc.id for loc in clerk.stock.locations() if loc.code == "A-01")
    count = [{"item_id": reserved["item"], "quantity": "1"}]
    may = clerk.ctx.actor.may(Permission.OVERRIDE_CHECKS)
    with pytest.raises(OverridableRefusal, match=reserved["order"].number):
        prompts.with_override(None, lambda o: clerk.stock.count(a01, count, override_reason=o), may)
    assert asked == [] and services.stock.quantity(reserved["item"], "A-01") == 5
