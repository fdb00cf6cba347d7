"""The complaint forms print their long texts as the clerk typed them (plain text)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from tests.printing.conftest import COMPANY, CUSTOMER

from retailerp.printing.complaint_forms import DISPOSITION, REGISTRATION, render_form
from retailerp.printing.model import ComplaintPrint, PrintDocument

TYPED = "Lid cracked & box wet <2 cartons>\nSecond line: 第二行"


def _form(kind: str) -> ComplaintPrint:
    document = PrintDocument(
        kind=kind, number="CP2026-000007", doc_date=date(2026, 12, 5), company=COMPANY,
        customer=CUSTOMER,
    )  # fmt: skip
    return ComplaintPrint(document, {"What is wrong": TYPED}, [("Received by", "")])


def test_sections_print_headings_and_typed_text_without_markup(
    pages_of: Callable[[bytes], list[str]],
) -> None:
    for kind in (REGISTRATION, DISPOSITION):
        text = "\n".join(pages_of(render_form(_form(kind), language="en")))
        assert "What is wrong" in text
        assert "Lid cracked & box wet <2 cartons>" in text
        assert "Second line: 第二行" in text
        for markup in ("<b>", "</b>", "&amp;", "&lt;", "<br/>"):
            assert markup not in text, (kind, markup)
