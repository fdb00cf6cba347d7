"""Start-up to an idle main window, against a bare PySide6 window, each a fresh process.

Two figures from the same runs: *to idle*, from starting the process to the moment its event
loop first runs with the window shown (each program prints ``time.perf_counter()`` then:
on Linux and Windows that clock is the machine's, one for every process, and fine-grained),
and the *whole run*, which adds closing:
RetailERP's close and the interpreter's end.  The close backs up only when something was
written since the newest backup (``persistence.last_backup``): the first, warming run makes
the day's backup, the timed runs write nothing but their sign-ins, so their closes copy
nothing.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.harness import Report, Row, Scale, paired_figures

BARE = (
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "from PySide6.QtCore import QTimer\n"
    "app = QApplication([])\n"
    "window = QMainWindow()\n"
    "window.resize(1200, 800)\n"
    "window.show()\n"
    "def idle():\n"
    "    import time\n"
    "    print(f'idle {time.perf_counter():.6f}', flush=True)\n"
    "    app.quit()\n"
    "QTimer.singleShot(0, idle)\n"
    "app.exec()\n"
)


def _environment(folder: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["XDG_CONFIG_HOME"] = str(folder / "config")  # this PC's settings: a fresh folder
    env["XDG_DATA_HOME"] = str(folder / "data")
    env["RETAILERP_PC_NAME"] = PC  # the PC that starts without a login (see _shop_with_owner)
    # an installed program starts from compiled bytecode (pip compiles it); a shell that
    # forbids writing it would time the compiler instead (the warm-up run writes it)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


PC = "bench-pc"


def _shop_with_owner(dataset: Path, folder: Path) -> Path:
    """A copy of ``dataset`` with an owner whom this PC starts as without a login.

    The data set has no users: started on it, RetailERP would show its first-run dialog
    (create the owner) and ``--exit-after`` would close that dialog; the window would never
    be built.  An existing shop's PC that starts without a login is the real everyday path.
    """
    from retailerp.domain.security import NOBODY
    from retailerp.persistence.engine import open_database
    from retailerp.services import Services

    copy = folder / "startup.db"
    with sqlite3.connect(dataset) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    db = open_database(copy)
    try:
        Services.over(db, actor=NOBODY).users.create_first_owner(
            "owner", "Owner", "bench-password-1", pc=PC
        )
    finally:
        db.dispose()
    return copy


def _logins(database: Path) -> int:
    """How many times a window was opened on ``database`` (each start audits its login)."""
    with sqlite3.connect(database) as con:
        return con.execute("SELECT count(*) FROM audit_log WHERE action = 'login'").fetchone()[0]


def _run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds from the start to the idle window, and to the process's end."""
    start = time.perf_counter()
    done = subprocess.run(
        command, env=env, check=True, capture_output=True, text=True, encoding="utf-8"
    )
    whole = time.perf_counter() - start
    idle = [line.split()[1] for line in done.stdout.splitlines() if line.startswith("idle ")]
    if not idle:
        raise RuntimeError(f"{' '.join(command[1:3])} did not say when it was idle")
    return float(idle[-1]) - start, whole


def app_command(database: Path) -> list[str]:
    """RetailERP opening ``database`` and quitting as soon as its window is idle."""
    return [
        sys.executable, "-m", "retailerp", "--database", str(database),
        "--exit-after", "0", "--report-idle",
    ]  # fmt: skip


def bench(scale: Scale, folder: Path, database: Path, report: Report) -> None:
    env = _environment(folder)
    shop = _shop_with_owner(database, folder)
    ours = app_command(shop)
    bare = [sys.executable, "-c", BARE]
    before = _logins(shop)
    _run(ours, env)  # the first start warms the disk cache
    if _logins(shop) != before + 1:
        raise RuntimeError("the start-up benchmark did not reach the main window")
    _run(bare, env)
    to_idle, whole = paired_figures(
        lambda: _run(ours, env), lambda: _run(bare, env), max(1, scale.startups)
    )
    report.add(
        Row(
            "start-up to idle main window",
            to_idle.a * 1000,
            "ms",
            to_idle.b * 1000,
            to_idle.ratio,
            "baseline: bare PySide6 window to its idle loop, fresh process each",
        )
    )
    report.add(
        Row(
            "start, idle, close and end (whole process)",
            whole.a * 1000,
            "ms",
            whole.b * 1000,
            whole.ratio,
            "the timed closes make no backup: nothing written since the day's",
        )
    )
