"""The company page of the settings dialog and the e-invoice number in the invoice preview."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLineEdit

from retailerp.services import Services
from retailerp.ui.printing import PrintPreviewDialog
from retailerp.ui.settings_company import CompanyPage
from retailerp.ui.settings_dialog import SettingsDialog

pytestmark = pytest.mark.usefixtures("english")

TAX_ID = "91330106MA2H3K5L0W"
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000010000000100802000000909168360000001949444154789c"
    "633c2127c7400a602249f5a886510d434a03004f1f0124718c35980000000049454e44ae426082"
)


def editor(page: CompanyPage, key: str) -> QLineEdit:
    widget = page.form.editor(key)
    assert isinstance(widget, QLineEdit)
    return widget


def test_company_details_and_logo_are_saved_from_the_settings_dialog(
    qtbot, services: Services, tmp_path
) -> None:
    dialog = SettingsDialog(services, parent=None)
    qtbot.addWidget(dialog)
    page = dialog.company
    editor(page, "name").setText("杭州示例五金商贸有限公司")
    editor(page, "tax_id").setText(TAX_ID[:-1] + "X")
    assert not dialog.save()
    assert "check character" in page.form.error_label("tax_id").text()
    assert services.settings.company().name == ""
    editor(page, "tax_id").setText(TAX_ID)
    logo = tmp_path / "logo.png"
    logo.write_bytes(PNG)
    assert page.choose_logo(logo)
    assert not page.logo_preview.pixmap().isNull()
    assert dialog.save()
    company = services.settings.company()
    assert (company.name, company.tax_id, company.logo) == ("杭州示例五金商贸有限公司", TAX_ID, PNG)


def test_a_file_that_is_not_an_image_is_refused_beside_the_logo(
    qtbot, services: Services, tmp_path
) -> None:
    page = CompanyPage(services)
    qtbot.addWidget(page)
    text = tmp_path / "logo.png"
    text.write_text("not an image")
    page.choose_logo(text)
    assert page.save() is None
    assert "PNG or JPEG" in page.logo_error.text()
    assert services.settings.company().logo == b""


def invoice_number(services: Services) -> str:
    customer = services.customers.create({"code": "C001", "name": "Shop", "credit_limit": "9999"})
    item = services.items.create({"sku": "K-1", "name": "Kettle", "price": "200", "vat_rate": "13"})
    services.stock.receive(
        services.stock.add_bin("A-01").id or 0, [{"item_id": item.id, "quantity": "5"}]
    )
    order = services.orders.create(customer.id or 0, {}, [{"item_id": item.id, "quantity": "1"}])
    order = services.orders.confirm(order.id or 0, order.version)
    services.orders.start_picking(order.id or 0, order.version)
    order = services.orders.get(order.id or 0)
    delivery = services.orders.ship(order.id or 0, order.version)
    return services.invoices.invoice([delivery.id or 0]).number


def test_the_e_invoice_number_is_recorded_from_the_invoice_preview(
    qtbot, services: Services
) -> None:
    number = invoice_number(services)
    dialog = PrintPreviewDialog(None, services, number)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.rendering, timeout=60000)
    bar = dialog.e_invoice
    bar.edit.setText("123")
    assert not bar.record()
    assert "20 digits" in bar.message.text()
    before = dialog.pdf
    bar.edit.setText("26332000000012345678")
    assert bar.record()
    assert bar.message.text() == ""
    qtbot.waitUntil(lambda: not dialog.rendering, timeout=60000)
    assert dialog.pdf != before  # rendered again, now with the number
    assert services.printing.document(number).references["E-invoice no."] == (
        "26332000000012345678"
    )
