"""A new language in Settings is used at once: the main window opens again in it, where it
was and on the same module; unsaved work in open windows is asked about first."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QListWidget
from shiboken6 import isValid

from retailerp import i18n
from retailerp.config import LocalSettings
from retailerp.services import Services
from retailerp.ui import app as app_module
from retailerp.ui.app import build_main_window
from retailerp.ui.main_window import MainWindow
from retailerp.ui.settings_dialog import SettingsDialog


@pytest.fixture
def folders(tmp_path: Path, monkeypatch) -> Iterator[Path]:
    monkeypatch.setenv("RETAILERP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("RETAILERP_CONFIG_DIR", str(tmp_path / "config"))
    yield tmp_path


@pytest.fixture
def english_after(qapp) -> Iterator[None]:
    """Start in English, and be English again afterwards (translators removed)."""
    app_module.use_language(QApplication.instance(), "en")
    yield
    app_module.use_language(QApplication.instance(), "en")
    for window in app_module._windows:
        window.close()
        window.deleteLater()
    app_module._windows.clear()


def shown_main_windows() -> list[MainWindow]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
    ]


def choose_language(qtbot, window: MainWindow, code: str) -> SettingsDialog:
    window.settings_action.trigger()
    dialog = window.findChild(SettingsDialog)
    language = dialog.form.editor("language")
    language.setCurrentIndex(language.findData(code))
    assert not dialog.restart_label.isVisible()  # no restart needed for a language
    assert dialog.save()
    return dialog


@pytest.mark.usefixtures("english_after")
def test_a_new_language_reopens_the_window_in_it_where_it_was(
    qtbot, services: Services, folders: Path, request
) -> None:
    window = build_main_window(services, "shop.db")  # the switch deletes it
    request.addfinalizer(lambda: isValid(window) and window.close())
    window.show()
    qtbot.waitExposed(window)
    window.show_module("stock")
    window.move(40, 30)
    geometry = window.geometry()

    choose_language(qtbot, window, "zh_CN")

    qtbot.waitUntil(lambda: shown_main_windows() and shown_main_windows()[0] is not window)
    [fresh] = shown_main_windows()
    nav = fresh.findChild(QListWidget, "navigation")
    assert "客户" in [nav.item(n).text() for n in range(nav.count())]
    assert [a.text() for a in fresh.menuBar().actions()][0] == "文件(&F)"
    assert fresh.current_module() == "stock"
    assert fresh.geometry() == geometry
    assert i18n.current_language() == "zh_CN"
    assert LocalSettings.load().language == "zh_CN"
    assert app_module.language_name("zh_CN") in fresh.statusBar().currentMessage()
    mode = fresh._status_labels["journal"].text()  # the file's mode, not "database server"
    assert app_module.journal_text(services.ctx.db.journal_mode) in mode
    assert services.ctx.db.journal_mode != ""


@pytest.mark.usefixtures("english_after")
def test_unsaved_work_is_asked_about_and_kept_if_the_user_says_so(
    qtbot, services: Services, folders: Path, monkeypatch
) -> None:
    window = build_main_window(services, "shop.db")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_module("customers")
    card = window.module_widget("customers").new_customer()
    card.form.editor("name").setText("typed, not saved")
    asked: list[int] = []
    monkeypatch.setattr(
        app_module,
        "confirm_language_switch",
        lambda _window, _language, unsaved: asked.append(unsaved) or False,
    )

    choose_language(qtbot, window, "zh_CN")

    qtbot.waitUntil(lambda: asked == [1])
    assert shown_main_windows() == [window] and card.isVisible()
    assert card.form.values()["name"] == "typed, not saved"
    assert i18n.current_language() == "en"
    assert "next start" in window.statusBar().currentMessage()
    card.form.set_dirty(False)
    card.close()
