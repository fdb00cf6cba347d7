"""The customer screens over a real database: keyboard entry, Chinese, search, refusals."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from retailerp.domain.customers import AbcClass
from retailerp.domain.validation import uscc_check_char
from retailerp.services import Services
from retailerp.ui import prompts
from retailerp.ui.customers import CustomerDialog, CustomerListPage
from retailerp.ui.models import DEFAULT_PAGE_SIZE, ROW_ROLE
from ui.conftest import Ime, activate, answer, services_page

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def page(show_page, services: Services) -> CustomerListPage:
    return show_page(CustomerListPage(services))


def names(page: CustomerListPage) -> list[str]:
    return [page.model.row_at(i).name for i in range(page.model.rowCount())]


def editor(dialog: CustomerDialog, key: str) -> QLineEdit:
    widget = dialog.form.editor(key)
    assert isinstance(widget, QLineEdit)
    return widget


def valid_tax_id() -> str:
    body = "91110108" + "MA01234" + "56"
    return body + uscc_check_char(body)


def add(services: Services, code: str, name: str, **values: object) -> int:
    return services.customers.create({"code": code, "name": name, **values}).id or 0


def test_a_customer_typed_at_the_keyboard_is_saved_and_listed(
    qtbot, page: CustomerListPage, services: Services, ime: Ime
) -> None:
    qtbot.keyClick(page.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, CustomerDialog))
    activate(qtbot, dialog)
    assert editor(dialog, "code").hasFocus()

    qtbot.keyClicks(editor(dialog, "code"), "c-100")
    qtbot.keyClick(editor(dialog, "code"), Qt.Key.Key_Return)  # Enter moves on, never saves
    assert editor(dialog, "name").hasFocus()
    ime(editor(dialog, "name"), "张三商行")
    qtbot.keyClick(editor(dialog, "name"), Qt.Key.Key_Return)
    assert editor(dialog, "contact").hasFocus()
    ime(editor(dialog, "contact"), "张三")
    qtbot.keyClick(editor(dialog, "contact"), Qt.Key.Key_Return)
    qtbot.keyClicks(editor(dialog, "phone"), "010-12345678")
    qtbot.keyClick(editor(dialog, "phone"), Qt.Key.Key_Return)
    assert editor(dialog, "address").hasFocus()
    qtbot.keyClick(editor(dialog, "address"), Qt.Key.Key_Return)
    qtbot.keyClicks(editor(dialog, "tax_id"), valid_tax_id())
    qtbot.keyClick(editor(dialog, "tax_id"), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    saved = services.customers.get(page.model.row_at(0).id)
    assert (saved.code, saved.name, saved.contact) == ("C-100", "张三商行", "张三")
    assert saved.phone == "010-12345678" and saved.tax_id == valid_tax_id()
    assert dialog.customer is not None and dialog.info.text() == "Saved."
    assert not dialog.form.dirty


def test_an_invalid_tax_id_is_shown_next_to_its_field_and_nothing_is_saved(
    qtbot, page: CustomerListPage, services: Services, ime: Ime
) -> None:
    dialog = page.new_customer()
    activate(qtbot, dialog)
    qtbot.keyClicks(editor(dialog, "code"), "C1")
    ime(editor(dialog, "name"), "李四贸易")
    qtbot.keyClicks(editor(dialog, "tax_id"), "91110108MA0123456X")

    qtbot.waitUntil(lambda: "check character" in dialog.form.error_label("tax_id").text())
    assert not dialog.save()

    assert "check character" in dialog.form.error_label("tax_id").text()
    assert dialog.form.error_label("tax_id").isVisible()
    assert services.customers.page(services_page()) == []
    assert page.model.rowCount() == 0


def test_search_as_you_type_finds_chinese_names_of_any_length(
    qtbot, page: CustomerListPage, services: Services, ime: Ime
) -> None:
    add(services, "C1", "北京华联商厦")
    add(services, "C2", "上海华联超市")
    add(services, "C3", "广州百货大楼")
    page.refresh()
    assert page.model.rowCount() == 3

    ime(page.search, "华联商")  # three characters: full-text (trigram) search
    qtbot.waitUntil(lambda: names(page) == ["北京华联商厦"])

    page.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    ime(page.search, "华联")  # two characters: trigram cannot, LIKE does
    qtbot.waitUntil(lambda: sorted(names(page)) == ["上海华联超市", "北京华联商厦"])

    page.search.clear()
    ime(page.search, "百")
    qtbot.waitUntil(lambda: names(page) == ["广州百货大楼"])


def test_editing_a_customer_saves_the_change(
    qtbot, page: CustomerListPage, services: Services, ime: Ime
) -> None:
    customer_id = add(services, "C1", "王五")
    page.refresh()
    page.view.setCurrentIndex(page.model.index(0, 0))
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Return)  # Enter opens the card
    dialog = page.dialogs[customer_id]
    activate(qtbot, dialog)

    editor(dialog, "name").selectAll()
    ime(editor(dialog, "name"), "王五商店")
    qtbot.keyClick(editor(dialog, "name"), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    qtbot.waitUntil(lambda: names(page) == ["王五商店"])
    customer = services.customers.get(customer_id)
    assert customer.name == "王五商店" and customer.version == 2


def test_a_stale_save_says_who_changed_it_and_overwrites_nothing(
    qtbot, page: CustomerListPage, services: Services, ime: Ime
) -> None:
    customer_id = add(services, "C1", "赵六")
    dialog = page.open_customer(customer_id)
    activate(qtbot, dialog)
    behind = services.customers.get(customer_id)
    services.customers.update(customer_id, behind.version, {"code": "C1", "name": "赵六(新)"})

    editor(dialog, "name").clear()
    ime(editor(dialog, "name"), "赵六(旧)")
    assert not dialog.save()

    message = dialog.form.message_label()
    assert message.isVisible()
    assert "changed by owner" in message.text() and "C1" in message.text()
    assert dialog.isVisible()
    assert services.customers.get(customer_id).name == "赵六(新)"

    dialog.reload()  # take the other change, then the save goes through
    assert editor(dialog, "name").text() == "赵六(新)"
    assert not dialog.form.message_label().isVisible()


def test_end_with_a_reason_then_reactivate(
    qtbot, page: CustomerListPage, services: Services, monkeypatch
) -> None:
    customer_id = add(services, "C1", "孙七")
    dialog = page.open_customer(customer_id)
    activate(qtbot, dialog)
    monkeypatch.setattr(prompts, "ask_reason", answer("搬走了 moved away"))

    dialog.end_button.click()

    ended = services.customers.get(customer_id)
    assert ended.status == "ended" and ended.end_reason == "搬走了 moved away"
    assert "moved away" in dialog.status_label.text()
    assert dialog.reactivate_button.isEnabled() and not dialog.end_button.isEnabled()
    page.status_filter.setCurrentIndex(page.status_filter.findData("ended"))
    assert names(page) == ["孙七"]
    assert page.model.data(page.model.index(0, 0), Qt.ItemDataRole.ForegroundRole) is not None

    dialog.reactivate_button.click()

    assert services.customers.get(customer_id).status == "active"
    assert page.model.rowCount() == 0  # no longer among the ended ones
    assert dialog.end_button.isEnabled()


def test_ending_without_a_reason_is_refused_on_the_card(
    qtbot, page: CustomerListPage, services: Services, monkeypatch
) -> None:
    customer_id = add(services, "C1", "周八")
    dialog = page.open_customer(customer_id)
    monkeypatch.setattr(prompts, "ask_reason", answer(""))

    dialog.end_button.click()

    assert "required" in dialog.form.message_label().text()
    assert services.customers.get(customer_id).status == "active"


def test_pin_a_class_with_a_reason_and_unpin_it(
    qtbot, page: CustomerListPage, services: Services, monkeypatch
) -> None:
    customer_id = add(services, "C1", "吴九")
    dialog = page.open_customer(customer_id)
    monkeypatch.setattr(prompts, "ask_choice", lambda *a, **k: 0)
    monkeypatch.setattr(prompts, "ask_reason", answer("strategic"))

    dialog.pin_button.click()

    customer = services.customers.get(customer_id)
    assert customer.pinned_class == AbcClass.A and customer.pinned_reason == "strategic"
    assert "pinned by owner" in dialog.class_label.text()
    assert page.model.data(page.model.index(0, page.model.column_of("abc_class"))) == "A (pinned)"

    dialog.unpin_button.click()
    assert services.customers.get(customer_id).pinned_class is None
    assert page.model.data(page.model.index(0, page.model.column_of("abc_class"))) == "C"


def test_recording_a_review_changes_the_limit_and_lists_the_review(
    qtbot, page: CustomerListPage, services: Services, ime: Ime
) -> None:
    customer_id = add(services, "C1", "郑十", credit_limit="1000")
    dialog = page.open_customer(customer_id)
    review = dialog.record_review()
    activate(qtbot, review)
    outcome = review.form.editor("outcome")
    assert isinstance(outcome, QLineEdit)

    assert not review.record()  # the outcome is required
    assert review.form.error_label("outcome").text() == "This field is required."

    ime(outcome, "按时付款，提高额度")
    limit = review.form.editor("credit_limit")
    assert isinstance(limit, QLineEdit)
    limit.setText("5000")
    qtbot.keyClick(outcome, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    qtbot.waitUntil(lambda: dialog.reviews.rowCount() == 1)
    assert services.customers.get(customer_id).credit_limit.amount == 5000
    assert editor(dialog, "credit_limit").text() == "5000.00"
    assert dialog.reviews.item(0, 3).text() == "1,000.00 → 5,000.00"


def test_the_due_for_review_button_filters_the_list(
    qtbot, page: CustomerListPage, services: Services
) -> None:
    add(services, "C1", "Acme")
    page.refresh()
    assert page.counting is not None  # counted in a worker: the list is up meanwhile
    qtbot.waitUntil(lambda: page.counting is None)
    assert page.due_button.text() == "Due for review: 0"  # created today: not yet due
    assert not page.due_button.isEnabled()

    page.show_due()

    assert page.filters() == {"due_for_review": True}
    assert page.model.rowCount() == 0


def test_a_thousand_customers_load_page_by_page_while_scrolling(
    qtbot, page: CustomerListPage, services: Services
) -> None:
    rows = [{"code": f"K{n:05d}", "name": f"客户{n:05d}"} for n in range(1, 1201)]
    assert services.customers.import_many(rows) == 1200
    page.refresh()
    first = page.model.loaded_count
    assert first == DEFAULT_PAGE_SIZE and not page.model.fully_loaded

    page.view.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.loaded_count > first)

    for _ in range(1200 // DEFAULT_PAGE_SIZE):  # bounded: each scroll to the bottom loads a page
        if page.model.fully_loaded:
            break
        loaded = page.model.loaded_count
        page.view.scrollToBottom()
        qtbot.waitUntil(lambda n=loaded: page.model.loaded_count > n or page.model.fully_loaded)
    assert page.model.fully_loaded
    assert page.model.loaded_count == 1200
    last = page.model.data(page.model.index(1199, 0), ROW_ROLE)
    assert last.code == "K01200"
    page.refresh()  # a refresh keeps all 1,200 loaded (pages are capped at 1,000)
    assert page.model.loaded_count == 1200


def test_messages_while_typing_are_in_the_users_language(
    qtbot, page: CustomerListPage, services: Services
) -> None:
    from retailerp import i18n

    i18n.set_language("zh_CN")  # the english fixture puts English back afterwards
    dialog = page.new_customer()
    qtbot.keyClicks(editor(dialog, "code"), "C9")

    assert not dialog.form.validate()

    assert dialog.form.error_label("name").text() == "此项为必填项。"
