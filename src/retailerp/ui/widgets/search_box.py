"""A search field that tells the list what to look for once the user pauses typing."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

DEBOUNCE_MS = 150


class SearchBox(QLineEdit):
    """``search_changed(text)`` fires once typing pauses for ``debounce_ms`` milliseconds.

    Text committed by an input method (pinyin, wubi…) changes ``text()`` like typing does,
    so it is searched too; the pre-edit text still being composed is not.  Return searches
    at once; Escape clears a non-empty box (and otherwise passes on, e.g. to a dialog);
    ↓ emits ``enter_list()`` (the list under it takes the keyboard).
    The emitted text is stripped, and the same text is never emitted twice in a row.
    """

    search_changed = Signal(str)
    enter_list = Signal()

    def __init__(self, parent: QWidget | None = None, *, debounce_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(parent)
        self.setClearButtonEnabled(True)
        self.setPlaceholderText(self.tr("Search…"))
        self._last = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self.flush)
        self.textChanged.connect(self._on_text_changed)
        self.returnPressed.connect(self.flush)

    @property
    def debounce_ms(self) -> int:
        return self._timer.interval()

    def search_text(self) -> str:
        """The text that was last emitted."""
        return self._last

    def flush(self) -> None:
        """Emit the current text now, if it differs from the last emitted text."""
        self._timer.stop()
        text = self.text().strip()
        if text != self._last:
            self._last = text
            self.search_changed.emit(text)

    def _on_text_changed(self, text: str) -> None:
        if not text:  # the clear button: show everything again without waiting
            self.flush()
        else:
            self._timer.start()

    def event(self, event: QEvent) -> bool:
        # Claim Escape before a window's Escape shortcut (a dialog's cancel) sees it.
        if event.type() == QEvent.Type.ShortcutOverride and self._clears_on(event):
            event.accept()
            return True
        return super().event(event)

    def _clears_on(self, event: QEvent) -> bool:
        return (
            isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape and bool(self.text())
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if self._clears_on(event):
            self.clear()
            event.accept()
            return
        if event.key() == Qt.Key.Key_Down and not event.modifiers():
            self.flush()
            self.enter_list.emit()
            event.accept()
            return
        super().keyPressEvent(event)
