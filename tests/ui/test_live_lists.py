"""Open lists and documents follow the data: the order-to-cash flow from the order window
shows at once in Stock, Deliveries and Invoices; F5 and Refresh reload; selection and
scroll stay where they were."""

from __future__ import annotations

import threading
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from retailerp.domain.sales import OrderState
from retailerp.persistence import migrate
from retailerp.persistence.engine import Database, open_database
from retailerp.services import Services
from retailerp.services.changes import Change, ChangeSet
from retailerp.ui import prompts
from retailerp.ui.app import build_main_window
from retailerp.ui.changes import watch
from retailerp.ui.customers import CustomerListPage
from retailerp.ui.home.page import HomePage
from retailerp.ui.main_window import MainWindow
from retailerp.ui.models import DEFAULT_PAGE_SIZE
from retailerp.ui.printing.preview import PrintPreviewDialog
from retailerp.ui.sales import payment_dialog, ship_dialog
from retailerp.ui.sales.order_dialog import OrderDialog
from retailerp.ui.sales.payment_dialog import PaymentInput
from retailerp.ui.stock import StockPage
from support.dbtools import as_owner
from ui.conftest import activate

pytestmark = pytest.mark.usefixtures("english")


def stock_quantities(page: StockPage) -> list[str]:
    model = page.stock_model
    column = model.column_of("quantity")
    return [model.index(r, column).data() for r in range(model.rowCount())]


@pytest.fixture
def kettles(services: Services) -> tuple[int, int]:
    """100 kettles in bin A-01 and a draft order for 10 of them (customer, order id)."""
    customer = services.customers.create(
        {"code": "C001", "name": "华联超市", "credit_limit": "100000", "payment_terms_days": "30"}
    )
    kettle = services.items.create(
        {"sku": "KET-1", "name": "Kettle 电水壶", "price": "200", "vat_rate": "13"}
    )
    a01 = services.stock.add_bin("A-01").id or 0
    services.stock.receive(a01, [{"item_id": kettle.id, "quantity": "100"}])
    order = services.orders.create(customer.id or 0, {}, [{"item_id": kettle.id, "quantity": "10"}])
    return customer.id or 0, order.id or 0


@pytest.fixture
def window(qtbot, services: Services) -> MainWindow:
    widget = build_main_window(services, "test")
    qtbot.addWidget(widget)
    activate(qtbot, widget)
    return widget


def open_module(window: MainWindow, key: str):  # noqa: ANN201 - the module's page
    window.show_module(key)
    return window.module_widget(key)


def test_the_order_to_cash_flow_shows_in_every_open_list_without_a_restart(
    qtbot, window: MainWindow, services: Services, kettles, monkeypatch
) -> None:
    stock: StockPage = open_module(window, "stock")
    deliveries = open_module(window, "deliveries")
    invoices = open_module(window, "invoices")
    assert stock_quantities(stock) == ["100"]
    assert deliveries.model.rowCount() == 0 and invoices.invoices.model.rowCount() == 0
    orders = open_module(window, "orders")
    dialog: OrderDialog = orders.open_order(kettles[1])
    monkeypatch.setattr(ship_dialog, "ask_picked", lambda _p, _s, _picking: {1: "10"})

    def pay(_parent, _about, amount, _preview):  # noqa: ANN001, ANN202
        return PaymentInput(str(amount.amount), "cash", "")

    monkeypatch.setattr(payment_dialog, "ask_payment", pay)

    for button in ("confirm_button", "picking_button", "ship_button", "invoice_button"):
        qtbot.mouseClick(getattr(dialog, button), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.pay_button, Qt.MouseButton.LeftButton)
    assert dialog.state() == OrderState.PAID, dialog.refusal.text()

    window.activateWindow()
    open_module(window, "stock")
    qtbot.waitUntil(lambda: stock_quantities(stock) == ["90"])
    open_module(window, "deliveries")
    qtbot.waitUntil(lambda: deliveries.model.rowCount() == 1)
    assert deliveries.model.row_at(0).invoice_number.startswith("IV")
    open_module(window, "invoices")
    qtbot.waitUntil(lambda: invoices.invoices.model.rowCount() == 1)
    qtbot.waitUntil(lambda: invoices.invoices.model.row_at(0).open_amount.minor == 0)
    order_list = open_module(window, "orders")
    qtbot.waitUntil(lambda: order_list.model.row_at(0).state == OrderState.PAID.value)


def test_a_document_window_follows_a_change_made_elsewhere(
    qtbot, services: Services, kettles
) -> None:
    dialog = OrderDialog(services, kettles[1])
    qtbot.addWidget(dialog)
    activate(qtbot, dialog)
    order = services.orders.get(kettles[1])
    services.orders.confirm(order.id or 0, order.version, "")
    qtbot.waitUntil(lambda: dialog.state() == OrderState.CONFIRMED)
    assert dialog.picking_button.isEnabled()


@pytest.fixture
def other_pc(db: Database) -> Services:
    """Services over a second connection to the same file: its writes do not reach our
    bus (as another PC's do not, until the database is polled)."""
    assert db.path is not None
    other = open_database(db.path)
    migrate.upgrade(other)
    yield as_owner(other)
    other.dispose()


def test_f5_reloads_the_list_on_screen(
    qtbot, window: MainWindow, services: Services, other_pc: Services
) -> None:
    customers: CustomerListPage = open_module(window, "customers")
    assert customers.model.rowCount() == 0
    other_pc.customers.create({"code": "C9", "name": "Elsewhere Ltd", "credit_limit": "0"})
    qtbot.wait(10)
    assert customers.model.rowCount() == 0  # nobody told this window
    customers.view.setFocus()
    qtbot.keyClick(customers.view, Qt.Key.Key_F5)
    assert customers.model.rowCount() == 1


def test_every_list_has_a_refresh_button_naming_f5(
    qtbot, window: MainWindow, services: Services, other_pc: Services
) -> None:
    for key in window.module_keys():
        page = open_module(window, key)
        buttons = [b for b in page.findChildren(QPushButton) if b.objectName().endswith("refresh")]
        assert buttons and all("F5" in b.toolTip() for b in buttons), key
    items = open_module(window, "items")
    other_pc.items.create({"sku": "X-1", "name": "Elsewhere", "price": "1", "vat_rate": "13"})
    qtbot.mouseClick(items.refresh_button, Qt.MouseButton.LeftButton)
    assert items.model.rowCount() == 1


def test_a_reload_keeps_the_selected_row_and_the_scroll(
    qtbot, show_page, services: Services
) -> None:
    services.customers.import_many(
        [{"code": f"C{n:03}", "name": f"Customer {n:03}", "credit_limit": "0"} for n in range(300)]
    )
    page = show_page(CustomerListPage(services))
    deep = DEFAULT_PAGE_SIZE * 3 // 4  # well down the first page
    page.view.scrollTo(page.model.index(deep, 0))
    page.view.selectRow(deep)
    top = page.view.rowAt(0)
    assert top > deep // 2
    services.customers.create({"code": "A000", "name": "AAA first", "credit_limit": "0"})
    qtbot.waitUntil(lambda: page.model.row_at(0).code == "A000")  # the list reloaded itself
    current = page.model.row_at(page.view.currentIndex())
    assert current.code == f"C{deep:03}"
    assert [page.model.row_at(i).code for i in page.view.selectionModel().selectedRows()] == [
        f"C{deep:03}"
    ]
    assert page.view.rowAt(0) == top + 1  # the same rows on screen (one more above them)


def test_down_from_the_search_box_enters_the_list_and_enter_opens_the_row(
    qtbot, show_page, services: Services
) -> None:
    services.customers.create({"code": "C001", "name": "First Ltd", "credit_limit": "0"})
    page = show_page(CustomerListPage(services))
    activate(qtbot, page)
    page.search.setFocus()
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is page.view
    assert page.model.row_at(page.view.currentIndex()).code == "C001"
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert list(page.dialogs) == [page.model.row_at(0).id]
    page.dialogs[page.model.row_at(0).id].close()


def test_a_hidden_page_reloads_when_it_is_shown_again(
    qtbot, window: MainWindow, services: Services
) -> None:
    items = open_module(window, "items")
    open_module(window, "customers")
    calls: list[None] = []
    watch(items, services.changes, {Change.ITEMS}, lambda: calls.append(None))
    services.items.create({"sku": "X-1", "name": "New", "price": "1", "vat_rate": "13"})
    qtbot.wait(20)
    assert calls == [] and items.model.rowCount() == 0
    open_module(window, "items")
    qtbot.waitUntil(lambda: items.model.rowCount() == 1)
    assert calls == [None]


def test_changes_published_by_a_worker_thread_arrive_on_the_ui_thread(
    qtbot, show_page, services: Services
) -> None:
    page = show_page(CustomerListPage(services))
    threads: list[threading.Thread] = []

    def on_change() -> None:
        threads.append(threading.current_thread())

    watch(page, services.changes, {Change.CUSTOMERS}, on_change)
    worker = threading.Thread(
        target=lambda: services.changes.publish(ChangeSet(frozenset({Change.CUSTOMERS})))
    )
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(threads))
    assert threads == [threading.main_thread()]


def test_a_card_shows_a_change_saved_in_another_card_but_keeps_typed_edits(
    qtbot, services: Services, monkeypatch
) -> None:
    from retailerp.ui.customers.dialog import CustomerDialog, form_values

    customer = services.customers.create({"code": "C1", "name": "Old name", "credit_limit": "0"})
    card = CustomerDialog(services, customer.id)
    qtbot.addWidget(card)
    activate(qtbot, card)
    values = {**form_values(customer), "name": "New name"}
    services.customers.update(customer.id or 0, customer.version, values)
    qtbot.waitUntil(lambda: card.form.values()["name"] == "New name")
    card.form.editor("phone").setText("021-12345678")
    latest = services.customers.get(customer.id or 0)
    values = {**form_values(latest), "contact": "Wang"}
    services.customers.update(customer.id or 0, latest.version, values)
    qtbot.waitUntil(lambda: card.customer.contact == "Wang")
    assert card.form.values()["phone"] == "021-12345678"
    monkeypatch.setattr(prompts, "ask_discard", lambda _parent: True)


def test_stock_is_reloaded_with_the_quantities_of_the_posting(
    qtbot, show_page, services: Services, kettles
) -> None:
    page = show_page(StockPage(services))
    assert stock_quantities(page) == ["100"]
    a01 = next(loc for loc in services.stock.locations() if loc.code == "A-01")
    item = services.items.find("KET-1")
    services.stock.receive(a01.id or 0, [{"item_id": item.id, "quantity": "5"}])
    qtbot.waitUntil(lambda: stock_quantities(page) == ["105"])
    assert Decimal(stock_quantities(page)[0]) == Decimal(105)


def test_a_list_that_reloaded_after_its_own_card_saved_does_not_load_again(
    qtbot, show_page, services: Services
) -> None:
    page = show_page(CustomerListPage(services))
    reloads: list[None] = []
    refresh = page.model.refresh
    page.model.refresh = lambda: (reloads.append(None), refresh())[1]
    card = page.new_customer()
    card.form.editor("code").setText("C1")
    card.form.editor("name").setText("New Ltd")
    assert card.save()
    assert page.model.rowCount() == 1 and reloads == [None]  # at once, as the card saved
    services.customers.create({"code": "C2", "name": "Other Ltd", "credit_limit": "0"})
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    qtbot.wait(20)
    assert reloads == [None, None]  # the card's save was not loaded a second time
    card.close()


def test_down_from_the_stock_search_enters_the_stock_list(
    qtbot, show_page, services: Services, kettles
) -> None:
    page = show_page(StockPage(services))
    activate(qtbot, page)
    page.stock_search.setFocus()
    qtbot.keyClick(page.stock_search, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is page.overview
    assert page.overview.currentIndex().row() == 0


def test_an_open_print_preview_follows_the_company_details(
    qtbot, services: Services, kettles
) -> None:
    order = services.orders.get(kettles[1])
    order = services.orders.confirm(order.id or 0, order.version, "")
    picking = services.orders.start_picking(order.id or 0, order.version)
    preview = PrintPreviewDialog(None, services, picking.number)
    qtbot.addWidget(preview)
    activate(qtbot, preview)
    qtbot.waitUntil(lambda: not preview.rendering, timeout=60000)
    before = preview.pdf
    assert before
    services.settings.save_company({"name": "Renamed Trading Co"})
    qtbot.waitUntil(lambda: preview.pdf != before)


def test_the_home_page_on_screen_counts_again_after_a_change(
    qtbot, show_page, services: Services, kettles
) -> None:
    page = show_page(HomePage(services))

    def drafts() -> int:
        return next(q.count for q in page.overview.queues if q.key == "drafts")

    qtbot.waitUntil(lambda: page.overview is not None)  # counted once it is on screen
    assert drafts() == 1
    customer, _order = kettles
    item = services.items.find("KET-1")
    services.orders.create(customer, {}, [{"item_id": item.id, "quantity": "1"}])
    qtbot.waitUntil(lambda: drafts() == 2)
