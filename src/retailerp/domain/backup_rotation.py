"""Which automatic backups to keep: 7 daily, 4 weekly, 12 monthly (grandfather-father-son).

A backup is known by the moment it was made.  The rule, applied to the backups that exist:

- every backup of the newest day is kept (a backup on closing does not push out the one made
  at the first start of that day);
- of the newest ``daily`` calendar days that have a backup, the last backup of each day;
- of the newest ``weekly`` ISO weeks that have a backup, the last backup of each week;
- of the newest ``monthly`` months that have a backup, the last backup of each month.

A backup kept by any rule stays.  Only days, weeks and months that *have* a backup count, so a
shop closed for a fortnight still keeps 7 daily backups, not fewer.  The rule never removes the
newest backup, and it is applied only after a new backup has been verified, so a failed
backup can never cost a good one.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Retention:
    """How many periods of each length keep their last backup."""

    daily: int = 7
    weekly: int = 4
    monthly: int = 12


DEFAULT_RETENTION = Retention()


def _day(moment: datetime) -> Hashable:
    return moment.date()


def _week(moment: datetime) -> Hashable:
    year, week, _weekday = moment.isocalendar()
    return (year, week)


def _month(moment: datetime) -> Hashable:
    return (moment.year, moment.month)


def _last_of_periods(
    moments: list[datetime], period: Callable[[datetime], Hashable], count: int
) -> set[datetime]:
    """The last moment of each of the newest ``count`` periods that hold one."""
    kept: set[datetime] = set()
    seen: set[Hashable] = set()
    for moment in sorted(moments, reverse=True):
        key = period(moment)
        if key in seen:
            continue
        if len(seen) == count:
            break
        seen.add(key)
        kept.add(moment)
    return kept


def to_keep(moments: Iterable[datetime], retention: Retention = DEFAULT_RETENTION) -> set[datetime]:
    """The backups (by moment) the rotation keeps."""
    every = sorted(set(moments))
    if not every:
        return set()
    newest_day = every[-1].date()
    kept = {moment for moment in every if moment.date() == newest_day}
    kept |= _last_of_periods(every, _day, retention.daily)
    kept |= _last_of_periods(every, _week, retention.weekly)
    kept |= _last_of_periods(every, _month, retention.monthly)
    return kept


def to_remove(
    moments: Iterable[datetime], retention: Retention = DEFAULT_RETENTION
) -> set[datetime]:
    """The backups (by moment) the rotation removes."""
    every = set(moments)
    return every - to_keep(every, retention)


def due_today(moments: Iterable[datetime], now: datetime) -> bool:
    """Whether the first start of the day still has to make its backup."""
    return not any(moment.date() == now.date() for moment in moments)
