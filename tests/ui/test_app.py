"""Starting the program: the modules, a new database, a broken one, language, settings."""

from __future__ import annotations

import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QCheckBox, QLineEdit, QMessageBox

from retailerp import i18n
from retailerp.config import LocalSettings
from retailerp.fonts import CJK_FONT_NAME
from retailerp.services import Services
from retailerp.ui import app as app_module
from retailerp.ui.app import build_main_window, install_cjk_font, run_gui
from retailerp.ui.customers import CustomerListPage
from retailerp.ui.home import HomePage
from retailerp.ui.items import ItemListPage
from retailerp.ui.settings_dialog import SettingsDialog
from retailerp.ui.stock import StockPage

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def folders(tmp_path: Path, monkeypatch) -> Iterator[Path]:
    """This user's data and config folders, in the test's temporary folder."""
    monkeypatch.setenv("RETAILERP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("RETAILERP_CONFIG_DIR", str(tmp_path / "config"))
    yield tmp_path


@pytest.fixture
def messages(monkeypatch) -> list[tuple[str, str, str]]:
    """Message boxes the program showed (kind, title, text); questions answer No."""
    shown: list[tuple[str, str, str]] = []

    def record(kind: str, answer: QMessageBox.StandardButton):  # noqa: ANN202
        def box(_parent, title, text, *_args):  # noqa: ANN001, ANN202
            shown.append((kind, title, text))
            return answer

        return box

    monkeypatch.setattr(QMessageBox, "critical", record("critical", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "question", record("question", QMessageBox.StandardButton.No))
    return shown


def test_the_main_window_has_exactly_the_working_modules(qtbot, services: Services) -> None:
    window = build_main_window(services, "/shop/shop.db")
    qtbot.addWidget(window)
    window.show()

    assert window.module_keys() == [
        "home",
        "customers",
        "items",
        "stock",
        "orders",
        "deliveries",
        "invoices",
        "returns",
        "return_analysis",
        "complaints",
        "complaint_insight",
        "red_invoices",
        "consignment",
        "audit",
    ]
    assert window.windowTitle() == "RetailERP — /shop/shop.db"
    assert isinstance(window.module_widget("home"), HomePage)  # shown first
    window.show_module("customers")
    assert isinstance(window.module_widget("customers"), CustomerListPage)
    window.show_module("items")
    assert isinstance(window.module_widget("items"), ItemListPage)
    window.show_module("stock")
    assert isinstance(window.module_widget("stock"), StockPage)
    for key in ("orders", "deliveries", "invoices"):
        window.show_module(key)
        assert window.current_module() == key and window.module_widget(key) is not None


def test_settings_save_the_shop_and_this_pc(qtbot, services: Services, folders: Path) -> None:
    window = build_main_window(services, "shop.db")
    qtbot.addWidget(window)
    window.settings_action.trigger()
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None and not dialog.restart_label.isVisible()
    form = dialog.form
    negative = form.editor("allow_negative_stock")
    assert isinstance(negative, QCheckBox)
    negative.setChecked(True)
    line = {key: form.editor(key) for key in ("abc_a", "abc_b", "review_months")}
    assert all(isinstance(e, QLineEdit) for e in line.values())
    assert line["abc_a"].text() == "80" and line["review_months"].text() == "2, 8"  # type: ignore[attr-defined]

    line["abc_a"].setText("99")  # type: ignore[attr-defined]
    assert not dialog.save()
    assert "below the B share" in form.error_label("abc_b").text()

    line["abc_a"].setText("70")  # type: ignore[attr-defined]
    line["review_months"].setText("3, 9")  # type: ignore[attr-defined]
    journal = form.editor("journal_mode")
    journal.setCurrentIndex(journal.findData("delete"))  # type: ignore[attr-defined]
    assert dialog.restart_needed()
    assert dialog.save()

    shop = services.settings.get()
    assert shop.allow_negative_stock and shop.abc.a_share == Decimal("0.7")
    assert shop.review.months == (3, 9)
    assert LocalSettings.load().journal_mode == "delete"
    assert "Restart" in window.statusBar().currentMessage()


def test_run_gui_opens_a_new_default_database_and_quits_when_told(
    qtbot, folders: Path, messages: list
) -> None:
    assert run_gui(None, language="en", exit_after=0.2) == 0

    assert (folders / "data" / "retailerp.db").is_file()
    assert messages == []


def test_told_to_report_idle_the_window_prints_when_its_loop_first_ran(
    qtbot, folders: Path, messages: list, capsys
) -> None:
    before = time.perf_counter()
    assert run_gui(None, language="en", exit_after=0, report_idle=True) == 0
    after = time.perf_counter()

    [line] = [x for x in capsys.readouterr().out.splitlines() if x.startswith("idle ")]
    assert before < float(line.split()[1]) < after  # the benchmark's clock, on this machine
    assert messages == []


def test_a_damaged_database_is_reported_and_the_program_ends_cleanly(
    qtbot, folders: Path, messages: list
) -> None:
    broken = folders / "broken.db"
    broken.write_bytes(b"this is not a database, just some bytes" * 100)

    assert run_gui(str(broken), language="en", exit_after=0.2) == 2

    [(kind, title, text)] = messages
    assert kind == "critical" and title == "Cannot open the database"
    assert str(broken) in text and "damaged" in text and "Traceback" not in text


def test_a_named_database_that_does_not_exist_is_made_only_if_the_user_agrees(
    qtbot, folders: Path, messages: list, monkeypatch
) -> None:
    target = folders / "new-shop.db"

    assert run_gui(str(target), language="en", exit_after=0.2) == 1  # answered No
    assert not target.exists()
    assert messages[0][0] == "question" and str(target) in messages[0][2]

    monkeypatch.setattr(app_module, "confirm_create", lambda _path: True)
    assert run_gui(str(target), language="en", exit_after=0.2) == 0
    assert target.is_file()


def test_chinese_installs_the_catalogues_and_removes_them_after(
    qtbot, folders: Path, monkeypatch
) -> None:
    seen: dict[str, str] = {}

    def show_window(_app, _db, _exit_after, _report_idle=False):  # noqa: ANN001, ANN202
        seen["ours"] = QCoreApplication.translate("errors", "This field is required.")
        seen["qt"] = QCoreApplication.translate("QPlatformTheme", "Cancel")
        seen["language"] = i18n.current_language()
        return 0

    monkeypatch.setattr(app_module, "_show_window", show_window)

    assert run_gui(None, language="zh_CN") == 0

    assert seen["language"] == "zh_CN"
    assert seen["ours"] == "此项为必填项。"
    assert seen["qt"] == "取消"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_the_shipped_cjk_font_is_the_fallback_for_chinese(qtbot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)

    assert install_cjk_font(app) == CJK_FONT_NAME
    assert CJK_FONT_NAME in app.font().families()
