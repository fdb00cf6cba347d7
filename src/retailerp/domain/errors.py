"""Errors raised by the business rules.

Every error carries an English message template (marked for translation in the
``errors`` context), the parameters to fill it with, and, where one input is at fault,
the name of that field.  The UI translates the template and shows it next to the field;
the command line prints it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from retailerp.domain.text import ERRORS, QT_TRANSLATE_NOOP, TERMS, Term


class DomainError(Exception):
    """A business rule refused an action; nothing was changed."""

    def __init__(self, message: str, *, field: str | None = None, **params: Any) -> None:
        self.template = message
        self.field = field
        self.params: dict[str, Any] = params
        super().__init__(self.render())

    def render(self, translate: Any = None) -> str:
        """The message with its parameters filled in, translated when ``translate`` is given.

        ``translate(context, text)`` returns the translation of ``text``.
        """
        template = translate(ERRORS, self.template) if translate else self.template
        params = {
            key: translate(TERMS, value) if translate and isinstance(value, Term) else value
            for key, value in self.params.items()
        }
        try:
            return template.format(**params)
        except (KeyError, IndexError, ValueError):
            return template


class FieldError(DomainError):
    """One input is wrong: the field is named and the rule it broke is said."""

    def __init__(self, field: str, message: str, **params: Any) -> None:
        super().__init__(message, field=field, **params)


class ValidationError(DomainError):
    """Several inputs are wrong at once (a form validated on save)."""

    def __init__(self, errors: Iterable[FieldError]) -> None:
        self.errors: list[FieldError] = list(errors)
        first = self.errors[0] if self.errors else None
        super().__init__(
            first.template if first else QT_TRANSLATE_NOOP("errors", "The input is not valid."),
            field=first.field if first else None,
            **(first.params if first else {}),
        )

    def by_field(self) -> Mapping[str, FieldError]:
        """The first error of each field."""
        result: dict[str, FieldError] = {}
        for error in self.errors:
            result.setdefault(error.field or "", error)
        return result


class NotFoundError(DomainError):
    """A record that the action needs does not exist (any more)."""


class StateError(DomainError):
    """The action is not allowed in the record's current state."""


class OverridableRefusal(StateError):
    """A business check refused the action, but an authorised user (the owner) may go ahead
    anyway by giving a reason, which is recorded with the document and in the audit trail.

    The domain decides which refusals are of this kind; the UI offers "Override…" only for
    them, and the service checks the permission again."""


class StaleRecordError(DomainError):
    """Someone else saved the record after it was loaded; the save was refused."""

    def __init__(self, what: str, key: str, changed_by: str, changed_at: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "{what} {key} was changed by {changed_by} at {changed_at} after you opened it. "
                "Reload it and make your change again.",
            ),
            what=what,
            key=key,
            changed_by=changed_by,
            changed_at=changed_at,
        )


class PermissionDenied(DomainError):
    """The user's role may not do this."""


class InsufficientStockError(DomainError):
    """A move would take more from a location than it holds."""


def collect(*checks: FieldError | None) -> None:
    """Raise one :class:`ValidationError` for all the failed checks, if any failed."""
    errors = [c for c in checks if c is not None]
    if errors:
        raise ValidationError(errors)
