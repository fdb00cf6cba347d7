"""Every text the program shows has a Chinese translation, and the shipped catalogue is current.

This guards the promise that the UI, error messages, command line and printed documents work
fully in Simplified Chinese: it runs ``tools/i18n.py check``, which fails when a text marked
for translation in ``src/retailerp`` is missing from ``resources/i18n/retailerp_zh_CN.ts``,
when a message there has no finished translation, or when the compiled ``.qm`` does not match
the ``.ts``.  When it fails, run ``tools/i18n.py update``, supply the translations
(``tools/i18n.py fill FILE.json`` or Qt Linguist), then ``tools/i18n.py release``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_every_message_has_a_finished_chinese_translation() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "i18n.py"), "check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    if result.returncode != 0:
        pytest.fail(
            "the Chinese catalogue is incomplete or stale (see tools/i18n.py):\n"
            + result.stdout
            + result.stderr,
            pytrace=False,
        )
