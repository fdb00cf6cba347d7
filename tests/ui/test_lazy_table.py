"""The lazy table model loads pages by keyset and leaves sorting and searching to the source."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTableView

from retailerp.ui.models import DEFAULT_PAGE_SIZE, ROW_ROLE, SORT_ROLE, LazyTableModel, PageQuery
from ui.fakes import Customer, FakeCustomerSource

PAGE = DEFAULT_PAGE_SIZE


def names(model: LazyTableModel) -> list[str]:
    return [model.row_at(i).name for i in range(model.rowCount())]


@pytest.mark.qt_log_level_fail("WARNING")
def test_the_model_keeps_qts_contract(qtmodeltester, source: FakeCustomerSource) -> None:
    model = LazyTableModel(source)
    qtmodeltester.check(model)  # Qt's own C++ tester; its complaints are warnings
    model.sort(1, Qt.SortOrder.DescendingOrder)
    model.set_search("客户00")
    model.fetchMore(QModelIndex())
    model.reload_row(model.row_at(0).id)


def test_the_model_keeps_qts_contract_in_the_python_tester(
    qtmodeltester, source: FakeCustomerSource
) -> None:
    model = LazyTableModel(source, page_size=50)
    qtmodeltester.check(model, force_py=True)
    model.sort(2)
    model.set_search("上海")


def test_only_the_first_page_is_loaded_at_first(source: FakeCustomerSource) -> None:
    model = LazyTableModel(source)

    assert model.rowCount() == PAGE
    assert model.canFetchMore(QModelIndex())
    assert source.queries == [PageQuery(sort_key="name", limit=PAGE)]


def test_without_autoload_the_first_fetch_more_loads_the_first_page(qtbot, source) -> None:
    model = LazyTableModel(source, autoload=False)
    assert source.queries == [] and model.rowCount() == 0
    failures: list[Exception] = []
    model.load_failed.connect(failures.append)  # connected before anything is loaded

    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    qtbot.waitUntil(lambda: model.rowCount() == PAGE)

    assert source.queries[0].after is None
    assert failures == []


def test_fetch_more_continues_after_the_cursor_of_the_last_row(source) -> None:
    model = LazyTableModel(source, page_size=100)
    last = model.row_at(99)

    model.fetchMore(QModelIndex())

    assert source.queries[-1].after == (last.name, last.id)
    assert model.rowCount() == 200
    assert names(model) == sorted(names(model))
    assert len({model.row_at(i).id for i in range(200)}) == 200


def test_scrolling_to_the_bottom_loads_page_after_page(qtbot, source) -> None:
    model = LazyTableModel(source)
    view = QTableView()
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.setModel(model)
    view.show()
    qtbot.waitExposed(view)
    counts = [model.rowCount()]

    for _ in range(3):
        view.scrollToBottom()
        qtbot.waitUntil(lambda: model.rowCount() > counts[-1])
        counts.append(model.rowCount())

    assert counts == [PAGE, 2 * PAGE, 3 * PAGE, 4 * PAGE]
    assert [q.after is None for q in source.queries] == [True, False, False, False]


def test_a_view_taller_than_the_first_page_asks_for_rows_until_it_is_full(qtbot, source) -> None:
    model = LazyTableModel(source, page_size=5)  # five rows fill no window
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(600, 400)
    view.show()
    qtbot.waitExposed(view)

    qtbot.waitUntil(lambda: view.rowAt(view.viewport().height() - 1) != -1)  # rows to the end
    assert model.rowCount() > 5
    assert [q.after is None for q in source.queries][:2] == [True, False]


def test_a_row_past_the_loaded_pages_is_found_by_reading_on() -> None:
    small = FakeCustomerSource(300)
    model = LazyTableModel(small, page_size=50)  # sorted by name
    wanted = max(small.rows, key=lambda c: (c.name, c.id)).id  # the last row of the list
    row = model.find_row(lambda c: c.id == wanted)

    assert row >= 50 and model.row_at(row).id == wanted
    assert model.find_row(lambda c: c.name == "nobody") == -1
    assert model.fully_loaded  # looking for what is not there reads to the end


def test_the_last_page_stops_fetching() -> None:
    small = FakeCustomerSource(450)
    model = LazyTableModel(small)

    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())

    assert model.rowCount() == 450
    assert model.fully_loaded
    assert len(small.queries) == 450 // PAGE + 1  # the last, short page says it was the last


def test_sorting_asks_the_source_again_with_the_new_sort_key(qtbot, source) -> None:
    model = LazyTableModel(source)
    model.fetchMore(QModelIndex())
    with qtbot.waitSignal(model.modelReset):
        model.sort(2, Qt.SortOrder.DescendingOrder)

    assert source.queries[-1] == PageQuery(sort_key="balance", descending=True, limit=PAGE)
    assert model.rowCount() == PAGE
    assert model.sort_column() == 2
    assert model.sort_order() == Qt.SortOrder.DescendingOrder
    balances = [model.row_at(i).balance for i in range(PAGE)]
    assert balances == sorted(balances, reverse=True)


def test_descending_pages_continue_in_descending_order(source) -> None:
    model = LazyTableModel(source, sort_key="balance", descending=True)
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())

    keys = [(model.row_at(i).balance, model.row_at(i).id) for i in range(model.rowCount())]
    assert keys == sorted(keys, reverse=True)
    assert len(keys) == 3 * PAGE


def test_a_column_that_cannot_be_sorted_is_not_sent_to_the_source(source) -> None:
    model = LazyTableModel(source)

    model.sort(3)

    assert len(source.queries) == 1
    assert model.query.sort_key == "name"


def test_searching_resets_and_asks_for_the_first_matching_page(qtbot, source) -> None:
    model = LazyTableModel(source)
    model.fetchMore(QModelIndex())

    with qtbot.waitSignal(model.modelReset):
        model.set_search(" 杭州 ")

    assert source.queries[-1] == PageQuery(search="杭州", sort_key="name", limit=PAGE)
    assert {model.row_at(i).city for i in range(model.rowCount())} == {"杭州"}


def test_filters_reach_the_source(source) -> None:
    model = LazyTableModel(source)

    model.set_filters({"blocked": True})

    assert source.queries[-1].filters == {"blocked": True}
    assert model.rowCount() == PAGE
    assert all(model.row_at(i).blocked for i in range(model.rowCount()))


def test_the_same_search_twice_does_not_query_again(source) -> None:
    model = LazyTableModel(source)
    model.set_search("上海")
    model.set_search("上海")

    assert len(source.queries) == 2


def test_roles_give_display_text_raw_value_row_alignment_and_colour(source) -> None:
    model = LazyTableModel(source, sort_key="balance", descending=True)
    index = model.index(0, 2)
    row: Customer = model.data(index, ROW_ROLE)

    assert model.data(index) == f"¥{row.balance:,.2f}"
    assert model.data(index, SORT_ROLE) == row.balance
    assert model.data(index, Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Balance"
    assert model.row_at(index) is row


def test_blocked_rows_are_coloured_by_the_source(source) -> None:
    model = LazyTableModel(source)
    model.set_filters({"blocked": True})

    assert model.data(model.index(0, 0), Qt.ItemDataRole.ForegroundRole) == QColor("red")


def test_refresh_reloads_as_many_rows_as_were_loaded(source) -> None:
    model = LazyTableModel(source)
    model.fetchMore(QModelIndex())
    first = model.row_at(0)
    source.rows.remove(first)
    source._sorted.clear()

    model.refresh()

    assert source.queries[-1].limit == 2 * PAGE
    assert source.queries[-1].after is None
    assert model.rowCount() == 2 * PAGE
    assert model.row_of(first.id) == -1


def test_reload_row_repaints_one_row_and_drops_a_deleted_one(qtbot, source) -> None:
    model = LazyTableModel(source)
    target = model.row_at(5)
    source.rows[target.id - 1] = Customer(target.id, target.name, "西安", target.balance, False)

    with qtbot.waitSignal(model.dataChanged) as changed:
        model.reload_row(target.id)
    assert changed.args[0].row() == 5
    assert model.row_at(5).city == "西安"

    source.rows.remove(model.row_at(5))
    with qtbot.waitSignal(model.rowsRemoved):
        model.reload_row(target.id)
    assert model.rowCount() == PAGE - 1
    assert model.row_of(target.id) == -1


def test_a_failing_source_is_reported_not_raised(qtbot, source) -> None:
    model = LazyTableModel(source)
    source.fail_next = True

    with qtbot.waitSignal(model.load_failed) as failed:
        model.fetchMore(QModelIndex())

    assert isinstance(failed.args[0], OSError)
    assert model.rowCount() == PAGE
    assert not model.canFetchMore(QModelIndex())
