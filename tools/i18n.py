"""Maintain the translation catalogues (Qt Linguist ``.ts`` / ``.qm``).

Run with the project's venv:

    .venv/bin/python tools/i18n.py update       # extract texts from src/retailerp into the .ts
    .venv/bin/python tools/i18n.py fill FILE.json [--language zh_CN]
                                                 # {"context": {"source": "translation"}}
    .venv/bin/python tools/i18n.py release      # compile the .ts into the .qm
    .venv/bin/python tools/i18n.py check        # non-zero if anything is missing or stale

``pyside6-lupdate`` only extracts ``self.tr("…")``, ``QCoreApplication.translate("ctx", "…")``
and ``QT_TRANSLATE_NOOP("ctx", "…")`` whose context is a string literal.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "src" / "retailerp"
I18N_DIR = ROOT / "resources" / "i18n"

if str(ROOT / "src") not in sys.path:  # works without the editable install too
    sys.path.insert(0, str(ROOT / "src"))

from retailerp import i18n  # noqa: E402


def target_languages() -> list[str]:
    """Every language that has a catalogue (all but the source language)."""
    return [code for code, _ in i18n.available_languages() if code != i18n.SOURCE_LANGUAGE]


def ts_file(code: str, directory: Path = I18N_DIR) -> Path:
    return directory / f"{i18n.CATALOGUE_PREFIX}_{code}.ts"


def qm_file(code: str, directory: Path = I18N_DIR) -> Path:
    return directory / f"{i18n.CATALOGUE_PREFIX}_{code}.qm"


def qt_tool(name: str) -> str:
    """Path of a PySide6 tool, preferring the one beside the running interpreter."""
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 (pip install -e '.[test]')")
    return found


def source_files(sources: Path = SOURCES) -> list[Path]:
    return sorted(p for p in sources.rglob("*.py") if "__pycache__" not in p.parts)


def run_lupdate(ts: Path, code: str, sources: Path = SOURCES, *, silent: bool = False) -> None:
    """Merge the texts marked in ``sources`` into ``ts`` (created when missing)."""
    ts.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        listing = Path(tmp) / "sources.lst"
        listing.write_text("\n".join(str(p) for p in source_files(sources)) + "\n", "utf-8")
        command = [
            qt_tool("pyside6-lupdate"),
            f"@{listing}",
            "-ts",
            str(ts),
            "-no-obsolete",
            "-locations",
            "none",
            "-source-language",
            i18n.SOURCE_LANGUAGE,
            "-target-language",
            code,
        ]
        if silent:
            command.append("-silent")
        subprocess.run(command, check=True, cwd=ROOT)


def run_lrelease(ts: Path, qm: Path, *, silent: bool = False) -> None:
    """Compile ``ts`` into ``qm``, leaving unfinished translations out."""
    command = [qt_tool("pyside6-lrelease"), "-nounfinished", str(ts), "-qm", str(qm)]
    if silent:
        command.append("-silent")
    subprocess.run(command, check=True, cwd=ROOT)


def fill(ts: Path, translations: dict[str, dict[str, str]]) -> list[tuple[str, str]]:
    """Write ``translations`` into ``ts`` as finished; returns the pairs ``ts`` lacks."""
    tree = ET.parse(ts)
    wanted = {
        (ctx, src): text for ctx, table in translations.items() for src, text in table.items()
    }
    for context in tree.getroot().iter("context"):
        name = "".join(context.findtext("name") or "")
        for message in context.iter("message"):
            key = (name, "".join(message.findtext("source") or ""))
            if key not in wanted:
                continue
            text = wanted.pop(key)
            element = message.find("translation")
            if element is None:
                element = ET.SubElement(message, "translation")
            element.attrib.pop("type", None)
            if message.get("numerus") == "yes":
                forms = element.findall("numerusform") or [ET.SubElement(element, "numerusform")]
                for form in forms:
                    form.text = text
            else:
                element.text = text
    ET.indent(tree, "    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', "utf-8")
    return sorted(wanted)


def check(directory: Path = I18N_DIR, sources: Path = SOURCES) -> list[str]:
    """Problems with the catalogues in ``directory``; empty when all is well."""
    problems: list[str] = []
    for code in target_languages():
        ts, qm = ts_file(code, directory), qm_file(code, directory)
        if not ts.is_file():
            problems.append(f"{ts.name}: missing (run: tools/i18n.py update)")
            continue
        shipped = {(m.context, m.source) for m in i18n.read_ts(ts)}
        with tempfile.TemporaryDirectory() as tmp:
            fresh_ts = Path(tmp) / ts.name
            shutil.copyfile(ts, fresh_ts)
            run_lupdate(fresh_ts, code, sources, silent=True)
            current = {(m.context, m.source) for m in i18n.read_ts(fresh_ts)}
            for ctx, src in sorted(current - shipped):
                problems.append(
                    f"{ts.name}: not in the catalogue (run: tools/i18n.py update): [{ctx}] {src!r}"
                )
            for ctx, src in sorted(shipped - current):
                problems.append(
                    f"{ts.name}: no longer in the code (run: tools/i18n.py update): [{ctx}] {src!r}"
                )
            for message in i18n.untranslated(ts):
                problems.append(f"{ts.name}: untranslated: [{message.context}] {message.source!r}")
            if not qm.is_file():
                problems.append(f"{qm.name}: missing (run: tools/i18n.py release)")
            else:
                fresh_qm = Path(tmp) / qm.name
                run_lrelease(ts, fresh_qm, silent=True)
                if fresh_qm.read_bytes() != qm.read_bytes():
                    older = (
                        " and older than the .ts" if qm.stat().st_mtime < ts.stat().st_mtime else ""
                    )
                    problems.append(
                        f"{qm.name}: out of date with {ts.name}{older} (run: tools/i18n.py release)"
                    )
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tools/i18n.py", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("update", help="extract texts from src/retailerp into the .ts files")
    commands.add_parser("release", help="compile the .ts files into .qm files")
    commands.add_parser("check", help="fail on untranslated texts or stale catalogues")
    fill_parser = commands.add_parser("fill", help="write translations from a JSON file")
    fill_parser.add_argument("json_file", type=Path, help='{"context": {"source": "translation"}}')
    fill_parser.add_argument("--language", default="zh_CN", choices=target_languages())
    args = parser.parse_args(argv)

    if args.command == "update":
        for code in target_languages():
            run_lupdate(ts_file(code), code)
        return 0
    if args.command == "release":
        for code in target_languages():
            run_lrelease(ts_file(code), qm_file(code))
        return 0
    if args.command == "fill":
        data = json.loads(args.json_file.read_text("utf-8"))
        if not isinstance(data, dict) or not all(
            isinstance(t, dict) and all(isinstance(v, str) for v in t.values())
            for t in data.values()
        ):
            print('expected {"context": {"source": "translation"}}', file=sys.stderr)
            return 2
        ts = ts_file(args.language)
        missing = fill(ts, data)
        run_lupdate(ts, args.language, silent=True)  # back to lupdate's own layout
        filled = sum(len(t) for t in data.values()) - len(missing)
        print(f"{ts.name}: {filled} translation(s) written")
        for ctx, src in missing:
            print(f"not in the catalogue, skipped: [{ctx}] {src!r}", file=sys.stderr)
        return 1 if missing else 0
    problems = check()
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s) with the translation catalogues")
        return 1
    print("translation catalogues complete and up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
