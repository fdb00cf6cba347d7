"""The installed PySide6 must not lose references to None or True.

PySide6 6.12.0 on Python 3.11 drops one reference to ``None`` on every call of a method that
returns nothing and one to ``True`` on every signal emit; after a few thousand calls Python
aborts with "deallocating None".  pyproject.toml pins PySide6 below 6.12; this test keeps
the pin honest."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject


def test_calling_a_void_qt_method_keeps_none_alive() -> None:
    obj = QObject()
    before = sys.getrefcount(None), sys.getrefcount(True)

    for _ in range(1000):
        obj.setObjectName("x")  # returns nothing
        obj.objectNameChanged.emit("x")  # returns True

    lost = [b - sys.getrefcount(x) for b, x in zip(before, (None, True), strict=True)]
    assert max(lost) < 10
