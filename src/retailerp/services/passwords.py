"""Password hashes: argon2id through argon2-cffi (see docs/ARCHITECTURE.md, *Users*)."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argon2 import PasswordHasher


@cache
def _hasher() -> PasswordHasher:
    """argon2id with the library's current recommended cost; imported on the first use (a
    sign-in), not at start-up."""
    from argon2 import PasswordHasher

    return PasswordHasher()


@cache
def _dummy() -> str:
    return _hasher().hash("not a password of anyone")


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify(stored: str | None, password: str) -> bool:
    """Whether ``password`` matches ``stored``; an unknown user (``None``) is verified
    against a dummy hash so that the answer takes as long as for a real one."""
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return _hasher().verify(stored or _dummy(), password) and stored is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    """A hash made with a lower cost than the library now recommends."""
    from argon2.exceptions import InvalidHashError

    try:
        return _hasher().check_needs_rehash(stored)
    except InvalidHashError:
        return False
