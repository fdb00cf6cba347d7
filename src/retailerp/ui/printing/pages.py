"""PDF pages as images and on paper: pypdfium2 renders, Qt paints (no Pillow, no QtPdf).

A page is rendered to a pdfium bitmap in RGB(X) byte order and wrapped in a ``QImage``
copy, so the image owns its pixels once the bitmap is closed.  Printing paints every page,
rendered at 300 dpi, onto a ``QPrinter`` whose paper is set to the page's own size (the
continuous 241 mm forms included).  ``QPainter`` may paint on a ``QPrinter`` or a ``QImage``
from a worker thread, which is how batch printing uses :class:`PdfPrinter`.

PDFium is not thread-safe: no two threads may call it at the same time, not even on
different documents (a preview rendering while another renders, or while a batch prints,
crashed the process).  Every use goes through :func:`open_pdf`, which holds the one
process-wide :data:`PDFIUM` lock from opening the document to closing it.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QRectF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

if TYPE_CHECKING:
    import pypdfium2 as pdfium

POINTS_PER_INCH = 72
SCREEN_DPI = 96
PRINT_DPI = 300

_FORMATS: dict[str, QImage.Format] = {
    "RGBX": QImage.Format.Format_RGBX8888,
    "RGBA": QImage.Format.Format_RGBA8888,
    "RGB": QImage.Format.Format_RGB888,
    "BGR": QImage.Format.Format_BGR888,
    "L": QImage.Format.Format_Grayscale8,
}
if sys.byteorder == "little":  # pdfium's BGRx/BGRA bytes are Qt's 32-bit ARGB words there
    _FORMATS |= {"BGRX": QImage.Format.Format_RGB32, "BGRA": QImage.Format.Format_ARGB32}


PDFIUM = threading.RLock()
"""Held by whoever is calling PDFium (see :func:`open_pdf`); re-entrant for nested use."""


class PrintFailed(Exception):  # noqa: N818 - an outcome the user is told about
    """The printer could not be used; ``str(error)`` is a translated message."""


def bitmap_image(bitmap: pdfium.PdfBitmap) -> QImage:
    """A ``QImage`` holding its own copy of a pdfium bitmap's pixels."""
    image_format = _FORMATS.get(bitmap.mode)
    if image_format is None:
        raise ValueError(f"pdfium bitmap mode {bitmap.mode!r} has no QImage format here")
    image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, image_format)
    return image.copy()


def render_page(page: pdfium.PdfPage, dpi: float) -> QImage:
    """One page at ``dpi`` dots per inch."""
    bitmap = page.render(scale=dpi / POINTS_PER_INCH, rev_byteorder=True, prefer_bgrx=True)
    try:
        return bitmap_image(bitmap)
    finally:
        bitmap.close()


@contextmanager
def open_pdf(pdf: bytes) -> Iterator[pdfium.PdfDocument]:
    """``pdf`` opened in PDFium, with :data:`PDFIUM` held until it is closed again."""
    with PDFIUM:
        import pypdfium2 as pdfium  # on the first preview or print, not at start-up

        document = pdfium.PdfDocument(pdf)
        try:
            yield document
        finally:
            document.close()  # closes its pages too, still under the lock


def page_images(pdf: bytes, dpi: float = SCREEN_DPI) -> list[QImage]:
    """Every page of ``pdf`` as an image."""
    with open_pdf(pdf) as document:
        images = []
        for i in range(len(document)):
            page = document[i]
            images.append(render_page(page, dpi))
            page.close()
        return images


def page_size(page: pdfium.PdfPage) -> QPageSize:
    width, height = page.get_size()
    return QPageSize(
        QSizeF(width, height), QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch
    )


def fit(image: QImage, area: QRectF) -> QRectF:
    """``image`` scaled into ``area`` keeping its proportions, at the top left."""
    scale = min(area.width() / image.width(), area.height() / image.height())
    return QRectF(area.left(), area.top(), image.width() * scale, image.height() * scale)


class PdfPrinter:
    """Paints PDF documents onto one printer job, page after page.

    ``with PdfPrinter(printer) as out: out.add(pdf)``; raises :class:`PrintFailed` when the
    printer cannot start the job or take another page.
    """

    def __init__(self, printer: QPrinter, dpi: float = PRINT_DPI) -> None:
        self.printer = printer
        self.dpi = dpi
        self.painter = QPainter()
        self.pages = 0

    def __enter__(self) -> PdfPrinter:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.painter.isActive():
            self.painter.end()

    def add(self, pdf: bytes) -> None:
        """Print every page of ``pdf``."""
        with open_pdf(pdf) as document:
            for i in range(len(document)):
                page = document[i]
                self._next_page(page_size(page))
                image = render_page(page, self.dpi)
                page.close()
                self.painter.drawImage(fit(image, QRectF(self.painter.viewport())), image)

    def _next_page(self, size: QPageSize) -> None:
        self.printer.setPageSize(size)
        self.printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        if self.pages == 0:
            self.printer.setFullPage(True)
            if not self.painter.begin(self.printer):
                raise PrintFailed(
                    self._failure(
                        QCoreApplication.translate(
                            "Printing", "The printer could not start the job."
                        )
                    )
                )
        elif not self.printer.newPage():
            raise PrintFailed(
                self._failure(
                    QCoreApplication.translate("Printing", "The printer refused the next page.")
                )
            )
        self.pages += 1

    def _failure(self, what: str) -> str:
        name = self.printer.printerName() or self.printer.outputFileName() or "?"
        if self.pages == 0:
            sent = QCoreApplication.translate("Printing", "Nothing was printed.")
        else:
            sent = QCoreApplication.translate(
                "Printing", "Pages 1 to {page} were sent, the rest was not."
            ).format(page=self.pages)
        return QCoreApplication.translate(
            "Printing",
            "{what} Check that the printer {printer} is on, has paper and can be reached. {sent}",
        ).format(what=what, printer=name, sent=sent)


def print_pdf(printer: QPrinter, pdf: bytes) -> int:
    """Print one PDF; returns the number of pages sent.  Raises :class:`PrintFailed`."""
    with PdfPrinter(printer) as out:
        out.add(pdf)
        return out.pages
