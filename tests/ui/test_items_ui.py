"""The item screens over a real database: create, refusals next to fields, retire, filters."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit

from retailerp.services import Services
from retailerp.ui.items import ItemDialog, ItemListPage
from ui.conftest import Ime, activate

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def page(show_page, services: Services) -> ItemListPage:
    return show_page(ItemListPage(services))


def line(dialog: ItemDialog, key: str) -> QLineEdit:
    widget = dialog.form.editor(key)
    assert isinstance(widget, QLineEdit)
    return widget


def combo(dialog: ItemDialog, key: str) -> QComboBox:
    widget = dialog.form.editor(key)
    assert isinstance(widget, QComboBox)
    return widget


def skus(page: ItemListPage) -> list[str]:
    return [page.model.row_at(i).sku for i in range(page.model.rowCount())]


def test_an_item_typed_at_the_keyboard_is_saved_and_listed(
    qtbot, page: ItemListPage, services: Services, ime: Ime
) -> None:
    dialog = page.new_item()
    activate(qtbot, dialog)
    assert line(dialog, "sku").hasFocus()
    qtbot.keyClicks(line(dialog, "sku"), "tea-01")
    qtbot.keyClick(line(dialog, "sku"), Qt.Key.Key_Return)
    ime(line(dialog, "name"), "西湖龙井")
    qtbot.keyClick(line(dialog, "name"), Qt.Key.Key_Return)
    ime(line(dialog, "spec"), "250克/罐")
    line(dialog, "barcode").setText("6901234567892")
    line(dialog, "price").setText("128.5")
    combo(dialog, "vat_rate").setCurrentIndex(combo(dialog, "vat_rate").findData("0.09"))
    combo(dialog, "tracking").setCurrentIndex(combo(dialog, "tracking").findData("batch"))
    assert combo(dialog, "tracking").currentText() == "by batch"
    line(dialog, "min_stock").setText("5")
    qtbot.keyClick(line(dialog, "price"), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    qtbot.waitUntil(lambda: skus(page) == ["TEA-01"])
    item = services.items.get(page.model.row_at(0).id)
    assert (item.name, item.spec, item.price.amount) == ("西湖龙井", "250克/罐", Decimal("128.50"))
    assert item.vat_rate == Decimal("0.09") and item.tracking == "batch"
    assert dialog.info.text() == "Saved."
    row = [page.model.data(page.model.index(0, c)) for c in range(page.model.columnCount())]
    assert row[5:9] == ["128.50", "9%", "0", "5"]  # price, VAT, on hand, minimum
    red = page.model.data(page.model.index(0, 0), Qt.ItemDataRole.ForegroundRole)
    assert red is not None  # below its minimum stock


def test_a_duplicate_sku_is_refused_next_to_the_sku_field(
    qtbot, page: ItemListPage, services: Services, ime: Ime
) -> None:
    services.items.create({"sku": "TEA-01", "name": "龙井"})
    dialog = page.new_item()
    activate(qtbot, dialog)
    qtbot.keyClicks(line(dialog, "sku"), "tea-01")
    ime(line(dialog, "name"), "碧螺春")

    assert not dialog.save()

    assert dialog.form.errors() == {"sku": "SKU TEA-01 is already used by 龙井."}
    assert dialog.form.error_label("sku").isVisible()
    assert line(dialog, "sku").hasFocus()
    page.refresh()
    assert skus(page) == ["TEA-01"]  # still only the first one


def test_retire_and_reactivate_an_item(qtbot, page: ItemListPage, services: Services) -> None:
    item_id = services.items.create({"sku": "OLD-1", "name": "Old"}).id or 0
    page.refresh()
    dialog = page.open_item(item_id)
    assert dialog.active_button.text() == "R&etire"

    dialog.active_button.click()

    assert not services.items.get(item_id).active
    assert skus(page) == []  # the list shows items in use
    page.active_filter.setCurrentIndex(page.active_filter.findData(False))
    assert skus(page) == ["OLD-1"]
    assert dialog.active_button.text() == "Re&activate"

    dialog.active_button.click()
    assert services.items.get(item_id).active
    assert skus(page) == []


def test_search_and_below_minimum_filter(
    qtbot, page: ItemListPage, services: Services, ime: Ime
) -> None:
    services.items.create({"sku": "A-1", "name": "苹果", "min_stock": "10"})
    services.items.create({"sku": "B-2", "name": "香蕉", "barcode": "ABC123"})
    page.refresh()
    assert skus(page) == ["A-1", "B-2"]

    page.below_min.setChecked(True)
    assert skus(page) == ["A-1"]
    page.below_min.setChecked(False)

    ime(page.search, "香")
    qtbot.waitUntil(lambda: skus(page) == ["B-2"])
    page.search.clear()
    qtbot.keyClicks(page.search, "abc1")
    qtbot.waitUntil(lambda: skus(page) == ["B-2"])
