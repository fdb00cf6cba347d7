"""Help ▸ Keyboard shortcuts (F1): every key the program answers, in one table."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from retailerp.domain.text import QT_TRANSLATE_NOOP

SHORTCUTS: tuple[tuple[str, str], ...] = (
    ("F1", QT_TRANSLATE_NOOP("Shortcuts", "This list of keyboard shortcuts")),
    ("F5", QT_TRANSLATE_NOOP("Shortcuts", "Load the list on screen again")),
    ("Ctrl+N", QT_TRANSLATE_NOOP("Shortcuts", "New customer, item or order (in its list)")),
    ("Ctrl+S", QT_TRANSLATE_NOOP("Shortcuts", "Save the card or draft; post a stock document")),
    ("Ctrl+Enter", QT_TRANSLATE_NOOP("Shortcuts", "Save and confirm the order")),
    ("Ctrl+R", QT_TRANSLATE_NOOP("Shortcuts", "New goods receipt (in Stock)")),
    ("Esc", QT_TRANSLATE_NOOP("Shortcuts", "Clear the search box; close the window (asks first)")),
    ("↓", QT_TRANSLATE_NOOP("Shortcuts", "From a search box or the item entry into the list")),
    ("Enter", QT_TRANSLATE_NOOP("Shortcuts", "Open the row; in a form, go to the next field")),
    (
        "Enter",
        QT_TRANSLATE_NOOP(
            "Shortcuts", "In the order lines: take the quantity and go back to the item entry"
        ),
    ),
    ("F4", QT_TRANSLATE_NOOP("Shortcuts", "In a date field: the calendar (also Alt+↓)")),
    ("Delete", QT_TRANSLATE_NOOP("Shortcuts", "In the order lines: remove the line")),
    ("Alt+", QT_TRANSLATE_NOOP("Shortcuts", "With the underlined letter: that button or field")),
    ("Ctrl+Shift+L", QT_TRANSLATE_NOOP("Shortcuts", "Log out and let another user log in")),
    ("Ctrl+Q", QT_TRANSLATE_NOOP("Shortcuts", "Quit")),
)
"""The keys every window shares, with what they do (translated when shown)."""


class ShortcutsDialog(QDialog):
    """The shortcuts above plus ``modules`` (``Ctrl+1`` and the module's title)."""

    def __init__(self, modules: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts_dialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = [(key, QCoreApplication.translate("Shortcuts", text)) for key, text in SHORTCUTS]
        opens = self.tr("Open {module}")
        rows += [(key, opens.format(module=title)) for key, title in modules]
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setObjectName("shortcuts")
        self.table.setHorizontalHeaderLabels([self.tr("Key"), self.tr("What it does")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        for row, (key, text) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(key))
            self.table.setItem(row, 1, QTableWidgetItem(text))
        hint = QLabel(self.tr("Buttons show their shortcut in the tooltip."), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(620, 440)

    def texts(self) -> list[tuple[str, str]]:
        """The rows shown: (key, what it does)."""
        return [
            (self.table.item(r, 0).text(), self.table.item(r, 1).text())
            for r in range(self.table.rowCount())
        ]


class ShortcutTips(QObject):
    """Installed on the application: a button with an underlined letter and no tooltip of
    its own gets one naming its key (``Save draft (Alt+S)``) when it is first shown."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Polish and isinstance(watched, QAbstractButton):
            name_the_key(watched)
        return False


def name_the_key(button: QAbstractButton) -> None:
    """Give ``button`` the tooltip ``text (Alt+X)`` when it has a mnemonic and no tooltip."""
    key = QKeySequence.mnemonic(button.text()).toString(QKeySequence.SequenceFormat.NativeText)
    if key and not button.toolTip():
        plain = button.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        button.setToolTip(f"{plain} ({key})")
