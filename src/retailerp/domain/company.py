"""The shop's own company details, printed at the head of every document.

Name, address, phone, tax id (a unified social credit code with a valid check character),
bank and account, and a logo: a small PNG or JPEG image chosen by the user, kept in the
database (so a backup carries it) and refused when it is not an image or too large.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from retailerp.domain import validation as v
from retailerp.domain.errors import FieldError, ValidationError
from retailerp.domain.text import QT_TRANSLATE_NOOP

LOGO_MAX_BYTES = 256 * 1024
"""The largest logo accepted (a header logo is printed about 20 mm tall)."""

_SIGNATURES = {
    b"\x89PNG\r\n\x1a\n": "png",
    b"\xff\xd8\xff": "jpeg",
}


@dataclass(frozen=True)
class CompanyDetails:
    """What the documents print about the shop; every field optional."""

    name: str = ""
    address: str = ""
    phone: str = ""
    tax_id: str = ""
    bank_name: str = ""
    bank_account: str = ""
    logo: bytes = b""

    @property
    def is_empty(self) -> bool:
        return not any((self.name, self.address, self.phone, self.tax_id, self.bank_account))


def image_kind(data: bytes) -> str | None:
    """``"png"`` or ``"jpeg"`` from the file's first bytes; ``None`` for anything else."""
    for signature, kind in _SIGNATURES.items():
        if data.startswith(signature):
            return kind
    return None


def check_logo(data: bytes | None) -> bytes:
    """The logo bytes, or a FieldError naming ``logo`` (not PNG/JPEG, or too large)."""
    if not data:
        return b""
    if image_kind(data) is None:
        raise FieldError(
            "logo", QT_TRANSLATE_NOOP("errors", "The logo must be a PNG or JPEG image.")
        )
    if len(data) > LOGO_MAX_BYTES:
        raise FieldError(
            "logo",
            QT_TRANSLATE_NOOP("errors", "The logo is {size} KB; at most {limit} KB can be stored."),
            size=(len(data) + 1023) // 1024,
            limit=LOGO_MAX_BYTES // 1024,
        )
    return bytes(data)


T = TypeVar("T")

_RULES: dict[str, Callable[[Any], Any]] = {
    "name": lambda value: v.optional_text(value, "name", 100),
    "address": lambda value: v.optional_text(value, "address", 200),
    "phone": lambda value: v.phone(value, "phone"),
    "tax_id": lambda value: v.tax_id(value, "tax_id"),
    "bank_name": lambda value: v.optional_text(value, "bank_name", 100),
    "bank_account": lambda value: v.optional_text(value, "bank_account", 40),
    "logo": check_logo,
}


def company_from(values: Mapping[str, Any], current: CompanyDetails) -> CompanyDetails:
    """Company details from a form; keys not given keep their current value.

    Raises one ValidationError naming every field at fault; nothing is half-applied.
    """
    errors: list[FieldError] = []
    changes: dict[str, Any] = {}
    for key, rule in _RULES.items():
        if key not in values:
            changes[key] = getattr(current, key)
            continue
        try:
            changes[key] = rule(values[key])
        except FieldError as error:
            errors.append(error)
    if errors:
        raise ValidationError(errors)
    return CompanyDetails(**changes)
