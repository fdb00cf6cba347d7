"""Fonts shipped with the program (no Qt import).

Printed documents embed WenQuanYi Micro Hei, a TrueType CJK font (ReportLab refuses the
CFF-based Noto CJK fonts, and its built-in ``STSong-Light`` is not embedded, so viewers
without CJK fonts would show nothing).  The file is a TrueType collection: ReportLab needs
``TTFont(name, cjk_font_path(), subfontIndex=CJK_SUBFONT_INDEX)``.
"""

from __future__ import annotations

import importlib.resources
from pathlib import Path

CJK_FONT_FILE = "wqy-microhei.ttc"
CJK_FONT_NAME = "WenQuanYi Micro Hei"
CJK_SUBFONT_INDEX = 0
"""Index of the proportional face in the collection (1 is WenQuanYi Micro Hei Mono)."""


def fonts_dir() -> Path:
    """The ``fonts`` folder of the installed ``retailerp.resources`` package."""
    return Path(str(importlib.resources.files("retailerp.resources") / "fonts"))


def cjk_font_path() -> Path:
    """The shipped CJK TrueType collection; raises ``FileNotFoundError`` if it is missing."""
    path = fonts_dir() / CJK_FONT_FILE
    if not path.is_file():
        raise FileNotFoundError(f"the CJK font is missing from the installation: {path}")
    return path
