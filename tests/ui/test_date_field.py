"""The one date field: typed as a clerk types dates, a calendar that opens on today, and
a message under the field while the text is not a date."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QTableView

from retailerp.services import Services
from retailerp.ui.sales.order_dialog import OrderDialog
from retailerp.ui.sales.orders_page import OrdersPage
from retailerp.ui.stock.receipt import expiry_value
from retailerp.ui.widgets import DateField, FormPage
from ui.conftest import activate

pytestmark = pytest.mark.usefixtures("english")

TODAY = date(2026, 12, 1)


@pytest.fixture
def form(qtbot) -> FormPage:
    page = FormPage()
    page.add_field("requested_date", "&Requested delivery", DateField(today=lambda: TODAY))
    page.add_field("note", "N&ote", QLineEdit())
    qtbot.addWidget(page)
    activate(qtbot, page)
    return page


def type_date(qtbot, field: DateField, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("2026-12-05", date(2026, 12, 5)), ("1205", date(2026, 12, 5)), ("+3", date(2026, 12, 4))],
)
def test_a_date_is_typed_and_shown_as_iso(qtbot, form: FormPage, typed: str, meant) -> None:
    field = form.editor("requested_date")
    type_date(qtbot, field, typed)
    assert form.values()["requested_date"] == meant
    assert field.text() == meant.isoformat()
    assert form.editor("note").hasFocus()  # Enter moved on, as in every field
    assert form.dirty


def test_the_calendar_opens_on_today_and_a_pick_sets_the_date(qtbot, form: FormPage) -> None:
    field: DateField = form.editor("requested_date")
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_F4)
    calendar = field.calendar
    assert calendar.isVisible()
    assert calendar.selectedDate() == QDate(TODAY)
    assert (calendar.yearShown(), calendar.monthShown()) == (2026, 12)
    calendar.clicked.emit(QDate(2026, 12, 24))
    assert not calendar.isVisible()
    assert form.values()["requested_date"] == date(2026, 12, 24)


def test_the_calendar_opens_on_the_date_shown(qtbot, form: FormPage) -> None:
    form.set_values({"requested_date": date(2027, 3, 9)})
    calendar = form.editor("requested_date").open_calendar()
    assert calendar.selectedDate() == QDate(2027, 3, 9)
    cancelled: list[None] = []
    form.cancel_requested.connect(lambda: cancelled.append(None))
    days = calendar.findChild(QTableView)
    qtbot.keyClick(days, Qt.Key.Key_Escape)  # closes the calendar, not the window
    assert not calendar.isVisible() and cancelled == []
    assert form.values()["requested_date"] == date(2027, 3, 9)


def test_text_that_is_no_date_is_said_under_the_field_until_it_is_fixed(
    qtbot, form: FormPage
) -> None:
    field = form.editor("requested_date")
    type_date(qtbot, field, "soon")
    assert "2026-12-05" in form.error_label("requested_date").text()
    assert form.values()["requested_date"] is None
    assert not form.validate()  # saving says it too
    type_date(qtbot, field, "0230")
    assert form.error_label("requested_date").text() == "There is no such day: 0230."
    type_date(qtbot, field, "+1")
    assert form.error_label("requested_date").text() == ""
    assert form.error_label("requested_date").isHidden()


def test_the_order_s_requested_delivery_date_is_typed(
    qtbot, services: Services, monkeypatch
) -> None:
    dialog = OrderDialog(services)
    qtbot.addWidget(dialog)
    activate(qtbot, dialog)
    field = dialog.requested_date
    assert isinstance(field, DateField)
    type_date(qtbot, field, "+3")
    assert dialog.form.values()["requested_date"] == services.ctx.today() + timedelta(days=3)
    assert QApplication.focusWidget() is dialog.note
    assert field.open_calendar().selectedDate() == QDate(services.ctx.today() + timedelta(days=3))
    field.calendar.hide()
    field.setValue(None)
    assert field.open_calendar().selectedDate() == QDate(services.ctx.today())
    field.calendar.hide()
    dialog.form.set_dirty(False)


def test_the_list_date_range_is_typed_too(qtbot, services: Services) -> None:
    customer = services.customers.create({"code": "C1", "name": "c", "credit_limit": "0"})
    item = services.items.create({"sku": "A", "name": "a", "price": "1", "vat_rate": "13"})
    services.orders.create(customer.id or 0, {}, [{"item_id": item.id, "quantity": "1"}])
    page = OrdersPage(services)
    qtbot.addWidget(page)
    activate(qtbot, page)
    assert page.model.rowCount() == 1
    type_date(qtbot, page.date_from, "+1")
    assert page.model.rowCount() == 0
    type_date(qtbot, page.date_from, "-1")
    assert page.model.rowCount() == 1


def test_a_receipt_s_expiry_is_typed_the_same_way() -> None:
    assert expiry_value("1205", TODAY) == date(2026, 12, 5)
    assert expiry_value("+30", TODAY) == date(2026, 12, 31)
    assert expiry_value("", TODAY) is None
    assert expiry_value("soon", TODAY) == "soon"  # goes on for the domain to refuse
