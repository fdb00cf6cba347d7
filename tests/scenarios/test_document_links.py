"""Every document of a return's chain names the others: delivery ↔ return ↔ red invoice ↔
refund ↔ exchange (replacement order and delivery), from whichever one is looked at."""

from __future__ import annotations

from retailerp.domain.document_links import LinkRole
from retailerp.services import Services
from support.return_chain import build_chain
from support.shop import Shop

L = LinkRole


def seen(s: Services, number: str) -> list[tuple[LinkRole, str]]:
    return [(link.role, link.number) for link in s.links.of(number)]


def test_each_document_names_its_chain(shop: Shop) -> None:
    n = build_chain(shop)
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
    n = build_chain(shop)
    s = shop.s
    states = {link.number: str(link.state) for link in s.links.of(n["DN1"])}
    assert states[n["RT1"]] == "posted" and states[n["RI1"]] == "issued"
    assert states[n["SO2"]] == "shipped" and states[n["DN2"]] == ""
    assert s.links.of("RT2026-999999") == [] and s.links.of("nonsense") == []
