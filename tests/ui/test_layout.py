"""Every page and dialog fits a 1366 × 768 screen in both languages, headers unclipped."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QHeaderView, QTableView, QTableWidget, QWidget

from retailerp import demo, i18n
from retailerp.persistence import migrate
from retailerp.persistence.engine import open_database
from retailerp.services import Page
from retailerp.ui import app as app_module
from retailerp.ui.customers.dialog import CustomerDialog
from retailerp.ui.items.dialog import ItemDialog
from retailerp.ui.main_window import DEFAULT_SIZE
from retailerp.ui.printing.batch import BatchOptionsDialog
from retailerp.ui.returns.dialog import ReturnDialog
from retailerp.ui.sales.order_dialog import OrderDialog
from retailerp.ui.sales.payment_dialog import PaymentDialog
from retailerp.ui.sales.ship_dialog import ShipDialog
from retailerp.ui.settings_dialog import SettingsDialog
from retailerp.ui.stock.count import CountDialog
from retailerp.ui.stock.receipt import ReceiptDialog
from support.dbtools import as_owner, services_for

SCREEN = (1366, 768)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("layout") / "demo.db"
    db = open_database(path)
    migrate.upgrade(db)
    demo.fill(
        services_for(db, today=date(2026, 12, 1)),
        demo.DemoSize(customers=20, items=30, orders=24),
        language="en",
    )
    db.dispose()
    yield path


@pytest.fixture(params=["en", "zh_CN"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    app = QApplication.instance()
    before = i18n.current_language()
    translators = app_module.install_translators(app, request.param)
    app_module.install_cjk_font(app)
    yield request.param
    app_module.remove_translators(app, translators)
    i18n.set_language(before)


def clipped_headers(widget: QWidget) -> list[tuple[str, str, int, int]]:
    """(table, header, width, needed) of every visible header section narrower than its text,
    and of every table whose columns run past its right edge."""
    found = []
    for view in widget.findChildren(QTableView):
        if not view.isVisible() or view.model() is None:
            continue
        header = view.horizontalHeader()
        for n in range(header.count()):
            if header.isSectionHidden(n):
                continue
            needed = header.sectionSizeFromContents(n).width()
            if header.sectionSize(n) < needed:
                text = str(view.model().headerData(n, header.orientation()))
                found.append((view.objectName(), text, header.sectionSize(n), needed))
        if isinstance(view, QTableWidget):  # a dialog's few lines: no cell is cut either
            metrics = view.fontMetrics()
            for row in range(view.rowCount()):
                for n in range(view.columnCount()):
                    if header.isSectionHidden(n):  # e.g. "incl. VAT" while prices are net
                        continue
                    cell = view.item(row, n)
                    width = metrics.horizontalAdvance(cell.text()) if cell else 0
                    if width + 6 > view.columnWidth(n):
                        found.append((view.objectName(), cell.text(), view.columnWidth(n), width))
        total = header.length()
        stretches = any(
            header.sectionResizeMode(n) == QHeaderView.ResizeMode.Stretch
            for n in range(header.count())
        )
        if stretches and total > view.viewport().width() + 1:
            found.append((view.objectName(), "(all columns)", view.viewport().width(), total))
    return found


def fits(widget: QWidget) -> list[str]:
    hint = widget.minimumSizeHint()
    problems = []
    if hint.width() > SCREEN[0] or widget.width() > SCREEN[0]:
        problems.append(f"{widget.objectName() or type(widget).__name__} is {widget.width()} wide")
    if hint.height() > SCREEN[1]:
        problems.append(f"{type(widget).__name__} needs {hint.height()} high")
    return problems


def test_every_page_and_dialog_fits_1366_by_768(qtbot, demo_db: Path, language: str) -> None:
    db = open_database(demo_db)
    services = as_owner(db, today=lambda: date(2026, 12, 1))
    window = app_module.build_main_window(services, str(demo_db), "wal")
    qtbot.addWidget(window)
    window.resize(*SCREEN)
    window.show()
    qtbot.waitExposed(window)
    problems: list[object] = []
    assert window.minimumSizeHint().width() <= SCREEN[0]
    for key in window.module_keys():
        window.show_module(key)
        QApplication.processEvents()
        page = window.module_widget(key)
        # pages that read their figures in a worker are measured once they are filled
        qtbot.waitUntil(lambda page=page: getattr(page, "loading", None) is None)
        problems += [(key, p) for p in clipped_headers(page)]
        if key == "invoices":
            page.tabs.setCurrentWidget(page.ageing)
            QApplication.processEvents()
            problems += [("ageing", p) for p in clipped_headers(page)]

    order = services.orders.page(Page(filters={"state": "picking"}, limit=1))[0]
    picking = services.orders.documents(order.id).pickings[-1]
    dialogs: list[tuple[str, Callable[[], QWidget]]] = [
        ("order", lambda: OrderDialog(services, order.id, window)),
        ("new order", lambda: OrderDialog(services, None, window)),
        ("customer", lambda: CustomerDialog(services, 1, window)),
        ("item", lambda: ItemDialog(services, 1, window)),
        ("receipt", lambda: ReceiptDialog(services, window)),
        ("count", lambda: CountDialog(services, window)),
        ("ship", lambda: ShipDialog(window, services, picking)),
        ("payment", lambda: PaymentDialog(window, "Payment from C00001", None)),
        ("settings", lambda: SettingsDialog(services, parent=window)),
        ("batch print", lambda: BatchOptionsDialog(window, 3)),
        ("return", lambda: ReturnDialog(services, None, 1, window)),
    ]
    for name, make in dialogs:
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        problems += [(name, p) for p in fits(dialog) + clipped_headers(dialog)]
        if name in ("order", "new order"):
            assert dialog.width() <= DEFAULT_SIZE.width(), "the order is wider than the window"
        dialog.close()
    db.dispose()
    assert problems == []
