"""Printed documents: plain data in (:mod:`retailerp.printing.model`), PDF bytes out.

No Qt, no database, no services: a service gathers a :class:`PrintDocument` and calls
:func:`render`, which picks the layout by the document's kind.  Page presets and copy counts
are in :mod:`retailerp.printing.layout`.
"""

from __future__ import annotations

from collections.abc import Callable

from retailerp.printing import consignment, delivery_note, invoice, picking_list, return_note
from retailerp.printing.layout import (
    A4,
    A5,
    PRESETS,
    CONTINUOUS_241x93,
    CONTINUOUS_241x140,
    PagePreset,
)
from retailerp.printing.model import Party, PrintDocument, PrintLine, Totals

__all__ = [
    "A4",
    "A5",
    "CONTINUOUS_241x93",
    "CONTINUOUS_241x140",
    "PRESETS",
    "PagePreset",
    "Party",
    "PrintDocument",
    "PrintLine",
    "Totals",
    "UnsupportedDocument",
    "render",
]

Renderer = Callable[..., bytes]

RENDERERS: dict[str, Renderer] = {
    "picking_list": picking_list.render,
    "delivery_note": delivery_note.render,
    "invoice": invoice.render,
    "red_invoice": invoice.render,
    "return_note": return_note.render,
    **{kind: consignment.render for kind in consignment.KINDS},
}


class UnsupportedDocument(ValueError):
    """There is no printed layout for this kind of document (yet)."""


def render(
    doc: PrintDocument, *, preset: PagePreset = A4, copies: int = 1, language: str = "zh_CN"
) -> bytes:
    """``doc`` as PDF bytes, laid out for its kind; see the document modules for details."""
    renderer = RENDERERS.get(doc.kind)
    if renderer is None:
        raise UnsupportedDocument(f"no printed layout for {doc.kind!r} documents")
    return renderer(doc, preset=preset, copies=copies, language=language)
