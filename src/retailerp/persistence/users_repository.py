"""Users and roles, through Core statements (plain rows to domain objects and back)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from retailerp.domain.security import (
    ROLE_PERMISSIONS,
    Role,
    RoleDefinition,
    parse_permissions,
    store_permissions,
)
from retailerp.domain.users import User
from retailerp.persistence import tables as t

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

_USER_FIELDS = (
    "username", "display_name", "role", "password_hash", "created_at", "ended_at",
    "failed_logins", "last_failed_at", "locked_until",
)  # fmt: skip


class UserRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    # --- users ------------------------------------------------------------------------

    def count(self) -> int:
        return int(self.session.scalar(select(func.count()).select_from(t.users)) or 0)

    def get(self, username: str, *, lock: bool = False) -> User | None:
        stmt = select(t.users).where(t.users.c.username == username)
        if lock:
            stmt = stmt.with_for_update()
        row = self.session.execute(stmt).mappings().first()
        return None if row is None else _user(row)

    def all(self) -> list[User]:
        rows = self.session.execute(select(t.users).order_by(t.users.c.username)).mappings()
        return [_user(row) for row in rows]

    def add(self, user: User) -> int:
        values = {name: getattr(user, name) for name in _USER_FIELDS}
        new_id = self.session.execute(t.users.insert().values(**values)).inserted_primary_key
        user.id = int(new_id[0])
        return user.id

    def save(self, user: User) -> None:
        values = {name: getattr(user, name) for name in _USER_FIELDS if name != "username"}
        self.session.execute(
            t.users.update().where(t.users.c.username == user.username).values(**values)
        )

    def holders(self, role: str) -> list[str]:
        stmt = select(t.users.c.username).where(t.users.c.role == role)
        return list(self.session.scalars(stmt.order_by(t.users.c.username)))

    # --- roles ------------------------------------------------------------------------

    def roles(self) -> list[RoleDefinition]:
        rows = self.session.execute(select(t.roles).order_by(t.roles.c.id)).mappings()
        return [_role(row) for row in rows]

    def role(self, name: str) -> RoleDefinition | None:
        row = self.session.execute(
            select(t.roles).where(t.roles.c.name == name)
        ).mappings().first()  # fmt: skip
        return None if row is None else _role(row)

    def save_role(self, role: RoleDefinition) -> None:
        stored = store_permissions(role.permissions)
        found = self.session.scalar(select(t.roles.c.id).where(t.roles.c.name == role.name))
        if found is None:
            self.session.execute(
                t.roles.insert().values(name=role.name, built_in=False, permissions=stored)
            )
        else:
            self.session.execute(
                t.roles.update().where(t.roles.c.id == found).values(permissions=stored)
            )

    def delete_role(self, name: str) -> None:
        self.session.execute(
            t.roles.delete().where(t.roles.c.name == name, t.roles.c.built_in.is_(False))
        )

    # --- PCs that start without a login (settings rows ``login.free.<pc>`` = user) -------

    def login_free(self) -> dict[str, str]:
        """PC name → the user it starts as without a login."""
        rows = self.session.execute(
            select(t.settings.c.key, t.settings.c.value).where(
                t.settings.c.key.startswith(LOGIN_FREE_PREFIX, autoescape=True)
            )
        )
        return {key[len(LOGIN_FREE_PREFIX) :]: value for key, value in rows if value}

    def set_login_free(self, pc: str, username: str) -> None:
        key = LOGIN_FREE_PREFIX + pc
        self.session.execute(t.settings.delete().where(t.settings.c.key == key))
        if username:
            self.session.execute(t.settings.insert().values(key=key, value=username))


LOGIN_FREE_PREFIX = "login.free."
PC_NAME_LENGTH = 60 - len(LOGIN_FREE_PREFIX)


def _user(row: Any) -> User:
    return User(**{name: row[name] for name in _USER_FIELDS}, id=row["id"])


def _role(row: Any) -> RoleDefinition:
    if row["built_in"]:
        role = Role(row["name"])
        return RoleDefinition(role.value, ROLE_PERMISSIONS[role], built_in=True)
    return RoleDefinition(row["name"], parse_permissions(row["permissions"]))
