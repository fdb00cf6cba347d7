"""Shop-wide settings kept in the database: every PC of the office sees the same."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

from retailerp.domain import credit
from retailerp.domain.company import CompanyDetails, company_from
from retailerp.domain.customers import AbcThresholds, ReviewSchedule
from retailerp.domain.errors import FieldError, ValidationError
from retailerp.domain.money import PriceEntry, to_decimal
from retailerp.domain.text import QT_TRANSLATE_NOOP
from retailerp.persistence.core_work import CoreWork, read, write
from retailerp.services.context import ServiceContext
from retailerp.services.door import door

if TYPE_CHECKING:  # the posting services read the settings in their own unit of work
    from retailerp.persistence.unit_of_work import UnitOfWork

ALLOW_NEGATIVE = "stock.allow_negative"
ABC_A = "abc.a_share"
ABC_B = "abc.b_share"
REVIEW_MONTHS = "review.months"
COMPANY_KEYS = ("name", "address", "phone", "tax_id", "bank_name", "bank_account")
"""Company fields kept as text rows ``company.<field>``; the logo is ``company.logo``."""
COMPANY_LOGO = "company.logo"
COMPANY_NAME = "company.name"
"""The row holding the company's name (the home page's first step looks for it)."""
PRICE_FLOOR = "sales.price_floor"
OVERDUE_GRACE = "credit.overdue_grace_days"
PRICE_ENTRY = "sales.price_entry"


@dataclass(frozen=True)
class ShopSettings:
    allow_negative_stock: bool = False
    abc: AbcThresholds = AbcThresholds()
    review: ReviewSchedule = ReviewSchedule()
    price_floor: Decimal = Decimal("0.5")
    """A net unit price below this share of the list price is refused (0 = no floor)."""
    overdue_grace_days: int = credit.DEFAULT_GRACE_DAYS
    """An invoice overdue by more than this many days refuses confirmation on credit."""
    price_entry: PriceEntry = PriceEntry.NET
    """How order lines take unit prices: without VAT, with VAT included, or chosen per line."""


def load_settings(uow: CoreWork | UnitOfWork) -> ShopSettings:
    s = uow.settings
    months = tuple(int(m) for m in s.get(REVIEW_MONTHS, "2,8").split(",") if m.strip())
    return ShopSettings(
        allow_negative_stock=s.get(ALLOW_NEGATIVE, "0") == "1",
        abc=AbcThresholds(Decimal(s.get(ABC_A, "0.80")), Decimal(s.get(ABC_B, "0.95"))),
        review=ReviewSchedule(months),
        price_floor=Decimal(s.get(PRICE_FLOOR, "0.5")),
        overdue_grace_days=credit.grace_days(s.get(OVERDUE_GRACE, "")),
        price_entry=_stored_price_entry(s.get(PRICE_ENTRY, PriceEntry.NET)),
    )


def _stored_price_entry(value: str) -> PriceEntry:
    try:
        return PriceEntry(value)
    except ValueError:  # written by a newer version: the safe reading
        return PriceEntry.NET


def load_company(uow: CoreWork | UnitOfWork) -> CompanyDetails:
    """The company details stored in the settings rows (a damaged logo reads as none)."""
    s = uow.settings
    try:
        logo = base64.b64decode(s.get(COMPANY_LOGO, ""), validate=True)
    except (binascii.Error, ValueError):
        logo = b""
    return CompanyDetails(**{key: s.get(f"company.{key}", "") for key in COMPANY_KEYS}, logo=logo)


class SettingsService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @door
    def get(self) -> ShopSettings:
        return read(self.ctx.db, load_settings)

    @door
    def company(self) -> CompanyDetails:
        """The shop's company details, as every printed document shows them."""
        return read(self.ctx.db, load_company)

    @door
    def save_company(self, values: Mapping[str, Any]) -> CompanyDetails:
        """Check and store company details typed into the company page (``logo`` as bytes;
        ``b""`` removes it).  Keys not given keep their value; one ValidationError names
        every field at fault and nothing is saved."""

        def work(uow: CoreWork) -> CompanyDetails:
            before = load_company(uow)
            company = company_from(values, before)
            for key in COMPANY_KEYS:
                uow.settings.set(f"company.{key}", getattr(company, key))
            uow.settings.set(COMPANY_LOGO, base64.b64encode(company.logo).decode("ascii"))
            keys = (*COMPANY_KEYS, "logo")
            changed = [k for k in keys if getattr(company, k) != getattr(before, k)]
            uow.audit(
                self.ctx.actor,
                "settings.company",
                "settings",
                "company",
                changed=changed,
                changes=uow.settings.changes(),
            )
            return company

        return write(self.ctx.db, work)

    @door
    def save_values(self, values: Mapping[str, Any]) -> ShopSettings:
        """Save settings typed into a form (see :func:`shop_settings_from`)."""
        settings = shop_settings_from(values, self.get())
        self.save(settings)
        return settings

    @door
    def save(self, settings: ShopSettings) -> None:
        """Store the settings (the domain types have already checked them)."""

        def work(uow: CoreWork) -> None:
            uow.settings.set(ALLOW_NEGATIVE, "1" if settings.allow_negative_stock else "0")
            uow.settings.set(ABC_A, str(settings.abc.a_share))
            uow.settings.set(ABC_B, str(settings.abc.b_share))
            uow.settings.set(REVIEW_MONTHS, ",".join(str(m) for m in settings.review.months))
            uow.settings.set(PRICE_FLOOR, str(settings.price_floor))
            uow.settings.set(OVERDUE_GRACE, str(settings.overdue_grace_days))
            uow.settings.set(PRICE_ENTRY, settings.price_entry.value)
            uow.audit(
                self.ctx.actor,
                "settings.save",
                "settings",
                "shop",
                allow_negative=settings.allow_negative_stock,
                abc=[settings.abc.a_share, settings.abc.b_share],
                review=settings.review.months,
                overdue_grace_days=settings.overdue_grace_days,
                price_entry=settings.price_entry.value,
                changes=uow.settings.changes(),
            )

        write(self.ctx.db, work)


T = TypeVar("T")


def percent_share(value: object, field: str) -> Decimal:
    """A share typed as a percentage: ``"80"`` → 0.80."""
    return to_decimal(value, field) / 100


def parse_months(text: object) -> tuple[int, ...]:
    """``"2, 8"`` → ``(2, 8)``; anything not a whole number becomes 0, which the schedule
    refuses with its own message."""
    parts = [p.strip() for p in str(text or "").replace("，", ",").split(",") if p.strip()]
    return tuple(int(p) if p.isdigit() else 0 for p in parts)


def shop_settings_from(values: Mapping[str, Any], current: ShopSettings) -> ShopSettings:
    """Shop settings from a form: shares as percentages (``abc_a``, ``abc_b``,
    ``price_floor``), review months as text, ``price_entry`` one of ``net`` / ``gross`` /
    ``per_line``; keys not given keep their current value.
    Raises one ValidationError naming every field at fault."""
    errors: list[FieldError] = []
    changes: dict[str, Any] = {}
    if "allow_negative_stock" in values:
        changes["allow_negative_stock"] = _collect(
            lambda: _yes_no(values["allow_negative_stock"], "allow_negative_stock"), errors
        )
    if "abc_a" in values or "abc_b" in values:
        a = _collect(lambda: percent_share(values.get("abc_a"), "abc_a"), errors)
        b = _collect(lambda: percent_share(values.get("abc_b"), "abc_b"), errors)
        if a is not None and b is not None:
            changes["abc"] = _collect(lambda: AbcThresholds(a, b), errors, field="abc_b")
    if "review_months" in values:
        months = parse_months(values["review_months"])
        changes["review"] = _collect(lambda: ReviewSchedule(months), errors)
    if "price_floor" in values:
        changes["price_floor"] = _collect(lambda: _floor(values["price_floor"]), errors)
    if "overdue_grace_days" in values:
        changes["overdue_grace_days"] = _collect(
            lambda: credit.grace_days(values["overdue_grace_days"]), errors
        )
    if "price_entry" in values:
        changes["price_entry"] = _collect(lambda: _price_entry(values["price_entry"]), errors)
    if errors:
        raise ValidationError(errors)
    return replace(current, **changes)


def _yes_no(value: object, field: str) -> bool:
    if not isinstance(value, bool):
        raise FieldError(field, QT_TRANSLATE_NOOP("errors", "Choose yes or no."))
    return value


def _price_entry(value: object) -> PriceEntry:
    try:
        return PriceEntry(value)
    except ValueError:
        raise FieldError(
            "price_entry",
            QT_TRANSLATE_NOOP(
                "errors", "Choose how prices are typed: without VAT, with VAT, or on each line."
            ),
        ) from None


def _floor(value: object) -> Decimal:
    share = percent_share(value if value not in (None, "") else 0, "price_floor")
    if not Decimal(0) <= share < 1:
        raise FieldError(
            "price_floor",
            QT_TRANSLATE_NOOP(
                "errors", "The price floor is a share of the list price from 0 to 99%."
            ),
        )
    return share


def _collect(make: Callable[[], T], errors: list[FieldError], field: str = "") -> T | None:
    """``make()``, or None with its error added (renamed to ``field`` when given)."""
    try:
        return make()
    except FieldError as error:
        errors.append(FieldError(field or error.field or "", error.template, **error.params))
        return None
