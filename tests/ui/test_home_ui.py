"""The window opens on today's work; each queue opens its list filtered; the look."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QTableView, QToolButton

from retailerp.services import Services
from retailerp.ui import app as app_module
from retailerp.ui.app import build_main_window
from retailerp.ui.delegates import ChipDelegate
from retailerp.ui.home import HomePage
from retailerp.ui.models.lazy_table import CHIP_ROLE, LazyTableModel
from retailerp.ui.styles import CHIP_COLOURS, ICONS, icon, icons_dir
from ui.conftest import activate

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def folders_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("RETAILERP_CONFIG_DIR", str(tmp_path / "config"))
    return tmp_path / "config"


def a_customer_and_tea(services: Services) -> tuple[int, int]:
    customer = services.customers.create({"code": "C1", "name": "华联超市", "credit_limit": "0"})
    tea = services.items.create(
        {"sku": "T1", "name": "绿茶", "price": "10", "vat_rate": "13", "min_stock": "5"}
    )
    return customer.id, tea.id


def drafts(services: Services, n: int) -> None:
    customer, tea = a_customer_and_tea(services)
    for _ in range(n):
        services.orders.create(customer, {}, [{"item_id": tea, "quantity": "1"}])


def queue_button(page: HomePage, key: str) -> QToolButton:
    return page.queue_buttons[key]


def counted_home(qtbot, window) -> HomePage:
    """The home page on screen once its counts are in (they are read after the first paint)."""
    page = window.module_widget("home")
    qtbot.waitUntil(lambda: page.overview is not None)
    return page


def test_the_window_shows_before_the_home_counts_which_then_fill_in(
    qtbot, services: Services
) -> None:
    customer, tea = a_customer_and_tea(services)
    for _ in range(2):
        services.orders.create(customer, {}, [{"item_id": tea, "quantity": "1"}])
    window = build_main_window(services, "shop.db")
    qtbot.addWidget(window)
    window.show()
    page = window.module_widget("home")
    assert page.isVisible() and page.overview is None  # on screen, not counted yet
    qtbot.waitUntil(lambda: page.overview is not None)
    assert queue_button(page, "drafts").text().startswith("2")
    assert page.queues.isVisible() and not page.steps.isVisible()
    window.show_module("customers")
    services.orders.create(customer, {}, [{"item_id": tea, "quantity": "1"}])
    window.show_module("home")  # shown again: counted again at once, in a worker
    assert page.counting and queue_button(page, "drafts").text().startswith("2")  # meanwhile
    qtbot.waitUntil(lambda: queue_button(page, "drafts").text().startswith("3"))
    assert not page.counting


def test_a_new_database_opens_on_the_first_steps(qtbot, services: Services) -> None:
    window = build_main_window(services, "shop.db")
    qtbot.addWidget(window)
    window.show()
    page = counted_home(qtbot, window)
    assert window.current_module() == "home" and isinstance(page, HomePage)
    steps = page.findChild(QFrame, "first_steps")
    assert steps.isVisible() and not page.queues.isVisible()
    texts = [page.step_buttons[s].text() for s in ("company", "items", "goods_receipt", "order")]
    assert texts[0].startswith("1. Enter the company details")
    assert texts[3] == "4. Enter the first sales order"
    with qtbot.waitSignal(window.settings_requested):
        qtbot.mouseClick(page.step_buttons["company"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.step_buttons["items"], Qt.MouseButton.LeftButton)
    assert window.current_module() == "items"


def test_a_queue_opens_its_list_showing_exactly_what_it_counts(qtbot, services: Services) -> None:
    drafts(services, 3)
    window = build_main_window(services, "shop.db")
    qtbot.addWidget(window)
    window.show()
    page = counted_home(qtbot, window)
    assert not page.findChild(QFrame, "first_steps").isVisible()
    button = queue_button(page, "drafts")
    assert button.text().startswith("3") and "Drafts to confirm" in button.text()
    assert queue_button(page, "below_minimum").text().startswith("1")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.current_module() == "orders"
    orders = window.module_widget("orders")
    assert orders.model.rowCount() == 3
    assert orders.findChild(QLabel, "orders_preset").text() == "Showing: Drafts to confirm"
    services.orders.cancel(orders.model.row_at(0).id, 1, "test")
    orders.refresh()
    assert orders.model.rowCount() == 2  # the preset filter stays until "Show all"
    qtbot.mouseClick(orders.findChild(QPushButton, "orders_show_all"), Qt.MouseButton.LeftButton)
    assert orders.model.rowCount() == 3


def test_ctrl_0_shows_the_home_page_and_ctrl_1_the_first_module(qtbot, services) -> None:
    window = build_main_window(services, "shop.db")
    qtbot.addWidget(window)
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_module() == "customers"
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.current_module() == "home"


def test_the_status_bar_names_the_database_its_mode_and_the_user(qtbot, services) -> None:
    window = build_main_window(services, "/shop/shop.db", "wal")
    qtbot.addWidget(window)
    assert window.status_texts() == {
        "database": "Database: /shop/shop.db",
        "journal": "Mode: fast (this PC's disk)",
        "user": "User: owner (owner)",
    }


def test_the_window_comes_back_at_the_size_it_was_left(qtbot, services, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "layout.ini"), QSettings.Format.IniFormat)
    window = build_main_window(services, "shop.db")
    qtbot.addWidget(window)
    window.remember_layout(settings)
    window.show()
    qtbot.waitExposed(window)
    window.resize(700, 500)  # the offscreen test screen is 800 pixels wide
    qtbot.waitUntil(lambda: window.width() == 700)
    window.close()
    again = build_main_window(services, "shop.db")
    qtbot.addWidget(again)
    again.remember_layout(QSettings(str(tmp_path / "layout.ini"), QSettings.Format.IniFormat))
    assert (again.width(), again.height()) == (700, 500)


def test_every_list_draws_states_as_chips(qtbot, services: Services) -> None:
    drafts(services, 1)
    window = build_main_window(services, "shop.db")
    qtbot.addWidget(window)
    window.resize(1200, 700)
    window.show()
    for key in ("customers", "items", "orders", "deliveries", "invoices"):
        window.show_module(key)
        for view in window.module_widget(key).findChildren(QTableView):
            if isinstance(view.model(), LazyTableModel):
                assert isinstance(view.itemDelegate(), ChipDelegate), view.objectName()
    orders = window.module_widget("orders")
    state = orders.model.column_of("state")
    assert orders.model.index(0, state).data(CHIP_ROLE) == "draft"
    qtbot.waitExposed(orders.view)
    image = orders.view.viewport().grab().toImage()
    rect = orders.view.visualRect(orders.model.index(0, state))
    background = CHIP_COLOURS["draft"][0].lower()
    colours = {
        image.pixelColor(x, rect.center().y()).name() for x in range(rect.left(), rect.right())
    }
    assert background in colours  # the chip is painted, not plain text


def test_numbers_are_right_aligned_in_the_lists(qtbot, services: Services) -> None:
    drafts(services, 1)
    window = build_main_window(services, "shop.db")
    qtbot.addWidget(window)
    window.show_module("items")
    items = window.module_widget("items")
    for key in ("price", "on_hand", "min_stock"):
        alignment = items.model.index(0, items.model.column_of(key)).data(
            Qt.ItemDataRole.TextAlignmentRole
        )
        assert alignment & Qt.AlignmentFlag.AlignRight, key


def test_every_icon_named_is_shipped_with_its_licence() -> None:
    for name, file in ICONS.items():
        assert (icons_dir() / f"{file}.svg").is_file(), name
        assert not icon(name).isNull()
    assert (icons_dir() / "LICENSE-lucide.txt").read_text().count("Lucide") >= 2
    shipped = {p.stem for p in icons_dir().glob("*.svg")}
    assert shipped == set(ICONS.values())  # only the icons in use are shipped


def test_every_module_in_the_navigation_has_its_icon(qtbot, services: Services) -> None:
    from PySide6.QtWidgets import QListWidget

    window = build_main_window(services, "shop.db")
    qtbot.addWidget(window)
    nav = window.findChild(QListWidget, "navigation")
    keys = window.module_keys()
    assert [keys[row] for row in range(nav.count()) if nav.item(row).icon().isNull()] == []


def test_an_svg_icon_is_drawn_sharp_at_twice_the_pixels() -> None:
    pixmap = icon("home").pixmap(QSize(20, 20), 2.0)
    assert (pixmap.width(), pixmap.height()) == (40, 40)  # drawn for the pixels, not scaled
    image = pixmap.toImage()
    assert any(image.pixelColor(x, 20).alpha() == 255 for x in range(40))


def test_the_window_keeps_its_layout_in_this_pcs_config_folder(folders_env: Path) -> None:
    settings = app_module.window_settings()
    settings.setValue("probe", 1)
    settings.sync()
    assert (folders_env / "window.ini").is_file()
