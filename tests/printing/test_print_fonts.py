"""Every font in a printed document is embedded TrueType; STSong-Light is never used.

ReportLab's built-in STSong-Light is not embedded, so a PC without Chinese fonts would show
blank spaces; the shipped WenQuanYi Micro Hei is embedded (as subsets) instead.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from retailerp import printing
from retailerp.printing import PRESETS
from retailerp.printing.model import PrintDocument

KINDS = ("delivery_note", "picking_list", "invoice", "red_invoice")


def fonts_of(pdf: bytes) -> Iterator[DictionaryObject]:
    """Every font a page of ``pdf`` uses (descendant fonts of composite fonts included)."""
    for page in PdfReader(io.BytesIO(pdf)).pages:
        resources = page["/Resources"].get_object()
        fonts = resources.get("/Font")
        if fonts is None:
            continue
        for ref in fonts.get_object().values():
            font = ref.get_object()
            yield font
            for descendant in font.get("/DescendantFonts", []):
                yield descendant.get_object()


def is_embedded_truetype(font: DictionaryObject) -> bool:
    if font.get("/Subtype") == "/Type0":
        return True  # checked through its descendant font
    descriptor = font.get("/FontDescriptor")
    return descriptor is not None and "/FontFile2" in descriptor.get_object()


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("preset", sorted(PRESETS))
def test_every_font_is_embedded_truetype_and_none_is_stsong(
    kind: str, preset: str, make_document: Callable[..., PrintDocument]
) -> None:
    pdf = printing.render(make_document(kind, consignment=True), preset=PRESETS[preset],
                          copies=2, language="zh_CN")
    fonts = list(fonts_of(pdf))
    assert fonts, "the document uses no font at all"
    for font in fonts:
        name = str(font.get("/BaseFont", ""))
        assert "STSong" not in name
        assert is_embedded_truetype(font), f"font {name} is not embedded TrueType"


def test_english_documents_embed_their_font_too(
    long_note: PrintDocument,
) -> None:
    fonts = list(fonts_of(printing.render(long_note, language="en")))
    assert fonts and all(is_embedded_truetype(font) for font in fonts)
