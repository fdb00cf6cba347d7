"""Files attached to a record (a complaint's photos and PDFs): what is accepted.

The kind is read from the file's first bytes, never from its name: a PNG, JPEG, GIF or WebP
picture or a PDF; a file that starts like one but is cut short is refused as unreadable.
"""

from __future__ import annotations

from dataclasses import dataclass

from retailerp.domain.errors import FieldError
from retailerp.domain.text import QT_TRANSLATE_NOOP

DEFAULT_LIMIT = 5 * 1024 * 1024
"""The largest attachment by default (5 MB): the file lives inside the database."""
NAME_LENGTH = 200


@dataclass(frozen=True)
class CheckedFile:
    file_name: str
    media_type: str
    data: bytes

    @property
    def is_image(self) -> bool:
        return self.media_type.startswith("image/")


def media_type(data: bytes) -> str | None:
    """The media type the first bytes announce, or None for anything else."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data.startswith(b"%PDF-"):
        return "application/pdf"
    return None


def _readable(kind: str, data: bytes) -> bool:
    if kind == "image/png":
        return len(data) > 33 and data[12:16] == b"IHDR"
    if kind == "image/jpeg":
        return len(data) > 4 and data.rstrip(b"\0").endswith(b"\xff\xd9")
    if kind == "application/pdf":
        return b"%%EOF" in data[-1024:]
    return len(data) > 12


def check_attachment(file_name: str, data: bytes, limit: int = DEFAULT_LIMIT) -> CheckedFile:
    """A picture or PDF of at most ``limit`` bytes, named; else a refusal naming the rule."""
    name = file_name.strip().replace("\\", "/").rsplit("/", 1)[-1][:NAME_LENGTH]
    if not name:
        raise FieldError("file_name", QT_TRANSLATE_NOOP("errors", "The file needs a name."))
    if not data:
        raise FieldError(
            "file", QT_TRANSLATE_NOOP("errors", "The file {name} is empty."), name=name
        )
    if len(data) > limit:
        raise FieldError(
            "file",
            QT_TRANSLATE_NOOP(
                "errors", "The file {name} is {size} KB; an attachment may be at most {limit} KB."
            ),
            name=name,
            size=len(data) // 1024,
            limit=limit // 1024,
        )
    kind = media_type(data)
    if kind is None:
        raise FieldError(
            "file",
            QT_TRANSLATE_NOOP(
                "errors", "The file {name} is not a picture (PNG, JPEG, GIF, WebP) or a PDF."
            ),
            name=name,
        )
    if not _readable(kind, data):
        raise FieldError(
            "file",
            QT_TRANSLATE_NOOP(
                "errors", "The file {name} cannot be read: it is cut short or damaged."
            ),
            name=name,
        )
    return CheckedFile(name, kind, data)
