"""Users, roles and what each role may do.

Services check these before they change anything; the UI only hides what a role cannot use.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from retailerp.domain.errors import PermissionDenied
from retailerp.domain.text import QT_TRANSLATE_NOOP


class Role(StrEnum):
    OWNER = "owner"
    SALES = "sales"
    WAREHOUSE = "warehouse"
    FINANCE = "finance"


class Permission(StrEnum):
    EDIT_CUSTOMERS = "customers.edit"
    PIN_CUSTOMER_CLASS = "customers.pin_class"
    REVIEW_CUSTOMERS = "customers.review"
    END_CUSTOMERS = "customers.end"
    EDIT_ITEMS = "items.edit"
    RECEIVE_GOODS = "stock.receive"
    COUNT_STOCK = "stock.count"
    REVERSE_STOCK = "stock.reverse"
    EDIT_ORDERS = "sales.orders"
    OVERRIDE_CHECKS = "sales.override"
    SHIP = "stock.ship"
    RETURNS = "stock.returns"
    REFUNDS = "finance.refunds"
    RED_INVOICES = "finance.red_invoices"
    INVOICE = "finance.invoice"
    RECORD_PAYMENTS = "finance.payments"
    HANDLE_COMPLAINTS = "complaints.handle"
    APPROVE_COMPLAINTS = "complaints.approve"
    ADMINISTER = "admin"


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.OWNER: frozenset(Permission),
    Role.SALES: frozenset(
        {Permission.EDIT_CUSTOMERS, Permission.EDIT_ORDERS, Permission.HANDLE_COMPLAINTS}
    ),
    Role.WAREHOUSE: frozenset(
        {
            Permission.EDIT_ITEMS,
            Permission.RECEIVE_GOODS,
            Permission.COUNT_STOCK,
            Permission.SHIP,
            Permission.RETURNS,
            Permission.HANDLE_COMPLAINTS,
        }
    ),
    Role.FINANCE: frozenset(
        {
            Permission.REVIEW_CUSTOMERS,
            Permission.EDIT_CUSTOMERS,
            Permission.INVOICE,
            Permission.RECORD_PAYMENTS,
            Permission.REFUNDS,
            Permission.RED_INVOICES,
        }
    ),
}


@dataclass(frozen=True)
class Actor:
    """Who is doing something: a user name and the role it has."""

    username: str
    role: Role = Role.OWNER

    def may(self, permission: Permission) -> bool:
        return permission in ROLE_PERMISSIONS[self.role]

    def require(self, permission: Permission) -> None:
        if not self.may(permission):
            raise PermissionDenied(
                QT_TRANSLATE_NOOP("errors", "User {user} ({role}) may not do this: {permission}."),
                user=self.username,
                role=self.role.value,
                permission=permission.value,
            )
