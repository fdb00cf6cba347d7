"""No two things on one window answer the same Alt+letter, in English and in Chinese.

Every dialog class under ``retailerp.ui`` is found by walking the package (a new dialog is
covered without touching this test; one whose constructor asks for something this test
cannot make fails, naming the parameter), and every module page of the main window is
shown.  What is on screen at one time is checked together: the pages of a tab or stacked
widget one at a time, each with what surrounds them (menu bar, tab bar, buttons).
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QGroupBox,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

import retailerp.ui
from retailerp import i18n
from retailerp.domain.errors import DomainError
from retailerp.domain.money import Money
from retailerp.domain.stock import LocationKind
from retailerp.services import Services
from retailerp.ui.app import build_main_window, install_translators, remove_translators

LANGUAGES = ("en", "zh_CN")
NUMBERS = object()
"""Stands for "a document number" until the dialog says which kind it shows."""


@dataclass(frozen=True)
class Entry:
    key: str
    text: str
    where: str


def mnemonic(text: str) -> str:
    """``Alt+S`` for ``&Save`` or ``保存(&S)``; ``""`` without one."""
    return QKeySequence.mnemonic(text).toString()


def entries_of(widget: QWidget) -> list[Entry]:
    """The mnemonics ``widget`` itself answers (buttons, buddied labels, group boxes, tabs)."""
    name = f"{type(widget).__name__}:{widget.objectName()}"
    texts: list[str] = []
    if (
        isinstance(widget, QAbstractButton)
        or isinstance(widget, QLabel)
        and widget.buddy() is not None
    ):
        texts = [widget.text()]
    elif isinstance(widget, QGroupBox):
        texts = [widget.title()]
    elif isinstance(widget, QTabBar):
        texts = [widget.tabText(i) for i in range(widget.count())]
    return [Entry(mnemonic(t), t, name) for t in texts if mnemonic(t)]


def scopes(root: QWidget, window: QWidget) -> list[list[Entry]]:
    """Every set of mnemonics on screen together under ``root`` (one per stacked page)."""
    own: list[Entry] = []
    stacks: list[QStackedWidget] = []
    pending = list(_children(root))
    while pending:
        widget = pending.pop()
        if widget.isWindow() or widget.window() is not window:
            continue
        if isinstance(widget, QStackedWidget) and widget.count() > 0:
            stacks.append(widget)
            continue
        if not widget.isHidden() or _hidden_on_purpose(widget):
            own.extend(entries_of(widget))
        pending.extend(_children(widget))
    combos = [own]
    for stack in stacks:
        options = [s for i in range(stack.count()) for s in scopes(stack.widget(i), window)]
        combos = [c + o for c in combos for o in options or [[]]]
    return combos


def _children(widget: QWidget) -> list[QWidget]:
    return [c for c in widget.children() if isinstance(c, QWidget)]


def _hidden_on_purpose(widget: QWidget) -> bool:
    """A button hidden until it is needed (e.g. Override…) still must not collide."""
    return isinstance(widget, QAbstractButton) and widget.isEnabled()


def duplicates(window: QWidget) -> list[str]:
    """``Alt+P: Start &picking / &Payment`` for each letter used twice on one screen."""
    found: set[str] = set()
    sets = scopes(window, window)
    menu_bar = getattr(window, "menuBar", None)
    if callable(menu_bar):
        bar = [Entry(mnemonic(a.text()), a.text(), "menu") for a in menu_bar().actions()]
        sets = [s + [e for e in bar if e.key] for s in sets]
    for menu in window.findChildren(QMenu):
        sets.append([Entry(mnemonic(a.text()), a.text(), "menu") for a in menu.actions()])
    for entries in sets:
        by_key: dict[str, list[Entry]] = {}
        for entry in entries:
            if entry.key:
                by_key.setdefault(entry.key, []).append(entry)
        for key, same in by_key.items():
            if len({id(e) for e in same}) > 1 and len(same) > 1:
                found.add(f"{key}: " + " / ".join(sorted(f"{e.text} ({e.where})" for e in same)))
    return sorted(found)


# --- finding and making every dialog --------------------------------------------------------


def dialog_classes() -> list[type[QDialog]]:
    """Every concrete dialog class defined under ``retailerp.ui`` (bases excluded)."""
    found: dict[str, type[QDialog]] = {}
    for module_info in pkgutil.walk_packages(retailerp.ui.__path__, "retailerp.ui."):
        module = importlib.import_module(module_info.name)
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, QDialog) and cls.__module__ == module.__name__:
                found[f"{cls.__module__}.{cls.__qualname__}"] = cls
    classes = list(found.values())
    return [c for c in classes if not any(o is not c and issubclass(o, c) for o in classes)]


class Maker:
    """Arguments for a dialog's constructor, by parameter name, over a small shop."""

    def __init__(self, services: Services) -> None:
        self.services = services
        s = services
        customer = s.customers.create(
            {"code": "C1", "name": "华联", "credit_limit": "100000", "payment_terms_days": "30"}
        )
        item = s.items.create({"sku": "A-1", "name": "Tea", "price": "10", "vat_rate": "13"})
        receipt = s.stock.receive(
            s.stock.add_bin("A-01").id or 0, [{"item_id": item.id, "quantity": "9"}]
        )
        order = s.orders.create(customer.id or 0, {}, [{"item_id": item.id, "quantity": "1"}])
        order = s.orders.confirm(order.id or 0, order.version, "")
        self.picking = s.orders.start_picking(order.id or 0, order.version)
        self.customer = customer
        self.numbers = [self.picking.number, receipt.number]
        """Document numbers, tried in turn (a picking list, a stock document)."""
        self.values: dict[str, Callable[[], Any]] = {
            "services": lambda: services,
            "parent": lambda: None,
            "customer_id": lambda: customer.id,
            "item_id": lambda: item.id,
            "order_id": lambda: order.id,
            "customer": lambda: self.services.customers.get(customer.id or 0),
            "picking": lambda: self.picking,
            "number": lambda: NUMBERS,
            "about": lambda: "Payment",
            "amount": lambda: Money.of("10"),
            "count": lambda: 2,
            "local": lambda: None,
            "cancellable": lambda: True,
            "required": lambda: True,
            "modules": lambda: [("Ctrl+1", "Customers")],
            "title": lambda: "Title",
            "label": lambda: "Label",
            "kind": lambda: LocationKind.BIN,  # a new bin (it has every field a warehouse has)
        }

    def make(self, cls: type[QDialog]) -> QDialog:
        kwargs: dict[str, Any] = {}
        for name, parameter in inspect.signature(cls.__init__).parameters.items():
            if name == "self" or parameter.kind in (
                parameter.VAR_POSITIONAL,
                parameter.VAR_KEYWORD,
            ):
                continue
            if name in self.values:
                kwargs[name] = self.values[name]()
            elif parameter.default is inspect.Parameter.empty:
                pytest.fail(f"{cls.__name__}({name}=…): teach Maker how to make a {name}")
        if kwargs.get("number") is not NUMBERS:
            return cls(**kwargs)
        for number in self.numbers:  # the first document this dialog can show
            try:
                return cls(**{**kwargs, "number": number})
            except DomainError:
                continue
        pytest.fail(f"{cls.__name__}: none of {self.numbers} can be shown")


@pytest.fixture(params=LANGUAGES)
def language(request, qapp) -> Iterator[str]:
    before = i18n.current_language()
    translators = install_translators(QApplication.instance(), request.param)
    yield request.param
    remove_translators(QApplication.instance(), translators)
    i18n.set_language(before)


def test_the_walk_finds_the_dialogs_it_must_cover() -> None:
    names = {cls.__name__ for cls in dialog_classes()}
    assert {"OrderDialog", "CustomerDialog", "ItemDialog", "ReceiptDialog"} <= names
    assert "RecordDialog" not in names  # a base, checked through its subclasses


def test_the_check_finds_a_collision(qtbot) -> None:
    window = QDialog()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    layout.addWidget(QPushButton("Start &picking"))
    layout.addWidget(QPushButton("&Payment"))
    layout.addWidget(QPushButton("&&Not a mnemonic"))
    assert duplicates(window) == ["Alt+P: &Payment (QPushButton:) / Start &picking (QPushButton:)"]


def test_no_dialog_has_two_things_on_one_key(qtbot, services: Services, language: str) -> None:
    maker = Maker(services)
    problems: dict[str, list[str]] = {}
    for cls in dialog_classes():
        dialog = maker.make(cls)
        qtbot.addWidget(dialog)
        found = duplicates(dialog)
        if found:
            problems[cls.__name__] = found
    assert problems == {}, language


def test_no_page_of_the_main_window_has_two_things_on_one_key(
    qtbot, services: Services, language: str
) -> None:
    Maker(services)
    window = build_main_window(services, "test")
    qtbot.addWidget(window)
    for key in window.module_keys():
        window.show_module(key)
    assert duplicates(window) == [], language
