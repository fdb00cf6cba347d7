"""Sample documents for the printing tests (Chinese and English text) and a PDF text reader.

Fixtures: ``three_line_note``, ``long_note`` (120 lines), ``picking_document``, ``blue_invoice``,
``red_invoice``, ``make_document`` (builds any kind from rows), ``pages_of`` (the text of each
page of a PDF) and ``chinese_labels`` (a small Chinese catalogue in place of the shipped one).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from retailerp import i18n
from retailerp.domain.money import Money, line_amounts, total
from retailerp.printing.model import (
    DELIVERY_NUMBERS,
    INVOICE_NUMBER,
    ORDER_NUMBER,
    ORIGINAL_INVOICE_NUMBER,
    RED_CONFIRMATION_NUMBER,
    RED_REASON,
    Party,
    PrintDocument,
    PrintLine,
    Totals,
)

COMPANY = Party(
    name="杭州示例商贸有限公司",
    code="",
    address="浙江省杭州市西湖区文三路 100 号",
    phone="0571-8888 0000",
    tax_id="91330100MA2XXXXX1X",
    bank_name="中国工商银行杭州分行",
    bank_account="1202 0212 0900 1234 567",
)

CUSTOMER = Party(
    name="上海华东五金批发部 & Sons <East>",
    code="C0042",
    address="上海市闵行区七莘路 1 号",
    phone="021-6666 1234",
    contact="王经理",
    tax_id="91310112MA1YYYYY2Y",
    bank_name="中国建设银行上海分行",
    bank_account="3105 0161 3600 0000 1234",
)

THREE_LINES = (
    ("A-1001", "不锈钢内六角螺丝 M6×20", "304 不锈钢", "盒", "12", "35.50", "B2405", "A-02-01"),
    ("B-2002", "Cordless drill 18V", "18V / 2Ah", "台", "2", "899.00", "", "A-10-03"),
    ("C-3003", "强力胶带 48mm", "48mm×50m", "卷", "7.5", "12.80", "B2501", "A-2-05"),
)


RED_REFERENCES = {
    ORIGINAL_INVOICE_NUMBER: "IN2026-000077",
    RED_CONFIRMATION_NUMBER: "4403 2026 0000 1234",
    RED_REASON: "销货退回",
}


def _line(no: int, code: str, name: str, spec: str, unit: str, qty: str, price: str,
          batch: str, bin_code: str) -> PrintLine:
    quantity, unit_price = Decimal(qty), Money.of(price)
    amounts = line_amounts(quantity, unit_price, Decimal("0.13"))
    return PrintLine(
        no=no, code=code, name=name, spec=spec, unit=unit, quantity=quantity,
        unit_price=unit_price, amount=amounts.net, vat_rate=Decimal("0.13"), vat=amounts.vat,
        batch=batch, expiry=date(2027, 5, 31) if batch else None, bin=bin_code,
        barcode=f"69012345{no:05d}", remark="易碎" if no == 2 else "",
    )


def make_lines(rows: tuple[tuple[str, ...], ...]) -> list[PrintLine]:
    return [_line(no, *row) for no, row in enumerate(rows, start=1)]


def totals_of(lines: list[PrintLine]) -> Totals:
    result = total([line_amounts(line.quantity, line.unit_price, line.vat_rate)
                    for line in lines])
    return Totals(net=result.net, vat=result.vat, gross=result.gross)


def document(kind: str, lines: list[PrintLine], **changes: object) -> PrintDocument:
    fields: dict[str, object] = {
        "kind": kind,
        "number": {"delivery_note": "DN2026-000123", "picking_list": "PL2026-000045",
                   "invoice": "IN2026-000077", "red_invoice": "RI2026-000003"}[kind],
        "doc_date": date(2026, 3, 5),
        "company": COMPANY,
        "customer": CUSTOMER,
        "lines": lines,
        "totals": totals_of(lines),
        "references": {ORDER_NUMBER: "SO2026-000321", DELIVERY_NUMBERS: "DN2026-000123"},
        "payment_mode": "Cash on delivery",
        "note": "请于收货当日核对数量",
    }
    if kind == "red_invoice":
        fields["references"] = RED_REFERENCES
    fields.update(changes)
    return PrintDocument(**fields)  # type: ignore[arg-type]


@pytest.fixture
def three_line_note() -> PrintDocument:
    """Three lines with prices but no VAT breakdown: the total is the sum of the amounts."""
    lines = [replace(line, vat=None, amount=Money.of(line.quantity * line.unit_price.amount))
             for line in make_lines(THREE_LINES)]
    return document("delivery_note", lines, totals=None)


@pytest.fixture
def long_note() -> PrintDocument:
    rows = tuple(
        (f"SKU-{n:04d}", f"测试商品 {n} 号 Test item {n}", "规格 A", "件", str(n % 9 + 1),
         "10.00", f"B{n:03d}" if n % 3 else "", f"R-{n % 7}-{n % 5}")
        for n in range(1, 121)
    )
    return document("delivery_note", make_lines(rows))


@pytest.fixture
def picking_document() -> PrintDocument:
    rows = THREE_LINES + (
        ("D-4004", "无货位商品", "", "个", "1", "1.00", "", ""),
        ("E-5005", "砂纸 240 目", "230×280mm", "张", "50", "0.80", "", "A-02-01"),
    )
    return document("picking_list", make_lines(rows), picker="李四", checker="")


@pytest.fixture
def red_invoice() -> PrintDocument:
    """Returns the first line of the blue invoice (12 × 35.50 at 13 % VAT)."""
    return document("red_invoice", make_lines(THREE_LINES[:1]))


@pytest.fixture
def blue_invoice() -> PrintDocument:
    lines = make_lines(THREE_LINES)
    return document("invoice", lines, references={INVOICE_NUMBER: "IN2026-000077"})


@pytest.fixture
def chinese_labels(tmp_path: Path) -> Iterator[None]:
    """A catalogue with a few printed labels in Chinese, in place of the shipped one."""
    messages = {"Delivery note": "送货单", "Total": "合计", "Amount in words": "大写金额",
                "Page {page} of {pages}": "第 {page} 页 / 共 {pages} 页"}
    body = "".join(
        f"<message><source>{source}</source><translation>{zh}</translation></message>"
        for source, zh in messages.items()
    )
    ts = f'<TS version="2.1" language="zh_CN"><context><name>print</name>{body}</context></TS>'
    (tmp_path / "retailerp_zh_CN.ts").write_text(ts, encoding="utf-8")
    i18n.set_catalogue_dir(tmp_path)
    yield
    i18n.set_catalogue_dir(None)


def page_texts(pdf: bytes) -> list[str]:
    """The text of every page, as pypdf extracts it."""
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


@pytest.fixture
def pages_of() -> Callable[[bytes], list[str]]:
    return page_texts


@pytest.fixture
def make_document() -> Callable[..., PrintDocument]:
    """``make_document(kind, rows, **changes)``: rows as in ``THREE_LINES``."""

    def make(kind: str, rows: tuple[tuple[str, ...], ...] = THREE_LINES,
             **changes: object) -> PrintDocument:
        return document(kind, make_lines(rows), **changes)

    return make


def page_rows(pdf: bytes) -> list[list[str]]:
    """Each page's text as rows: fragments on one baseline, left to right, joined by spaces.

    Table cells are top-aligned, so the first line of every cell of a table row shares a
    baseline and reads back as one row, whatever pypdf's own line breaking does.
    """
    pages = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        fragments: list[tuple[float, float, str]] = []

        def visit(text: str, cm: list[float], tm: list[float], *_: object,
                  fragments: list[tuple[float, float, str]] = fragments) -> None:
            if text.strip():
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                fragments.append((round(y, 0), x, text.strip()))

        page.extract_text(visitor_text=visit)
        rows: dict[float, list[tuple[float, str]]] = {}
        for y, x, text in fragments:
            rows.setdefault(y, []).append((x, text))
        pages.append([" ".join(t for _, t in sorted(rows[y])) for y in sorted(rows, reverse=True)])
    return pages


@pytest.fixture
def rows_of() -> Callable[[bytes], list[list[str]]]:
    return page_rows
