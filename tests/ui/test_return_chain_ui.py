"""The return chain on the screens: the return window, red invoice window, print preview and
order window list the linked documents and open them; serials scanned on the return form;
exchange and "Cancel exchange" from the return window; "Return…" from an invoice."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from retailerp.domain.returns import ReturnState
from retailerp.services import Services
from retailerp.ui import prompts
from retailerp.ui.printing.preview import PrintPreviewDialog
from retailerp.ui.red_invoices.form import RULE_COLUMN, RedInvoiceDialog
from retailerp.ui.returns.dialog import QUANTITY, ReturnDialog
from retailerp.ui.returns.windows import open_return
from retailerp.ui.sales.invoices_page import InvoiceList
from retailerp.ui.sales.order_dialog import OrderDialog
from support.dbtools import as_owner
from support.return_chain import LATER, build_chain
from support.returns_shop import deliver
from support.shop import Shop
from ui.conftest import activate, answer

pytestmark = pytest.mark.usefixtures("english")
DELIVERED_ON = date(2026, 3, 10)


@pytest.fixture
def chain(db) -> tuple[Services, dict[str, str]]:
    numbers = build_chain(Shop(as_owner(db, today=lambda: DELIVERED_ON)))
    return as_owner(db, today=lambda: LATER), numbers


def test_the_return_window_lists_its_chain_and_opens_the_red_invoice(qtbot, chain) -> None:
    s, n = chain
    dialog = open_return(None, s, return_id=s.returns.by_number(n["RT1"]).id)
    qtbot.addWidget(dialog)
    assert dialog.chain.isVisibleTo(dialog)
    assert dialog.chain.numbers() == [n["SO1"], n["DN1"], n["IV1"], n["RI1"], n["RF1"]]
    text = dialog.chain.text()
    assert f"Red invoice {n['RI1']} (issued)" in text and f"Refund {n['RF1']}" in text
    assert f'href="{n["RF1"]}"' not in text  # a refund has no window of its own
    red = dialog.chain.open(n["RI1"])
    qtbot.addWidget(red)
    assert isinstance(red, RedInvoiceDialog) and red.red.number == n["RI1"]
    assert not red.lines.isColumnHidden(RULE_COLUMN)
    assert red.lines.item(0, RULE_COLUMN).text().startswith("after 6 months")
    assert red.lines.item(0, RULE_COLUMN).text().endswith("90 %")
    assert n["RT1"] in red.chain.numbers() and n["DN1"] in red.chain.numbers()
    back = red.chain.open(n["RT1"])
    assert back is dialog  # one window per return


def test_the_delivery_preview_and_the_order_window_show_the_chain(qtbot, chain) -> None:
    s, n = chain
    preview = PrintPreviewDialog(None, s, n["DN1"])
    qtbot.addWidget(preview)
    assert {n["RT1"], n["RT2"], n["RI1"], n["SO2"], n["DN2"]} <= set(preview.chain.numbers())
    replacement = PrintPreviewDialog(None, s, n["DN2"])
    qtbot.addWidget(replacement)
    assert f"Replaces return {n['RT2']}" in replacement.chain.text()

    order = OrderDialog(s, s.orders.by_number(n["SO1"]).id)
    qtbot.addWidget(order)
    listed = order.linked.numbers()
    assert {n["RT1"], n["RT2"], n["RI1"], n["RF1"], n["SO2"], n["DN2"]} <= set(listed)
    assert len(listed) == len(set(listed))  # the delivery and invoice once each
    row = listed.index(n["RT2"])
    order.linked.itemActivated.emit(order.linked.item(row))  # Enter: the return's window
    opened = [w for w in order.findChildren(ReturnDialog)]
    assert [w.document.number for w in opened] == [n["RT2"]]
    row = order.linked.numbers().index(n["SO2"])
    order.linked.itemActivated.emit(order.linked.item(row))
    [other] = [w for w in order.findChildren(OrderDialog)]
    qtbot.addWidget(other)
    assert other.order.number == n["SO2"]


def test_a_scanned_serial_picks_its_line_and_a_foreign_one_is_named(qtbot, db) -> None:
    s = as_owner(db, today=lambda: DELIVERED_ON)
    customer = s.customers.create({"code": "C001", "name": "华联超市", "credit_limit": "99999"})
    phone = s.items.create({"sku": "PHONE", "name": "手机", "price": "900", "vat_rate": "13",
                            "tracking": "serial"}).id  # fmt: skip
    s.stock.receive(s.stock.add_bin("A-01").id, [
        {"item_id": phone, "quantity": 1, "serial": f"SN{n}"} for n in range(1, 4)
    ])  # fmt: skip
    order = s.orders.create(customer.id, {}, [{"item_id": phone, "quantity": "2"}])
    order = s.orders.confirm(order.id, order.version)
    s.orders.start_picking(order.id, order.version)
    delivery = s.orders.ship(order.id, s.orders.get(order.id).version)
    dialog = ReturnDialog(s, delivery_id=delivery.id)
    qtbot.addWidget(dialog)
    activate(qtbot, dialog)
    second = delivery.lines[1].serial
    dialog.scan.setFocus()
    qtbot.keyClicks(dialog.scan, second.lower())
    qtbot.keyClick(dialog.scan, Qt.Key.Key_Return)
    assert dialog.lines.currentRow() == 1 and dialog.lines.item(1, QUANTITY).text() == "1"
    assert dialog.lines.item(0, QUANTITY).text() == "" and dialog.scan.text() == ""
    assert "Line 2: Returned 0 days" in dialog.preview.text()  # previewed at once
    qtbot.keyClicks(dialog.scan, "SN3")
    qtbot.keyClick(dialog.scan, Qt.Key.Key_Return)
    assert "SN3 was never delivered to this customer" in dialog.refusal.text()
    assert dialog.scan.text() == "SN3"  # kept, to correct
    assert dialog.document is None  # a scan writes nothing


def test_exchange_and_cancel_the_exchange_from_the_return_window(qtbot, db, monkeypatch) -> None:
    s = as_owner(db, today=lambda: DELIVERED_ON)
    delivered = deliver(s)
    s.invoices.invoice([delivered.delivery.id])
    lines = [{"delivery_line_id": delivered.line_id, "quantity": "1", "condition": "defective"}]
    draft = s.returns.create(delivered.delivery.id, {"reason": "quality_defect"}, lines)
    posted = s.returns.post(draft.id, draft.version)
    dialog = ReturnDialog(s, posted.id)
    qtbot.addWidget(dialog)
    assert dialog.exchange_button.isEnabled() and not dialog.cancel_exchange_button.isEnabled()
    assert dialog.red_button.isEnabled()
    qtbot.mouseClick(dialog.exchange_button, Qt.MouseButton.LeftButton)
    exchange = s.exchanges.of_return(posted.id)
    assert exchange is not None and exchange.active
    replacement = s.orders.get(exchange.order_id)
    assert replacement.state == "confirmed"
    assert not dialog.red_button.isEnabled() and dialog.cancel_exchange_button.isEnabled()
    assert f"Replacement order {replacement.number}" in dialog.chain.text()

    monkeypatch.setattr(prompts, "ask_reason", answer("customer prefers the money"))
    qtbot.mouseClick(dialog.cancel_exchange_button, Qt.MouseButton.LeftButton)
    assert s.exchanges.of_return(posted.id).state == "cancelled"
    assert s.orders.get(exchange.order_id).state == "cancelled"
    assert dialog.document.state == ReturnState.POSTED
    assert not dialog.cancel_exchange_button.isEnabled() and not dialog.exchange_button.isEnabled()
    assert dialog.red_button.isEnabled()  # now it is credited instead
    assert f"Replacement order {replacement.number} (cancelled)" in dialog.chain.text()


def test_return_from_an_invoice_asks_which_delivery(qtbot, db, show_page, monkeypatch) -> None:
    s = as_owner(db, today=lambda: DELIVERED_ON)
    delivered = deliver(s, "2")
    order = s.orders.create(delivered.customer_id, {}, [{"item_id": delivered.item_id,
                                                          "quantity": "1"}])  # fmt: skip
    order = s.orders.confirm(order.id, order.version)
    s.orders.start_picking(order.id, order.version)
    second = s.orders.ship(order.id, s.orders.get(order.id).version)
    s.invoices.invoice([delivered.delivery.id, second.id])
    invoices = show_page(InvoiceList(s))
    qtbot.waitUntil(lambda: invoices.model.rowCount() == 1)
    invoices.select_rows([0])
    asked: list[list[str]] = []

    def choose(_parent, _title, _label, choices, current=0):  # noqa: ANN001, ANN202
        asked.append(list(choices))
        return 1

    monkeypatch.setattr(prompts, "ask_choice", choose)
    dialog = invoices.return_goods()
    qtbot.addWidget(dialog)
    assert [c.split(" · ")[0] for c in asked[0]] == [delivered.delivery.number, second.number]
    assert isinstance(dialog, ReturnDialog) and dialog.delivery.number == second.number
    monkeypatch.setattr(prompts, "ask_choice", lambda *_a, **_k: None)
    assert invoices.return_goods() is None  # the question was cancelled


def test_return_from_the_invoice_preview_opens_the_return_form(qtbot, db, monkeypatch) -> None:
    """The invoice's print preview has the invoices list's "Return…": the return form for
    the delivery it billed, asking which when it billed several; a delivery's preview has
    no such button."""
    s = as_owner(db, today=lambda: DELIVERED_ON)
    delivered = deliver(s, "2")
    order = s.orders.create(delivered.customer_id, {}, [{"item_id": delivered.item_id,
                                                          "quantity": "1"}])  # fmt: skip
    order = s.orders.confirm(order.id, order.version)
    s.orders.start_picking(order.id, order.version)
    second = s.orders.ship(order.id, s.orders.get(order.id).version)
    invoice = s.invoices.invoice([delivered.delivery.id, second.id])
    note = PrintPreviewDialog(None, s, delivered.delivery.number)
    qtbot.addWidget(note)
    assert not hasattr(note, "return_button")
    preview = PrintPreviewDialog(None, s, invoice.number)
    qtbot.addWidget(preview)
    preview.show()
    assert preview.return_button.text() == "Re&turn…"
    asked: list[list[str]] = []

    def choose(_parent, _title, _label, choices, current=0):  # noqa: ANN001, ANN202
        asked.append(list(choices))
        return 0

    monkeypatch.setattr(prompts, "ask_choice", choose)
    qtbot.mouseClick(preview.return_button, Qt.MouseButton.LeftButton)
    [dialog] = preview.windows
    qtbot.addWidget(dialog)
    assert [c.split(" · ")[0] for c in asked[0]] == [delivered.delivery.number, second.number]
    assert isinstance(dialog, ReturnDialog) and dialog.delivery.number == delivered.delivery.number
    assert preview.message.text() == ""
