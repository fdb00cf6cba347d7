"""Batch printing from a list selection: one worker renders and prints (or saves) each.

The work runs off the UI thread through :func:`retailerp.ui.tasks.run_task` behind a
progress dialog that says "n of N" and can be cancelled between documents.  Without a
printer the documents are saved into a folder as ``NUMBER.pdf``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from retailerp.services import Services
from retailerp.ui.errors import show_error
from retailerp.ui.printing import preview
from retailerp.ui.printing.pages import PdfPrinter, PrintFailed
from retailerp.ui.tasks import Progress, TaskHandle, run_task


@dataclass(frozen=True)
class BatchOptions:
    """Paper, parts and language of every document; ``folder`` None prints on paper."""

    preset: str = "A4"
    copies: int = 1
    language: str | None = None
    folder: Path | None = None


@dataclass(frozen=True)
class BatchResult:
    done: tuple[str, ...]
    total: int
    folder: Path | None
    cancelled: bool


class BatchPrint(QObject):
    """One batch of documents.  ``finished(BatchResult)`` follows the last one (or a
    cancellation); ``reports`` keeps every ``(done, total)`` the progress bar was shown."""

    finished = Signal(object)

    def __init__(
        self,
        parent: QWidget | None,
        services: Services,
        numbers: Sequence[str],
        options: BatchOptions,
        printer: QPrinter | None = None,
    ) -> None:
        super().__init__(parent)
        if options.folder is None and printer is None:
            raise ValueError("a batch prints on a printer or saves into a folder")
        self.widget = parent
        self.services = services
        self.numbers = list(numbers)
        self.options = options
        self.printer = printer
        self.reports: list[tuple[int, int]] = []
        self.result: BatchResult | None = None
        self.handle: TaskHandle | None = None

    def start(self) -> TaskHandle:
        title = self.tr("Printing {n} documents…").format(n=len(self.numbers))
        self.handle = run_task(
            self.widget, title, self._work, on_done=self._done, on_error=self._failed
        )
        self.handle.progressed.connect(self._progressed)
        return self.handle

    # -- worker thread -------------------------------------------------------------------

    def _work(self, progress: Progress) -> BatchResult:
        total, done = len(self.numbers), []
        with self._output() as out:
            for number in self.numbers:
                if progress.cancelled:
                    break
                progress.report(len(done), total, self._step_text(number, len(done), total))
                self._one(out, number)
                done.append(number)
                progress.report(len(done), total, self._step_text(number, len(done), total))
        return BatchResult(tuple(done), total, self.options.folder, progress.cancelled)

    @contextmanager
    def _output(self) -> Iterator[PdfPrinter | None]:
        if self.options.folder is not None:
            self.options.folder.mkdir(parents=True, exist_ok=True)
            yield None
            return
        assert self.printer is not None
        with PdfPrinter(self.printer) as out:
            yield out

    def _one(self, out: PdfPrinter | None, number: str) -> None:
        pdf = self.services.printing.pdf(
            number, self.options.preset, self.options.copies, self.options.language
        )
        if out is None:
            assert self.options.folder is not None
            (self.options.folder / f"{number}.pdf").write_bytes(pdf)
        else:
            out.add(pdf)

    @staticmethod
    def _step_text(number: str, done: int, total: int) -> str:
        return QCoreApplication.translate("BatchPrint", "{number}: {done} of {total}").format(
            number=number, done=done, total=total
        )

    # -- UI thread -----------------------------------------------------------------------

    def _progressed(self, done: int, total: int, _text: str) -> None:
        self.reports.append((done, total))

    def _done(self, result: BatchResult) -> None:
        self.result = result
        self.finished.emit(result)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, PrintFailed):
            preview.warn(self.widget, self.tr("Not printed"), str(error))
        else:
            show_error(self.widget, error)


def default_folder() -> Path:
    return Path.home() / "RetailERP prints"


class BatchOptionsDialog(QDialog):
    """Paper, copies, language, and where to: a printer or a folder."""

    def __init__(self, parent: QWidget | None, count: int) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print {n} documents").format(n=count))
        self.paper = preview.paper_combo(self)
        self.copies = preview.copies_box(self)
        self.language = preview.language_combo(self)
        self.to_printer = QRadioButton(self.tr("On a &printer"), self)
        self.to_folder = QRadioButton(self.tr("Into a &folder, one NUMBER.pdf each"), self)
        self.folder = QLineEdit(str(default_folder()), self)
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.clicked.connect(self._browse)
        has_printer = bool(QPrinterInfo.availablePrinterNames())
        (self.to_printer if has_printer else self.to_folder).setChecked(True)
        self._layout(browse)

    def _layout(self, browse: QPushButton) -> None:
        form = QFormLayout()
        form.addRow(self.tr("P&aper"), self.paper)
        form.addRow(self.tr("&Copies"), self.copies)
        form.addRow(self.tr("&Language"), self.language)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.to_printer)
        layout.addWidget(self.to_folder)
        layout.addLayout(folder_row)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder"), self.folder.text())
        if folder:
            self.folder.setText(folder)
            self.to_folder.setChecked(True)

    def options(self) -> BatchOptions:
        folder = Path(self.folder.text().strip()) if self.to_folder.isChecked() else None
        return BatchOptions(
            self.paper.currentData(), self.copies.value(), self.language.currentData(), folder
        )


def ask_options(parent: QWidget | None, count: int) -> BatchOptions | None:
    """The options for a batch of ``count`` documents, or ``None`` (tests replace this)."""
    dialog = BatchOptionsDialog(parent, count)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.options()


def ask_printer(parent: QWidget | None) -> QPrinter | None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if QPrintDialog(printer, parent).exec() != QDialog.DialogCode.Accepted:
        return None
    return printer


def print_selected(
    parent: QWidget | None, services: Services, numbers: Sequence[str]
) -> BatchPrint | None:
    """Ask how, then print or save ``numbers`` in the background."""
    if not numbers:
        return None
    options = ask_options(parent, len(numbers))
    if options is None:
        return None
    printer = ask_printer(parent) if options.folder is None else None
    if options.folder is None and printer is None:
        return None
    batch = BatchPrint(parent, services, numbers, options, printer)
    batch.start()
    return batch
