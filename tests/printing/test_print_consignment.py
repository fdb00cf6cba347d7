"""Consignment documents printed through the one engine and read back: the consignment
delivery note with the balance at the customer, the issue note, the count sheet with a blank
counted column and barcodes, and the statement with its figures."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from retailerp import i18n
from retailerp.domain.errors import FieldError, StateError
from support.shop import Shop, open_shop

D = Decimal


@pytest.fixture
def shop(tmp_path: Path) -> Shop:
    i18n.set_language("en")
    return open_shop(tmp_path / "shop.db")


def consigned(shop: Shop) -> dict:
    s = shop.s
    customer = s.customers.create({"code": "C001", "name": "华联超市"})
    item = s.items.create({"sku": "MILK", "name": "Milk 牛奶", "price": "10", "vat_rate": "13",
                           "tracking": "batch", "barcode": "6901234567892"})  # fmt: skip
    bin_id = s.stock.add_bin("A-01").id
    s.stock.receive(bin_id, [{"item_id": item.id, "quantity": "9", "batch": "M1",
                              "expiry": date(2026, 4, 1), "unit_cost": "6"}])  # fmt: skip
    fill = s.consignment.create_fill_up(customer.id, [{"item_id": item.id, "quantity": "7"}])
    fill = s.consignment.plan_fill_up(fill.id, fill.version)
    fill = s.consignment.post_fill_up(fill.id, fill.version)
    issue = s.consignment.create_issue(customer.id, [{"item_id": item.id, "quantity": "3"}])
    issue = s.consignment.post_issue(issue.id, issue.version)
    s.consignment.invoice_issue(issue.id, s.consignment.get(issue.id).version)
    return {"customer": customer.id, "item": item.id, "fill": fill, "issue": issue}


Reader = Callable[[bytes], list[list[str]]]


def text_rows(rows_of: Reader, pdf: bytes) -> list[str]:
    return [row for page in rows_of(pdf) for row in page]


def test_the_fill_up_prints_as_a_consignment_delivery_with_the_balance_after(
    shop: Shop, rows_of: Reader
) -> None:
    d = consigned(shop)
    rows = text_rows(rows_of, shop.s.printing.pdf(d["fill"].number, language="en"))
    assert "Consignment delivery note" in rows
    assert any(r.startswith("1 MILK Milk 牛奶") and r.endswith("7 M1 / 2026-04-01 7") for r in rows)
    assert "Consignment" in rows
    issue_rows = text_rows(rows_of, shop.s.printing.pdf(d["issue"].number, language="en"))
    assert "Consignment issue note" in issue_rows
    assert any("3 M1 / 2026-04-01 10.00 30.00" in r for r in issue_rows)
    assert "Invoice no. Prepared by" in issue_rows and "IV2026-000001 owner" in issue_rows


def test_the_count_sheet_lists_what_is_expected_with_a_blank_counted_column(
    shop: Shop, rows_of: Reader
) -> None:
    d = consigned(shop)
    rows = text_rows(rows_of, shop.s.consignment.count_sheet_pdf(d["customer"], language="en"))
    assert "Consignment count sheet" in rows
    header = next(r for r in rows if r.startswith("No. Code"))
    assert header.endswith("Expected Barcode Counted")
    [line] = [r for r in rows if r.startswith("1 MILK")]
    assert line.endswith("M1 / 2026-04-01 4")  # expected 4; barcode drawn; counted blank
    other = shop.s.customers.create({"code": "C002", "name": "Nobody"})
    with pytest.raises(StateError, match="C002 has no consignment stock"):
        shop.s.consignment.count_sheet_pdf(other.id)
    with pytest.raises(FieldError, match="Paper must be one of"):
        shop.s.consignment.count_sheet_pdf(d["customer"], "A3")


def test_the_statement_prints_opening_movements_closing_and_money(
    shop: Shop, rows_of: Reader
) -> None:
    d = consigned(shop)
    s = shop.s
    s.invoices.record_payment(d["customer"], "20", "bank", "")
    start, end = date(2026, 3, 1), date(2026, 3, 31)
    statement = s.consignment.statement(d["customer"], start, end)
    assert (statement.opening, statement.closing) == (D(0), D(4))
    rows = text_rows(rows_of, s.consignment.statement_pdf(d["customer"], start, end, language="en"))
    assert "Consignment statement" in rows
    assert "Date Document Kind Quantity Value Cost" in rows
    assert f"2026-03-10 {d['fill'].number} Fill-up +7 70.00 42.00" in rows  # 7 × cost 6.00
    assert f"2026-03-10 {d['issue'].number} Issue -3 30.00 18.00" in rows
    assert "Balance and movements Quantity Value Cost" in rows
    assert "Opening balance 0 0.00 0.00" in rows
    assert "Fill-ups 7 70.00 42.00" in rows and "Issues 3 30.00 18.00" in rows
    assert "Closing balance 4 40.00 24.00" in rows
    assert any(r == "Invoiced 33.90" for r in rows) and any(r == "Paid 20.00" for r in rows)
    assert any(r.startswith("Period") for r in rows)


def test_a_statement_of_goods_without_a_known_cost_says_so(shop: Shop, rows_of: Reader) -> None:
    s = shop.s
    customer = s.customers.create({"code": "C009", "name": "Nocost"})
    item = s.items.create({"sku": "TEA", "name": "Tea", "price": "5", "vat_rate": "13"})
    s.stock.receive(s.stock.add_bin("B-01").id, [{"item_id": item.id, "quantity": "4"}])
    fill = s.consignment.create_fill_up(customer.id, [{"item_id": item.id, "quantity": "4"}])
    fill = s.consignment.plan_fill_up(fill.id, fill.version)
    s.consignment.post_fill_up(fill.id, fill.version)
    assert s.consignment.position(customer.id).cost is None
    rows = text_rows(
        rows_of,
        s.consignment.statement_pdf(
            customer.id, date(2026, 3, 1), date(2026, 3, 31), language="en"
        ),
    )
    assert "Closing balance 4 20.00 unknown" in rows
    zh = text_rows(
        rows_of,
        s.consignment.statement_pdf(
            customer.id, date(2026, 3, 1), date(2026, 3, 31), language="zh_CN"
        ),
    )
    assert any(r.endswith("20.00 未知") for r in zh)


def test_the_statement_exports_as_csv_and_xlsx_read_back(shop: Shop) -> None:
    import csv
    import io

    from openpyxl import load_workbook

    d = consigned(shop)
    s = shop.s
    s.invoices.record_payment(d["customer"], "20", "bank", "")
    start, end = date(2026, 3, 1), date(2026, 3, 31)
    data = s.consignment.statement_export(d["customer"], start, end, "csv", "en")
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ["Consignment statement"]
    assert ["Customer code", "C001"] in rows and ["Customer", "华联超市"] in rows
    assert ["Date", "Document", "Kind", "Quantity", "Value", "Cost"] in rows
    assert ["2026-03-10", d["fill"].number, "Fill-up", "7", "70.00", "42.00"] in rows
    assert ["2026-03-10", d["issue"].number, "Issue", "-3", "30.00", "18.00"] in rows
    assert ["Closing balance", "4", "40.00", "24.00"] in rows
    assert ["Invoiced", "", "33.90", ""] in rows and ["Paid", "", "20.00", ""] in rows

    book = load_workbook(io.BytesIO(s.consignment.statement_export(
        d["customer"], start, end, "xlsx", "zh_CN")))  # fmt: skip
    sheet = book.active
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert values[0][0] == "寄售对账单"
    line = next(r for r in values if r[1] == d["fill"].number)
    assert (line[0].date(), line[3], line[4], line[5]) == (date(2026, 3, 10), 7, 70, 42)
    closing = next(r for r in values if r[0] == "期末结存")
    assert closing[1:4] == [4, 40, 24]
    money_cell = next(c for row in sheet.iter_rows() for c in row if c.value == 70)
    assert money_cell.number_format == "#,##0.00"
    with pytest.raises(FieldError, match="'pdf' is not one of csv, xlsx") as refused:
        s.consignment.statement_export(d["customer"], start, end, "pdf", "en")
    assert refused.value.field == "fmt"


def test_a_settled_count_prints_book_and_counted(shop: Shop, rows_of: Reader) -> None:
    d = consigned(shop)
    s = shop.s
    count = s.consignment.create_count(
        d["customer"], [{"item_id": d["item"], "batch": "M1", "quantity": "3"}]
    )
    count, issue = s.consignment.settle_count(count.id, count.version)
    assert issue is not None and issue.lines[0].quantity == D(1)
    rows = text_rows(rows_of, s.printing.pdf(count.number, language="en"))
    [line] = [r for r in rows if r.startswith("1 MILK")]
    assert line.endswith("M1 / 2026-04-01 4 3")  # expected 4 (barcode drawn), counted 3
