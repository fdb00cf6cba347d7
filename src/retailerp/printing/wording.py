"""Printed words and numbers in the document's own language.

A document is printed in the language asked for, whatever language the program runs in, so
labels are not translated through the program-wide :func:`retailerp.i18n.translate`: a
:class:`Wording` reads the same Linguist catalogue for one language, without touching the
program's current language (safe in a background printing thread).
"""

from __future__ import annotations

import threading
from datetime import date
from decimal import Decimal
from pathlib import Path

from retailerp import i18n
from retailerp.domain.money import Money

PRINT_CONTEXT = "print"
"""Translation context of every printed label."""

TERMS_CONTEXT = "terms"

_lock = threading.Lock()
_tables: dict[tuple[Path, float], dict[tuple[str, str], str]] = {}


def _catalogue(language: str) -> dict[tuple[str, str], str]:
    """Finished translations of ``language`` keyed by (context, source); cached per file."""
    path = i18n.ts_path(language)
    if path is None:
        return {}
    key = (path, path.stat().st_mtime)
    with _lock:
        table = _tables.get(key)
    if table is None:
        table = {
            (m.context, m.source): m.translation
            for m in i18n.read_ts(path)
            if m.translation is not None
        }
        with _lock:
            _tables[key] = table
    return table


class Wording:
    """Looks printed labels up in one language (``"en"`` or ``"zh_CN"``)."""

    def __init__(self, language: str) -> None:
        known = {code for code, _ in i18n.available_languages()}
        if language not in known:
            raise ValueError(f"unknown language {language!r}; known: {', '.join(sorted(known))}")
        self.language = language
        self._table = _catalogue(language)

    @property
    def chinese(self) -> bool:
        return self.language.startswith("zh")

    def __call__(self, text: str, **values: object) -> str:
        """``text`` (marked in the ``print`` context) translated, then formatted with values."""
        translated = self._table.get((PRINT_CONTEXT, text), text)
        return translated.format(**values) if values else translated

    def term(self, text: str) -> str:
        """A business term (``terms`` context), e.g. a payment mode."""
        return self._table.get((TERMS_CONTEXT, text), text)


def money_text(value: Money | None) -> str:
    """``1,234.50``; empty for no amount."""
    return "" if value is None else str(value)


def currency_text(value: Money) -> str:
    """A total with the currency sign: ``¥1,234.50``, ``-¥481.38``."""
    return f"-¥{-value}" if value.is_negative() else f"¥{value}"


def quantity_text(value: Decimal) -> str:
    """A quantity without trailing zeros: ``12``, ``2.5``, ``0.125``."""
    if value == value.to_integral_value():
        return f"{value.to_integral_value():f}"
    return f"{value.normalize():f}"


def percent_text(share: Decimal | None) -> str:
    """A share as a percentage without trailing zeros: ``13%``, ``12.5%``; empty for none."""
    if share is None:
        return ""
    return f"{quantity_text(share * 100)}%"


def date_text(value: date | None) -> str:
    """ISO date (``2026-03-05``), read the same way in Chinese and English; empty for none."""
    return "" if value is None else value.isoformat()
