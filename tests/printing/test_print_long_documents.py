"""A long document runs over several pages: header row on each, "Page N of M" on each."""

from __future__ import annotations

import re
from collections.abc import Callable

from retailerp.domain.numerals import chinese_capital_amount
from retailerp.printing import CONTINUOUS_241x140, delivery_note
from retailerp.printing.model import PrintDocument


def test_120_lines_run_over_pages_with_header_row_and_page_numbers_on_each(
    long_note: PrintDocument, pages_of: Callable[[bytes], list[str]]
) -> None:
    pages = pages_of(delivery_note.render(long_note, language="en"))
    count = len(pages)
    assert count > 1
    for number, text in enumerate(pages, start=1):
        assert "Net" in text and "amount" in text, f"no header row on page {number}"
        assert "Quantity" in text
        assert f"Page {number} of {count}" in text


def test_no_line_is_lost_or_printed_twice_across_pages(
    long_note: PrintDocument, pages_of: Callable[[bytes], list[str]]
) -> None:
    text = "\n".join(pages_of(delivery_note.render(long_note, language="en")))
    codes = re.findall(r"SKU-\d{4}", text)
    assert codes == [line.code for line in long_note.lines]


def test_totals_are_printed_once_after_the_last_line(
    long_note: PrintDocument, pages_of: Callable[[bytes], list[str]]
) -> None:
    assert long_note.totals is not None
    capital = chinese_capital_amount(long_note.totals.gross)
    pages = ["".join(text.split()) for text in pages_of(delivery_note.render(long_note))]
    assert capital in pages[-1]
    assert pages[-1].index("SKU-0120") < pages[-1].index(capital)
    assert not any(capital in text for text in pages[:-1])


def test_every_copy_is_numbered_on_its_own(
    long_note: PrintDocument, pages_of: Callable[[bytes], list[str]]
) -> None:
    pages = pages_of(
        delivery_note.render(long_note, preset=CONTINUOUS_241x140, copies=2, language="en")
    )
    per_copy = len(pages) // 2
    assert len(pages) == 2 * per_copy and per_copy > 1
    for index, text in enumerate(pages):
        assert f"Page {index % per_copy + 1} of {per_copy}" in text
