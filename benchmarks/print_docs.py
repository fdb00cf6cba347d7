"""Printing against bare ReportLab: a 1-page delivery note, a 100-line one, a batch of notes.

The baseline lays out the same table (the same rows, the same embedded CJK font file,
registered as a stock ``TTFont``, the same A4 page) with plain ReportLab ``SimpleDocTemplate``
and ``Table``: what ReportLab itself costs for this page.  It runs in the same process, so
it writes its PDF with the same process-wide ReportLab settings (the C accelerator, binary
streams) as RetailERP does.  The batch (1,000 notes at size small and large) is laid out by
``printing.render_many`` on both cores against the baseline one after another on one; its CPU
time in all processes is given beside it.
"""

from __future__ import annotations

import io
import resource
import statistics
import time
from datetime import date
from decimal import Decimal

from benchmarks.harness import Report, Row, Scale, paired
from retailerp import printing
from retailerp.domain.money import Money, line_amounts, total
from retailerp.printing import render
from retailerp.printing.model import ORDER_NUMBER, Party, PrintDocument, PrintLine, Totals

COMPANY = Party(name="杭州示例商贸有限公司", code="", address="浙江省杭州市西湖区文三路 100 号",
                phone="0571-8888 0000", tax_id="91330100MA2XXXXX1X")  # fmt: skip
CUSTOMER = Party(name="上海华联超市有限公司", code="C0042", address="上海市闵行区七莘路 1 号",
                 phone="021-6666 1234", contact="王经理")  # fmt: skip


def note(lines: int, number: int = 1) -> PrintDocument:
    """A delivery note of ``lines`` lines (Chinese names, prices, batches)."""
    rows = []
    for n in range(1, lines + 1):
        qty, price = Decimal(n % 9 + 1), Money.of("12.80")
        amounts = line_amounts(qty, price, Decimal("0.13"))
        rows.append(
            PrintLine(no=n, code=f"SKU-{n:04d}", name=f"测试商品 {n} 号 Test item", spec="规格 A",
                      unit="件", quantity=qty, unit_price=price, amount=amounts.net,
                      vat_rate=Decimal("0.13"), vat=amounts.vat, batch=f"B{n:03d}",
                      bin=f"A-{n % 7}-{n % 5}")
        )  # fmt: skip
    sums = total([line_amounts(r.quantity, r.unit_price, r.vat_rate) for r in rows])
    return PrintDocument(
        kind="delivery_note", number=f"DN2026-{number:06d}", doc_date=date(2026, 3, 5),
        company=COMPANY, customer=CUSTOMER, lines=rows,
        totals=Totals(net=sums.net, vat=sums.vat, gross=sums.gross),
        references={ORDER_NUMBER: "SO2026-000321"},
    )  # fmt: skip


BARE_FONT = "Bare-WQYMicroHei"
"""The same font file registered as plain ReportLab registers it (RetailERP's own face keeps
the tables it reads and compresses its subsets at its own level, see ``printing.styles``)."""
BARE_FACE = b"BareWQYMicroHei"
"""The stock face's own name.  ``registerFont`` keeps one font per face name: a second font
of a face already registered is entered as the first, so under the file's own face name the
baseline printed with RetailERP's font object, its kept tables and compression included."""


def bare_font() -> str:
    """Register the CJK font file as a stock ReportLab ``TTFont`` (once); returns its name."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from retailerp.fonts import CJK_SUBFONT_INDEX, cjk_font_path

    if BARE_FONT not in pdfmetrics.getRegisteredFontNames():
        font = TTFont(BARE_FONT, str(cjk_font_path()), subfontIndex=CJK_SUBFONT_INDEX)
        font.face.name = BARE_FACE
        pdfmetrics.registerFont(font)
        if pdfmetrics.getFont(BARE_FONT) is not font:
            raise RuntimeError("the baseline's font is not a stock TTFont of its own")
    return BARE_FONT


def bare_reportlab(doc: PrintDocument) -> bytes:
    """The same table in plain ReportLab: one build, no page marks."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    style = ParagraphStyle("cell", fontName=bare_font(), fontSize=9)
    buffer = io.BytesIO()
    data = [["No", "Code", "Name", "Unit", "Qty", "Price", "Amount"]]
    data += [
        [str(line.no), line.code, Paragraph(line.name, style), line.unit, str(line.quantity),
         str(line.unit_price), str(line.amount)]
        for line in doc.lines
    ]  # fmt: skip
    story = [Paragraph(f"{doc.company.name} 送货单 {doc.number}", style), Table(data, repeatRows=1)]
    SimpleDocTemplate(buffer, pagesize=A4, invariant=True).build(story)
    return buffer.getvalue()


def render_many(docs: list[PrintDocument]) -> list[bytes]:
    """The batch as the program lays it out (one after another where it cannot do more)."""
    many = getattr(printing, "render_many", None)
    return many(docs) if many is not None else [render(doc) for doc in docs]


def _timed(work) -> float:  # noqa: ANN001
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


BATCH = 1000
"""Issue 12's batch: a day's 1,000 delivery notes (size tiny keeps its few, for CI)."""


def batch_size(scale: Scale) -> int:
    return scale.notes if scale.name == "tiny" else max(scale.notes, BATCH)


def _cpu() -> float:
    """CPU seconds used so far by this process and its finished children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


class _Fresh:
    """A new one-page note (a new number) for each pair: nothing kept from an earlier run of
    the same document (RetailERP keeps a number's QR symbol) counts for the figure."""

    def __init__(self) -> None:
        self.number = 1000
        self.doc = note(3, self.number)

    def ours(self) -> float:
        self.number += 1
        self.doc = note(3, self.number)
        return _timed(lambda: render(self.doc))

    def bare(self) -> float:
        return _timed(lambda: bare_reportlab(self.doc))


def bench(scale: Scale, report: Report) -> None:
    one, hundred = note(3), note(100)
    render(one)
    bare_reportlab(one)  # fonts loaded, modules imported
    repeat = max(3, scale.repeat * 2)
    fresh = _Fresh()
    result = paired(fresh.ours, fresh.bare, repeat)
    report.add(
        Row(
            "print 1-page delivery note",
            result.a * 1000,
            "ms",
            result.b * 1000,
            result.ratio,
            "baseline: the same table in bare ReportLab",
        )
    )
    result = paired(
        lambda: _timed(lambda: render(hundred)),
        lambda: _timed(lambda: bare_reportlab(hundred)),
        repeat,
    )
    report.add(
        Row("print 100-line delivery note", result.a * 1000, "ms", result.b * 1000, result.ratio)
    )
    notes = [note(3, n) for n in range(1, batch_size(scale) + 1)]
    cpu: list[float] = []

    def batch_run() -> float:
        before = _cpu()
        seconds = _timed(lambda: render_many(notes))
        cpu.append(_cpu() - before)
        return seconds

    batch = paired(
        batch_run,
        lambda: _timed(lambda: [bare_reportlab(d) for d in notes]),
        max(1, scale.repeat // 2),
    )
    report.add(
        Row(
            f"print {len(notes)} one-page notes (both cores)",
            batch.a,
            "s",
            batch.b,
            batch.ratio,
            "baseline: bare ReportLab one after another; "
            f"CPU {statistics.median(cpu):.1f} s in all processes",
        )
    )
