"""Password hashes: argon2id through argon2-cffi (see docs/ARCHITECTURE.md, *Users*)."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()  # argon2id with the library's current recommended cost
_DUMMY = _hasher.hash("not a password of anyone")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify(stored: str | None, password: str) -> bool:
    """Whether ``password`` matches ``stored``; an unknown user (``None``) is verified
    against a dummy hash so that the answer takes as long as for a real one."""
    try:
        return _hasher.verify(stored or _DUMMY, password) and stored is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    """A hash made with a lower cost than the library now recommends."""
    try:
        return _hasher.check_needs_rehash(stored)
    except InvalidHashError:
        return False
