"""Shop-wide settings kept in the database: every PC of the office sees the same."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from retailerp.domain.customers import AbcThresholds, ReviewSchedule
from retailerp.domain.security import Permission
from retailerp.persistence.unit_of_work import UnitOfWork, read, write
from retailerp.services.context import ServiceContext

ALLOW_NEGATIVE = "stock.allow_negative"
ABC_A = "abc.a_share"
ABC_B = "abc.b_share"
REVIEW_MONTHS = "review.months"
COMPANY_NAME = "company.name"
PRICE_FLOOR = "sales.price_floor"


@dataclass(frozen=True)
class ShopSettings:
    allow_negative_stock: bool = False
    abc: AbcThresholds = AbcThresholds()
    review: ReviewSchedule = ReviewSchedule()
    company_name: str = ""
    price_floor: Decimal = Decimal("0.5")
    """A net unit price below this share of the list price is refused (0 = no floor)."""


def load_settings(uow: UnitOfWork) -> ShopSettings:
    s = uow.settings
    months = tuple(int(m) for m in s.get(REVIEW_MONTHS, "2,8").split(",") if m.strip())
    return ShopSettings(
        allow_negative_stock=s.get(ALLOW_NEGATIVE, "0") == "1",
        abc=AbcThresholds(Decimal(s.get(ABC_A, "0.80")), Decimal(s.get(ABC_B, "0.95"))),
        review=ReviewSchedule(months),
        company_name=s.get(COMPANY_NAME, ""),
        price_floor=Decimal(s.get(PRICE_FLOOR, "0.5")),
    )


class SettingsService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def get(self) -> ShopSettings:
        return read(self.ctx.db, load_settings)

    def save(self, settings: ShopSettings) -> None:
        """Store the settings (the domain types have already checked them)."""
        self.ctx.actor.require(Permission.ADMINISTER)

        def work(uow: UnitOfWork) -> None:
            uow.settings.set(ALLOW_NEGATIVE, "1" if settings.allow_negative_stock else "0")
            uow.settings.set(ABC_A, str(settings.abc.a_share))
            uow.settings.set(ABC_B, str(settings.abc.b_share))
            uow.settings.set(REVIEW_MONTHS, ",".join(str(m) for m in settings.review.months))
            uow.settings.set(COMPANY_NAME, settings.company_name)
            uow.settings.set(PRICE_FLOOR, str(settings.price_floor))
            uow.audit(
                self.ctx.actor,
                "settings.save",
                "settings",
                "shop",
                allow_negative=settings.allow_negative_stock,
                abc=[settings.abc.a_share, settings.abc.b_share],
                review=settings.review.months,
            )

        write(self.ctx.db, work)
