"""Order prices typed with VAT included: the grid follows the shop setting (or a check box
per line) and shows the totals the domain computes; the settings dialog sets it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from retailerp.domain.money import Money, PriceEntry
from retailerp.services import Services
from retailerp.ui.sales.order_lines import COLUMNS, LineItem, OrderLinesEditor
from retailerp.ui.settings_dialog import SettingsDialog

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def tea(services: Services) -> LineItem:
    services.customers.create({"code": "C1", "name": "华联"})
    return LineItem.of(
        services.items.create({"sku": "TEA", "name": "Tea", "price": "100", "vat_rate": "13"})
    )


def editor_for(qtbot, services: Services, entry: PriceEntry) -> OrderLinesEditor:
    services.settings.save_values({"price_entry": entry, "price_floor": "0"})
    editor = OrderLinesEditor(services)
    qtbot.addWidget(editor)
    return editor


def test_with_vat_included_the_grid_takes_gross_prices(
    qtbot, services: Services, tea: LineItem
) -> None:
    editor = editor_for(qtbot, services, PriceEntry.GROSS)
    price = editor.table.horizontalHeaderItem(COLUMNS.index("unit_price")).text()
    assert price == "Unit price incl. VAT"
    assert editor.table.isColumnHidden(COLUMNS.index("incl_vat"))
    row = editor.add_item(tea, 3)
    assert editor.cell_text(row, "unit_price") == "113.00"  # the list price with VAT
    editor.set_cell(row, "unit_price", "9.99")
    totals = editor.update_totals()
    assert totals.gross == Money.of("29.97")  # 3 × 9.99
    assert editor.values()[0]["price_includes_tax"] is True
    order = services.orders.create(1, {}, editor.values())
    assert order.lines[0].unit_price == Money.of("8.84")  # stored net
    assert order.totals.gross == totals.gross  # the grid and the domain agree
    editor.load(order.lines)
    assert editor.cell_text(0, "unit_price") == "9.99"  # shown again with VAT


def test_without_vat_nothing_changes(qtbot, services: Services, tea: LineItem) -> None:
    editor = editor_for(qtbot, services, PriceEntry.NET)
    row = editor.add_item(tea, 3)
    assert editor.cell_text(row, "unit_price") == "100.00"
    assert editor.update_totals().gross == Money.of("339.00")
    assert editor.values()[0]["price_includes_tax"] is False


def test_per_line_a_check_box_says_which_price_includes_vat(
    qtbot, services: Services, tea: LineItem
) -> None:
    editor = editor_for(qtbot, services, PriceEntry.PER_LINE)
    column = COLUMNS.index("incl_vat")
    assert not editor.table.isColumnHidden(column)
    assert editor.table.horizontalHeader().visualIndex(column) == COLUMNS.index("unit_price") + 1
    row = editor.add_item(tea, 3)
    editor.set_cell(row, "unit_price", "10.00")
    assert editor.update_totals().gross == Money.of("33.90")  # net unless ticked
    editor.table.item(row, column).setCheckState(Qt.CheckState.Checked)
    assert editor.update_totals().gross == Money.of("30.00")
    assert editor.values()[0]["price_includes_tax"] is True
    assert services.orders.create(1, {}, editor.values()).totals.gross == Money.of("30.00")


def test_the_settings_dialog_sets_how_prices_are_typed(
    qtbot, services: Services, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("RETAILERP_CONFIG_DIR", str(tmp_path / "config"))
    dialog = SettingsDialog(services)
    qtbot.addWidget(dialog)
    box = dialog.form.editor("price_entry")
    assert isinstance(box, QComboBox) and box.currentData() == "net"
    assert [box.itemText(i) for i in range(box.count())] == [
        "without VAT (net)", "with VAT included (gross)", "chosen on each order line",
    ]  # fmt: skip
    box.setCurrentIndex(box.findData("per_line"))
    assert dialog.save()
    assert services.settings.get().price_entry == PriceEntry.PER_LINE
