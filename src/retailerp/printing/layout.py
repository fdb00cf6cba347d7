"""Paper, copies and pages: page presets, multi-part copy labels, "Page N of M", the build.

A document is built once: each page's marks are drawn as it is laid out, but "Page N of M"
is drawn when the document is complete and M is known (the canvas keeps its pages until
then, see ``_CountingCanvas``).  With ``copies=N`` the whole document is repeated once per
copy, each copy on its own pages, numbered on its own, and every page marked with the copy's
label (on a delivery note 存根 / 客户 / 回单; each kind has its own, see ``COPY_LABELS``).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreakIfNotEmpty,
    PageTemplate,
)

from retailerp.domain.text import QT_TRANSLATE_NOOP
from retailerp.printing.model import PrintDocument
from retailerp.printing.paper import (  # noqa: F401  (the presets are part of this module's face)
    A4,
    A5,
    PRESETS,
    CONTINUOUS_241x93,
    CONTINUOUS_241x140,
    PagePreset,
)
from retailerp.printing.plain_text import QuickStrings
from retailerp.printing.styles import FONT, Styles, make_styles, register_fonts
from retailerp.printing.wording import Wording

rl_config.useA85 = 0
"""Streams are written binary (compressed), not also ASCII85-encoded: every PDF reader takes
binary streams, ASCII85 only served 7-bit mail, and cost about a sixth of a one-page note's
time.  ReportLab reads this setting for the whole process."""

STUB = QT_TRANSLATE_NOOP("print", "Stub")
CUSTOMER_COPY = QT_TRANSLATE_NOOP("print", "Customer")
RETURN_RECEIPT = QT_TRANSLATE_NOOP("print", "Return receipt")
WAREHOUSE_COPY = QT_TRANSLATE_NOOP("print", "Warehouse copy")
PICKER_COPY = QT_TRANSLATE_NOOP("print", "Picker copy")
DISPATCH_COPY = QT_TRANSLATE_NOOP("print", "Dispatch copy")
ACCOUNTS_COPY = QT_TRANSLATE_NOOP("print", "Accounts copy")
COPY_LABELS: dict[str, dict[int, tuple[str, ...]]] = {
    "delivery_note": {
        1: (),
        2: (STUB, CUSTOMER_COPY),
        3: (STUB, CUSTOMER_COPY, RETURN_RECEIPT),
    },
    "picking_list": {
        1: (),
        2: (WAREHOUSE_COPY, PICKER_COPY),
        3: (WAREHOUSE_COPY, PICKER_COPY, DISPATCH_COPY),
    },
    "invoice": {
        1: (),
        2: (STUB, CUSTOMER_COPY),
        3: (STUB, CUSTOMER_COPY, ACCOUNTS_COPY),
    },
}
"""Labels of the parts of one-, two- and three-part forms per document kind, in printing
order: a delivery note's third part comes back signed (回单); a picking list stays in the
warehouse; a settlement's third part goes to the accounts.  Kinds not named use the
delivery note's labels; a red invoice uses the invoice's."""

PART_OF = QT_TRANSLATE_NOOP("print", "Part {index} of {count}: {label}")
PAGE_OF = QT_TRANSLATE_NOOP("print", "Page {page} of {pages}")


def copy_labels(copies: int, kind: str = "delivery_note") -> tuple[str, ...]:
    """The (untranslated) labels of ``copies`` parts of a ``kind`` document; refuses anything
    but 1, 2 or 3."""
    labels = COPY_LABELS.get("invoice" if kind == "red_invoice" else kind)
    labels = labels or COPY_LABELS["delivery_note"]
    if copies not in labels:
        raise ValueError(f"copies must be 1, 2 or 3, not {copies!r}")
    return labels[copies]


@dataclass(frozen=True)
class Sheet:
    """What a document's body needs to lay itself out: paper, styles, width, language."""

    preset: PagePreset
    styles: Styles
    wording: Wording

    @property
    def width(self) -> float:
        return self.preset.frame_width


Body = Callable[[Sheet], list[Flowable]]
"""Builds the flowables of one copy of a document (called afresh for every copy and pass)."""


class _PageMarks:
    """Draws the marks every page carries: copy label, running title, "Page N of M"."""

    def __init__(self, sheet: Sheet, running_title: str, labels: Sequence[str]) -> None:
        self.sheet = sheet
        self.running_title = running_title
        self.labels = labels
        self.counts = [0] * max(1, len(labels))
        self.pages: list[tuple[int, int]] = []
        """(copy, page within the copy) of every page laid out so far, in order."""

    def on_page(self, copy: int) -> Callable[[Canvas, BaseDocTemplate], None]:
        def paint(canvas: Canvas, _doc: BaseDocTemplate) -> None:
            self.counts[copy] += 1
            self.pages.append((copy, self.counts[copy]))
            canvas.saveState()
            self._paint(canvas, copy, self.counts[copy])
            canvas.restoreState()

        return paint

    def _paint(self, canvas: Canvas, copy: int, page: int) -> None:
        preset, tr = self.sheet.preset, self.sheet.wording
        size = self.sheet.styles.size
        top = preset.height - preset.top / 2 - size / 3
        canvas.setFont(FONT, size)
        if page > 1:
            canvas.drawString(preset.left, top, self.running_title)
        if self.labels:
            label = tr(PART_OF, index=copy + 1, count=len(self.labels), label=tr(self.labels[copy]))
            canvas.drawRightString(preset.width - preset.right, top, label)

    def paint_total(self, canvas: Canvas, index: int) -> None:
        """Draw "Page N of M" on the ``index``-th page, now that every copy's M is known."""
        copy, page = self.pages[index]
        preset, tr = self.sheet.preset, self.sheet.wording
        size = self.sheet.styles.size
        canvas.saveState()
        canvas.setFont(FONT, size)
        text = tr(PAGE_OF, page=page, pages=self.counts[copy])
        canvas.drawCentredString(preset.width / 2, preset.bottom / 2 - size / 3, text)
        canvas.restoreState()


def _counting_canvas(marks: _PageMarks) -> type[Canvas]:
    """A canvas that keeps its pages until :meth:`save`, then draws each page's total, and
    writes plain strings directly (:class:`QuickStrings`)."""

    class _CountingCanvas(QuickStrings, Canvas):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]
            self._kept: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 - ReportLab's name
            self._kept.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            for index, state in enumerate(self._kept):
                self.__dict__.update(state)
                marks.paint_total(self, index)
                Canvas.showPage(self)
            Canvas.save(self)

    return _CountingCanvas


def _story(sheet: Sheet, body: Body, copies: int) -> list[Flowable]:
    story: list[Flowable] = []
    for copy in range(copies):
        if copy:
            story += [NextPageTemplate(f"copy{copy}"), PageBreakIfNotEmpty()]
        story += body(sheet)
    return story


def _build(sheet: Sheet, body: Body, copies: int, marks: _PageMarks, meta: dict[str, str]) -> bytes:
    preset = sheet.preset
    buffer = io.BytesIO()
    template = BaseDocTemplate(
        buffer,
        pagesize=(preset.width, preset.height),
        leftMargin=preset.left,
        rightMargin=preset.right,
        topMargin=preset.top,
        bottomMargin=preset.bottom,
        initialFontName=register_fonts(),
        invariant=True,
        creator="RetailERP",
        **meta,
    )
    frame_args = (preset.left, preset.bottom, preset.frame_width, preset.frame_height)
    template.addPageTemplates(
        [
            PageTemplate(
                id=f"copy{copy}",
                frames=[
                    Frame(
                        *frame_args,
                        leftPadding=0,
                        rightPadding=0,
                        topPadding=0,
                        bottomPadding=0,
                        id=f"body{copy}",
                    )
                ],
                onPage=marks.on_page(copy),
            )
            for copy in range(copies)
        ]
    )
    template.build(_story(sheet, body, copies), canvasmaker=_counting_canvas(marks))
    return buffer.getvalue()


def build_pdf(
    doc: PrintDocument, body: Body, *, title: str, preset: PagePreset, copies: int, language: str
) -> bytes:
    """PDF bytes of ``doc``: ``body`` laid out once per copy on ``preset`` paper.

    ``title`` is the untranslated document title; ``language`` is ``"en"`` or ``"zh_CN"``.
    """
    labels = copy_labels(copies, doc.kind)
    wording = Wording(language)
    styles = make_styles(preset.font_size, cjk=wording.chinese)
    sheet = Sheet(preset=preset, styles=styles, wording=wording)
    running = f"{wording(title)}  {doc.number}"
    meta = {"title": running, "author": doc.company.name, "subject": wording(title)}
    return _build(sheet, body, copies, _PageMarks(sheet, running, labels), meta)
