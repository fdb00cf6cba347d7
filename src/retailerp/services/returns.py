"""Return use cases: what a delivery can take back, the policy preview while typing, draft
returns, posting (the goods move), cancelling, reversing, and how often a customer returns.

Money follows the return elsewhere: a return against an invoiced delivery is credited by a
red invoice (finance), one against a delivery not yet invoiced makes its invoice smaller.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from retailerp.domain import returns as r
from retailerp.domain import validation as v
from retailerp.domain.errors import FieldError, ValidationError
from retailerp.domain.exchanges import check_reversible
from retailerp.domain.fulfilment import Delivery
from retailerp.domain.money import Money, line_amounts, parse_number_text
from retailerp.domain.numbering import DocumentType
from retailerp.domain.returns import (
    PolicyDecision,
    RefundChoice,
    Returnable,
    ReturnAction,
    ReturnCase,
    ReturnDocument,
    ReturnPolicy,
    ReturnRate,
    ReturnReason,
)
from retailerp.domain.security import Permission
from retailerp.domain.stock import CUSTOMERS, QUARANTINE, SCRAP
from retailerp.domain.text import QT_TRANSLATE_NOOP, Term
from retailerp.persistence import returns_queries as rq
from retailerp.persistence.queries import Page
from retailerp.persistence.returns_queries import ReturnAnalysisRow, ReturnRow
from retailerp.persistence.unit_of_work import UnitOfWork, now, read, write
from retailerp.services.context import ServiceContext, check_version, not_found
from retailerp.services.door import door
from retailerp.services.home import Queue, register
from retailerp.services.reversals import post_reversal

RETURN = Term(QT_TRANSLATE_NOOP("terms", "Return"))
DELIVERY = Term(QT_TRANSLATE_NOOP("terms", "Delivery"))
POLICY_KEY = "return_policy"
RETURN_RATE_KEY = "return_rate_threshold"
DEFAULT_RETURN_RATE = Decimal("0.10")


def load_policy(uow: UnitOfWork) -> ReturnPolicy:
    """The shop's return policy (the defaults until the owner edits it)."""
    stored = uow.settings.get(POLICY_KEY, "")
    return ReturnPolicy.from_json(stored) if stored else r.default_policy()


def load_threshold(uow: UnitOfWork) -> Decimal:
    """The return rate above which a customer is flagged (a share: 0.10 for 10 %)."""
    return Decimal(uow.settings.get(RETURN_RATE_KEY, str(DEFAULT_RETURN_RATE)))


def clean_threshold(value: object) -> Decimal:
    """A threshold typed as a percentage (``10`` is 10 %), above 0 and at most 100."""
    problem = FieldError(
        "threshold",
        QT_TRANSLATE_NOOP(
            "errors", "The return-rate threshold is a percentage above 0, at most 100."
        ),
    )
    try:
        percent = parse_number_text(str(value).strip().rstrip("%"), "threshold")
    except FieldError:
        raise problem from None
    if not Decimal(0) < percent <= 100:
        raise problem
    return (percent / 100).quantize(Decimal("0.0001"))


def _policy_rows(rules: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Rules as the settings page sends them: reasons as codes separated by commas."""
    rows = []
    for raw in rules:
        row = dict(raw)
        reasons = row.get("reasons") or ""
        if isinstance(reasons, str):
            row["reasons"] = [p.strip() for p in reasons.split(",") if p.strip()]
        rows.append(row)
    return rows


@dataclass(frozen=True)
class ReturnPreview:
    """What the form shows while the clerk types: the policy's word on every line."""

    decisions: list[PolicyDecision]
    refund: Money

    @property
    def needs_override(self) -> bool:
        return any(d.refused for d in self.decisions)


class ReturnService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # --- reading -------------------------------------------------------------------------

    @door
    def get(self, return_id: int) -> ReturnDocument:
        return read(self.ctx.db, lambda uow: self._load(uow, return_id, None))

    @door
    def by_number(self, number: str) -> ReturnDocument:
        def work(uow: UnitOfWork) -> ReturnDocument:
            document = uow.returns.by_number(number)
            if document is None:
                raise not_found(RETURN, number)
            return document

        return read(self.ctx.db, work)

    @door
    def of_delivery(self, delivery_id: int) -> list[ReturnDocument]:
        return read(self.ctx.db, lambda uow: uow.returns.of_delivery(delivery_id))

    @door
    def deliveries_of_invoice(self, invoice_id: int) -> list[Delivery]:
        """The deliveries an invoice billed, oldest first ("Return…" from an invoice)."""

        def work(uow: UnitOfWork) -> list[Delivery]:
            found = uow.sales.deliveries_of_invoice(invoice_id)
            return sorted(found, key=lambda d: (d.delivery_date, d.id or 0))

        return read(self.ctx.db, work)

    @door
    def delivery(self, delivery_id: int) -> Delivery:
        """The delivery a return is made against."""
        return read(self.ctx.db, lambda uow: _returnable_delivery(uow, delivery_id))

    @door
    def delivery_by_number(self, number: str) -> Delivery:
        """The delivery whose number was typed or scanned on the return form."""
        key = number.strip().upper()

        def work(uow: UnitOfWork) -> Delivery:
            delivery = uow.sales.delivery_by_number(key)
            if delivery is None:
                raise FieldError(
                    "delivery",
                    QT_TRANSLATE_NOOP("errors", "There is no delivery {number}."),
                    number=key,
                )
            return delivery

        return read(self.ctx.db, work)

    @door
    def returnable(self, delivery_id: int) -> list[Returnable]:
        """The delivery's lines with what may still come back."""

        def work(uow: UnitOfWork) -> list[Returnable]:
            _returnable_delivery(uow, delivery_id)
            return list(uow.returns.returnable(delivery_id).values())

        return read(self.ctx.db, work)

    @door
    def scanned(self, delivery_id: int, code: str) -> Returnable:
        """The delivery line of a serial or batch scanned on the return form; one not on the
        delivery is refused naming it (and the delivery that carried it, if this customer
        had it on another)."""

        def work(uow: UnitOfWork) -> Returnable:
            delivery = _returnable_delivery(uow, delivery_id)
            found = r.scanned_line(uow.returns.returnable(delivery_id), code)
            if found is None:
                other = uow.returns.delivery_with_code(delivery.customer_id, code)
                raise r.not_delivered(code, delivery.number, other)
            return found

        return read(self.ctx.db, work)

    @door
    def policy(self) -> ReturnPolicy:
        return read(self.ctx.db, load_policy)

    @door
    def threshold(self) -> Decimal:
        """The return rate that flags a frequent returner (a share)."""
        return read(self.ctx.db, load_threshold)

    @door
    def save_policy(
        self,
        rules: Sequence[Mapping[str, Any]],
        minimums: Sequence[Mapping[str, Any]] = (),
        threshold: str = "",
    ) -> ReturnPolicy:
        """Store the policy edited in Settings (rules in their order; ``reasons`` as codes
        separated by commas) and, when given, the return-rate threshold (a percentage).
        Every fault is named ``rules.<n>.<field>`` / ``minimums.<n>.<field>`` /
        ``threshold`` at once; nothing is saved then."""
        errors: list[FieldError] = []
        policy: ReturnPolicy | None = None
        try:
            policy = r.clean_policy(_policy_rows(rules), minimums)
        except ValidationError as error:
            errors += error.errors
        rate = None
        if str(threshold).strip():
            try:
                rate = clean_threshold(threshold)
            except FieldError as error:
                errors.append(error)
        if errors or policy is None:
            raise ValidationError(errors)
        chosen = policy

        def work(uow: UnitOfWork) -> ReturnPolicy:
            uow.settings.set(POLICY_KEY, chosen.to_json())
            if rate is not None:
                uow.settings.set(RETURN_RATE_KEY, str(rate))
            uow.audit(
                self.ctx.actor,
                "settings.return_policy",
                "settings",
                POLICY_KEY,
                rules=[rule.name for rule in chosen.rules],
                minimums=len(chosen.minimums),
                threshold=str(rate) if rate is not None else "",
                changes=uow.settings.changes(),
            )
            return chosen

        return write(self.ctx.db, work)

    @door
    def reset_policy(self) -> ReturnPolicy:
        """Go back to the shipped policy."""

        def work(uow: UnitOfWork) -> ReturnPolicy:
            uow.settings.set(POLICY_KEY, "")
            uow.audit(
                self.ctx.actor,
                "settings.return_policy_reset",
                "settings",
                POLICY_KEY,
                changes=uow.settings.changes(),
            )
            return r.default_policy()

        return write(self.ctx.db, work)

    @door
    def page(self, page: Page) -> list[ReturnRow]:
        """A page of the returns list (filters: state, reason, customer_id, delivery_id,
        date_from, date_to)."""
        return read(self.ctx.db, lambda uow: rq.return_page(uow.session, page))

    @door
    def analysis(self, page: Page) -> list[ReturnAnalysisRow]:
        """Posted returns by month, reason and item (filters: reason, item_id,
        customer_id, date_from, date_to)."""
        return read(self.ctx.db, lambda uow: rq.analysis_page(uow.session, page))

    @door
    def preview(
        self,
        delivery_id: int,
        reason: str,
        lines: Sequence[Mapping[str, Any]],
        return_date: date | None = None,
    ) -> ReturnPreview:
        """The policy's decision per line for a return being typed (nothing is written)."""
        reason_ = _reason(reason)
        day = return_date or self.ctx.today()

        def work(uow: UnitOfWork) -> ReturnPreview:
            delivery = _returnable_delivery(uow, delivery_id)
            clean = r.clean_return_lines(lines, uow.returns.returnable(delivery_id))
            decisions = self._decide(uow, delivery, reason_, day, clean)
            refund = sum(
                (d.refund(line.amounts.gross) for d, line in zip(decisions, clean, strict=True)),
                Money.zero(),
            )
            return ReturnPreview(decisions, refund)

        return read(self.ctx.db, work)

    @door
    def return_rate(self, customer_id: int) -> ReturnRate:
        """Returned net / delivered net over the trailing 12 months, against the threshold."""
        since = self.ctx.today() - timedelta(days=365)

        def work(uow: UnitOfWork) -> ReturnRate:
            rows = uow.returns.returned_net(customer_id, since)
            threshold = load_threshold(uow)
            return ReturnRate(_net(rows["delivered"]), _net(rows["returned"]), threshold)

        return read(self.ctx.db, work)

    # --- changing ------------------------------------------------------------------------

    @door
    def create(
        self,
        delivery_id: int,
        header: Mapping[str, Any],
        lines: Sequence[Mapping[str, Any]],
    ) -> ReturnDocument:
        """A draft return against a delivery (its number is taken now)."""
        clean = _clean_header(header, self.ctx.today(), self.ctx.actor.username)

        def work(uow: UnitOfWork) -> ReturnDocument:
            delivery = _returnable_delivery(uow, delivery_id)
            document = ReturnDocument(
                number=uow.documents.next_number(DocumentType.RETURN, clean["return_date"].year),
                customer_id=delivery.customer_id,
                delivery_id=delivery.id or 0,
                created_by=self.ctx.actor.username,
                **clean,
            )
            document.lines = r.clean_return_lines(lines, uow.returns.returnable(delivery_id))
            uow.returns.add(document)
            uow.audit(
                self.ctx.actor,
                "return.create",
                "return",
                document.number,
                delivery=delivery.number,
                lines=len(document.lines),
            )
            return document

        return write(self.ctx.db, work)

    @door
    def update(
        self,
        return_id: int,
        expected_version: int,
        header: Mapping[str, Any],
        lines: Sequence[Mapping[str, Any]],
    ) -> ReturnDocument:
        clean = _clean_header(header, self.ctx.today(), self.ctx.actor.username)

        def work(uow: UnitOfWork) -> ReturnDocument:
            document = self._load(uow, return_id, expected_version)
            r.RETURN_FLOW.targets(document.state, ReturnAction.EDIT, document.number)
            new_lines = r.clean_return_lines(lines, uow.returns.returnable(document.delivery_id))
            for key, value in clean.items():
                setattr(document, key, value)
            document.lines = new_lines
            uow.flush()
            uow.audit(self.ctx.actor, "return.update", "return", document.number)
            return document

        return write(self.ctx.db, work)

    @door
    def post(
        self,
        return_id: int,
        expected_version: int,
        override_reason: str = "",
        rates: Mapping[int, object] | None = None,
    ) -> ReturnDocument:
        """Post the return: the policy decides each line's refund (``rates`` maps line
        numbers to a rate the clerk asks for instead); the goods move from the customer to
        where their condition sends them.  A refusal or a better refund than the policy's
        needs the owner and ``override_reason``."""
        asked = _asked_rates(rates or {})

        def work(uow: UnitOfWork) -> ReturnDocument:
            document = self._load(uow, return_id, expected_version)
            r.RETURN_FLOW.targets(document.state, ReturnAction.POST, document.number)
            delivery = _returnable_delivery(uow, document.delivery_id)
            uow.sales.lock_items(sorted({line.item_id for line in document.lines}))
            # re-check against what came back meanwhile (another PC may have posted a return)
            _still_open(document, uow.returns.returnable(document.delivery_id))
            decisions = self._decide(uow, delivery, document.reason, document.return_date,
                                     document.lines)  # fmt: skip
            document.move(ReturnAction.POST)
            choices = [RefundChoice(d, asked.get(line.line_no))
                       for d, line in zip(decisions, document.lines, strict=True)]  # fmt: skip
            refusals = r.apply_policy(document, choices, override_reason)
            if refusals:
                raise refusals[0] if len(refusals) == 1 else ValidationError(refusals)
            if any(c.needs_override for c in choices):
                self.ctx.actor.require(Permission.OVERRIDE_CHECKS)
                document.override_by = self.ctx.actor.username
                document.override_reason = override_reason.strip()[:200]
            self._move_goods(uow, document, delivery)
            document.posted_at = now()
            uow.flush()
            uow.audit(
                self.ctx.actor,
                "return.post",
                "return",
                document.number,
                delivery=delivery.number,
                refund=document.refund,
                rules=[line.rule for line in document.lines],
                override=document.override_reason,
            )
            return document

        return write(self.ctx.db, work)

    @door
    def cancel(self, return_id: int, expected_version: int, reason: str) -> ReturnDocument:
        reason = v.required_text(reason, "reason", 200)

        def work(uow: UnitOfWork) -> ReturnDocument:
            document = self._load(uow, return_id, expected_version)
            document.move(ReturnAction.CANCEL)
            document.note = (document.note + "\n" if document.note else "") + reason
            uow.flush()
            uow.audit(self.ctx.actor, "return.cancel", "return", document.number, reason=reason)
            return document

        return write(self.ctx.db, work)

    @door
    def reverse(self, return_id: int, reason: str) -> ReturnDocument:
        """Undo a posted return by a reversal document (冲销): every move goes back."""
        reason = v.required_text(reason, "reason", 200)

        def work(uow: UnitOfWork) -> ReturnDocument:
            document = self._load(uow, return_id, None)
            check_reversible(document, _settled_by(uow, return_id))
            document.move(ReturnAction.REVERSE)
            place = document.lines[0].location_id or uow.locations.require(QUARANTINE).id or 0
            post_reversal(self.ctx, uow, document.number, place, reason)
            uow.flush()
            return document

        return write(self.ctx.db, work)

    # --- helpers -------------------------------------------------------------------------

    def _decide(
        self,
        uow: UnitOfWork,
        delivery: Delivery,
        reason: ReturnReason,
        day: date,
        lines: Sequence[r.ReturnLine],
    ) -> list[PolicyDecision]:
        customer = uow.customers.get(delivery.customer_id)
        assert customer is not None
        policy = load_policy(uow)
        holding = uow.returns.holding(customer.id or 0, [line.item_id for line in lines])
        days = max(0, (day - delivery.delivery_date).days)
        return [
            policy.decide(
                ReturnCase(
                    customer.id or 0,
                    customer.abc_class,
                    reason,
                    days,
                    line.item_id,
                    line.quantity,
                    holding.get(line.item_id, Decimal(0)),
                )
            )
            for line in lines
        ]

    def _move_goods(self, uow: UnitOfWork, document: ReturnDocument, delivery: Delivery) -> None:
        picked_from = {line.id or 0: line.location_id for line in delivery.lines}
        r.set_destinations(
            document,
            picked_from,
            uow.locations.require(QUARANTINE).id or 0,
            uow.locations.require(SCRAP).id or 0,
        )
        moves = r.return_moves(
            document, uow.locations.require(CUSTOMERS).id or 0, self.ctx.actor.username, now()
        )
        uow.stock.post(moves, allow_negative_stock=False)

    def _load(self, uow: UnitOfWork, return_id: int, expected: int | None) -> ReturnDocument:
        document = uow.returns.get(return_id)
        if document is None:
            raise not_found(RETURN, return_id)
        check_version(document, expected, RETURN, document.number)
        return document


def _returnable_delivery(uow: UnitOfWork, delivery_id: int) -> Delivery:
    [delivery] = uow.sales.deliveries([delivery_id]) or [None]
    if delivery is None:
        raise not_found(DELIVERY, delivery_id)
    return delivery


def _still_open(document: ReturnDocument, current: Mapping[int, Returnable]) -> None:
    errors = []
    for line in document.lines:
        source = current[line.delivery_line_id]
        if line.quantity > source.open:
            errors.append(
                FieldError(
                    f"lines.{line.line_no}.quantity",
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "At most {open} can come back: {delivered} delivered, {returned} "
                        "returned already.",
                    ),
                    open=f"{source.open.normalize():f}",
                    delivered=f"{source.delivered.normalize():f}",
                    returned=f"{source.returned.normalize():f}",
                )
            )
    if errors:
        raise ValidationError(errors)


def _reason(value: object) -> ReturnReason:
    try:
        return ReturnReason(str(value or ""))
    except ValueError:
        raise FieldError(
            "reason",
            QT_TRANSLATE_NOOP("errors", "Choose why the goods came back."),
        ) from None


def _clean_header(values: Mapping[str, Any], today: date, user: str) -> dict[str, Any]:
    errors: list[FieldError] = []
    clean: dict[str, Any] = {}
    try:
        clean["reason"] = _reason(values.get("reason"))
    except FieldError as error:
        errors.append(error)
    day = values.get("return_date") or today
    if not isinstance(day, date) or day > today:
        errors.append(
            FieldError(
                "return_date",
                QT_TRANSLATE_NOOP("errors", "The return date is a date, not in the future."),
            )
        )
    clean["return_date"] = day
    for key, size, default in (("received_by", 60, user), ("note", 500, "")):
        try:
            clean[key] = v.optional_text(values.get(key) or default, key, size)
        except FieldError as error:
            errors.append(error)
    if errors:
        raise ValidationError(errors)
    return clean


def _asked_rates(rates: Mapping[int, object]) -> dict[int, Decimal]:
    """Rates the clerk types per line (percent or fraction), checked like the policy's."""
    errors: list[FieldError] = []
    result: dict[int, Decimal] = {}
    for line_no, value in rates.items():
        rate = r.clean_rate(value, f"lines.{line_no}.refund_rate", errors)
        if rate is not None:
            result[int(line_no)] = rate
    if errors:
        raise ValidationError(errors)
    return result


def _net(rows: Sequence[Any]) -> Money:
    return sum(
        (line_amounts(q, price, vat, discount).net for q, price, vat, discount in rows),
        Money.zero(),
    )


def _settled_by(uow: UnitOfWork, return_id: int) -> str:
    """The red invoice (not voided) or replacement order of an active exchange that settles
    a return, if any."""
    credited = [r.number for r in uow.red_invoices.of_return(return_id) if r.state != "voided"]
    exchange = uow.red_invoices.exchange_of_return(return_id)
    active = exchange is not None and exchange.active
    order = uow.sales.order(exchange.order_id) if exchange is not None and active else None
    return (credited or [order.number if order is not None else ""])[0]


register(
    Queue(
        "returns_to_post",
        QT_TRANSLATE_NOOP("terms", "Draft returns to post"),
        lambda uow, _today: rq.drafts_to_post(uow.session),
        "returns",
        lambda _today: {"state": r.ReturnState.DRAFT.value},
        permission=Permission.RETURNS,
    )
)
