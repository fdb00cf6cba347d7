"""Consignment use cases (客户寄售): fill-up, issue and its invoice, pickup, return, count and
settlement, reversal; the overview per customer, item and batch, and the statement.

The rules are in :mod:`retailerp.domain.consignment`; here each action loads, checks, posts
the moves through the one ledger and writes its audit entry in one short transaction.
Taking stock out of a customer's consignment locks the items first (PostgreSQL row locks; on
SQLite the IMMEDIATE write transaction serialises writers) and re-checks the lots after the
lock, and the ledger's conditional decrement refuses anything above what is there, so two
PCs issuing the same goods never issue more than is at the customer.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from retailerp import i18n
from retailerp.domain import consignment as c
from retailerp.domain import consignment_money as money
from retailerp.domain import validation as v
from retailerp.domain.consignment import (
    ConsignedLot,
    ConsignmentAction,
    ConsignmentDocument,
    ConsignmentKind,
    ExpiryWarning,
    Layer,
    Statement,
)
from retailerp.domain.customers import Customer
from retailerp.domain.errors import FieldError, StateError, ValidationError
from retailerp.domain.invoicing import Invoice
from retailerp.domain.money import Money
from retailerp.domain.numbering import DocumentType
from retailerp.domain.security import Permission
from retailerp.domain.stock import ADJUSTMENT, CUSTOMERS, SALEABLE_KINDS
from retailerp.domain.text import CUSTOMER, DOCUMENT, QT_TRANSLATE_NOOP
from retailerp.persistence.home_queries import Tally
from retailerp.persistence.queries import Page
from retailerp.persistence.unit_of_work import UnitOfWork, now, read, write
from retailerp.printing import PRESETS, render
from retailerp.printing import model as pm
from retailerp.printing.export import ExportFormat, export
from retailerp.services.context import ServiceContext, check_version, not_found
from retailerp.services.door import door
from retailerp.services.home import Queue, register
from retailerp.services.invoicing import apply_on_account
from retailerp.services.print_parties import company_party, customer_party
from retailerp.services.red_invoices import draft_consignment_credit
from retailerp.services.reversals import post_reversal
from retailerp.services.sales import guard_reservations

HORIZON_KEY = "consignment.expiry_horizon_days"
ZERO = Decimal(0)


@dataclass(frozen=True)
class StockLine:
    """One lot at a customer as the overview shows it."""

    customer_id: int
    item_id: int
    sku: str
    name: str
    key: str
    expiry: date | None
    quantity: Decimal
    value: Money
    age_days: int
    """Days since the oldest goods of this lot came to the customer."""
    days_left: int | None
    warn: bool
    cost: Money | None = None
    """The lot at cost (its layers' costs); None when not known."""


@dataclass(frozen=True)
class CustomerConsignment:
    """A consignment customer in the overview."""

    customer_id: int
    code: str
    name: str
    quantity: Decimal
    value: Money
    oldest_age: int | None
    expiring: int
    """Lots expiring within the horizon (or expired)."""
    cost: Money | None = None
    """Everything at the customer at cost; None when the cost of some of it is not known."""


@dataclass(frozen=True)
class ConsignmentPosition:
    """Our goods at one customer, for the customer card (beside the open balance, which
    they are not part of)."""

    value: Money
    cost: Money | None
    """None: the cost of some of the goods is not known."""
    oldest_age: int | None
    """Days since the oldest layer still there came; None when nothing is there."""


class ConsignmentService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # --- reading -----------------------------------------------------------------------------

    @door
    def get(self, document_id: int) -> ConsignmentDocument:
        return read(self.ctx.db, lambda uow: _load(uow, document_id, None))

    @door
    def by_number(self, number: str) -> ConsignmentDocument:
        def work(uow: UnitOfWork) -> ConsignmentDocument:
            document = uow.consignment.by_number(number.strip().upper())
            if document is None:
                raise not_found(DOCUMENT, number)
            return document

        return read(self.ctx.db, work)

    @door
    def documents(self, customer_id: int | None = None) -> list[ConsignmentDocument]:
        """A customer's documents (everyone's without one), in posting order."""
        return read(self.ctx.db, lambda uow: uow.consignment.of_customer(customer_id))

    @door
    def lots(self, customer_id: int) -> list[ConsignedLot]:
        """What sits at the customer, per item and batch."""

        def work(uow: UnitOfWork) -> list[ConsignedLot]:
            location = uow.consignment.location_of(customer_id)
            return uow.consignment.lots_at(location.id or 0) if location else []

        return read(self.ctx.db, work)

    @door
    def layers(self, customer_id: int) -> list[Layer]:
        """The customer's ageing layers (first in, first out), consumed ones included."""
        return read(
            self.ctx.db, lambda uow: c.build_layers(uow.consignment.of_customer(customer_id))
        )

    @door
    def horizon_days(self) -> int:
        return read(self.ctx.db, _horizon)

    @door
    def set_horizon_days(self, days: int) -> int:
        """How many days ahead expiry warnings look (shop setting)."""
        if days > 3650:
            raise FieldError(
                "days", QT_TRANSLATE_NOOP("errors", "The horizon may be at most {limit} days."),
                limit=3650,
            )  # fmt: skip

        def work(uow: UnitOfWork) -> int:
            uow.settings.set(HORIZON_KEY, str(days))
            uow.audit(
                self.ctx.actor,
                "consignment.horizon",
                "settings",
                HORIZON_KEY,
                days=days,
                changes=uow.settings.changes(),
            )
            return days

        return write(self.ctx.db, work)

    @door
    def stock(self, customer_id: int | None = None) -> list[StockLine]:
        """Consignment stock per customer, item and batch with value, age and expiry."""
        today = self.ctx.today()
        return read(self.ctx.db, lambda uow: _stock_lines(uow, customer_id, today))

    @door
    def page(self, page: Page) -> list[StockLine]:
        """The consignment stock list (filters: ``customer_id``, ``expiring`` = within the
        horizon or expired); one page holds it all (a shop has few consignment lots)."""
        today = self.ctx.today()
        filters = page.filters or {}
        customer_id = filters.get("customer_id")
        expiring = bool(filters.get("expiring"))

        def work(uow: UnitOfWork) -> list[StockLine]:
            cid = int(customer_id) if customer_id else None  # type: ignore[call-overload]
            lines = _stock_lines(uow, cid, today)
            return [ln for ln in lines if ln.warn or not expiring]

        return read(self.ctx.db, work)

    @door
    def overview(self) -> list[CustomerConsignment]:
        """Every customer with consignment stock: quantity, value, oldest age, warnings."""
        today = self.ctx.today()

        def work(uow: UnitOfWork) -> list[CustomerConsignment]:
            by_customer: dict[int, list[StockLine]] = defaultdict(list)
            for line in _stock_lines(uow, None, today):
                by_customer[line.customer_id].append(line)
            customers = uow.customers.by_ids(by_customer)
            result = []
            for cid, mine in sorted(
                by_customer.items(), key=lambda p: customers[p[0]].code if p[0] in customers else ""
            ):
                customer = customers.get(cid)
                result.append(
                    CustomerConsignment(
                        cid,
                        customer.code if customer else "",
                        customer.name if customer else "",
                        sum((ln.quantity for ln in mine), ZERO),
                        sum((ln.value for ln in mine), Money.zero()),
                        max(ln.age_days for ln in mine),
                        sum(1 for ln in mine if ln.warn),
                        c.add_costs(ln.cost for ln in mine),
                    )  # fmt: skip
                )
            return result

        return read(self.ctx.db, work)

    @door
    def position(self, customer_id: int) -> ConsignmentPosition:
        """Value at price and at cost of our goods at the customer and days since its oldest
        layer came, for the customer card (beside the open balance it does not count in)."""
        today = self.ctx.today()

        def work(uow: UnitOfWork) -> ConsignmentPosition:
            lines = _stock_lines(uow, customer_id, today)
            value = sum((ln.value for ln in lines), Money.zero())
            layers = c.build_layers(uow.consignment.of_customer(customer_id))
            return ConsignmentPosition(value, c.add_costs(ln.cost for ln in lines),
                                       c.oldest_age(layers, today))  # fmt: skip

        return read(self.ctx.db, work)

    @door
    def links(self, customer_id: int) -> dict[int, list[str]]:
        """Per document of the customer the numbers it is linked to: the issue a return
        takes back or the count that drafted an issue, its invoice, the red invoice of a
        return, the reversal."""

        def work(uow: UnitOfWork) -> dict[int, list[str]]:
            documents = uow.consignment.of_customer(customer_id)
            numbers = {d.id: d.number for d in documents}
            result = {}
            for d in documents:
                invoice = uow.sales.invoice(d.invoice_id) if d.invoice_id else None
                red = uow.red_invoices.get(d.red_invoice_id) if d.red_invoice_id else None
                found = [numbers.get(d.source_id, ""), invoice.number if invoice else "",
                         red.number if red else "", d.reversal_number]  # fmt: skip
                result[d.id or 0] = [n for n in found if n]
            return result

        return read(self.ctx.db, work)

    @door
    def expiring(self, horizon_days: int | None = None) -> list[tuple[int, ExpiryWarning]]:
        """(customer id, warning) for every lot at a customer expiring within the horizon."""
        today = self.ctx.today()

        def work(uow: UnitOfWork) -> list[tuple[int, ExpiryWarning]]:
            horizon = _horizon(uow) if horizon_days is None else horizon_days
            per_customer: dict[int, list[ConsignmentDocument]] = {}
            for document in uow.consignment.of_customer(None):
                per_customer.setdefault(document.customer_id, []).append(document)
            return [
                (cid, w)
                for cid, docs in sorted(per_customer.items())
                for w in c.expiry_warnings(c.build_layers(docs), today, horizon)
            ]

        return read(self.ctx.db, work)

    @door
    def statement(self, customer_id: int, start: date, end: date) -> Statement:
        """The consignment statement (寄售对账单) of a customer for a period."""

        def work(uow: UnitOfWork) -> Statement:
            _customer(uow, customer_id)
            invoiced, paid = uow.consignment.money_in_period(customer_id, start, end)
            documents = uow.consignment.of_customer(customer_id)
            return c.make_statement(customer_id, documents, start, end, invoiced, paid)

        return read(self.ctx.db, work)

    @door
    def count_sheet(self, customer_id: int) -> pm.PrintDocument:
        """The blank count sheet of a customer's site (print it with ``PrintService``)."""
        today = self.ctx.today()
        return read(self.ctx.db, lambda uow: count_sheet_data(uow, customer_id, today))

    @door
    def statement_document(self, customer_id: int, start: date, end: date) -> pm.PrintDocument:
        """The consignment statement of a customer and period as print data."""
        statement = self.statement(customer_id, start, end)
        return read(self.ctx.db, lambda uow: statement_data(uow, statement))

    @door
    def count_sheet_pdf(self, customer_id: int, preset: str = "A4", language: str = "") -> bytes:
        """The count sheet as PDF bytes (paper and language as for any printed document)."""
        return _pdf(self.count_sheet(customer_id), preset, language)

    @door
    def statement_pdf(
        self, customer_id: int, start: date, end: date, preset: str = "A4", language: str = ""
    ) -> bytes:
        """The consignment statement as PDF bytes."""
        return _pdf(self.statement_document(customer_id, start, end), preset, language)

    @door
    def statement_export(
        self, customer_id: int, start: date, end: date, fmt: ExportFormat, language: str = ""
    ) -> bytes:
        """The consignment statement as a spreadsheet (``csv`` or ``xlsx``), from the same
        print data as its PDF."""
        if language and language not in {code for code, _ in i18n.available_languages()}:
            raise FieldError("language", QT_TRANSLATE_NOOP("errors", "Unknown language."))
        document = self.statement_document(customer_id, start, end)
        return export(document, fmt, language or i18n.current_language())

    # --- fill-up ------------------------------------------------------------------------------

    @door
    def create_fill_up(
        self, customer_id: int, lines: Sequence[Mapping[str, Any]], note: str = ""
    ) -> ConsignmentDocument:
        """A consignment fill-up order (寄售补货) as a draft; the customer's consignment
        location is made on first use."""
        return self._create(ConsignmentKind.FILL_UP, customer_id, lines, note)

    @door
    def plan_fill_up(self, document_id: int, expected_version: int) -> ConsignmentDocument:
        """Plan where the goods are picked (first expiry first out, free stock only): the
        fill-up's picking list.  What it plans is held from sales orders until posted."""

        def work(uow: UnitOfWork) -> ConsignmentDocument:
            document = _load(uow, document_id, expected_version)
            document.flow.targets(document.state, ConsignmentAction.PLAN, document.number)
            ids = sorted({line.item_id for line in document.lines})
            uow.sales.lock_items(ids)
            skus = {i: item.sku for i, item in uow.items.by_ids(ids).items()}
            fill_ups = uow.sales.fill_ups(ids)  # read once for both figures
            planned = c.plan_fill_up(document.lines, uow.sales.lots(ids, fill_ups),
                                     uow.sales.free_stock(ids, fill_ups=fill_ups),
                                     skus)  # fmt: skip
            document.lines = planned
            document.move(ConsignmentAction.PLAN)
            uow.flush()
            uow.audit(self.ctx.actor, "consignment.plan", "consignment", document.number,
                      lines=len(planned))  # fmt: skip
            return document

        return write(self.ctx.db, work)

    @door
    def post_fill_up(self, document_id: int, expected_version: int) -> ConsignmentDocument:
        """Goods issue of a picked fill-up: from the bins to the customer's consignment.
        No invoice, no revenue, nothing on the open balance."""
        return self._post(document_id, expected_version, ConsignmentKind.FILL_UP)

    # --- issue --------------------------------------------------------------------------------

    @door
    def create_issue(
        self, customer_id: int, lines: Sequence[Mapping[str, Any]], note: str = ""
    ) -> ConsignmentDocument:
        """What the customer sold (寄售发货), as a draft: batches named, or proposed first
        expiry first out from what is at the customer."""
        return self._create(ConsignmentKind.ISSUE, customer_id, lines, note)

    @door
    def post_issue(self, document_id: int, expected_version: int) -> ConsignmentDocument:
        """The goods leave consignment for sold; revenue comes with the invoice, dated the
        day of the issue."""
        return self._post(document_id, expected_version, ConsignmentKind.ISSUE)

    @door
    def invoice_issue(self, document_id: int, expected_version: int) -> Invoice:
        """The blue invoice of a posted issue, through the one invoicing path: revenue
        booked on the issue's date, money on account applied oldest first."""

        def work(uow: UnitOfWork) -> Invoice:
            document = _load(uow, document_id, expected_version)
            _of_kind(document, ConsignmentKind.ISSUE)
            document.flow.targets(document.state, ConsignmentAction.INVOICE, document.number)
            uow.sales.lock_money(document.customer_id)
            customer = _customer(uow, document.customer_id)
            today = self.ctx.today()
            invoice = c.issue_invoice(
                uow.documents.next_number(DocumentType.INVOICE, today.year), document, today,
                customer.payment_terms_days, self.ctx.actor.username, now(),
            )  # fmt: skip
            uow.sales.add(invoice)
            document.invoice_id = invoice.id
            document.move(ConsignmentAction.INVOICE)
            uow.customers.add_revenue(customer.id or 0, document.doc_date, invoice.net,
                                      invoice.number)  # fmt: skip
            paid = apply_on_account(uow, customer.id or 0)
            uow.flush()
            uow.audit(self.ctx.actor, "invoice.create", "invoice", invoice.number,
                      consignment_issue=document.number, gross=invoice.gross,
                      credit_applied=[i.number for i in paid])  # fmt: skip
            return invoice

        return write(self.ctx.db, work)

    # --- pickup -------------------------------------------------------------------------------

    @door
    def create_pickup(
        self, customer_id: int, lines: Sequence[Mapping[str, Any]], note: str = ""
    ) -> ConsignmentDocument:
        """Unwanted, sound goods back from the customer (寄售提货) into the bin each line
        names; defective goods are refused (they go through a return to quarantine)."""
        return self._create(ConsignmentKind.PICKUP, customer_id, lines, note)

    @door
    def post_pickup(self, document_id: int, expected_version: int) -> ConsignmentDocument:
        return self._post(document_id, expected_version, ConsignmentKind.PICKUP)

    # --- return -------------------------------------------------------------------------------

    @door
    def create_return(
        self, issue_id: int, lines: Sequence[Mapping[str, Any]], note: str = ""
    ) -> ConsignmentDocument:
        """Goods issued come back from the customer's own customer (寄售退货) into the
        consignment stock; each line names the issue line (``source_line_id``).  Its credit
        is blocked for billing until finance releases it."""
        note = v.optional_text(note, "note", 500)

        def work(uow: UnitOfWork) -> ConsignmentDocument:
            issue = _load(uow, issue_id, None)
            _of_kind(issue, ConsignmentKind.ISSUE)
            if not issue.stands:
                raise StateError(QT_TRANSLATE_NOOP(
                    "errors", "Goods come back only on a posted issue; {number} is not."),
                    number=issue.number)  # fmt: skip
            document = self._new(uow, ConsignmentKind.RETURN, issue.customer_id, note)
            document.source_id = issue.id
            document.billing_block = True
            document.lines = self._return_lines(uow, issue, lines)
            uow.consignment.add(document)
            self._audit_create(uow, document)
            return document

        return write(self.ctx.db, work)

    @door
    def returnable(self, issue_id: int) -> list[tuple[c.ConsignmentLine, Decimal]]:
        """Each line of an issue with what can still come back on it (issued − returned)."""

        def work(uow: UnitOfWork) -> list[tuple[c.ConsignmentLine, Decimal]]:
            issue = _load(uow, issue_id, None)
            _of_kind(issue, ConsignmentKind.ISSUE)
            returned = uow.consignment.returned_on([ln.id for ln in issue.lines if ln.id])
            return [(ln, ln.quantity - returned.get(ln.id or 0, ZERO)) for ln in issue.lines]

        return read(self.ctx.db, work)

    @door
    def post_return(self, document_id: int, expected_version: int) -> ConsignmentDocument:
        return self._post(document_id, expected_version, ConsignmentKind.RETURN)

    @door
    def release_billing_block(self, document_id: int, expected_version: int) -> ConsignmentDocument:
        """Release a posted return's credit for billing (finance or owner): a red invoice of
        the return kind is drafted against the issue's blue invoice, each returned line
        crediting the blue line of its issue line, under the red invoices' lock and
        ceilings (never above the blue invoice, across all its red invoices).  It then goes
        on like any red invoice (submit, confirmation, issue).  A return whose red invoice
        was voided may be released again."""

        def work(uow: UnitOfWork) -> ConsignmentDocument:
            document = _load(uow, document_id, expected_version)
            _of_kind(document, ConsignmentKind.RETURN)
            red = uow.red_invoices.get(document.red_invoice_id) if document.red_invoice_id else None
            issue = _load(uow, document.source_id or 0, None)
            money.check_releasable(document, issue, red)
            blue = uow.sales.invoice(issue.invoice_id or 0)
            if blue is None:
                raise not_found(DOCUMENT, issue.invoice_id or 0)
            drafted = draft_consignment_credit(
                self.ctx, uow, blue.id or 0, money.red_lines(document, blue), document.number
            )
            document.red_invoice_id = drafted.id
            document.billing_block = False
            uow.flush()
            uow.audit(self.ctx.actor, "consignment.release_billing", "consignment",
                      document.number, red_invoice=drafted.number, blue=blue.number,
                      gross=drafted.gross)  # fmt: skip
            return document

        return write(self.ctx.db, work)

    # --- count and settlement -----------------------------------------------------------------

    @door
    def create_count(
        self, customer_id: int, lines: Sequence[Mapping[str, Any]], note: str = ""
    ) -> ConsignmentDocument:
        """The counted quantities at the customer's site, kept as a document with the book
        quantity of every lot (a lot not entered counts 0)."""
        return self._create(ConsignmentKind.COUNT, customer_id, lines, note)

    @door
    def settle_count(
        self,
        document_id: int,
        expected_version: int,
        decisions: Mapping[int, str] | None = None,
    ) -> tuple[ConsignmentDocument, ConsignmentDocument | None]:
        """Settle a count: sold = book − counted is drafted as an issue for review; a lot
        counted above book needs a decision (``decisions`` maps line numbers to
        ``keep_book`` or ``book_surplus``; a booked surplus moves in from adjustment)."""

        def work(uow: UnitOfWork) -> tuple[ConsignmentDocument, ConsignmentDocument | None]:
            count = _load(uow, document_id, expected_version)
            _of_kind(count, ConsignmentKind.COUNT)
            count.flow.targets(count.state, ConsignmentAction.SETTLE, count.number)
            _decide(count, decisions or {})
            sold = c.settlement(count.lines)
            surplus = [ln for ln in count.lines if ln.decision == c.CountDecision.BOOK_SURPLUS]
            money.cost_from_receipts(surplus, uow.consignment.receipt_costs(
                {ln.item_id for ln in surplus}))  # fmt: skip
            count.move(ConsignmentAction.SETTLE)
            count.posted_at = now()
            self._post_moves(uow, count)
            issue = None
            if sold:
                issue = self._new(uow, ConsignmentKind.ISSUE, count.customer_id,
                                  f"{count.number}")  # fmt: skip
                issue.source_id = count.id
                issue.lines = sold
                uow.consignment.add(issue)
                self._audit_create(uow, issue)
            uow.flush()
            uow.audit(self.ctx.actor, "consignment.settle", "consignment", count.number,
                      issue=issue.number if issue else None)  # fmt: skip
            return count, issue

        return write(self.ctx.db, work)

    # --- cancel and reverse -------------------------------------------------------------------

    @door
    def cancel(self, document_id: int, expected_version: int, reason: str) -> ConsignmentDocument:
        """Cancel a draft (or a fill-up being picked: its picking list is void)."""
        reason = v.required_text(reason, "reason", 200)

        def work(uow: UnitOfWork) -> ConsignmentDocument:
            document = _load(uow, document_id, expected_version)
            document.move(ConsignmentAction.CANCEL)
            document.note = (document.note + "\n" if document.note else "") + reason
            uow.flush()
            uow.audit(self.ctx.actor, "consignment.cancel", "consignment", document.number,
                      reason=reason)  # fmt: skip
            return document

        return write(self.ctx.db, work)

    @door
    def reverse(self, document_id: int, reason: str) -> ConsignmentDocument:
        """Reverse a posted step (冲销) through the one reversal mechanism: every move goes
        back exactly.  Refused while later documents depend on it (they are named) and the
        second time."""
        reason = v.required_text(reason, "reason", 200)

        def work(uow: UnitOfWork) -> ConsignmentDocument:
            document = _load(uow, document_id, None)
            documents = uow.consignment.of_customer(document.customer_id)
            c.check_reversible(document, documents, c.build_layers(documents),
                               _billing(uow, document))  # fmt: skip
            uow.sales.lock_items(sorted({line.item_id for line in document.lines}))
            if uow.stock.moves_of(document.number):
                rv = post_reversal(self.ctx, uow, document.number, document.location_id, reason)
                document.reversal_number = rv.number
                self._guard(uow, uow.stock.moves_of(rv.number), rv.number)
            document.move(ConsignmentAction.REVERSE)
            document.reversal_reason = reason
            uow.flush()
            uow.audit(self.ctx.actor, "consignment.reverse", "consignment", document.number,
                      reversal=document.reversal_number, reason=reason)  # fmt: skip
            return document

        return write(self.ctx.db, work)

    # --- helpers ------------------------------------------------------------------------------

    def _new(
        self, uow: UnitOfWork, kind: ConsignmentKind, customer_id: int, note: str
    ) -> ConsignmentDocument:
        customer = _customer(uow, customer_id)
        location = uow.consignment.open_location(customer.id or 0, customer.code, customer.name)
        day = self.ctx.today()
        return ConsignmentDocument(
            number=uow.documents.next_number(c.KIND_TYPES[kind], day.year), kind=kind,
            customer_id=customer.id or 0, location_id=location.id or 0, doc_date=day,
            created_by=self.ctx.actor.username, note=note,
        )  # fmt: skip

    def _create(
        self,
        kind: ConsignmentKind,
        customer_id: int,
        lines: Sequence[Mapping[str, Any]],
        note: str,
    ) -> ConsignmentDocument:
        note = v.optional_text(note, "note", 500)

        def work(uow: UnitOfWork) -> ConsignmentDocument:
            document = self._new(uow, kind, customer_id, note)
            document.lines = self._checked_lines(uow, document, lines)
            uow.consignment.add(document)
            self._audit_create(uow, document)
            return document

        return write(self.ctx.db, work)

    def _checked_lines(
        self, uow: UnitOfWork, document: ConsignmentDocument, raw: Sequence[Mapping[str, Any]]
    ) -> list[c.ConsignmentLine]:
        ids = [int(line.get("item_id") or 0) for line in raw]
        items = uow.items.by_ids(ids)
        counting = document.kind == ConsignmentKind.COUNT
        lines = c.clean_lines(raw, items, counted=counting)
        if document.kind == ConsignmentKind.FILL_UP:
            return lines
        lots = uow.consignment.lots_at(document.location_id)
        if counting:
            return _priced(c.count_lines(lots, lines), uow)
        if document.kind == ConsignmentKind.PICKUP:
            c.refuse_defective(lines)
            _check_bins(uow, lines)
        if not lots:
            customer = _customer(uow, document.customer_id)
            raise c.no_stock_at(customer.code)
        skus = {i: item.sku for i, item in items.items()}
        return c.assign_lots(lines, lots, uow.consignment.tracking(ids), skus)

    def _return_lines(
        self, uow: UnitOfWork, issue: ConsignmentDocument, raw: Sequence[Mapping[str, Any]]
    ) -> list[c.ConsignmentLine]:
        by_id = {line.id: line for line in issue.lines}
        returned = uow.consignment.returned_on([i for i in by_id if i is not None])
        open_ = {i: ln.quantity - returned.get(i or 0, ZERO) for i, ln in by_id.items()}
        filled = [
            {**line, "item_id": getattr(by_id.get(_int(line.get("source_line_id"))), "item_id", 0)}
            for line in raw
        ]
        lines = c.clean_lines(filled, uow.items.by_ids(ln["item_id"] for ln in filled))
        c.check_returnable(lines, open_, issue.number)  # type: ignore[arg-type]
        for line in lines:
            source = by_id[line.source_line_id]
            line.batch, line.serial, line.expiry = source.batch, source.serial, source.expiry
            line.unit_price, line.vat_rate = source.unit_price, source.vat_rate
        money.cost_from_issue(lines, issue)
        return lines

    def _post(
        self, document_id: int, expected_version: int, kind: ConsignmentKind
    ) -> ConsignmentDocument:
        def work(uow: UnitOfWork) -> ConsignmentDocument:
            document = _load(uow, document_id, expected_version)
            _of_kind(document, kind)
            document.flow.targets(document.state, ConsignmentAction.POST, document.number)
            ids = sorted({line.item_id for line in document.lines})
            uow.sales.lock_items(ids)
            if kind in c.TAKES:
                self._recheck(uow, document, ids)
                c.cost_takes(document, c.build_layers(uow.consignment.of_customer(
                    document.customer_id)))  # fmt: skip
            if kind == ConsignmentKind.FILL_UP:
                money.cost_from_receipts(document.lines, uow.consignment.receipt_costs(ids))
            document.move(ConsignmentAction.POST)
            document.posted_at = now()
            self._post_moves(uow, document)
            uow.flush()
            uow.audit(self.ctx.actor, f"consignment.post_{kind.value}", "consignment",
                      document.number, value=document.value())  # fmt: skip
            return document

        return write(self.ctx.db, work)

    def _recheck(self, uow: UnitOfWork, document: ConsignmentDocument, ids: list[int]) -> None:
        """Against what is at the customer now (another PC may have taken some meanwhile)."""
        lots = uow.consignment.lots_at(document.location_id)
        skus = {i: item.sku for i, item in uow.items.by_ids(ids).items()}
        c.assign_lots(document.lines, lots, uow.consignment.tracking(ids), skus)

    def _post_moves(self, uow: UnitOfWork, document: ConsignmentDocument) -> None:
        ends = {
            "customers": uow.locations.require(CUSTOMERS).id or 0,
            "adjustment": uow.locations.require(ADJUSTMENT).id or 0,
        }
        moves = c.moves_for(document, ends, self.ctx.actor.username, now())
        uow.stock.post(moves, allow_negative_stock=False)
        self._guard(uow, moves, document.number)

    def _guard(self, uow: UnitOfWork, moves: Sequence[Any], number: str) -> None:
        if moves:
            guard_reservations(self.ctx, uow, moves, number, "")

    def _audit_create(self, uow: UnitOfWork, document: ConsignmentDocument) -> None:
        uow.audit(self.ctx.actor, f"consignment.create_{document.kind.value}", "consignment",
                  document.number, customer=document.customer_id,
                  lines=len(document.lines))  # fmt: skip


def _expiring_tally(uow: UnitOfWork, today: date) -> Tally:
    count, value = uow.consignment.expiring_tally(today + timedelta(days=_horizon(uow)))
    return Tally(count, value)


register(
    Queue(
        "consignment_expiring",
        QT_TRANSLATE_NOOP("terms", "Consignment stock expiring soon"),
        _expiring_tally,
        "consignment",
        lambda _today: {"expiring": True},
        permission=Permission.SHIP,
        money=True,
        orm=True,  # the consignment repository reads it
    )
)


def _billing(uow: UnitOfWork, document: ConsignmentDocument) -> c.Billing:
    """Where the money of an issue or a return stands, for reversing it."""
    if document.kind == ConsignmentKind.ISSUE and document.invoice_id:
        blue = uow.sales.invoice(document.invoice_id)
        return money.issue_billing(blue, uow.red_invoices.of_invoice(document.invoice_id))
    if document.kind == ConsignmentKind.RETURN and document.red_invoice_id:
        return money.return_billing(uow.red_invoices.get(document.red_invoice_id))
    return c.Billing()


def _int(value: object) -> int:
    try:
        return int(value or 0)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return 0


def _load(uow: UnitOfWork, document_id: int, expected: int | None) -> ConsignmentDocument:
    document = uow.consignment.get(document_id)
    if document is None:
        raise not_found(DOCUMENT, document_id)
    check_version(document, expected, c.KIND_LABELS[document.kind], document.number)
    return document


def _of_kind(document: ConsignmentDocument, kind: ConsignmentKind) -> None:
    if document.kind != kind:
        raise StateError(
            QT_TRANSLATE_NOOP("errors", "{number} is not a {kind}."),
            number=document.number,
            kind=c.KIND_LABELS[kind],
        )


def _customer(uow: UnitOfWork, customer_id: int) -> Customer:
    customer = uow.customers.get(customer_id)
    if customer is None:
        raise not_found(CUSTOMER, customer_id)
    return customer


def _check_bins(uow: UnitOfWork, lines: Sequence[c.ConsignmentLine]) -> None:
    places = uow.locations.by_ids(line.location_id or 0 for line in lines)
    errors = [
        FieldError(f"lines.{line.line_no}.location_id", QT_TRANSLATE_NOOP(
            "errors", "Choose the warehouse or bin the goods go back to."))
        for line in lines
        if line.location_id not in places or places[line.location_id].kind not in SALEABLE_KINDS
    ]  # fmt: skip
    if errors:
        raise ValidationError(errors)


def _priced(lines: list[c.ConsignmentLine], uow: UnitOfWork) -> list[c.ConsignmentLine]:
    items = uow.items.by_ids(line.item_id for line in lines)
    for line in lines:
        item = items.get(line.item_id)
        if item is not None:
            line.unit_price, line.vat_rate = item.price, item.vat_rate
    return lines


def _decide(count: ConsignmentDocument, decisions: Mapping[int, str]) -> None:
    errors = []
    for line in count.lines:
        choice = decisions.get(line.line_no)
        if choice is None:
            continue
        if choice not in set(c.CountDecision):
            errors.append(FieldError(f"lines.{line.line_no}.decision", QT_TRANSLATE_NOOP(
                "errors", "Choose to keep the books or to book the surplus.")))  # fmt: skip
        line.decision = choice
    if errors:
        raise ValidationError(errors)


def _horizon(uow: UnitOfWork) -> int:
    stored = uow.settings.get(HORIZON_KEY, "")
    return int(stored) if stored.isdigit() else c.DEFAULT_EXPIRY_HORIZON_DAYS


def _stock_lines(uow: UnitOfWork, customer_id: int | None, today: date) -> list[StockLine]:
    horizon = _horizon(uow)
    rows = uow.consignment.stock_rows(customer_id)
    items = uow.items.by_ids({r[1] for r in rows})
    layers = _open_layers(uow, customer_id, {r[0] for r in rows})
    result = []
    for cid, item_id, key, expiry, qty, price in rows:
        mine = layers.get((cid, item_id, key), [])
        ages = [la.age(today) for la in mine]
        days_left = (expiry - today).days if expiry else None
        item = items[item_id]
        result.append(
            StockLine(
                cid,
                item_id,
                item.sku,
                item.name,
                key,
                expiry,
                qty,
                price * qty,
                max(ages) if ages else 0,
                days_left,
                days_left is not None and days_left <= horizon,
                _lot_cost(mine, qty),
            )  # fmt: skip
        )
    return result


def _open_layers(
    uow: UnitOfWork, customer_id: int | None, customers: set[int]
) -> dict[tuple[int, int, str], list[Layer]]:
    """The open layers of ``customers`` per (customer, item, key), from their documents read
    in one query (one customer's, or every customer's), each customer's in posting order."""
    documents: dict[int, list[ConsignmentDocument]] = defaultdict(list)
    for document in uow.consignment.of_customer(customer_id):
        if document.customer_id in customers:
            documents[document.customer_id].append(document)
    found: dict[tuple[int, int, str], list[Layer]] = defaultdict(list)
    for cid, mine in documents.items():
        for layer in c.open_layers(c.build_layers(mine)):
            found[(cid, layer.item_id, layer.key)].append(layer)
    return found


def _lot_cost(layers: Sequence[Layer], quantity: Decimal) -> Money | None:
    """A lot at cost from its layers; not known when they do not cover what is there."""
    if sum((la.remaining for la in layers), ZERO) != quantity:
        return None
    return c.cost_of((la.unit_cost, la.remaining) for la in layers)


# --- printing ------------------------------------------------------------------------------

PRINT_KINDS = {
    ConsignmentKind.FILL_UP: "consignment_delivery",
    ConsignmentKind.ISSUE: "consignment_issue",
    ConsignmentKind.PICKUP: "consignment_pickup",
    ConsignmentKind.RETURN: "consignment_return",
    ConsignmentKind.COUNT: "consignment_count",
}


def _pdf(document: pm.PrintDocument, preset: str, language: str) -> bytes:
    if preset not in PRESETS:
        raise FieldError(
            "preset",
            QT_TRANSLATE_NOOP("errors", "Paper must be one of {presets}."),
            presets=", ".join(PRESETS),
        )
    return render(document, preset=PRESETS[preset], language=language or i18n.current_language())


def print_data(uow: UnitOfWork, number: str) -> pm.PrintDocument:
    """The print data of a consignment document found by its number (``retailerp print``)."""
    document = uow.consignment.by_number(number)
    if document is None:
        raise not_found(DOCUMENT, number)
    customer = _customer(uow, document.customer_id)
    items = uow.items.by_ids(line.item_id for line in document.lines)
    after = uow.consignment.balances_after(document.location_id, document.number)
    counting = document.kind == ConsignmentKind.COUNT
    lines = [
        pm.PrintLine(
            no=line.line_no, code=items[line.item_id].sku, name=items[line.item_id].name,
            quantity=line.book_quantity or ZERO if counting else line.quantity,
            spec=items[line.item_id].spec, unit=items[line.item_id].unit,
            unit_price=line.unit_price, amount=line.unit_price * line.quantity,
            vat_rate=line.vat_rate, batch=line.batch, expiry=line.expiry, serial=line.serial,
            barcode=items[line.item_id].barcode, balance=after.get(line.item_id),
            remark=f"{line.quantity.normalize():f}" if counting and document.stands else "",
        )
        for line in document.lines
    ]  # fmt: skip
    gross = sum((ln.amount or Money.zero() for ln in lines), Money.zero())
    references = {}
    if document.source_id:
        source = uow.consignment.get(document.source_id)
        references[pm.ORDER_NUMBER] = source.number if source else ""
    if document.invoice_id:
        invoice = uow.sales.invoice(document.invoice_id)
        references[pm.INVOICE_NUMBER] = invoice.number if invoice else ""
    return pm.PrintDocument(
        kind=PRINT_KINDS[document.kind],  # type: ignore[arg-type]
        number=document.number, doc_date=document.doc_date, company=company_party(uow),
        customer=customer_party(customer), lines=lines,
        totals=pm.Totals(gross, Money.zero(), gross), references=references,
        note=document.note, consignment=True,
        details={pm.PREPARED_BY: document.created_by},
    )  # fmt: skip


def count_sheet_data(uow: UnitOfWork, customer_id: int, today: date) -> pm.PrintDocument:
    """A blank count sheet: every item and batch expected at the customer, a barcode each."""
    customer = _customer(uow, customer_id)
    location = uow.consignment.location_of(customer_id)
    lots = uow.consignment.lots_at(location.id or 0) if location else []
    if not lots:
        raise c.no_stock_at(customer.code)
    items = uow.items.by_ids(lot.item_id for lot in lots)
    tracking = uow.consignment.tracking(items)
    lines = [
        pm.PrintLine(
            no=n, code=items[lot.item_id].sku, name=items[lot.item_id].name,
            quantity=lot.quantity, spec=items[lot.item_id].spec, unit=items[lot.item_id].unit,
            batch=lot.key if tracking.get(lot.item_id) != "serial" else "",
            serial=lot.key if tracking.get(lot.item_id) == "serial" else "",
            expiry=lot.expiry, barcode=items[lot.item_id].barcode,
        )
        for n, lot in enumerate(lots, 1)
    ]  # fmt: skip
    return pm.PrintDocument(
        kind="consignment_count", number=location.code if location else "", doc_date=today,
        company=company_party(uow), customer=customer_party(customer), lines=lines,
        consignment=True,
    )  # fmt: skip


def statement_data(uow: UnitOfWork, statement: Statement) -> pm.PrintDocument:
    """The statement as print data: a line per document, the figures below."""
    from retailerp.printing import consignment as cp  # its labels; ReportLab, so on print only

    customer = _customer(uow, statement.customer_id)
    location = uow.consignment.location_of(statement.customer_id)
    lines = [
        pm.PrintLine(no=n, code=row.number, name=row.kind.value, quantity=row.quantity,
                     amount=row.value, remark=row.day.isoformat(), day=row.day, cost=row.cost)
        for n, row in enumerate(statement.rows, 1)
    ]  # fmt: skip
    K = ConsignmentKind
    figures = [
        pm.Figure(cp.OPENING, statement.opening, statement.opening_value, statement.opening_cost),
        *(
            pm.Figure(label, statement.total(kind), statement.total_value(kind),
                      statement.total_cost(kind))
            for label, kind in ((cp.FILL_UPS, K.FILL_UP), (cp.ISSUES, K.ISSUE),
                                (cp.PICKUPS, K.PICKUP), (cp.RETURNS, K.RETURN))
        ),
        pm.Figure(cp.CLOSING, statement.closing, statement.closing_value, statement.closing_cost),
    ]  # fmt: skip
    money = {cp.INVOICED: str(statement.invoiced), cp.PAID: str(statement.paid)}
    return pm.PrintDocument(
        kind="consignment_statement", number=location.code if location else customer.code,
        doc_date=statement.end, company=company_party(uow), customer=customer_party(customer),
        lines=lines, consignment=True,
        references={cp.PERIOD: f"{statement.start.isoformat()} – {statement.end.isoformat()}"},
        details=money, figures=figures,
    )  # fmt: skip
