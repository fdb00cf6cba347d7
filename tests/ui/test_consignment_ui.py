"""The Consignment area by keyboard: fill-up and issue from the scanner, the overview and its
drill-down, a refused and an allowed reversal."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from retailerp.services import Services
from retailerp.ui import prompts
from retailerp.ui.consignment import page as page_module
from retailerp.ui.consignment.document_dialog import ConsignmentDocumentDialog
from retailerp.ui.consignment.page import ConsignmentPage
from ui.conftest import activate, answer

pytestmark = pytest.mark.usefixtures("english")
BARCODE = "6901234567892"


@pytest.fixture
def shop(services: Services) -> dict:
    customer = services.customers.create({"code": "C001", "name": "华联超市"})
    milk = {"sku": "MILK", "name": "Milk", "barcode": BARCODE, "price": "10", "vat_rate": "13",
            "tracking": "batch"}  # fmt: skip
    item = services.items.create(milk)
    bin_id = services.stock.add_bin("A-01").id
    services.stock.receive(bin_id, [{"item_id": item.id, "quantity": "9", "batch": "M1",
                                     "expiry": date(2030, 1, 1), "unit_cost": "6"}])  # fmt: skip
    return {"customer": customer.id, "item": item.id}


def open_dialogs() -> set[ConsignmentDocumentDialog]:
    return {w for w in QApplication.topLevelWidgets()
            if isinstance(w, ConsignmentDocumentDialog) and w.isVisible()}  # fmt: skip


def dialog_of(page: ConsignmentPage, button: str) -> ConsignmentDocumentDialog:
    """The one dialog the button opened (an earlier test's may not be gone yet)."""
    before = open_dialogs()
    page.findChild(QPushButton, f"consignment_{button}").click()
    found = open_dialogs() - before
    assert len(found) == 1
    return found.pop()


def scan_and_post(qtbot, dialog: ConsignmentDocumentDialog, times: int) -> None:
    activate(qtbot, dialog)
    qtbot.keyClicks(dialog.scan, BARCODE)
    for _ in range(times):
        qtbot.keyClick(dialog.scan, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.scan, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def test_fill_up_to_issue_by_keyboard_then_reverse(
    qtbot, show_page, services: Services, shop: dict, monkeypatch
) -> None:
    page = show_page(ConsignmentPage(services))
    page.customer.setValue(shop["customer"])

    fill = dialog_of(page, "fill_up")
    scan_and_post(qtbot, fill, 5)
    assert fill.result.text() == "CF2026-000001 posted (1 lines)."
    fill.close()
    qtbot.waitUntil(lambda: page.overview.rowCount() == 1)
    assert [page.overview.item(0, c).text() for c in range(4)] == ["C001", "华联超市", "5",
                                                                    "50.00"]  # fmt: skip
    activate(qtbot, page)
    page.overview.setFocus()
    qtbot.keyClick(page.overview, Qt.Key.Key_Return)  # drill down
    qtbot.waitUntil(page.stock.hasFocus)
    assert [page.stock.item(0, c).text() for c in (0, 2, 4)] == ["MILK", "M1", "5"]

    issue = dialog_of(page, "issue")
    scan_and_post(qtbot, issue, 2)
    assert "posted" in issue.result.text(), issue.message.text()
    issue.close()
    assert services.stock.quantity(shop["item"], "CONS-C001", "M1") == Decimal(3)
    assert services.stock.quantity(shop["item"], "CUSTOMERS", "M1") == Decimal(2)
    qtbot.waitUntil(lambda: page.documents.rowCount() == 2)
    assert [page.documents.item(r, 3).text() for r in range(2)] == ["invoiced", "posted"]

    # reversing the fill-up is refused (the issue consumed it), naming the issue
    shown = []
    monkeypatch.setattr(prompts, "ask_reason", answer("wrong customer"))
    monkeypatch.setattr(page_module, "ask_reason", answer("wrong customer"))
    monkeypatch.setattr(page_module, "show_error", lambda _w, e: shown.append(str(e)))
    page.documents.setCurrentCell(1, 0)
    page.findChild(QPushButton, "consignment_reverse").click()
    assert len(shown) == 1 and "before CI2026-000001" in shown[0]
    assert services.stock.quantity(shop["item"], "CONS-C001", "M1") == Decimal(3)


def test_an_issue_above_what_is_at_the_customer_is_refused_on_its_line(
    qtbot, show_page, services: Services, shop: dict
) -> None:
    page = show_page(ConsignmentPage(services))
    page.customer.setValue(shop["customer"])
    fill = dialog_of(page, "fill_up")
    scan_and_post(qtbot, fill, 2)
    fill.close()
    issue = dialog_of(page, "issue")
    scan_and_post(qtbot, issue, 3)
    assert "Line 1: At most 2 of MILK" in issue.message.text()
    assert services.stock.quantity(shop["item"], "CUSTOMERS", "M1") == Decimal(0)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
@pytest.mark.parametrize("kind", ["fill_up", "issue", "pickup", "count"])
def test_no_consignment_screen_has_two_things_on_one_key(
    qtbot, services: Services, shop: dict, kind: str, language: str
) -> None:
    from retailerp import i18n
    from retailerp.ui.app import install_translators, remove_translators
    from ui.test_mnemonics import duplicates

    translators = install_translators(QApplication.instance(), language)
    try:
        dialog = ConsignmentDocumentDialog(services, shop["customer"], kind)
        qtbot.addWidget(dialog)
        assert duplicates(dialog) == []
        page = ConsignmentPage(services)
        qtbot.addWidget(page)
        assert duplicates(page) == []
        back = ConsignmentDocumentDialog(services, shop["customer"], "return", None, 0)
        qtbot.addWidget(back)
        assert duplicates(back) == []
        title = "寄售" if language == "zh_CN" else "Consignment"
        assert dialog.windowTitle().startswith(title)
    finally:
        remove_translators(QApplication.instance(), translators)
        i18n.set_language("en")


def test_drill_down_to_every_layer_release_the_billing_block_and_export_the_statement(
    qtbot, show_page, services: Services, shop: dict, monkeypatch, tmp_path
) -> None:
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog

    c, item = services.consignment, shop["item"]
    for quantity in ("3", "2"):  # two fill-ups of the same batch: two layers
        draft = c.create_fill_up(shop["customer"], [{"item_id": item, "quantity": quantity}])
        planned = c.plan_fill_up(draft.id, draft.version)
        c.post_fill_up(planned.id, planned.version)
    issue = c.create_issue(shop["customer"], [{"item_id": item, "quantity": "4"}])
    issue = c.post_issue(issue.id, issue.version)
    c.invoice_issue(issue.id, c.get(issue.id).version)
    ret = c.create_return(issue.id, [{"source_line_id": issue.lines[0].id, "quantity": "1"}])
    ret = c.post_return(ret.id, ret.version)

    page = show_page(ConsignmentPage(services))
    page.customer.setValue(shop["customer"])
    qtbot.waitUntil(lambda: page.loading is None)  # the overview is read in a worker
    assert [page.overview.item(0, col).text() for col in (2, 3, 4)] == ["2", "20.00", "12.00"]
    activate(qtbot, page)
    page.overview.setFocus()
    qtbot.keyClick(page.overview, Qt.Key.Key_Return)  # customer → its item and batch
    qtbot.waitUntil(page.stock.hasFocus)
    assert [page.stock.item(0, col).text() for col in (0, 2, 4, 6)] == ["MILK", "M1", "2", "12.00"]
    qtbot.keyClick(page.stock, Qt.Key.Key_Return)  # the lot → every layer still there
    qtbot.waitUntil(page.layers.hasFocus)
    rows = [[page.layers.item(r, col).text() for col in range(7)]
            for r in range(page.layers.rowCount())]  # fmt: skip
    today = services.ctx.today().isoformat()
    assert rows == [
        [f"CF{today[:4]}-000002", today, "2", "1", "0", "6.00", "6.00"],
        [ret.number, today, "1", "1", "0", "6.00", "6.00"],
    ]

    # release the return's billing block (the owner may): its red invoice is drafted
    page.documents.setCurrentCell(0, 0)
    assert page.documents.item(0, 0).text() == ret.number
    page.findChild(QPushButton, "consignment_release").click()
    red = services.red_invoices.get(c.get(ret.id).red_invoice_id)
    assert page.message.text() == (
        f"{ret.number} released: red invoice {red.number} drafted against {red.blue_number}."
    )
    assert red.number in page.documents.item(0, 5).text()

    target = tmp_path / "statement.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_a, **_k: (str(target), "Excel (*.xlsx)"))  # fmt: skip
    page.findChild(QPushButton, "consignment_export").click()
    assert page.message.text() == f"Saved: {target}"
    values = [r for r in load_workbook(target).active.iter_rows(values_only=True)]
    assert values[0][0] == "Consignment statement"
    assert any(r[1] == issue.number and r[3] == -4 for r in values)


def test_a_return_of_the_selected_issue_by_scanner_posts_with_its_billing_block(
    qtbot, show_page, services: Services, shop: dict
) -> None:
    c, item = services.consignment, shop["item"]
    draft = c.create_fill_up(shop["customer"], [{"item_id": item, "quantity": "5"}])
    planned = c.plan_fill_up(draft.id, draft.version)
    c.post_fill_up(planned.id, planned.version)
    issue = c.create_issue(shop["customer"], [{"item_id": item, "quantity": "3"}])
    issue = c.post_issue(issue.id, issue.version)
    page = show_page(ConsignmentPage(services))
    page.customer.setValue(shop["customer"])
    page.documents.setCurrentCell(1, 0)  # the fill-up: not an issue
    page.findChild(QPushButton, "consignment_return").click()
    assert page.message.text() == "Choose a posted issue in the documents first."
    page.documents.setCurrentCell(0, 0)
    dialog = dialog_of(page, "return")
    assert dialog.findChild(QLabel, "returnable").text() == "MILK M1 3"
    scan_and_post(qtbot, dialog, 2)
    assert "posted" in dialog.result.text(), dialog.message.text()
    dialog.close()
    [ret] = [d for d in c.documents(shop["customer"]) if d.kind == "return"]
    assert (ret.state, ret.billing_block, ret.source_id) == ("posted", True, issue.id)
    assert [(ln.source_line_id, ln.batch, ln.quantity) for ln in ret.lines] == [
        (issue.lines[0].id, "M1", Decimal(2))]  # fmt: skip
    assert services.stock.quantity(item, "CONS-C001", "M1") == Decimal(4)


def four_at_the_customer_and_another(services: Services, shop: dict):  # noqa: ANN201
    """Four of the shop's item posted to its customer by a fill-up; another customer (Z900,
    北京百盛商场) with nothing at it yet, returned."""
    c = services.consignment
    draft = c.create_fill_up(shop["customer"], [{"item_id": shop["item"], "quantity": "4"}])
    c.post_fill_up(draft.id, c.plan_fill_up(draft.id, draft.version).version)
    return services.customers.create({"code": "Z900", "name": "北京百盛商场"})


def test_the_overview_is_read_in_a_worker_and_any_customer_is_found_by_typing(
    qtbot, show_page, services: Services, shop: dict
) -> None:
    other = four_at_the_customer_and_another(services, shop)
    page = show_page(ConsignmentPage(services))
    assert page.loading is not None and page.loading.running  # the page is up, still reading
    assert page.findChild(QLabel, "consignment_loading").text() == (
        "Loading the consignment overview…"
    )
    qtbot.waitUntil(lambda: page.loading is None)
    assert page.findChild(QLabel, "consignment_loading").text() == ""
    assert [page.overview.item(0, col).text() for col in range(3)] == ["C001", "华联超市", "4"]
    assert page.customer_id() == shop["customer"]  # the first customer holding stock
    assert [page.stock.item(0, col).text() for col in (0, 4)] == ["MILK", "4"]

    # a customer with nothing at it yet is found by its pinyin initials and chosen by Enter
    activate(qtbot, page)
    field = page.customer.edit
    field.setFocus()
    field.clear()
    qtbot.keyClicks(field, "bjbs")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.customer_id() == other.id)
    assert page.stock.rowCount() == 0 and page.documents.rowCount() == 0

    # a change elsewhere reads the overview again; the chosen customer stays chosen
    services.customers.update(other.id, other.version, {"code": "Z900", "name": "北京百盛"})
    qtbot.waitUntil(lambda: page.loading is None)
    page.reload()
    qtbot.waitUntil(lambda: page.loading is None)
    assert page.customer_id() == other.id
    assert page.overview.rowCount() == 1


def test_the_overview_arriving_late_keeps_what_the_user_chose_or_typed(
    qtbot, show_page, services: Services, shop: dict
) -> None:
    other = four_at_the_customer_and_another(services, shop)
    services.customers.end(other.id, other.version, "closed the shop")
    page = show_page(ConsignmentPage(services))
    page.customer.setValue(other.id)  # chosen before the overview came
    qtbot.waitUntil(lambda: page.loading is None)
    assert page.customer_id() == other.id and page.overview.rowCount() == 1
    assert page.stock.rowCount() == 0

    # typing over the choice: a reload (a change on another PC) leaves the text alone
    field = page.customer.edit
    activate(qtbot, page)
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "bjb")
    assert page.customer_id() is None
    page.reload()
    qtbot.waitUntil(lambda: page.loading is None)
    assert field.text() == "bjb" and page.customer_id() is None

    # the ended customer is still found by typing (goods may be fetched back from it)
    qtbot.keyClicks(field, "s")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.customer_id() == other.id)
