"""Pinyin keys of Chinese names: the order a Chinese shop expects and search by initials.

``sort_key("华联超市")`` is ``"hualianchaoshi"`` and ``initials("华联超市")`` is ``"hlcs"``, so
a list sorted by the key reads 北京… before 上海…, and typing ``hl`` finds 华联.  Latin words
and numbers keep their letters (lower case); punctuation and spaces are dropped.  The
readings come from pypinyin, which picks a character's reading from the phrase it stands in
(重庆 is *chongqing*, not *zhongqing*).
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W_]+")

PINYIN_LENGTH = 700
"""Room for the key of a 100-character name (six letters at most per syllable)."""


def _words(text: str) -> list[str]:
    """Latin words and numbers of a stretch that holds no Chinese characters."""
    return [word.lower() for word in _WORD.findall(text)]


def syllables(name: str) -> list[str]:
    """One lower-case syllable per Chinese character, one word per Latin word or number."""
    from pypinyin import Style, lazy_pinyin  # 0.3 s of dictionaries: loaded when first used

    return [s for s in lazy_pinyin(name, style=Style.NORMAL, errors=_words) if s]


def sort_key(name: str) -> str:
    """The name spelled in pinyin without tones or spaces: what name lists sort by."""
    return "".join(syllables(name))[:PINYIN_LENGTH]


def initials(name: str) -> str:
    """The first letter of every syllable and word: ``hlcs`` for 华联超市."""
    return "".join(s[0] for s in syllables(name))


def is_initials_query(text: str) -> bool:
    """Whether ``text`` could be pinyin typed by a user (Latin letters only)."""
    return bool(text) and text.isascii() and text.isalpha()
