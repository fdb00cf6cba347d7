"""The translation mechanism: catalogue parsing, fall-back to English, locale mapping."""

from __future__ import annotations

import importlib.util
import shutil
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from retailerp import i18n

ROOT = Path(__file__).resolve().parents[2]

SMALL_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>errors</name>
    <message>
        <source>Enter a number.</source>
        <translation>请输入数字。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a number.</source>
        <translation>“{value}”不是数字。</translation>
    </message>
    <message>
        <source>Half done.</source>
        <translation type="unfinished">做了一半</translation>
    </message>
    <message>
        <source>Not started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gone.</source>
        <translation type="vanished">没了</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n 行</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>terms</name>
    <message>
        <source>active</source>
        <translation>有效</translation>
    </message>
</context>
</TS>
"""


@pytest.fixture
def catalogue(tmp_path: Path) -> Iterator[Path]:
    """A small zh_CN catalogue in a temporary folder, used instead of the shipped one."""
    (tmp_path / "retailerp_zh_CN.ts").write_text(SMALL_TS, encoding="utf-8")
    i18n.set_catalogue_dir(tmp_path)
    try:
        yield tmp_path
    finally:
        i18n.set_catalogue_dir(None)
        i18n.set_language("en")


def load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "tools" / "i18n.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_english_and_simplified_chinese_are_offered() -> None:
    assert i18n.available_languages() == [("en", "English"), ("zh_CN", "简体中文")]


def test_english_returns_the_source_text(catalogue: Path) -> None:
    i18n.set_language("en")
    assert i18n.current_language() == "en"
    assert i18n.translate("errors", "Enter a number.") == "Enter a number."


def test_a_finished_translation_is_used_after_switching_to_chinese(catalogue: Path) -> None:
    i18n.set_language("zh_CN")
    assert i18n.current_language() == "zh_CN"
    assert i18n.translate("errors", "Enter a number.") == "请输入数字。"
    assert i18n.translate("errors", "'{value}' is not a number.") == "“{value}”不是数字。"
    assert i18n.translate("terms", "active") == "有效"
    assert i18n.translate("errors", "%n line(s)") == "%n 行"


def test_unknown_unfinished_and_vanished_messages_fall_back_to_the_source(
    catalogue: Path,
) -> None:
    i18n.set_language("zh_CN")
    assert i18n.translate("errors", "Half done.") == "Half done."
    assert i18n.translate("errors", "Not started.") == "Not started."
    assert i18n.translate("errors", "Gone.") == "Gone."
    assert i18n.translate("errors", "Never heard of it.") == "Never heard of it."
    # the context matters: the same text in another context is not translated
    assert i18n.translate("terms", "Enter a number.") == "Enter a number."


def test_a_missing_catalogue_falls_back_to_the_source(tmp_path: Path) -> None:
    i18n.set_catalogue_dir(tmp_path)
    try:
        i18n.set_language("zh_CN")
        assert i18n.translate("errors", "Enter a number.") == "Enter a number."
        assert i18n.qm_path("zh_CN") is None
    finally:
        i18n.set_catalogue_dir(None)
        i18n.set_language("en")


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown language"):
        i18n.set_language("fr")
    assert i18n.current_language() == "en"


def test_untranslated_lists_unfinished_and_empty_messages(catalogue: Path) -> None:
    missing = {(m.context, m.source) for m in i18n.untranslated(catalogue / "retailerp_zh_CN.ts")}
    assert missing == {("errors", "Half done."), ("errors", "Not started.")}


def test_domain_errors_render_in_the_current_language(catalogue: Path) -> None:
    from retailerp.domain.errors import FieldError

    error = FieldError("price", "'{value}' is not a number.", value="abc")
    i18n.set_language("zh_CN")
    assert error.render(i18n.translate) == "“abc”不是数字。"
    i18n.set_language("en")
    assert error.render(i18n.translate) == "'abc' is not a number."


def test_the_shipped_catalogue_and_its_compiled_form_are_found() -> None:
    ts = i18n.ts_path("zh_CN")
    qm = i18n.qm_path("zh_CN")
    assert ts is not None and ts.name == "retailerp_zh_CN.ts"
    assert qm is not None and qm.name == "retailerp_zh_CN.qm"
    assert i18n.qm_path("en") is None  # English needs no catalogue


def test_fill_writes_finished_translations_into_a_catalogue(tmp_path: Path) -> None:
    ts = tmp_path / "retailerp_zh_CN.ts"
    shutil.copyfile(ROOT / "resources" / "i18n" / "retailerp_zh_CN.ts", ts)
    message = i18n.read_ts(ts)[0]
    tool = load_tool()
    missing = tool.fill(
        ts, {message.context: {message.source: "译文"}, "nowhere": {"No such text": "无"}}
    )
    assert missing == [("nowhere", "No such text")]
    i18n.set_catalogue_dir(tmp_path)
    try:
        i18n.set_language("zh_CN")
        assert i18n.translate(message.context, message.source) == "译文"
    finally:
        i18n.set_catalogue_dir(None)
        i18n.set_language("en")


@pytest.mark.parametrize(
    "name",
    [
        "zh_CN",
        "zh_CN.UTF-8",
        "zh-CN",
        "zh_Hans_CN",
        "zh-Hans",
        "zh_SG",
        "zh",
        "zh_CN.GB18030",
        "Chinese (Simplified)_China",
        "Chinese (Simplified)_China.936",
    ],
)
def test_simplified_chinese_locales_map_to_zh_cn(name: str) -> None:
    assert i18n.language_from_locale(name) == "zh_CN"


@pytest.mark.parametrize(
    "name",
    [
        "en_US.UTF-8",
        "en",
        "de_DE",
        "C",
        "POSIX",
        "",
        "zh_TW",
        "zh_HK",
        "zh-Hant-TW",
        "Chinese (Traditional)_Taiwan",
        "fr_FR@euro",
    ],
)
def test_other_locales_map_to_english(name: str) -> None:
    assert i18n.language_from_locale(name) == "en"


def test_system_language_follows_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert i18n.system_language() == "zh_CN"
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    assert i18n.system_language() == "en"
