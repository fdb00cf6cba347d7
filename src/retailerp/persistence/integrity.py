"""``retailerp db integrity``: the file's own checks and every business invariant.

The queries here gather plain facts in one read transaction; ``domain/integrity.py``
decides what is wrong and words it.  On SQLite ``PRAGMA integrity_check`` and
``foreign_key_check`` run first (a damaged file stops there: its tables cannot be trusted).
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from sqlalchemy import Table, and_, case, func, literal, select, text
from sqlalchemy.exc import DBAPIError

from retailerp.domain import integrity as rules
from retailerp.domain.consignment import (
    ADDS,
    STOCK_STATES,
    ConsignmentKind,
    ConsignmentLine,
    CountDecision,
)
from retailerp.domain.errors import DomainError
from retailerp.domain.integrity import IntegrityProblem
from retailerp.domain.invoicing import CREDIT_METHOD
from retailerp.domain.money import Money
from retailerp.domain.red_invoices import RedState
from retailerp.domain.returns import ReturnState
from retailerp.domain.stock import VIRTUAL_KINDS, LocationKind
from retailerp.domain.text import QT_TRANSLATE_NOOP, Term
from retailerp.persistence import migrate
from retailerp.persistence import tables as t
from retailerp.persistence.engine import Database
from retailerp.persistence.unit_of_work import UnitOfWork, read

ZERO = Decimal(0)
MOST_FILE_LINES = 5

NUMBERED: tuple[tuple[Term, Table], ...] = (
    (Term(QT_TRANSLATE_NOOP("terms", "stock documents")), t.stock_documents),
    (Term(QT_TRANSLATE_NOOP("terms", "sales orders")), t.sales_orders),
    (Term(QT_TRANSLATE_NOOP("terms", "picking lists")), t.picking_lists),
    (Term(QT_TRANSLATE_NOOP("terms", "deliveries")), t.deliveries),
    (Term(QT_TRANSLATE_NOOP("terms", "invoices")), t.invoices),
    (Term(QT_TRANSLATE_NOOP("terms", "payments")), t.payments),
    (Term(QT_TRANSLATE_NOOP("terms", "returns")), t.returns),
    (Term(QT_TRANSLATE_NOOP("terms", "red invoices")), t.red_invoices),
    (Term(QT_TRANSLATE_NOOP("terms", "complaints")), t.complaint_tickets),
    (Term(QT_TRANSLATE_NOOP("terms", "service visits")), t.service_visits),
    (Term(QT_TRANSLATE_NOOP("terms", "refunds")), t.refunds),
    (Term(QT_TRANSLATE_NOOP("terms", "consignment documents")), t.consignment_documents),
)
"""Every register whose documents take a number from a series (``DocumentType``)."""


def check(db: Database) -> list[DomainError]:
    """Every problem found, the file's first; an empty list means the database is sound."""
    problems: list[DomainError] = list(file_problems(db))
    if any(p.rule == "file" and p.params.get("fatal") for p in problems):
        return problems
    if migrate.needs_upgrade(db):
        return [*problems, migrate.behind(migrate.current_revision(db))]
    return problems + read(db, invariant_problems)


def file_problems(db: Database) -> list[IntegrityProblem]:
    """SQLite's own checks of the file: pages and indexes, then links between records."""
    if not db.is_sqlite:
        return []
    try:
        with db.engine.connect() as conn:
            lines = [row[0] for row in conn.execute(text("PRAGMA integrity_check"))]
            broken = [] if lines != ["ok"] else conn.execute(
                text("PRAGMA foreign_key_check")).fetchall()  # fmt: skip
    except DBAPIError as error:  # so damaged that the check itself cannot read it
        lines = [str(getattr(error, "orig", error))]
    if lines != ["ok"]:
        return [damaged("; ".join(lines[:MOST_FILE_LINES]))]
    return [
        IntegrityProblem(
            "file",
            QT_TRANSLATE_NOOP(
                "errors", "Record {rowid} of {table} points to a missing record of {parent}."
            ),
            table=table,
            rowid=rowid,
            parent=parent,
        )  # fmt: skip
        for table, rowid, parent, _fk in broken
    ]


def damaged(detail: str) -> IntegrityProblem:
    return IntegrityProblem(
        "file", QT_TRANSLATE_NOOP("errors", "The file is damaged: {detail}"), detail=detail,
        fatal=True,
    )  # fmt: skip


def invariant_problems(uow: UnitOfWork) -> list[DomainError]:
    allow_negative = uow.settings.get("stock.allow_negative", "0") == "1"
    return [
        *rules.ledger(balance_facts(uow)),
        *rules.negative_stock(stock_facts(uow), allow_negative),
        *rules.numbers(series(uow), numbers_used(uow)),
        *rules.red_ceilings(credited_lines(uow), credited_invoices(uow)),
        *rules.consignment(*consignment_facts(uow)),
        *rules.payments(invoice_money(uow), money_sources(uow)),
        *rules.reversal_links(reversal_facts(uow), marked_reversed(uow)),
        *rules.move_links(reversing_moves(uow)),
        *rules.credit_links(*red_credits(uow)),
    ]


# --- stock ---------------------------------------------------------------------------------


def _names(uow: UnitOfWork) -> tuple[dict[int, str], dict[int, tuple[str, LocationKind]]]:
    skus = dict(uow.session.execute(select(t.items.c.id, t.items.c.sku)).all())
    places = {
        row.id: (row.code, row.kind)
        for row in uow.session.execute(select(t.locations.c.id, t.locations.c.code,
                                              t.locations.c.kind))
    }  # fmt: skip
    return skus, places


def balance_facts(uow: UnitOfWork) -> list[rules.BalanceFact]:
    skus, places = _names(uow)
    return [
        rules.BalanceFact(skus.get(item, f"#{item}"), places.get(loc, (f"#{loc}",))[0], key,
                          kept, summed)
        for item, loc, key, kept, summed in uow.stock.ledger_mismatches()
    ]  # fmt: skip


def stock_facts(uow: UnitOfWork) -> list[rules.StockFact]:
    skus, places = _names(uow)
    b = t.stock_balances
    rows = uow.session.execute(
        select(b.c.item_id, b.c.location_id, b.c.stock_key, b.c.quantity).where(b.c.quantity < 0)
    )
    facts = []
    for item, loc, key, quantity in rows:
        code, kind = places.get(loc, (f"#{loc}", LocationKind.WAREHOUSE))
        facts.append(rules.StockFact(skus.get(item, f"#{item}"), code, key, quantity,
                                     kind in VIRTUAL_KINDS))  # fmt: skip
    return facts


# --- numbers -------------------------------------------------------------------------------


def series(uow: UnitOfWork) -> dict[tuple[str, int], int]:
    s = t.number_series
    return {
        (str(getattr(doc_type, "value", doc_type)), year): last
        for doc_type, year, last in uow.session.execute(select(s.c.doc_type, s.c.year, s.c.last))
    }


def numbers_used(uow: UnitOfWork) -> list[tuple[str, str]]:
    """(register, number) of every numbered document; a red invoice's credit carries the red
    invoice's number and is checked as a link, not as a number of its own."""
    used: list[tuple[str, str]] = []
    for what, table in NUMBERED:
        stmt = select(table.c.number)
        if table is t.payments:
            stmt = stmt.where(table.c.method != CREDIT_METHOD)
        used.extend((what, number) for number in uow.session.scalars(stmt))
    return used


# --- red invoices --------------------------------------------------------------------------


def _standing_red() -> object:
    return t.red_invoices.c.state != RedState.VOIDED


def credited_lines(uow: UnitOfWork) -> list[rules.CreditedLine]:
    il, inv, rl, ri, it = t.invoice_lines, t.invoices, t.red_invoice_lines, t.red_invoices, t.items
    red = (
        select(
            rl.c.invoice_line_id,
            func.sum(rl.c.quantity).label("quantity"),
            func.sum(rl.c.net).label("net"),
            func.sum(rl.c.vat).label("vat"),
        )
        .join(ri, ri.c.id == rl.c.red_invoice_id)
        .where(_standing_red())
        .group_by(rl.c.invoice_line_id)
        .subquery()
    )
    stmt = (
        select(inv.c.number, il.c.line_no, it.c.sku, il.c.quantity, il.c.net, il.c.vat,
               red.c.quantity, red.c.net, red.c.vat)
        .join(il, il.c.id == red.c.invoice_line_id)
        .join(inv, inv.c.id == il.c.invoice_id)
        .join(it, it.c.id == il.c.item_id)
    )  # fmt: skip
    return [rules.CreditedLine(*row) for row in uow.session.execute(stmt)]


def credited_invoices(uow: UnitOfWork) -> list[rules.CreditedInvoice]:
    inv, rl, ri = t.invoices, t.red_invoice_lines, t.red_invoices
    stmt = (
        select(inv.c.number, inv.c.gross, func.sum(rl.c.net), func.sum(rl.c.vat))
        .join(ri, ri.c.invoice_id == inv.c.id)
        .join(rl, rl.c.red_invoice_id == ri.c.id)
        .where(_standing_red())
        .group_by(inv.c.id, inv.c.number, inv.c.gross)
    )
    return [
        rules.CreditedInvoice(number, gross, (net or Money(0)) + (vat or Money(0)))
        for number, gross, net, vat in uow.session.execute(stmt)
    ]


# --- consignment ---------------------------------------------------------------------------


def consignment_facts(
    uow: UnitOfWork,
) -> tuple[dict[tuple[str, str], Decimal], dict[tuple[str, str], Decimal]]:
    """What the ledger holds at each consignment place and what the documents add up to,
    per (customer code, sku)."""
    loc, cust, it, b = t.locations, t.customers, t.items, t.stock_balances
    held = (
        select(cust.c.code, it.c.sku, func.sum(b.c.quantity))
        .select_from(b)
        .join(loc, loc.c.id == b.c.location_id)
        .join(cust, cust.c.id == loc.c.customer_id)
        .join(it, it.c.id == b.c.item_id)
        .where(loc.c.kind == LocationKind.CONSIGNMENT)
        .group_by(cust.c.code, it.c.sku)
    )
    kept = {(c, s): q for c, s, q in uow.session.execute(held) if q}
    d, ln = t.consignment_documents, t.consignment_lines
    lines = (
        select(cust.c.code, it.c.sku, d.c.kind, ln.c.quantity, ln.c.book_quantity, ln.c.decision)
        .select_from(ln)
        .join(d, d.c.id == ln.c.document_id)
        .join(cust, cust.c.id == d.c.customer_id)
        .join(it, it.c.id == ln.c.item_id)
        .where(d.c.state.in_(list(STOCK_STATES)))
    )
    booked: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    for code, sku, kind, quantity, book, decision in uow.session.execute(lines):
        booked[code, sku] += _signed(ConsignmentKind(kind), quantity, book, decision)
    return kept, {k: v for k, v in booked.items() if v}


def _signed(kind: ConsignmentKind, quantity: Decimal, book: Decimal | None, decision: str
            ) -> Decimal:  # fmt: skip
    if kind == ConsignmentKind.COUNT:
        line = ConsignmentLine(item_id=0, quantity=quantity, book_quantity=book, decision=decision)
        return line.surplus if decision == CountDecision.BOOK_SURPLUS else ZERO
    return quantity if kind in ADDS else -quantity


# --- money ---------------------------------------------------------------------------------


def invoice_money(uow: UnitOfWork) -> list[rules.InvoiceMoney]:
    inv, pa = t.invoices, t.payment_allocations
    applied = (
        select(pa.c.invoice_id, func.sum(pa.c.amount).label("amount"))
        .where(pa.c.invoice_id.is_not(None))
        .group_by(pa.c.invoice_id)
        .subquery()
    )
    stmt = select(inv.c.number, inv.c.gross, inv.c.paid, applied.c.amount).outerjoin(
        applied, applied.c.invoice_id == inv.c.id
    )
    return [
        rules.InvoiceMoney(number, gross, paid, allocated or Money(0))
        for number, gross, paid, allocated in uow.session.execute(stmt)
    ]


def money_sources(uow: UnitOfWork) -> list[rules.MoneySource]:
    p, pa, rf = t.payments, t.payment_allocations, t.refunds
    given = (
        select(pa.c.payment_id, func.sum(pa.c.amount).label("amount"))
        .group_by(pa.c.payment_id)
        .subquery()
    )
    paid_back = (
        select(pa.c.refund_id, func.sum(pa.c.amount).label("amount"))
        .where(pa.c.refund_id.is_not(None))
        .group_by(pa.c.refund_id)
        .subquery()
    )
    sources = [
        rules.MoneySource(number, amount, allocated or Money(0), unapplied=unapplied)
        for number, amount, allocated, unapplied in uow.session.execute(
            select(p.c.number, p.c.amount, given.c.amount, p.c.unapplied).outerjoin(
                given, given.c.payment_id == p.c.id
            )
        )
    ]
    sources += [
        rules.MoneySource(number, amount, allocated or Money(0), refund=True)
        for number, amount, allocated in uow.session.execute(
            select(rf.c.number, rf.c.amount, paid_back.c.amount).outerjoin(
                paid_back, paid_back.c.refund_id == rf.c.id
            )
        )
    ]
    return sources


# --- links ---------------------------------------------------------------------------------


def _states_by_number(uow: UnitOfWork) -> dict[str, str]:
    """The state of every document a reversal may name: stock documents count as posted."""
    sd, r, d = t.stock_documents, t.returns, t.consignment_documents
    states: dict[str, str] = {n: "posted" for n in uow.session.scalars(select(sd.c.number))}
    for table in (r, d):
        for number, state in uow.session.execute(select(table.c.number, table.c.state)):
            states[number] = str(getattr(state, "value", state))
    return states


def reversal_facts(uow: UnitOfWork) -> list[rules.ReversalFact]:
    sd, m = t.stock_documents, t.stock_moves
    states = _states_by_number(uow)
    moved = dict(
        uow.session.execute(select(m.c.doc_number, func.count()).group_by(m.c.doc_number)).all()
    )
    stmt = select(sd.c.number, sd.c.reverses_number).where(sd.c.reverses_number.is_not(None))
    return [
        rules.ReversalFact(number, target, states.get(target), moved.get(target, 0))
        for number, target in uow.session.execute(stmt)
    ]


def marked_reversed(uow: UnitOfWork) -> list[str]:
    r, d = t.returns, t.consignment_documents
    numbers = list(uow.session.scalars(select(r.c.number).where(r.c.state == ReturnState.REVERSED)))
    numbers += uow.session.scalars(select(d.c.number).where(d.c.state == "reversed"))
    return numbers


def reversing_moves(uow: UnitOfWork) -> list[rules.ReversingMove]:
    m, sd = t.stock_moves, t.stock_documents
    original = m.alias("original")
    exact = and_(
        original.c.item_id == m.c.item_id,
        original.c.quantity == m.c.quantity,
        original.c.batch == m.c.batch,
        original.c.serial == m.c.serial,
        original.c.from_location_id == m.c.to_location_id,
        original.c.to_location_id == m.c.from_location_id,
    )
    stmt = (
        select(m.c.id, m.c.doc_number, original.c.doc_number, sd.c.reverses_number,
               case((exact, literal(1)), else_=literal(0)))
        .select_from(m)
        .outerjoin(original, original.c.id == m.c.reverses_id)
        .outerjoin(sd, sd.c.number == m.c.doc_number)
        .where(m.c.reverses_id.is_not(None))
    )  # fmt: skip
    return [
        rules.ReversingMove(move_id, number, target, names or "", bool(same))
        for move_id, number, target, names, same in uow.session.execute(stmt)
    ]


def red_credits(uow: UnitOfWork) -> tuple[list[rules.RedCredit], list[str]]:
    ri, rl, p = t.red_invoices, t.red_invoice_lines, t.payments
    credits = dict(
        uow.session.execute(select(p.c.number, p.c.amount).where(p.c.method == CREDIT_METHOD)).all()
    )
    gross = (
        select(ri.c.number, func.sum(rl.c.net), func.sum(rl.c.vat))
        .join(rl, rl.c.red_invoice_id == ri.c.id)
        .where(ri.c.state == RedState.ISSUED)
        .group_by(ri.c.id, ri.c.number)
    )
    issued = [
        rules.RedCredit(number, (net or Money(0)) + (vat or Money(0)), credits.get(number))
        for number, net, vat in uow.session.execute(gross)
    ]
    numbers = {c.number for c in issued}
    return issued, [number for number in credits if number not in numbers]
