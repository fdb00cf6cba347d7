"""Forms fit their paper: numbers and codes never break, the tail stays with the last lines,
bin headings never stand alone, titles keep clear of the barcode, every barcode scans."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
import zxingcpp

from retailerp import printing
from retailerp.printing import PRESETS, fitting
from retailerp.printing.model import PrintDocument
from retailerp.ui.printing.pages import open_pdf

Rows = Callable[[bytes], list[list[str]]]
LANGUAGES = ("en", "zh_CN")
SIGNATURE = {"delivery_note": ("Customer signature", "客户签收"),
             "invoice": ("Payee", "收款人"), "picking_list": ("Picker", "拣货人")}


def rows_for(count: int, price: str = "100000.00") -> tuple[tuple[str, ...], ...]:
    return tuple(
        (f"SKU-{n:04d}", f"测试商品 {n} 号 Test item {n}", "规格 A", "件", "3", price,
         f"B{n:03d}", f"R-{n % 4}-{n % 3}")
        for n in range(1, count + 1)
    )


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", ["delivery_note", "invoice"])
@pytest.mark.parametrize("preset", ["241x93", "241x140"])
def test_a_four_line_form_with_full_company_header_is_one_page(
    make_document: Callable[..., PrintDocument], rows_of: Rows, kind: str, preset: str,
    language: str,
) -> None:
    pdf = printing.render(make_document(kind, rows_for(4)), preset=PRESETS[preset],
                          language=language)
    assert len(rows_of(pdf)) == 1


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", ["delivery_note", "invoice", "picking_list"])
@pytest.mark.parametrize("preset", sorted(PRESETS))
def test_totals_and_signatures_always_follow_a_last_line(
    make_document: Callable[..., PrintDocument], pages_of: Callable[[bytes], list[str]],
    kind: str, preset: str, language: str,
) -> None:
    signature = SIGNATURE[kind][language != "en"]
    for count in (1, 4, 9, 17, 25):
        doc = make_document(kind, rows_for(count))
        pages = pages_of(printing.render(doc, preset=PRESETS[preset], language=language))
        last = pages[-1]
        assert signature in last, f"{count} lines: no signatures on the last page"
        assert doc.lines[-1].code in last or kind == "picking_list"
        assert re.search(r"SKU-\d{4}", last), f"{count} lines: signatures alone on a page"
        assert not any(signature in page for page in pages[:-1])


@pytest.mark.parametrize("preset", sorted(PRESETS))
def test_a_bin_heading_is_never_the_last_row_of_a_page(
    make_document: Callable[..., PrintDocument], rows_of: Rows, preset: str
) -> None:
    rows = tuple((code, name, spec, unit, qty, price, batch, f"BIN-{n // 2}")
                 for n, (code, name, spec, unit, qty, price, batch, _) in
                 enumerate(rows_for(60)))
    pages = rows_of(printing.render(make_document("picking_list", rows), preset=PRESETS[preset],
                                    language="en"))
    assert len(pages) > 1
    for page in pages[:-1]:
        table = [row for row in page if row.startswith("Bin:") or re.match(r"\d+ SKU-", row)]
        assert table and not table[-1].startswith("Bin:"), table[-3:]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("preset", sorted(PRESETS))
def test_big_amounts_codes_and_header_words_are_never_broken(
    make_document: Callable[..., PrintDocument], rows_of: Rows, preset: str, language: str
) -> None:
    doc = make_document("invoice", rows_for(6, "100000.00"))
    tokens = {t for page in rows_of(printing.render(doc, preset=PRESETS[preset],
                                                    language=language)) for row in page
              for t in row.split()}
    for line in doc.lines:
        assert line.code in tokens
        assert str(line.amount) in tokens  # 300,000.00
    assert "339,000.00" in tokens  # a line's gross amount
    if language == "en":
        assert "Quantity" in tokens and "Quantit" not in tokens


@pytest.mark.parametrize("kind", ["delivery_note", "invoice", "picking_list", "red_invoice"])
def test_the_a5_title_has_a_row_of_its_own(
    make_document: Callable[..., PrintDocument], rows_of: Rows, kind: str
) -> None:
    titles = {"delivery_note": "Delivery note", "invoice": "Sales settlement",
              "picking_list": "Picking list", "red_invoice": "Red sales settlement"}
    page = rows_of(printing.render(make_document(kind), preset=PRESETS["A5"], language="en"))[0]
    assert titles[kind] in page  # alone on its baseline: nothing beside it
    dated = next(i for i, row in enumerate(page) if "Date:" in row)
    assert page.index(titles[kind]) > dated  # under the barcode block, so it cannot touch it


def scan(pdf: bytes, dpi: int) -> list[tuple[str, str]]:
    """Every barcode zxing-cpp finds on the pages rendered at ``dpi``."""
    found = []
    with open_pdf(pdf) as document:  # PDFium's one lock: a preview worker may be rendering
        for page in document:
            image = page.render(scale=dpi / 72, grayscale=True).to_pil()
            found += [(code.format.name, code.text) for code in zxingcpp.read_barcodes(image)]
    return found


@pytest.mark.parametrize("dpi", [300, 600])
@pytest.mark.parametrize("preset", sorted(PRESETS))
def test_every_barcode_of_the_picking_list_scans(
    picking_document: PrintDocument, preset: str, dpi: int
) -> None:
    found = scan(printing.render(picking_document, preset=PRESETS[preset], language="en"), dpi)
    items = sorted(("Code128", line.barcode) for line in picking_document.lines)
    assert sorted(code for code in found if code[1] != picking_document.number) == items
    assert ("Code128", picking_document.number) in found  # the document number…
    assert ("QRCode", picking_document.number) in found  # …and its QR code, apart


def test_text_breaks_between_words_and_chinese_characters_only() -> None:
    assert fitting.units("SKU-0010 螺丝，M6") == ["SKU-0010", "螺", "丝，", "M6"]
    lines = fitting.break_lines("Cordless drill SKU-0010 不锈钢", 40, 8)
    assert all(" ".join(lines).count(word) == 1 for word in ("Cordless", "SKU-0010"))
    assert "".join(lines).replace(" ", "") == "CordlessdrillSKU-0010不锈钢"


def test_a_table_too_wide_for_its_font_is_set_smaller_rather_than_broken() -> None:
    from retailerp.printing.layout import A5, Sheet
    from retailerp.printing.lines import Column, column_widths
    from retailerp.printing.styles import make_styles
    from retailerp.printing.wording import Wording

    sheet = Sheet(preset=A5, styles=make_styles(A5.font_size), wording=Wording("en"))
    columns = [Column("Name", 1.0)] + [Column(f"N{i}", kind="number") for i in range(8)]
    row = ["x"] + ["-1,234,567.89"] * 8
    widths, size = column_widths(sheet, columns, [row])
    assert size < A5.font_size
    assert sum(widths) == pytest.approx(sheet.width)
    assert all(w >= fitting.text_width(row[1], size) for w in widths[1:])
    normal, base = column_widths(sheet, columns[:3], [row[:3]])
    assert base == A5.font_size
