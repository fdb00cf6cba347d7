"""Every document of a return's chain names the others: delivery ↔ return ↔ red invoice ↔
refund ↔ exchange (replacement order and delivery), from whichever one is looked at."""

from __future__ import annotations

from retailerp.domain.document_links import LinkRole
from retailerp.services import Services
from support.shop import Shop

L = LinkRole


def chain(shop: Shop) -> dict[str, str]:
    """Delivered, invoiced and paid; RT1 credited by RI1 and refunded by RF1; RT2 exchanged
    and the replacement shipped."""
    s = shop.s
    customer = s.customers.create({"code": "C001", "name": "华联超市", "credit_limit": "99999"})
    item = s.items.create({"sku": "KET", "name": "Kettle", "price": "100", "vat_rate": "13"})
    s.stock.receive(s.stock.add_bin("A-01").id, [{"item_id": item.id, "quantity": "20"}])
    order = s.orders.create(customer.id, {}, [{"item_id": item.id, "quantity": "6"}])
    order = s.orders.confirm(order.id, order.version)
    s.orders.start_picking(order.id, order.version)
    delivery = s.orders.ship(order.id, s.orders.get(order.id).version)
    invoice = s.invoices.invoice([delivery.id])
    s.invoices.record_payment(customer.id, "678")
    numbers = {"SO1": order.number, "DN1": delivery.number, "IV1": invoice.number}
    for key, quantity in (("RT1", "2"), ("RT2", "1")):
        lines = [{"delivery_line_id": delivery.lines[0].id, "quantity": quantity}]
        draft = s.returns.create(delivery.id, {"reason": "quality_defect"}, lines)
        numbers[key] = s.returns.post(draft.id, draft.version).number
    red = s.red_invoices.from_return(s.returns.by_number(numbers["RT1"]).id)
    red = s.red_invoices.submit(red.id, red.version)
    red = s.red_invoices.confirm(red.id, red.version, "LINK00000001")
    numbers["RI1"] = s.red_invoices.issue(red.id, red.version).number
    numbers["RF1"] = s.invoices.refund(customer.id, "226").number
    replacement = s.exchanges.exchange(s.returns.by_number(numbers["RT2"]).id)
    s.orders.start_picking(replacement.id, replacement.version)
    numbers["SO2"] = replacement.number
    numbers["DN2"] = s.orders.ship(replacement.id, s.orders.get(replacement.id).version).number
    return numbers


def seen(s: Services, number: str) -> list[tuple[LinkRole, str]]:
    return [(link.role, link.number) for link in s.links.of(number)]


def test_each_document_names_its_chain(shop: Shop) -> None:
    n = chain(shop)
    s = shop.s
    assert n["RI1"].startswith("RI") and n["RF1"].startswith("RF")
    assert seen(s, n["RT1"]) == [
        (L.ORDER, n["SO1"]), (L.DELIVERY, n["DN1"]), (L.INVOICE, n["IV1"]),
        (L.RED_INVOICE, n["RI1"]), (L.REFUND, n["RF1"]),
    ]  # fmt: skip
    assert seen(s, n["RT2"]) == [
        (L.ORDER, n["SO1"]), (L.DELIVERY, n["DN1"]), (L.INVOICE, n["IV1"]),
        (L.REPLACEMENT_ORDER, n["SO2"]), (L.REPLACEMENT_DELIVERY, n["DN2"]),
    ]  # fmt: skip
    assert seen(s, n["DN1"]) == [
        (L.ORDER, n["SO1"]), (L.INVOICE, n["IV1"]), (L.RETURN, n["RT1"]),
        (L.RETURN, n["RT2"]), (L.RED_INVOICE, n["RI1"]), (L.REFUND, n["RF1"]),
        (L.REPLACEMENT_ORDER, n["SO2"]), (L.REPLACEMENT_DELIVERY, n["DN2"]),
    ]  # fmt: skip
    assert seen(s, n["RI1"]) == [
        (L.ORDER, n["SO1"]), (L.DELIVERY, n["DN1"]), (L.INVOICE, n["IV1"]),
        (L.RETURN, n["RT1"]), (L.REFUND, n["RF1"]),
    ]  # fmt: skip
    assert seen(s, n["RF1"]) == [
        (L.ORDER, n["SO1"]), (L.DELIVERY, n["DN1"]), (L.INVOICE, n["IV1"]),
        (L.RETURN, n["RT1"]), (L.RED_INVOICE, n["RI1"]),
    ]  # fmt: skip
    # the replacement delivery names the return it answers and the original delivery
    dn2 = dict((number, role) for role, number in seen(s, n["DN2"]))
    assert dn2 == {n["SO1"]: L.ORDER, n["DN1"]: L.DELIVERY, n["IV1"]: L.INVOICE,
                   n["RT2"]: L.EXCHANGE_FOR, n["SO2"]: L.REPLACEMENT_ORDER}  # fmt: skip
    so1 = {number for _, number in seen(s, n["SO1"])}
    assert {n["RT1"], n["RT2"], n["RI1"], n["RF1"], n["SO2"], n["DN2"]} <= so1
    so2 = dict((number, role) for role, number in seen(s, n["SO2"]))
    assert so2[n["RT2"]] == L.EXCHANGE_FOR and so2[n["DN2"]] == L.REPLACEMENT_DELIVERY
    iv1 = dict((number, role) for role, number in seen(s, n["IV1"]))
    assert iv1[n["RI1"]] == L.RED_INVOICE and iv1[n["RF1"]] == L.REFUND
    assert iv1[n["RT1"]] == L.RETURN and iv1[n["DN1"]] == L.DELIVERY


def test_states_travel_with_the_links_and_unknown_numbers_have_none(shop: Shop) -> None:
    n = chain(shop)
    s = shop.s
    states = {link.number: str(link.state) for link in s.links.of(n["DN1"])}
    assert states[n["RT1"]] == "posted" and states[n["RI1"]] == "issued"
    assert states[n["SO2"]] == "shipped" and states[n["DN2"]] == ""
    assert s.links.of("RT2026-999999") == [] and s.links.of("nonsense") == []
