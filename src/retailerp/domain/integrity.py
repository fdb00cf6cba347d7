"""The business invariants a sound database keeps, and the words for each broken one.

``retailerp db integrity`` (``persistence/integrity.py``) reads plain facts out of the
database — sums per item and place, the numbers each series handed out, what each blue
invoice line was credited, the money applied to each invoice — and hands them to the
functions here, which decide what is wrong.  Each problem names the rule it breaks
(:attr:`IntegrityProblem.rule`) and the document, item or number at fault, in words:

- ``ledger``: the kept stock balance of an item at a place (and batch / serial) equals the
  sum of its ledger moves;
- ``negative_stock``: no real place holds less than nothing (unless the shop allows
  negative stock);
- ``numbers``: every number series is gapless (1 … last, each handed out once) and no
  document carries a number the series never gave;
- ``red_invoices``: what red invoices credit never exceeds the blue invoice, per line
  (quantity, net, VAT) and in total;
- ``consignment``: what sits at a customer on consignment equals fill-ups − issues − pickups
  + returns (+ surpluses a count booked), per customer and item;
- ``payments``: an invoice's paid amount is the money allocated to it and never more than
  its total; a payment never gives out more than it brought, nor a refund pay back more or
  less than the money it names;
- ``links``: a reversal names a posted document that exists and is not itself a reversal,
  no document is reversed twice, a document marked reversed has its reversal, each reversing
  move undoes exactly the move it names, an issued red invoice has its credit.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from retailerp.domain.errors import DomainError
from retailerp.domain.money import Money
from retailerp.domain.numbering import DIGITS, parse_number
from retailerp.domain.text import QT_TRANSLATE_NOOP, Term

ZERO = Decimal(0)
MOST_MISSING_NAMED = 5
"""A gap of many numbers is reported once, naming the first few."""

RULES = ("file", "ledger", "negative_stock", "numbers", "red_invoices", "consignment",
         "payments", "links")  # fmt: skip


class IntegrityProblem(DomainError):
    """One broken invariant: ``rule`` says which (see :data:`RULES`)."""

    def __init__(self, rule: str, message: str, **params: Any) -> None:
        self.rule = rule
        super().__init__(message, **params)


def qty(value: Decimal) -> str:
    """A quantity as people write it: 5, 2.5 (no trailing zeros)."""
    text = f"{Decimal(value).normalize():f}"
    return text


def _key(key: str) -> str:
    return f" ({key})" if key else ""


# --- stock ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class BalanceFact:
    """An item's stock at a place (one batch / serial): kept in the balance table and summed
    over the ledger."""

    sku: str
    location: str
    key: str
    kept: Decimal
    summed: Decimal


def ledger(facts: Iterable[BalanceFact]) -> list[IntegrityProblem]:
    return [
        IntegrityProblem(
            "ledger",
            QT_TRANSLATE_NOOP(
                "errors",
                "Stock of {sku}{key} at {location}: the balance says {kept}, the ledger adds "
                "up to {summed}.",
            ),
            sku=f.sku,
            key=_key(f.key),
            location=f.location,
            kept=qty(f.kept),
            summed=qty(f.summed),
        )  # fmt: skip
        for f in facts
        if f.kept != f.summed
    ]


@dataclass(frozen=True)
class StockFact:
    """A kept balance at a place, with whether the place is a virtual end of the ledger."""

    sku: str
    location: str
    key: str
    quantity: Decimal
    virtual: bool


def negative_stock(facts: Iterable[StockFact], allow_negative: bool) -> list[IntegrityProblem]:
    if allow_negative:
        return []
    return [
        IntegrityProblem(
            "negative_stock",
            QT_TRANSLATE_NOOP("errors", "{location} holds {quantity} of {sku}{key}: below zero."),
            location=f.location,
            quantity=qty(f.quantity),
            sku=f.sku,
            key=_key(f.key),
        )  # fmt: skip
        for f in facts
        if f.quantity < 0 and not f.virtual
    ]


# --- numbers -------------------------------------------------------------------------------


def numbers(
    series: Mapping[tuple[str, int], int], used: Iterable[tuple[str, str]]
) -> list[IntegrityProblem]:
    """``series``: (prefix, year) → the last number handed out; ``used``: (what, number) of
    every numbered document, ``what`` naming its register (a :class:`Term`, e.g. invoices)."""
    problems: list[IntegrityProblem] = []
    seen: dict[tuple[str, int], set[int]] = defaultdict(set)
    used = list(used)
    counts = Counter(number for _what, number in used)
    where: dict[str, list[str]] = defaultdict(list)
    for what, number in used:
        where[number].append(what)
        parsed = parse_number(number)
        if parsed is None:
            problems.append(_number_problem(
                QT_TRANSLATE_NOOP("errors", "{number} in {what} is not a document number."),
                number=number, what=what,
            ))  # fmt: skip
            continue
        doc_type, year, sequence = parsed
        seen[doc_type.value, year].add(sequence)
        last = series.get((doc_type.value, year), 0)
        if sequence > last:
            problems.append(_number_problem(
                QT_TRANSLATE_NOOP(
                    "errors", "{number} in {what} was never handed out: the series "
                    "{prefix}{year} stands at {last}."),
                number=number, what=what, prefix=doc_type.value, year=year, last=last,
            ))  # fmt: skip
    for number, count in sorted(counts.items()):
        if count > 1:
            first, *others = sorted(where[number])
            problems.extend(_number_problem(
                QT_TRANSLATE_NOOP("errors", "{number} in {what} is used already (in {first})."),
                number=number, what=what, first=first,
            ) for what in others)  # fmt: skip
    for (prefix, year), last in sorted(series.items()):
        missing = sorted(set(range(1, last + 1)) - seen.get((prefix, year), set()))
        if missing:
            problems.append(_gap(prefix, year, missing))
    return problems


def _number_problem(message: str, **params: Any) -> IntegrityProblem:
    return IntegrityProblem("numbers", message, **params)


def _gap(prefix: str, year: int, missing: list[int]) -> IntegrityProblem:
    named = ", ".join(format_number_of(prefix, year, n) for n in missing[:MOST_MISSING_NAMED])
    more = len(missing) - MOST_MISSING_NAMED
    return _number_problem(
        QT_TRANSLATE_NOOP(
            "errors", "The {prefix}{year} series has a gap: {count} missing ({numbers}{more})."
        ),
        prefix=prefix, year=year, count=len(missing), numbers=named,
        more=f", +{more}" if more > 0 else "",
    )  # fmt: skip


def format_number_of(prefix: str, year: int, sequence: int) -> str:
    return f"{prefix}{year}-{sequence:0{DIGITS}d}"


# --- red invoices --------------------------------------------------------------------------


@dataclass(frozen=True)
class CreditedLine:
    """One blue invoice line and what the red invoices not voided credit on it."""

    blue: str
    line_no: int
    sku: str
    quantity: Decimal
    net: Money
    vat: Money
    red_quantity: Decimal
    red_net: Money
    red_vat: Money


@dataclass(frozen=True)
class CreditedInvoice:
    blue: str
    gross: Money
    red_gross: Money


QUANTITY = Term(QT_TRANSLATE_NOOP("terms", "quantity"))
NET = Term(QT_TRANSLATE_NOOP("terms", "net"))
VAT = Term(QT_TRANSLATE_NOOP("terms", "VAT"))


def red_ceilings(
    lines: Iterable[CreditedLine], invoices: Iterable[CreditedInvoice]
) -> list[IntegrityProblem]:
    problems: list[IntegrityProblem] = []
    for line in lines:
        for what, blue, red, over in (
            (QUANTITY, qty(line.quantity), qty(line.red_quantity),
             line.red_quantity > line.quantity),
            (NET, str(line.net), str(line.red_net), line.red_net > line.net),
            (VAT, str(line.vat), str(line.red_vat), line.red_vat > line.vat),
        ):  # fmt: skip
            if over:
                problems.append(IntegrityProblem(
                    "red_invoices",
                    QT_TRANSLATE_NOOP(
                        "errors", "{blue} line {line} ({sku}): red invoices credit {what} "
                        "{red}, the blue line has {had}."),
                    blue=line.blue, line=line.line_no, sku=line.sku, what=what, red=red,
                    had=blue,
                ))  # fmt: skip
    for invoice in invoices:
        if invoice.red_gross > invoice.gross:
            problems.append(IntegrityProblem(
                "red_invoices",
                QT_TRANSLATE_NOOP(
                    "errors",
                    "{blue}: red invoices credit {red} in total, the invoice is {gross}.",
                ),
                blue=invoice.blue, red=str(invoice.red_gross), gross=str(invoice.gross),
            ))  # fmt: skip
    return problems


# --- consignment ---------------------------------------------------------------------------


def consignment(
    kept: Mapping[tuple[str, str], Decimal], documents: Mapping[tuple[str, str], Decimal]
) -> list[IntegrityProblem]:
    """(customer code, sku) → what the ledger holds at the customer's consignment place, and
    what its standing documents add up to (fill-ups − issues − pickups + returns + booked
    count surpluses)."""
    problems = []
    for customer, sku in sorted(set(kept) | set(documents)):
        held = kept.get((customer, sku), ZERO)
        booked = documents.get((customer, sku), ZERO)
        if held != booked:
            problems.append(IntegrityProblem(
                "consignment",
                QT_TRANSLATE_NOOP(
                    "errors", "Consignment of {sku} at customer {customer}: the stock there is "
                    "{held}, its documents add up to {booked}."),
                sku=sku, customer=customer, held=qty(held), booked=qty(booked),
            ))  # fmt: skip
    return problems


# --- money ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class InvoiceMoney:
    number: str
    gross: Money
    paid: Money
    allocated: Money


@dataclass(frozen=True)
class MoneySource:
    """A payment (what it brought, what of it was applied or refunded) or a refund (what it
    paid back, what it names as its sources)."""

    number: str
    amount: Money
    allocated: Money
    refund: bool = False
    unapplied: Money | None = None
    """What the payment keeps as not applied yet (``None`` for a refund)."""


def payments(
    invoices: Iterable[InvoiceMoney], sources: Iterable[MoneySource]
) -> list[IntegrityProblem]:
    problems: list[IntegrityProblem] = []
    for inv in invoices:
        if inv.paid != inv.allocated:
            problems.append(IntegrityProblem(
                "payments",
                QT_TRANSLATE_NOOP(
                    "errors", "{number} says {paid} paid, the payments applied to it add up to "
                    "{allocated}."),
                number=inv.number, paid=str(inv.paid), allocated=str(inv.allocated),
            ))  # fmt: skip
        if inv.allocated > inv.gross or inv.paid > inv.gross:
            problems.append(IntegrityProblem(
                "payments",
                QT_TRANSLATE_NOOP("errors", "{number} is {gross} but {paid} was paid on it."),
                number=inv.number, gross=str(inv.gross), paid=str(max(inv.paid, inv.allocated)),
            ))  # fmt: skip
    for source in sources:
        if source.refund and source.allocated != source.amount:
            problems.append(IntegrityProblem(
                "payments",
                QT_TRANSLATE_NOOP(
                    "errors", "Refund {number} pays back {amount}, the money it names adds up "
                    "to {allocated}."),
                number=source.number, amount=str(source.amount), allocated=str(source.allocated),
            ))  # fmt: skip
        elif not source.refund and (source.allocated > source.amount or source.allocated.minor < 0):
            problems.append(IntegrityProblem(
                "payments",
                QT_TRANSLATE_NOOP(
                    "errors", "Payment {number} brought {amount} but {allocated} of it was "
                    "applied or refunded."),
                number=source.number, amount=str(source.amount), allocated=str(source.allocated),
            ))  # fmt: skip
        if not source.refund and source.unapplied is not None and (
            source.unapplied != source.amount - source.allocated
        ):
            problems.append(IntegrityProblem(
                "payments",
                QT_TRANSLATE_NOOP(
                    "errors", "Payment {number} keeps {unapplied} as not applied, but its "
                    "amount less what was applied or refunded is {left}."),
                number=source.number, unapplied=str(source.unapplied),
                left=str(source.amount - source.allocated),
            ))  # fmt: skip
    return problems


# --- links ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReversalFact:
    """A reversal document and what it names: ``target_state`` is the state of the document
    of that number (``None`` when there is none; ``"posted"`` for a stock document)."""

    number: str
    reverses: str
    target_state: str | None
    target_moves: int


def reversal_links(
    reversals: Iterable[ReversalFact], marked_reversed: Iterable[str]
) -> list[IntegrityProblem]:
    """``marked_reversed``: numbers of returns and consignment documents in state reversed."""
    problems: list[IntegrityProblem] = []
    reversals = list(reversals)
    times = Counter(r.reverses for r in reversals)
    for r in reversals:
        if r.reverses.startswith("RV"):
            problems.append(_link(
                QT_TRANSLATE_NOOP("errors", "{number} reverses {target}, which is a reversal."),
                number=r.number, target=r.reverses,
            ))  # fmt: skip
        elif r.target_state is None:
            problems.append(_link(
                QT_TRANSLATE_NOOP("errors", "{number} reverses {target}, which does not exist."),
                number=r.number, target=r.reverses,
            ))  # fmt: skip
        elif r.target_state not in ("posted", "reversed") or r.target_moves == 0:
            problems.append(_link(
                QT_TRANSLATE_NOOP(
                    "errors", "{number} reverses {target}, which was never posted ({state})."),
                number=r.number, target=r.reverses, state=r.target_state,
            ))  # fmt: skip
    for target, count in sorted(times.items()):
        if count > 1:
            problems.append(_link(
                QT_TRANSLATE_NOOP("errors", "{target} is reversed {count} times."),
                target=target, count=count,
            ))  # fmt: skip
    for number in sorted(set(marked_reversed) - set(times)):
        problems.append(_link(
            QT_TRANSLATE_NOOP("errors", "{number} is marked reversed but no reversal names it."),
            number=number,
        ))  # fmt: skip
    return problems


@dataclass(frozen=True)
class ReversingMove:
    """A ledger move that names the move it undoes, side by side with that move."""

    id: int
    number: str
    reversed_number: str | None
    """The document of the move it names (``None`` when that move does not exist)."""
    names: str
    """What the reversing document says it reverses."""
    exact: bool
    """Same item, quantity, batch and serial, the two places swapped."""


def move_links(moves: Iterable[ReversingMove]) -> list[IntegrityProblem]:
    problems = []
    for m in moves:
        if m.reversed_number is None:
            problems.append(_link(
                QT_TRANSLATE_NOOP(
                    "errors", "A move of {number} reverses a ledger move that does not exist."),
                number=m.number,
            ))  # fmt: skip
        elif m.reversed_number != m.names or not m.exact:
            problems.append(_link(
                QT_TRANSLATE_NOOP(
                    "errors", "A move of {number} does not exactly undo its move of {target}."),
                number=m.number, target=m.reversed_number,
            ))  # fmt: skip
    return problems


@dataclass(frozen=True)
class RedCredit:
    """An issued red invoice and the credit (a payment of method credit) of the same number."""

    number: str
    gross: Money
    credit: Money | None


def credit_links(credits: Iterable[RedCredit], orphans: Iterable[str]) -> list[IntegrityProblem]:
    """``orphans``: credit payments with no issued red invoice of their number."""
    problems = []
    for c in credits:
        if c.credit is None:
            problems.append(_link(
                QT_TRANSLATE_NOOP(
                    "errors", "Red invoice {number} is issued but granted no credit."
                ),
                number=c.number,
            ))  # fmt: skip
        elif c.credit != c.gross:
            problems.append(_link(
                QT_TRANSLATE_NOOP(
                    "errors", "Red invoice {number} is {gross} but granted a credit of {credit}."),
                number=c.number, gross=str(c.gross), credit=str(c.credit),
            ))  # fmt: skip
    for number in sorted(orphans):
        problems.append(_link(
            QT_TRANSLATE_NOOP("errors", "Credit {number} has no issued red invoice."),
            number=number,
        ))  # fmt: skip
    return problems


def _link(message: str, **params: Any) -> IntegrityProblem:
    return IntegrityProblem("links", message, **params)
