"""The rotation of automatic backups: 7 daily, 4 weekly, 12 monthly, by dates."""

from __future__ import annotations

from datetime import datetime, timedelta

from retailerp.domain.backup_rotation import Retention, due_today, to_keep, to_remove


def at(day: str, time: str = "18:00") -> datetime:
    return datetime.fromisoformat(f"{day}T{time}")


def test_one_backup_a_day_for_a_year_keeps_7_daily_4_weekly_12_monthly() -> None:
    last = at("2026-12-31")
    moments = [last - timedelta(days=n) for n in range(366)]
    kept = sorted(to_keep(moments))
    daily = [last - timedelta(days=n) for n in range(7)]  # 25th-31st December
    assert set(daily) <= set(kept)
    # Sundays end ISO weeks: the last backup of the 4 newest weeks (week 53 of 2026 is
    # the 28th-31st, so its last is the 31st; then Sundays 27th, 20th, 13th December)
    for sunday in ("2026-12-27", "2026-12-20", "2026-12-13"):
        assert at(sunday) in kept
    # months: the last day of each of the 12 newest months (December is the 31st)
    for month_end in ("2026-11-30", "2026-06-30", "2026-01-31"):
        assert at(month_end) in kept
    assert at("2025-12-31") not in kept  # a 13th month
    assert at("2026-12-06") not in kept  # a 5th week back
    assert len(kept) == 7 + 2 + 11  # 25–31 Dec; 13 and 20 Dec; 11 month ends before December
    assert to_remove(moments) == set(moments) - set(kept)


def test_every_backup_of_the_newest_day_is_kept_and_the_last_of_older_days() -> None:
    moments = [
        at("2026-03-09", "08:01"),  # first start of the day
        at("2026-03-09", "17:30"),  # on closing
        at("2026-03-10", "08:00"),
        at("2026-03-10", "12:15"),
        at("2026-03-10", "18:05"),
    ]
    assert to_remove(moments) == {at("2026-03-09", "08:01")}


def test_days_without_a_backup_do_not_count() -> None:
    # a shop closed for three weeks still keeps its last 7 working days
    days = ["2026-07-01", "2026-07-02", "2026-07-03", "2026-07-06", "2026-07-07"]
    days += ["2026-07-08", "2026-07-09", "2026-07-10", "2026-07-31"]
    moments = [at(day) for day in days]
    kept = to_keep(moments, Retention(daily=7, weekly=0, monthly=0))
    assert kept == {at(day) for day in days[-7:]}


def test_a_smaller_retention_keeps_less_and_the_newest_always() -> None:
    moments = [at("2026-01-01") + timedelta(days=n) for n in range(60)]
    kept = to_keep(moments, Retention(daily=1, weekly=1, monthly=1))
    assert kept == {max(moments)}
    assert to_keep([], Retention()) == set()
    assert to_keep([at("2020-02-29")], Retention(daily=0, weekly=0, monthly=0)) == {
        at("2020-02-29")
    }


def test_weeks_across_a_new_year_follow_iso_weeks() -> None:
    # Mon 29 Dec 2025 and Sun 4 Jan 2026 lie in ISO week 1 of 2026: one weekly slot
    moments = [at("2025-12-28"), at("2025-12-29"), at("2026-01-04")]
    kept = to_keep(moments, Retention(daily=0, weekly=2, monthly=0))
    assert kept == {at("2026-01-04"), at("2025-12-28")}


def test_the_daily_backup_is_due_at_the_first_start_of_a_day() -> None:
    now = at("2026-05-05", "07:59")
    assert due_today([], now)
    assert due_today([at("2026-05-04", "23:59")], now)
    assert not due_today([at("2026-05-05", "00:00")], now)
