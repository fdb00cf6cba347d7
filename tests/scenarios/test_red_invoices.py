"""Money follows the goods back: deliver → invoice → partial return → red invoice → issue →
refund; a red invoice that would exceed its blue invoice; a return before invoicing; an
exchange; an allowance.  On SQLite and PostgreSQL, asserting the ledger, balances,
documents, numbers, receivables and the revenue ABC classification reads at every step."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from retailerp.domain.errors import FieldError, StateError, ValidationError
from retailerp.domain.money import Money
from retailerp.persistence.unit_of_work import read
from support.shop import Shop

D = Decimal
TODAY = date(2026, 3, 10)  # support.shop's "today"
M = Money.of


def delivered(shop: Shop, quantity: str = "6") -> dict:
    """Kettles (100 net, 13 % VAT, batch K1) delivered to C001 from bin A-01."""
    s = shop.s
    customer = s.customers.create({"code": "C001", "name": "华联超市", "credit_limit": "99999"})
    item = s.items.create(
        {"sku": "KET", "name": "Kettle 电水壶", "price": "100", "vat_rate": "13",
         "tracking": "batch"}
    )  # fmt: skip
    a01 = s.stock.add_bin("A-01").id
    s.stock.receive(a01, [{"item_id": item.id, "quantity": "20", "batch": "K1"}])
    order = s.orders.create(customer.id, {}, [{"item_id": item.id, "quantity": quantity}])
    order = s.orders.confirm(order.id, order.version)
    s.orders.start_picking(order.id, order.version)
    delivery = s.orders.ship(order.id, s.orders.get(order.id).version)
    return {"customer": customer.id, "item": item.id, "delivery": delivery, "order": order.id,
            "line": delivery.lines[0].id}  # fmt: skip


def returned(shop: Shop, d: dict, quantity: str, condition: str = "defective") -> int:
    s = shop.s
    lines = [{"delivery_line_id": d["line"], "quantity": quantity, "condition": condition}]
    draft = s.returns.create(d["delivery"].id, {"reason": "quality_defect"}, lines)
    return s.returns.post(draft.id, draft.version).id


def revenue(shop: Shop, customer_id: int) -> Money:
    return read(
        shop.s.ctx.db, lambda u: u.customers.revenue_since(date(2026, 1, 1), date(2026, 12, 31))
    ).get(customer_id, Money.zero())


def money(shop: Shop, customer_id: int) -> tuple[Money, Money]:
    """(open invoices, money on account) of the customer."""
    position = shop.s.invoices.position(customer_id)
    return position.open_balance, position.on_account


def receivable(shop: Shop, customer_id: int) -> Money:
    [row] = [r for r in shop.s.invoices.ageing(TODAY) if r.customer_id == customer_id]
    return row.total


def issued(shop: Shop, red_id: int, confirmation: str) -> object:
    s = shop.s.red_invoices
    document = s.submit(red_id, s.get(red_id).version)
    assert document.state == "awaiting"
    document = s.confirm(red_id, document.version, confirmation)
    assert document.state == "confirmed"
    return s.issue(red_id, document.version)


def test_return_red_invoice_issue_and_refund(any_shop: Shop) -> None:
    shop = any_shop
    s = shop.s
    d = delivered(shop)
    invoice = s.invoices.invoice([d["delivery"].id])
    assert (invoice.number, invoice.gross) == ("IV2026-000001", M("678"))
    s.invoices.record_payment(d["customer"], "500")
    assert money(shop, d["customer"]) == (M("178"), M("0"))
    assert revenue(shop, d["customer"]) == M("600")

    return_id = returned(shop, d, "2")
    assert shop.qty(d["item"], "QC", "K1") == 2 and shop.qty(d["item"], "CUSTOMERS", "K1") == 4
    draft = s.red_invoices.from_return(return_id)
    assert (draft.number, draft.blue_number, draft.kind, draft.state) == (
        "RI2026-000001", "IV2026-000001", "return", "draft")  # fmt: skip
    assert (draft.net, draft.vat, draft.gross) == (M("200"), M("26"), M("226"))
    [blue] = s.red_invoices.blue_lines(invoice.id)
    assert (blue.credited_quantity, blue.open_quantity, blue.open_net) == (D(2), D(4), M("400"))
    assert money(shop, d["customer"]) == (M("178"), M("0"))  # a draft moves no money
    with pytest.raises(StateError, match="credited already by red invoice RI2026-000001"):
        s.red_invoices.from_return(return_id)
    with pytest.raises(StateError, match="settled by RI2026-000001"):
        s.returns.reverse(return_id, "typed twice")

    red = issued(shop, draft.id, "4403012603000001")
    assert red.state == "issued" and red.confirmation_number == "4403012603000001"
    # 178 pays what the blue invoice still wanted, 48 is money on account
    assert s.invoices.get("IV2026-000001").open_amount == M("0")
    assert money(shop, d["customer"]) == (M("0"), M("48"))
    assert receivable(shop, d["customer"]) == M("-48")
    credit = s.invoices.get_payment("RI2026-000001")
    assert (credit.method, credit.reference, credit.amount) == ("credit", "IV2026-000001",
                                                                 M("226"))  # fmt: skip
    assert revenue(shop, d["customer"]) == M("400")

    with pytest.raises(FieldError) as refused:
        s.invoices.refund(d["customer"], "48.01")
    assert refused.value.field == "amount"
    refund = s.invoices.refund(d["customer"], "48", "bank", "transfer 88")
    assert (refund.number, refund.amount) == ("RF2026-000001", M("48"))
    assert money(shop, d["customer"]) == (M("0"), M("0"))
    assert [r.number for r in s.invoices.refunds_of(d["customer"])] == ["RF2026-000001"]
    assert shop.ledger_ok()


def test_a_credit_left_on_account_pays_the_next_invoice(any_shop: Shop) -> None:
    shop = any_shop
    s = shop.s
    d = delivered(shop, "3")
    invoice = s.invoices.invoice([d["delivery"].id])
    s.invoices.record_payment(d["customer"], str(invoice.gross.amount))
    red = s.red_invoices.create(invoice.id, "allowance",
                                [{"invoice_line_id": invoice.lines[0].id, "net": "50"}],
                                "price reduction 折让")  # fmt: skip
    assert (red.kind, red.net, red.vat, red.lines[0].quantity) == ("allowance", M("50"),
                                                                   M("6.50"), D(0))  # fmt: skip
    issued(shop, red.id, "ALLOW0000001")
    assert money(shop, d["customer"]) == (M("0"), M("56.50"))
    assert shop.qty(d["item"], "CUSTOMERS", "K1") == 3  # no goods move for an allowance
    order = s.orders.create(d["customer"], {}, [{"item_id": d["item"], "quantity": "1"}])
    order = s.orders.confirm(order.id, order.version)
    s.orders.start_picking(order.id, order.version)
    delivery = s.orders.ship(order.id, s.orders.get(order.id).version)
    second = s.invoices.invoice([delivery.id])
    assert s.invoices.get(second.number).open_amount == M("56.50")  # 113 less the credit
    assert money(shop, d["customer"]) == (M("56.50"), M("0"))
    assert revenue(shop, d["customer"]) == M("350")


def test_a_red_invoice_never_exceeds_its_blue_invoice(any_shop: Shop) -> None:
    shop = any_shop
    s = shop.s
    d = delivered(shop)
    invoice = s.invoices.invoice([d["delivery"].id])
    line = invoice.lines[0].id
    issued(shop, s.red_invoices.from_return(returned(shop, d, "2")).id, "CONF00000001")
    allowance = s.red_invoices.create(invoice.id, "allowance",
                                      [{"invoice_line_id": line, "net": "350"}])  # fmt: skip
    assert allowance.state == "draft"
    second = returned(shop, d, "1")
    with pytest.raises(ValidationError, match="at most 50.00 net"):
        s.red_invoices.from_return(second)
    with pytest.raises(ValidationError, match="at most 50.00 net"):
        s.red_invoices.create(invoice.id, "allowance", [{"invoice_line_id": line, "net": "51"}])
    assert [r.number for r in s.red_invoices.of_invoice(invoice.id)] == [
        "RI2026-000001", "RI2026-000002"]  # fmt: skip
    # voiding the allowance gives its room back
    s.red_invoices.void(allowance.id, allowance.version, "typed by mistake")
    third = s.red_invoices.from_return(second)
    assert third.number == "RI2026-000003" and third.gross == M("113")
    with pytest.raises(StateError, match="invoicing error"):
        s.red_invoices.create(invoice.id, "invoicing_error", [])
    with pytest.raises(FieldError) as reused:
        draft = s.red_invoices.submit(third.id, third.version)
        s.red_invoices.confirm(third.id, draft.version, "CONF00000001")
    assert reused.value.field == "confirmation_number"
    assert s.red_invoices.get(third.id).state == "awaiting"
    assert money(shop, d["customer"]) == (M("452"), M("0"))  # 678 less the issued 226


def test_a_return_before_invoicing_makes_the_invoice_smaller(any_shop: Shop) -> None:
    shop = any_shop
    s = shop.s
    d = delivered(shop)
    return_id = returned(shop, d, "2", "resellable")
    with pytest.raises(StateError, match="not invoiced yet"):
        s.red_invoices.from_return(return_id)
    invoice = s.invoices.invoice([d["delivery"].id])
    assert [(line.quantity, line.net) for line in invoice.lines] == [(D(4), M("400"))]
    assert invoice.gross == M("452")
    assert money(shop, d["customer"]) == (M("452"), M("0"))
    assert revenue(shop, d["customer"]) == M("400")
    assert shop.qty(d["item"], "A-01", "K1") == 16 and shop.ledger_ok()


def test_an_exchange_sends_the_goods_again_at_no_charge(any_shop: Shop) -> None:
    shop = any_shop
    s = shop.s
    d = delivered(shop)
    invoice = s.invoices.invoice([d["delivery"].id])
    return_id = returned(shop, d, "2")
    order = s.exchanges.exchange(return_id)
    assert order.state == "confirmed" and order.totals.gross == M("0")
    assert "RT2026-000001" in order.note
    link = s.exchanges.of_return(return_id)
    assert link is not None and link.order_id == order.id
    assert s.exchanges.of_order(order.id).return_id == return_id
    s.orders.start_picking(order.id, order.version)
    replacement = s.orders.ship(order.id, s.orders.get(order.id).version)
    assert shop.qty(d["item"], "CUSTOMERS", "K1") == 6 and shop.qty(d["item"], "QC", "K1") == 2
    assert shop.qty(d["item"], "A-01", "K1") == 12
    second = s.invoices.invoice([replacement.id])
    assert second.gross == M("0")
    with pytest.raises(StateError, match="was exchanged"):
        s.red_invoices.from_return(return_id)
    with pytest.raises(StateError, match="settled already"):
        s.exchanges.exchange(return_id)
    assert s.invoices.get(invoice.number).open_amount == M("678")
    assert money(shop, d["customer"]) == (M("678"), M("0"))
    assert revenue(shop, d["customer"]) == M("600") and shop.ledger_ok()
    documents = s.orders.documents(order.id)
    assert documents.exchange_for == "RT2026-000001"
    original = s.orders.documents(d["order"])
    assert original.exchanged_by == [order.number]


def test_an_invoicing_error_reverses_the_whole_invoice(any_shop: Shop) -> None:
    shop = any_shop
    s = shop.s
    d = delivered(shop)
    invoice = s.invoices.invoice([d["delivery"].id])
    red = s.red_invoices.create(invoice.id, "invoicing_error", [], "wrong customer")
    assert red.gross == invoice.gross
    issued(shop, red.id, "ERR000000001")
    assert money(shop, d["customer"]) == (M("0"), M("0"))
    assert revenue(shop, d["customer"]) == M("0")
    assert [r.number for r in s.orders.documents(d["order"]).red_invoices] == ["RI2026-000001"]


def test_who_may_credit_and_refund(shop: Shop) -> None:
    from retailerp.domain.errors import PermissionDenied
    from retailerp.domain.security import Actor, Role
    from retailerp.services import Services

    s = shop.s
    d = delivered(shop)
    invoice = s.invoices.invoice([d["delivery"].id])
    s.invoices.record_payment(d["customer"], "678")

    def as_(role: Role) -> Services:
        return Services.over(s.ctx.db, actor=Actor(role.value, role), today=lambda: TODAY)

    warehouse, sales, finance = as_(Role.WAREHOUSE), as_(Role.SALES), as_(Role.FINANCE)
    lines = [{"delivery_line_id": d["line"], "quantity": "1", "condition": "resellable"}]
    draft = warehouse.returns.create(d["delivery"].id, {"reason": "wrong_goods"}, lines)
    return_id = warehouse.returns.post(draft.id, draft.version).id  # the warehouse posts it
    for clerk in (warehouse, sales):
        with pytest.raises(PermissionDenied):
            clerk.red_invoices.from_return(return_id)
    red = finance.red_invoices.from_return(return_id)
    red = finance.red_invoices.submit(red.id, red.version)
    for clerk in (warehouse, sales):
        with pytest.raises(PermissionDenied):
            clerk.red_invoices.confirm(red.id, red.version, "PERM00000001")
    red = finance.red_invoices.confirm(red.id, red.version, "PERM00000001")
    for clerk in (warehouse, sales):
        with pytest.raises(PermissionDenied):
            clerk.red_invoices.issue(red.id, red.version)
    assert s.red_invoices.get(red.id).state == "confirmed"
    finance.red_invoices.issue(red.id, red.version)
    assert money(shop, d["customer"]) == (M("0"), M("113"))
    for clerk in (warehouse, sales):
        with pytest.raises(PermissionDenied):
            clerk.invoices.refund(d["customer"], "10")
    assert finance.invoices.refund(d["customer"], "113").amount == M("113")
    assert money(shop, d["customer"]) == (M("0"), M("0"))
    assert invoice.number == "IV2026-000001"
