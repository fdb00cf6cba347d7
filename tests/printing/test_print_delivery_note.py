"""A printed delivery note shows its lines, totals and (in Chinese) the amount in capitals."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from retailerp.printing import delivery_note
from retailerp.printing.model import PrintDocument


def squeezed(text: str) -> str:
    """Text without whitespace: a wrapped cell reads back with line breaks inside."""
    return re.sub(r"\s+", "", text)


def test_chinese_note_shows_every_line_the_total_and_the_amount_in_capitals(
    three_line_note: PrintDocument, pages_of: Callable[[bytes], list[str]]
) -> None:
    pages = pages_of(delivery_note.render(three_line_note, language="zh_CN"))
    assert len(pages) == 1
    text = squeezed(pages[0])
    for line in three_line_note.lines:
        assert squeezed(line.code) in text
        assert squeezed(line.name) in text
    for quantity in ("12", "2", "7.5"):
        assert re.search(rf"(?<![\d.]){re.escape(quantity)}(?![\d.])", pages[0])
    assert "2,320.00" in text
    assert "贰仟叁佰贰拾元整" in text


def test_english_note_prints_total_and_no_capital_numerals(
    three_line_note: PrintDocument, pages_of: Callable[[bytes], list[str]]
) -> None:
    (text,) = pages_of(delivery_note.render(three_line_note, language="en"))
    assert "Total" in text
    assert "2,320.00" in text
    assert "元" not in text
    assert "signature" in text


def test_customer_block_prints_names_with_markup_characters_literally(
    three_line_note: PrintDocument, pages_of: Callable[[bytes], list[str]]
) -> None:
    (text,) = pages_of(delivery_note.render(three_line_note, language="en"))
    assert squeezed("上海华东五金批发部 & Sons <East>") in squeezed(text)
    assert "C0042" in text
    assert "SO2026-000321" in text


def test_consignment_note_carries_the_consignment_marker(
    make_document: Callable[..., PrintDocument], pages_of: Callable[[bytes], list[str]]
) -> None:
    plain = pages_of(delivery_note.render(make_document("delivery_note"), language="en"))[0]
    marked = make_document("delivery_note", consignment=True)
    flagged = pages_of(delivery_note.render(marked, language="en"))[0]
    assert "Consignment" not in plain
    assert "Consignment" in flagged


@pytest.mark.usefixtures("chinese_labels")
def test_labels_are_printed_in_the_documents_language(
    three_line_note: PrintDocument, pages_of: Callable[[bytes], list[str]]
) -> None:
    chinese = squeezed(pages_of(delivery_note.render(three_line_note, language="zh_CN"))[0])
    english = pages_of(delivery_note.render(three_line_note, language="en"))[0]
    assert "送货单" in chinese
    assert "大写金额:贰仟叁佰贰拾元整" in chinese
    assert "第1页/共1页" in chinese
    assert "Delivery note" in english
    assert "送货单" not in english


def test_a_delivery_note_layout_refuses_other_documents(
    make_document: Callable[..., PrintDocument],
) -> None:
    with pytest.raises(ValueError, match="delivery note"):
        delivery_note.render(make_document("invoice"))
