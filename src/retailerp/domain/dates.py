"""Dates as a shop clerk types them.

* ``2026-12-05`` (also ``2026/12/5``, ``2026.12.05``, ``20261205``): that day;
* ``1205`` or ``12-05`` / ``12/5``: the 5th of December this year;
* ``5``: the 5th of this month;
* ``+3`` / ``-2``: three days from today, two days ago; ``+0``, ``today``, ``今天``: today;
* nothing: no date.

A text that is none of these, or a day that does not exist (``0230``), is refused with a
:class:`~retailerp.domain.errors.FieldError` naming the field.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from retailerp.domain.errors import FieldError
from retailerp.domain.text import QT_TRANSLATE_NOOP

TODAY_WORDS = frozenset({"t", "today", "今天", "今日"})

_FULL = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_MONTH_DAY = re.compile(r"^(\d{1,2})[-/.月](\d{1,2})日?$")
_MMDD = re.compile(r"^(\d{2})(\d{2})$")
_DAY = re.compile(r"^(\d{1,2})日?$")
_OFFSET = re.compile(r"^([+-])\s*(\d{1,4})$")

NOT_A_DATE = QT_TRANSLATE_NOOP(
    "errors", "Type a date as 2026-12-05, as 1205 (this year) or as +3 (three days from today)."
)
NO_SUCH_DAY = QT_TRANSLATE_NOOP("errors", "There is no such day: {text}.")


def parse_date(text: str, today: date, field: str = "date") -> date | None:
    """The date ``text`` means on ``today`` (see the module); ``None`` when it is empty."""
    typed = text.strip().lower()
    if not typed:
        return None
    if typed in TODAY_WORDS:
        return today
    offset = _OFFSET.match(typed)
    if offset is not None:
        days = int(offset.group(2))
        return today + timedelta(days=days if offset.group(1) == "+" else -days)
    parts = _parts(typed, today)
    if parts is None:
        raise FieldError(field, NOT_A_DATE)
    try:
        return date(*parts)
    except ValueError:
        raise FieldError(field, NO_SUCH_DAY, text=text.strip()) from None


def _parts(typed: str, today: date) -> tuple[int, int, int] | None:
    """(year, month, day) as typed, not yet checked to exist; ``None`` for no date form."""
    for pattern in (_FULL, _COMPACT):
        match = pattern.match(typed)
        if match is not None:
            year, month, day = (int(g) for g in match.groups())
            return year, month, day
    for pattern in (_MONTH_DAY, _MMDD):
        match = pattern.match(typed)
        if match is not None:
            return today.year, int(match.group(1)), int(match.group(2))
    match = _DAY.match(typed)
    if match is not None:
        return today.year, today.month, int(match.group(1))
    return None


def date_text(value: date | None) -> str:
    """``2026-12-05`` (ISO, how every date is shown); ``""`` for no date."""
    return "" if value is None else value.isoformat()
