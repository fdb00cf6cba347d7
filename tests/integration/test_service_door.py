"""Every service argument is checked at the door: hostile values get a DomainError naming the
argument, and nothing is written (every table's rows, the audit trail included, unchanged).

The methods and their arguments are found by introspection, so a method added later is fed
hostile values too (and ``test_every_public_service_method_is_checked_at_the_door`` fails until
it carries ``@door``).
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import typing
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any, Union, get_args, get_origin

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

import retailerp.services
from retailerp.domain.errors import DomainError, FieldError, ValidationError
from retailerp.domain.security import NOBODY
from retailerp.persistence import migrate
from retailerp.persistence import tables as t
from retailerp.persistence.engine import Database, open_database
from retailerp.persistence.queries import Page
from retailerp.persistence.unit_of_work import read
from retailerp.services import ServiceContext, Services
from retailerp.services.door import DocumentDate, door
from support.dbtools import TODAY, location_id, services_for

# --- which methods ------------------------------------------------------------------------


def service_classes() -> list[type]:
    found: dict[str, type] = {}
    for info in pkgutil.iter_modules(retailerp.services.__path__):
        module = importlib.import_module(f"retailerp.services.{info.name}")
        for name, value in vars(module).items():
            if (
                name.endswith("Service")
                and inspect.isclass(value)
                and value.__module__ == module.__name__
            ):
                found[name] = value
    return [found[k] for k in sorted(found)]


def public_methods(cls: type) -> Iterator[tuple[str, Callable[..., Any]]]:
    for name, value in vars(cls).items():
        if name.startswith("_"):
            continue
        if isinstance(value, staticmethod | classmethod):
            value = value.__func__
        if inspect.isfunction(value):
            yield name, value


def test_every_public_service_method_is_checked_at_the_door() -> None:
    classes = service_classes()
    assert len(classes) >= 7
    unchecked = [
        f"{cls.__name__}.{name}"
        for cls in classes
        for name, method in public_methods(cls)
        if not getattr(method, "__door__", False)
    ]
    assert unchecked == []


_EVERY = Services(ServiceContext(None, NOBODY))  # type: ignore[arg-type]
ATTRIBUTE = {type(getattr(_EVERY, name)).__name__: name for name in Services.names()}
"""Service class name → its attribute on ``Services``."""


def the_door_overrides(method: Callable[..., Any]) -> dict[str, Any]:
    """The hints the door checks: the method's, with its ``@door(x=…)`` overrides."""
    hints = typing.get_type_hints(inspect.unwrap(method))
    for name, hint in getattr(method, "__door_overrides__", {}).items():
        hints[name] = hint | None if _is_optional(hints.get(name)) else hint
    return hints


def arguments() -> list[tuple[str, str, str, Any]]:
    cases = []
    for cls in service_classes():
        for name, method in public_methods(cls):
            hints = the_door_overrides(method)
            for param in inspect.signature(method).parameters:
                if param != "self" and hints.get(param, Any) not in (Any,):
                    cases.append((ATTRIBUTE[cls.__name__], name, param, hints[param]))
    return cases


# --- hostile values per kind of argument ----------------------------------------------------

CONTROL_TEXT = ["a\x00b", "\x1b[31mred\x1b[0m", "gpj.\u202eexe", "x\u2066y", "a\ud800", "\x7f"]
BAD_NUMBERS = ["NaN", "Infinity", "-Infinity", "1e400", "0,5", "12,34", "abc", "", [1], {}]
NOT_TEXT = [5, 1.5, b"bytes", ["a"], {"a": 1}, Decimal(1), object()]


def _is_optional(hint: Any) -> bool:
    return get_origin(hint) in (Union, type(int | None)) and type(None) in get_args(hint)


def hostile(hint: Any) -> list[Any]:
    """Values a careful door refuses for an argument of this type."""
    optional = _is_optional(hint)
    if optional:
        hint = next(a for a in get_args(hint) if a is not type(None))
    values = [] if optional else [None]
    origin = get_origin(hint)
    if hint is bool:
        return values + ["yes", 1, 0, "True", [True]]
    if hint is int:
        return values + ["abc", "1.5", 1.5, True, -1, 2**63, 10**30, "12abc", [], Decimal("NaN")]
    if hint is str:
        return values + NOT_TEXT + CONTROL_TEXT
    if hint is DocumentDate:
        return values + [date(1900, 1, 1), date(2099, 1, 1), "1999-12-31", "yesterday"]
    if hint is date:
        return values + ["yesterday", "2026-13-01", "16.03.2026", 20260316, datetime(2026, 3, 1)]
    if hint in (object, Decimal):
        return values + BAD_NUMBERS + [10**30, Decimal("NaN"), float("inf"), "\x00"]
    if isinstance(hint, type) and issubclass(hint, Enum):
        return values + ["nonsense", 12345, [1]]
    if hint is Page:
        return values + ["page", 5, Page(search="a\x00"), Page(limit="x"), Page(filters=[1])]  # type: ignore[arg-type]
    if origin is not None and issubclass(origin, Mapping):
        return values + ["x", 5, [1, 2], ("a", 1)]
    if origin is not None and issubclass(origin, Sequence):
        inner = get_args(hint)[0] if get_args(hint) else Any
        elements: list[Any] = [[None], ["x"]] if inner is not Any else []
        return values + ["abc", 5, {"a": 1}, b"xy"] + elements
    if isinstance(hint, type):
        return values + ["x", 5, object()]
    return values


def baseline(hint: Any, name: str) -> Any:
    """A value the door lets through for an argument of this type."""
    if _is_optional(hint):
        return None
    origin = get_origin(hint)
    simple = {bool: True, int: 1, str: "x", date: TODAY, DocumentDate: TODAY, Decimal: "1"}
    if hint in simple:
        return simple[hint]
    if hint in (object, Any):
        return "1"
    if isinstance(hint, type) and issubclass(hint, Enum):
        return next(iter(hint))
    if hint is Page:
        return Page()
    if origin is not None and issubclass(origin, Mapping):
        return {}
    if origin is not None and issubclass(origin, Sequence):
        return []
    if isinstance(hint, type):
        return hint()
    return None


# --- the shop the values are thrown at ----------------------------------------------------


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    """A real SQLite file with a customer, an item in stock and a draft order (ids 1)."""
    path: Path = tmp_path_factory.mktemp("door") / "shop.db"
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


def snapshot(db: Database) -> dict[str, list[tuple]]:
    """Every row of every table (the audit trail and the number series included)."""
    return read(
        db,
        lambda uow: {
            table.name: sorted(map(tuple, uow.session.execute(select(table))), key=repr)
            for table in t.metadata.sorted_tables
        },
    )


def call_with(shop: Services, area: str, name: str, param: str, value: Any) -> Any:
    method = getattr(getattr(shop, area), name)
    hints = the_door_overrides(getattr(type(getattr(shop, area)), name))
    kwargs = {
        p: baseline(hints.get(p, Any), p)
        for p, spec in inspect.signature(method).parameters.items()
        if spec.default is inspect.Parameter.empty
    }
    kwargs[param] = value
    return method(**kwargs)


def names_the_argument(error: DomainError, param: str) -> bool:
    fields = [e.field for e in error.errors] if isinstance(error, ValidationError) else []
    fields.append(error.field)
    prefixes = (param, "rows") if param == "entries" else (param,)
    return any(f and (f == p or f.startswith(p + ".")) for f in fields for p in prefixes)


@pytest.mark.parametrize(
    ("area", "name", "param", "hint"),
    arguments(),
    ids=[f"{a}.{n}.{p}" for a, n, p, _ in arguments()],
)
@settings(max_examples=10, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_hostile_arguments_are_refused_naming_them_and_nothing_is_written(
    shop: Services, area: str, name: str, param: str, hint: Any, data: st.DataObject
) -> None:
    values = hostile(hint)
    if not values:
        return
    value = data.draw(st.sampled_from(values), label=param)
    before = snapshot(shop.ctx.db)
    with pytest.raises(DomainError) as info:
        call_with(shop, area, name, param, value)
    assert names_the_argument(info.value, param), (info.value.field, str(info.value))
    assert snapshot(shop.ctx.db) == before


def test_the_door_reads_and_refuses() -> None:
    @door
    def f(x: int, d: date, n: str = "", ids: Sequence[int] = ()) -> tuple:
        return x, d, n, ids

    assert f("12", "2026-03-16", ids=["3"]) == (12, date(2026, 3, 16), "", [3])
    assert f(1, TODAY, ids={4}) == (1, TODAY, "", [4])  # a set of ids is a list of them
    assert f(1, TODAY, ids=(n for n in (5, 6)))[3] == [5, 6]
    assert f.__door__ and f.__wrapped__ is not None
    for kwargs, field in [
        ({"x": "abc", "d": TODAY}, "x"),
        ({"x": 1, "d": "16/03/2026"}, "d"),
        ({"x": 1, "d": TODAY, "n": 5}, "n"),
        ({"x": 1, "d": TODAY, "ids": [1, "a"]}, "ids.2"),
    ]:
        with pytest.raises(DomainError) as info:
            f(**kwargs)
        assert info.value.field == field


# --- hostile values inside forms and lines ---------------------------------------------------

INNER_HOSTILE = CONTROL_TEXT + [
    [1],
    {"a": 1},
    object(),
    float("nan"),
    Decimal("Infinity"),
    10**30,
]
"""Values no field of any form or line takes."""

CUSTOMER = {
    "code": "C9", "name": "新客户", "contact": "王", "phone": "021-1234567", "address": "上海",
    "tax_id": "", "bank_name": "", "bank_account": "", "payment_terms_days": "30",
    "credit_limit": "1000", "credit_note": "", "salesperson": "",
}  # fmt: skip
ITEM = {
    "sku": "B9", "name": "Cup", "spec": "", "unit": "pcs", "barcode": "", "price": "5",
    "vat_rate": "13", "tracking": "none", "shelf_life_days": "", "min_stock": "0", "bin": "",
}  # fmt: skip
ORDER_LINE = {"item_id": 1, "quantity": "1", "unit_price": "10", "discount": "", "vat_rate": "13"}
STOCK_LINE = {"item_id": 1, "quantity": "1", "batch": "", "serial": ""}
SETTINGS = {
    "allow_negative_stock": False, "abc_a": "80", "abc_b": "95",
    "review_months": "2,8", "price_floor": "50",
}  # fmt: skip


def forms(services: Services) -> dict[str, tuple[Callable[..., Any], dict[str, Any], str]]:
    """name → (call taking one form, the valid form, how its keys are named)."""
    wh = location_id(services.ctx.db, "WH")
    return {
        "customer.create": (lambda f: services.customers.create(f), CUSTOMER, ""),
        "customer.check": (lambda f: _raise(services.customers.check(f)), CUSTOMER, ""),
        "customer.import": (lambda f: services.customers.import_many([f]), CUSTOMER, "rows.1."),
        "item.create": (lambda f: services.items.create(f), ITEM, ""),
        "item.import": (lambda f: services.items.import_many([f]), ITEM, "rows.1."),
        "order.header": (lambda f: services.orders.create(1, f, [ORDER_LINE]),
                         {"payment_mode": "credit", "note": "", "requested_date": None}, ""),
        "order.line": (lambda f: services.orders.create(1, {}, [f]), ORDER_LINE, "lines.1."),
        "receipt.line": (lambda f: services.stock.receive(wh, [f]), STOCK_LINE, "lines.1."),
        "count.line": (lambda f: services.stock.count(wh, [f]), STOCK_LINE, "lines.1."),
        "settings": (lambda f: services.settings.save_values(f), SETTINGS, ""),
    }  # fmt: skip


def _raise(messages: dict[str, str]) -> None:
    """``check`` returns messages instead of raising; turn them back into a refusal."""
    if messages:
        raise ValidationError([FieldError(field, text) for field, text in messages.items()])


def form_cases() -> list[tuple[str, str]]:
    keys = {
        "customer.create": CUSTOMER, "customer.check": CUSTOMER, "customer.import": CUSTOMER,
        "item.create": ITEM, "item.import": ITEM,
        "order.header": {"payment_mode": 1, "note": 1, "requested_date": 1},
        "order.line": ORDER_LINE, "receipt.line": STOCK_LINE, "count.line": STOCK_LINE,
        "settings": SETTINGS,
    }  # fmt: skip
    return [(form, key) for form, valid in keys.items() for key in valid]


def test_the_valid_forms_pass_the_checks(shop: Services) -> None:
    """The baseline of the test below: the forms as given are valid."""
    assert shop.customers.check(CUSTOMER) == {}
    assert shop.items.check(ITEM) == {}


@pytest.mark.parametrize(("form", "key"), form_cases(), ids=[f"{f}.{k}" for f, k in form_cases()])
@settings(max_examples=8, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=st.sampled_from(INNER_HOSTILE))
def test_hostile_values_inside_forms_are_refused_naming_the_field_and_nothing_is_written(
    shop: Services, form: str, key: str, value: Any
) -> None:
    call, valid, prefix = forms(shop)[form]
    before = snapshot(shop.ctx.db)
    with pytest.raises(DomainError) as info:
        call({**valid, key: value})
    error = info.value
    fields = [e.field for e in error.errors] if isinstance(error, ValidationError) else []
    fields.append(error.field)
    assert any(f and f.startswith(prefix + key) for f in fields), (fields, str(error))
    assert snapshot(shop.ctx.db) == before


# --- absurd orders are refused before they reach the database -------------------------------


def test_an_order_beyond_the_ceiling_is_refused_and_the_largest_allowed_one_invoices(
    shop: Services,
) -> None:
    s = shop
    before = snapshot(s.ctx.db)
    absurd = {"item_id": 1, "quantity": "9999999", "unit_price": "999999999", "vat_rate": "13"}
    with pytest.raises(DomainError) as info:
        s.orders.create(1, {"payment_mode": "cod"}, [absurd])
    assert info.value.field == "lines.1.gross"
    assert "A line may come to at most 9,999,999,999.99" in str(info.value)
    big = {"item_id": 1, "quantity": "8", "unit_price": "999999999.99", "vat_rate": "13"}
    with pytest.raises(DomainError) as info:
        s.orders.create(1, {"payment_mode": "cod"}, [big, big])
    assert info.value.field == "lines"
    assert snapshot(s.ctx.db) == before
    # the largest order that is allowed goes all the way to an invoice (no OverflowError)
    wh = location_id(s.ctx.db, "WH")
    s.stock.receive(wh, [{"item_id": 1, "quantity": "8"}])
    order = s.orders.create(1, {"payment_mode": "cod"}, [big])
    order = s.orders.confirm(order.id, order.version)
    s.orders.start_picking(order.id, order.version)
    delivery = s.orders.ship(order.id, s.orders.get(order.id).version)
    invoice = s.invoices.invoice([delivery.id])
    assert str(invoice.gross) == "9,039,999,999.91"


# --- the cases the issue names ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda s: s.items.get("abc"), "item_id"),
        (lambda s: s.orders.get(None), "order_id"),
        (lambda s: s.stock.receive(1, [{"item_id": "abc", "quantity": "1"}]), "lines.1.item_id"),
        (lambda s: s.stock.receive(1, [{"item_id": 1, "quantity": "1"}], doc_date="16/03/2026"),
         "doc_date"),
        (lambda s: s.stock.count(1, [{"item_id": 1, "quantity": "1"}], doc_date=date(1900, 1, 1)),
         "doc_date"),
        (lambda s: s.customers.end(1, 1, "closed", on=date(2099, 1, 1)), "on"),
        (lambda s: s.customers.create({"code": "C5", "name": 5}), "name"),
        (lambda s: s.customers.create(None), "values"),
        (lambda s: s.orders.create(1, None, [{"item_id": 1, "quantity": "1"}]), "header"),
        (lambda s: s.orders.create(1, {}, None), "lines"),
        (lambda s: s.orders.create(1, {}, [{"item_id": 1, "quantity": "0,5"}]),
         "lines.1.quantity"),
        (lambda s: s.customers.create({"code": "C6", "name": "ACME\u202eLtd"}), "name"),
        (lambda s: s.invoices.record_payment(1, "Infinity"), "amount"),
        (lambda s: s.printing.pdf("SO2026-000001", copies="two"), "copies"),
    ],
)  # fmt: skip
def test_the_inputs_the_issue_names_are_refused(
    shop: Services, call: Callable[[Services], Any], field: str
) -> None:
    before = snapshot(shop.ctx.db)
    with pytest.raises(DomainError) as info:
        call(shop)
    assert names_the_argument(info.value, field), (info.value.field, str(info.value))
    assert snapshot(shop.ctx.db) == before
