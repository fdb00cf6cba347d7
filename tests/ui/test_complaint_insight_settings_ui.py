"""The complaint insight screen shows the service's figures; the complaints tab of the
settings saves typed values and marks a refused field."""

from __future__ import annotations

import threading
from dataclasses import replace

from PySide6.QtCore import QThreadPool

from retailerp.services import Services
from retailerp.ui.complaints.insight_page import ComplaintInsightPage
from retailerp.ui.settings_complaints import ComplaintSettingsPage


def cells(table) -> list[list[str]]:  # noqa: ANN001
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_the_insight_screen_shows_counts_and_times(qtbot, services: Services, english):
    s = services
    customer = s.customers.create({"code": "C001", "name": "华联超市", "credit_limit": "9"})
    for _ in range(2):
        ticket = s.complaints.create({"customer_id": customer.id, "description": "wet"})
        s.complaints.record_cause(ticket.id, ticket.version, {"cause_category": "storage"})
    page = ComplaintInsightPage(s)
    qtbot.addWidget(page)
    assert page.loading is not None  # the page is up; the figures are read in a worker
    assert page.summary.text() == "Loading the figures…"
    qtbot.waitUntil(lambda: page.loading is None)
    assert page.summary.text() == "2 complaints in the period"
    assert cells(page.counts["cause"]) == [["storage", "2"]]
    assert cells(page.counts["repeat"]) == [["华联超市", "2"]]
    times = cells(page.times)
    assert [row[0] for row in times] == ["minor", "general", "major", "critical"]
    assert times[0][1:4] == ["2", "0", "2"] and times[0][6] == "0 h 20 min"
    s.complaints.create({"customer_id": customer.id, "description": "late"})
    page.refresh()
    qtbot.waitUntil(lambda: page.loading is None)
    assert cells(page.counts["customer"]) == [["华联超市", "3"]]


def test_a_late_answer_for_an_older_period_does_not_replace_the_newer_one(
    qtbot, services: Services, english, monkeypatch
):
    s = services
    customer = s.customers.create({"code": "C001", "name": "华联超市", "credit_limit": "9"})
    s.complaints.create({"customer_id": customer.id, "description": "wet"})
    real = s.complaints.insight
    release = threading.Event()
    asked: list[int] = []

    def slow_for_a_year(days: int):  # noqa: ANN202 - the service's own answer
        asked.append(days)
        if days == 365:
            release.wait(10)
        return replace(real(days), tickets=days)

    monkeypatch.setattr(s.complaints, "insight", slow_for_a_year)
    page = ComplaintInsightPage(s)  # reads the default year, which hangs ...
    qtbot.addWidget(page)
    page.period.setCurrentIndex(0)  # ... while the clerk picks 30 days
    qtbot.waitUntil(lambda: page.insight is not None)
    assert page.insight.tickets == 30 and page.loading is None
    release.set()  # the year's answer comes back late
    qtbot.waitUntil(
        lambda: len(asked) == 2 and not QThreadPool.globalInstance().activeThreadCount()
    )
    qtbot.wait(50)
    assert page.insight.tickets == 30
    assert page.summary.text() == "30 complaints in the period"


def test_the_settings_tab_saves_and_marks_a_refused_field(qtbot, services: Services, english):
    page = ComplaintSettingsPage(services)
    qtbot.addWidget(page)
    assert page.editors["resolution.general"].text() == "720"
    assert page.save() is True  # nothing changed: nothing saved
    page.editors["resolution.general"].setText("600")
    page.editors["hours.0"].setText("09:00-17:30")
    assert page.save() not in (None, True)
    assert services.complaints.settings_text()["hours.0"] == "09:00-17:30"
    page.editors["bad_batch_limit"].setText("0")
    assert page.save() is None
    assert page.editors["bad_batch_limit"].styleSheet() != ""
    assert "at least 1" in page.errors.text()
    assert services.complaints.settings().bad_batch_limit == 3
