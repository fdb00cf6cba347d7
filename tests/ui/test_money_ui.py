"""Money on account on the screens: the payment dialog asks about an overpayment, the
receivables list applies money on account and shows the customer's balance, the ageing has a
credit column, the customer card shows the money, the settings hold the overdue grace."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit

from retailerp.config import LocalSettings
from retailerp.domain.money import Money
from retailerp.services import ServiceContext, Services
from retailerp.ui.customers.dialog import CustomerDialog
from retailerp.ui.sales import payment_dialog
from retailerp.ui.sales.invoices_page import InvoicesPage
from retailerp.ui.sales.payment_dialog import PaymentDialog, PaymentInput
from retailerp.ui.settings_dialog import SettingsDialog
from ui.conftest import activate

pytestmark = pytest.mark.usefixtures("english")
M = Money.of


@pytest.fixture
def customer(services: Services) -> int:
    values = {"code": "C100", "name": "杭州文具店", "credit_limit": "5000"}
    return services.customers.create(values).id or 0


@pytest.fixture
def lamp(services: Services) -> int:
    lamp = services.items.create(
        {"sku": "LAMP-1", "name": "Lamp 台灯", "price": "200", "vat_rate": "13"}
    )
    a01 = services.stock.add_bin("A-01").id or 0
    services.stock.receive(a01, [{"item_id": lamp.id, "quantity": "10"}])
    return lamp.id or 0


def invoiced_lamp(services: Services, customer: int, lamp: int, days_ago: int = 0) -> str:
    """One lamp ordered, shipped and invoiced (226.00) ``days_ago``; the invoice number."""
    if days_ago:
        day = services.ctx.today() - timedelta(days_ago)
        services = Services(ServiceContext(services.ctx.db, services.ctx.actor, lambda: day))
    order = services.orders.create(customer, {}, [{"item_id": lamp, "quantity": "1"}])
    order = services.orders.confirm(order.id or 0, order.version)
    services.orders.start_picking(order.id or 0, order.version)
    services.orders.ship(order.id or 0, services.orders.get(order.id or 0).version)
    delivery = services.orders.deliveries_of(order.id or 0)[0]
    return services.invoices.invoice([delivery.id or 0]).number


def released_credit(services: Services, customer: int, lamp: int) -> None:
    """22.60 paid against a prepaid order that was then cancelled: money on account."""
    order = services.orders.create(
        customer, {"payment_mode": "prepaid"}, [{"item_id": lamp, "quantity": "1"}]
    )
    order = services.orders.confirm(order.id or 0, order.version)
    services.invoices.record_payment(customer, "22.60", order_id=order.id)
    order = services.orders.get(order.id or 0)
    services.orders.cancel(order.id or 0, order.version, "changed mind")


# --- the payment dialog asks about an overpayment ----------------------------------------------


def test_the_payment_dialog_asks_before_keeping_an_overpayment_on_account(
    qtbot, services: Services, customer: int, lamp: int
) -> None:
    invoiced_lamp(services, customer, lamp)
    dialog = PaymentDialog(
        None,
        "Payment from C100",
        M("226"),
        lambda amount: services.invoices.preview_payment(customer, amount),
    )
    qtbot.addWidget(dialog)
    activate(qtbot, dialog)
    dialog.amount.selectAll()
    qtbot.keyClicks(dialog.amount, "427.82")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.question.isVisible()
    assert dialog.question.text() == "201.82 more than is open: keep as credit on account?"
    assert dialog.ok_button.text() == "&Keep as credit"

    # changing the amount withdraws the question; the exact amount goes straight through
    dialog.amount.selectAll()
    qtbot.keyClicks(dialog.amount, "500")
    assert not dialog.question.isVisible() and dialog.ok_button.text() != "&Keep as credit"
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.question.text().startswith("274.00 more than is open")

    # confirmed: accepted with the amount typed
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.payment() == PaymentInput("500", "bank", "")


def test_an_amount_that_is_open_is_accepted_without_a_question(
    qtbot, services: Services, customer: int, lamp: int
) -> None:
    invoiced_lamp(services, customer, lamp)
    dialog = PaymentDialog(
        None, "", M("226"), lambda a: services.invoices.preview_payment(customer, a)
    )
    qtbot.addWidget(dialog)
    activate(qtbot, dialog)
    qtbot.keyClick(dialog.amount, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not dialog.question.isVisible()


def test_a_bad_amount_is_refused_next_to_the_field(
    qtbot, services: Services, customer: int
) -> None:
    dialog = PaymentDialog(None, "", None, lambda a: services.invoices.preview_payment(customer, a))
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.amount, "abc")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "not a number" in dialog.findChild(QLabel, "amount_error").text()


# --- receivables ------------------------------------------------------------------------------


def test_the_receivables_list_applies_money_on_account_and_shows_the_balance(
    qtbot, services: Services, customer: int, lamp: int, monkeypatch
) -> None:
    number = invoiced_lamp(services, customer, lamp)
    released_credit(services, customer, lamp)
    page = InvoicesPage(services)
    qtbot.addWidget(page)
    activate(qtbot, page)
    invoices = page.invoices
    invoices.open_only.setChecked(True)
    assert invoices.model.rowCount() == 1
    invoices.select_rows([0])
    position = invoices.position_label.text()
    assert "open invoices 226.00" in position and "money on account 22.60" in position
    assert "balance 203.40" in position

    qtbot.mouseClick(invoices.credit_button, Qt.MouseButton.LeftButton)
    assert f"applied to {number}" in invoices.message.text()
    assert services.invoices.get(number).open_amount == M("203.40")
    assert invoices.model.data(invoices.model.index(0, 6)) == "203.40"

    # the payment asks the service what it would do; the surplus is reported after
    seen = []

    def pay(_parent, _about, amount, preview):  # noqa: ANN001, ANN202
        seen.append((amount, preview("300").surplus))
        return PaymentInput("300", "cash", "")

    invoices.select_rows([0])
    monkeypatch.setattr(payment_dialog, "ask_payment", pay)
    payment = invoices.record_payment()
    assert seen == [(M("203.40"), M("96.60"))]
    assert payment is not None and payment.unallocated == M("96.60")
    assert "96.60 of it is not applied to an invoice yet" in invoices.message.text()


def test_the_ageing_shows_money_on_account_as_a_credit(
    qtbot, services: Services, customer: int, lamp: int
) -> None:
    invoiced_lamp(services, customer, lamp, days_ago=45)
    other = services.customers.create({"code": "C200", "name": "Prepaid shop"}).id or 0
    services.invoices.record_payment(other, "77.40")
    page = InvoicesPage(services)
    qtbot.addWidget(page)
    activate(qtbot, page)
    page.tabs.setCurrentWidget(page.ageing)
    table = page.ageing.table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    credit, total = headers.index("Money on account"), headers.index("Total")
    bucket = headers.index("1–30 days overdue")
    rows = {table.item(r, 0).text(): r for r in range(table.rowCount())}
    assert list(rows) == ["C100", "C200"]  # the one in credit last
    assert table.item(rows["C100"], bucket).text() == "226.00"
    assert table.item(rows["C100"], credit).text() == ""
    assert table.item(rows["C200"], credit).text() == "-77.40"
    assert table.item(rows["C200"], total).text() == "-77.40"


# --- the customer card and the settings -------------------------------------------------------


def test_the_customer_card_shows_the_money_and_what_is_overdue(
    qtbot, services: Services, customer: int, lamp: int
) -> None:
    invoiced_lamp(services, customer, lamp, days_ago=230)
    services.invoices.record_payment(customer, "300")
    card = CustomerDialog(services, customer)
    qtbot.addWidget(card)
    text = card.money_label.text()
    assert "open invoices 0.00" in text and "money on account 74.00" in text
    assert "balance -74.00" in text and "overdue" not in text

    late_payer = (
        services.customers.create({"code": "C300", "name": "Late payer", "credit_limit": "900"}).id
        or 0
    )
    number = invoiced_lamp(services, late_payer, lamp, days_ago=230)
    late = CustomerDialog(services, late_payer)
    qtbot.addWidget(late)
    text = late.money_label.text()
    assert "open invoices 226.00" in text
    assert f"226.00 overdue beyond the grace (oldest {number}, 200 days)" in text


def test_the_overdue_grace_is_a_shop_setting(
    qtbot, services: Services, tmp_path, monkeypatch
) -> None:
    monkeypatch.setenv("RETAILERP_CONFIG_DIR", str(tmp_path))
    dialog = SettingsDialog(services, LocalSettings())
    qtbot.addWidget(dialog)
    editor = dialog.form.editor("overdue_grace_days")
    assert isinstance(editor, QLineEdit) and editor.text() == "30"
    editor.setText("abc")
    assert not dialog.save()
    assert "whole days" in dialog.findChild(QLabel, "overdue_grace_days_error").text()
    assert services.settings.get().overdue_grace_days == 30
    editor.setText("60")
    assert dialog.save()
    assert services.settings.get().overdue_grace_days == 60
