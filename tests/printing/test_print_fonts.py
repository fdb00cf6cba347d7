"""Every font in a printed document is embedded TrueType; STSong-Light is never used.

ReportLab's built-in STSong-Light is not embedded, so a PC without Chinese fonts would show
blank spaces; the shipped WenQuanYi Micro Hei is embedded (as subsets) instead.
"""

from __future__ import annotations

import io
import random
import zlib
from collections.abc import Callable, Iterator

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject
from reportlab.pdfgen.canvas import Canvas

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


def _font_streams(pdf: bytes) -> list[tuple[bytes, bytes, int]]:
    """(raw stream, decoded stream, /Length1) of every embedded font subset of ``pdf``."""
    streams = []
    for font in fonts_of(pdf):
        descriptor = font.get("/FontDescriptor")
        if descriptor is None:
            continue
        stream = descriptor.get_object()["/FontFile2"].get_object()
        streams.append((stream._data, stream.get_data(), int(stream["/Length1"])))
    return streams


def test_font_subsets_are_compressed_at_their_own_level_and_pages_at_reportlabs(
    three_line_note: PrintDocument,
) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from retailerp.fonts import CJK_SUBFONT_INDEX, cjk_font_path
    from retailerp.printing.styles import SUBSET_COMPRESSION

    pdf = printing.render(three_line_note)
    streams = _font_streams(pdf)
    assert streams
    for raw, font, length in streams:
        assert len(font) == length and font[:4] == b"\x00\x01\x00\x00"  # a whole TrueType file
        assert raw == zlib.compress(font, SUBSET_COMPRESSION)
    page = PdfReader(io.BytesIO(pdf)).pages[0]["/Contents"].get_object()
    assert page._data == zlib.compress(page.get_data())  # ReportLab's own level

    # another face of the same file, registered as ReportLab's own, keeps ReportLab's level
    stock = TTFont("Stock-CJK-test", str(cjk_font_path()), subfontIndex=CJK_SUBFONT_INDEX)
    stock.face.name = b"StockCJKTest"
    pdfmetrics.registerFont(stock)
    canvas = Canvas(buffer := io.BytesIO(), invariant=True)
    canvas.setFont("Stock-CJK-test", 12)
    canvas.drawString(72, 72, "送货单 Delivery note")
    canvas.save()
    [(raw, font, _)] = _font_streams(buffer.getvalue())
    assert raw == zlib.compress(font)


def test_our_font_subsets_are_reportlabs_byte_for_byte() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFontFile

    from retailerp.printing.styles import register_fonts
    from retailerp.printing.subsetting import Subsetter

    face = pdfmetrics.getFont(register_fonts()).face
    assert isinstance(face.makeSubset, Subsetter)
    pick = random.Random(3)
    codes = sorted(face.charToGlyph)
    composite = [c for c in codes if face.makeSubset.glyph(face.charToGlyph[c]).parts]
    assert composite, "the font has composite glyphs to renumber"
    subsets = [[0] * 32 + list(range(32, 128)), [0x4E00, 0x9F99, 0x10FFFF, 0x41]]
    subsets += [[0] * 32 + list(range(32, 128)) + pick.sample(codes, 128) for _ in range(4)]
    subsets += [pick.sample(codes, 200) + composite[:20], composite[-50:]]
    for subset in subsets:
        assert face.makeSubset(subset) == TTFontFile.makeSubset(face, subset)
