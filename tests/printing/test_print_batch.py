"""A batch of documents laid out on every core comes out exactly as one at a time."""

from __future__ import annotations

from collections.abc import Callable

from retailerp.printing import PrintDocument, render, render_many
from retailerp.printing.layout import A5


def test_batch_on_worker_processes_equals_one_by_one(
    make_document: Callable[..., PrintDocument],
) -> None:
    docs = [make_document("delivery_note", number=f"DN2026-{n:06d}") for n in range(1, 19)]
    docs[3] = make_document("invoice")
    one_by_one = [render(doc, preset=A5, copies=2, language="en") for doc in docs]
    batch = render_many(docs, preset=A5, copies=2, language="en", workers=2)
    assert batch == one_by_one  # same bytes, same order (the PDFs are invariant)
    assert render_many(docs[:2], workers=2) == [render(d) for d in docs[:2]]  # small: in here
    assert render_many([]) == []
