"""Use cases: the one door the UI and the command line go through.

Each service method checks the acting user's permission, runs in one short transaction,
writes the audit trail and returns plain data or domain objects.  None of it imports Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

from retailerp.persistence.engine import Database
from retailerp.persistence.queries import (
    PAGE_LIMIT_MAX,
    CustomerRow,
    DeliveryRow,
    InvoiceRow,
    ItemRow,
    OrderRow,
    Page,
)
from retailerp.persistence.stock_queries import DocumentRow, LedgerRow, LocationRow, StockRow
from retailerp.services.audit import AuditService
from retailerp.services.changes import ChangeBus, bus_for
from retailerp.services.complaint_resolutions import ComplaintResolutionService
from retailerp.services.complaints import ComplaintService
from retailerp.services.consignment import ConsignmentService
from retailerp.services.context import ServiceContext
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
    """All services over one database for one acting user."""

    ctx: ServiceContext

    def __post_init__(self) -> None:
        self.customers = CustomerService(self.ctx)
        self.items = ItemService(self.ctx)
        self.stock = StockService(self.ctx)
        self.settings = SettingsService(self.ctx)
        self.orders = OrderService(self.ctx)
        self.invoices = InvoiceService(self.ctx)
        self.printing = PrintService(self.ctx)
        self.returns = ReturnService(self.ctx)
        self.red_invoices = RedInvoiceService(self.ctx)
        self.exchanges = ExchangeService(self.ctx)
        self.links = DocumentLinkService(self.ctx)
        self.e_invoices = EInvoiceService(self.ctx)
        self.complaints = ComplaintService(self.ctx)
        self.resolutions = ComplaintResolutionService(self.ctx)
        self.home = HomeService(self.ctx)
        self.consignment = ConsignmentService(self.ctx)
        self.audit = AuditService(self.ctx)
        self.office = OfficeService(self.ctx)
        self.users = UserService(self.ctx)

    @property
    def changes(self) -> ChangeBus:
        """What each committed write changed (see :mod:`retailerp.services.changes`)."""
        return bus_for(self.ctx.db)

    @classmethod
    def over(cls, db: Database, **kwargs: object) -> Services:
        return cls(ServiceContext(db, **kwargs))  # type: ignore[arg-type]
