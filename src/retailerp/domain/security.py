"""Roles, permissions and the acting user.

A role is a name and the permissions it grants.  Four roles are built in (owner, sales,
warehouse, finance) and their permissions are fixed here; the owner adds *custom roles*, each
made of permissions from :class:`Permission`, stored as data.  Services check the permission
a method needs (``services/permissions.py``) before anything runs; the UI only hides or
disables what the role cannot use.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from retailerp.domain.errors import FieldError, PermissionDenied, ValidationError
from retailerp.domain.text import QT_TRANSLATE_NOOP, Term


class Role(StrEnum):
    """The built-in roles (a custom role is a name of the shop's own)."""

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
    MANAGE_USERS = "admin.users"


PERMISSION_LABELS: dict[Permission, Term] = {
    Permission.EDIT_CUSTOMERS: Term(QT_TRANSLATE_NOOP("terms", "edit customers")),
    Permission.PIN_CUSTOMER_CLASS: Term(QT_TRANSLATE_NOOP("terms", "pin a customer's class")),
    Permission.REVIEW_CUSTOMERS: Term(QT_TRANSLATE_NOOP("terms", "review customers")),
    Permission.END_CUSTOMERS: Term(QT_TRANSLATE_NOOP("terms", "end or reactivate customers")),
    Permission.EDIT_ITEMS: Term(QT_TRANSLATE_NOOP("terms", "edit items, units and places")),
    Permission.RECEIVE_GOODS: Term(QT_TRANSLATE_NOOP("terms", "receive goods")),
    Permission.COUNT_STOCK: Term(QT_TRANSLATE_NOOP("terms", "count stock")),
    Permission.REVERSE_STOCK: Term(QT_TRANSLATE_NOOP("terms", "reverse stock documents")),
    Permission.EDIT_ORDERS: Term(QT_TRANSLATE_NOOP("terms", "enter and confirm sales orders")),
    Permission.OVERRIDE_CHECKS: Term(QT_TRANSLATE_NOOP("terms", "override checks")),
    Permission.SHIP: Term(QT_TRANSLATE_NOOP("terms", "pick and ship goods")),
    Permission.RETURNS: Term(QT_TRANSLATE_NOOP("terms", "take goods back")),
    Permission.REFUNDS: Term(QT_TRANSLATE_NOOP("terms", "refund money")),
    Permission.RED_INVOICES: Term(QT_TRANSLATE_NOOP("terms", "issue red invoices")),
    Permission.INVOICE: Term(QT_TRANSLATE_NOOP("terms", "make invoices")),
    Permission.RECORD_PAYMENTS: Term(QT_TRANSLATE_NOOP("terms", "record payments")),
    Permission.HANDLE_COMPLAINTS: Term(QT_TRANSLATE_NOOP("terms", "handle complaints")),
    Permission.APPROVE_COMPLAINTS: Term(QT_TRANSLATE_NOOP("terms", "approve complaint solutions")),
    Permission.ADMINISTER: Term(QT_TRANSLATE_NOOP("terms", "change the shop's settings")),
    Permission.MANAGE_USERS: Term(QT_TRANSLATE_NOOP("terms", "manage users and roles")),
}

ROLE_LABELS: dict[Role, Term] = {
    Role.OWNER: Term(QT_TRANSLATE_NOOP("terms", "owner")),
    Role.SALES: Term(QT_TRANSLATE_NOOP("terms", "sales")),
    Role.WAREHOUSE: Term(QT_TRANSLATE_NOOP("terms", "warehouse")),
    Role.FINANCE: Term(QT_TRANSLATE_NOOP("terms", "finance")),
}

OWNER_ONLY = frozenset({Permission.MANAGE_USERS})
"""Permissions no custom role may hold: only the owner manages users and roles."""

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
"""What each built-in role may do (fixed: a new permission is given to them here)."""

ROLE_NAME_LENGTH = 40


@dataclass(frozen=True)
class RoleDefinition:
    """A role: its name and what it grants; built-in roles cannot be changed."""

    name: str
    permissions: frozenset[Permission]
    built_in: bool = False

    @property
    def label(self) -> str:
        """The name to show: a built-in role's translatable term, else the shop's name."""
        return ROLE_LABELS[Role(self.name)] if self.built_in else self.name


BUILT_IN_ROLES: tuple[RoleDefinition, ...] = tuple(
    RoleDefinition(role.value, ROLE_PERMISSIONS[role], built_in=True) for role in Role
)


def is_built_in(name: str) -> bool:
    return name in {role.value for role in Role}


def clean_role(name: object, permissions: Iterable[object]) -> RoleDefinition:
    """A custom role from what the owner typed and ticked (every fault at once)."""
    errors: list[FieldError] = []
    text = name.strip() if isinstance(name, str) else ""
    if not text:
        errors.append(FieldError("name", QT_TRANSLATE_NOOP("errors", "Give the role a name.")))
    elif len(text) > ROLE_NAME_LENGTH:
        errors.append(
            FieldError(
                "name",
                QT_TRANSLATE_NOOP("errors", "A role's name is at most {most} characters."),
                most=ROLE_NAME_LENGTH,
            )
        )
    elif is_built_in(text.lower()):
        errors.append(
            FieldError(
                "name",
                QT_TRANSLATE_NOOP("errors", "{name} is a built-in role; choose another name."),
                name=text,
            )
        )
    granted: set[Permission] = set()
    for value in permissions:
        try:
            permission = Permission(value)
        except ValueError:
            errors.append(
                FieldError(
                    "permissions",
                    QT_TRANSLATE_NOOP("errors", "{value} is not a permission."),
                    value=value,
                )
            )
            continue
        if permission in OWNER_ONLY:
            errors.append(
                FieldError(
                    "permissions",
                    QT_TRANSLATE_NOOP("errors", "Only the owner may {what}."),
                    what=PERMISSION_LABELS[permission],
                )
            )
        granted.add(permission)
    if errors:
        raise ValidationError(errors)
    return RoleDefinition(text, frozenset(granted))


def parse_permissions(text: str) -> frozenset[Permission]:
    """The permissions stored as ``a b c`` (unknown ones, from a newer version, are left out)."""
    known = {p.value for p in Permission}
    return frozenset(Permission(p) for p in text.split() if p in known)


def store_permissions(permissions: Iterable[Permission]) -> str:
    return " ".join(sorted(p.value for p in permissions))


@dataclass(frozen=True)
class Actor:
    """Who is doing something: a user name, the role's name and what the role grants.

    ``Actor("li", Role.SALES)`` takes a built-in role's permissions; a custom role gives
    its permissions explicitly (``Actor("mei", "cashier", frozenset({...}))``).
    """

    username: str
    role: str = Role.OWNER
    permissions: frozenset[Permission] | None = field(default=None, compare=False)
    display_name: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if is_built_in(str(self.role)):
            object.__setattr__(self, "role", Role(str(self.role)))
        if self.permissions is None:
            granted = ROLE_PERMISSIONS.get(self.role, frozenset())  # type: ignore[call-overload]
            object.__setattr__(self, "permissions", granted)

    @property
    def granted(self) -> frozenset[Permission]:
        return self.permissions or frozenset()

    @property
    def is_owner(self) -> bool:
        return self.role == Role.OWNER

    @property
    def role_label(self) -> str:
        """The role's name to show (a built-in role's term is translatable)."""
        return ROLE_LABELS[self.role] if isinstance(self.role, Role) else str(self.role)

    def may(self, permission: Permission) -> bool:
        return permission in self.granted

    def require(self, permission: Permission) -> None:
        if not self.may(permission):
            raise denied(self, permission)


NOBODY = Actor("", "", frozenset())
"""No one is logged in yet: may only call what anyone may (the login itself, reads)."""


def denied(actor: Actor, permission: Permission) -> PermissionDenied:
    """The refusal: who, with which role, may not do what."""
    return PermissionDenied(
        QT_TRANSLATE_NOOP("errors", "User {user} ({role}) may not {what}."),
        user=actor.username or "?",
        role=actor.role_label,
        what=PERMISSION_LABELS[permission],
        permission=permission.value,
    )
