"""The harness of the multi-process tests: each PC is a separate OS process on one database.

Parent side (the test): :func:`target` (a migrated database the workers reach: the SQLite file
in the shared-file DELETE journal mode, or a PostgreSQL URL), :func:`start` a worker script,
:func:`two_pcs` (the race: the first PC pauses at the critical moment, the second starts and
is let run until it waits, then the first goes on), :func:`report` (the worker's last JSON
line, failing on its errors).

Worker side (``tests/support/*_worker.py``, which import this module as ``race`` because their
own folder is on ``sys.path``): :func:`open_target`, :func:`pause_after` (stop inside the
transaction right after a domain function ran, print a signal and wait for a line on stdin),
:func:`finish` (print the one JSON line the parent reads).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from sqlalchemy import text

from retailerp.persistence.engine import Database, open_database

TIMEOUT = 180
SUPPORT = Path(__file__).resolve().parent


def open_target(target: str, journal_mode: str = "delete") -> Database:
    """The shared database as one PC opens it: a URL, or the file in its office's mode."""
    if "://" in target:
        return open_database(target)
    return open_database(target, journal_mode=journal_mode)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def target(request: pytest.FixtureRequest) -> str:
    """A migrated database the workers can reach: a SQLite file path or a PostgreSQL URL."""
    if request.param == "sqlite":
        return str(request.getfixturevalue("migrated_sqlite_path"))
    return request.getfixturevalue("migrated_pg_url")


def start(worker: str, *args: Any) -> subprocess.Popen[str]:
    """Run ``tests/support/<worker>`` with the arguments (mappings as JSON) in a new process."""
    argv = [a if isinstance(a, str) else json.dumps(a) for a in args]
    return subprocess.Popen(
        [sys.executable, str(SUPPORT / worker), *argv],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def expect(proc: subprocess.Popen[str], line: str) -> None:
    """The worker's next line must be ``line`` (else the test fails showing its output)."""
    assert proc.stdout is not None
    got = proc.stdout.readline().strip()
    if got != line:
        proc.kill()
        out, err = proc.communicate(timeout=TIMEOUT)
        pytest.fail(f"expected {line!r} from the worker, got {got!r}:\n{out}{err}")


def release(proc: subprocess.Popen[str]) -> None:
    """Let a paused or waiting worker go on."""
    assert proc.stdin is not None
    proc.stdin.write("go\n")
    proc.stdin.flush()


def let_run_until_it_waits(db: Database, proc: subprocess.Popen[str]) -> None:
    """Give another PC every chance to act while the first is paused: on PostgreSQL until
    it is seen waiting for a lock (or has finished), on SQLite a moment (its writer waits at
    BEGIN IMMEDIATE, which cannot be observed from outside)."""
    if db.is_sqlite:
        time.sleep(0.5)
        return
    waiting = text(
        "SELECT count(*) FROM pg_stat_activity "
        "WHERE datname = current_database() AND wait_event_type = 'Lock'"
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and proc.poll() is None:
        with db.engine.connect() as conn:
            if conn.execute(waiting).scalar_one():
                return
        time.sleep(0.05)


def report(proc: subprocess.Popen[str], timeout: float = TIMEOUT) -> dict[str, Any]:
    """The worker's last line (JSON); its ``errors`` must be empty."""
    out, err = proc.communicate(timeout=timeout)
    assert proc.returncode == 0, err
    result = json.loads(out.strip().splitlines()[-1])
    assert result.get("errors", []) == [], result["errors"]
    return result


def two_pcs(
    db: Database, worker: str, first: dict[str, Any], second: dict[str, Any], signal: str
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The race: the first PC starts and stops at ``signal`` (inside its transaction), the
    second starts and is let run until it waits, then the first goes on.  Both reports."""
    one = start(worker, {**first, "pause": True})
    expect(one, "started")
    expect(one, signal)
    two = start(worker, {**second, "pause": False})
    expect(two, "started")
    let_run_until_it_waits(db, two)
    release(one)
    return report(one), report(two)


# --- worker side ---------------------------------------------------------------------------


def pause_after(module: ModuleType, name: str, signal: str) -> None:
    """Make ``module.name`` print ``signal`` after it ran and wait for a line on stdin."""
    original: Callable[..., Any] = getattr(module, name)

    def then_wait(*args: Any, **kwargs: Any) -> Any:
        result = original(*args, **kwargs)
        print(signal, flush=True)
        sys.stdin.readline()
        return result

    setattr(module, name, then_wait)


def finish(result: dict[str, Any]) -> None:
    print(json.dumps(result), flush=True)


def log_figures(proof: str, **figures: Any) -> None:
    """Append a proof's figures (one JSON line) to ``$RETAILERP_PROOF_LOG`` when it is set:
    the counts ``docs/RELIABILITY.md`` records."""
    import os

    path = os.environ.get("RETAILERP_PROOF_LOG")
    if path:
        with open(path, "a", encoding="utf-8") as log:
            log.write(json.dumps({"proof": proof, **figures}) + "\n")
