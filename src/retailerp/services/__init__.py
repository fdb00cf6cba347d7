"""Use cases: the one door the UI and the command line go through.

Each service method checks the acting user's permission, runs in one short transaction,
writes the audit trail and returns plain data or domain objects.  None of it imports Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from retailerp.lazy import exports
from retailerp.persistence.engine import Database
from retailerp.persistence.paging import PAGE_LIMIT_MAX, Page
from retailerp.services.changes import ChangeBus, bus_for
from retailerp.services.context import ServiceContext

if TYPE_CHECKING:  # each service's module is imported when the service is first asked for
    from retailerp.persistence.queries import (
        CustomerRow,
        DeliveryRow,
        InvoiceRow,
        ItemRow,
        OrderRow,
    )
    from retailerp.persistence.stock_queries import DocumentRow, LedgerRow, LocationRow, StockRow
    from retailerp.services.audit import AuditService
    from retailerp.services.complaint_resolutions import ComplaintResolutionService
    from retailerp.services.complaints import ComplaintService
    from retailerp.services.consignment import ConsignmentService
    from retailerp.services.customers import CustomerService
    from retailerp.services.document_links import DocumentLinkService
    from retailerp.services.e_invoice import EInvoiceService
    from retailerp.services.exchanges import ExchangeService
    from retailerp.services.home import HomeService
    from retailerp.services.invoicing import InvoiceService
    from retailerp.services.items import ItemService
    from retailerp.services.office import OfficeService
    from retailerp.services.printing import PrintService
    from retailerp.services.red_invoices import RedInvoiceService
    from retailerp.services.returns import ReturnService
    from retailerp.services.sales import OrderService
    from retailerp.services.settings import SettingsService
    from retailerp.services.stock import StockService
    from retailerp.services.users import UserService

__getattr__ = exports(
    __name__,
    {
        **dict.fromkeys(
            ("CustomerRow", "DeliveryRow", "InvoiceRow", "ItemRow", "OrderRow"),
            "retailerp.persistence.queries",
        ),
        **dict.fromkeys(
            ("DocumentRow", "LedgerRow", "LocationRow", "StockRow"),
            "retailerp.persistence.stock_queries",
        ),
    },
)
"""The read side's rows handed out here, imported from their query module when first named
(start-up does not load the list queries)."""

__all__ = [
    "PAGE_LIMIT_MAX",
    "CustomerRow",
    "DeliveryRow",
    "DocumentRow",
    "InvoiceRow",
    "ItemRow",
    "LedgerRow",
    "LocationRow",
    "OrderRow",
    "Page",
    "ServiceContext",
    "Services",
    "StockRow",
]
"""Rows are the read side's plain records (persistence.queries), handed out by the services."""


@dataclass
class Services:
    """All services over one database for one acting user.

    Each service is made (and its module imported) the first time it is asked for: start-up
    loads the few the window needs, not every module's queries and rules."""

    ctx: ServiceContext

    @cached_property
    def customers(self) -> CustomerService:
        from retailerp.services.customers import CustomerService

        return CustomerService(self.ctx)

    @cached_property
    def items(self) -> ItemService:
        from retailerp.services.items import ItemService

        return ItemService(self.ctx)

    @cached_property
    def stock(self) -> StockService:
        from retailerp.services.stock import StockService

        return StockService(self.ctx)

    @cached_property
    def settings(self) -> SettingsService:
        from retailerp.services.settings import SettingsService

        return SettingsService(self.ctx)

    @cached_property
    def orders(self) -> OrderService:
        from retailerp.services.sales import OrderService

        return OrderService(self.ctx)

    @cached_property
    def invoices(self) -> InvoiceService:
        from retailerp.services.invoicing import InvoiceService

        return InvoiceService(self.ctx)

    @cached_property
    def printing(self) -> PrintService:
        from retailerp.services.printing import PrintService

        return PrintService(self.ctx)

    @cached_property
    def returns(self) -> ReturnService:
        from retailerp.services.returns import ReturnService

        return ReturnService(self.ctx)

    @cached_property
    def red_invoices(self) -> RedInvoiceService:
        from retailerp.services.red_invoices import RedInvoiceService

        return RedInvoiceService(self.ctx)

    @cached_property
    def exchanges(self) -> ExchangeService:
        from retailerp.services.exchanges import ExchangeService

        return ExchangeService(self.ctx)

    @cached_property
    def links(self) -> DocumentLinkService:
        from retailerp.services.document_links import DocumentLinkService

        return DocumentLinkService(self.ctx)

    @cached_property
    def e_invoices(self) -> EInvoiceService:
        from retailerp.services.e_invoice import EInvoiceService

        return EInvoiceService(self.ctx)

    @cached_property
    def complaints(self) -> ComplaintService:
        from retailerp.services.complaints import ComplaintService

        return ComplaintService(self.ctx)

    @cached_property
    def resolutions(self) -> ComplaintResolutionService:
        from retailerp.services.complaint_resolutions import ComplaintResolutionService

        return ComplaintResolutionService(self.ctx)

    @cached_property
    def home(self) -> HomeService:
        from retailerp.services.home import HomeService

        return HomeService(self.ctx)

    @cached_property
    def consignment(self) -> ConsignmentService:
        from retailerp.services.consignment import ConsignmentService

        return ConsignmentService(self.ctx)

    @cached_property
    def audit(self) -> AuditService:
        from retailerp.services.audit import AuditService

        return AuditService(self.ctx)

    @cached_property
    def office(self) -> OfficeService:
        from retailerp.services.office import OfficeService

        return OfficeService(self.ctx)

    @cached_property
    def users(self) -> UserService:
        from retailerp.services.users import UserService

        return UserService(self.ctx)

    @property
    def changes(self) -> ChangeBus:
        """What each committed write changed (see :mod:`retailerp.services.changes`)."""
        return bus_for(self.ctx.db)

    @classmethod
    def over(cls, db: Database, **kwargs: object) -> Services:
        return cls(ServiceContext(db, **kwargs))  # type: ignore[arg-type]

    @classmethod
    def names(cls) -> list[str]:
        """The attribute of every service (``customers``, ``orders`` …)."""
        return [name for name, value in vars(cls).items() if isinstance(value, cached_property)]
