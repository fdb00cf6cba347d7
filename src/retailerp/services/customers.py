"""Customer use cases: keep the register, classify, review, end and reactivate."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from retailerp.domain.audit import changed_fields
from retailerp.domain.customers import (
    AbcClass,
    Customer,
    CustomerReview,
    classify_abc,
    validate_customer,
)
from retailerp.domain.errors import FieldError, ValidationError
from retailerp.domain.money import Money, check_price
from retailerp.domain.stock import Location, LocationKind, consignment_code
from retailerp.domain.text import CUSTOMER, QT_TRANSLATE_NOOP
from retailerp.i18n import translate
from retailerp.persistence import queries
from retailerp.persistence.queries import CustomerRow, Page
from retailerp.persistence.unit_of_work import UnitOfWork, now, read, write
from retailerp.services.context import ServiceContext, check_version, not_found, validate_row
from retailerp.services.door import DocumentDate, door
from retailerp.services.settings import load_settings


@dataclass(frozen=True)
class ClassificationResult:
    counts: dict[str, int]
    changed: int
    period_start: date
    period_end: date


class CustomerService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # --- reading ---------------------------------------------------------------------

    @door
    def page(self, page: Page) -> list[CustomerRow]:
        def work(uow: UnitOfWork) -> list[CustomerRow]:
            start = load_settings(uow).review.period_start(self.ctx.today())
            return queries.customer_page(uow.session, page, start)

        return read(self.ctx.db, work)

    @door
    def get(self, customer_id: int) -> Customer:
        def work(uow: UnitOfWork) -> Customer:
            customer = uow.customers.get(customer_id)
            if customer is None:
                raise not_found(CUSTOMER, customer_id)
            return customer

        return read(self.ctx.db, work)

    @door
    def reviews(self, customer_id: int) -> list[CustomerReview]:
        return read(self.ctx.db, lambda uow: uow.customers.reviews(customer_id))

    @door
    def due_for_review_count(self) -> int:
        def work(uow: UnitOfWork) -> int:
            start = load_settings(uow).review.period_start(self.ctx.today())
            return queries.due_for_review_count(uow.session, start)

        return read(self.ctx.db, work)

    @staticmethod
    @door
    def check(values: Mapping[str, Any]) -> dict[str, str]:
        """Field → message, in the user's language, for what is wrong now (for validation
        as the user types)."""
        try:
            validate_customer(values)
        except ValidationError as error:
            return {f: e.render(translate) for f, e in error.by_field().items()}
        return {}

    # --- changing --------------------------------------------------------------------

    @door
    def create(self, values: Mapping[str, Any]) -> Customer:
        clean = validate_customer(values)

        def work(uow: UnitOfWork) -> Customer:
            self._code_free(uow, clean["code"], None)
            customer = Customer(code=clean["code"], name=clean["name"], created_on=self.ctx.today())
            customer.apply(clean)
            self._stamp(customer)
            uow.customers.add(customer)
            uow.audit(
                self.ctx.actor,
                "customer.create",
                "customer",
                customer.id,
                code=customer.code,
                name=customer.name,
            )
            return customer

        return write(self.ctx.db, work)

    @door
    def import_many(self, rows: Sequence[Mapping[str, Any]]) -> int:
        """Create many customers in one transaction: all or none.  An error names the row
        (``rows.<n>.<field>``, n from 1) and the rule."""
        cleaned = [validate_row(n, validate_customer, row) for n, row in enumerate(rows, 1)]

        def work(uow: UnitOfWork) -> int:
            seen: set[str] = set()
            for n, clean in enumerate(cleaned, 1):
                if clean["code"] in seen or uow.customers.by_code(clean["code"]):
                    raise FieldError(
                        f"rows.{n}.code",
                        QT_TRANSLATE_NOOP("errors", "Code {code} is already used."),
                        code=clean["code"],
                    )
                seen.add(clean["code"])
                customer = Customer(
                    code=clean["code"], name=clean["name"], created_on=self.ctx.today()
                )
                customer.apply(clean)
                self._stamp(customer)
                uow.session.add(customer)
            uow.flush()
            uow.audit(self.ctx.actor, "customer.import", "customer", "*", count=len(cleaned))
            return len(cleaned)

        return write(self.ctx.db, work)

    @door
    def update(
        self, customer_id: int, expected_version: int, values: Mapping[str, Any]
    ) -> Customer:
        """Save an edited card; refused if someone else saved it since it was opened."""
        clean = validate_customer(values)

        def work(uow: UnitOfWork) -> Customer:
            customer = self._load(uow, customer_id, expected_version)
            self._code_free(uow, clean["code"], customer_id)
            before = {k: getattr(customer, k) for k in clean}
            customer.apply(clean)
            self._stamp(customer)
            uow.flush()
            uow.audit(
                self.ctx.actor,
                "customer.update",
                "customer",
                customer_id,
                changes=changed_fields(before, clean),
            )
            return customer

        return write(self.ctx.db, work)

    @door(on=DocumentDate)
    def end(
        self, customer_id: int, expected_version: int, reason: str, on: date | None = None
    ) -> Customer:
        """End the relationship (交易中止); the customer stays with all its history."""

        def work(uow: UnitOfWork) -> Customer:
            customer = self._load(uow, customer_id, expected_version)
            customer.end(on or self.ctx.today(), reason)
            self._stamp(customer)
            uow.flush()
            uow.audit(
                self.ctx.actor,
                "customer.end",
                "customer",
                customer_id,
                on=customer.ended_on,
                reason=customer.end_reason,
            )
            return customer

        return write(self.ctx.db, work)

    @door
    def reactivate(self, customer_id: int, expected_version: int, reason: str = "") -> Customer:

        def work(uow: UnitOfWork) -> Customer:
            customer = self._load(uow, customer_id, expected_version)
            ended = (customer.ended_on, customer.end_reason)
            customer.reactivate()
            self._stamp(customer)
            uow.flush()
            uow.audit(
                self.ctx.actor,
                "customer.reactivate",
                "customer",
                customer_id,
                ended_on=ended[0],
                end_reason=ended[1],
                reason=reason,
            )
            return customer

        return write(self.ctx.db, work)

    @door
    def pin_class(
        self, customer_id: int, expected_version: int, cls: AbcClass | None, reason: str = ""
    ) -> Customer:
        """Pin a class by hand (who and why are kept), or unpin with ``cls=None``."""

        def work(uow: UnitOfWork) -> Customer:
            customer = self._load(uow, customer_id, expected_version)
            if cls is None:
                customer.unpin_class()
            else:
                customer.pin_class(cls, self.ctx.actor.username, reason, now())
            self._stamp(customer)
            uow.flush()
            uow.audit(
                self.ctx.actor,
                "customer.pin_class",
                "customer",
                customer_id,
                pinned=cls,
                reason=reason,
            )
            return customer

        return write(self.ctx.db, work)

    @door
    def record_review(
        self,
        customer_id: int,
        expected_version: int,
        outcome: str,
        credit_limit: object,
        note: str = "",
    ) -> CustomerReview:
        """Record the twice-yearly review; the credit limit may change with it."""
        new_limit = check_price(credit_limit, "credit_limit")
        if not outcome.strip():
            raise FieldError("outcome", QT_TRANSLATE_NOOP("errors", "This field is required."))

        def work(uow: UnitOfWork) -> CustomerReview:
            customer = self._load(uow, customer_id, expected_version)
            review = CustomerReview(
                customer_id=customer_id,
                reviewed_on=self.ctx.today(),
                reviewer=self.ctx.actor.username,
                credit_limit_before=customer.credit_limit,
                credit_limit_after=new_limit,
                outcome=outcome.strip()[:200],
                note=note[:500],
            )
            customer.credit_limit = new_limit
            customer.last_review_on = review.reviewed_on
            self._stamp(customer)
            uow.customers.add_review(review)
            uow.audit(
                self.ctx.actor,
                "customer.review",
                "customer",
                customer_id,
                outcome=review.outcome,
                credit_limit=[review.credit_limit_before, new_limit],
            )
            return review

        return write(self.ctx.db, work)

    @door
    def import_revenue(self, entries: Sequence[tuple[str, date, object]], source: str) -> int:
        """Bring in past net revenue (customer code, day, amount), e.g. from the spreadsheets
        a shop kept before; ABC classification reads it with the revenue of invoices."""

        def work(uow: UnitOfWork) -> int:
            ids: dict[str, int] = {}
            for n, (code, day, amount) in enumerate(entries, 1):
                if code not in ids:
                    customer = uow.customers.by_code(code)
                    if customer is None:
                        raise FieldError(
                            f"rows.{n}.customer",
                            QT_TRANSLATE_NOOP("errors", "There is no customer {code}."),
                            code=code,
                        )
                    ids[code] = customer.id or 0
                money = Money.of(amount, f"rows.{n}.amount")
                uow.customers.add_revenue(ids[code], day, money, source)
            uow.audit(
                self.ctx.actor,
                "customer.import_revenue",
                "customer",
                "*",
                count=len(entries),
                source=source,
            )
            return len(entries)

        return write(self.ctx.db, work)

    @door
    def recompute_classes(self) -> ClassificationResult:
        """Classify every customer from the trailing 12 months' net revenue."""
        end = self.ctx.today()
        start = end - timedelta(days=365)

        def work(uow: UnitOfWork) -> ClassificationResult:
            thresholds = load_settings(uow).abc
            revenue = {cid: Money.zero() for cid in uow.customers.all_ids()}
            revenue.update(uow.customers.revenue_since(start, end))
            classes = classify_abc(revenue, thresholds)
            changed = uow.customers.set_computed_classes({k: v.value for k, v in classes.items()})
            counts = {c.value: sum(1 for v in classes.values() if v == c) for c in AbcClass}
            uow.audit(
                self.ctx.actor, "customer.classify", "customer", "*", counts=counts, changed=changed
            )
            return ClassificationResult(counts, changed, start, end)

        return write(self.ctx.db, work)

    @door
    def consignment_location(self, customer_id: int) -> Location:
        """The customer's consignment location, made on first use."""

        def work(uow: UnitOfWork) -> Location:
            customer = self._load(uow, customer_id, None)
            code = consignment_code(customer.code)
            location = uow.locations.by_code(code)
            if location is None:
                location = Location(
                    code=code,
                    name=customer.name,
                    kind=LocationKind.CONSIGNMENT,
                    customer_id=customer_id,
                )
                uow.locations.add(location)
                uow.audit(
                    self.ctx.actor,
                    "location.create",
                    "location",
                    location.id,
                    code=location.code,
                    kind=location.kind,
                    customer=customer.code,
                )
            return location

        return write(self.ctx.db, work)

    # --- helpers -----------------------------------------------------------------------

    def _load(self, uow: UnitOfWork, customer_id: int, expected: int | None) -> Customer:
        customer = uow.customers.get(customer_id)
        if customer is None:
            raise not_found(CUSTOMER, customer_id)
        check_version(customer, expected, CUSTOMER, customer.code)
        return customer

    def _stamp(self, customer: Customer) -> None:
        customer.updated_by, customer.updated_at = self.ctx.actor.username, now()

    @staticmethod
    def _code_free(uow: UnitOfWork, code: str, own_id: int | None) -> None:
        other = uow.customers.by_code(code)
        if other is not None and other.id != own_id:
            raise ValidationError(
                [
                    FieldError(
                        "code",
                        QT_TRANSLATE_NOOP("errors", "Code {code} is already used by {name}."),
                        code=code,
                        name=other.name,
                    )
                ]
            )
