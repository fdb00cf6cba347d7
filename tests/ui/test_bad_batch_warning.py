"""A batch with the shop's limit of complaints is named, with its tickets, in the stock
overview and on the picking list the warehouse ships from; other batches are not."""

from __future__ import annotations

from PySide6.QtCore import Qt

from retailerp.services import Services
from retailerp.ui.sales.ship_dialog import COLUMNS, ShipDialog
from retailerp.ui.stock.page import StockPage


def complained(services: Services, limit: int = 3) -> dict:
    """Batch K1 of kettles has ``limit`` complaints; batch K2 has one."""
    s = services
    customer = s.customers.create({"code": "C001", "name": "华联超市", "credit_limit": "9999"})
    item = s.items.create(
        {"sku": "KET", "name": "Kettle", "price": "100", "vat_rate": "13", "tracking": "batch"}
    )
    a01 = s.stock.add_bin("A-01").id
    s.stock.receive(a01, [{"item_id": item.id, "quantity": "5", "batch": "K1"},
                          {"item_id": item.id, "quantity": "20", "batch": "K2"}])  # fmt: skip
    numbers = [
        s.complaints.create(
            {"customer_id": customer.id, "description": f"cracked {n}", "item_id": item.id,
             "batch": "K1" if n < limit else "K2"}
        ).number
        for n in range(limit + 1)
    ]  # fmt: skip
    return {"customer": customer, "item": item, "numbers": numbers}


def test_the_stock_overview_names_the_bad_batch_and_its_tickets(qtbot, services, english):
    d = complained(services)
    page = StockPage(services)
    qtbot.addWidget(page)
    model = page.stock_model
    column = model.column_of("complaints")
    rows = range(model.rowCount())
    texts = {model.row_at(r).stock_key: model.data(model.index(r, column)) for r in rows}
    assert texts["K1"] == f"⚠ 3: {d['numbers'][2]} …"
    assert texts["K2"] == ""
    k1 = next(r for r in range(model.rowCount()) if model.row_at(r).stock_key == "K1")
    assert model.data(model.index(k1, column), Qt.ItemDataRole.ForegroundRole) is not None
    services.complaints.configure(bad_batch_limit=4)
    page.refresh()
    assert model.data(model.index(k1, column)) == ""


def test_the_picking_list_screen_warns_before_the_bad_batch_ships(qtbot, services, english):
    d = complained(services)
    s = services
    order = s.orders.create(d["customer"].id, {}, [{"item_id": d["item"].id, "quantity": "8"}])
    order = s.orders.confirm(order.id, order.version)
    picking = s.orders.start_picking(order.id, order.version)
    assert sorted(line.batch for line in picking.lines) == ["K1", "K2"]
    dialog = ShipDialog(None, s, picking)
    qtbot.addWidget(dialog)
    column = COLUMNS.index("complaints")
    by_batch = {
        line.batch: dialog.table.item(row, column).text() for row, line in enumerate(picking.lines)
    }
    assert by_batch == {"K1": "⚠ 3 complaints: " + ", ".join(d["numbers"][:3]), "K2": ""}
    assert not dialog.warning.isHidden() and "K1" in dialog.warning.text()
    assert "K2" not in dialog.warning.text()


def test_the_printed_picking_list_names_the_bad_batch(qtbot, services, english):
    from io import BytesIO

    from pypdf import PdfReader

    d = complained(services)
    s = services
    order = s.orders.create(d["customer"].id, {}, [{"item_id": d["item"].id, "quantity": "8"}])
    order = s.orders.confirm(order.id, order.version)
    picking = s.orders.start_picking(order.id, order.version)
    pdf = s.printing.pdf(picking.number)
    text = " ".join((p.extract_text() or "") for p in PdfReader(BytesIO(pdf)).pages)
    assert "Batches with complaints" in text
    assert all(number in text for number in d["numbers"][:3])
    assert d["numbers"][3] not in text  # batch K2's single ticket is no warning
