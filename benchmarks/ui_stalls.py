"""How long the window stops answering: the longest pause of its event loop per action.

A user feels a window "hang" when its event loop cannot run: nothing repaints, no key is
taken.  A 5 ms heartbeat timer runs beside each action; the figure is the longest time
between two beats (less the beat itself) over the action and the 0.6 s after it (so a
list's lazy page loads, a preview's worker and the home page's counts are inside).
Target: no action over ~100 ms (issue 12).

Actions, on the benchmark's data set: the window opened (its build, its first paint and what
its start does after: the home page's counts, the owner's audit check), each module page
shown for the first time and again,
searches typed into the customer and item lists key by key, an order opened, a delivery
note's print preview.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from benchmarks.harness import Report, Row, Scale
from retailerp.domain.security import Actor
from retailerp.persistence.engine import Database
from retailerp.services import Page, Services

BEAT_MS = 5
SETTLE_S = 0.6
TYPED = (("customers", "上海华联"), ("customers", "shhl"), ("items", "绿茶"))


class StallMeter:
    """The longest pause of the Qt event loop while something runs and settles."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self._timer = QTimer()
        self._timer.setInterval(BEAT_MS)
        self._timer.timeout.connect(self._beat)
        self._last = time.perf_counter()
        self.longest = 0.0

    def _beat(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last - BEAT_MS / 1000)
        self._last = now

    def measure(self, action: Callable[[], object]) -> float:
        """Milliseconds of the longest pause during ``action`` and the settling after it."""
        from PySide6.QtWidgets import QApplication

        settle(0.05)
        self.longest = 0.0
        self._timer.start()
        self._last = time.perf_counter()
        action()  # if it blocks the loop, the next beat comes that much later
        settle(SETTLE_S)
        self._timer.stop()
        QApplication.processEvents()
        return self.longest * 1000


def settle(seconds: float) -> None:
    """Let the event loop run for ``seconds``."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def _type(widget, text: str) -> Callable[[], None]:
    """Type ``text`` one key at a time, as a user does (each key lets the loop run); an
    input method hands Chinese characters over as text, as ``insert`` does."""

    def typing() -> None:
        widget.clear()
        for char in text:
            widget.insert(char)
            settle(0.08)

    return typing


def bench(scale: Scale, db: Database, report: Report) -> None:
    from retailerp.ui.app import application, build_main_window, install_cjk_font

    app = application()
    install_cjk_font(app)
    services = Services.over(db, actor=Actor("owner"))
    meter = StallMeter()
    built = []

    def open_window() -> None:
        built.append(build_main_window(services, db.label, db.journal_mode))
        built[0].show()

    opened = meter.measure(open_window)
    figures = [("open the window (build, show, the home counts, the audit check)", opened)]
    window = built[0]
    for key in window.module_keys():
        first = meter.measure(lambda key=key: window.show_module(key))
        again = meter.measure(lambda key=key: window.show_module(key))
        figures.append((f"show {key}, first time", first))
        figures.append((f"show {key}, again", again))
    for key, text in TYPED:
        window.show_module(key)
        page = window.module_widget(key)
        figures.append((f"type {text!r} into {key}", meter.measure(_type(page.search, text))))
    window.show_module("orders")
    orders = window.module_widget("orders")
    order = services.orders.page(Page(limit=1))[0]
    figures.append(("open an order", meter.measure(lambda: orders.open_order(order.id))))
    figures.append(("print preview of a delivery note", meter.measure(_preview(services))))
    for name, ms in figures:
        report.add(Row(f"UI stall: {name} ({scale.dataset} data set)", ms, "ms", note="≤ 100"))
    for dialog in app.topLevelWidgets():
        dialog.close()
    window.close()
    window.deleteLater()
    settle(0.1)


def _preview(services: Services) -> Callable[[], None]:
    from retailerp.ui.printing import PrintPreviewDialog

    delivery = services.orders.deliveries_page(Page(limit=1))[0]
    shown: list[PrintPreviewDialog] = []

    def open_preview() -> None:
        dialog = PrintPreviewDialog(None, services, delivery.number)
        dialog.show()
        shown.append(dialog)

    return open_preview
