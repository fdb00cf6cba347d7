"""A popup list of candidates under a line edit, chosen with the arrow keys and Enter.

The completer is attached with ``setWidget`` only (not ``QLineEdit.setCompleter``), so it
never rewrites the text and never filters: the database already chose the candidates.
While the popup is open it receives the keys; Enter on a highlighted row emits
``chosen(row)``.  Enter typed into the edit itself (a scanner, a test) is the edit's own
business, see :func:`is_enter`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCompleter, QLineEdit

MAX_CANDIDATES = 20


def is_enter(event: QEvent) -> bool:
    """A key press of Return or Enter without Ctrl (Ctrl+Enter confirms an order)."""
    return (
        event.type() == QEvent.Type.KeyPress
        and isinstance(event, QKeyEvent)
        and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
    )


def is_key(event: QEvent, key: Qt.Key) -> bool:
    return (
        event.type() == QEvent.Type.KeyPress
        and isinstance(event, QKeyEvent)
        and event.key() == key
        and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
    )


class LookupPopup(QObject):
    """``chosen(row)``: the user picked candidate ``row`` from the popup."""

    chosen = Signal(int)

    def __init__(self, edit: QLineEdit) -> None:
        super().__init__(edit)
        self._texts: list[str] = []
        self._model = QStringListModel(self)
        self.completer = QCompleter(self)
        self.completer.setModel(self._model)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setMaxVisibleItems(12)
        self.completer.setWidget(edit)
        self.completer.activated.connect(self._activated)

    def texts(self) -> list[str]:
        return list(self._texts)

    def set_texts(self, texts: list[str], *, show: bool) -> None:
        """Replace the candidates; ``show`` opens the popup when there are any."""
        self._texts = list(texts)
        self._model.setStringList(self._texts)
        if show and self._texts:
            self.completer.complete()
        elif not self._texts:
            self.hide()

    def show(self) -> None:
        if self._texts:
            self.completer.complete()

    def hide(self) -> None:
        self.completer.popup().hide()

    def visible(self) -> bool:
        return self.completer.popup().isVisible()

    def highlighted_row(self) -> int | None:
        """The row highlighted in the open popup, or ``None``."""
        popup = self.completer.popup()
        index = popup.currentIndex()
        if not popup.isVisible() or not index.isValid():
            return None
        text = index.data()
        return self._texts.index(text) if text in self._texts else None

    def _activated(self, text: str) -> None:
        if text in self._texts:
            self.hide()
            self.chosen.emit(self._texts.index(text))
