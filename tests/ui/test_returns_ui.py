"""The returns screens by keyboard: a return from a delivery number, the policy's words while
typing, the owner's override with a reason, the list, "Return…" from a delivery."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication

from retailerp.domain.returns import ReturnState
from retailerp.domain.security import Actor, Role
from retailerp.services import Page, Services
from retailerp.ui import prompts
from retailerp.ui.returns.dialog import QUANTITY, ReturnDialog
from retailerp.ui.returns.list_page import ReturnAnalysisPage, ReturnsPage
from retailerp.ui.sales.deliveries_page import DeliveriesPage
from support.dbtools import as_owner
from support.returns_shop import Delivered, deliver, later
from ui.conftest import activate, answer

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def delivered(db) -> Delivered:
    return deliver(as_owner(db, today=lambda: date(2026, 3, 10)))


def type_quantity(qtbot, dialog: ReturnDialog, row: int, text: str) -> None:
    """Type into the quantity cell as a clerk does: the cell, the keys, Enter."""
    table = dialog.lines
    table.setFocus()
    table.setCurrentCell(row, QUANTITY)
    qtbot.keyClick(table, text[0])  # any key starts editing the cell
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not table)
    editor = QApplication.focusWidget()
    assert table.isAncestorOf(editor)
    qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits in a queued call
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)


def new_return(qtbot, services: Services, delivered: Delivered | str) -> ReturnDialog:
    number = delivered if isinstance(delivered, str) else delivered.delivery.number
    dialog = ReturnDialog(services)
    qtbot.addWidget(dialog)
    activate(qtbot, dialog)
    qtbot.keyClicks(dialog.delivery_number, number.lower())  # as typed
    qtbot.keyClick(dialog.delivery_number, Qt.Key.Key_Return)
    return dialog


def test_a_return_from_a_delivery_by_keyboard(qtbot, db, delivered: Delivered) -> None:
    s = later(as_owner(db), 20)
    dialog = new_return(qtbot, s, delivered)
    assert dialog.lines.rowCount() == 1
    row = [dialog.lines.item(0, c).text() for c in range(3, 6)]
    assert row == ["6", "0", "6"]  # delivered, returned already, returnable
    assert dialog.lines.currentColumn() == QUANTITY  # the keyboard is on the quantity
    dialog.reason.setCurrentIndex(dialog.reason.findData("quality_defect"))
    type_quantity(qtbot, dialog, 0, "2")
    condition = dialog.lines.cellWidget(0, 7)
    condition.setCurrentIndex(condition.findData("defective"))
    qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # post
    assert dialog.document is not None and dialog.document.state == ReturnState.POSTED
    posted = s.returns.get(dialog.document.id or 0)
    assert [(line.quantity, line.condition.value) for line in posted.lines] == [(2, "defective")]
    assert s.stock.quantity(delivered.item_id, "QC", "K1") == 2
    assert "posted" in dialog.state_label.text()
    assert "Refund: 226.00" in dialog.preview.text()
    assert not dialog.post_button.isEnabled() and dialog.reverse_button.isEnabled()


def test_the_policy_preview_names_the_rule_while_typing(qtbot, db, delivered) -> None:
    s = later(as_owner(db), 200)
    dialog = new_return(qtbot, s, delivered)
    dialog.reason.setCurrentIndex(dialog.reason.findData("unsellable"))
    table = dialog.lines
    table.setFocus()
    table.setCurrentCell(0, QUANTITY)
    qtbot.keyClick(table, "1")  # the cell editor opens with the key: no Enter yet
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not table)
    editor = QApplication.focusWidget()
    assert table.state() == QAbstractItemView.State.EditingState
    assert "rule 'after 6 months: 10 % packaging-loss deduction'" in dialog.preview.text()
    qtbot.keyClicks(editor, "0")  # 10: more than can come back, said while typing
    assert "At most 6 can come back" in dialog.preview.text()
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    assert "Refund by the policy: 101.70" in dialog.preview.text()
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    type_quantity(qtbot, dialog, 0, "1")
    assert dialog.preview.text().splitlines()[0] == (
        "Line 1: Returned 200 days after delivery: rule 'after 6 months: 10 % "
        "packaging-loss deduction' — 90 % refunded."
    )
    assert "Refund by the policy: 101.70" in dialog.preview.text()
    type_quantity(qtbot, dialog, 0, "9")  # more than can come back: said at once, cell marked
    assert "At most 6 can come back" in dialog.preview.text()
    assert s.returns.page(Page()) == []  # nothing was saved while typing


def test_a_refusal_offers_override_and_the_owner_posts_with_a_reason(
    qtbot, db, delivered: Delivered, monkeypatch
) -> None:
    s = later(as_owner(db), 30)
    dialog = new_return(qtbot, s, delivered)
    dialog.reason.setCurrentIndex(dialog.reason.findData("changed_mind"))
    type_quantity(qtbot, dialog, 0, "1")
    assert "rule 'changed mind after 7 days: refused' — refused." in dialog.preview.text()
    qtbot.mouseClick(dialog.post_button, Qt.MouseButton.LeftButton)
    assert dialog.document is not None and dialog.document.state == ReturnState.DRAFT
    assert "An owner may accept it anyway" in dialog.refusal.text()
    assert dialog.override_button.isVisible()
    monkeypatch.setattr(prompts, "ask_reason", answer("long-standing customer"))
    qtbot.mouseClick(dialog.override_button, Qt.MouseButton.LeftButton)
    posted = s.returns.get(dialog.document.id or 0)
    assert posted.state == ReturnState.POSTED
    assert (posted.override_by, posted.override_reason) == ("owner", "long-standing customer")
    assert "long-standing customer" in dialog.state_label.text()
    assert not dialog.override_button.isVisible()


def test_a_clerk_sees_the_refusal_but_no_override(qtbot, db, delivered: Delivered) -> None:
    clerk = later(Services.over(db, actor=Actor("wang", Role.WAREHOUSE)), 30)
    dialog = new_return(qtbot, clerk, delivered)
    dialog.reason.setCurrentIndex(dialog.reason.findData("changed_mind"))
    type_quantity(qtbot, dialog, 0, "1")
    qtbot.mouseClick(dialog.post_button, Qt.MouseButton.LeftButton)
    assert "An owner may accept it anyway" in dialog.refusal.text()
    assert not dialog.override_button.isVisible()


def test_an_unknown_delivery_number_is_said_under_the_field(qtbot, db, delivered) -> None:
    dialog = new_return(qtbot, as_owner(db), "DN2026-999999")
    assert "There is no delivery DN2026-999999" in dialog.refusal.text()
    assert dialog.lines.rowCount() == 0


def test_return_from_the_deliveries_list_and_the_returns_list(
    qtbot, db, delivered: Delivered, show_page
) -> None:
    s = later(as_owner(db), 20)
    deliveries = show_page(DeliveriesPage(s))
    deliveries.view.setCurrentIndex(deliveries.model.index(0, 0))
    deliveries.select_rows([0])
    dialog = deliveries.return_selected()
    assert isinstance(dialog, ReturnDialog) and dialog.delivery is not None
    assert dialog.delivery.number == delivered.delivery.number
    qtbot.addWidget(dialog)
    activate(qtbot, dialog)
    type_quantity(qtbot, dialog, 0, "1")
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # save the draft
    assert dialog.document is not None and dialog.document.state == ReturnState.DRAFT
    page = show_page(ReturnsPage(s))
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.index(0, 0).data() == dialog.document.number
    page.state.setCurrentIndex(page.state.findData("posted"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    page.show_preset({"state": "draft"}, "Draft returns to post")
    page.state.setCurrentIndex(0)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    opened = page.open_row(page.model.row_at(0))
    assert opened.return_id() == dialog.document.id
    analysis = show_page(ReturnAnalysisPage(s))
    assert analysis.model.rowCount() == 0  # only posted returns are counted
    dialog.post()
    qtbot.waitUntil(lambda: analysis.model.rowCount() == 1)  # refreshed by the change


def test_a_frequent_returner_is_flagged_on_the_card_and_the_order_form(
    qtbot, db, delivered: Delivered
) -> None:
    from retailerp.ui.customers.dialog import CustomerDialog
    from retailerp.ui.sales.order_dialog import OrderDialog

    s = later(as_owner(db), 20)
    card = CustomerDialog(s, delivered.customer_id)
    qtbot.addWidget(card)
    assert card.returns_label.text() == (
        "Returns in the last 12 months: 0 % of the delivered net (threshold 10 %)."
    )
    line = [{"delivery_line_id": delivered.line_id, "quantity": "1", "condition": "defective"}]
    doc = s.returns.create(delivered.delivery.id or 0, {"reason": "quality_defect"}, line)
    s.returns.post(doc.id or 0, doc.version)
    card.reload()
    assert card.returns_label.text() == (
        "Frequent returner: 16.7 % of the delivered net came back in the last 12 months "
        "(threshold 10 %)."
    )
    order = OrderDialog(s)
    qtbot.addWidget(order)
    order.customer.setValue(delivered.customer_id)
    assert order.customer.warning.text().startswith("Frequent returner: 16.7 %")
    s.returns.save_policy([{"name": "all", "rate": "1"}], [], "20")
    order.customer.setValue(None)
    order.customer.setValue(delivered.customer_id)
    assert order.customer.warning.text() == ""  # under the threshold: not flagged


def test_a_posted_return_of_an_invoiced_delivery_opens_its_red_invoice(qtbot, services) -> None:
    """Finance credits the return from the return window."""
    from retailerp.ui.red_invoices.form import RedInvoiceDialog
    from retailerp.ui.returns.dialog import ReturnDialog

    customer = services.customers.create({"code": "C7", "name": "华联", "credit_limit": "9999"})
    item = services.items.create({"sku": "K7", "name": "Kettle", "price": "100", "vat_rate": "13"})
    services.stock.receive(
        services.stock.add_bin("A-07").id, [{"item_id": item.id, "quantity": "5"}]
    )
    order = services.orders.create(customer.id, {}, [{"item_id": item.id, "quantity": "2"}])
    order = services.orders.confirm(order.id, order.version)
    services.orders.start_picking(order.id, order.version)
    delivery = services.orders.ship(order.id, services.orders.get(order.id).version)
    services.invoices.invoice([delivery.id])
    lines = [{"delivery_line_id": delivery.lines[0].id, "quantity": "1", "condition": "defective"}]
    draft = services.returns.create(delivery.id, {"reason": "quality_defect"}, lines)
    posted = services.returns.post(draft.id, draft.version)
    dialog = ReturnDialog(services, posted.id)
    qtbot.addWidget(dialog)
    assert dialog.red_button.isEnabled()
    red = dialog.red_invoice()
    qtbot.addWidget(red)
    assert isinstance(red, RedInvoiceDialog)
