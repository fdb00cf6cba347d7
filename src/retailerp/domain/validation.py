"""Field rules shared by every record and document: text, dates, codes, phones, tax ids,
barcodes.

**Text** (one rule for every text field, :func:`clean_text`; :func:`required_text` and
:func:`optional_text` apply it, and the service door applies it to every text argument):

- *stripped*: white space around the text; a byte-order mark (U+FEFF) and zero-width
  spaces (U+200B) anywhere — invisible, meaningless, and common in pasted text.  Line breaks
  ``\r\n`` / ``\r`` / U+2028 / U+2029 become ``\n`` in multi-line fields.
- *refused*, naming the field and the character: control characters (NUL, ESC of ANSI
  escape sequences, DEL, C1 controls …; a tab or a line break only where multi-line), the
  bidirectional controls (U+202A–U+202E such as the right-to-left override U+202E,
  U+2066–U+2069, U+200E, U+200F, U+061C) that make a name read differently from what it
  holds, other invisible format characters (except the zero-width joiners U+200C/U+200D
  that some scripts and emoji need), lone surrogates (no database can store them), and a
  line break in a one-line field.
- *multi-line fields*: :data:`MULTILINE_FIELDS` (notes, the credit note, the address); every
  other text is one line.

**Dates** of documents and events (:func:`document_date`): from :data:`EARLIEST_DATE`
(1 January 2000) to :data:`LATEST_DAYS_AHEAD` (366) days after today; anything outside is a
typing slip (1900, 2099).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import Any, TypeVar

from retailerp.domain.errors import FieldError, ValidationError
from retailerp.domain.text import QT_TRANSLATE_NOOP

L = TypeVar("L")

CODE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]*$")
PHONE_PATTERN = re.compile(r"^\+?[0-9(][0-9 ()-]*[0-9]$")
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


MULTILINE_FIELDS = frozenset(
    {"note", "credit_note", "address", "description", "solution", "root_cause",
     "corrective_action", "preventive_action", "outcome", "follow_up_comment"}
)  # fmt: skip
"""Fields (the last part of a field name such as ``rows.3.note``) that may hold line breaks."""
STRIPPED_CHARACTERS = dict.fromkeys(map(ord, "\ufeff\u200b"))
BIDI_CONTROLS = frozenset(
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
)
ALLOWED_FORMAT = frozenset("\u200c\u200d")
LINE_BREAKS = re.compile("\r\n|[\r\u2028\u2029]")
EARLIEST_DATE = date(2000, 1, 1)
LATEST_DAYS_AHEAD = 366


def is_multiline(field: str) -> bool:
    return field.rsplit(".", 1)[-1] in MULTILINE_FIELDS


def clean_text(value: object, field: str, multiline: bool | None = None) -> str:
    """The text rule of the module docstring: ``None`` is empty, anything but text is
    refused, invisible characters are stripped or refused, surrounding space is removed."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise FieldError(field, QT_TRANSLATE_NOOP("errors", "Enter text here."))
    several_lines = is_multiline(field) if multiline is None else multiline
    text = unicodedata.normalize("NFC", value.translate(STRIPPED_CHARACTERS))
    if several_lines:
        text = LINE_BREAKS.sub("\n", text)
    text = text.strip()
    for ch in text:
        _check_character(ch, field, several_lines)
    return text


def _check_character(ch: str, field: str, several_lines: bool) -> None:
    if ch in "\n\t" and several_lines:
        return
    if ch in "\n\r\u2028\u2029":
        raise FieldError(
            field, QT_TRANSLATE_NOOP("errors", "This field takes one line: remove the line break.")
        )
    if ch in BIDI_CONTROLS:
        raise FieldError(
            field,
            QT_TRANSLATE_NOOP(
                "errors",
                "The text holds an invisible character ({code}) that changes the writing "
                "direction; remove it.",
            ),
            code=f"U+{ord(ch):04X}",
        )
    category = unicodedata.category(ch)
    if category in ("Cc", "Cs") or (category == "Cf" and ch not in ALLOWED_FORMAT):
        raise FieldError(
            field,
            QT_TRANSLATE_NOOP(
                "errors", "The text holds an invisible control character ({code}); remove it."
            ),
            code=f"U+{ord(ch):04X}",
        )


def to_date(value: object, field: str) -> date:
    """A date, or ISO text (``2026-12-05``) of one; anything else is refused."""
    if isinstance(value, datetime):
        raise FieldError(field, QT_TRANSLATE_NOOP("errors", "Enter a date such as 2026-12-05."))
    if isinstance(value, date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise FieldError(field, QT_TRANSLATE_NOOP("errors", "Enter a date such as 2026-12-05."))


def document_date(value: object, field: str, today: date) -> date:
    """The date of a document or event: from 2000 to a year after ``today``."""
    day = to_date(value, field)
    latest = today + timedelta(days=LATEST_DAYS_AHEAD)
    if not EARLIEST_DATE <= day <= latest:
        raise FieldError(
            field,
            QT_TRANSLATE_NOOP(
                "errors", "{day} is not a plausible date: give one from {earliest} to {latest}."
            ),
            day=day.isoformat(),
            earliest=EARLIEST_DATE.isoformat(),
            latest=latest.isoformat(),
        )
    return day


def required_text(value: object, field: str, max_length: int) -> str:
    """A text that must be given and fit its column (the text rule applies)."""
    text = clean_text(value, field)
    if not text:
        raise FieldError(field, QT_TRANSLATE_NOOP("errors", "This field is required."))
    return optional_text(text, field, max_length)


def optional_text(value: object, field: str, max_length: int) -> str:
    """A text that may be empty but must fit its column (the text rule applies)."""
    text = clean_text(value, field)
    if len(text) > max_length:
        raise FieldError(
            field,
            QT_TRANSLATE_NOOP("errors", "At most {max} characters are allowed (you typed {n})."),
            max=max_length,
            n=len(text),
        )
    return text


def code(value: str | None, field: str = "code", max_length: int = 20) -> str:
    """A record code: letters, digits and . _ / - , starting with a letter or digit."""
    text = required_text(value, field, max_length).upper()
    if not CODE_PATTERN.match(text):
        raise FieldError(
            field,
            QT_TRANSLATE_NOOP(
                "errors",
                "A code may hold only letters, digits and . _ / - and must start with a "
                "letter or digit.",
            ),
        )
    return text


def phone(value: str | None, field: str = "phone") -> str:
    """A phone number: digits with optional +, spaces, dashes and brackets; 5 to 20 digits."""
    text = optional_text(value, field, 30)
    if not text:
        return text
    digits = sum(ch.isdigit() for ch in text)
    if not PHONE_PATTERN.match(text) or not 5 <= digits <= 20:
        raise FieldError(
            field,
            QT_TRANSLATE_NOOP(
                "errors", "'{value}' is not a phone number (digits, spaces, + - and brackets)."
            ),
            value=text,
        )
    return text


def uscc_check_char(first17: str) -> str:
    """The check character of a unified social credit code (统一社会信用代码, GB 32100-2015)."""
    total = sum(USCC_ALPHABET.index(ch) * w for ch, w in zip(first17, USCC_WEIGHTS, strict=True))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def tax_id(value: str | None, field: str = "tax_id") -> str:
    """A taxpayer id: an 18-character unified social credit code with a valid check character,
    or an older 15- or 20-character registration number; may be empty."""
    text = optional_text(value, field, 20).upper().replace(" ", "")
    if not text:
        return text
    if len(text) == 18:
        if all(ch in USCC_ALPHABET for ch in text) and uscc_check_char(text[:17]) == text[17]:
            return text
        raise FieldError(
            field,
            QT_TRANSLATE_NOOP(
                "errors",
                "'{value}' is not a valid unified social credit code: the check character "
                "does not match.",
            ),
            value=text,
        )
    if len(text) in (15, 20) and text.isalnum() and text.isascii():
        return text
    raise FieldError(
        field,
        QT_TRANSLATE_NOOP(
            "errors",
            "A tax id has 18 characters (unified social credit code), or 15 or 20 for older "
            "registrations; '{value}' has {n}.",
        ),
        value=text,
        n=len(text),
    )


def gtin_check_digit(body: str) -> str:
    """The check digit of a GTIN (EAN-8, UPC-A, EAN-13, GTIN-14) body."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return str((10 - total % 10) % 10)


def barcode(value: str | None, field: str = "barcode") -> str:
    """A barcode: a GTIN with a valid check digit when it is 8, 12, 13 or 14 digits,
    otherwise a printable ASCII code of up to 32 characters; may be empty."""
    text = optional_text(value, field, 32)
    if not text:
        return text
    if text.isdigit() and len(text) in (8, 12, 13, 14):
        if gtin_check_digit(text[:-1]) != text[-1]:
            raise FieldError(
                field,
                QT_TRANSLATE_NOOP("errors", "Barcode {value}: the check digit should be {digit}."),
                value=text,
                digit=gtin_check_digit(text[:-1]),
            )
        return text
    if not (text.isascii() and text.isprintable()) or " " in text:
        raise FieldError(
            field,
            QT_TRANSLATE_NOOP(
                "errors", "A barcode may hold only letters, digits and symbols, no spaces."
            ),
        )
    return text


Rule = Callable[[Any], Any]


def apply_rules(values: Mapping[str, Any], rules: Mapping[str, Rule]) -> dict[str, Any]:
    """Run every field's rule; return the cleaned values or raise one
    :class:`ValidationError` naming every field that broke its rule."""
    clean: dict[str, Any] = {}
    errors: list[FieldError] = []
    for name, rule in rules.items():
        try:
            clean[name] = rule(values.get(name))
        except FieldError as error:
            errors.append(error)
    if errors:
        raise ValidationError(errors)
    return clean


MAX_LINES = 500
"""The most lines one document may have."""


def document_lines(
    raw_lines: Sequence[Mapping[str, Any]], clean_one: Callable[[int, Mapping[str, Any]], L]
) -> tuple[list[L], list[FieldError]]:
    """Check every line of a document (``clean_one(index, raw)``): at least one line, at
    most :data:`MAX_LINES`; returns the clean lines and the errors of all the others."""
    if not raw_lines:
        raise FieldError("lines", QT_TRANSLATE_NOOP("errors", "Add at least one line."))
    if len(raw_lines) > MAX_LINES:
        raise FieldError(
            "lines",
            QT_TRANSLATE_NOOP("errors", "A document may have at most {max} lines."),
            max=MAX_LINES,
        )
    lines: list[L] = []
    errors: list[FieldError] = []
    for index, raw in enumerate(raw_lines):
        try:
            lines.append(clean_one(index, raw))
        except FieldError as error:
            errors.append(error)
    return lines, errors
