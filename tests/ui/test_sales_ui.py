"""The order screens over a real database: an order typed at the keyboard, a scanner,
confirmation with a credit refusal and an owner's override, the way to cash, the lists."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

from retailerp.domain.money import Money
from retailerp.domain.sales import OrderState
from retailerp.services import Page, Services
from retailerp.ui import prompts
from retailerp.ui.main_window import MainWindow
from retailerp.ui.sales import payment_dialog, register_sales_modules, ship_dialog
from retailerp.ui.sales.deliveries_page import DeliveriesPage
from retailerp.ui.sales.invoices_page import InvoicesPage
from retailerp.ui.sales.order_dialog import OrderDialog
from retailerp.ui.sales.orders_page import OrdersPage
from retailerp.ui.sales.payment_dialog import PaymentInput
from support.dbtools import as_owner
from ui.conftest import Ime, activate, answer

BARCODE = "6901234567892"

pytestmark = pytest.mark.usefixtures("english")


@dataclass
class Shop:
    customer: int
    tea: int
    kettle: int


def make_customer(services: Services, code: str, name: str, limit: str = "5000") -> int:
    values = {"code": code, "name": name, "credit_limit": limit, "payment_terms_days": "30"}
    return services.customers.create(values).id or 0


@pytest.fixture
def shop(services: Services) -> Shop:
    """A customer, tea (with a barcode) and kettles in bin A-01."""
    customer = make_customer(services, "C001", "上海百货有限公司")
    tea = services.items.create(
        {
            "sku": "TEA-1",
            "name": "Longjing tea 龙井",
            "price": "100",
            "vat_rate": "13",
            "barcode": BARCODE,
        }
    )
    kettle = services.items.create(
        {"sku": "KET-1", "name": "Kettle 电水壶", "price": "200", "vat_rate": "13"}
    )
    a01 = services.stock.add_bin("A-01").id or 0
    services.stock.receive(
        a01, [{"item_id": tea.id, "quantity": "10"}, {"item_id": kettle.id, "quantity": "3"}]
    )
    return Shop(customer, tea.id or 0, kettle.id or 0)


@pytest.fixture
def dialog(qtbot, services: Services, shop: Shop) -> OrderDialog:
    widget = OrderDialog(services)
    qtbot.addWidget(widget)
    activate(qtbot, widget)
    return widget


def type_into(qtbot, widget: QWidget, text: str, enters: int = 1) -> None:
    qtbot.keyClicks(widget, text)
    for _ in range(enters):
        qtbot.keyClick(widget, Qt.Key.Key_Return)


def choose_customer(qtbot, dialog: OrderDialog, code: str = "C001") -> None:
    dialog.customer.edit.setFocus()
    type_into(qtbot, dialog.customer.edit, code)


def scan(qtbot, dialog: OrderDialog, code: str) -> None:
    """What a scanner does: the code replaces the selected text, then Enter."""
    entry = dialog.lines.entry
    entry.selectAll()
    type_into(qtbot, entry, code)


def edit_cell(qtbot, dialog: OrderDialog, text: str) -> None:
    """Type into the grid's current cell, then Enter (the cell editor takes the keys)."""
    table = dialog.lines.table
    qtbot.keyClick(table, text[0])
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not table)
    editor = QApplication.focusWidget()
    assert table.isAncestorOf(editor)
    qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits in a queued call
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)


def grid(dialog: OrderDialog) -> list[dict[str, str]]:
    lines = dialog.lines
    keys = ("item", "quantity", "unit_price", "discount", "gross")
    return [{k: lines.cell_text(row, k) for k in keys} for row in range(lines.table.rowCount())]


def ctrl(qtbot, widget: QWidget, key: Qt.Key) -> None:
    qtbot.keyClick(widget, key, Qt.KeyboardModifier.ControlModifier)


def enter_lines(qtbot, dialog: OrderDialog) -> None:
    """5 tea less 10 %, 1 kettle, all by keys; saved with Ctrl+S."""
    scan(qtbot, dialog, "TEA-1")
    scan(qtbot, dialog, "KET-1")
    qtbot.keyClick(dialog.lines.entry, Qt.Key.Key_Down)  # into the grid, on the kettle
    qtbot.keyClick(dialog.lines.table, Qt.Key.Key_Up)  # up to the tea's quantity
    edit_cell(qtbot, dialog, "5")
    qtbot.keyClick(dialog.lines.table, Qt.Key.Key_Right)
    qtbot.keyClick(dialog.lines.table, Qt.Key.Key_Right)  # discount %
    edit_cell(qtbot, dialog, "10")
    ctrl(qtbot, dialog.lines.table, Qt.Key.Key_S)


# --- entering an order ---------------------------------------------------------------------


def test_an_order_is_entered_without_the_mouse(
    qtbot, dialog: OrderDialog, services: Services, shop: Shop
) -> None:
    choose_customer(qtbot, dialog)
    assert dialog.customer.value() == shop.customer
    assert dialog.customer.edit.text() == "C001 上海百货有限公司"
    assert "Class C" in dialog.customer.info.text()
    assert "credit limit 5,000.00" in dialog.customer.info.text()
    assert dialog.payment_mode.hasFocus()  # Enter moved on from the customer
    qtbot.keyClick(dialog.payment_mode, Qt.Key.Key_Up)  # on credit → cash on delivery
    qtbot.keyClick(dialog.payment_mode, Qt.Key.Key_Return)
    assert dialog.requested_date.hasFocus()
    qtbot.keyClick(dialog.requested_date, Qt.Key.Key_Return)
    assert dialog.note.hasFocus()
    type_into(qtbot, dialog.note, "deliver before noon")
    assert dialog.lines.entry.hasFocus()  # Enter on the note goes on to the items

    enter_lines(qtbot, dialog)

    assert dialog.order is not None, dialog.lines.message.text() + dialog.refusal.text()
    order = services.orders.get(dialog.order.id or 0)
    assert order.number.startswith("SO") and order.state == OrderState.DRAFT
    assert [(line.item_id, line.quantity, line.discount) for line in order.lines] == [
        (shop.tea, Decimal("5"), Decimal("0.1")),
        (shop.kettle, Decimal("1"), Decimal("0")),
    ]
    assert order.totals.net == Money.of("650") and order.totals.vat == Money.of("84.50")
    assert order.totals.gross == Money.of("734.50")
    assert "Gross 734.50" in dialog.lines.totals.text()
    assert order.number in dialog.state_label.text() and "draft" in dialog.state_label.text()
    assert order.payment_mode == "cod" and order.note == "deliver before noon"
    assert order.requested_date is None
    assert not dialog.dirty()


def test_totals_follow_the_grid_before_saving(qtbot, dialog: OrderDialog) -> None:
    scan(qtbot, dialog, "TEA-1")
    assert "Net 100.00 · VAT 13.00 · Gross 113.00" in dialog.lines.totals.text()
    qtbot.keyClick(dialog.lines.entry, Qt.Key.Key_Down)
    edit_cell(qtbot, dialog, "3")
    assert grid(dialog)[0]["gross"] == "339.00"
    assert "Gross 339.00" in dialog.lines.totals.text()
    edit_cell(qtbot, dialog, "x")
    assert "Gross 0.00" in dialog.lines.totals.text()
    assert "correct" in dialog.lines.totals.text()


def test_a_scanned_barcode_twice_makes_one_line_of_two(qtbot, dialog: OrderDialog) -> None:
    scan(qtbot, dialog, BARCODE)
    scan(qtbot, dialog, BARCODE)
    assert [(r["item"], r["quantity"]) for r in grid(dialog)] == [("TEA-1  Longjing tea 龙井", "2")]
    qtbot.keyClick(dialog.lines.entry, Qt.Key.Key_Return)  # the code is still there: once more
    assert grid(dialog)[0]["quantity"] == "3"
    scan(qtbot, dialog, f"4*{BARCODE}")
    assert grid(dialog)[0]["quantity"] == "7"


def test_an_unknown_barcode_adds_nothing_and_says_so(qtbot, dialog: OrderDialog) -> None:
    scan(qtbot, dialog, "6900000000001")
    assert dialog.lines.table.rowCount() == 0
    assert "6900000000001" in dialog.lines.entry_message.text()
    assert "No item" in dialog.lines.entry_message.text()
    scan(qtbot, dialog, BARCODE)  # the next good scan clears the message
    assert dialog.lines.table.rowCount() == 1 and dialog.lines.entry_message.text() == ""


def test_part_of_a_name_offers_the_matching_items(qtbot, dialog: OrderDialog, services) -> None:
    services.items.create({"sku": "TEA-2", "name": "Pu'er tea 普洱", "price": "80"})
    scan(qtbot, dialog, "tea")
    assert dialog.lines.table.rowCount() == 0
    assert dialog.lines.popup.texts() == ["TEA-1  Longjing tea 龙井", "TEA-2  Pu'er tea 普洱"]
    dialog.lines.popup.chosen.emit(1)  # what Enter on the second popup row does
    assert grid(dialog)[0]["item"] == "TEA-2  Pu'er tea 普洱"


def test_a_line_error_names_the_line(qtbot, dialog: OrderDialog) -> None:
    choose_customer(qtbot, dialog)
    scan(qtbot, dialog, "TEA-1")
    qtbot.keyClick(dialog.lines.entry, Qt.Key.Key_Down)
    edit_cell(qtbot, dialog, "0")
    ctrl(qtbot, dialog.lines.table, Qt.Key.Key_S)
    assert dialog.order is None
    assert dialog.lines.message.text() == "Line 1: The quantity must be greater than zero."


def test_saving_without_a_customer_says_what_to_do(qtbot, dialog: OrderDialog) -> None:
    scan(qtbot, dialog, "TEA-1")
    ctrl(qtbot, dialog.lines.entry, Qt.Key.Key_S)
    assert dialog.order is None
    assert "Choose a customer" in dialog.form.error_label("customer").text()


# --- the customer picker -----------------------------------------------------------------


def test_chinese_customer_search_through_the_input_method(
    qtbot, dialog: OrderDialog, services: Services, shop: Shop, ime: Ime
) -> None:
    make_customer(services, "C002", "北京百货大楼")
    ended = make_customer(services, "C003", "广州百货商店")
    services.customers.end(ended, 1, "closed down")
    picker = dialog.customer
    picker.edit.setFocus()
    ime(picker.edit, "百货")  # two characters: LIKE, ended customers left out
    qtbot.waitUntil(lambda: [c.code for c in picker.candidates()] == ["C001", "C002"])
    ime(picker.edit, "大楼")  # "百货大楼": trigram search, one match
    qtbot.waitUntil(lambda: [c.code for c in picker.candidates()] == ["C002"])
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    assert picker.value() is not None
    assert picker.edit.text() == "C002 北京百货大楼"


def test_several_customers_match_and_enter_asks_to_choose(
    qtbot, dialog: OrderDialog, services: Services
) -> None:
    make_customer(services, "C010", "Acme East")
    make_customer(services, "C011", "Acme West")
    picker = dialog.customer
    type_into(qtbot, picker.edit, "Acme")
    assert picker.value() is None
    assert "Several customers match" in picker.warning.text()
    picker.popup.chosen.emit(1)
    assert picker.edit.text() == "C011 Acme West"


def test_a_review_overdue_is_shown_with_the_customer(
    qtbot, dialog: OrderDialog, services: Services, shop: Shop
) -> None:
    # in business since January 2020 and never reviewed: due in every period since
    back_then = as_owner(services.ctx.db, today=lambda: date(2020, 1, 15))
    make_customer(back_then, "C900", "Old Customer")
    assert services.invoices.position(shop.customer).review_overdue is False  # new today
    choose_customer(qtbot, dialog, "C900")
    assert "The customer's review is overdue" in dialog.customer.warning.text()
    dialog.customer.edit.clear()
    choose_customer(qtbot, dialog, "C001")  # created today: not due
    assert dialog.customer.value() == shop.customer
    assert "review is overdue" not in dialog.customer.warning.text()


# --- confirming ----------------------------------------------------------------------------


def test_ctrl_enter_saves_and_confirms(
    qtbot, dialog: OrderDialog, services: Services, shop: Shop
) -> None:
    choose_customer(qtbot, dialog)
    scan(qtbot, dialog, "KET-1")
    ctrl(qtbot, dialog.lines.entry, Qt.Key.Key_Return)
    assert dialog.order is not None and dialog.order.state == OrderState.CONFIRMED
    assert "confirmed" in dialog.state_label.text()
    assert services.orders.free_stock([shop.kettle])[shop.kettle] == Decimal("2")
    assert not dialog.lines.entry.isEnabled()  # only a draft is edited
    assert dialog.picking_button.isEnabled() and not dialog.confirm_button.isEnabled()


def test_a_credit_refusal_is_explained_and_an_owner_overrides_it(
    qtbot, dialog: OrderDialog, services: Services, monkeypatch
) -> None:
    make_customer(services, "C020", "Small shop", limit="100")
    choose_customer(qtbot, dialog, "C020")
    scan(qtbot, dialog, "KET-1")  # 226.00 against a limit of 100.00
    ctrl(qtbot, dialog.lines.entry, Qt.Key.Key_Return)
    assert dialog.order is not None and dialog.order.state == OrderState.DRAFT
    assert "credit limit of 100.00" in dialog.refusal.text()
    assert dialog.override_button.isVisible()

    monkeypatch.setattr(prompts, "ask_reason", answer("pays cash at the door"))
    qtbot.mouseClick(dialog.override_button, Qt.MouseButton.LeftButton)
    order = services.orders.get(dialog.order.id or 0)
    assert order.state == OrderState.CONFIRMED
    assert order.override_reason == "pays cash at the door" and order.override_by == "owner"
    assert dialog.refusal.text() == "" and not dialog.override_button.isVisible()
    assert "pays cash at the door" in dialog.override_info.text()


def test_a_clerk_sees_the_refusal_but_no_override(qtbot, db, shop: Shop) -> None:
    from retailerp.domain.security import Actor, Role

    clerk = Services.over(db, actor=Actor("li", Role.SALES))
    make_customer(clerk, "C021", "Tiny shop", limit="10")
    widget = OrderDialog(clerk)
    qtbot.addWidget(widget)
    activate(qtbot, widget)
    choose_customer(qtbot, widget, "C021")
    scan(qtbot, widget, "KET-1")
    ctrl(qtbot, widget.lines.entry, Qt.Key.Key_Return)
    assert "credit limit" in widget.refusal.text()
    assert not widget.override_button.isVisible()


def test_an_order_confirmed_on_another_pc_is_shown_as_it_is_now(
    qtbot, dialog: OrderDialog, services: Services, shop: Shop
) -> None:
    choose_customer(qtbot, dialog)
    scan(qtbot, dialog, "KET-1")
    ctrl(qtbot, dialog.lines.entry, Qt.Key.Key_S)
    assert dialog.order is not None
    services.orders.confirm(dialog.order.id or 0, dialog.order.version)  # the other PC
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert "was changed by owner" in dialog.refusal.text()
    assert dialog.state() == OrderState.CONFIRMED  # reloaded
    assert services.orders.free_stock([shop.kettle])[shop.kettle] == Decimal("2")


# --- on to cash ----------------------------------------------------------------------------


def test_from_confirmation_to_cash_with_the_linked_documents(
    qtbot, dialog: OrderDialog, services: Services, monkeypatch
) -> None:
    choose_customer(qtbot, dialog)
    scan(qtbot, dialog, "KET-1")
    ctrl(qtbot, dialog.lines.entry, Qt.Key.Key_Return)

    qtbot.mouseClick(dialog.picking_button, Qt.MouseButton.LeftButton)
    assert dialog.state() == OrderState.PICKING
    assert dialog.preview is not None and dialog.preview.number.startswith("PK")
    preview = dialog.preview
    qtbot.waitUntil(lambda: not preview.rendering, timeout=30_000)  # pages come from a worker
    assert preview.pixmaps() and not preview.pixmaps()[0].isNull()
    dialog.preview.close()

    monkeypatch.setattr(ship_dialog, "ask_picked", lambda _p, _s, picking: {1: "1"})
    qtbot.mouseClick(dialog.ship_button, Qt.MouseButton.LeftButton)
    assert dialog.state() == OrderState.SHIPPED, dialog.refusal.text()
    assert dialog.preview.number.startswith("DN")
    assert dialog.invoice_button.isEnabled()

    qtbot.mouseClick(dialog.invoice_button, Qt.MouseButton.LeftButton)
    assert dialog.state() == OrderState.INVOICED
    assert dialog.preview.number.startswith("IV")

    seen: list[Money | None] = []

    def pay(_parent, _about, amount, preview):  # noqa: ANN001, ANN202
        seen.append(amount)
        assert not preview(str(amount.amount)).is_overpayment
        return PaymentInput(str(amount.amount), "wechat", "WX123")

    monkeypatch.setattr(payment_dialog, "ask_payment", pay)
    qtbot.mouseClick(dialog.pay_button, Qt.MouseButton.LeftButton)
    assert seen == [Money.of("226.00")]
    assert dialog.state() == OrderState.PAID
    qtbot.mouseClick(dialog.close_order_button, Qt.MouseButton.LeftButton)
    assert dialog.state() == OrderState.CLOSED

    kinds = [number[:2] for number in dialog.linked.numbers()]
    assert kinds == ["PK", "DN", "IV", "PY"]
    first = dialog.linked.item(0)
    dialog.linked.itemActivated.emit(first)  # double-click / Enter: its print preview
    assert dialog.preview.number == dialog.linked.numbers()[0]


def test_cancelling_asks_why_and_releases_the_stock(
    qtbot, dialog: OrderDialog, services: Services, shop: Shop, monkeypatch
) -> None:
    choose_customer(qtbot, dialog)
    scan(qtbot, dialog, "KET-1")
    ctrl(qtbot, dialog.lines.entry, Qt.Key.Key_Return)
    monkeypatch.setattr(prompts, "ask_reason", answer("customer changed its mind"))
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.state() == OrderState.CANCELLED
    assert services.orders.free_stock([shop.kettle])[shop.kettle] == Decimal("3")


def test_a_prepaid_order_cannot_ship_before_payment(
    qtbot, dialog: OrderDialog, services: Services, monkeypatch
) -> None:
    choose_customer(qtbot, dialog)
    dialog.payment_mode.setCurrentIndex(dialog.payment_mode.findData("prepaid"))
    scan(qtbot, dialog, "KET-1")
    ctrl(qtbot, dialog.lines.entry, Qt.Key.Key_Return)
    qtbot.mouseClick(dialog.picking_button, Qt.MouseButton.LeftButton)
    monkeypatch.setattr(ship_dialog, "ask_picked", lambda *a: {1: "1"})
    qtbot.mouseClick(dialog.ship_button, Qt.MouseButton.LeftButton)
    assert dialog.state() == OrderState.PICKING
    assert "record the payment of 226.00 before shipping" in dialog.refusal.text()


# --- lists ---------------------------------------------------------------------------------


def post_delivery(services: Services, customer: int, item: int, qty: str = "1") -> str:
    order = services.orders.create(
        customer, {"payment_mode": "credit"}, [{"item_id": item, "quantity": qty}]
    )
    order = services.orders.confirm(order.id or 0, order.version)
    services.orders.start_picking(order.id or 0, order.version)
    order = services.orders.get(order.id or 0)
    return services.orders.ship(order.id or 0, order.version).number


def test_the_order_list_filters_by_state_and_opens_an_order(
    qtbot, qtmodeltester, services: Services, shop: Shop
) -> None:
    post_delivery(services, shop.customer, shop.kettle)
    services.orders.create(shop.customer, {}, [{"item_id": shop.tea, "quantity": "1"}])
    page = OrdersPage(services)
    qtbot.addWidget(page)
    activate(qtbot, page)
    assert page.model.rowCount() == 2
    qtmodeltester.check(page.model)
    page.date_from.setValue(services.ctx.today() + timedelta(days=1))
    assert page.model.rowCount() == 0  # nothing ordered after today
    page.date_from.setValue(None)
    page.state_filter.setCurrentIndex(page.state_filter.findData("draft"))
    assert page.model.rowCount() == 1
    assert page.model.data(page.model.index(0, 3)) == "draft"
    page.search.setText("nobody")
    page.search.flush()
    assert page.model.rowCount() == 0
    page.search.setText("C001")
    page.search.flush()
    page.view.activated.emit(page.model.index(0, 0))
    opened = next(iter(page.dialogs.values()))
    assert opened.order is not None and opened.order.state == OrderState.DRAFT
    opened.close()


def test_a_new_order_from_the_list_appears_in_it(qtbot, services: Services, shop: Shop) -> None:
    page = OrdersPage(services)
    qtbot.addWidget(page)
    activate(qtbot, page)
    dialog = page.new_order()
    activate(qtbot, dialog)
    choose_customer(qtbot, dialog)
    scan(qtbot, dialog, "TEA-1")
    ctrl(qtbot, dialog.lines.entry, Qt.Key.Key_S)
    assert page.model.rowCount() == 1
    dialog.close()


def test_selected_deliveries_of_one_customer_are_invoiced_together(
    qtbot, services: Services, shop: Shop
) -> None:
    first = post_delivery(services, shop.customer, shop.kettle)
    second = post_delivery(services, shop.customer, shop.tea, "2")
    other = make_customer(services, "C030", "Other")
    post_delivery(services, other, shop.tea)
    page = DeliveriesPage(services)
    qtbot.addWidget(page)
    activate(qtbot, page)
    page.uninvoiced.setChecked(True)
    assert page.model.rowCount() == 3

    page.select_rows([0, 1, 2])  # two customers: refused
    assert page.invoice_selected() is None
    assert "one customer" in page.message.text()

    rows = [n for n in range(3) if page.model.row_at(n).number in (first, second)]
    page.select_rows(rows)
    invoice = page.invoice_selected()
    assert invoice is not None and invoice.gross == Money.of("452.00")
    assert invoice.number in page.message.text()
    assert page.model.rowCount() == 1  # only the other customer's delivery is left
    assert page.previews[-1].number == invoice.number
    for preview in page.previews:
        preview.close()


def test_invoices_take_a_payment_and_the_ageing_shows_what_is_open(
    qtbot, services: Services, shop: Shop, monkeypatch
) -> None:
    delivery = post_delivery(services, shop.customer, shop.kettle)
    services.invoices.invoice([services.orders.deliveries_page(Page(search=delivery))[0].id])
    page = InvoicesPage(services)
    qtbot.addWidget(page)
    activate(qtbot, page)
    invoices = page.invoices
    invoices.open_only.setChecked(True)
    assert invoices.model.rowCount() == 1
    assert invoices.model.data(invoices.model.index(0, 6)) == "226.00"

    page.tabs.setCurrentWidget(page.ageing)
    table = page.ageing.table
    assert table.rowCount() == 1 and table.item(0, 0).text() == "C001"
    assert table.item(0, table.columnCount() - 1).text() == "226.00"

    page.tabs.setCurrentWidget(invoices)
    invoices.select_rows([0])
    monkeypatch.setattr(payment_dialog, "ask_payment", answer(PaymentInput("100", "cash", "")))
    payment = invoices.record_payment()
    assert payment is not None and "recorded" in invoices.message.text()
    assert invoices.model.data(invoices.model.index(0, 6)) == "126.00"


def test_the_modules_are_registered_in_the_main_window(qtbot, services: Services) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    register_sales_modules(window, services)
    assert window.module_keys() == ["orders", "deliveries", "invoices"]
    window.show_module("invoices")
    assert isinstance(window.module_widget("invoices"), InvoicesPage)


def test_the_ship_dialog_proposes_what_the_picking_list_says(
    qtbot, services: Services, shop: Shop
) -> None:
    order = services.orders.create(shop.customer, {}, [{"item_id": shop.kettle, "quantity": "2"}])
    order = services.orders.confirm(order.id or 0, order.version)
    picking = services.orders.start_picking(order.id or 0, order.version)
    dialog = ship_dialog.ShipDialog(None, services, picking)
    qtbot.addWidget(dialog)
    assert dialog.picked() == {1: "2"}
    assert dialog.table.item(0, 2).text() == "KET-1  Kettle 电水壶"
    dialog.table.item(0, 5).setText("1")
    assert dialog.picked() == {1: "1"}


def test_the_payment_dialog_proposes_the_amount_due(qtbot) -> None:
    dialog = payment_dialog.PaymentDialog(None, "Order SO2026-000001", Money.of("226"))
    qtbot.addWidget(dialog)
    assert dialog.payment() == PaymentInput("226.00", "bank", "")
    dialog.method.setCurrentIndex(dialog.method.findData("alipay"))
    qtbot.keyClicks(dialog.reference, "AP-778")
    assert dialog.payment() == PaymentInput("226.00", "alipay", "AP-778")
