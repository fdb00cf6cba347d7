"""Texts that fit are drawn as plain strings, where a Paragraph would have put them; texts
that do not fit still wrap; the QR code's quicker mask is ReportLab's own choice; the PDF is
written with ReportLab's C accelerator and binary streams."""

from __future__ import annotations

import io
import random
import string
from collections.abc import Callable
from dataclasses import replace
from xml.sax.saxutils import escape

import pytest
from reportlab.graphics.barcode import qrencoder
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from retailerp import printing
from retailerp.printing import qr
from retailerp.printing.model import PrintDocument
from retailerp.printing.paper import A4
from retailerp.printing.plain_text import FitText, QuickStrings, TextLines
from retailerp.printing.styles import FONT, make_styles, register_fonts
from retailerp.ui.printing.pages import open_pdf

Rows = Callable[[bytes], list[list[str]]]


def char_boxes(pdf: bytes) -> list[tuple[str, tuple[float, ...]]]:
    """Every character of the first page with its box (left, bottom, right, top), rounded."""
    boxes = []
    with open_pdf(pdf) as document:  # PDFium's one lock: a preview worker may be rendering
        text = document[0].get_textpage()
        for index in range(text.count_chars()):
            char = text.get_text_range(index, 1)
            if char.strip():
                boxes.append((char, tuple(round(v, 2) for v in text.get_charbox(index))))
    return boxes


def drawn(flowable: Flowable, width: float) -> bytes:
    """A page with ``flowable`` wrapped to ``width`` and drawn at (50, 500)."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(400, 600), invariant=True)
    flowable.wrapOn(canvas, width, 500)
    flowable.drawOn(canvas, 50, 500)
    canvas.save()
    return buffer.getvalue()


TEXTS = ["上海华联超市有限公司", "DN2026-000123", "浙江省杭州市西湖区文三路 100 号", "12,345.60"]


@pytest.mark.parametrize("alignment", [TA_LEFT, TA_CENTER, TA_RIGHT])
@pytest.mark.parametrize("chinese", [True, False])
def test_plain_lines_are_drawn_where_a_paragraph_draws_them(alignment: int, chinese: bool) -> None:
    style = make_styles(9, cjk=chinese).body.clone("probe", alignment=alignment)
    for text in TEXTS:
        plain = drawn(TextLines([text], style), 240)
        paragraph = drawn(Paragraph(escape(text), style), 240)
        assert char_boxes(plain) == char_boxes(paragraph), text
    two = drawn(TextLines(TEXTS[:2], style), 240)
    assert char_boxes(two) == char_boxes(drawn(Paragraph("<br/>".join(TEXTS[:2]), style), 240))


class _QuickCanvas(QuickStrings, Canvas):
    pass


def _page_code(canvas_class: type[Canvas], font: str, *draws: tuple[str, float, str]) -> str:
    canvas = canvas_class(io.BytesIO(), pagesize=(400, 600), invariant=True)
    canvas.setFont(font, 9, 11)
    for method, x, text in draws:
        getattr(canvas, method)(x, 300.5, text)
    return "\n".join(canvas._code)


@pytest.mark.parametrize("font", [FONT, "Helvetica"])
def test_quick_strings_write_what_reportlab_writes(font: str) -> None:
    register_fonts()
    draws = [(method, 120.25, text) for text in [*TEXTS, "(a) \\ b"]
             for method in ("drawString", "drawRightString", "drawCentredString")]  # fmt: skip
    assert _page_code(_QuickCanvas, font, *draws) == _page_code(Canvas, font, *draws)
    blank = _page_code(_QuickCanvas, font, ("drawString", 10, ""))
    assert blank == _page_code(_QuickCanvas, font) or font == "Helvetica"  # nothing to draw


def test_a_text_that_fits_is_one_string_and_one_that_does_not_still_wraps() -> None:
    style = make_styles(9).body
    name = "上海华东五金批发部 & Sons <East>"
    short, long = FitText([name], style), FitText([name], style)
    short.wrap(300, 100)
    long.wrap(60, 100)
    assert isinstance(short._shown, TextLines)  # no markup parsed, no line breaking
    assert isinstance(long._shown, Paragraph)
    assert short.height == style.leading
    assert long.height > 2 * style.leading
    one = "".join(c for c, _ in char_boxes(drawn(short, 300)))
    assert one == name.replace(" ", "")  # drawn as given: "&" and "<" are text, not markup
    lines = {box[1] for _, box in char_boxes(drawn(long, 60))}
    assert len(lines) >= 3  # the long one is broken over lines, as before


def test_a_text_with_odd_spacing_is_left_to_the_paragraph() -> None:
    style = make_styles(9).body
    for text in ("two  spaces", " leading", "line\nbreak", "tab\there"):
        flowable = FitText([text], style)
        flowable.wrap(300, 100)
        assert isinstance(flowable._shown, Paragraph), text


def test_in_a_document_a_short_name_stays_on_its_row_and_a_long_one_wraps(
    make_document: Callable[..., PrintDocument], rows_of: Rows
) -> None:
    long_name = "特别长的商品名称需要在名称栏里换行显示才能放得下 Extra long item name " * 2
    rows = (("A-1", "螺丝", "M6", "盒", "12", "35.50", "", ""),
            ("B-2", long_name.strip(), "18V", "台", "2", "899.00", "", ""))  # fmt: skip
    pdf = printing.render(make_document("delivery_note", rows), language="en")
    page = rows_of(pdf)[0]
    short = [row for row in page if row.startswith("1 A-1")]
    assert short and "螺丝" in short[0] and "35.50" in short[0]
    first = next(i for i, row in enumerate(page) if row.startswith("2 B-2"))
    assert "899.00" in page[first]  # the numbers sit on the first line of the wrapped name
    assert long_name.strip() not in page[first]  # the name is broken over several lines…
    following = " ".join(page[first : first + 6])
    assert all(word in following for word in long_name.split())  # …and none of it is lost


def test_long_chinese_texts_wrap_inside_their_cells(
    make_document: Callable[..., PrintDocument],
) -> None:
    """The lines table's cells and the info grid's are strings when they fit: a long Chinese
    item name still breaks over lines inside the name column, a long customer name inside
    its half of the grid, and no character is lost."""
    name = "鲸鲨鳄鱼鲤鲫" * 12
    rows = (("A-1", name, "规格", "盒", "2", "3.50", "", ""),)
    doc = make_document("delivery_note", rows)
    customer = replace(doc.customer, name="鹦鹉孔雀天鹅" * 8)
    pdf = printing.render(replace(doc, customer=customer), language="en")
    boxes = char_boxes(pdf)
    text = "".join(char for char, _ in boxes)
    spec = boxes[text.index("Spec.")][1]  # the next column's heading
    in_name = [box for char, box in boxes if char in "鲸鲨鳄鱼鲤鲫"]
    assert len(in_name) == len(name)
    assert len({box[1] for box in in_name}) >= 3  # over several lines…
    assert max(box[2] for box in in_name) < spec[0]  # …all left of the next column
    in_customer = [box for char, box in boxes if char in "鹦鹉孔雀天鹅"]
    assert len(in_customer) == len(customer.name)
    assert len({box[1] for box in in_customer}) >= 2
    assert max(box[2] for box in in_customer) < A4.width / 2  # the grid's first half


def _payloads() -> list[tuple[str, str]]:
    pick = random.Random(12)
    alphabet = string.ascii_letters + string.digits + "-/:. " + "送货单号发票退货"
    values = [f"DN2026-{n:06d}" for n in range(40)] + ["1", "https://example.invalid/x?y=1"]
    values += ["".join(pick.choice(alphabet) for _ in range(pick.choice([3, 30, 120, 400])))
               for _ in range(40)]  # fmt: skip
    return [(value, pick.choice("LMQH")) for value in values]


def test_the_quicker_qr_mask_is_reportlabs_own_choice() -> None:
    for value, level in _payloads():
        reference = qrencoder.QRCode(None, getattr(qrencoder.QRErrorCorrectLevel, level))
        reference.addData(value)
        reference.make()
        assert qr.symbol(value, level) == tuple(tuple(row) for row in reference.modules), value


def test_the_qr_penalty_matches_reportlab_for_every_mask() -> None:
    for value, level in _payloads()[::7]:
        code = qrencoder.QRCode(None, getattr(qrencoder.QRErrorCorrectLevel, level))
        code.addData(value)
        code.version = code.calculate_version()
        for pattern in range(8):
            code.makeImpl(True, pattern)
            rows = [int("".join("1" if c else "0" for c in row), 2) for row in code.modules]
            expected = qrencoder.QRUtil.getLostPoint(code)
            assert qr.lost_points(rows, code.moduleCount) == expected, (value, pattern)


def test_the_pdf_is_written_with_the_accelerator_and_binary_streams(
    make_document: Callable[..., PrintDocument],
) -> None:
    from reportlab.lib import rl_accel

    assert "fp_str" in rl_accel._c_funcs  # reportlab[accel]: rl_accel is installed
    pdf = printing.render(make_document("delivery_note"))
    assert b"ASCII85Decode" not in pdf
    assert b"FlateDecode" in pdf  # still compressed


def test_the_qr_codewords_are_reportlabs() -> None:
    values = [value for value, _ in _payloads()] + ["", "0" * 7089, "A" * 4296]
    for value in values:
        for level in "LMQH":
            number = getattr(qrencoder.QRErrorCorrectLevel, level)
            code = qrencoder.QRCode(None, number)
            code.addData(value)
            version = code.calculate_version()
            try:
                expected = qrencoder.QRCode.createData(version, number, code.dataList)
            except Exception:  # noqa: BLE001 - too long for this level: ours refuses too
                with pytest.raises(ValueError):
                    qr.codewords(version, number, code.dataList)
                continue
            assert qr.codewords(version, number, code.dataList) == expected, (value, level)
