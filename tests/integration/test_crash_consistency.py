"""Crash consistency: a PC posting documents of every kind is killed (SIGKILL) at random
moments; after each kill the database passes ``integrity_check`` and every business invariant
(``persistence/integrity.py``), and the next run opens it and carries on.

The child (``support/crash_driver.py``) posts round after round through the services:
receipt, order → confirm → pick → ship → invoice → payment, return, red invoice, consignment
fill-up and issue.  Kills: 10 × ``RETAILERP_SCALE`` per database (≥ 200 with
``RETAILERP_SCALE=20``).  SQLite in WAL (one PC) and in the shared-file DELETE mode, and
PostgreSQL.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import time
from collections import Counter
from pathlib import Path

import pytest

from retailerp.persistence import integrity, journal
from support import postings
from support.race import TIMEOUT, expect, log_figures, open_target, start

MOST_WAIT = 4.0
"""A kill comes between 0 and this many seconds after the child is ready (a round of every
kind takes two to four seconds on the shared test machine, so kills land in every step of
the first round or two, and some before any posting)."""


@pytest.fixture(params=["wal", "delete", pytest.param("postgres", marks=pytest.mark.postgres)])
def crash_target(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[str, str]:
    """(target, journal mode) of a migrated database."""
    if request.param == "postgres":
        return request.getfixturevalue("migrated_pg_url"), ""
    if request.param == "delete":
        return str(request.getfixturevalue("migrated_sqlite_path")), "delete"
    path = tmp_path / "wal.db"
    shutil.copyfile(request.getfixturevalue("migrated_sqlite_template"), path)
    journal.change_mode(path, "wal")  # the file of a one-PC shop
    return str(path), "wal"


def problems_after_crash(target: str, mode: str) -> list[str]:
    db = open_target(target, mode or "delete")
    try:
        return [str(p) for p in integrity.check(db)]
    finally:
        db.dispose()


@pytest.mark.slow
def test_killed_at_random_moments_the_database_stays_sound(
    crash_target: tuple[str, str], scale: int
) -> None:
    target, mode = crash_target
    db = open_target(target, mode or "delete")
    try:
        ids = postings.prepare(postings.services_as(db, "owner"))
    finally:
        db.dispose()
    rng = random.Random(int(os.environ.get("RETAILERP_SEED", "20260316")))
    kills, lines = 10 * scale, Counter[str]()
    began = time.monotonic()
    for kill in range(1, kills + 1):
        child = start("crash_driver.py", {"target": target, "journal_mode": mode, "ids":
                      ids.to_json(), "seed": kill, "user": f"pc{kill}", "rounds": 0})  # fmt: skip
        expect(child, "ready")
        time.sleep(rng.uniform(0, MOST_WAIT))
        child.send_signal(signal.SIGKILL)
        out, err = child.communicate(timeout=TIMEOUT)
        assert child.returncode == -signal.SIGKILL, f"the child ended by itself:\n{out}{err}"
        lines.update(f"{line.split()[0]} {line.split()[1]}" for line in out.splitlines()
                     if line.strip())  # fmt: skip
        problems = problems_after_crash(target, mode)
        assert problems == [], f"after kill {kill} of {kills}: {problems}"

    last = start("crash_driver.py", {"target": target, "journal_mode": mode, "ids":
                 ids.to_json(), "seed": 0, "user": "after", "rounds": 1})  # fmt: skip
    out, err = last.communicate(timeout=TIMEOUT)
    assert last.returncode == 0, err
    finished = [line.split()[1] for line in out.splitlines() if line.startswith("posted")]
    assert finished == list(postings.EVERY_DOCUMENT), out  # the next run carries on
    assert problems_after_crash(target, mode) == []
    posted = sum(n for key, n in lines.items() if key.startswith("posted"))
    assert posted > 0, lines
    log_figures("crash", database=mode or "postgres", kills=kills, posted=posted,
                refused=sum(n for k, n in lines.items() if k.startswith("refused")),
                by_kind=dict(lines), seconds=round(time.monotonic() - began))  # fmt: skip
