"""Print preview of a posted document: paper, copies and language; print or save the PDF.

The PDF comes from ``services.printing.pdf``; its pages are rendered by pypdfium2 and shown
one under the other.  "Print…" asks the system's print dialog and paints the pages at
300 dpi; a printer that fails gives a message and nothing else.  "Save PDF…" writes the bytes.

The PDF is made and its pages rendered off the UI thread (``ui/tasks.LatestRead``): the
dialog says "Rendering…" meanwhile, and ``rendered(ok)`` is emitted when the pages are shown
(``rendering`` is False again).  A new render started before the last one ended wins: the
older result is dropped when it arrives.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from retailerp import i18n
from retailerp.domain.errors import DomainError
from retailerp.printing import PRESETS
from retailerp.services import Services
from retailerp.services.changes import Change
from retailerp.ui.changes import watch
from retailerp.ui.errors import message_for, show_error
from retailerp.ui.printing.e_invoice import EInvoiceBar, is_invoice
from retailerp.ui.printing.pages import PrintFailed, page_images, print_pdf
from retailerp.ui.returns.chain import ChainLinks
from retailerp.ui.styles import ERROR_STYLE
from retailerp.ui.tasks import LatestRead, Progress

PAPER_TEXT = {"241x140": "241 × 140 mm", "241x93": "241 × 93 mm"}


def warn(parent: QWidget | None, title: str, text: str) -> None:
    """A warning box (tests replace this module function)."""
    QMessageBox.warning(parent, title, text)


def paper_combo(parent: QWidget, current: str = "A4") -> QComboBox:
    """The page presets: A4, A5 and the continuous forms."""
    combo = QComboBox(parent)
    for name in PRESETS:
        combo.addItem(PAPER_TEXT.get(name, name), name)
    combo.setCurrentIndex(max(combo.findData(current), 0))
    return combo


def language_combo(parent: QWidget, current: str | None = None) -> QComboBox:
    """The languages a document can be printed in, each named in itself."""
    combo = QComboBox(parent)
    for code, name in i18n.available_languages():
        combo.addItem(name, code)
    combo.setCurrentIndex(max(combo.findData(current or i18n.current_language()), 0))
    return combo


def copies_box(parent: QWidget, current: int = 1) -> QSpinBox:
    """1 to 3 parts (two- and three-part continuous forms)."""
    box = QSpinBox(parent)
    box.setRange(1, 3)
    box.setValue(current)
    return box


PREVIEW_SHOWS = (Change.SETTINGS, Change.INVOICES, Change.PAYMENTS)
"""What a posted document's print can change with: the company's details, paid and open."""


def _make_pages(
    _progress: Progress, services: Services, number: str, options: dict[str, object]
) -> tuple[bytes, list[QImage]]:
    """In a worker thread: the PDF of ``number`` and its pages as images (no widgets)."""
    pdf = services.printing.pdf(number, **options)
    return pdf, page_images(pdf)


class PrintPreviewDialog(QDialog):
    """The pages of document ``number`` as they will print."""

    rendered = Signal(bool)
    """The pages of the latest render are shown (True) or its error is (False)."""

    def __init__(
        self,
        parent: QWidget | None,
        services: Services,
        number: str,
        *,
        preset: str = "A4",
        copies: int = 1,
        language: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.number = number
        self.pdf: bytes = b""
        self.page_labels: list[QLabel] = []
        self.windows: list[QWidget] = []
        self.renders = LatestRead(self, self._rendered)
        self.setObjectName("print_preview")
        self.setWindowTitle(self.tr("Print preview – {number}").format(number=number))
        self.paper = paper_combo(self, preset)
        self.copies = copies_box(self, copies)
        self.language = language_combo(self, language)
        self.message = QLabel(self)
        self.message.setObjectName("preview_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.status = QLabel(self)
        self.status.setObjectName("preview_status")
        self.pages = QWidget(self)
        self.pages_layout = QVBoxLayout(self.pages)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.buttons = self._build_buttons()
        self._build_layout()
        for signal in (
            self.paper.currentIndexChanged,
            self.copies.valueChanged,
            self.language.currentIndexChanged,
        ):
            signal.connect(lambda *_: self.render())
        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self)
        shortcut.activated.connect(lambda: self.print_document())
        self.resize(900, 760)
        self.watcher = watch(self, services.changes, PREVIEW_SHOWS, self.render)
        self.render()

    def _build_buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(self)
        role = QDialogButtonBox.ButtonRole.ActionRole
        self.print_button = buttons.addButton(self.tr("&Print…"), role)
        self.print_button.clicked.connect(lambda: self.print_document())
        self.save_button = buttons.addButton(self.tr("&Save PDF…"), role)
        self.save_button.clicked.connect(lambda: self.save_pdf())
        if is_invoice(self.number):  # what the invoices list offers on a selected invoice
            self.return_button = buttons.addButton(self.tr("Re&turn…"), role)
            self.return_button.clicked.connect(lambda: self.return_goods())
        buttons.addButton(QDialogButtonBox.StandardButton.Close).clicked.connect(self.reject)
        return buttons

    def _build_layout(self) -> None:
        options = QHBoxLayout()
        for text, widget in (
            (self.tr("P&aper"), self.paper),
            (self.tr("&Copies"), self.copies),
            (self.tr("&Language"), self.language),
        ):
            label = QLabel(text, self)
            label.setBuddy(widget)
            options.addWidget(label)
            options.addWidget(widget)
        options.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.pages)
        layout = QVBoxLayout(self)
        layout.addLayout(options)
        if is_invoice(self.number):
            self.e_invoice = EInvoiceBar(self.services, self.number, self)
            self.e_invoice.recorded.connect(lambda _number: self.render())
            layout.addWidget(self.e_invoice)
        # a delivery, invoice, return or red invoice names its return chain, each one opening
        self.chain = ChainLinks(self.services, self)
        self.chain.show_for(self.number)
        layout.addWidget(self.chain)
        layout.addWidget(self.message)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)

    # -- rendering -----------------------------------------------------------------------

    def options(self) -> dict[str, object]:
        return {
            "preset": self.paper.currentData(),
            "copies": self.copies.value(),
            "language": self.language.currentData(),
        }

    @property
    def rendering(self) -> bool:
        """A render is under way (its pages are not shown yet)."""
        return self.renders.task is not None

    def render(self) -> None:
        """Make the PDF with the chosen options in a worker; its pages show when it ends."""
        self.status.setText(self.tr("Rendering…"))
        self.print_button.setEnabled(False)
        self.save_button.setEnabled(False)
        self.renders.start(_make_pages, self.services, self.number, self.options())

    def _rendered(
        self, result: tuple[bytes, list[QImage]] | None, error: BaseException | None
    ) -> None:
        """The newest render's pages (an older render's are stale and never come here)."""
        self.status.clear()
        if result is not None:
            self.pdf, images = result
            self.message.clear()
            self._show_pages([QPixmap.fromImage(image) for image in images])
        else:
            self._show_pages([])
            self.pdf = b""
            if isinstance(error, DomainError):
                self.message.setText(error.render(i18n.translate))
            else:  # said in the dialog, not in a modal box over it
                self.message.setText(message_for(error))
        self.rendered.emit(result is not None)

    def _show_pages(self, pixmaps: list[QPixmap]) -> None:
        for label in self.page_labels:
            self.pages_layout.removeWidget(label)
            label.deleteLater()
        self.page_labels = []
        for n, pixmap in enumerate(pixmaps, 1):
            label = QLabel(self.pages)
            label.setObjectName(f"page_{n}")
            label.setPixmap(pixmap)
            label.setFrameShape(QLabel.Shape.Box)
            self.pages_layout.addWidget(label)
            self.page_labels.append(label)
        self.print_button.setEnabled(bool(pixmaps))
        self.save_button.setEnabled(bool(pixmaps))

    def pixmaps(self) -> list[QPixmap]:
        """The page images shown, first page first."""
        return [label.pixmap() for label in self.page_labels]

    # -- output --------------------------------------------------------------------------

    def print_document(self, printer: QPrinter | None = None) -> bool:
        """Print through the system's print dialog (or on ``printer`` as given)."""
        if not self.pdf or self.rendering:
            return False
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setDocName(self.number)
            if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
                return False
        try:
            print_pdf(printer, self.pdf)
        except PrintFailed as failure:
            self._failed(str(failure))
            return False
        except Exception as error:  # noqa: BLE001 - a broken driver must not end the program
            show_error(self, error)
            return False
        self.message.clear()
        return True

    def save_pdf(self, path: str | Path | None = None) -> bool:
        """Write the PDF to ``path`` (asked for when not given)."""
        if not self.pdf or self.rendering:
            return False
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save PDF"), f"{self.number}.pdf", self.tr("PDF files (*.pdf)")
            )
            if not path:
                return False
        try:
            Path(path).write_bytes(self.pdf)
        except OSError as error:
            self._failed(
                self.tr("The PDF could not be saved to {path}: {reason}").format(
                    path=path, reason=error.strerror or message_for(error)
                )
            )
            return False
        return True

    def return_goods(self) -> QWidget | None:
        """ "Return…" on the invoice shown: the return form for the delivery it billed, by
        the same path as the invoices list's button."""
        from retailerp.ui.returns.links import return_from_invoice

        try:
            invoice = self.services.invoices.get(self.number)
            window = return_from_invoice(self, self.services, invoice.id or 0)
        except DomainError as error:
            self.message.setText(message_for(error))
            return None
        if window is not None:
            self.windows.append(window)
        return window

    def _failed(self, text: str) -> None:
        self.message.setText(text)
        warn(self, self.tr("Not printed"), text)
