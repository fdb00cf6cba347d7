"""The one permission table against every service method and every role.

Every public service method must be in ``services/permissions.py``; each is called as each
built-in role (and as a custom role) with arguments that may well be wrong — the permission
check comes first, so a role the table refuses gets ``PermissionDenied`` and one it allows
gets anything else (a result, a missing record, a wrong argument).  A refused call writes
nothing.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from integration.test_service_door import (
    ATTRIBUTE,
    baseline,
    public_methods,
    service_classes,
    snapshot,
    the_door_overrides,
)
from retailerp.domain.errors import PermissionDenied
from retailerp.domain.security import Actor, Permission, Role
from retailerp.persistence import migrate
from retailerp.persistence.engine import open_database
from retailerp.services import Services, permissions
from retailerp.services.permissions import ANYONE, TABLE
from support.dbtools import TODAY, location_id, services_for

ROLES = [Actor(role.value, role) for role in Role]


def every_method() -> list[tuple[str, str]]:
    """(service class, method) of every public service method."""
    return [(cls.__name__, name) for cls in service_classes() for name, _ in public_methods(cls)]


def test_every_public_service_method_is_in_the_permission_table() -> None:
    missing = [f"{cls}.{name}" for cls, name in every_method() if f"{cls}.{name}" not in TABLE]
    assert missing == [], "add a line each to services/permissions.py"


def test_the_table_names_only_methods_that_exist() -> None:
    known = {f"{cls}.{name}" for cls, name in every_method()}
    assert sorted(set(TABLE) - known) == []


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    """A real SQLite file with a customer, an item in stock and a draft order (ids 1)."""
    path: Path = tmp_path_factory.mktemp("permissions") / "shop.db"
    db = open_database(path)
    migrate.upgrade(db)
    services = services_for(db)
    customer = services.customers.create({"code": "C1", "name": "华联超市"})
    item = services.items.create({"sku": "A1", "name": "Tea", "price": "10", "vat_rate": "13"})
    services.stock.receive(location_id(db, "WH"), [{"item_id": item.id, "quantity": "10"}])
    services.orders.create(customer.id, {}, [{"item_id": item.id, "quantity": "2"}])
    try:
        yield services
    finally:
        db.dispose()


def call_as(shop: Services, actor: Actor, cls: str, name: str) -> Callable[[], Any]:
    services = Services.over(shop.ctx.db, actor=actor, today=lambda: TODAY)
    method = getattr(getattr(services, ATTRIBUTE[cls]), name)
    hints = the_door_overrides(getattr(type(getattr(services, ATTRIBUTE[cls])), name))
    kwargs = {
        p: baseline(hints.get(p, Any), p)
        for p, spec in inspect.signature(method).parameters.items()
        if spec.default is inspect.Parameter.empty
    }
    return lambda: method(**kwargs)


def table_allows(actor: Actor, method: str) -> bool:
    need = TABLE[method]
    return need is ANYONE or need in actor.granted


def outcome(call: Callable[[], Any]) -> BaseException | None:
    try:
        call()
    except PermissionDenied as refusal:
        return refusal
    except Exception:  # noqa: BLE001 - allowed: anything but a refusal of the role
        return None
    return None


@pytest.mark.parametrize("actor", ROLES, ids=[a.username for a in ROLES])
@pytest.mark.parametrize(("cls", "name"), every_method(), ids=lambda v: v)
def test_each_role_is_allowed_exactly_what_the_table_says(
    shop: Services, actor: Actor, cls: str, name: str
) -> None:
    method = f"{cls}.{name}"
    refusal = outcome(call_as(shop, actor, cls, name))
    if table_allows(actor, method):
        assert refusal is None, f"{method} refused {actor.role}: {refusal}"
    else:
        assert isinstance(refusal, PermissionDenied), f"{method} let {actor.role} through"
        assert refusal.params["permission"] == TABLE[method].value  # type: ignore[union-attr]


@pytest.mark.parametrize("role", [Role.SALES, Role.WAREHOUSE, Role.FINANCE])
def test_a_refused_call_writes_nothing(shop: Services, role: Role) -> None:
    actor = Actor(role.value, role)
    refused = [(c, n) for c, n in every_method() if not table_allows(actor, f"{c}.{n}")]
    assert refused  # every built-in role but the owner is refused something
    before = snapshot(shop.ctx.db)
    for cls, name in refused:
        assert isinstance(outcome(call_as(shop, actor, cls, name)), PermissionDenied)
    assert snapshot(shop.ctx.db) == before


def test_a_custom_role_gets_exactly_its_permissions(shop: Services) -> None:
    granted = ["stock.receive", "customers.edit", "complaints.handle"]
    shop.users.save_role("Counter", granted)
    shop.users.add("mei", "Mei", "Counter", "a long secret")
    login = Services.over(shop.ctx.db, actor=ROLES[0], today=lambda: TODAY)
    mei = login.users.login("mei", "a long secret")
    assert (mei.role, mei.granted) == ("Counter", {Permission(p) for p in granted})
    for cls, name in every_method():
        method = f"{cls}.{name}"
        refusal = outcome(call_as(shop, mei, cls, name))
        assert (refusal is None) == table_allows(mei, method), method


def test_may_and_why_not_read_the_same_table() -> None:
    clerk = Actor("li", Role.SALES)
    assert permissions.may(clerk, "OrderService.create")
    assert not permissions.may(clerk, "InvoiceService.invoice")
    assert permissions.why_not(clerk, "OrderService.create") is None
    refusal = permissions.why_not(clerk, "InvoiceService.invoice")
    assert refusal is not None and "may not make invoices" in str(refusal)
    assert not permissions.may(Actor("boss"), "NoService.nothing")  # not in the table: no one
