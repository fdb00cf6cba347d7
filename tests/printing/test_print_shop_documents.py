"""Documents printed from a real shop: company details, fields, lines that add up, the
official e-invoice number, and every amount whole on its line, on every paper and in both
languages."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from retailerp import i18n
from retailerp.domain.errors import FieldError, PermissionDenied, ValidationError
from retailerp.domain.money import Money
from retailerp.domain.security import Actor, Role
from retailerp.persistence import migrate
from retailerp.persistence.engine import open_database
from retailerp.printing import PRESETS
from retailerp.services import Services
from support.dbtools import as_owner, audit_entries

TODAY = date(2026, 3, 10)
TAX_ID = "91330106MA2H3K5L0W"
E_INVOICE = "26332000000012345678"
Rows = Callable[[bytes], list[list[str]]]


@dataclass
class Printed:
    services: Services
    numbers: list[str]
    """Picking list, delivery note and invoice of one order."""
    customer_id: int


def shop(path: Path, today: date = TODAY) -> Services:
    db = open_database(path)
    migrate.upgrade(db)
    i18n.set_language("en")
    return as_owner(db, today=lambda: today)


def stock_items(s: Services, rng: random.Random, count: int) -> list[int]:
    ids = []
    bins = [s.stock.add_bin(f"R-{n}").id for n in range(1, 4)]
    for n in range(count):
        price = Decimal(rng.randint(100, 99_999)) / 100
        item = s.items.create(
            {"sku": f"SKU-{n:04d}", "name": f"商品 {n} Item", "price": str(price),
             "vat_rate": "13", "bin": f"R-{n % 3 + 1}", "barcode": ""}
        )
        s.stock.receive(bins[n % 3], [{"item_id": item.id, "quantity": "5000"}])
        ids.append(item.id)
    return ids


def make_order(s: Services, customer_id: int, lines: list[dict[str, str]],
               requested: date | None = None) -> Printed:
    values: dict[str, object] = {"payment_mode": "credit"}
    if requested:
        values["requested_date"] = requested
    order = s.orders.create(customer_id, values, lines)
    order = s.orders.confirm(order.id, order.version)
    picking = s.orders.start_picking(order.id, order.version)
    order = s.orders.get(order.id)
    delivery = s.orders.ship(order.id, order.version)
    invoice = s.invoices.invoice([delivery.id])
    return Printed(s, [picking.number, delivery.number, invoice.number], customer_id)


def customer(s: Services) -> int:
    return s.customers.create(
        {"code": "C001", "name": "上海百货有限公司", "address": "上海市黄浦区南京东路 1 号",
         "credit_limit": "10000000", "payment_terms_days": "30", "salesperson": "王芳"}
    ).id


def generate(folder: Path) -> Printed:
    """One order of 40 lines: odd quantities, prices to the cent, discounts on most lines."""
    s = shop(folder / "shop.db")
    s.settings.save_company({"name": "杭州示例五金商贸有限公司", "tax_id": TAX_ID,
                             "address": "杭州市文三路 100 号", "phone": "0571-8888 0000",
                             "bank_name": "工商银行文三路支行", "bank_account": "1202 0212 0900"})
    rng = random.Random(7)
    items = stock_items(s, rng, 40)
    lines = [
        {"item_id": item, "quantity": str(rng.choice([1, 3, 5, 7, 12, 0.5, 2.75, 13.125])),
         "discount": str(rng.choice([0, 0, 5, 7.5, 10, 12.5, 33]))}
        for item in items
    ]
    return make_order(s, customer(s), lines, requested=TODAY + timedelta(days=3))


@pytest.fixture
def generated(tmp_path: Path) -> Printed:
    return generate(tmp_path)


@pytest.fixture(scope="module")
def printed_set(tmp_path_factory: pytest.TempPathFactory) -> Printed:
    """The generated order, shared by the read-only tests of this module."""
    return generate(tmp_path_factory.mktemp("printed"))


def money(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


LINE = re.compile(
    r"(?:^|\s)(?P<qty>-?\d+(?:\.\d+)?)\s+(?P<price>\d[\d,]*\.\d{2,})\s+"
    r"(?:(?P<discount>\d+(?:\.\d+)?)%\s+)?(?P<amount>-?\d[\d,]*\.\d{2})(?:\s|$)"
)


def printed_lines(rows: list[list[str]]) -> list[re.Match[str]]:
    """Every lines-table row of the document that carries quantity, price and amount."""
    return [m for page in rows for row in page
            if row.split()[0].isdigit() and (m := LINE.search(row))]


@pytest.mark.parametrize("language", ["en", "zh_CN"])
@pytest.mark.parametrize("preset", sorted(PRESETS))
def test_every_printed_line_adds_up(printed_set: Printed, rows_of: Rows, preset: str,
                                    language: str) -> None:
    generated = printed_set
    for number in generated.numbers[1:]:  # the picking list has no prices
        pdf = generated.services.printing.pdf(number, preset, language=language)
        matches = printed_lines(rows_of(pdf))
        assert len(matches) == 40, f"{number} on {preset}: {len(matches)} lines read back"
        for m in matches:
            share = 1 - Decimal(m["discount"] or 0) / 100
            expected = (Decimal(m["qty"]) * money(m["price"]) * share).quantize(
                Decimal("0.01"), ROUND_HALF_UP)
            assert money(m["amount"]) == expected, m.group()


@pytest.mark.parametrize("language", ["en", "zh_CN"])
@pytest.mark.parametrize("preset", sorted(PRESETS))
def test_no_code_or_amount_is_broken_across_lines(printed_set: Printed, rows_of: Rows,
                                                  preset: str, language: str) -> None:
    generated = printed_set
    s = generated.services
    number = generated.numbers[2]
    rows = [row for page in rows_of(s.printing.pdf(number, preset, language=language))
            for row in page]
    tokens = {token for row in rows for token in row.split()}
    document = s.printing.document(number)
    for line in document.lines:
        assert line.code in tokens, f"{line.code} broken on {preset}"
        assert str(line.amount) in tokens, f"{line.amount} broken on {preset}"
    assert document.totals is not None
    assert f"¥{document.totals.gross}" in tokens
    assert str(document.totals.net) in tokens


@pytest.mark.parametrize("preset", sorted(PRESETS))
def test_four_line_documents_with_full_company_fit_one_page(tmp_path: Path, rows_of: Rows,
                                                            preset: str) -> None:
    s = shop(tmp_path / "shop.db")
    s.settings.save_company({"name": "杭州示例五金商贸有限公司（总店）", "tax_id": TAX_ID,
                             "address": "浙江省杭州市西湖区文三路 100 号 华星科技大厦 12 楼",
                             "phone": "0571-8888 0000", "bank_name": "中国工商银行杭州文三路支行",
                             "bank_account": "1202 0212 0900 1234 567"})
    items = stock_items(s, random.Random(1), 4)
    order = make_order(s, customer(s), [{"item_id": i, "quantity": "1000",
                                         "discount": "5"} for i in items])
    for number in order.numbers:
        for language in ("en", "zh_CN"):
            pages = rows_of(s.printing.pdf(number, preset, language=language))
            assert len(pages) == 1, f"{number} on {preset} in {language}: {len(pages)} pages"


def test_company_details_head_every_document(
    generated: Printed, pages_of: Callable[[bytes], list[str]]
) -> None:
    s = generated.services
    for number in generated.numbers:
        text = "".join(pages_of(s.printing.pdf(number, "A4", language="en"))[0].split())
        assert "杭州示例五金商贸有限公司" in text and TAX_ID in text
        assert "12020212 0900".replace(" ", "") in text
        assert "RetailERP" not in text


def test_company_tax_id_is_checked_and_nothing_is_saved(tmp_path: Path) -> None:
    s = shop(tmp_path / "shop.db")
    s.settings.save_company({"name": "Shop"})
    with pytest.raises(ValidationError) as refused:
        s.settings.save_company({"name": "Other", "tax_id": TAX_ID[:-1] + "X",
                                 "phone": "call me"})
    assert set(refused.value.by_field()) == {"tax_id", "phone"}
    assert s.settings.company().name == "Shop"


def test_the_logo_is_checked_stored_and_printed(tmp_path: Path) -> None:
    s = shop(tmp_path / "shop.db")
    with pytest.raises(ValidationError) as refused:
        s.settings.save_company({"logo": b"GIF89a not a png"})
    assert set(refused.value.by_field()) == {"logo"}
    with pytest.raises(ValidationError):
        s.settings.save_company({"logo": PNG[:8] + bytes(300 * 1024)})
    s.settings.save_company({"name": "Shop", "logo": PNG})
    assert s.settings.company().logo == PNG
    items = stock_items(s, random.Random(2), 1)
    order = make_order(s, customer(s), [{"item_id": items[0], "quantity": "1"}])
    for preset in ("A4", "241x93"):
        assert b"/Subtype /Image" in s.printing.pdf(order.numbers[1], preset)
    s.settings.save_company({"logo": b""})
    assert b"/Subtype /Image" not in s.printing.pdf(order.numbers[1], "A4")
    assert ("owner", "settings.company", "company") in audit_entries(s.ctx.db)


def test_delivery_note_names_salesperson_preparer_ship_to_and_requested_date(
    generated: Printed, pages_of: Callable[[bytes], list[str]]
) -> None:
    s = generated.services
    text = pages_of(s.printing.pdf(generated.numbers[1], "A4", language="en"))
    first, last = "".join(text[0].split()), "".join(text[-1].split())
    for expected in ("Salesperson王芳", "Preparedbyowner", "Shipto上海市黄浦区南京东路1号",
                     f"Requesteddeliverydate{(TODAY + timedelta(days=3)).isoformat()}",
                     "Netamount"):
        assert expected in first, expected
    assert "TotalinclVAT" in last.replace(".", "")


def test_picking_list_prints_picker_and_checker(generated: Printed, rows_of: Rows) -> None:
    rows = rows_of(generated.services.printing.pdf(generated.numbers[0], "A4", language="en"))
    signatures = [row for row in rows[-1] if row.startswith("Picker:")]
    assert signatures and signatures[0].count("owner") == 2


def test_invoice_shows_terms_due_date_paid_and_open_and_is_a_settlement(
    generated: Printed, pages_of: Callable[[bytes], list[str]]
) -> None:
    s = generated.services
    invoice = s.printing.document(generated.numbers[2])
    assert invoice.totals is not None
    s.invoices.record_payment(generated.customer_id, "100", "bank")
    english = "".join("".join(pages_of(s.printing.pdf(invoice.number, "A4", language="en")))
                      .split())
    for expected in ("Duedate" + (TODAY + timedelta(days=30)).isoformat(), "30daysnet",
                     "Paid100.00", "Open" + str(invoice.totals.gross - Money.of(100)),
                     "Salessettlement", "notaVATinvoice"):
        assert expected in english, expected
    chinese = "".join("".join(pages_of(s.printing.pdf(invoice.number, "A4",
                                                      language="zh_CN"))).split())
    heading = chinese[: chinese.index("客户")]  # company block, codes and title
    assert "销售结算单" in heading and "发票" not in heading
    assert "不是增值税发票" in chinese


def test_the_official_e_invoice_number_is_recorded_audited_and_printed(
    generated: Printed, pages_of: Callable[[bytes], list[str]]
) -> None:
    s = generated.services
    number = generated.numbers[2]
    before = "".join(pages_of(s.printing.pdf(number, "A4", language="en"))[0].split())
    assert E_INVOICE not in before and "E-invoiceno." not in before
    invoice = s.e_invoices.record(number, "2633 2000 0000 1234 5678")
    assert invoice.e_invoice_number == E_INVOICE
    after = "".join(pages_of(s.printing.pdf(number, "A4", language="en"))[0].split())
    assert f"E-invoiceno.{E_INVOICE}" in after
    assert ("owner", "invoice.e_invoice", number) in audit_entries(s.ctx.db)
    with pytest.raises(FieldError, match="e-invoice"):
        s.e_invoices.record(number, "12345")


def test_an_e_invoice_number_belongs_to_one_invoice_and_needs_finance(tmp_path: Path) -> None:
    s = shop(tmp_path / "shop.db")
    items = stock_items(s, random.Random(3), 2)
    cid = customer(s)
    first = make_order(s, cid, [{"item_id": items[0], "quantity": "1"}]).numbers[2]
    second = make_order(s, cid, [{"item_id": items[1], "quantity": "1"}]).numbers[2]
    s.e_invoices.record(first, E_INVOICE)
    with pytest.raises(FieldError) as refused:
        s.e_invoices.record(second, E_INVOICE)
    assert refused.value.field == "e_invoice_number" and first in str(refused.value.params)
    warehouse = Services.over(s.ctx.db, actor=Actor("wu", Role.WAREHOUSE))
    with pytest.raises(PermissionDenied):
        warehouse.e_invoices.record(second, E_INVOICE[:-1] + "9")
    finance = Services.over(s.ctx.db, actor=Actor("qian", Role.FINANCE))
    assert finance.e_invoices.record(second, E_INVOICE[:-1] + "9").e_invoice_number
    assert s.e_invoices.record(first, "").e_invoice_number is None


def test_copy_labels_suit_each_kind_of_document(generated: Printed,
                                                pages_of: Callable[[bytes], list[str]]) -> None:
    s = generated.services
    picking, delivery, invoice = generated.numbers
    labels = {
        picking: ("Warehouse copy", "Picker copy", "Dispatch copy"),
        delivery: ("Stub", "Customer", "Return receipt"),
        invoice: ("Stub", "Customer", "Accounts copy"),
    }
    for number, expected in labels.items():
        pages = pages_of(s.printing.pdf(number, "241x140", copies=3, language="en"))
        found = {m for text in pages for m in re.findall(r"Part \d of 3: ([A-Za-z ]+?)\n", text)}
        assert found == set(expected), number


PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000010000000100802000000909168360000001949444154789c"
    "633c2127c7400a602249f5a886510d434a03004f1f0124718c35980000000049454e44ae426082"
)
"""A 16 × 16 PNG (generated once with Pillow; a solid colour)."""


def test_the_demo_fills_the_company_and_its_printed_lines_add_up(tmp_path: Path,
                                                                 rows_of: Rows) -> None:
    from retailerp import demo
    from retailerp.services import Page

    s = shop(tmp_path / "demo.db")
    demo.fill(s, demo.DemoSize(customers=8, items=12, months=2, orders=12), seed=3)
    company = s.settings.company()
    assert company.name and company.tax_id and company.address and company.bank_account
    numbers = [row.number for row in s.orders.deliveries_page(Page(limit=20))]
    numbers += [row.number for row in s.invoices.page(Page(limit=20))]
    assert numbers
    for number in numbers:
        pdf = s.printing.pdf(number, "A5", language="zh_CN")
        rows = rows_of(pdf)
        assert company.name in rows[0][0]
        document = s.printing.document(number)
        matches = printed_lines(rows)
        assert len(matches) == len(document.lines), number
        for m in matches:
            share = 1 - Decimal(m["discount"] or 0) / 100
            expected = (Decimal(m["qty"]) * money(m["price"]) * share).quantize(
                Decimal("0.01"), ROUND_HALF_UP)
            assert money(m["amount"]) == expected, (number, m.group())
