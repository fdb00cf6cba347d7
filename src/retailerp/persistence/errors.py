"""Problems with the database itself, told in words a shop owner understands."""

from __future__ import annotations

from retailerp.domain.errors import DomainError


class DatabaseProblem(DomainError):
    """The database cannot be opened or used; the message says why and what to do."""


class DatabaseBusy(DatabaseProblem):
    """Another PC held the database for longer than we wait; nothing was saved."""
