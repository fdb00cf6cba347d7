"""Sub-dialogs validate before they close: a refused reason or amount stays in the prompt,
under its field, with what was typed, and goes the moment it is fixed; refusals about
something else close the prompt and show in the window behind.  Line refusals go when the
cell is fixed; Esc on a receipt or count with lines asks first."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLineEdit, QWidget

from retailerp.domain.errors import DomainError
from retailerp.domain.sales import OrderState
from retailerp.services import Services
from retailerp.ui import prompts
from retailerp.ui.customers.dialog import CustomerDialog
from retailerp.ui.prompts import ReasonPrompt
from retailerp.ui.sales.invoices_page import InvoiceList
from retailerp.ui.sales.order_dialog import OrderDialog
from retailerp.ui.sales.payment_dialog import PaymentDialog
from retailerp.ui.stock.count import CountDialog
from retailerp.ui.stock.receipt import ReceiptDialog
from ui.conftest import activate

pytestmark = pytest.mark.usefixtures("english")


def when_prompted(kind: type[QDialog], step: Callable[[QDialog], None]) -> None:
    """Run ``step(prompt)`` once a modal ``kind`` is open (from inside its event loop)."""

    def poll() -> None:
        prompt = QApplication.activeModalWidget()
        if isinstance(prompt, kind):
            step(prompt)
        else:
            QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)


def ok(prompt: QDialog) -> None:
    box = prompt.findChild(QDialogButtonBox)
    box.button(QDialogButtonBox.StandardButton.Ok).click()


@pytest.fixture
def order(services: Services) -> int:
    customer = services.customers.create(
        {"code": "C1", "name": "华联", "credit_limit": "100000", "payment_terms_days": "30"}
    )
    item = services.items.create({"sku": "A", "name": "Tea", "price": "10", "vat_rate": "13"})
    services.stock.receive(
        services.stock.add_bin("A-01").id or 0, [{"item_id": item.id, "quantity": "9"}]
    )
    draft = services.orders.create(customer.id or 0, {}, [{"item_id": item.id, "quantity": "1"}])
    return draft.id or 0


def test_an_empty_reason_is_refused_in_the_prompt_which_stays_open(
    qtbot, services: Services, order: int
) -> None:
    dialog = OrderDialog(services, order)
    qtbot.addWidget(dialog)
    activate(qtbot, dialog)
    seen: list[tuple[bool, str]] = []

    def answer(prompt: ReasonPrompt) -> None:
        ok(prompt)  # no reason given: the service refuses
        seen.append((prompt.isVisible(), prompt.form.error_label("reason").text()))
        qtbot.keyClicks(prompt.reason, "customer changed its mind")
        seen.append((prompt.isVisible(), prompt.form.error_label("reason").text()))
        ok(prompt)

    when_prompted(ReasonPrompt, answer)
    dialog.cancel_button.click()

    assert seen == [(True, "This field is required."), (True, "")]
    assert dialog.state() == OrderState.CANCELLED
    assert dialog.refusal.text() == ""  # nothing was shown in the window behind


def test_a_refused_amount_stays_in_the_payment_dialog_with_what_was_typed(
    qtbot, services: Services, order: int
) -> None:
    draft = services.orders.get(order)
    confirmed = services.orders.confirm(order, draft.version, "")
    services.orders.start_picking(order, confirmed.version)
    delivery = services.orders.ship(order, services.orders.get(order).version, None)
    services.invoices.invoice([delivery.id or 0])
    page = InvoiceList(services)
    qtbot.addWidget(page)
    activate(qtbot, page)
    page.select_rows([0])
    seen: list[tuple[bool, str, str]] = []

    def pay(prompt: PaymentDialog) -> None:
        prompt.amount.setText("0")
        prompt.reference.setText("WX-1")
        ok(prompt)
        seen.append(
            (prompt.isVisible(), prompt.form.error_label("amount").text(), prompt.reference.text())
        )
        prompt.amount.setText("11.30")
        seen.append((prompt.isVisible(), prompt.form.error_label("amount").text(), ""))
        ok(prompt)

    when_prompted(PaymentDialog, pay)
    payment = page.record_payment()

    assert seen == [(True, "The amount must be greater than zero.", "WX-1"), (True, "", "")]
    assert payment is not None and payment.reference == "WX-1"
    assert payment.number in page.message.text()


def test_a_refusal_about_something_else_closes_the_prompt_and_reaches_the_caller(
    qtbot,
) -> None:
    def refuse(_reason: str) -> None:
        raise DomainError("The order was changed on another PC.")

    when_prompted(ReasonPrompt, lambda prompt: (prompt.reason.setText("why"), ok(prompt)))
    with pytest.raises(DomainError, match="another PC"):
        prompts.ask_reason(None, "Cancel order", "Why?", act=refuse)
    assert not isinstance(QApplication.activeModalWidget(), ReasonPrompt)


def test_a_required_reason_is_asked_for_in_the_prompt_of_a_card(
    qtbot, services: Services, monkeypatch
) -> None:
    customer = services.customers.create({"code": "C1", "name": "华联", "credit_limit": "0"})
    card = CustomerDialog(services, customer.id)
    qtbot.addWidget(card)
    activate(qtbot, card)
    seen: list[str] = []

    def answer(prompt: ReasonPrompt) -> None:
        prompt.reason.setFocus()
        qtbot.keyClick(prompt.reason, Qt.Key.Key_Return)  # Enter is OK in a one-line prompt
        seen.append(prompt.form.error_label("reason").text())
        qtbot.keyClicks(prompt.reason, "moved away")
        qtbot.keyClick(prompt.reason, Qt.Key.Key_Return)

    when_prompted(ReasonPrompt, answer)
    card.end_button.click()

    assert seen == ["This field is required."]
    assert services.customers.get(customer.id or 0).end_reason == "moved away"
    assert card.form.message_label().text() == ""


# --- line refusals go when the cell is fixed ------------------------------------------------


def test_an_order_line_refusal_goes_when_its_cell_is_fixed(
    qtbot, services: Services, order: int
) -> None:
    services.items.create({"sku": "B", "name": "Pot", "price": "20", "vat_rate": "13"})
    dialog = OrderDialog(services, order)
    qtbot.addWidget(dialog)
    activate(qtbot, dialog)
    lines = dialog.lines
    lines.entry.setText("B")
    lines.enter_item()
    lines.set_cell(0, "quantity", "0")
    lines.set_cell(1, "unit_price", "-1")
    assert dialog.save() is None
    assert lines.message.text().count("Line ") == 2
    lines.set_cell(0, "quantity", "2")
    assert lines.message.text().startswith("Line 2:")
    assert lines.table.item(0, 1).background().style() == Qt.BrushStyle.NoBrush
    assert lines.table.item(1, 2).background().style() != Qt.BrushStyle.NoBrush
    lines.set_cell(1, "unit_price", "20")
    assert lines.message.text() == ""
    dialog.form.set_dirty(False)
    lines.dirty = False


def receipt_with_lines(qtbot, services: Services, quantities: list[str]) -> ReceiptDialog:
    for n, _ in enumerate(quantities):
        services.items.create({"sku": f"S{n}", "name": "x", "price": "1", "vat_rate": "13"})
    services.stock.add_bin("A-01")
    dialog = ReceiptDialog(services)
    qtbot.addWidget(dialog)
    activate(qtbot, dialog)
    for n, quantity in enumerate(quantities):
        dialog.scan.setText(f"S{n}")
        dialog.scan_entered()
        dialog.set_cell(n, "quantity", quantity)
    return dialog


def test_a_receipt_line_refusal_goes_when_its_cell_is_fixed(qtbot, services: Services) -> None:
    dialog = receipt_with_lines(qtbot, services, ["0", "abc"])
    assert dialog.post() is None
    assert dialog.message.text().count("Line ") == 2
    dialog.set_cell(1, "quantity", "4")
    assert dialog.message.text().startswith("Line 1:") and "Line 2" not in dialog.message.text()
    dialog.set_cell(0, "quantity", "1")
    assert dialog.message.text() == ""
    assert dialog.post() is not None


# --- Esc on a receipt or count with lines asks ----------------------------------------------


def test_esc_on_a_receipt_with_lines_asks_before_dropping_them(
    qtbot, services: Services, monkeypatch
) -> None:
    dialog = receipt_with_lines(qtbot, services, ["3"])
    asked: list[QWidget | None] = []
    monkeypatch.setattr(prompts, "ask_discard", lambda parent: asked.append(parent) or False)
    qtbot.keyClick(dialog.scan, Qt.Key.Key_Escape)
    assert asked == [dialog] and dialog.isVisible()  # kept: the user said no
    monkeypatch.setattr(prompts, "ask_discard", lambda parent: asked.append(parent) or True)
    qtbot.keyClick(dialog.scan, Qt.Key.Key_Escape)
    assert len(asked) == 2 and not dialog.isVisible()


def test_esc_on_an_empty_or_posted_document_closes_without_asking(
    qtbot, services: Services, monkeypatch
) -> None:
    monkeypatch.setattr(prompts, "ask_discard", lambda _parent: pytest.fail("asked"))
    empty = CountDialog(services)
    qtbot.addWidget(empty)
    activate(qtbot, empty)
    qtbot.keyClick(empty.scan, Qt.Key.Key_Escape)
    assert not empty.isVisible()
    posted = receipt_with_lines(qtbot, services, ["2"])
    posted.location.setCurrentIndex(posted.location.findText("A-01", Qt.MatchFlag.MatchStartsWith))
    assert posted.post() is not None
    qtbot.keyClick(posted.scan, Qt.Key.Key_Escape)
    assert not posted.isVisible()
    assert services.stock.quantity(services.items.find("S0").id, "A-01") == Decimal(2)


def test_a_count_with_lines_asks_too(qtbot, services: Services, monkeypatch) -> None:
    services.items.create({"sku": "S0", "name": "x", "price": "1", "vat_rate": "13"})
    dialog = CountDialog(services)
    qtbot.addWidget(dialog)
    activate(qtbot, dialog)
    dialog.scan.setText("S0")
    dialog.scan_entered()
    monkeypatch.setattr(prompts, "ask_discard", lambda _parent: False)
    dialog.reject()
    assert dialog.isVisible()
    monkeypatch.setattr(prompts, "ask_discard", lambda _parent: True)
    dialog.close()  # closing from the program: no question
    assert not dialog.isVisible()
    assert isinstance(dialog.scan, QLineEdit)
