"""Printed documents of a return chain name each other: the return note its red invoice,
refund and replacement order; the red invoice its return, delivery and refund and the
policy rule that decided the rate; the replacement delivery note the return it answers."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from retailerp import i18n
from support.return_chain import chain_file
from support.shop import open_shop


def text_of(pdf: bytes) -> str:
    return "".join(
        "".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(pdf)).pages
    )


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, str], dict[str, str]]:
    i18n.set_language("en")
    target = tmp_path_factory.mktemp("chain") / "shop.db"
    numbers = chain_file(target)
    s = open_shop(target).s
    texts = {
        f"{key}/{language}": text_of(s.printing.pdf(numbers[key], "A4", 1, language))
        for key in ("RT1", "RT2", "RI1", "DN2")
        for language in ("en", "zh_CN")
    }
    s.ctx.db.dispose()
    return numbers, texts


def test_the_return_note_names_its_red_invoice_refund_and_replacement(printed) -> None:  # noqa: ANN001
    n, text = printed
    rt1 = text["RT1/en"]
    assert f"Redinvoiceno.{n['RI1']}" in rt1 and f"Refundno.{n['RF1']}" in rt1
    assert f"Deliveryno.{n['DN1']}" in rt1 and n["SO2"] not in rt1
    rt2 = text["RT2/en"]
    assert f"Replacementorderno.{n['SO2']}" in rt2
    assert f"Replacementdeliveryno.{n['DN2']}" in rt2 and n["RI1"] not in rt2


def test_the_red_invoice_names_its_return_and_the_rule_that_decided(printed) -> None:  # noqa: ANN001
    n, text = printed
    ri1 = text["RI1/en"]
    assert f"Returnno.{n['RT1']}" in ri1 and f"Deliveryno.{n['DN1']}" in ri1
    assert f"Refundno.{n['RF1']}" in ri1 and f"Originalinvoiceno.{n['IV1']}" in ri1
    assert "Policyrule" in ri1 and "after6months" in ri1 and "90%" in ri1
    assert "-180.00" in ri1 and "-23.40" in ri1 and "-203.40" in ri1
    zh = text["RI1/zh_CN"]
    assert n["RT1"] in zh and "90%" in zh and "after6months" not in zh


def test_the_replacement_delivery_note_names_the_return_it_answers(printed) -> None:  # noqa: ANN001
    n, text = printed
    dn2 = text["DN2/en"]
    assert f"Exchangeforreturnno.{n['RT2']}" in dn2
    assert f"Originaldeliveryno.{n['DN1']}" in dn2
    assert n["RT2"] in text["DN2/zh_CN"]


def test_a_cancelled_exchange_prints_its_replacement_order_as_cancelled(tmp_path) -> None:  # noqa: ANN001
    """The return note of a cancelled exchange names the replacement order marked
    "(cancelled)" in both languages, as the screen shows it; while the exchange stands it is
    printed plain."""
    i18n.set_language("en")
    shop = open_shop(tmp_path / "shop.db")
    s = shop.s
    customer = s.customers.create({"code": "C001", "name": "华联超市", "credit_limit": "99999"})
    item = s.items.create({"sku": "KET", "name": "Kettle 电水壶", "price": "100", "vat_rate": "13"})
    s.stock.receive(s.stock.add_bin("A-01").id, [{"item_id": item.id, "quantity": "20"}])
    order = s.orders.create(customer.id, {}, [{"item_id": item.id, "quantity": "6"}])
    order = s.orders.confirm(order.id, order.version)
    s.orders.start_picking(order.id, order.version)
    delivery = s.orders.ship(order.id, s.orders.get(order.id).version)
    lines = [{"delivery_line_id": delivery.lines[0].id, "quantity": "1"}]
    draft = s.returns.create(delivery.id, {"reason": "quality_defect"}, lines)
    returned = s.returns.post(draft.id, draft.version)
    replacement = s.exchanges.exchange(returned.id)

    def printed(language: str) -> str:
        return text_of(s.printing.pdf(returned.number, "A4", 1, language))

    live = printed("en")
    assert f"Replacementorderno.{replacement.number}" in live and "(cancelled)" not in live
    s.exchanges.cancel(returned.id, "customer wants the money instead")
    assert f"Replacementorderno.{replacement.number}(cancelled)" in printed("en")
    zh = printed("zh_CN")
    assert f"{replacement.number}（已取消）" in zh and "cancelled" not in zh
    s.ctx.db.dispose()
