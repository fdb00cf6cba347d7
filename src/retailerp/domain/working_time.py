"""Working time: the shop's opening hours and clock arithmetic that counts only them.

A deadline "within 2 hours" of a complaint received ten minutes before closing runs on the
next morning, where the shop sets opening hours; with no hours set every minute counts.
Times are aware datetimes; the hours are read in the time zone of the datetime given.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from retailerp.domain.errors import FieldError
from retailerp.domain.text import QT_TRANSLATE_NOOP

DAYS = 7
SEARCH_DAYS = 366
"""How far ahead a deadline may be looked for before the hours count as never open."""


@dataclass(frozen=True)
class OpeningHours:
    """Per weekday (0 = Monday) the opening and closing time; a missing day is closed.

    ``always_open`` (the default, when the shop set no hours) counts every minute."""

    days: Mapping[int, tuple[time, time]] = field(default_factory=dict)

    @property
    def always_open(self) -> bool:
        return not self.days

    def window(self, day: datetime) -> tuple[datetime, datetime] | None:
        """The opening window of ``day``'s date, in ``day``'s time zone, or None if closed."""
        hours = self.days.get(day.weekday())
        if hours is None:
            return None
        start = day.replace(hour=hours[0].hour, minute=hours[0].minute, second=0, microsecond=0)
        end = day.replace(hour=hours[1].hour, minute=hours[1].minute, second=0, microsecond=0)
        return start, end

    def add(self, start: datetime, minutes: int) -> datetime:
        """``start`` plus ``minutes`` of opening time."""
        if self.always_open:
            return start + timedelta(minutes=minutes)
        left = timedelta(minutes=minutes)
        cursor = start
        for _ in range(SEARCH_DAYS):
            window = self.window(cursor)
            if window is not None and cursor < window[1]:
                begin = max(cursor, window[0])
                if begin + left <= window[1]:
                    return begin + left
                left -= window[1] - begin
            cursor = _next_midnight(cursor)
        raise ValueError("opening hours never open")

    def between(self, start: datetime, end: datetime) -> int:
        """Minutes of opening time from ``start`` to ``end`` (negative when end is earlier)."""
        if end < start:
            return -self.between(end, start)
        if self.always_open:
            return int((end - start).total_seconds() // 60)
        total = timedelta()
        cursor = start
        while cursor < end:
            window = self.window(cursor)
            if window is not None:
                begin, finish = max(cursor, window[0]), min(end, window[1])
                if finish > begin:
                    total += finish - begin
            cursor = _next_midnight(cursor)
        return int(total.total_seconds() // 60)

    def to_json(self) -> str:
        return json.dumps(
            {str(d): [a.strftime("%H:%M"), b.strftime("%H:%M")] for d, (a, b) in self.days.items()}
        )

    @classmethod
    def from_json(cls, text: str) -> OpeningHours:
        if not text:
            return cls()
        raw = json.loads(text)
        return opening_hours({int(day): tuple(hours) for day, hours in raw.items()})


def opening_hours(raw: Mapping[int, object]) -> OpeningHours:
    """Hours typed as ``{weekday: ("08:30", "18:00")}``; closing after opening."""
    days: dict[int, tuple[time, time]] = {}
    for day, hours in raw.items():
        if not 0 <= int(day) < DAYS:
            raise FieldError("opening_hours", QT_TRANSLATE_NOOP("errors", "A weekday is 0 to 6."))
        try:
            opens, closes = (time.fromisoformat(str(h)) for h in hours)  # type: ignore[union-attr]
        except (TypeError, ValueError):
            raise FieldError(
                "opening_hours",
                QT_TRANSLATE_NOOP("errors", "Opening hours are two times like 08:30 and 18:00."),
            ) from None
        if closes <= opens:
            raise FieldError(
                "opening_hours",
                QT_TRANSLATE_NOOP("errors", "The shop closes after it opens."),
            )
        days[int(day)] = (opens, closes)
    return OpeningHours(days)


def _next_midnight(moment: datetime) -> datetime:
    day = moment.replace(hour=0, minute=0, second=0, microsecond=0)
    return day + timedelta(days=1)
