"""Start-up to an idle main window, against a bare PySide6 window, each a fresh process."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.harness import Report, Row, Scale, paired

BARE = (
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "from PySide6.QtCore import QTimer\n"
    "app = QApplication([])\n"
    "window = QMainWindow()\n"
    "window.resize(1200, 800)\n"
    "window.show()\n"
    "QTimer.singleShot(0, app.quit)\n"
    "app.exec()\n"
)


def _environment(folder: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["XDG_CONFIG_HOME"] = str(folder / "config")  # this PC's settings: a fresh folder
    env["XDG_DATA_HOME"] = str(folder / "data")
    # an installed program starts from compiled bytecode (pip compiles it); a shell that
    # forbids writing it would time the compiler instead (the warm-up run writes it)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _run(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    return time.perf_counter() - start


def app_command(database: Path) -> list[str]:
    """RetailERP opening ``database`` and quitting as soon as its window is idle."""
    return [sys.executable, "-m", "retailerp", "--database", str(database), "--exit-after", "0"]


def bench(scale: Scale, folder: Path, database: Path, report: Report) -> None:
    env = _environment(folder)
    ours = app_command(database)
    bare = [sys.executable, "-c", BARE]
    _run(ours, env)  # the first start migrates a new file and warms the disk cache
    _run(bare, env)
    result = paired(lambda: _run(ours, env), lambda: _run(bare, env), max(1, scale.startups))
    report.add(
        Row(
            "start-up to idle main window",
            result.a * 1000,
            "ms",
            result.b * 1000,
            result.ratio,
            "baseline: bare PySide6 window, fresh process each",
        )
    )
