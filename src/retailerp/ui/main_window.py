"""The application shell: a list of modules on the left, the chosen module on the right.

The shell knows no service.  The code that wires the application together registers each
module with :meth:`MainWindow.add_module`, giving a factory that builds the module's widget
(with its services) the first time the user opens it.  The module ``home`` (today's work)
answers Ctrl+0; Ctrl+1 … Ctrl+9 are the other modules in order.  The status bar names the
database, its journal mode and the user; the window keeps its size and state in
``QSettings`` when :meth:`MainWindow.remember_layout` is given one.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QSettings, QSize, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from retailerp.ui import styles
from retailerp.ui.styles import icon

WidgetFactory = Callable[[], QWidget]


def screen(module: str, name: str, *args: object) -> WidgetFactory:
    """A factory for :meth:`MainWindow.add_module` that imports ``module`` and builds its
    ``name(*args)`` when the module is first opened: start-up imports no screen it does not
    show."""

    def build() -> QWidget:
        return getattr(importlib.import_module(module), name)(*args)

    build.module = module  # type: ignore[attr-defined]  # for MainWindow.screen_modules
    return build

MAX_SHORTCUTS = 9
HOME = "home"
DEFAULT_SIZE = QSize(1200, 720)
"""The first size of the window (it fits a 1366 × 768 screen with the task bar)."""


@dataclass
class _Module:
    key: str
    title: str
    factory: WidgetFactory
    widget: QWidget | None = None


class MainWindow(QMainWindow):
    """Navigation list + stacked module widgets, menus, status bar.

    Signals: ``module_changed(key)`` after a module is shown; ``settings_requested()`` from
    File ▸ Settings…; ``about_requested()`` from Help ▸ About (after the default box).
    """

    module_changed = Signal(str)
    settings_requested = Signal()
    about_requested = Signal()
    closing = Signal()
    logout_requested = Signal()
    """File ▸ Log out / switch user… (Ctrl+Shift+L): whoever wired the window logs out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._modules: list[_Module] = []
        self._about_text = ""
        self._nav = QListWidget()
        self._nav.setObjectName("navigation")
        self._nav.setMaximumWidth(220)
        self._nav.setIconSize(QSize(20, 20))
        self._nav.setSpacing(2)
        self._stack = QStackedWidget()
        self._nav.currentRowChanged.connect(self._on_row_changed)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self._nav)
        layout.addWidget(self._stack, 1)
        self.setCentralWidget(central)
        self._layout_settings: QSettings | None = None
        self._status_labels = self._build_status_bar()
        self._office_labels = self._build_office_labels()
        self._build_menus()
        self._build_shortcuts()
        self.set_database_label("")
        self.resize(DEFAULT_SIZE)

    # -- modules -------------------------------------------------------------------------

    def screen_modules(self) -> list[str]:
        """The modules of the screens not built yet that :func:`screen` will import."""
        found = (getattr(m.factory, "module", None) for m in self._modules if m.widget is None)
        return [name for name in found if name]

    def add_module(
        self, key: str, title: str, widget_factory: WidgetFactory, icon: QIcon | None = None
    ) -> None:
        """Register a module; its widget is built when first shown.  The first one shows."""
        if any(m.key == key for m in self._modules):
            raise ValueError(f"module {key!r} is already registered")
        self._modules.append(_Module(key, title, widget_factory))
        item = QListWidgetItem(title)
        item.setIcon(icon if icon is not None else styles.icon(key))
        self._nav.addItem(item)
        if len(self._modules) == 1:
            self._nav.setCurrentRow(0)

    def module_keys(self) -> list[str]:
        return [m.key for m in self._modules]

    def current_module(self) -> str | None:
        row = self._nav.currentRow()
        return self._modules[row].key if 0 <= row < len(self._modules) else None

    def module_widget(self, key: str) -> QWidget | None:
        """The module's widget, or ``None`` if it has not been opened yet."""
        return next((m.widget for m in self._modules if m.key == key), None)

    def show_module(self, key: str) -> None:
        keys = self.module_keys()
        if key not in keys:
            raise KeyError(key)
        self._nav.setCurrentRow(keys.index(key))

    def show_module_at(self, number: int) -> None:
        """Show the module at ``number`` (0-based); ignored when there is none."""
        if 0 <= number < len(self._modules):
            self._nav.setCurrentRow(number)

    def show_numbered(self, digit: int) -> None:
        """Ctrl+digit: 0 is the home page, 1 … 9 the other modules in order."""
        keys = [k for k in self.module_keys() if k != HOME]
        if digit == 0:
            if HOME in self.module_keys():
                self.show_module(HOME)
        elif digit <= len(keys):
            self.show_module(keys[digit - 1])

    def open_list(self, key: str, filters: Mapping[str, object], label: str) -> QWidget | None:
        """Show module ``key`` with its list showing only ``filters`` (named ``label``).

        The module's widget does it through ``show_preset(filters, label)`` when it has one."""
        if key not in self.module_keys():
            return None
        self.show_module(key)
        widget = self.module_widget(key)
        show_preset = getattr(widget, "show_preset", None)
        if filters and callable(show_preset):
            show_preset(dict(filters), label)
        return widget

    def _on_row_changed(self, row: int) -> None:
        if not 0 <= row < len(self._modules):
            return
        module = self._modules[row]
        if module.widget is None:
            module.widget = module.factory()
            self._stack.addWidget(module.widget)
        self._stack.setCurrentWidget(module.widget)
        self.module_changed.emit(module.key)

    # -- window dressing -----------------------------------------------------------------

    def set_database_label(self, text: str) -> None:
        """Show which database is open (a file name or a server) in the title bar."""
        if text:
            self.setWindowTitle(self.tr("RetailERP — {database}").format(database=text))
        else:
            self.setWindowTitle(self.tr("RetailERP"))

    def set_connection_info(self, database: str, journal_mode: str, user: str) -> None:
        """The status bar's permanent fields: the database, its journal mode, the user."""
        labels = self._status_labels
        labels["database"].setText(self.tr("Database: {name}").format(name=database))
        labels["database"].setToolTip(database)
        labels["journal"].setText(self.tr("Mode: {mode}").format(mode=journal_mode))
        labels["journal"].setVisible(bool(journal_mode))
        labels["user"].setText(self.tr("User: {user}").format(user=user))

    def status_texts(self) -> dict[str, str]:
        """What the status bar's permanent fields say (for tests and screenshots)."""
        return {key: label.text() for key, label in self._status_labels.items()}

    def set_office_status(self, key: str, text: str, tooltip: str = "") -> None:
        """One of the office fields of the status bar: ``connected`` ("3 connected", the
        tooltip lists who), ``network`` (the file is on a network share), ``audit`` (the
        audit trail's check failed); empty text hides it."""
        label = self._office_labels[key]
        label.setText(text)
        label.setToolTip(tooltip)
        label.setVisible(bool(text))

    def office_status(self) -> dict[str, tuple[str, str]]:
        """The office fields' (text, tooltip), shown or not (for tests)."""
        return {key: (label.text(), label.toolTip()) for key, label in self._office_labels.items()}

    def _build_office_labels(self) -> dict[str, QLabel]:
        labels: dict[str, QLabel] = {}
        for key in ("audit", "network", "connected"):
            label = QLabel(self)
            label.setObjectName(f"status_{key}")
            label.setContentsMargins(6, 0, 6, 0)
            if key == "audit":
                label.setStyleSheet(styles.ERROR_STYLE)
            label.setVisible(False)
            self.statusBar().insertPermanentWidget(0, label)
            labels[key] = label
        return labels

    def _build_status_bar(self) -> dict[str, QLabel]:
        labels: dict[str, QLabel] = {}
        for key in ("database", "journal", "user"):
            label = QLabel(self)
            label.setObjectName(f"status_{key}")
            label.setContentsMargins(6, 0, 6, 0)
            self.statusBar().addPermanentWidget(label)
            labels[key] = label
        return labels

    # -- size and state ------------------------------------------------------------------

    def remember_layout(self, settings: QSettings) -> None:
        """Restore the size, position and state saved in ``settings``; save them on close."""
        self._layout_settings = settings
        geometry = settings.value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)  # type: ignore[arg-type]
        state = settings.value("main_window/state")
        if state is not None:
            self.restoreState(state)  # type: ignore[arg-type]

    def save_layout(self) -> None:
        if self._layout_settings is None:
            return
        self._layout_settings.setValue("main_window/geometry", self.saveGeometry())
        self._layout_settings.setValue("main_window/state", self.saveState())
        self._layout_settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.save_layout()
        super().closeEvent(event)
        if event.isAccepted():
            self.closing.emit()

    def set_about_text(self, text: str) -> None:
        """The text of Help ▸ About (version, licence), already translated."""
        self._about_text = text

    def show_status(self, text: str, timeout_ms: int = 5000) -> None:
        self.statusBar().showMessage(text, timeout_ms)

    def show_about(self) -> None:
        text = self._about_text or self.tr("RetailERP")
        QMessageBox.about(self, self.tr("About RetailERP"), text)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.settings_action = QAction(icon("settings"), self.tr("&Settings…"), self)
        self.settings_action.triggered.connect(self.settings_requested.emit)
        file_menu.addAction(self.settings_action)
        self.logout_action = QAction(self.tr("&Log out / switch user…"), self)
        self.logout_action.setObjectName("logout_action")
        self.logout_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.logout_action.triggered.connect(self.logout_requested.emit)
        file_menu.addAction(self.logout_action)
        file_menu.addSeparator()
        self.quit_action = QAction(icon("quit"), self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.refresh_action = QAction(self.tr("&Refresh"), self)
        self.refresh_action.setShortcut(QKeySequence("F5"))
        self.refresh_action.triggered.connect(self.refresh_current)
        view_menu.addAction(self.refresh_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.shortcuts_action = QAction(self.tr("&Keyboard shortcuts"), self)
        self.shortcuts_action.setShortcut(QKeySequence("F1"))
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        help_menu.addAction(self.shortcuts_action)
        self.about_action = QAction(icon("info"), self.tr("&About"), self)
        self.about_action.triggered.connect(self._on_about)
        help_menu.addAction(self.about_action)

    def layout_settings(self) -> QSettings | None:
        """Where the window keeps its size and state (``None``: nowhere)."""
        return self._layout_settings

    def refresh_current(self) -> None:
        """F5: the module on screen loads what it shows again."""
        row = self._nav.currentRow()
        widget = self._modules[row].widget if 0 <= row < len(self._modules) else None
        refresh = getattr(widget, "refresh", None)
        if callable(refresh):
            refresh()

    def show_shortcuts(self) -> QWidget:
        """F1: the keyboard shortcuts, with this window's modules."""
        from retailerp.ui.widgets.shortcuts import ShortcutsDialog

        modules = [(f"Ctrl+{n + 1}", m.title) for n, m in enumerate(self._modules[:MAX_SHORTCUTS])]
        dialog = ShortcutsDialog(modules, self)
        dialog.open()
        return dialog

    def _on_about(self) -> None:
        self.show_about()
        self.about_requested.emit()

    def _build_shortcuts(self) -> None:
        for digit in range(MAX_SHORTCUTS + 1):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{digit}"), self)
            shortcut.activated.connect(lambda n=digit: self.show_numbered(n))
