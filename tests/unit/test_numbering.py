"""Document numbers: printed form and reading them back (the series itself, as production
takes numbers, is tested in tests/integration/test_number_series.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from retailerp.domain.numbering import DocumentType, format_number, parse_number

GR = DocumentType.GOODS_RECEIPT


def test_the_printed_form() -> None:
    assert format_number(GR, 2026, 1) == "GR2026-000001"
    assert format_number(DocumentType.REVERSAL, 2026, 123) == "RV2026-000123"
    assert format_number(DocumentType.STOCK_COUNT, 2025, 999999) == "SC2025-999999"
    assert format_number(GR, 2026, 1234567) == "GR2026-1234567"  # grows past six digits


@pytest.mark.parametrize(
    ("number", "parsed"),
    [
        ("GR2026-000001", (GR, 2026, 1)),
        ("SC2025-000042", (DocumentType.STOCK_COUNT, 2025, 42)),
        ("GR2026-1234567", (GR, 2026, 1234567)),
    ],
)
def test_numbers_are_read_back(number: str, parsed: tuple) -> None:
    assert parse_number(number) == parsed


@pytest.mark.parametrize(
    "text",
    ["", "GR", "GR2026-", "GR2026000001", "GR26-000001", "XX2026-000001", "GR2026-00a001",
     "GRabcd-000001", "gr2026-000001", "2026-000001"],
)  # fmt: skip
def test_other_text_is_not_a_number(text: str) -> None:
    assert parse_number(text) is None


@given(st.sampled_from(list(DocumentType)), st.integers(1000, 9999), st.integers(1, 10**9))
def test_format_and_parse_round_trip(doc_type: DocumentType, year: int, seq: int) -> None:
    number = format_number(doc_type, year, seq)
    assert parse_number(number) == (doc_type, year, seq)
    assert number.startswith(doc_type.value)


@given(st.text(max_size=30))
def test_parse_never_fails_on_arbitrary_text(text: str) -> None:
    result = parse_number(text)
    if result is not None:
        doc_type, year, seq = result
        assert text.startswith(doc_type.value)
        assert seq >= 0 and 0 <= year <= 9999
