"""The picking list leads the picker along the bins, with a barcode and a tick box per line."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

from retailerp.printing import picking_list
from retailerp.printing.model import PrintDocument, PrintLine

# In the sample: bins A-02-01 (A-1001, E-5005), A-2-05 (C-3003), A-10-03 (B-2002), none (D-4004).
WALKING_ORDER = ("A-1001", "E-5005", "C-3003", "B-2002", "D-4004")


def test_lines_are_printed_in_bin_order_with_unbinned_lines_last(
    picking_document: PrintDocument, pages_of: Callable[[bytes], list[str]]
) -> None:
    (text,) = pages_of(picking_list.render(picking_document, language="en"))
    codes = [code for code in re.findall(r"[A-E]-\d{4}", text) if code in WALKING_ORDER]
    assert codes == list(WALKING_ORDER)


def test_bins_are_headed_and_compared_by_number_not_by_text(
    picking_document: PrintDocument, pages_of: Callable[[bytes], list[str]]
) -> None:
    (text,) = pages_of(picking_list.render(picking_document, language="en"))
    headings = re.findall(r"Bin: (\S+)", text)
    assert headings == ["A-02-01", "A-2-05", "A-10-03"]
    assert "No bin" in text


def test_picker_checker_and_picked_column_are_printed(
    picking_document: PrintDocument, pages_of: Callable[[bytes], list[str]]
) -> None:
    (text,) = pages_of(picking_list.render(picking_document, language="en"))
    for label in ("Picked", "Picker", "Checker", "Barcode"):
        assert label in text
    assert "李四" in text
    assert "B2405/2027-05-31" in "".join(text.split())
    assert "35.50" not in text  # a picking list shows no prices


def _line(no: int, bin_code: str) -> PrintLine:
    return PrintLine(no=no, code=f"X{no}", name="x", quantity=Decimal(1), bin=bin_code)


def test_walking_order_sorts_bins_naturally_then_by_line_number() -> None:
    lines = [_line(1, "B-1"), _line(2, ""), _line(3, "A-10"), _line(4, "a-2"), _line(5, "A-2")]
    ordered = picking_list.in_bin_order(lines)
    assert [line.no for line in ordered] == [4, 5, 3, 1, 2]
