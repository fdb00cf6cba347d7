"""Print preview and batch printing over a real database: pages shown, paper and copies,
saving and printing the PDF, a printer that fails, a batch with its progress bar."""

from __future__ import annotations

import io
import threading
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter

from retailerp.services import Services
from retailerp.ui.printing import (
    BatchOptions,
    BatchPrint,
    PrintPreviewDialog,
    batch,
    pages,
    preview,
)
from retailerp.ui.sales.deliveries_page import DeliveriesPage

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def shop(services: Services) -> dict[str, int]:
    customer = services.customers.create(
        {"code": "C001", "name": "上海百货有限公司", "credit_limit": "50000"}
    )
    kettle = services.items.create(
        {"sku": "KET-1", "name": "Kettle 电水壶", "price": "200", "vat_rate": "13"}
    )
    a01 = services.stock.add_bin("A-01").id or 0
    services.stock.receive(a01, [{"item_id": kettle.id, "quantity": "20"}])
    return {"customer": customer.id or 0, "kettle": kettle.id or 0}


def picking_of_new_order(services: Services, shop: dict[str, int]) -> tuple[int, str]:
    order = services.orders.create(
        shop["customer"], {}, [{"item_id": shop["kettle"], "quantity": "2"}]
    )
    order = services.orders.confirm(order.id or 0, order.version)
    return order.id or 0, services.orders.start_picking(order.id or 0, order.version).number


def delivery(services: Services, shop: dict[str, int]) -> str:
    order_id, _picking = picking_of_new_order(services, shop)
    order = services.orders.get(order_id)
    return services.orders.ship(order_id, order.version).number


@pytest.fixture
def picking(services: Services, shop: dict[str, int]) -> str:
    return picking_of_new_order(services, shop)[1]


@pytest.fixture
def warnings(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(preview, "warn", lambda _parent, _title, text: shown.append(text))
    return shown


def open_preview(qtbot, services: Services, number: str) -> PrintPreviewDialog:
    dialog = PrintPreviewDialog(None, services, number)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return rendered(qtbot, dialog)


def rendered(qtbot, dialog: PrintPreviewDialog) -> PrintPreviewDialog:
    """``dialog`` once its pages (made in a worker) are shown."""
    qtbot.waitUntil(lambda: not dialog.rendering, timeout=60000)
    return dialog


def test_the_preview_renders_in_a_worker_and_says_so_meanwhile(
    qtbot, services, picking: str
) -> None:
    dialog = PrintPreviewDialog(None, services, picking)
    qtbot.addWidget(dialog)
    assert dialog.rendering and dialog.status.text() == "Rendering…"
    assert dialog.pixmaps() == [] and not dialog.print_button.isEnabled()
    assert not dialog.print_document(QPrinter())  # nothing to print yet
    with qtbot.waitSignal(dialog.rendered, timeout=60000) as signal:
        pass
    assert signal.args == [True] and not dialog.rendering
    assert dialog.status.text() == "" and dialog.pixmaps() and dialog.print_button.isEnabled()


def test_a_newer_render_wins_over_one_still_running(qtbot, services, picking: str) -> None:
    dialog = PrintPreviewDialog(None, services, picking)
    qtbot.addWidget(dialog)
    dialog.copies.setValue(3)  # a second render while the first is under way
    rendered(qtbot, dialog)
    assert len(dialog.pixmaps()) == 3 * page_count(services, picking, "A4")


def test_the_picking_list_preview_shows_its_pages(qtbot, services, picking: str) -> None:
    dialog = open_preview(qtbot, services, picking)
    pixmaps = dialog.pixmaps()
    assert len(pixmaps) >= 1 and not pixmaps[0].isNull()
    assert pixmaps[0].height() / pixmaps[0].width() == pytest.approx(297 / 210, rel=0.01)
    assert dialog.message.text() == ""
    assert dialog.pdf.startswith(b"%PDF")


def test_paper_copies_and_language_render_again(qtbot, services, picking: str) -> None:
    dialog = open_preview(qtbot, services, picking)
    one_copy = len(dialog.pixmaps())
    dialog.paper.setCurrentIndex(dialog.paper.findData("241x93"))
    wide = rendered(qtbot, dialog).pixmaps()[0]
    assert wide.width() > wide.height()  # continuous paper, 241 × 93 mm
    dialog.copies.setValue(3)  # three-part form: every part on its own pages
    assert len(rendered(qtbot, dialog).pixmaps()) == 3 * page_count(services, picking, "241x93")
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    assert rendered(qtbot, dialog).pixmaps() and dialog.message.text() == ""
    assert one_copy >= 1


def page_count(services: Services, number: str, preset: str) -> int:
    return len(PdfReader(io.BytesIO(services.printing.pdf(number, preset))).pages)


def test_save_pdf_and_print_to_a_pdf_printer(qtbot, services, picking: str, tmp_path) -> None:
    dialog = open_preview(qtbot, services, picking)
    saved = tmp_path / "saved.pdf"
    assert dialog.save_pdf(saved)
    assert saved.read_bytes() == dialog.pdf

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert dialog.print_document(printer)
    printed = PdfReader(str(tmp_path / "printed.pdf"))
    assert len(printed.pages) == len(dialog.pixmaps())


def test_a_printer_that_fails_gives_a_message_and_nothing_breaks(
    qtbot, services, picking: str, tmp_path, warnings: list[str]
) -> None:
    dialog = open_preview(qtbot, services, picking)
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "no such folder" / "out.pdf"))
    assert not dialog.print_document(printer)
    assert len(warnings) == 1 and "could not start the job" in warnings[0]
    assert "Nothing was printed" in dialog.message.text()
    assert dialog.pixmaps()  # the preview is still there
    assert not dialog.save_pdf(tmp_path / "no such folder" / "x.pdf")
    assert "could not be saved" in warnings[-1]


def test_a_number_that_is_not_a_document_is_explained(qtbot, services, shop) -> None:
    dialog = open_preview(qtbot, services, "DN2026-999999")
    assert dialog.pixmaps() == []
    assert "DN2026-999999" in dialog.message.text()
    assert not dialog.print_button.isEnabled()


# --- batch ---------------------------------------------------------------------------------


def run_batch(qtbot, services, numbers, options, printer=None) -> BatchPrint:  # noqa: ANN001
    job = BatchPrint(None, services, numbers, options, printer)
    with qtbot.waitSignal(job.finished, timeout=20000):
        job.start()
    return job


def test_a_batch_of_three_delivery_notes_is_saved_with_progress(
    qtbot, services, shop, tmp_path: Path
) -> None:
    numbers = [delivery(services, shop) for _ in range(3)]
    folder = tmp_path / "prints"
    job = run_batch(qtbot, services, numbers, BatchOptions(preset="A5", folder=folder))
    assert job.reports[-1] == (3, 3)
    assert job.handle is not None and job.handle.dialog is not None
    assert job.result is not None and job.result.done == tuple(numbers)
    assert not job.result.cancelled
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{n}.pdf" for n in numbers)
    assert all((folder / f"{n}.pdf").read_bytes().startswith(b"%PDF") for n in numbers)


def test_a_batch_can_be_cancelled_between_documents(
    qtbot, services, shop, tmp_path: Path, monkeypatch
) -> None:
    numbers = [delivery(services, shop) for _ in range(3)]
    entered, release = threading.Event(), threading.Event()
    real_pdf = services.printing.pdf

    def slow_pdf(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        entered.set()
        release.wait(10)
        return real_pdf(*args, **kwargs)

    monkeypatch.setattr(services.printing, "pdf", slow_pdf)
    job = BatchPrint(None, services, numbers, BatchOptions(folder=tmp_path))
    with qtbot.waitSignal(job.finished, timeout=20000):
        handle = job.start()
        assert entered.wait(10)  # the worker is on the first document
        handle.cancel()  # what the progress dialog's Cancel button does
        release.set()
    assert job.result is not None and job.result.cancelled
    assert len(job.result.done) == 1
    assert len(list(tmp_path.glob("DN*.pdf"))) == 1


def test_a_batch_on_a_failing_printer_says_so(
    qtbot, services, shop, tmp_path: Path, warnings: list[str]
) -> None:
    numbers = [delivery(services, shop)]
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "missing" / "out.pdf"))
    job = BatchPrint(None, services, numbers, BatchOptions(), printer)
    job.start()
    qtbot.waitUntil(lambda: bool(warnings), timeout=20000)
    assert "could not start the job" in warnings[0]
    assert job.result is None


def test_print_selected_from_the_delivery_list(
    qtbot, services, shop, tmp_path: Path, monkeypatch
) -> None:
    numbers = [delivery(services, shop) for _ in range(3)]
    page = DeliveriesPage(services)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    monkeypatch.setattr(batch, "ask_options", lambda _p, n: BatchOptions(folder=tmp_path))
    page.select_rows([0, 1, 2])
    job = page.print_selected()
    assert job is not None
    qtbot.waitUntil(lambda: job.result is not None, timeout=20000)
    assert sorted(p.stem for p in tmp_path.glob("*.pdf")) == sorted(numbers)
    assert page.message.text() == f"3 of 3 delivery notes saved in {tmp_path}."


def test_pdfium_is_called_by_one_thread_at_a_time(services: Services, picking: str) -> None:
    """PDFium is not thread-safe: two renders at once crashed the process (CI, signal 11)."""
    pdf = services.printing.pdf(picking, "A4", copies=2)
    alone = [image.copy() for image in pages.page_images(pdf)]
    results: list[list] = []
    with pages.PDFIUM:  # held here: a worker's render must wait for it
        workers = [
            threading.Thread(target=lambda: results.append(pages.page_images(pdf)))
            for _ in range(4)
        ]
        for worker in workers:
            worker.start()
        workers[0].join(0.3)
        assert results == [] and all(worker.is_alive() for worker in workers)
    for worker in workers:
        worker.join(60)
    assert len(results) == 4
    assert all(images == alone for images in results)  # the same pixels, page for page
