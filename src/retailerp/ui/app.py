"""Starting the window: language, fonts, the database, the modules.

:func:`run_gui` is what the ``retailerp`` command runs without a sub-command;
:func:`build_main_window` wires the modules to the services and is what tests build.
"""

from __future__ import annotations

import importlib
import logging
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

# The database layer and the services the window uses at start come before Qt: once PySide6 is
# imported, its ``__feature__`` support looks at every module imported after it (~0.15 s of
# CPU for SQLAlchemy and the tables).  They import no Qt themselves.  The start runs on
# SQLAlchemy Core (``persistence.core_work``); the ORM, the mappings and the repositories are
# imported by the warm-up (:func:`warm_up`) or by the first screen that needs them.
import retailerp.persistence.backup
import retailerp.persistence.core_work
import retailerp.services.audit
import retailerp.services.home
import retailerp.services.office
import retailerp.services.users  # noqa: F401

# isort: split
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QSettings, QTimer, QTranslator
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from retailerp import __version__, collector, i18n
from retailerp.config import LocalSettings, config_dir, default_database
from retailerp.domain.errors import DomainError
from retailerp.fonts import CJK_FONT_NAME, cjk_font_path
from retailerp.persistence import migrate
from retailerp.persistence.engine import Database, open_database
from retailerp.services import Services
from retailerp.ui import auto_backup
from retailerp.ui.audit import register_audit_module
from retailerp.ui.complaints import register_complaints_module
from retailerp.ui.errors import message_for
from retailerp.ui.home import register_home_module
from retailerp.ui.login import sign_in
from retailerp.ui.main_window import MainWindow, screen
from retailerp.ui.office import OfficeMonitor, check_audit_trail
from retailerp.ui.red_invoices import register_red_invoice_module
from retailerp.ui.returns import register_returns_modules
from retailerp.ui.sales import register_sales_modules
from retailerp.ui.widgets.shortcuts import ShortcutTips

if TYPE_CHECKING:  # the settings and the modules' screens are imported when opened
    from retailerp.ui.settings_dialog import SettingsDialog

log = logging.getLogger(__name__)

APP_NAME = "RetailERP"
WARM_UP_AFTER_MS = 500
"""How long the window stands idle before :func:`warm_up` starts."""

_cjk_family: str | None = None

_translators: list[QTranslator] = []
"""The translators :func:`use_language` installed (replaced on a language switch)."""

_windows: list[MainWindow] = []
"""The main window on screen (a language switch puts a new one in its place)."""


# --- the application object, language and fonts ----------------------------------------


def application() -> QApplication:
    """The running ``QApplication`` (tests have one already), or a new one."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    if app.findChild(ShortcutTips) is None:
        app.installEventFilter(ShortcutTips(app))
    return app


def pick_language(language: str | None) -> str:
    """The argument, else this PC's setting, else the system's language."""
    known = {code for code, _ in i18n.available_languages()}
    for candidate in (language, LocalSettings.load().language):
        if candidate and candidate in known:
            return candidate
    return i18n.system_language()


def install_translators(app: QApplication, code: str) -> list[QTranslator]:
    """Translate the program and Qt's own texts (buttons, dialogs) into ``code``."""
    i18n.set_language(code)
    installed: list[QTranslator] = []
    if code == i18n.SOURCE_LANGUAGE:
        return installed
    catalogues: list[tuple[str, str]] = []
    ours = i18n.qm_path(code)
    if ours is not None:
        catalogues.append((ours.stem, str(ours.parent)))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    catalogues.append((f"qtbase_{code}", qt_dir))
    for name, directory in catalogues:
        translator = QTranslator(app)
        if translator.load(name, directory):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            log.warning("No translation %s in %s", name, directory)
    return installed


def remove_translators(app: QApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
        translator.deleteLater()


def use_language(app: QApplication, code: str) -> None:
    """Speak ``code`` from now on: the translators of the language before are removed."""
    remove_translators(app, _translators)
    _translators[:] = install_translators(app, code)


def install_cjk_font(app: QApplication) -> str | None:
    """Register the shipped CJK font and add it as the fallback for Chinese text.

    Latin text keeps the system font; Chinese shows even where no CJK font is installed.
    Returns the family name, or ``None`` when the font could not be loaded.
    """
    global _cjk_family
    if _cjk_family is None:
        try:
            path = cjk_font_path()
        except FileNotFoundError:
            log.warning("The CJK font is missing; Chinese may not show", exc_info=True)
            return None
        font_id = QFontDatabase.addApplicationFont(str(path))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if not families:
            log.warning("Qt could not load the CJK font %s", path)
            return None
        _cjk_family = CJK_FONT_NAME if CJK_FONT_NAME in families else families[0]
    font = app.font()
    if _cjk_family not in font.families():
        font.setFamilies([*font.families(), _cjk_family])
        app.setFont(font)
    return _cjk_family


# --- the database -----------------------------------------------------------------------


def is_url(target: str) -> bool:
    return "://" in target


def confirm_create(path: Path) -> bool:
    """Ask before making a new, empty database at a path the user named."""
    answer = QMessageBox.question(
        None,
        QCoreApplication.translate("App", "New database"),
        QCoreApplication.translate(
            "App", "There is no database at {path}. Create a new, empty one there?"
        ).format(path=path),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def report_open_failure(error: BaseException) -> None:
    """Say why the database cannot be used (a domain message; never a traceback)."""
    if isinstance(error, DomainError):
        text = error.render(i18n.translate)
    else:
        log.error("Opening the database failed", exc_info=error)
        text = message_for(error, i18n.translate)
    QMessageBox.critical(None, QCoreApplication.translate("App", "Cannot open the database"), text)


def prepare_target(database: str | None) -> str | int:
    """The database to open, or the exit code when the user declined to create it."""
    if database is None:
        target = default_database()
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            report_open_failure(error)
            return 2
        return str(target)
    path = Path(database).expanduser()
    if is_url(database) or path.exists() or confirm_create(path):
        return database
    return 1


def open_shop_database(database: str | None, journal_mode: str) -> Database | int:
    """The open, migrated database, or the exit code when it cannot be used.

    ``None`` is this user's default file (its folder is made); a named file that does not
    exist is created only if the user agrees (else exit code 1); a database that cannot be
    opened or upgraded is reported (exit code 2).
    """
    target = prepare_target(database)
    if isinstance(target, int):
        return target
    try:
        db = open_database(target, journal_mode=journal_mode)
    except Exception as error:  # noqa: BLE001 - reported in words, the program ends cleanly
        report_open_failure(error)
        return 2
    try:
        backup = migrate.upgrade(db, backup_dir=auto_backup.upgrade_folder(db))
    except Exception as error:  # noqa: BLE001 - same
        db.dispose()
        report_open_failure(error)
        return 2
    if backup is not None:
        log.info("Backup before upgrade: %s", backup)
    return db


# --- the window ---------------------------------------------------------------------------


def build_main_window(services: Services, db_label: str, journal_mode: str = "") -> MainWindow:
    """The main window with the working modules: today's work, customers, items, stock,
    orders, deliveries, invoices; the status bar names the database, its mode, the user."""
    window = MainWindow()
    register_home_module(window, services)
    window.add_module(
        "customers",
        QCoreApplication.translate("App", "Customers"),
        screen("retailerp.ui.customers.list_page", "CustomerListPage", services),
    )
    window.add_module(
        "items",
        QCoreApplication.translate("App", "Items"),
        screen("retailerp.ui.items.list_page", "ItemListPage", services),
    )
    window.add_module(
        "stock",
        QCoreApplication.translate("App", "Stock"),
        screen("retailerp.ui.stock.page", "StockPage", services),
    )
    register_sales_modules(window, services)
    register_returns_modules(window, services)
    register_complaints_module(window, services)
    register_red_invoice_module(window, services)
    window.add_module(
        "consignment",
        QCoreApplication.translate("App", "Consignment"),
        screen("retailerp.ui.consignment.page", "ConsignmentPage", services),
    )
    register_audit_module(window, services)
    window.set_database_label(db_label)
    window.set_connection_info(db_label, journal_text(journal_mode), actor_text(services))
    window.set_about_text(
        QCoreApplication.translate(
            "App",
            "RetailERP {version}\nCustomers, items, stock and sales for a shop or a small office.",
        ).format(version=__version__)
    )
    window.settings_requested.connect(lambda: open_settings(window, services, db_label))
    window.logout_requested.connect(
        lambda: QTimer.singleShot(0, window, lambda: switch_user(window, services, db_label))
    )
    window.office = OfficeMonitor(window, services)  # type: ignore[attr-defined]
    QTimer.singleShot(0, window, lambda: check_audit_trail(window, services))
    QTimer.singleShot(WARM_UP_AFTER_MS, window, lambda: warm_up(window))
    return window


def warm_up(window: MainWindow) -> threading.Thread:
    """What start-up left for later, done on a thread of its own once the window is idle:
    the ORM's unit of work is imported with the repositories and the mappings (the start
    ran on Core alone; ~0.3 s), SQLAlchemy configures the mappings (the first ORM query
    would, ~0.15 s), the screens not opened yet are imported (each module's first show
    would, 0.1-0.2 s) and printing is prepared (ReportLab, the layouts and the CJK font: the
    first preview's worker would, ~0.4 s of Python that starves the UI thread meanwhile),
    so none of it lands on the user's first click.  All is plain Python
    under its own locks: a click meanwhile waits for the part it needs or finds it done.
    A failure here is logged; the screen that needs the module imports it again when
    opened and reports it there."""
    modules = window.screen_modules()

    def work() -> None:
        try:
            importlib.import_module("retailerp.persistence.unit_of_work")
            from retailerp.persistence import mappers

            mappers.configure()
            for name in modules:
                importlib.import_module(name)
            importlib.import_module("retailerp.ui.printing.pages")  # pypdfium2, the preview's
            from retailerp import printing

            printing.prepare()
        except Exception:  # noqa: BLE001 - the UI thread will meet it again and say so
            log.exception("Warming up failed")
        finally:
            collector.resume()  # what the session needs is made: collect from here on

    thread = threading.Thread(target=work, name="warm-up", daemon=True)
    thread.start()
    return thread


def window_settings() -> QSettings:
    """Where this PC keeps the window's size and state: beside its ``settings.json``."""
    return QSettings(str(config_dir() / "window.ini"), QSettings.Format.IniFormat)


def journal_text(mode: str) -> str:
    """The journal mode in a shop owner's words."""
    texts = {
        "wal": QCoreApplication.translate("App", "fast (this PC's disk)"),
        "delete": QCoreApplication.translate("App", "shared folder (safe on a network)"),
        "": QCoreApplication.translate("App", "database server"),
    }
    return texts.get(mode.lower(), mode)


def actor_text(services: Services) -> str:
    """``Wang Fang — boss (owner)``: who logged in and the role."""
    actor = services.ctx.actor
    role = i18n.translate("terms", actor.role_label)
    if actor.display_name and actor.display_name != actor.username:
        return f"{actor.display_name} — {actor.username} ({role})"
    return f"{actor.username} ({role})"


def open_settings(window: MainWindow, services: Services, db_label: str = "") -> SettingsDialog:
    """The settings dialog, window-modal; a saved change that needs a restart is told, a
    new language is used at once (:func:`switch_language`)."""
    from retailerp.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(services, parent=window)
    dialog.setObjectName("settings_dialog")

    def saved(restart: bool) -> None:
        if restart:
            window.show_status(
                QCoreApplication.translate(
                    "App",
                    "Settings saved. Restart RetailERP to use the new journal mode or database.",
                ),
                0,
            )
        else:
            window.show_status(QCoreApplication.translate("App", "Settings saved."))

    def language(code: str) -> None:  # once the dialog has closed
        QTimer.singleShot(0, window, lambda: switch_language(window, services, db_label, code))

    dialog.saved.connect(saved)
    dialog.language_changed.connect(language)
    dialog.open()
    return dialog


# --- a new language without a restart ------------------------------------------------------


def language_name(code: str) -> str:
    return dict(i18n.available_languages()).get(code, code)


def unsaved_windows(window: MainWindow) -> list[QWidget]:
    """The windows opened from ``window`` (cards, orders, receipts) holding unsaved work."""
    return [w for w in _open_windows(window) if _unsaved(w)]


def _open_windows(window: MainWindow) -> list[QWidget]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if w is not window and w.isVisible() and _opened_from(w, window)
    ]


def _opened_from(widget: QWidget, window: MainWindow) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if parent is window:
            return True
        parent = parent.parentWidget()
    return False


def _unsaved(widget: QWidget) -> bool:
    for name in ("dirty", "unsaved"):
        value = getattr(widget, name, None)
        value = value() if callable(value) else value
        if value is True:
            return True
    form = getattr(widget, "form", None)
    return bool(getattr(form, "dirty", False))


def confirm_language_switch(window: MainWindow, language: str, unsaved: int) -> bool:
    """Whether to drop the unsaved work of ``unsaved`` windows to switch now."""
    answer = QMessageBox.question(
        window,
        QCoreApplication.translate("App", "Language"),
        QCoreApplication.translate(
            "App",
            "To show RetailERP in {language} now its windows are opened again, and {n} of "
            "them hold changes not saved yet. Drop those changes and switch now? (Otherwise "
            "RetailERP speaks {language} from its next start.)",
        ).format(language=language, n=unsaved),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def switch_language(window: MainWindow, services: Services, db_label: str, code: str) -> MainWindow:
    """Open the main window again in ``code``, where it was and on the same module; the
    windows opened from it close.  Unsaved work is asked about first; kept, the language
    changes at the next start.  Returns the window now on screen."""
    unsaved = unsaved_windows(window)
    if unsaved and not confirm_language_switch(window, language_name(code), len(unsaved)):
        window.show_status(
            QCoreApplication.translate(
                "App", "RetailERP speaks {language} from its next start."
            ).format(language=language_name(code)),
            0,
        )
        return window
    app = application()
    use_language(app, code)
    fresh = _window_again(window, services, db_label)
    module = window.current_module()
    if module in fresh.module_keys():
        fresh.show_module(module)
    _show_instead(window, fresh)
    fresh.show_status(
        QCoreApplication.translate("App", "RetailERP now speaks {language}.").format(
            language=language_name(code)
        )
    )
    return fresh


# --- log out, let another user in ---------------------------------------------------------


def switch_user(window: MainWindow, services: Services, db_label: str) -> MainWindow | None:
    """File ▸ Log out / switch user…: the windows opened from ``window`` close (unsaved work
    is asked about first; kept, nothing happens), the logout is audited and the office
    session ends, the login shows (even on a PC that starts without one) and the window is
    built again for who logged in, so every module asks that user's role.  Giving up the
    login quits.  Returns the window now on screen (``None`` after quitting)."""
    unsaved = unsaved_windows(window)
    if unsaved and not confirm_logout(window, len(unsaved)):
        return window
    for other in _open_windows(window):  # asked above: they close without asking again
        if isinstance(other, QDialog):
            other.done(QDialog.DialogCode.Rejected)
        else:
            other.hide()
    window.save_layout()
    monitor = getattr(window, "office", None)
    if monitor is not None:
        monitor.stop()  # ends this user's session in the office
    try:
        services.users.logout()
    except Exception:  # noqa: BLE001 - the login below matters more than the record
        log.warning("Could not record the logout", exc_info=True)
    window.hide()
    app = application()
    quit_on_close = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)  # the login closing is not the program ending
    try:
        actor = sign_in(services.ctx.db, ask=True)
    finally:
        app.setQuitOnLastWindowClosed(quit_on_close)
    if actor is None:
        _windows[:] = [window]
        app.quit()
        return None
    fresh = _window_again(window, Services.over(services.ctx.db, actor=actor), db_label)
    kept = window.layout_settings()
    if kept is not None:
        fresh.remember_layout(kept)
    _show_instead(window, fresh)
    return fresh


def _window_again(window: MainWindow, services: Services, db_label: str) -> MainWindow:
    """A new main window over ``services`` where ``window`` is (same database, same journal
    mode in the status bar), not shown yet."""
    fresh = build_main_window(services, db_label, services.ctx.db.journal_mode)
    fresh.setGeometry(window.geometry())
    return fresh


def _show_instead(window: MainWindow, fresh: MainWindow) -> None:
    """Put ``fresh`` on screen in place of ``window`` (maximized if it was) and let the old
    window and the windows opened from it go."""
    if window.isMaximized():
        fresh.showMaximized()
    else:
        fresh.show()
    _windows[:] = [fresh]
    for other in _open_windows(window):
        other.hide()
    window.hide()
    window.deleteLater()


def confirm_logout(window: MainWindow, unsaved: int) -> bool:
    """Whether to drop the unsaved work of ``unsaved`` windows to log out now."""
    answer = QMessageBox.question(
        window,
        QCoreApplication.translate("App", "Log out"),
        QCoreApplication.translate(
            "App",
            "{n} open windows hold changes not saved yet. Drop those changes and log out?",
        ).format(n=unsaved),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def run_gui(
    database: str | None,
    journal_mode: str = "auto",
    language: str | None = None,
    exit_after: float | None = None,
    report_idle: bool = False,
) -> int:
    """Open the window on ``database``; returns the exit code.

    0 after a normal end, 1 when the user declined to create a new database, 2 when the
    database cannot be opened.  ``exit_after`` (seconds) quits by itself (smoke tests);
    ``report_idle`` then prints ``idle <time.perf_counter()>`` first, the moment the loop got
    there (the start-up benchmark's end point: the close and its backup come after).
    """
    app = application()
    use_language(app, pick_language(language))
    try:
        install_cjk_font(app)
        db = open_shop_database(database, journal_mode or "auto")
        if isinstance(db, int):
            return db
        try:
            return _show_window(app, db, exit_after, report_idle)
        finally:
            db.dispose()
    finally:
        remove_translators(app, _translators)
        _translators.clear()


def _show_window(
    app: QApplication, db: Database, exit_after: float | None, report_idle: bool = False
) -> int:
    if exit_after is not None:
        timer = QTimer(app)
        timer.setSingleShot(True)
        timer.timeout.connect(lambda: _quit(app, report_idle))
        timer.start(max(0, int(exit_after * 1000)))
    actor = sign_in(db)
    if actor is None:  # the user closed the login: nothing to show
        if exit_after is not None:
            timer.stop()
            timer.deleteLater()
        return 0
    window = build_main_window(Services.over(db, actor=actor), db.label, db.journal_mode)
    window.remember_layout(window_settings())
    _windows[:] = [window]
    quit_on_close = app.quitOnLastWindowClosed()
    on_close = auto_backup.BackupOnClose(app, db)
    window.show()
    auto_backup.start_daily_backup(window, db)
    try:
        return int(app.exec())
    finally:
        on_close.remove()
        auto_backup.wait_for_backups()
        app.setQuitOnLastWindowClosed(False)  # closing it now must not post another quit
        for shown in _windows:
            shown.close()
            shown.deleteLater()
        _windows.clear()
        if exit_after is not None:
            timer.stop()
            timer.deleteLater()
        app.setQuitOnLastWindowClosed(quit_on_close)


def _quit(app: QApplication, report_idle: bool = False) -> None:
    """Close the window (or the login still open) and end the event loop with one quit."""
    if report_idle:
        print(f"idle {time.perf_counter():.6f}", flush=True)
    login = app.activeModalWidget()
    if isinstance(login, QDialog) and not _windows:
        login.reject()
        return
    app.setQuitOnLastWindowClosed(False)
    for shown in _windows:
        shown.close()
    app.quit()


__all__ = ["build_main_window", "run_gui"]
