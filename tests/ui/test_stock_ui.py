"""The stock screens over a real database: receipt by scanner, count, reversal."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from retailerp.services import Services
from retailerp.ui import prompts
from retailerp.ui.stock import StockPage
from retailerp.ui.stock.lines import StockLinesDialog
from retailerp.ui.styles import error_brush
from ui.conftest import activate, answer, services_page

BARCODE = "6901234567892"

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def item_id(services: Services) -> int:
    return services.items.create({"sku": "TEA-01", "name": "龙井", "barcode": BARCODE}).id or 0


@pytest.fixture
def page(show_page, services: Services, item_id: int) -> StockPage:
    return show_page(StockPage(services))


def scan(qtbot, dialog: StockLinesDialog, code: str, times: int = 1) -> None:
    dialog.scan.selectAll()
    qtbot.keyClicks(dialog.scan, code)
    for _ in range(times):
        qtbot.keyClick(dialog.scan, Qt.Key.Key_Return)


def ctrl_s(qtbot, widget: QWidget) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def cells(dialog: StockLinesDialog, row: int) -> dict[str, str]:
    return {key: dialog.cell_text(row, key) for key in dialog.COLUMNS}


def stock_rows(page: StockPage) -> list[list[str]]:
    model = page.stock_model
    return [
        [model.data(model.index(r, c)) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def receive_two(qtbot, page: StockPage) -> str:
    dialog = page.new_receipt()
    activate(qtbot, dialog)
    scan(qtbot, dialog, BARCODE, times=2)
    ctrl_s(qtbot, dialog.scan)
    assert dialog.document is not None
    return dialog.document.number


def test_a_scanned_receipt_posts_and_the_stock_shows_it(
    qtbot, page: StockPage, services: Services
) -> None:
    dialog = page.new_receipt()
    activate(qtbot, dialog)
    assert dialog.location.currentText() == "WH – Main warehouse"
    qtbot.keyClicks(dialog.supplier, "ACME")

    scan(qtbot, dialog, BARCODE, times=2)  # the same code twice: one line of two

    assert dialog.table.rowCount() == 1
    assert cells(dialog, 0)["item"] == "TEA-01 龙井" and cells(dialog, 0)["quantity"] == "2"
    assert dialog.isVisible()  # Enter in the scan box never posts

    ctrl_s(qtbot, dialog.scan)

    assert dialog.document is not None
    number = dialog.document.number
    assert number.startswith("GR")
    assert number in dialog.result.text() and dialog.table.rowCount() == 0
    assert stock_rows(page) == [["TEA-01", "龙井", "WH – Main warehouse", "", "2", "pcs", "", ""]]
    assert page.document_model.row_at(0).number == number
    assert page.document_model.row_at(0).partner == "ACME"
    assert number in page.message.text()


def test_a_receipt_line_error_names_the_line_and_nothing_is_posted(
    qtbot, page: StockPage, services: Services
) -> None:
    dialog = page.new_receipt()
    activate(qtbot, dialog)
    scan(qtbot, dialog, "NOPE-1")
    assert dialog.message.text() == "No item has the SKU or barcode NOPE-1."
    assert dialog.table.rowCount() == 0

    scan(qtbot, dialog, "tea-01")  # the SKU works too
    scan(qtbot, dialog, BARCODE)
    assert dialog.table.rowCount() == 1 and cells(dialog, 0)["quantity"] == "2"
    dialog.set_cell(0, "quantity", "-1")

    assert dialog.post() is None

    assert dialog.message.text() == "Line 1: The quantity must be greater than zero."
    quantity_column = dialog.COLUMNS.index("quantity")
    assert dialog.table.item(0, quantity_column).background() == error_brush()
    dialog.set_cell(0, "quantity", "1")
    dialog.set_cell(0, "expiry", "next week")

    assert dialog.post() is None

    assert dialog.message.text() == "Line 1: Enter a date."
    assert dialog.table.item(0, quantity_column).background() != error_brush()
    assert dialog.table.rowCount() == 1 and dialog.document is None
    assert services.stock.documents(services_page()) == []

    dialog.set_cell(0, "expiry", "2027-03-31")
    assert dialog.post() is not None
    assert services.stock.page(services_page())[0].expiry.isoformat() == "2027-03-31"


def test_a_stock_count_shows_the_books_and_posts_the_difference(
    qtbot, page: StockPage, services: Services
) -> None:
    receive_two(qtbot, page)
    dialog = page.new_count()
    activate(qtbot, dialog)

    scan(qtbot, dialog, BARCODE)

    assert cells(dialog, 0) == {
        "item": "TEA-01 龙井",
        "location": "WH",
        "batch": "",
        "book": "2",
        "quantity": "1",
        "difference": "",
    }
    ctrl_s(qtbot, dialog.scan)

    assert dialog.document is not None and dialog.document.number.startswith("SC")
    assert cells(dialog, 0)["difference"] == "-1"
    assert "1 differences booked" in dialog.result.text()
    assert not dialog.post_button.isEnabled()  # a posted count is not posted twice
    assert stock_rows(page)[0][4] == "1"

    dialog.start_new()
    assert dialog.table.rowCount() == 0 and dialog.post_button.isEnabled()


def test_reverse_a_document_with_a_reason(
    qtbot, page: StockPage, services: Services, monkeypatch
) -> None:
    number = receive_two(qtbot, page)
    page.tabs.setCurrentIndex(1)
    page.documents.selectRow(0)
    assert page.reverse_button.isEnabled()
    monkeypatch.setattr(prompts, "ask_reason", answer("wrong supplier"))

    page.reverse_button.click()

    assert stock_rows(page) == []
    reversal = page.document_model.row_at(0)
    assert reversal.number.startswith("RV") and reversal.reverses_number == number
    assert reversal.number in page.message.text()

    page.documents.selectRow(1)  # the original again: refused, and said so
    page.reverse_button.click()
    assert page.message.text() == f"{number} has already been reversed."


def test_the_documents_list_filters_by_type(qtbot, page: StockPage, services: Services) -> None:
    receive_two(qtbot, page)
    page.type_filter.setCurrentIndex(page.type_filter.findData("SC"))
    assert page.document_model.rowCount() == 0
    page.type_filter.setCurrentIndex(page.type_filter.findData("GR"))
    assert page.document_model.rowCount() == 1
    assert page.document_model.data(page.document_model.index(0, 1)) == "goods receipt"


def test_errors_on_several_lines_are_listed_by_line_number(
    qtbot, page: StockPage, services: Services
) -> None:
    services.items.create({"sku": "CUP-2", "name": "茶杯"})
    dialog = page.new_receipt()
    activate(qtbot, dialog)
    scan(qtbot, dialog, BARCODE)
    scan(qtbot, dialog, "CUP-2")
    dialog.set_cell(1, "quantity", "abc")
    dialog.set_cell(1, "unit_cost", "-5")

    assert dialog.post() is None

    assert dialog.message.text() == "Line 2: 'abc' is not a number."
    dialog.set_cell(1, "quantity", "3")
    assert dialog.post() is None
    assert dialog.message.text() == "Line 2: The amount cannot be negative."


def test_counting_a_batch_item_lists_each_batch_on_the_books(
    qtbot, page: StockPage, services: Services
) -> None:
    milk = services.items.create({"sku": "MILK-1", "name": "牛奶", "tracking": "batch"})
    warehouse = next(loc for loc in services.stock.locations() if loc.code == "WH")
    lines = [
        {"item_id": milk.id, "quantity": "5", "batch": "L1"},
        {"item_id": milk.id, "quantity": "7", "batch": "L2"},
    ]
    services.stock.receive(warehouse.id or 0, lines)
    dialog = page.new_count()
    activate(qtbot, dialog)

    scan(qtbot, dialog, "MILK-1")

    assert [cells(dialog, r)["batch"] for r in range(2)] == ["L1", "L2"]
    assert [cells(dialog, r)["book"] for r in range(2)] == ["5", "7"]
    assert "each batch of MILK-1" in dialog.message.text()
    dialog.set_cell(0, "quantity", "5")
    dialog.set_cell(1, "quantity", "6")
    ctrl_s(qtbot, dialog.scan)

    assert [cells(dialog, r)["difference"] for r in range(2)] == ["0", "-1"]
    assert "1 differences booked" in dialog.result.text()


def test_the_hidden_tabs_are_read_when_first_shown(
    qtbot, show_page, page: StockPage, services: Services, item_id: int
) -> None:
    """The documents list is read when its tab is first shown, not with the page; a change
    while it is hidden reads it too (it follows the data as before)."""
    model = page.document_model
    assert page.tabs.currentIndex() == 0 and model.deferred and model.loaded_count == 0
    assert not model.canFetchMore(model.index(-1, -1))  # the view may not ask for rows yet
    page.tabs.setCurrentIndex(1)
    assert not model.deferred and model.fully_loaded  # read: no documents yet

    other = show_page(StockPage(services))
    assert other.document_model.deferred
    wh = next(loc.id for loc in services.stock.locations() if loc.code == "WH")
    receipt = services.stock.receive(wh, [{"item_id": item_id, "quantity": "3"}])
    qtbot.waitUntil(lambda: other.document_model.loaded_count == 1)
    assert other.document_model.row_at(0).number == receipt.number
    assert other.tabs.currentIndex() == 0
