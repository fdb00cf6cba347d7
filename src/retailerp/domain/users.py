"""The people who log in: their card, the password rules, and the failed-login brake.

A user is never deleted: one who leaves is *ended* (``ended_at``) and can no longer log in,
while everything they did keeps their name.  After a failed login the next attempt must wait
a growing delay (:func:`login_delay`: 0, 1, 2, 4, 8 … seconds, at most
:data:`MAX_DELAY_SECONDS`); after :data:`LOCK_AFTER` failures in a row the account is locked
until the owner unlocks it.  All of it is decided here from the clock a caller passes in, so
nothing sleeps: the service refuses an early attempt and says how long to wait.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from retailerp.domain.errors import DomainError, FieldError, ValidationError
from retailerp.domain.security import Actor, RoleDefinition
from retailerp.domain.text import QT_TRANSLATE_NOOP, Term

USERNAME_LENGTH = 40
DISPLAY_NAME_LENGTH = 80
PASSWORD_MIN = 8
PASSWORD_MAX = 200
LOCK_AFTER = 10
"""Failed logins in a row after which the account is locked until the owner unlocks it."""
MAX_DELAY_SECONDS = 60
LOCKED_FOREVER = datetime(9000, 1, 1)
"""``locked_until`` of a lock only the owner lifts (naive; compared after making it aware)."""

_USERNAME = re.compile(r"^[\w.\-@]+$")


class UserState(StrEnum):
    ACTIVE = "active"
    LOCKED = "locked"
    ENDED = "ended"


USER_STATE_LABELS: dict[UserState, Term] = {
    UserState.ACTIVE: Term(QT_TRANSLATE_NOOP("terms", "active")),
    UserState.LOCKED: Term(QT_TRANSLATE_NOOP("terms", "locked")),
    UserState.ENDED: Term(QT_TRANSLATE_NOOP("terms", "account ended")),
}


@dataclass
class User:
    username: str
    display_name: str
    role: str
    password_hash: str
    created_at: datetime
    ended_at: datetime | None = None
    failed_logins: int = 0
    last_failed_at: datetime | None = None
    locked_until: datetime | None = None
    id: int | None = None

    def state(self, now: datetime) -> UserState:
        if self.ended_at is not None:
            return UserState.ENDED
        if self.locked_until is not None and _aware(self.locked_until, now) > now:
            return UserState.LOCKED
        return UserState.ACTIVE

    def actor(self, role: RoleDefinition) -> Actor:
        """Who this user acts as, with the permissions of ``role`` (the user's)."""
        return Actor(self.username, role.name, role.permissions, self.display_name)


def _aware(moment: datetime, like: datetime) -> datetime:
    """A stored time compared with ``like``: naive times are read in ``like``'s zone."""
    if moment.tzinfo is None and like.tzinfo is not None:
        return moment.replace(tzinfo=like.tzinfo)
    return moment


# --- the card ------------------------------------------------------------------------------


def clean_username(value: object, field: str = "username") -> str:
    text = value.strip() if isinstance(value, str) else ""
    if not text:
        raise FieldError(field, QT_TRANSLATE_NOOP("errors", "Give the user name."))
    if len(text) > USERNAME_LENGTH:
        raise FieldError(
            field,
            QT_TRANSLATE_NOOP("errors", "A user name is at most {most} characters."),
            most=USERNAME_LENGTH,
        )
    if not _USERNAME.match(text):
        raise FieldError(
            field,
            QT_TRANSLATE_NOOP(
                "errors",
                "A user name is one word of letters, digits and . - _ @ (no spaces).",
            ),
        )
    return text.lower()


def clean_display_name(value: object, username: str) -> str:
    text = value.strip() if isinstance(value, str) else ""
    if len(text) > DISPLAY_NAME_LENGTH:
        raise FieldError(
            "display_name",
            QT_TRANSLATE_NOOP("errors", "A display name is at most {most} characters."),
            most=DISPLAY_NAME_LENGTH,
        )
    return text or username


def check_password(password: object, username: str = "", field: str = "password") -> str:
    """A new password: at least :data:`PASSWORD_MIN` characters, not the user name."""
    if not isinstance(password, str) or len(password) < PASSWORD_MIN:
        raise FieldError(
            field,
            QT_TRANSLATE_NOOP("errors", "A password has at least {least} characters."),
            least=PASSWORD_MIN,
        )
    if len(password) > PASSWORD_MAX:
        raise FieldError(
            field,
            QT_TRANSLATE_NOOP("errors", "A password has at most {most} characters."),
            most=PASSWORD_MAX,
        )
    if username and password.strip().lower() == username.lower():
        raise FieldError(
            field, QT_TRANSLATE_NOOP("errors", "The password may not be the user name.")
        )
    return password


def check_new_user(username: object, display_name: object, password: object) -> tuple[str, str]:
    """The cleaned user name and display name of a new user (every fault at once)."""
    errors: list[FieldError] = []
    name = ""
    try:
        name = clean_username(username)
    except FieldError as error:
        errors.append(error)
    shown = name
    try:
        shown = clean_display_name(display_name, name)
    except FieldError as error:
        errors.append(error)
    try:
        check_password(password, name)
    except FieldError as error:
        errors.append(error)
    if errors:
        raise ValidationError(errors)
    return name, shown


# --- logging in ------------------------------------------------------------------------------


class LoginRefused(DomainError):
    """A login that did not succeed: wrong name or password, wait, locked or ended."""

    def __init__(self, message: str, *, wait_seconds: int = 0, **params: object) -> None:
        self.wait_seconds = wait_seconds
        super().__init__(message, field="password", **params)


def login_delay(failures: int) -> int:
    """Seconds the next attempt must wait after ``failures`` failed logins in a row."""
    if failures <= 0:
        return 0
    return min(2 ** (failures - 1), MAX_DELAY_SECONDS)


def wait_left(user: User, now: datetime) -> int:
    """Whole seconds before ``user`` may try again (0: now)."""
    if user.last_failed_at is None or user.failed_logins <= 0:
        return 0
    ready = _aware(user.last_failed_at, now) + timedelta(seconds=login_delay(user.failed_logins))
    left = (ready - now).total_seconds()
    return max(0, int(left + 0.999))


def may_try(user: User | None, now: datetime) -> None:
    """Refuse an attempt before the password is even looked at: ended, locked or too soon."""
    if user is None:
        return
    state = user.state(now)
    if state is UserState.ENDED:
        raise LoginRefused(
            QT_TRANSLATE_NOOP("errors", "User {user} was ended and can no longer log in."),
            user=user.username,
        )
    if state is UserState.LOCKED:
        raise LoginRefused(
            QT_TRANSLATE_NOOP(
                "errors",
                "User {user} is locked after {count} failed logins; the owner can unlock it.",
            ),
            user=user.username,
            count=user.failed_logins,
        )
    seconds = wait_left(user, now)
    if seconds:
        raise LoginRefused(
            QT_TRANSLATE_NOOP("errors", "Too many failed logins: wait {seconds} s and try again."),
            wait_seconds=seconds,
            seconds=seconds,
        )


def record_failure(user: User, now: datetime) -> LoginRefused:
    """Count a failed login (locking at :data:`LOCK_AFTER`); the refusal to raise."""
    user.failed_logins += 1
    user.last_failed_at = now
    if user.failed_logins >= LOCK_AFTER:
        user.locked_until = LOCKED_FOREVER.replace(tzinfo=now.tzinfo)
        return LoginRefused(
            QT_TRANSLATE_NOOP(
                "errors",
                "Wrong password; user {user} is now locked after {count} failed logins. The "
                "owner can unlock it.",
            ),
            user=user.username,
            count=user.failed_logins,
        )
    return wrong_password(login_delay(user.failed_logins))


def wrong_password(wait: int = 0) -> LoginRefused:
    """The same words for an unknown user and a wrong password (no hint which)."""
    if wait:
        return LoginRefused(
            QT_TRANSLATE_NOOP(
                "errors", "Wrong user name or password. Wait {seconds} s before the next try."
            ),
            wait_seconds=wait,
            seconds=wait,
        )
    return LoginRefused(QT_TRANSLATE_NOOP("errors", "Wrong user name or password."))


def record_success(user: User) -> None:
    user.failed_logins = 0
    user.last_failed_at = None
    user.locked_until = None


def unlock(user: User) -> None:
    record_success(user)


def end(user: User, now: datetime) -> None:
    if user.ended_at is not None:
        raise FieldError(
            "username",
            QT_TRANSLATE_NOOP("errors", "User {user} was ended already."),
            user=user.username,
        )
    user.ended_at = now
