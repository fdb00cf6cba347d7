"""The Complaints screens: a ticket opened from a delivery, with a photo, taken through the
flow to closed with an exchange; refusals shown where the user looks."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QDialog, QInputDialog, QLabel, QPushButton

from retailerp.domain.complaints import TicketState
from retailerp.services import Services
from retailerp.ui import prompts
from retailerp.ui.complaints import ticket_dialog
from retailerp.ui.complaints.compensation_dialog import CompensationDialog
from retailerp.ui.complaints.list_page import ComplaintsPage
from retailerp.ui.complaints.ticket_dialog import TicketDialog
from retailerp.ui.sales.deliveries_page import DeliveriesPage
from ui.conftest import activate, answer


def png_bytes() -> bytes:
    """A real 8×8 PNG drawn by Qt."""
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


@pytest.fixture
def delivered(services: Services) -> dict:
    s = services
    customer = s.customers.create({"code": "C001", "name": "华联超市", "credit_limit": "9999"})
    item = s.items.create(
        {"sku": "KET", "name": "Kettle", "price": "100", "vat_rate": "13", "tracking": "batch"}
    )
    s.stock.receive(s.stock.add_bin("A-01").id,
                    [{"item_id": item.id, "quantity": "20", "batch": "K1"}])  # fmt: skip
    order = s.orders.create(customer.id, {}, [{"item_id": item.id, "quantity": "6"}])
    order = s.orders.confirm(order.id, order.version)
    s.orders.start_picking(order.id, order.version)
    delivery = s.orders.ship(order.id, s.orders.get(order.id).version)
    return {"customer": customer, "item": item, "delivery": delivery}


def fill_compensation(
    qtbot, quantity: str, find: str = "", same_total: bool = False
) -> Callable[[CompensationDialog], QDialog.DialogCode]:
    """An ``exec`` for the compensation dialog that types into it as a user would and
    presses OK (the dialog is modal, so it is filled instead of shown)."""

    def run(dialog: CompensationDialog) -> QDialog.DialogCode:
        dialog.show()
        if same_total:
            qtbot.mouseClick(dialog.same_total, Qt.MouseButton.LeftButton)
            assert dialog.same_total.isChecked() and not dialog.item.isEnabled()
        if find:
            qtbot.keyClicks(dialog.find, find)
        dialog.quantity.clear()
        qtbot.keyClicks(dialog.quantity, quantity)
        qtbot.keyClick(dialog.quantity, Qt.Key.Key_Return)
        assert dialog.result() == QDialog.DialogCode.Accepted
        return QDialog.DialogCode.Accepted

    return run


def button(dialog: TicketDialog, text: str) -> QPushButton:
    found = [b for b in dialog.findChildren(QPushButton) if b.text().replace("&", "") == text]
    assert found, text
    return found[0]


def click_action(qtbot, dialog: TicketDialog, action: str) -> None:
    target = dialog.findChild(QPushButton, f"action_{action}")
    assert target is not None, action
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton)


def test_a_ticket_from_a_delivery_to_closed_with_a_photo_and_an_exchange(
    qtbot, services: Services, delivered: dict, english, ime, monkeypatch, tmp_path: Path
):
    page = DeliveriesPage(services)
    qtbot.addWidget(page)
    activate(qtbot, page)
    assert page.model.rowCount() == 1
    page.select_rows([0])
    dialog = page.complaint()
    assert isinstance(dialog, TicketDialog)
    qtbot.addWidget(dialog)
    form = dialog.form
    assert form.values()["customer_id"] == delivered["customer"].id
    assert form.values()["delivery_id"] == delivered["delivery"].id
    item_box = form.editor("item_id")
    item_box.setCurrentIndex(item_box.findData(delivered["item"].id))
    ime(form.editor("description"), "把手裂了")
    qtbot.keyClicks(form.editor("quantity"), "2")
    qtbot.keyClicks(form.editor("batch"), "K1")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.ticket_id is not None, form.errors()
    ticket = services.complaints.get(dialog.ticket_id)
    assert (ticket.description, ticket.quantity, ticket.batch) == ("把手裂了", 2, "K1")
    assert "CP2026" in dialog.heading.text() or ticket.number in dialog.heading.text()

    photo = tmp_path / "crack.png"
    photo.write_bytes(png_bytes())
    assert dialog.add_file(str(photo))
    assert dialog.files.count() == 1 and not dialog.files.item(0).icon().isNull()

    monkeypatch.setattr(prompts, "ask_reason", answer("Exchange the two kettles"))
    for action in ("acknowledge", "investigate", "propose", "accept"):
        click_action(qtbot, dialog, action)
    assert services.complaints.get(ticket.id).state is TicketState.ACCEPTED
    dialog.tabs.setCurrentIndex(2)
    qtbot.mouseClick(button(dialog, "Exchange"), Qt.MouseButton.LeftButton)
    assert dialog.documents.rowCount() == 2
    assert "posted" in dialog.documents.item(0, 2).text()

    shown: list[str] = []
    monkeypatch.setattr(ticket_dialog, "show_error", lambda _p, e: shown.append(str(e)))
    click_action(qtbot, dialog, "resolve")
    assert shown and "not done yet" in shown[0]
    order = services.orders.by_number(dialog.documents.item(1, 1).text())
    services.orders.start_picking(order.id, order.version)
    services.orders.ship(order.id, services.orders.get(order.id).version)
    dialog.reload()
    click_action(qtbot, dialog, "resolve")
    monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: (5, True))
    click_action(qtbot, dialog, "follow_up")
    click_action(qtbot, dialog, "close")
    closed = services.complaints.get(ticket.id)
    assert closed.state is TicketState.CLOSED and closed.satisfaction == 5
    assert dialog.history.rowCount() == len(closed.history)


def test_bad_input_is_shown_and_nothing_is_saved(
    qtbot, services: Services, delivered: dict, english, monkeypatch, tmp_path: Path
):
    dialog = TicketDialog(services, None, {})
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.ticket_id is None
    assert "customer" in dialog.form.errors().get("customer_id", "").lower()
    assert services.complaints.tickets() == []

    dialog = TicketDialog(
        services, None,
        {"customer_id": delivered["customer"].id, "delivery_id": delivered["delivery"].id},
    )  # fmt: skip
    qtbot.addWidget(dialog)
    dialog.form.editor("description").setPlainText("wet")
    dialog.form.editor("quantity").setText("7")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "6" in dialog.form.errors().get("quantity", "")
    dialog.form.editor("quantity").setText("1")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.ticket_id is not None

    shown: list[str] = []
    monkeypatch.setattr(ticket_dialog, "show_error", lambda _p, e: shown.append(str(e)))
    text = tmp_path / "notes.png"
    text.write_bytes(b"just text, not a picture")
    assert not dialog.add_file(str(text))
    assert "not a picture" in shown[0] and dialog.files.count() == 0


def test_the_list_shows_time_left_and_opens_from_the_home_queue(
    qtbot, services: Services, delivered: dict, english
):
    services.complaints.create(
        {"customer_id": delivered["customer"].id, "description": "late",
         "received_at": "2026-01-05T09:00:00+00:00"}
    )  # fmt: skip
    services.complaints.create({"customer_id": delivered["customer"].id, "description": "new"})
    page = ComplaintsPage(services)
    qtbot.addWidget(page)
    model = page.model
    assert model.rowCount() == 2
    column = model.column_of("time_left")
    first = model.index(0, column)
    assert model.data(first).startswith("-")
    assert model.data(first, Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(model.index(1, column), Qt.ItemDataRole.BackgroundRole) is None
    page.show_preset({"open_only": True, "overdue": True}, "Overdue complaints")
    shown = page.findChild(QLabel, "complaints_preset").text()
    assert model.rowCount() == 1 and shown == "Showing: Overdue complaints"
    qtbot.waitUntil(lambda: page.escalating is None)  # escalated on open, in a worker
    assert services.complaints.get(model.row_at(0).id).escalated_to == 2


def test_the_customer_card_shows_their_tickets_and_logs_a_new_one(
    qtbot, services: Services, delivered: dict, english
):
    from retailerp.ui.customers.dialog import CustomerDialog

    customer = delivered["customer"]
    card = CustomerDialog(services, customer.id)
    qtbot.addWidget(card)
    assert card.complaints_label.text() == "No complaints."
    ticket = services.complaints.create({"customer_id": customer.id, "description": "wet"})
    card.reload()
    assert ticket.number in card.complaints_label.text()
    assert "received" in card.complaints_label.text()
    qtbot.mouseClick(card.complaint_button, Qt.MouseButton.LeftButton)
    dialog = card._complaint
    qtbot.addWidget(dialog)
    assert dialog.form.values()["customer_id"] == customer.id


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_no_two_things_on_one_key_in_the_ticket_dialog(qtbot, services, delivered, language):
    from PySide6.QtWidgets import QApplication

    from retailerp import i18n
    from retailerp.ui.app import install_translators, remove_translators
    from ui.test_mnemonics import duplicates

    before = i18n.current_language()
    translators = install_translators(QApplication.instance(), language)
    try:
        ticket = services.complaints.create(
            {"customer_id": delivered["customer"].id, "description": "wet"}
        )
        dialog = TicketDialog(services, ticket.id)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert duplicates(dialog) == []
    finally:
        remove_translators(QApplication.instance(), translators)
        i18n.set_language(before)


def test_allowance_compensation_and_cash_damages_from_the_documents_tab(
    qtbot, services: Services, delivered: dict, english, monkeypatch
):
    s = services
    s.invoices.invoice([delivered["delivery"].id])
    ticket = s.complaints.create(
        {"customer_id": delivered["customer"].id, "description": "scratched",
         "delivery_id": delivered["delivery"].id, "item_id": delivered["item"].id,
         "batch": "K1", "quantity": "2"}
    )  # fmt: skip
    dialog = TicketDialog(s, ticket.id)
    qtbot.addWidget(dialog)
    dialog.show()
    monkeypatch.setattr(prompts, "ask_reason", answer("Give 20 off"))
    for action in ("acknowledge", "investigate", "propose", "accept"):
        click_action(qtbot, dialog, action)
    dialog.tabs.setCurrentIndex(2)
    shown: list[str] = []
    monkeypatch.setattr(ticket_dialog, "show_error", lambda _p, e: shown.append(str(e)))
    monkeypatch.setattr(prompts, "ask_reason", answer("20"))
    qtbot.mouseClick(button(dialog, "Price allowance…"), Qt.MouseButton.LeftButton)
    monkeypatch.setattr(CompensationDialog, "exec", fill_compensation(qtbot, quantity="1"))
    qtbot.mouseClick(button(dialog, "In-kind compensation…"), Qt.MouseButton.LeftButton)
    monkeypatch.setattr(prompts, "ask_reason", answer("30"))
    monkeypatch.setattr(
        QInputDialog, "getItem", lambda _p, _t, _l, items, *_a, **_k: (items[1], True)
    )
    qtbot.mouseClick(button(dialog, "Damages…"), Qt.MouseButton.LeftButton)
    assert shown == []
    rows = [
        [dialog.documents.item(r, c).text() for c in range(4)]
        for r in range(dialog.documents.rowCount())
    ]
    assert [(r[0], r[1][:2], r[2]) for r in rows] == [
        ("price allowance", "RI", "draft"),
        ("in-kind compensation", "SO", "confirmed"),
        ("damages", "PY", "posted ✓"),
        ("damages", "RF", "posted ✓"),
    ]
    assert rows[0][3] == "22.60"
    [refund] = s.invoices.refunds_of(delivered["customer"].id)
    assert refund.number == rows[3][1] and refund.method == "cash"


def test_the_compensation_dialog_gives_another_item_free_or_more_for_the_same_total(
    qtbot, services: Services, delivered: dict, english, monkeypatch
):
    s = services
    cup = s.items.create({"sku": "CUP", "name": "Cup", "price": "10", "vat_rate": "13"})
    s.stock.receive(s.stock.add_bin("A-02").id, [{"item_id": cup.id, "quantity": "9"}])
    ticket = s.complaints.create(
        {"customer_id": delivered["customer"].id, "description": "scratched",
         "delivery_id": delivered["delivery"].id, "item_id": delivered["item"].id,
         "batch": "K1", "quantity": "2"}
    )  # fmt: skip
    dialog = TicketDialog(s, ticket.id)
    qtbot.addWidget(dialog)
    dialog.show()
    monkeypatch.setattr(prompts, "ask_reason", answer("Make it good"))
    for action in ("acknowledge", "investigate", "propose", "accept"):
        click_action(qtbot, dialog, action)
    dialog.tabs.setCurrentIndex(2)
    shown: list[str] = []
    monkeypatch.setattr(ticket_dialog, "show_error", lambda _p, e: shown.append(str(e)))
    # a different item than the ticket's, found by typing, given free
    monkeypatch.setattr(CompensationDialog, "exec", fill_compensation(qtbot, "3", find="CUP"))
    qtbot.mouseClick(button(dialog, "In-kind compensation…"), Qt.MouseButton.LeftButton)
    # the same total (6 kettles, 600 net) for 8 kettles: 75 each
    monkeypatch.setattr(CompensationDialog, "exec", fill_compensation(qtbot, "8", same_total=True))
    qtbot.mouseClick(button(dialog, "In-kind compensation…"), Qt.MouseButton.LeftButton)
    # not more than delivered: refused with the rule, nothing made
    monkeypatch.setattr(CompensationDialog, "exec", fill_compensation(qtbot, "6", same_total=True))
    qtbot.mouseClick(button(dialog, "In-kind compensation…"), Qt.MouseButton.LeftButton)
    assert len(shown) == 1 and "more than 6" in shown[0]
    rows = [
        [dialog.documents.item(r, c).text() for c in range(4)]
        for r in range(dialog.documents.rowCount())
    ]
    assert [(r[0], r[2], r[3]) for r in rows] == [
        ("in-kind compensation", "confirmed", "0.00"),
        ("in-kind compensation", "confirmed", "678.00"),
    ]
    free, same = (s.orders.by_number(r[1]) for r in rows)
    assert [(line.item_id, line.quantity) for line in free.lines] == [(cup.id, 3)]
    assert [(line.item_id, line.quantity, line.unit_price.amount) for line in same.lines] == [
        (delivered["item"].id, 8, 75)
    ]
