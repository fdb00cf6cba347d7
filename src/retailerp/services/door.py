"""The door of every service method: who may call it, then its arguments, before anything runs.

First the acting user's permission for the method is looked up in the one permission table
(:mod:`retailerp.services.permissions`): a role that may not call it is refused with
``PermissionDenied`` before any argument is read, and nothing is written.

``@door`` on a public service method reads the method's type hints and checks each
argument against them; a wrong one is refused with a :class:`FieldError` naming the argument
(or ``lines.<n>.<key>``, ``rows.<n>.<key>``, a key of a values mapping), so no raw Python
error (``int("abc")``, ``None.get``, ``"x".strip`` of a number …) escapes a service and
nothing is written.  What each hint means at the door:

- ``int``: a whole number from 0 to the largest BIGINT (ids, versions, counts); a text of
  ASCII digits is read as one; ``bool`` is not a number.
- ``bool``: only ``True`` / ``False``.
- ``str``: text, by the one text rule of :mod:`retailerp.domain.validation` (control and
  bidi characters refused, line breaks only in multi-line fields).
- ``date``: a date or ISO text; :data:`DocumentDate` (given as ``@door(doc_date=DocumentDate)``)
  also keeps it within the plausible window (2000 … a year ahead).
- ``Decimal`` (or an override such as ``@door(amount=Decimal)`` where the hint is
  ``object``): a finite number, typed text read by :func:`~retailerp.domain.money.to_decimal`.
- an enum: one of its values.
- ``Mapping[K, V]``: a mapping whose keys and values are checked as K and V; where V is
  ``Any`` or ``object`` (the values of a form), each value is one plain value (text, number,
  date, choice, a file's bytes — no lists or objects), text values meet the text rule,
  numbers are finite, and keys such as ``item_id`` (:data:`ID_KEYS`) hold ids.
  ``Sequence[X]``: a list, tuple, set or other iterable (not text, not a mapping) of X,
  each line's errors named ``<argument>.<n>.<key>`` (``entries`` are named ``rows``).
- ``Page``: a list request whose search text and sort key meet the text rule and whose limit
  is a whole number (the query clamps it to 1 … ``PAGE_LIMIT_MAX``).
- any other class: an instance of it.  ``X | None`` also takes ``None``.

The business rules themselves (lengths, ranges, states) stay in the domain; the door only
makes sure they are given values of the kind they expect.
"""

from __future__ import annotations

import functools
import inspect
import itertools
import types
import typing
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any, TypeVar, Union, get_args, get_origin

from retailerp.domain import validation as v
from retailerp.domain.errors import FieldError
from retailerp.domain.money import Money, to_decimal
from retailerp.domain.text import QT_TRANSLATE_NOOP
from retailerp.persistence.paging import Page
from retailerp.services import permissions

F = TypeVar("F", bound=Callable[..., Any])
Today = Callable[[], date]
Check = Callable[[Any, str, Today], Any]

MAX_ID = 2**63 - 1
"""The largest integer a BIGINT column holds."""
MAX_ENTRIES = 100_000
"""The most rows one call may carry (an import of a whole register fits)."""
LINE_NAMES = {"entries": "rows"}
ID_KEYS = frozenset(
    {"item_id", "customer_id", "location_id", "order_id", "delivery_id", "invoice_id",
     "line_id", "picking_id", "warehouse_id", "bin_id"}
)  # fmt: skip
"""Keys of a form or line that hold record ids (``tax_id`` is text, not one of them)."""


class DocumentDate(date):
    """Marker for ``@door(<argument>=DocumentDate)``: a date in the plausible window."""


def door(func: F | None = None, /, **overrides: Any) -> Any:
    """Check the arguments of a service method (see the module); ``overrides`` name the
    type an argument is checked as where its hint says too little (``object``)."""
    if func is None:
        return lambda f: door(f, **overrides)
    signature = inspect.signature(func)
    checks: dict[str, Check] | None = None

    @functools.wraps(func)
    def checked(*args: Any, **kwargs: Any) -> Any:
        nonlocal checks
        if checks is None:
            checks = _checks_of(func, signature, overrides)
        bound = signature.bind(*args, **kwargs)
        _permitted(bound.arguments.get("self"), func.__qualname__)
        today = _today_of(bound.arguments.get("self"))
        for name, check in checks.items():
            if name in bound.arguments:
                bound.arguments[name] = check(bound.arguments[name], name, today)
        return func(*bound.args, **bound.kwargs)

    checked.__door__ = True  # type: ignore[attr-defined]
    checked.__door_overrides__ = dict(overrides)  # type: ignore[attr-defined]
    return checked


def _permitted(service: object, method: str) -> None:
    """The permission check, before any argument is looked at (``services/permissions.py``)."""
    ctx = getattr(service, "ctx", None)
    if ctx is not None:
        permissions.check(ctx.actor, method)


def _today_of(service: object) -> Today:
    ctx = getattr(service, "ctx", None)
    return getattr(ctx, "today", date.today)


def _checks_of(
    func: Callable[..., Any], signature: inspect.Signature, overrides: Mapping[str, Any]
) -> dict[str, Check]:
    hints = typing.get_type_hints(func)
    checks: dict[str, Check] = {}
    for name in signature.parameters:
        if name == "self":
            continue
        hint = overrides.get(name, hints.get(name, Any))
        if name in overrides and _is_optional(hints.get(name)):
            hint = hint | None
        check = check_for(hint)
        if check is not None:
            checks[name] = check
    return checks


def _is_optional(hint: Any) -> bool:
    return get_origin(hint) in (Union, types.UnionType) and type(None) in get_args(hint)


def check_for(hint: Any) -> Check | None:
    """The check of one type hint, or None where anything goes (``Any``, ``object``)."""
    if hint in (Any, object):
        return None
    origin, args = get_origin(hint), get_args(hint)
    if origin in (Union, types.UnionType):
        return _union(args)
    simple = SIMPLE.get(hint)
    if simple is not None:
        return simple
    if isinstance(hint, type) and issubclass(hint, Enum):
        return functools.partial(_enum, hint)
    if origin is not None and isinstance(origin, type) and issubclass(origin, Mapping):
        key, value = args or (str, Any)
        form = key is str and value in (Any, object)
        return functools.partial(_mapping, check_for(key), check_for(value), form)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return functools.partial(_sequence, check_for(args[0]))
    if origin is tuple:
        return functools.partial(_tuple, [check_for(a) for a in args])
    if origin is not None and isinstance(origin, type) and issubclass(origin, Sequence):
        return functools.partial(_sequence, check_for(args[0]) if args else None)
    if isinstance(hint, type):
        return functools.partial(_instance, hint)
    return None


def refuse(field: str, message: str, **params: Any) -> FieldError:
    return FieldError(field, message, **params)


def _union(args: tuple[Any, ...]) -> Check | None:
    optional = type(None) in args
    checks = [check_for(a) for a in args if a is not type(None)]
    if any(c is None for c in checks):
        return None

    def check(value: Any, field: str, today: Today) -> Any:
        if value is None and optional:
            return None
        if value is None:
            raise refuse(field, QT_TRANSLATE_NOOP("errors", "This field is required."))
        first: FieldError | None = None
        for one in checks:
            try:
                return one(value, field, today)  # type: ignore[misc]
            except FieldError as error:
                first = first or error
        assert first is not None
        raise first

    return check


def _int(value: Any, field: str, today: Today) -> int:
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int):
        raise refuse(field, QT_TRANSLATE_NOOP("errors", "Enter a whole number."))
    if value < 0:
        raise refuse(field, QT_TRANSLATE_NOOP("errors", "The number cannot be negative."))
    if value > MAX_ID:
        raise refuse(field, QT_TRANSLATE_NOOP("errors", "The number {value} is too large."),
                     value=value)  # fmt: skip
    return value


def _bool(value: Any, field: str, today: Today) -> bool:
    if not isinstance(value, bool):
        raise refuse(field, QT_TRANSLATE_NOOP("errors", "Choose yes or no."))
    return value


def _str(value: Any, field: str, today: Today) -> str:
    if value is None:
        raise refuse(field, QT_TRANSLATE_NOOP("errors", "Enter text here."))
    return v.clean_text(value, field)


def _date(value: Any, field: str, today: Today) -> date:
    return v.to_date(value, field)


def _document_date(value: Any, field: str, today: Today) -> date:
    return v.document_date(value, field, today())


def _decimal(value: Any, field: str, today: Today) -> Decimal:
    return to_decimal(value, field)


SIMPLE: dict[Any, Check] = {
    int: _int,
    bool: _bool,
    str: _str,
    date: _date,
    DocumentDate: _document_date,
    Decimal: _decimal,
}


def _enum(kind: type[Enum], value: Any, field: str, today: Today) -> Enum:
    try:
        return value if isinstance(value, kind) else kind(value)
    except (ValueError, TypeError):
        raise refuse(
            field,
            QT_TRANSLATE_NOOP("errors", "'{value}' is not one of {choices}."),
            value=str(value)[:40],
            choices=", ".join(str(m.value) for m in kind),
        ) from None


def _mapping(
    key_check: Check | None, value_check: Check | None, form: bool, value: Any, field: str,
    today: Today, prefix: str = "",
) -> dict[Any, Any]:  # fmt: skip
    if not isinstance(value, Mapping):
        raise refuse(field, QT_TRANSLATE_NOOP("errors", "The values are missing or malformed."))
    clean: dict[Any, Any] = {}
    for key, item in value.items():
        name = f"{prefix}{key}" if isinstance(key, str) else field
        if form and not isinstance(key, str):
            raise refuse(field, QT_TRANSLATE_NOOP("errors", "The values are missing or malformed."))
        key = key_check(key, field, today) if key_check else key
        if form:
            clean[key] = _form_value(item, name)
        else:
            clean[key] = value_check(item, field, today) if value_check else item
    return clean


PLAIN_VALUES = (str, int, Decimal, float, date, Enum, Money, bytes, type(None))
"""What one value of a form may be (no lists, mappings or other objects); ``bytes`` is a
file's content (a logo, an attachment), whose size and kind the domain checks."""


def _form_value(value: Any, name: str) -> Any:
    """A value of a form: one plain value; text meets the text rule, numbers are finite
    and fit a BIGINT, ``…_id`` keys hold ids."""
    if name.rsplit(".", 1)[-1] in ID_KEYS and value not in (None, ""):
        return _int(value, name, date.today)
    if not isinstance(value, PLAIN_VALUES):
        raise refuse(name, QT_TRANSLATE_NOOP("errors", "Enter a single value here."))
    if isinstance(value, str):
        return v.clean_text(value, name)
    if isinstance(value, float | Decimal) and not Decimal(value).is_finite():
        raise refuse(name, QT_TRANSLATE_NOOP("errors", "Enter a number."))
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_ID:
        raise refuse(name, QT_TRANSLATE_NOOP("errors", "The number {value} is too large."),
                     value=value)  # fmt: skip
    return value


def _sequence(element: Check | None, value: Any, field: str, today: Today) -> list[Any]:
    if not isinstance(value, Iterable) or isinstance(value, str | bytes | Mapping):
        raise refuse(field, QT_TRANSLATE_NOOP("errors", "The list is missing or malformed."))
    value = list(itertools.islice(value, MAX_ENTRIES + 1))  # a set or generator is fine too
    if len(value) > MAX_ENTRIES:
        raise refuse(field, QT_TRANSLATE_NOOP("errors", "At most {max} entries at once."),
                     max=MAX_ENTRIES)  # fmt: skip
    if element is None:
        return list(value)
    lines = LINE_NAMES.get(field, field)
    result = []
    for n, item in enumerate(value, 1):
        if isinstance(element, functools.partial) and element.func is _mapping:
            result.append(element(item, f"{lines}.{n}", today, prefix=f"{lines}.{n}."))
        else:
            result.append(element(item, f"{lines}.{n}", today))
    return result


def _tuple(elements: list[Check | None], value: Any, field: str, today: Today) -> tuple:
    if not isinstance(value, Sequence) or isinstance(value, str | bytes):
        raise refuse(field, QT_TRANSLATE_NOOP("errors", "The values are missing or malformed."))
    if len(value) != len(elements):
        raise refuse(field, QT_TRANSLATE_NOOP("errors", "The values are missing or malformed."))
    return tuple(
        check(item, field, today) if check else item
        for check, item in zip(elements, value, strict=True)
    )


def _instance(kind: type, value: Any, field: str, today: Today) -> Any:
    if not isinstance(value, kind):
        raise refuse(field, QT_TRANSLATE_NOOP("errors", "The values are missing or malformed."))
    if isinstance(value, Page):
        _page(value, field)
    return value


def _page(page: Page, field: str) -> None:
    """A list request: its texts meet the text rule, its limit is a sound count."""
    v.clean_text(page.search, f"{field}.search")
    v.clean_text(page.sort_key, f"{field}.sort_key")
    if page.filters is not None and not isinstance(page.filters, Mapping):
        raise refuse(field, QT_TRANSLATE_NOOP("errors", "The values are missing or malformed."))
    if isinstance(page.limit, bool) or not isinstance(page.limit, int):
        raise refuse(f"{field}.limit", QT_TRANSLATE_NOOP("errors", "Enter a whole number."))
