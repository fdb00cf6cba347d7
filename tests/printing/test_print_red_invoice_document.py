"""A red invoice printed from the register: negative amounts, 大写 with 负, the blue invoice
number, the confirmation number and the reason; from the command line too."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader

from retailerp import i18n
from retailerp.cli import main as run
from support.shop import open_shop


def squeezed(text: str) -> str:
    return "".join(text.split())


def _issued_red_invoice(target: Path) -> str:
    s = open_shop(target).s
    customer = s.customers.create({"code": "C001", "name": "华联超市", "credit_limit": "99999"})
    item = s.items.create({"sku": "KET", "name": "Kettle 电水壶", "price": "100", "vat_rate": "13"})
    s.stock.receive(s.stock.add_bin("A-01").id, [{"item_id": item.id, "quantity": "6"}])
    order = s.orders.create(customer.id, {}, [{"item_id": item.id, "quantity": "6"}])
    order = s.orders.confirm(order.id, order.version)
    s.orders.start_picking(order.id, order.version)
    delivery = s.orders.ship(order.id, s.orders.get(order.id).version)
    s.invoices.invoice([delivery.id])
    lines = [{"delivery_line_id": delivery.lines[0].id, "quantity": "2",
              "condition": "defective"}]  # fmt: skip
    draft = s.returns.create(delivery.id, {"reason": "quality_defect"}, lines)
    posted = s.returns.post(draft.id, draft.version)
    red = s.red_invoices.from_return(posted.id, "kettles leak 漏水")
    red = s.red_invoices.submit(red.id, red.version)
    red = s.red_invoices.confirm(red.id, red.version, "4403012603000777")
    s.red_invoices.issue(red.id, red.version)
    s.ctx.db.dispose()
    return red.number


def test_a_red_invoice_prints_negative_with_its_blue_invoice(tmp_path: Path) -> None:
    i18n.set_language("en")
    target = tmp_path / "shop.db"
    number = _issued_red_invoice(target)
    s = open_shop(target).s
    pdf = s.printing.pdf(number, "A4", 1, "en")
    text = "".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)
    for figure in ("-2", "-200.00", "-26.00", "-226.00"):
        assert figure in text
    flat = squeezed(text)
    assert "Redsalessettlement" in flat and number in flat
    assert "IV2026-000001" in flat and "4403012603000777" in flat
    assert "kettlesleak" in flat and "销货退回" in flat
    s.ctx.db.dispose()


def test_the_command_line_prints_a_red_invoice_in_chinese(tmp_path: Path) -> None:
    target = tmp_path / "shop.db"
    number = _issued_red_invoice(target)
    out = tmp_path / "ri.pdf"
    code = run(["print", number, "--database", str(target), "-o", str(out),
                "--language", "zh_CN"])  # fmt: skip
    assert code == 0
    text = squeezed("".join(page.extract_text() or "" for page in PdfReader(out).pages))
    assert "负贰佰贰拾陆元整" in text
    assert "IV2026-000001" in text and number in text
