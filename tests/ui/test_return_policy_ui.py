"""The return policy in Settings: the shipped rules shown in order, a rule added, moved and
saved; a bad rule refused next to its cell with nothing saved; both languages."""

from __future__ import annotations

from decimal import Decimal

import pytest

from retailerp import i18n
from retailerp.domain.returns import ReturnReason
from retailerp.services import Services
from retailerp.ui.settings_dialog import SettingsDialog
from retailerp.ui.settings_returns import ReturnPolicyPage
from retailerp.ui.styles import error_brush

pytestmark = pytest.mark.usefixtures("english")


def cell(page: ReturnPolicyPage, row: int, column: int) -> str:
    return page.rules.item(row, column).text()


def test_the_shipped_policy_is_shown_in_order(qtbot, services: Services) -> None:
    page = ReturnPolicyPage(services)
    qtbot.addWidget(page)
    assert page.rules.rowCount() == 6
    assert cell(page, 0, 0) == "quality defects: always in full" and cell(page, 0, 1) == "100"
    assert cell(page, 3, 1) == "" and cell(page, 3, 0) == "changed mind after 7 days: refused"
    assert cell(page, 5, 1) == "90" and cell(page, 5, 3) == "181"
    assert page.rules.cellWidget(2, 2).text() == "changed mind"
    assert page.rules.cellWidget(4, 2).text() == "any reason"
    assert page.threshold.text() == "10"


def test_a_rule_added_moved_up_and_saved_is_the_policy(qtbot, services: Services) -> None:
    services.customers.create({"code": "C001", "name": "华联超市"})
    page = ReturnPolicyPage(services)
    qtbot.addWidget(page)
    page.rules.setCurrentCell(0, 0)
    row = page.add_rule()
    assert row == 1
    page.rules.item(row, 0).setText("C001 after 90 days: 60 %")
    page.rules.item(row, 1).setText("60")
    page.rules.item(row, 3).setText("91")
    page.rules.item(row, 6).setText("c001")
    page.rules.cellWidget(row, 2).set_reasons([ReturnReason.UNSELLABLE])
    page.rules.setCurrentCell(row, 0)
    page.move_rule(-1)
    assert cell(page, 0, 0) == "C001 after 90 days: 60 %"
    assert page.rules.cellWidget(0, 2).text() == "unsellable / slow-moving"
    page.threshold.setText("15")
    assert page.save() is not None
    policy = services.returns.policy()
    first = policy.rules[0]
    assert (first.name, first.rate, first.from_day, first.customer_id) == (
        "C001 after 90 days: 60 %", Decimal("0.6"), 91, 1)
    assert first.reasons == frozenset({ReturnReason.UNSELLABLE})
    assert policy.rules[1].name == "quality defects: always in full"
    assert services.returns.threshold() == Decimal("0.15")


def test_a_bad_rule_is_refused_next_to_its_cell_and_nothing_is_saved(
    qtbot, services: Services
) -> None:
    page = ReturnPolicyPage(services)
    qtbot.addWidget(page)
    page.rules.item(2, 1).setText("150")  # more than 100 %
    page.rules.item(4, 3).setText("200")  # from day 200 to day 180
    page.rules.item(1, 6).setText("NOBODY")
    assert page.save() is None
    assert page.rules.item(1, 6).background() == error_brush()
    assert "No customer has the code NOBODY" in page.rules.item(1, 6).toolTip()
    assert page.errors.text().startswith("Rule 2: No customer has the code NOBODY.")
    page.rules.item(1, 6).setText("")
    assert page.save() is None
    assert page.rules.item(2, 1).background() == error_brush()
    assert page.rules.item(4, 4).background() == error_brush()
    assert "Rule 3: A refund rate is between 0 and 100 %" in page.errors.text()
    assert "Rule 5: The window ends before it begins (200 > 180)." in page.errors.text()
    assert services.returns.policy().rules[2].rate == 1  # unchanged


def test_the_settings_dialog_keeps_the_returns_tab_open_on_a_refusal(
    qtbot, services: Services
) -> None:
    dialog = SettingsDialog(services)
    qtbot.addWidget(dialog)
    dialog.company.save = lambda: services.settings.company()  # the company page is fine
    dialog.returns.threshold.setText("0")
    assert dialog.save() is False
    assert dialog.tabs.currentWidget() is dialog.returns
    assert "threshold is a percentage above 0" in dialog.returns.errors.text()


def test_shipped_rule_names_show_in_chinese_and_are_kept_when_saved(
    qtbot, services: Services
) -> None:
    i18n.set_language("zh_CN")
    page = ReturnPolicyPage(services)
    qtbot.addWidget(page)
    assert cell(page, 0, 0) == "质量问题：始终全额退款"
    page.threshold.setText("12")
    assert page.save() is not None
    assert services.returns.policy().rules[0].name == "quality defects: always in full"
