"""Red invoices on the screens: from an invoice of the receivables list by keyboard through
draft, submission, confirmation and issue; refusals next to their fields; the refund prompt;
the list and its state filter."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from retailerp.domain.money import Money
from retailerp.services import Services
from retailerp.ui.red_invoices.form import CREDIT_COLUMN, RedInvoiceDialog
from retailerp.ui.red_invoices.page import RedInvoicesPage
from retailerp.ui.red_invoices.refund_dialog import RefundDialog
from retailerp.ui.sales.invoices_page import InvoicesPage
from ui.conftest import activate

pytestmark = pytest.mark.usefixtures("english")
M = Money.of


@pytest.fixture
def blue(services: Services) -> str:
    """Three lamps (200 net, 13 % VAT) invoiced to C100 and paid: IV2026-…, 678.00."""
    s = services
    customer = s.customers.create({"code": "C100", "name": "杭州文具店", "credit_limit": "9000"})
    lamp = s.items.create({"sku": "LAMP", "name": "Lamp 台灯", "price": "200", "vat_rate": "13"})
    s.stock.receive(s.stock.add_bin("A-01").id or 0, [{"item_id": lamp.id, "quantity": "9"}])
    order = s.orders.create(customer.id or 0, {}, [{"item_id": lamp.id, "quantity": "3"}])
    order = s.orders.confirm(order.id or 0, order.version)
    s.orders.start_picking(order.id or 0, order.version)
    s.orders.ship(order.id or 0, s.orders.get(order.id or 0).version)
    delivery = s.orders.deliveries_of(order.id or 0)[0]
    invoice = s.invoices.invoice([delivery.id or 0])
    s.invoices.record_payment(customer.id or 0, "678")
    return invoice.number


def _error(dialog: RedInvoiceDialog, key: str) -> str:
    return dialog.form.error_label(key).text()


def test_a_red_invoice_from_an_invoice_by_keyboard(qtbot, services: Services, blue: str) -> None:
    page = InvoicesPage(services)
    qtbot.addWidget(page)
    page.invoices.refresh()
    qtbot.waitUntil(lambda: page.invoices.model.rowCount() == 1)
    page.invoices.select_rows([0])
    dialog = page.invoices.red_invoice()
    assert isinstance(dialog, RedInvoiceDialog)  # a child of the page: closed with it
    activate(qtbot, dialog)
    assert dialog.blue_number.text() == blue and dialog.lines.rowCount() == 1
    assert dialog.lines.item(0, 1).text() == "LAMP Lamp 台灯"  # the item, not its id
    assert dialog.lines.currentColumn() == CREDIT_COLUMN  # the cursor waits in the credit cell
    dialog.lines.item(0, CREDIT_COLUMN).setText("5")
    qtbot.keyClick(dialog.lines, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.red is None and "At most 3" in dialog.message.text()
    dialog.lines.item(0, CREDIT_COLUMN).setText("1")
    dialog.reason.setFocus()
    qtbot.keyClicks(dialog.reason, "broken")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.red is not None and dialog.red.state == "draft"
    assert "RI2026-000001" in dialog.state.text() and "-226.00" in dialog.state.text()
    qtbot.mouseClick(dialog.buttons["submit"], Qt.MouseButton.LeftButton)
    assert dialog.red.state == "awaiting" and dialog.confirmation.isEnabled()
    qtbot.keyClicks(dialog.confirmation, "123")
    qtbot.mouseClick(dialog.buttons["confirm"], Qt.MouseButton.LeftButton)
    assert "confirmation form" in _error(dialog, "confirmation_number")
    dialog.confirmation.setText("")
    qtbot.keyClicks(dialog.confirmation, "4403012603000001")
    qtbot.mouseClick(dialog.buttons["confirm"], Qt.MouseButton.LeftButton)
    assert dialog.red.state == "confirmed" and not _error(dialog, "confirmation_number")
    qtbot.mouseClick(dialog.buttons["issue"], Qt.MouseButton.LeftButton)
    assert dialog.red.state == "issued" and not dialog.buttons["void"].isEnabled()
    assert services.invoices.position(services.invoices.get(blue).customer_id).on_account == M(
        "226"
    )


def test_an_allowance_takes_a_net_amount(qtbot, services: Services, blue: str) -> None:
    invoice = services.invoices.get(blue)
    dialog = RedInvoiceDialog(services, None, invoice_id=invoice.id)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("allowance"))
    assert dialog.lines.isColumnHidden(CREDIT_COLUMN)
    dialog.lines.item(0, CREDIT_COLUMN + 1).setText("30")
    assert dialog.save() is not None
    assert dialog.red is not None and dialog.red.gross == M("33.90")


def test_the_refund_prompt_refuses_more_than_the_money_on_account(
    qtbot, services: Services, blue: str
) -> None:
    customer = services.invoices.get(blue).customer_id
    services.invoices.record_payment(customer, "50")  # more than is open: on account
    dialog = RefundDialog(None, "Refund to C100.", M("50"))
    qtbot.addWidget(dialog)
    dialog.act = lambda: services.invoices.refund(customer, *dialog.values())
    dialog.amount.setText("60")
    dialog.accept()
    assert "At most 50.00" in dialog.form.error_label("amount").text()
    assert dialog.result() == 0 and dialog.outcome is None  # still open, nothing written
    dialog.amount.setText("50")
    dialog.accept()
    assert dialog.outcome is not None and dialog.outcome.number == "RF2026-000001"
    assert services.invoices.position(customer).on_account == M("0")


def test_the_list_filters_by_state(qtbot, services: Services, blue: str) -> None:
    invoice = services.invoices.get(blue)
    lines = [{"invoice_line_id": invoice.lines[0].id, "net": "10"}]
    first = services.red_invoices.create(invoice.id or 0, "allowance", lines)
    services.red_invoices.submit(first.id or 0, first.version)
    services.red_invoices.create(invoice.id or 0, "allowance", lines)
    page = RedInvoicesPage(services)
    qtbot.addWidget(page)
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    page.state_filter.setCurrentIndex(page.state_filter.findData("awaiting"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.row_at(0).number == first.number
    page.select_rows([0])
    form = page.open_current()
    assert form is not None and form.red is not None and form.red.state == "awaiting"
    assert isinstance(form.state, QLabel)
