"""Printed documents: plain data in (:mod:`retailerp.printing.model`), PDF bytes out.

No Qt, no database, no services: a service gathers a :class:`PrintDocument` and calls
:func:`render`, which picks the layout by the document's kind.  Page presets and copy counts
are in :mod:`retailerp.printing.layout`.
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import partial

from retailerp.printing.model import Party, PrintDocument, PrintLine, Totals
from retailerp.printing.paper import (
    A4,
    A5,
    PRESETS,
    CONTINUOUS_241x93,
    CONTINUOUS_241x140,
    PagePreset,
)

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
    "prepare",
    "render",
    "render_many",
]

Renderer = Callable[..., bytes]
BATCH_WORTH_A_POOL = 16
"""Below this many documents a batch is laid out in this process (a worker starts in ~0.3 s)."""

CONSIGNMENT_KINDS = (
    "consignment_delivery",
    "consignment_issue",
    "consignment_pickup",
    "consignment_return",
    "consignment_count",
    "consignment_statement",
)
"""The consignment documents (one module lays them all out; a test keeps this in step)."""

LAYOUT_MODULES: dict[str, str] = {
    "picking_list": "picking_list",
    "delivery_note": "delivery_note",
    "invoice": "invoice",
    "red_invoice": "invoice",
    "return_note": "return_note",
    **{kind: "consignment" for kind in CONSIGNMENT_KINDS},
}
"""The module under ``retailerp.printing`` that lays out each kind of document.  It is
imported on the first print, not before: ReportLab costs start-up time a window that never
prints should not pay."""


def renderer_for(kind: str) -> Renderer | None:
    """The ``render`` function of ``kind``'s layout module (imported now), or None."""
    module = LAYOUT_MODULES.get(kind)
    if module is None:
        return None
    return importlib.import_module(f"retailerp.printing.{module}").render


def prepare() -> None:
    """Do ahead what the first print would: import ReportLab with every layout module and
    register the CJK font (reading its tables, ~0.25 s of Python).  The window's warm-up
    calls it once the window is idle, so the first preview does not pay for it."""
    from retailerp.printing.styles import register_fonts

    for module in sorted(set(LAYOUT_MODULES.values())):
        importlib.import_module(f"retailerp.printing.{module}")
    register_fonts()


class UnsupportedDocument(ValueError):
    """There is no printed layout for this kind of document (yet)."""


def render(
    doc: PrintDocument, *, preset: PagePreset = A4, copies: int = 1, language: str = "zh_CN"
) -> bytes:
    """``doc`` as PDF bytes, laid out for its kind; see the document modules for details."""
    renderer = renderer_for(doc.kind)
    if renderer is None:
        raise UnsupportedDocument(f"no printed layout for {doc.kind!r} documents")
    return renderer(doc, preset=preset, copies=copies, language=language)


def render_many(
    docs: Sequence[PrintDocument],
    *,
    preset: PagePreset = A4,
    copies: int = 1,
    language: str = "zh_CN",
    workers: int | None = None,
) -> list[bytes]:
    """Many documents (a day's delivery notes) as PDF bytes each, in the order given, laid
    out on every core: a pool of worker processes (started fresh, so safe beside Qt) when the
    batch is big enough to be worth their start-up, else one after another."""
    docs = list(docs)
    workers = workers if workers is not None else min(os.cpu_count() or 1, 8)
    one = partial(render, preset=preset, copies=copies, language=language)
    if workers <= 1 or len(docs) < BATCH_WORTH_A_POOL:
        return [one(doc) for doc in docs]
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        return list(pool.map(one, docs, chunksize=max(1, len(docs) // (workers * 4))))
