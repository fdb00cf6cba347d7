"""A list page opened with filters of its own reads its first page once, filtered (issue 12:
the items and complaints pages read everything unfiltered first, then again)."""

from __future__ import annotations

import pytest

from retailerp.services import Services
from retailerp.ui.complaints.list_page import ComplaintsPage, TicketSource
from retailerp.ui.items import ItemListPage
from retailerp.ui.sources import ItemSource


def counted(monkeypatch: pytest.MonkeyPatch, source: type) -> list[dict[str, object]]:
    """The filters of every page read through ``source``."""
    reads: list[dict[str, object]] = []
    fetch = source.fetch

    def counting(self, query):  # noqa: ANN001, ANN202 - the wrapped method's own signature
        reads.append(dict(query.filters))
        return fetch(self, query)

    monkeypatch.setattr(source, "fetch", counting)
    return reads


def test_the_items_page_reads_its_first_page_once_with_its_filters(
    qtbot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    services.items.create({"sku": "TEA-1", "name": "绿茶", "unit": "pcs"})
    reads = counted(monkeypatch, ItemSource)
    page = ItemListPage(services)
    qtbot.addWidget(page)
    assert reads == [page.filters()]
    assert [page.model.row_at(i).sku for i in range(page.model.rowCount())] == ["TEA-1"]
    page.apply_filters()  # the same filters again: nothing to read
    assert len(reads) == 1


def test_the_complaints_page_reads_only_the_open_tickets_first(
    qtbot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads = counted(monkeypatch, TicketSource)
    page = ComplaintsPage(services)
    qtbot.addWidget(page)
    assert len(reads) == 1 and reads[0]["open_only"] is True
    assert page.model.rowCount() == 0 and not page.model.deferred
    page.open_only.setChecked(False)
    assert len(reads) == 2 and reads[1]["open_only"] is False
    qtbot.waitUntil(lambda: page.escalating is None)


def test_the_places_tab_reads_nothing_until_shown_then_once_with_its_filter(
    qtbot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    from retailerp.ui.stock import StockPage
    from retailerp.ui.stock.locations import LocationsTab
    from retailerp.ui.stock.sources import LocationSource

    reads = counted(monkeypatch, LocationSource)
    page = StockPage(services)
    qtbot.addWidget(page)
    assert reads == []  # its tab is not shown: the stock page's first show reads no places
    page.tabs.setCurrentWidget(page.locations)
    assert reads == [{"active": True}]  # in use, the filter's first entry
    assert page.locations.model.rowCount() > 0  # the standard places

    alone = LocationsTab(services)  # not deferred: one read, already filtered
    qtbot.addWidget(alone)
    assert reads[1:] == [{"active": True}]
