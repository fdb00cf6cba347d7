"""The search box waits for a pause in typing, and takes Chinese text from input methods."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from retailerp.ui.widgets import SearchBox


def commit(box: SearchBox, text: str, preedit: str = "") -> None:
    """What a pinyin input method sends when the user picks characters."""
    event = QInputMethodEvent(preedit, [])
    event.setCommitString(text)
    QApplication.sendEvent(box, event)


def make_box(qtbot) -> SearchBox:
    box = SearchBox()
    qtbot.addWidget(box)
    return box


def test_many_keystrokes_make_one_search(qtbot) -> None:
    box = make_box(qtbot)
    searches: list[str] = []
    box.search_changed.connect(searches.append)

    qtbot.keyClicks(box, "acme trading")
    assert searches == []  # still typing
    qtbot.waitUntil(lambda: searches != [], timeout=1000)
    qtbot.wait(box.debounce_ms * 2)

    assert searches == ["acme trading"]


def test_chinese_committed_by_an_input_method_is_searched(qtbot) -> None:
    box = make_box(qtbot)
    texts: list[str] = []
    box.textChanged.connect(texts.append)

    with qtbot.waitSignal(box.search_changed, timeout=1000) as searched:
        commit(box, "", preedit="zhongguo")  # still composing: not text yet
        assert texts == [] and box.text() == ""
        commit(box, "中国")

    assert texts == ["中国"]  # QLineEdit.textChanged fires for committed IME text
    assert searched.args == ["中国"]


def test_more_characters_committed_while_waiting_make_one_search(qtbot) -> None:
    box = make_box(qtbot)
    searches: list[str] = []
    box.search_changed.connect(searches.append)

    commit(box, "上")
    commit(box, "海")
    qtbot.waitUntil(lambda: searches != [], timeout=1000)
    qtbot.wait(box.debounce_ms * 2)

    assert searches == ["上海"]


def test_clearing_searches_at_once_and_the_same_text_is_not_searched_twice(qtbot) -> None:
    box = make_box(qtbot)
    searches: list[str] = []
    box.search_changed.connect(searches.append)
    box.setText("  widget ")
    box.flush()

    box.setText("widget")  # stripped, it is the same search
    box.flush()
    box.clear()

    assert searches == ["widget", ""]


def test_escape_clears_and_return_searches_now(qtbot) -> None:
    box = make_box(qtbot)
    searches: list[str] = []
    box.search_changed.connect(searches.append)

    qtbot.keyClicks(box, "bolt")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert searches == ["bolt"]

    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert box.text() == ""
    assert searches == ["bolt", ""]
