"""Marking text for translation without importing Qt.

The domain may not import Qt, yet its messages must be translated.  Messages are written
in English and wrapped in :func:`QT_TRANSLATE_NOOP`, which returns its text unchanged; Qt's
``pyside6-lupdate`` finds these calls and puts the text into the Linguist catalogues, and
:mod:`retailerp.i18n` looks the translation up at display time.
"""

from __future__ import annotations

ERRORS = "errors"
"""Translation context of every domain error message."""

TERMS = "terms"
"""Translation context of business terms (states, classes, kinds) shown to users."""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - name lupdate knows
    """Mark ``text`` for translation in ``context``; returns it unchanged."""
    del context  # lupdate needs the context written as a string literal at each call
    return text


class Term(str):
    """A business term used as a message parameter; translated in the ``terms`` context
    when the message is shown (e.g. "Customer" in "Customer C001 does not exist")."""

    __slots__ = ()


CUSTOMER = Term(QT_TRANSLATE_NOOP("terms", "Customer"))
ITEM = Term(QT_TRANSLATE_NOOP("terms", "Item"))
DOCUMENT = Term(QT_TRANSLATE_NOOP("terms", "Document"))
