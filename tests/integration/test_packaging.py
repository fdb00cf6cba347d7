"""The built wheel is complete: it runs from a plain install, without the source tree.

Builds a wheel from a copy of the project, installs it with ``pip --target`` into a temporary
folder and runs Python there with ``-S`` (no site processing, so the editable install's
finder in the venv cannot shadow the wheel), with only that folder and the venv's
site-packages (for the dependencies) on ``PYTHONPATH``, from a working directory outside
the project.
"""

from __future__ import annotations

import importlib.metadata
import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]

IGNORED = shutil.ignore_patterns(
    ".git",
    ".venv",
    "venv",
    "build",
    "dist",
    "*.egg-info",
    "__pycache__",
    ".pytest_cache",
    ".ruff_cache",
    ".hypothesis",
    "*.db",
)

PROBE = """
import importlib.resources, json, retailerp
migrations = importlib.resources.files("retailerp.migrations")
resources = importlib.resources.files("retailerp.resources")
print(json.dumps({
    "retailerp": retailerp.__file__,
    "env.py": (migrations / "env.py").is_file(),
    "versions/": (migrations / "versions").is_dir(),
    "i18n/retailerp_zh_CN.qm": (resources / "i18n" / "retailerp_zh_CN.qm").is_file(),
    "i18n/retailerp_zh_CN.ts": (resources / "i18n" / "retailerp_zh_CN.ts").is_file(),
    "fonts/": (resources / "fonts").is_dir(),
    "fonts/wqy-microhei.ttc": (resources / "fonts" / "wqy-microhei.ttc").is_file(),
}))
"""


def _build_requirements_installed() -> bool:
    """Whether the venv can build without isolation (``build-system.requires`` present)."""
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["build-system"][
        "requires"
    ]
    for text in requires:
        requirement = Requirement(text)
        try:
            version = importlib.metadata.version(requirement.name)
        except importlib.metadata.PackageNotFoundError:
            return False
        if not requirement.specifier.contains(version, prereleases=True):
            return False
    return True


@pytest.fixture(scope="module")
def installed_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Folder into which the freshly built wheel was installed (``pip install --target``)."""
    tmp = tmp_path_factory.mktemp("packaging")
    source = tmp / "source"
    shutil.copytree(ROOT, source, ignore=IGNORED)
    dist = tmp / "dist"
    command = [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist)]
    if _build_requirements_installed():
        command.append("--no-isolation")
    # otherwise build fetches setuptools/wheel into an isolated environment
    built = subprocess.run(command, cwd=source, capture_output=True, text=True, check=False)
    assert built.returncode == 0, f"building the wheel failed:\n{built.stdout}{built.stderr}"
    wheels = list(dist.glob("retailerp-*.whl"))
    assert len(wheels) == 1, wheels
    site = tmp / "site"
    installed = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(site),
            str(wheels[0]),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert installed.returncode == 0, f"pip install failed:\n{installed.stdout}{installed.stderr}"
    return site


def _run_installed(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the venv's Python on the installed wheel only (dependencies from the venv)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONPATH"] = os.pathsep.join([str(site), sysconfig.get_paths()["purelib"]])
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run(
        [sys.executable, "-S", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_the_wheel_holds_the_package_its_migrations_and_resources(
    installed_wheel: Path, tmp_path: Path
) -> None:
    import json

    result = _run_installed(installed_wheel, tmp_path, "-c", PROBE)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert Path(found.pop("retailerp")).is_relative_to(installed_wheel)
    missing = [name for name, present in found.items() if not present]
    assert not missing, f"missing from the wheel: {missing}"


def test_the_installed_command_line_prints_its_usage(installed_wheel: Path, tmp_path: Path) -> None:
    result = _run_installed(installed_wheel, tmp_path, "-m", "retailerp.cli", "--help")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "usage" in result.stdout.lower()


def test_the_installed_program_opens_its_window_on_a_new_database(
    installed_wheel: Path, tmp_path: Path
) -> None:
    """The installed wheel alone (no source tree) creates and migrates a new database, then
    opens its window on it (offscreen) in Chinese and closes again."""
    target = tmp_path / "new" / "shop.db"
    target.parent.mkdir()
    made = _run_installed(
        installed_wheel, tmp_path, "-m", "retailerp.cli", "--database", str(target), "db", "upgrade"
    )
    assert made.returncode == 0, made.stdout + made.stderr
    window = _run_installed(
        installed_wheel,
        tmp_path,
        "-c",
        (
            "import os, sys; "
            f"os.environ['RETAILERP_CONFIG_DIR'] = {str(tmp_path / 'config')!r}; "
            "from retailerp.cli import main; "
            f"sys.exit(main(['--database', {str(target)!r}, '--language', 'zh_CN', "
            "'--exit-after', '0.5']))"
        ),
    )
    assert window.returncode == 0, window.stdout + window.stderr
    probe = _run_installed(
        installed_wheel, tmp_path, "-m", "retailerp.cli", "--database", str(target), "db", "check"
    )
    assert probe.returncode == 0, probe.stdout + probe.stderr
