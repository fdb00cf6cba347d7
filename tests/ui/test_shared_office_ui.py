"""The office in the window: lists follow another PC, who is connected, a card open
elsewhere, waiting for a PC, the network notice, the audit check and the audit screen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from sqlalchemy import text

from retailerp.domain.security import Actor
from retailerp.persistence.engine import Database, open_database
from retailerp.services import Services
from retailerp.ui.app import build_main_window
from retailerp.ui.audit import AuditPage
from retailerp.ui.customers import CustomerListPage
from retailerp.ui.customers.dialog import CustomerDialog

OWNER = Actor("owner")

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def folders(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv("RETAILERP_CONFIG_DIR", str(tmp_path / "config"))
    return tmp_path


@pytest.fixture
def other_pc(db: Database) -> Iterator[Services]:
    """The same file opened by a second program, on the PC ``PC-2``."""
    second = open_database(db.path)  # type: ignore[arg-type]
    second.pc = "PC-2"
    try:
        yield Services.over(second, actor=OWNER)
    finally:
        second.dispose()


def test_a_list_refreshes_when_another_pc_writes(qtbot, services, other_pc) -> None:
    page = CustomerListPage(services)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    services.office.poll_remote()  # starts watching, as the window's first poll does
    other_pc.customers.create({"code": "C1", "name": "上海华联"})
    assert page.model.rowCount() == 0  # this program has not looked yet
    change = services.office.poll_remote()  # what the window's timer does every 1.5 s
    assert change is not None and not change.local
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.row_at(0).code == "C1"


def test_the_status_bar_counts_who_is_connected(qtbot, services, other_pc, folders) -> None:
    other_pc.office.open()
    window = build_main_window(services, "shop.db")
    qtbot.addWidget(window)
    window.show()
    text_, tooltip = window.office_status()["connected"]
    assert text_ == "2 connected"
    assert "PC-2 — owner, since" in tooltip and f"{services.ctx.db.pc} — owner" in tooltip
    other_pc.office.close()  # PC-2 quits: heard at the next poll, not only the next beat
    assert services.office.poll_remote() is not None
    qtbot.waitUntil(lambda: window.office_status()["connected"][0] == "1 connected")


def test_a_write_waiting_for_another_pc_names_it(qtbot, services, other_pc, folders) -> None:
    other_pc.office.open()
    window = build_main_window(services, "shop.db")
    qtbot.addWidget(window)
    listener = services.ctx.db.write_wait.listener
    assert listener is not None
    listener(0.5)
    assert window.statusBar().currentMessage() == "Waiting for PC-2…"
    listener(0.75, ("PC-3 (li)",))  # PostgreSQL names the holder itself
    assert window.statusBar().currentMessage() == "Waiting for PC-3 (li)…"
    listener(None)
    assert window.statusBar().currentMessage() == ""


def test_a_card_open_on_another_pc_says_so(qtbot, services, other_pc) -> None:
    customer = services.customers.create({"code": "C1", "name": "上海华联"})
    other_pc.office.claim("customer", str(customer.id))
    dialog = CustomerDialog(services, customer.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.elsewhere.isVisible())
    assert dialog.elsewhere.text().startswith("Being edited on PC-2 by owner since ")
    assert [c.pc for c in other_pc.office.claims_on("customer", str(customer.id))] == [
        services.ctx.db.pc
    ]
    dialog.close()
    dialog.done(0)
    assert other_pc.office.claims_on("customer", str(customer.id)) == []


def test_the_network_share_is_noted(qtbot, services, folders) -> None:
    services.ctx.db.network = True
    window = build_main_window(services, "shop.db")
    qtbot.addWidget(window)
    assert window.office_status()["network"][0] == "On a network share"


def test_the_owner_is_warned_at_start_when_the_trail_was_changed(qtbot, services, folders) -> None:
    services.customers.create({"code": "C1", "name": "a"})
    services.customers.create({"code": "C2", "name": "b"})
    with services.ctx.db.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_log WHERE id = 1"))
    window = build_main_window(services, "shop.db")
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.office_status()["audit"][0] == "Audit trail changed!")
    assert "Entry 1 is missing" in window.office_status()["audit"][1]


def test_a_sound_trail_is_remembered_as_this_pcs_checkpoint(qtbot, services, folders) -> None:
    from retailerp.services.audit import load_checkpoint

    services.customers.create({"code": "C1", "name": "a"})
    window = build_main_window(services, "shop.db")
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: load_checkpoint(services.ctx.db.label) is not None)
    assert window.office_status()["audit"][0] == ""


def test_the_start_check_reads_the_trail_in_a_worker_and_answers_in_the_window(
    qtbot, services, folders
) -> None:
    from retailerp.services.audit import load_checkpoint
    from retailerp.ui.office import check_audit_trail

    services.customers.create({"code": "C1", "name": "a"})
    window = build_main_window(services, "shop.db")
    qtbot.addWidget(window)

    reads = check_audit_trail(window, services)

    assert reads is not None and reads.task is not None  # under way: the window goes on
    qtbot.waitUntil(lambda: reads.task is None)
    assert load_checkpoint(services.ctx.db.label) is not None
    assert window.office_status()["audit"][0] == ""


def test_the_audit_screen_filters_and_exports(qtbot, services, tmp_path: Path) -> None:
    customer = services.customers.create({"code": "C1", "name": "a"})
    services.customers.update(customer.id, customer.version, {"code": "C1", "name": "b"})
    services.items.create({"sku": "A", "name": "a", "price": "1", "vat_rate": "13"})
    page = AuditPage(services)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    assert page.model.row_at(0).action == "item.create"  # newest first
    page.action_filter.setCurrentIndex(page.action_filter.findData("customer."))
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    page.open_row(page.model.row_at(0))
    assert "name: a → b" in page.message.text()
    target = tmp_path / "audit.csv"
    assert page.export(target) == 2
    assert "customer.update" in target.read_text(encoding="utf-8-sig")
    assert page.export(tmp_path / "audit.xlsx") == 2


@pytest.mark.postgres
def test_a_save_on_postgresql_names_the_pc_holding_the_row_and_the_window_paints(
    qtbot, fresh_pg_url: str, folders
) -> None:
    """The save runs on the window's own thread and blocks on PC-1's row lock: while it
    waits the window processes its timers, shows "Waiting for PC-1 (li)…", and a timer lets
    PC-1 commit; then the save lands."""
    from retailerp.persistence import migrate

    here, holder_db = open_database(fresh_pg_url), open_database(fresh_pg_url)
    migrate.upgrade(here)
    holder_db.pc, holder_db.user = "PC-1", "li"
    services = Services.over(here, actor=Actor("boss"))
    customer = services.customers.create({"code": "C1", "name": "x"})
    window = build_main_window(services, "server")
    qtbot.addWidget(window)
    here.write_wait.step_ms = 100
    holder = holder_db.write_engine.connect()
    holder.begin()
    holder.exec_driver_sql("SELECT id FROM customers WHERE id = %(id)s FOR UPDATE",
                           {"id": customer.id})  # fmt: skip
    seen: list[str] = []

    def look_then_release() -> None:
        seen.append(window.statusBar().currentMessage())
        if seen[-1]:
            holder.commit()
        else:
            QTimer.singleShot(50, look_then_release)

    QTimer.singleShot(50, look_then_release)
    try:
        saved = services.customers.update(
            customer.id, customer.version, {"code": "C1", "name": "Saved after the wait"}
        )
    finally:
        holder.close()
        window.office.stop()  # type: ignore[attr-defined]
        holder_db.dispose()
    assert saved.name == "Saved after the wait"
    assert seen[-1] == "Waiting for PC-1 (li)…"
    assert window.statusBar().currentMessage() == ""
    here.dispose()
