"""One translation mechanism for the UI, domain errors, the command line and printing.

English is the source language: every user-visible text is written in English in the code,
marked for Qt's ``pyside6-lupdate`` (``self.tr("…")``, ``QCoreApplication.translate("ctx",
"…")`` or :func:`retailerp.domain.text.QT_TRANSLATE_NOOP`), and translated through the Qt
Linguist catalogue ``retailerp_<code>.ts`` shipped in ``retailerp.resources/i18n``.

The Qt UI loads the compiled ``.qm`` (:func:`qm_path`) into a ``QTranslator``; everything
that must not import Qt (domain, services, CLI, printing) calls :func:`translate`, which reads
the same ``.ts`` file directly.  Only *finished* translations are used, by both paths
(``tools/i18n.py release`` runs ``lrelease -nounfinished``); anything else falls back to the
English source text.

This module does not import Qt.
"""

from __future__ import annotations

import contextlib
import importlib.resources
import locale
import os
import sys
import threading
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

SOURCE_LANGUAGE = "en"
"""The language the source texts are written in; it needs no catalogue."""

CATALOGUE_PREFIX = "retailerp"
"""Catalogues are named ``retailerp_<code>.ts`` / ``retailerp_<code>.qm``."""

_LANGUAGES: tuple[tuple[str, str], ...] = (
    ("en", "English"),
    ("zh_CN", "简体中文"),
)

_lock = threading.Lock()
_language = SOURCE_LANGUAGE
_catalogue_dir: Path | None = None
_cache: dict[tuple[Path, str], dict[tuple[str, str], str]] = {}


@dataclass(frozen=True)
class Message:
    """One message of a Linguist catalogue."""

    context: str
    source: str
    translation: str | None
    """The finished translation, or ``None`` when it is missing, empty or unfinished."""
    numerus: bool = False


# --- languages ---------------------------------------------------------------------------


def available_languages() -> list[tuple[str, str]]:
    """``(code, name in that language)`` of every language the program speaks."""
    return list(_LANGUAGES)


def _known_codes() -> set[str]:
    return {code for code, _ in _LANGUAGES}


def set_language(code: str) -> None:
    """Use ``code`` (one of :func:`available_languages`) for every later :func:`translate`."""
    global _language
    if code not in _known_codes():
        known = ", ".join(sorted(_known_codes()))
        raise ValueError(f"unknown language {code!r}; known: {known}")
    with _lock:
        _language = code


def current_language() -> str:
    """The code of the language :func:`translate` translates into."""
    return _language


_WINDOWS_SIMPLIFIED = ("chinese (simplified)", "chinese_china", "chinese_singapore")


def language_from_locale(locale_name: str) -> str:
    """The program language for a locale name such as ``zh_CN.UTF-8`` or ``zh-Hans-CN``.

    Simplified Chinese locales (mainland China, Singapore, Malaysia, ``zh_Hans`` and a bare
    ``zh``) map to ``"zh_CN"``; everything else, Traditional Chinese included, to ``"en"``.
    Windows-style names (``Chinese (Simplified)_China``) are understood too.
    """
    name = (locale_name or "").strip()
    name = name.split(".", 1)[0].split("@", 1)[0]
    lowered = name.lower()
    if lowered.startswith("chinese"):
        return "zh_CN" if lowered.startswith(_WINDOWS_SIMPLIFIED) else SOURCE_LANGUAGE
    parts = [p for p in lowered.replace("-", "_").split("_") if p]
    if not parts or parts[0] not in ("zh", "zho", "chi"):
        return SOURCE_LANGUAGE
    rest = parts[1:]
    if "hant" in rest:
        return SOURCE_LANGUAGE
    if "hans" in rest or not rest:
        return "zh_CN"
    if rest[0] in ("cn", "sg", "my"):
        return "zh_CN"
    return SOURCE_LANGUAGE


def _windows_ui_locale() -> str | None:
    if sys.platform != "win32":
        return None
    try:
        import ctypes

        lang_id = ctypes.windll.kernel32.GetUserDefaultUILanguage()  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        return None
    return locale.windows_locale.get(lang_id)


def system_language() -> str:
    """The program language that best fits the user's system settings."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value and value not in ("C", "POSIX") and not value.startswith("C."):
            return language_from_locale(value)
    candidates = [_windows_ui_locale()]
    with contextlib.suppress(ValueError):
        candidates.append(locale.getlocale()[0])
    for candidate in candidates:
        if candidate:
            return language_from_locale(candidate)
    return SOURCE_LANGUAGE


# --- catalogues --------------------------------------------------------------------------


def set_catalogue_dir(directory: Path | str | None) -> None:
    """Read catalogues from ``directory`` instead of the shipped ones (``None``: shipped).

    Meant for tests and tools; clears the cache.
    """
    global _catalogue_dir
    with _lock:
        _catalogue_dir = Path(directory) if directory is not None else None
        _cache.clear()


def clear_cache() -> None:
    """Forget parsed catalogues (after a catalogue file was rewritten)."""
    with _lock:
        _cache.clear()


def shipped_catalogue_dir() -> Path:
    """The ``i18n`` folder of the installed ``retailerp.resources`` package."""
    folder = importlib.resources.files("retailerp.resources") / "i18n"
    return Path(str(folder))


def catalogue_dir() -> Path:
    """Where catalogues are read from now (see :func:`set_catalogue_dir`)."""
    return _catalogue_dir if _catalogue_dir is not None else shipped_catalogue_dir()


def ts_path(code: str, directory: Path | None = None) -> Path | None:
    """The Linguist source catalogue of ``code``, or ``None`` when there is none."""
    if code == SOURCE_LANGUAGE:
        return None
    path = (directory or catalogue_dir()) / f"{CATALOGUE_PREFIX}_{code}.ts"
    return path if path.is_file() else None


def qm_path(code: str, directory: Path | None = None) -> Path | None:
    """The compiled catalogue of ``code`` for a ``QTranslator``, or ``None``."""
    if code == SOURCE_LANGUAGE:
        return None
    path = (directory or catalogue_dir()) / f"{CATALOGUE_PREFIX}_{code}.qm"
    return path if path.is_file() else None


def _text(element: ET.Element | None) -> str:
    return "".join(element.itertext()) if element is not None else ""


def read_ts(path: Path) -> list[Message]:
    """Every current message of a Linguist ``.ts`` file (obsolete and vanished ones left out)."""
    root = ET.parse(path).getroot()
    messages: list[Message] = []
    for context in root.iter("context"):
        context_name = _text(context.find("name"))
        for message in context.iter("message"):
            source = _text(message.find("source"))
            element = message.find("translation")
            kind = element.get("type", "") if element is not None else "unfinished"
            if kind in ("obsolete", "vanished"):
                continue
            numerus = message.get("numerus") == "yes"
            if element is None:
                text = ""
            elif numerus:
                forms = element.findall("numerusform")
                text = _text(forms[0]) if forms else _text(element)
            else:
                text = _text(element)
            finished = kind != "unfinished" and text != ""
            messages.append(Message(context_name, source, text if finished else None, numerus))
    return messages


def untranslated(path: Path) -> list[Message]:
    """Messages of ``path`` without a finished translation."""
    return [m for m in read_ts(path) if m.translation is None]


def _table(code: str) -> dict[tuple[str, str], str]:
    directory = catalogue_dir()
    key = (directory, code)
    table = _cache.get(key)
    if table is None:
        path = ts_path(code, directory)
        table = {}
        if path is not None:
            for message in read_ts(path):
                if message.translation is not None:
                    table[(message.context, message.source)] = message.translation
        with _lock:
            _cache[key] = table
    return table


def translate(context: str, text: str) -> str:
    """``text`` of ``context`` in the current language; the source text when untranslated."""
    code = _language
    if code == SOURCE_LANGUAGE:
        return text
    return _table(code).get((context, text), text)
