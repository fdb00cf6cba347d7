"""Paper presets and multi-part forms: page sizes, and every page marked with its copy."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm

from retailerp.printing import A4, A5, CONTINUOUS_241x93, CONTINUOUS_241x140, delivery_note
from retailerp.printing.layout import PagePreset
from retailerp.printing.model import PrintDocument

THREE_PARTS = ("Part 1 of 3: Stub", "Part 2 of 3: Customer", "Part 3 of 3: Return receipt")


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    return [(float(p.mediabox.width), float(p.mediabox.height))
            for p in PdfReader(io.BytesIO(pdf)).pages]


@pytest.mark.parametrize(
    ("preset", "width_mm", "height_mm"),
    [(A4, 210, 297), (A5, 148, 210), (CONTINUOUS_241x140, 241, 140), (CONTINUOUS_241x93, 241, 93)],
)
def test_every_page_has_the_presets_paper_size(
    preset: PagePreset, width_mm: int, height_mm: int, long_note: PrintDocument
) -> None:
    for width, height in page_sizes(delivery_note.render(long_note, preset=preset)):
        assert width == pytest.approx(width_mm * mm, abs=1)
        assert height == pytest.approx(height_mm * mm, abs=1)


def test_three_part_continuous_form_repeats_the_document_once_per_part(
    three_line_note: PrintDocument, pages_of: Callable[[bytes], list[str]]
) -> None:
    pdf = delivery_note.render(three_line_note, preset=CONTINUOUS_241x140, copies=3,
                               language="en")
    for width, height in page_sizes(pdf):
        assert width == pytest.approx(241 * mm, abs=1)
        assert height == pytest.approx(140 * mm, abs=1)
    pages = pages_of(pdf)
    assert len(pages) == 3
    for label, text in zip(THREE_PARTS, pages, strict=True):
        assert label in text
        assert "2,320.00" in text  # the whole document on each part


def test_long_three_part_form_marks_every_page_of_every_part(
    long_note: PrintDocument, pages_of: Callable[[bytes], list[str]]
) -> None:
    pages = pages_of(delivery_note.render(long_note, preset=CONTINUOUS_241x140, copies=3,
                                          language="en"))
    per_part = len(pages) // 3
    assert per_part > 1 and len(pages) == 3 * per_part
    for index, text in enumerate(pages):
        expected = THREE_PARTS[index // per_part]
        assert expected in text
        assert [label for label in THREE_PARTS if label in text] == [expected]


def test_two_part_form_is_labelled_stub_and_customer(
    three_line_note: PrintDocument, pages_of: Callable[[bytes], list[str]]
) -> None:
    pages = pages_of(delivery_note.render(three_line_note, preset=CONTINUOUS_241x93, copies=2,
                                          language="en"))
    assert "Part 1 of 2: Stub" in pages[0]
    assert "Part 2 of 2: Customer" in pages[-1]


def test_a_single_copy_carries_no_copy_label(
    three_line_note: PrintDocument, pages_of: Callable[[bytes], list[str]]
) -> None:
    (text,) = pages_of(delivery_note.render(three_line_note, language="en"))
    assert "Part " not in text


@pytest.mark.parametrize("copies", [0, 4, -1])
def test_only_one_two_or_three_parts_are_printed(
    copies: int, three_line_note: PrintDocument
) -> None:
    with pytest.raises(ValueError, match="copies"):
        delivery_note.render(three_line_note, copies=copies)
