"""Bins and warehouses on screen: create a bin, choose it on an item, receive into it, open
the receipt from the list, and read the item's movement ledger after receipt → shipment."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit

from retailerp import i18n
from retailerp.domain.stock import LocationKind
from retailerp.services import Services
from retailerp.ui import prompts
from retailerp.ui.items import ItemDialog, UnitsDialog
from retailerp.ui.models import DEFAULT_PAGE_SIZE
from retailerp.ui.stock import StockPage
from retailerp.ui.stock.document_view import DocumentDialog
from retailerp.ui.stock.ledger import LedgerDialog
from ui.conftest import Ime, activate

BARCODE = "6901234567892"

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def page(show_page, services: Services) -> StockPage:
    return show_page(StockPage(services))


def editor(dialog, key: str):  # noqa: ANN001, ANN201
    return dialog.form.editor(key)


def rows(model) -> list[list[str]]:  # noqa: ANN001
    return [
        [model.data(model.index(r, c)) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def column(model, key: str) -> list[str]:  # noqa: ANN001
    c = model.column_of(key)
    return [model.data(model.index(r, c)) for r in range(model.rowCount())]


def make_bin(qtbot, page: StockPage, ime: Ime, code: str = "A-01") -> None:
    page.tabs.setCurrentWidget(page.locations)
    dialog = page.locations.new_location(LocationKind.BIN)
    activate(qtbot, dialog)
    code_box = editor(dialog, "code")
    assert isinstance(code_box, QLineEdit) and code_box.hasFocus()
    qtbot.keyClicks(code_box, code.lower())
    ime(editor(dialog, "name"), "茶叶货架")
    assert editor(dialog, "warehouse").currentText() == "WH – Main warehouse"
    qtbot.keyClick(code_box, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_a_bin_is_created_in_the_stock_area_and_listed(
    qtbot, page: StockPage, services: Services, ime: Ime
) -> None:
    make_bin(qtbot, page, ime)

    locations = page.locations
    assert "A-01" in column(locations.model, "code")
    assert locations.message.text() == "Added A-01."
    assert locations.selected().code == "A-01"
    shelf = next(loc for loc in services.stock.locations() if loc.code == "A-01")
    assert (shelf.name, shelf.kind) == ("茶叶货架", "bin")
    # the overview's location filter knows it at once
    assert page.location_filter.findText("A-01 – 茶叶货架") >= 0


def test_a_duplicate_bin_is_refused_next_to_its_code(
    qtbot, page: StockPage, services: Services
) -> None:
    services.stock.add_bin("A-01")
    dialog = page.locations.new_location(LocationKind.BIN)
    activate(qtbot, dialog)
    qtbot.keyClicks(editor(dialog, "code"), "A-01")
    dialog.save()
    assert dialog.isVisible()
    assert dialog.form.errors() == {"code": "Location A-01 exists already."}


def test_a_bin_with_stock_is_not_taken_out_of_use(
    qtbot, page: StockPage, services: Services
) -> None:
    shelf = services.stock.add_bin("A-01")
    item = services.items.create({"sku": "TEA", "name": "龙井"})
    services.stock.receive(shelf.id or 0, [{"item_id": item.id, "quantity": "2"}])
    page.locations.refresh()
    assert page.locations.select_code("A-01")
    assert page.locations.active_button.text() == "&Take out of use"

    assert not page.locations.toggle_selected()

    assert "still holds stock" in page.locations.message.text()
    assert services.stock.location(shelf.id or 0).active


def test_a_place_past_the_first_page_is_found_and_selected(
    qtbot, page: StockPage, services: Services
) -> None:
    for n in range(DEFAULT_PAGE_SIZE + 20):
        services.stock.add_bin(f"Z-{n:03}")  # sorted after every standard place
    page.locations.refresh()
    assert page.locations.model.rowCount() == DEFAULT_PAGE_SIZE  # the last is not loaded yet

    last = f"Z-{DEFAULT_PAGE_SIZE + 19:03}"
    assert page.locations.select_code(last)
    assert page.locations.selected().code == last
    assert not page.locations.select_code("NO-SUCH-PLACE")


def test_a_bin_is_renamed_from_the_list(
    qtbot, page: StockPage, services: Services, monkeypatch
) -> None:  # noqa: ANN001
    services.stock.add_bin("A-01")
    page.locations.refresh()
    page.locations.select_code("A-01")
    monkeypatch.setattr(prompts, "ask_reason", lambda *_args: "茶叶")
    assert page.locations.rename_selected()
    assert (
        column(page.locations.model, "name")[column(page.locations.model, "code").index("A-01")]
        == "茶叶"
    )


def test_the_item_card_picks_its_bin_and_unit_from_lists(
    qtbot, services: Services, ime: Ime
) -> None:
    shelf = services.stock.add_bin("A-01", "茶叶货架")
    dialog = ItemDialog(services)
    qtbot.addWidget(dialog)
    activate(qtbot, dialog)
    unit = editor(dialog, "unit")
    assert isinstance(unit, QComboBox)
    assert unit.currentText() == "pcs"  # the English default
    assert unit.findText("箱") >= 0 and unit.isEditable() is False
    bins = editor(dialog, "bin_id")
    assert isinstance(bins, QComboBox) and bins.currentText() == "(none)"
    qtbot.keyClicks(editor(dialog, "sku"), "TEA-01")
    ime(editor(dialog, "name"), "龙井")
    unit.setCurrentIndex(unit.findText("盒"))
    bins.setCurrentIndex(bins.findText("A-01 – 茶叶货架"))

    assert dialog.save()

    item = services.items.get(dialog.item.id or 0)
    assert (item.bin_id, item.unit) == (shelf.id, "盒")
    assert editor(dialog, "bin_id").currentData() == shelf.id  # shown again after saving


@pytest.fixture
def chinese() -> Iterator[None]:
    i18n.set_language("zh_CN")
    yield
    i18n.set_language("en")


def test_a_new_item_starts_with_the_chinese_unit_in_the_chinese_ui(
    qtbot, services: Services, chinese: None
) -> None:
    dialog = ItemDialog(services)
    qtbot.addWidget(dialog)
    assert editor(dialog, "unit").currentText() == "个"


def test_units_are_added_and_taken_out_of_use(qtbot, services: Services) -> None:
    dialog = UnitsDialog(services)
    qtbot.addWidget(dialog)
    activate(qtbot, dialog)
    qtbot.keyClicks(dialog.new_name, "doz")
    qtbot.keyClick(dialog.new_name, Qt.Key.Key_Return)
    assert dialog.names()[-1] == "doz" and dialog.selected().name == "doz"
    assert dialog.toggle_selected()
    assert dialog.list.currentItem().text() == "doz (out of use)"
    qtbot.keyClicks(dialog.new_name, "doz")
    assert not dialog.add()
    assert dialog.message.text() == "Unit doz is on the list already."
    item = ItemDialog(services)
    qtbot.addWidget(item)
    assert editor(item, "unit").findText("doz") < 0  # out of use: not offered


def receive_into_bin(qtbot, page: StockPage, services: Services) -> tuple[int, int, str]:
    """An item with bin A-01 received at the main warehouse: the line goes to A-01."""
    shelf = services.stock.add_bin("A-01", "茶叶货架")
    item = services.items.create(
        {"sku": "TEA-01", "name": "龙井", "barcode": BARCODE, "bin_id": shelf.id}
    )
    dialog = page.new_receipt()
    activate(qtbot, dialog)
    assert dialog.location.currentText() == "WH – Main warehouse"
    qtbot.keyClicks(dialog.scan, BARCODE)
    for _ in range(10):
        qtbot.keyClick(dialog.scan, Qt.Key.Key_Return)
    assert dialog.cell_text(0, "location") == "A-01"  # the item's bin
    assert dialog.place_combo(0).findText("WH") == 0  # or the warehouse itself
    qtbot.keyClick(dialog.scan, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.document is not None
    return item.id or 0, shelf.id or 0, dialog.document.number


def test_goods_are_received_into_the_items_bin_and_the_receipt_opens_from_the_list(
    qtbot, page: StockPage, services: Services
) -> None:
    item_id, shelf_id, number = receive_into_bin(qtbot, page, services)

    assert services.stock.quantity(item_id, "A-01") == 10
    assert column(page.stock_model, "location_code") == ["A-01 – 茶叶货架"]

    page.tabs.setCurrentIndex(1)
    page.documents.selectRow(0)
    assert page.open_button.isEnabled()
    page.documents.setFocus()
    qtbot.keyClick(page.documents, Qt.Key.Key_Return)  # Enter opens the row
    qtbot.waitUntil(lambda: any(isinstance(d, DocumentDialog) for d in page.dialogs))
    view = next(d for d in page.dialogs if isinstance(d, DocumentDialog))

    assert view.windowTitle() == f"goods receipt {number}"
    assert view.values["location"].text() == "WH – Main warehouse"
    assert view.table.rowCount() == 1
    assert (
        view.cell_text(0, "item"),
        view.cell_text(0, "location"),
        view.cell_text(0, "quantity"),
    ) == (
        "TEA-01 龙井",
        "A-01",
        "10",
    )
    assert (
        view.reverse_button.isEnabled()
        and view.table.editTriggers() == view.table.EditTrigger.NoEditTriggers
    )


def test_a_receipt_is_reversed_from_its_view(
    qtbot, page: StockPage, services: Services, monkeypatch
) -> None:  # noqa: ANN001
    item_id, _shelf, number = receive_into_bin(qtbot, page, services)
    view = DocumentDialog(services, number, page)
    qtbot.addWidget(view)
    monkeypatch.setattr(prompts, "ask_reason", lambda *_args: "wrong supplier")
    reversals: list[str] = []
    view.reversed.connect(reversals.append)

    reversal = view.reverse()

    assert reversal is not None and reversals == [reversal]
    assert view.values["reversed_by"].text() == reversal and not view.reverse_button.isEnabled()
    assert services.stock.quantity(item_id, "A-01") == 0


def test_the_item_ledger_after_receipt_and_shipment_matches_the_stock(
    qtbot, page: StockPage, services: Services
) -> None:
    item_id, shelf_id, number = receive_into_bin(qtbot, page, services)
    customer = services.customers.create({"code": "C001", "name": "上海百货"})
    order = services.orders.create(
        customer.id or 0, {"payment_mode": "credit"}, [{"item_id": item_id, "quantity": "4"}]
    )
    order = services.orders.confirm(order.id or 0, order.version)
    services.orders.start_picking(order.id or 0, order.version)
    order = services.orders.get(order.id or 0)
    delivery = services.orders.ship(order.id or 0, order.version).number

    card = ItemDialog(services, item_id)
    qtbot.addWidget(card)
    assert card.ledger_button.isEnabled()
    ledger = card.open_ledger()
    assert isinstance(ledger, LedgerDialog)
    qtbot.addWidget(ledger)

    table = rows(ledger.model)
    model = ledger.model
    assert column(model, "doc_number") == [delivery, number]  # newest first
    assert column(model, "from_code") == ["A-01", "Suppliers"]
    assert column(model, "to_code") == ["Customers (sold)", "A-01"]
    assert column(model, "quantity_in") == ["", "10"]
    assert column(model, "quantity_out") == ["4", ""]
    assert column(model, "balance") == ["6", "10"]
    assert table[0][model.column_of("doc_type")] == "delivery note"
    assert ledger.balance.text() == "6 pcs"
    assert services.stock.quantity(item_id, "A-01") == 6

    # the delivery's goods issue is a stock document too, and the overview opens the ledger
    page.refresh()
    assert delivery in column(page.document_model, "number")
    page.tabs.setCurrentIndex(0)
    page.overview.selectRow(0)
    from_overview = page.open_ledger()
    assert from_overview is not None and from_overview.location_id() == shelf_id
    assert column(from_overview.model, "balance") == ["6", "10"]
    from_overview.scope.setCurrentIndex(from_overview.scope.findData(0))
    assert from_overview.location_id() is None and from_overview.balance.text() == "6 pcs"
