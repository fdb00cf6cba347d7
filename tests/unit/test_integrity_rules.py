"""The business invariants as rules over plain facts (``domain/integrity.py``): each broken
one is said in words naming the document, item or number."""

from __future__ import annotations

from decimal import Decimal as D

from retailerp.domain import integrity as rules
from retailerp.domain.money import Money


def words(problems: list[rules.IntegrityProblem]) -> list[str]:
    return [str(p) for p in problems]


def test_a_balance_that_is_not_its_ledger_is_named_with_item_place_and_batch() -> None:
    facts = [rules.BalanceFact("TEA", "A-01", "B7", D("5.000"), D("4.500")),
             rules.BalanceFact("RICE", "WH", "", D(3), D(3))]  # fmt: skip
    assert words(rules.ledger(facts)) == [
        "Stock of TEA (B7) at A-01: the balance says 5, the ledger adds up to 4.5."
    ]


def test_below_zero_counts_only_at_real_places_and_only_when_the_shop_forbids_it() -> None:
    facts = [rules.StockFact("TEA", "A-01", "", D(-2), virtual=False),
             rules.StockFact("TEA", "SUPPLIERS", "", D(-50), virtual=True)]  # fmt: skip
    assert words(rules.negative_stock(facts, allow_negative=False)) == [
        "A-01 holds -2 of TEA: below zero."
    ]
    assert rules.negative_stock(facts, allow_negative=True) == []


def test_numbers_gapless_unique_and_handed_out_by_their_series() -> None:
    series = {("SO", 2026): 9, ("IV", 2026): 1}
    used = [("sales orders", f"SO2026-{n:06d}") for n in (1, 2, 3, 9)]
    used += [("invoices", "IV2026-000001"), ("deliveries", "IV2026-000001"),
             ("invoices", "IV2026-000002"), ("payments", "hello")]  # fmt: skip
    assert words(rules.numbers(series, used)) == [
        "IV2026-000002 in invoices was never handed out: the series IV2026 stands at 1.",
        "hello in payments is not a document number.",
        "IV2026-000001 in invoices is used already (in deliveries).",
        "The SO2026 series has a gap: 5 missing (SO2026-000004, SO2026-000005, "
        "SO2026-000006, SO2026-000007, SO2026-000008).",
    ]
    many = rules.numbers({("GR", 2026): 12}, [("stock documents", "GR2026-000012")])
    assert words(many) == [
        "The GR2026 series has a gap: 11 missing (GR2026-000001, GR2026-000002, "
        "GR2026-000003, GR2026-000004, GR2026-000005, +6)."
    ]
    assert rules.numbers({("SO", 2026): 2}, [("x", "SO2026-000001"), ("x", "SO2026-000002")]) == []


def test_red_invoices_never_above_the_blue_line_or_invoice() -> None:
    line = rules.CreditedLine("IV2026-000001", 1, "TEA", D(3), Money.of("300"), Money.of("39"),
                              D(4), Money.of("300"), Money.of("39.01"))  # fmt: skip
    total = rules.CreditedInvoice("IV2026-000001", Money.of("339"), Money.of("339.01"))
    assert words(rules.red_ceilings([line], [total])) == [
        "IV2026-000001 line 1 (TEA): red invoices credit quantity 4, the blue line has 3.",
        "IV2026-000001 line 1 (TEA): red invoices credit VAT 39.01, the blue line has 39.00.",
        "IV2026-000001: red invoices credit 339.01 in total, the invoice is 339.00.",
    ]
    exact = rules.CreditedLine("IV2026-000001", 1, "TEA", D(3), Money.of("300"), Money.of("39"),
                               D(3), Money.of("300"), Money.of("39"))  # fmt: skip
    whole = rules.CreditedInvoice("IV2026-000001", Money.of("339"), Money.of("339"))
    assert rules.red_ceilings([exact], [whole]) == []


def test_consignment_at_the_customer_is_what_its_documents_add_up_to() -> None:
    kept = {("C001", "TEA"): D(6), ("C002", "RICE"): D(1)}
    booked = {("C001", "TEA"): D(6), ("C003", "TEA"): D(2)}
    assert words(rules.consignment(kept, booked)) == [
        "Consignment of RICE at customer C002: the stock there is 1, its documents add up to 0.",
        "Consignment of TEA at customer C003: the stock there is 0, its documents add up to 2.",
    ]


def test_money_applied_never_more_than_invoice_or_payment() -> None:
    invoices = [
        rules.InvoiceMoney("IV1", Money.of("100"), Money.of("100"), Money.of("100")),
        rules.InvoiceMoney("IV2", Money.of("100"), Money.of("60"), Money.of("50")),
        rules.InvoiceMoney("IV3", Money.of("100"), Money.of("120"), Money.of("120")),
    ]
    sources = [
        rules.MoneySource("PY1", Money.of("50"), Money.of("50")),
        rules.MoneySource("PY2", Money.of("50"), Money.of("70")),
        rules.MoneySource("RF1", Money.of("20"), Money.of("15"), refund=True),
    ]
    assert words(rules.payments(invoices, sources)) == [
        "IV2 says 60.00 paid, the payments applied to it add up to 50.00.",
        "IV3 is 100.00 but 120.00 was paid on it.",
        "Payment PY2 brought 50.00 but 70.00 of it was applied or refunded.",
        "Refund RF1 pays back 20.00, the money it names adds up to 15.00.",
    ]


def test_reversals_name_a_posted_document_once_and_never_a_reversal() -> None:
    facts = [
        rules.ReversalFact("RV1", "GR1", "posted", 2),
        rules.ReversalFact("RV2", "RV1", "posted", 2),
        rules.ReversalFact("RV3", "GR9", None, 0),
        rules.ReversalFact("RV4", "RT1", "draft", 0),
        rules.ReversalFact("RV5", "GR1", "posted", 2),
        rules.ReversalFact("RV6", "RT2", "reversed", 1),
    ]
    assert words(rules.reversal_links(facts, ["RT2", "CF1"])) == [
        "RV2 reverses RV1, which is a reversal.",
        "RV3 reverses GR9, which does not exist.",
        "RV4 reverses RT1, which was never posted (draft).",
        "GR1 is reversed 2 times.",
        "CF1 is marked reversed but no reversal names it.",
    ]


def test_a_reversing_move_undoes_exactly_the_move_it_names() -> None:
    moves = [
        rules.ReversingMove(1, "RV1", "GR1", "GR1", exact=True),
        rules.ReversingMove(2, "RV1", "GR2", "GR1", exact=True),
        rules.ReversingMove(3, "RV2", "GR3", "GR3", exact=False),
        rules.ReversingMove(4, "RV3", None, "GR4", exact=False),
    ]
    assert words(rules.move_links(moves)) == [
        "A move of RV1 does not exactly undo its move of GR2.",
        "A move of RV2 does not exactly undo its move of GR3.",
        "A move of RV3 reverses a ledger move that does not exist.",
    ]


def test_an_issued_red_invoice_grants_exactly_its_credit() -> None:
    credits = [
        rules.RedCredit("RI1", Money.of("10"), Money.of("10")),
        rules.RedCredit("RI2", Money.of("10"), None),
        rules.RedCredit("RI3", Money.of("10"), Money.of("9")),
    ]
    assert words(rules.credit_links(credits, ["RI4"])) == [
        "Red invoice RI2 is issued but granted no credit.",
        "Red invoice RI3 is 10.00 but granted a credit of 9.00.",
        "Credit RI4 has no issued red invoice.",
    ]
    assert all(p.rule == "links" for p in rules.credit_links(credits, ["RI4"]))
