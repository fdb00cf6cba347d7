"""Users and roles: the first owner, logging in, and the owner's upkeep of users and roles.

Every login, failed login, new user, password reset and ended user is written to the audit
trail through ``CoreWork.audit`` (actions ``login``, ``login_failed``, ``user_added``,
``password_reset``, ``user_ended``, …).  A failed login is counted and audited in its own
committed transaction before the refusal is raised; the delay before the next attempt is
decided by :mod:`retailerp.domain.users` from ``ServiceContext.clock`` — nothing sleeps.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from retailerp.domain import users as u
from retailerp.domain.errors import FieldError, NotFoundError
from retailerp.domain.security import (
    Actor,
    Role,
    RoleDefinition,
    clean_role,
    is_built_in,
)
from retailerp.domain.text import QT_TRANSLATE_NOOP, Term
from retailerp.persistence.core_work import CoreWork, read, write
from retailerp.persistence.users_repository import PC_NAME_LENGTH
from retailerp.services import passwords
from retailerp.services.context import ServiceContext
from retailerp.services.door import door

USER = Term(QT_TRANSLATE_NOOP("terms", "User"))
ROLE = Term(QT_TRANSLATE_NOOP("terms", "Role"))


@dataclass(frozen=True)
class UserRow:
    """A user as lists show it (never the password hash)."""

    username: str
    display_name: str
    role: str
    role_label: str
    state: u.UserState
    failed_logins: int
    created_at: datetime
    ended_at: datetime | None


class UserService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # --- reading -------------------------------------------------------------------------

    @door
    def has_users(self) -> bool:
        """Whether any user exists (a new database has none: the first start makes the owner)."""
        return read(self.ctx.db, lambda uow: uow.users.count() > 0)

    @door
    def users(self) -> list[UserRow]:
        now = self.ctx.clock()

        def work(uow: CoreWork) -> list[UserRow]:
            labels = {r.name: r.label for r in uow.users.roles()}
            return [_row(user, labels.get(user.role, user.role), now) for user in uow.users.all()]

        return read(self.ctx.db, work)

    @door
    def roles(self) -> list[RoleDefinition]:
        """The built-in roles first, then the shop's own."""
        return read(self.ctx.db, lambda uow: uow.users.roles())

    @door
    def pcs_without_login(self) -> dict[str, str]:
        """PC name → the user it starts as without a login."""
        return read(self.ctx.db, lambda uow: uow.users.login_free())

    # --- the first start and logging in ----------------------------------------------

    @door
    def create_first_owner(
        self, username: str, display_name: str, password: str, pc: str = ""
    ) -> Actor:
        """The owner's account of a new database; refused once any user exists.  With
        ``pc``, that PC starts without a login from now on (the owner can turn it off)."""
        name, shown = u.check_new_user(username, display_name, password)
        pc = _pc_name(pc) if pc else ""
        hashed = passwords.hash_password(password)
        now = self.ctx.clock()

        def work(uow: CoreWork) -> Actor:
            if uow.users.count() > 0:
                raise FieldError(
                    "username",
                    QT_TRANSLATE_NOOP(
                        "errors", "The owner's account exists already; log in with it."
                    ),
                )
            user = u.User(name, shown, Role.OWNER.value, hashed, now)
            uow.users.add(user)
            actor = user.actor(_role_of(uow, user))
            uow.audit(actor, "user_added", "user", name, role=Role.OWNER.value, first=True)
            if pc:
                uow.users.set_login_free(pc, name)
                uow.audit(actor, "login_free", "user", name, pc=pc, on=True)
            return actor

        return write(self.ctx.db, work)

    @door
    def login(self, username: str, password: str) -> Actor:
        """Who logs in, or a :class:`~retailerp.domain.users.LoginRefused` saying why
        (the same words for an unknown name and a wrong password) and how long to wait."""
        name = username.strip().lower()
        shown = name[: u.USERNAME_LENGTH]  # what the audit row names (a longer one is no user)
        now = self.ctx.clock()

        def work(uow: CoreWork) -> Actor | u.LoginRefused:
            user = uow.users.get(name, lock=True)
            try:
                u.may_try(user, now)
            except u.LoginRefused as refusal:
                uow.audit(Actor(shown, ""), "login_failed", "user", shown, why=refusal.template)
                return refusal
            if not passwords.verify(user.password_hash if user else None, password):
                refusal = u.record_failure(user, now) if user else u.wrong_password()
                if user is not None:
                    uow.users.save(user)
                uow.audit(Actor(shown, ""), "login_failed", "user", shown,
                          failures=user.failed_logins if user else 0)  # fmt: skip
                return refusal
            u.record_success(user)
            if passwords.needs_rehash(user.password_hash):
                user.password_hash = passwords.hash_password(password)
            uow.users.save(user)
            actor = user.actor(_role_of(uow, user))
            uow.audit(actor, "login", "user", name)
            return actor

        outcome = write(self.ctx.db, work)
        if isinstance(outcome, u.LoginRefused):
            raise outcome
        return outcome

    @door
    def login_without_password(self, pc: str) -> Actor | None:
        """The user this PC starts as without a login, or ``None`` (log in then)."""
        pc = _pc_name(pc)
        now = self.ctx.clock()

        def work(uow: CoreWork) -> Actor | None:
            name = uow.users.login_free().get(pc)
            user = uow.users.get(name) if name else None
            if user is None or user.state(now) is not u.UserState.ACTIVE:
                return None
            actor = user.actor(_role_of(uow, user))
            uow.audit(actor, "login", "user", user.username, pc=pc, without_password=True)
            return actor

        return write(self.ctx.db, work)

    @door
    def logout(self) -> None:
        """The acting user leaves this program (the window then asks who works next)."""
        actor = self.ctx.actor
        if not actor.username:  # nobody logged in
            return
        write(self.ctx.db, lambda uow: uow.audit(actor, "logout", "user", actor.username))

    @door
    def change_password(self, current: str, new: str) -> None:
        """The acting user changes their own password (the current one proves it is them)."""
        name = self.ctx.actor.username
        u.check_password(new, name, "new")
        hashed = passwords.hash_password(new)

        def work(uow: CoreWork) -> None:
            user = _user(uow, name)
            if not passwords.verify(user.password_hash, current):
                raise FieldError(
                    "current", QT_TRANSLATE_NOOP("errors", "The current password is wrong.")
                )
            user.password_hash = hashed
            uow.users.save(user)
            uow.audit(self.ctx.actor, "password_changed", "user", name)

        write(self.ctx.db, work)

    # --- the owner's upkeep ------------------------------------------------------------

    @door
    def add(self, username: str, display_name: str, role: str, password: str) -> UserRow:
        name, shown = u.check_new_user(username, display_name, password)
        hashed = passwords.hash_password(password)
        now = self.ctx.clock()

        def work(uow: CoreWork) -> UserRow:
            definition = _known_role(uow, role)
            if uow.users.get(name) is not None:
                raise FieldError(
                    "username",
                    QT_TRANSLATE_NOOP("errors", "User name {user} is taken already."),
                    user=name,
                )
            user = u.User(name, shown, definition.name, hashed, now)
            uow.users.add(user)
            uow.audit(self.ctx.actor, "user_added", "user", name, role=definition.name)
            return _row(user, definition.label, now)

        return write(self.ctx.db, work)

    @door
    def reset_password(self, username: str, password: str) -> None:
        """The owner sets a new password (a locked user is unlocked by it too)."""
        name = username.strip().lower()
        u.check_password(password, name)
        hashed = passwords.hash_password(password)

        def work(uow: CoreWork) -> None:
            user = _user(uow, name)
            user.password_hash = hashed
            was_locked = user.failed_logins
            u.unlock(user)
            uow.users.save(user)
            uow.audit(self.ctx.actor, "password_reset", "user", name, failures=was_locked)

        write(self.ctx.db, work)

    @door
    def end(self, username: str) -> None:
        """The user can no longer log in; what they did keeps their name (never deleted)."""
        name = username.strip().lower()
        now = self.ctx.clock()

        def work(uow: CoreWork) -> None:
            user = _user(uow, name)
            if user.role == Role.OWNER:
                _keep_an_owner(uow, name)
            u.end(user, now)
            uow.users.save(user)
            for pc, holder in uow.users.login_free().items():
                if holder == name:
                    uow.users.set_login_free(pc, "")
            uow.audit(self.ctx.actor, "user_ended", "user", name)

        write(self.ctx.db, work)

    @door
    def unlock(self, username: str) -> None:
        name = username.strip().lower()

        def work(uow: CoreWork) -> None:
            user = _user(uow, name)
            failures = user.failed_logins
            u.unlock(user)
            uow.users.save(user)
            uow.audit(self.ctx.actor, "user_unlocked", "user", name, failures=failures)

        write(self.ctx.db, work)

    @door
    def change_role(self, username: str, role: str) -> None:
        name = username.strip().lower()

        def work(uow: CoreWork) -> None:
            user = _user(uow, name)
            definition = _known_role(uow, role)
            if user.role == Role.OWNER and definition.name != Role.OWNER:
                _keep_an_owner(uow, name)
            before = user.role
            user.role = definition.name
            uow.users.save(user)
            uow.audit(self.ctx.actor, "user_role", "user", name, before=before,
                      after=definition.name)  # fmt: skip

        write(self.ctx.db, work)

    @door
    def save_role(self, name: str, permissions: Sequence[str]) -> RoleDefinition:
        """Add a custom role or change what it grants (built-in roles stay as they are)."""
        definition = clean_role(name, permissions)

        def work(uow: CoreWork) -> RoleDefinition:
            before = uow.users.role(definition.name)
            uow.users.save_role(definition)
            uow.audit(
                self.ctx.actor, "role_saved", "role", definition.name,
                before=sorted(before.permissions) if before else None,
                after=sorted(definition.permissions),
            )  # fmt: skip
            return definition

        return write(self.ctx.db, work)

    @door
    def delete_role(self, name: str) -> None:
        """Remove a custom role nobody holds (nor ever held: ended users keep theirs)."""

        def work(uow: CoreWork) -> None:
            definition = _known_role(uow, name, field="name")
            if definition.built_in:
                raise FieldError(
                    "name",
                    QT_TRANSLATE_NOOP("errors", "A built-in role cannot be removed."),
                )
            holders = uow.users.holders(definition.name)
            if holders:
                raise FieldError(
                    "name",
                    QT_TRANSLATE_NOOP(
                        "errors", "Role {role} is held by {users}; give them another role first."
                    ),
                    role=definition.name,
                    users=", ".join(holders),
                )
            uow.users.delete_role(definition.name)
            uow.audit(self.ctx.actor, "role_deleted", "role", definition.name)

        write(self.ctx.db, work)

    @door
    def set_login_free(self, pc: str, on: bool) -> None:
        """This PC starts as the acting owner without a login (``on``), or asks again."""
        pc = _pc_name(pc)

        def work(uow: CoreWork) -> None:
            uow.users.set_login_free(pc, self.ctx.actor.username if on else "")
            uow.audit(self.ctx.actor, "login_free", "user", self.ctx.actor.username,
                      pc=pc, on=on)  # fmt: skip

        write(self.ctx.db, work)


# --- helpers --------------------------------------------------------------------------------


def _row(user: u.User, label: str, now: datetime) -> UserRow:
    return UserRow(
        user.username, user.display_name, user.role, label, user.state(now),
        user.failed_logins, user.created_at, user.ended_at,
    )  # fmt: skip


def _user(uow: CoreWork, name: str) -> u.User:
    user = uow.users.get(name)
    if user is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("errors", "{what} {key} does not exist (any more)."),
            field="username",
            what=USER,
            key=name,
        )
    return user


def _role_of(uow: CoreWork, user: u.User) -> RoleDefinition:
    definition = uow.users.role(user.role)
    if definition is None:  # the foreign key keeps this from happening
        raise FieldError(
            "role",
            QT_TRANSLATE_NOOP("errors", "User {user} has no role; the owner gives them one."),
            user=user.username,
        )
    return definition


def _known_role(uow: CoreWork, role: str, field: str = "role") -> RoleDefinition:
    name = role.strip()
    if not name:
        raise FieldError(field, QT_TRANSLATE_NOOP("errors", "Choose the user's role."))
    definition = uow.users.role(name.lower() if is_built_in(name.lower()) else name)
    if definition is None:
        raise FieldError(field, QT_TRANSLATE_NOOP("errors", "There is no role {role}."), role=name)
    return definition


def _keep_an_owner(uow: CoreWork, leaving: str) -> None:
    others = [
        user for user in uow.users.all()
        if user.role == Role.OWNER and user.username != leaving and user.ended_at is None
    ]  # fmt: skip
    if not others:
        raise FieldError(
            "username",
            QT_TRANSLATE_NOOP(
                "errors", "{user} is the shop's only owner; make another user owner first."
            ),
            user=leaving,
        )


def _pc_name(pc: str) -> str:
    name = pc.strip()
    if not name or len(name) > PC_NAME_LENGTH:
        raise FieldError(
            "pc",
            QT_TRANSLATE_NOOP("errors", "A PC name has 1 to {most} characters."),
            most=PC_NAME_LENGTH,
        )
    return name
