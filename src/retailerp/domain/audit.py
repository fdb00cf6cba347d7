"""The audit trail's seal: each entry's hash covers its content and the entry before it.

An entry (who, PC, when, action, entity, document, detail) is serialised canonically (JSON,
keys sorted, no spaces, UTF-8) together with the hash of the entry before it, and that text's
SHA-256 is the entry's own hash.  A head record keeps the last entry's id and hash, so the
chain's end is sealed too.  :func:`verify` walks the entries in id order and says, in words,
which entry was edited, deleted or moved; it needs nothing but the entries and the head.

Without a secret key a person who rewrites every entry after the one changed, and the head,
cannot be caught by the entries alone; a checkpoint kept elsewhere (the owner's PC keeps the
last entry it verified, :class:`Checkpoint`) catches that for everything before it.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from retailerp.domain.text import QT_TRANSLATE_NOOP

GENESIS = "0" * 64
"""The "hash before the first entry"."""

DOCUMENT_NUMBER = re.compile(r"^[A-Z]{2}\d{4}-\d{6}(?:/[A-Z])?$")
"""What a document number looks like (``SO2026-000001``)."""


@dataclass(frozen=True)
class Entry:
    """One audit entry as stored."""

    id: int
    at: datetime
    username: str
    pc: str
    action: str
    entity: str
    entity_id: str
    document: str
    detail: str
    prev_hash: str = ""
    row_hash: str = ""


@dataclass(frozen=True)
class Head:
    """The chain's head: the last entry's id and hash (id 0 and :data:`GENESIS` when empty)."""

    last_id: int = 0
    last_hash: str = GENESIS


@dataclass(frozen=True)
class Checkpoint:
    """An entry this PC verified before: the chain up to it is taken as sound."""

    id: int
    row_hash: str


def timestamp(at: datetime) -> str:
    """The time as sealed: UTC, microseconds, so SQLite and PostgreSQL agree
    (``YYYY-MM-DDTHH:MM:SS.ffffffZ``, what ``strftime("%Y-%m-%dT%H:%M:%S.%fZ")`` gives for
    the years 1000-9999; ``isoformat`` writes it several times faster, and a check walks
    every entry since this PC's last one)."""
    if at.tzinfo is not None:
        at = at.astimezone(UTC).replace(tzinfo=None)
    return at.isoformat(timespec="microseconds") + "Z"


def canonical(entry: Entry, prev_hash: str) -> bytes:
    """The bytes an entry's hash is taken over (its content, then the hash before it)."""
    content = {
        "at": timestamp(entry.at),
        "user": entry.username,
        "pc": entry.pc,
        "action": entry.action,
        "entity": entry.entity,
        "entity_id": entry.entity_id,
        "document": entry.document,
        "detail": entry.detail,
        "prev": prev_hash,
    }
    return json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def seal(entry: Entry, prev_hash: str) -> str:
    """The hash of ``entry`` following an entry whose hash is ``prev_hash``."""
    return hashlib.sha256(canonical(entry, prev_hash)).hexdigest()


def detail_text(detail: Mapping[str, Any]) -> str:
    """An entry's detail as stored: JSON, keys sorted, non-JSON values as text."""
    return json.dumps(detail, ensure_ascii=False, default=str, sort_keys=True)


def changed_fields(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, Any]:
    """``{field: {"before": …, "after": …}}`` for each field whose value changed."""
    return {
        key: {"before": before.get(key), "after": value}
        for key, value in after.items()
        if before.get(key) != value
    }


def document_of(entity_id: object) -> str:
    """The document number an entity id is, or ``""``."""
    text = str(entity_id)
    return text if DOCUMENT_NUMBER.match(text) else ""


# --- verification --------------------------------------------------------------------------

EDITED = QT_TRANSLATE_NOOP(
    "errors", "Entry {id} was changed after it was written: its content no longer matches its seal."
)
MISSING = QT_TRANSLATE_NOOP("errors", "Entry {id} is missing: it was deleted.")
MISSING_RANGE = QT_TRANSLATE_NOOP(
    "errors", "Entries {first} to {last} are missing: they were deleted."
)
MOVED = QT_TRANSLATE_NOOP(
    "errors",
    "Entry {id} is out of order: it was written after entry {after}, not after entry {before}.",
)
RESEALED = QT_TRANSLATE_NOOP(
    "errors",
    "Entry {id} does not follow entry {before}: entry {before} was rewritten and sealed again, "
    "or an entry between them was deleted.",
)
LAST_MISSING = QT_TRANSLATE_NOOP(
    "errors", "The last entries are missing: the chain ends at entry {last}, the head says {head}."
)
HEAD_DIFFERS = QT_TRANSLATE_NOOP(
    "errors", "The last entry {id} is not the one the chain's head sealed: it was replaced."
)
BEYOND_HEAD = QT_TRANSLATE_NOOP(
    "errors", "Entry {id} comes after the chain's head ({head}): it was added by hand."
)
CHECKPOINT_GONE = QT_TRANSLATE_NOOP(
    "errors",
    "Entry {id}, verified on this PC before, is missing or was rewritten: the trail was "
    "changed behind it.",
)


@dataclass(frozen=True)
class Finding:
    """One thing wrong with the trail: a message template and its parameters."""

    kind: str
    """``edited``, ``missing``, ``moved``, ``resealed``, ``last_missing``, ``head``,
    ``beyond_head``, ``checkpoint``."""
    template: str
    params: dict[str, Any] = field(default_factory=dict)

    def render(self, translate: Any = None) -> str:
        text = translate("errors", self.template) if translate else self.template
        return text.format(**self.params)


@dataclass
class Verification:
    """What :func:`verify` found: ``checked`` entries, their findings, the last sound one."""

    checked: int = 0
    findings: list[Finding] = field(default_factory=list)
    last: Checkpoint | None = None

    @property
    def ok(self) -> bool:
        return not self.findings


Locate = Callable[[str], "int | None"]
"""The id of the entry whose hash is the argument, or ``None``."""


class _Walk:
    """The state of one walk along the chain."""

    def __init__(self, start: Checkpoint | None, locate: Locate | None) -> None:
        self.result = Verification(last=start)
        self.prev_id = start.id if start else 0
        self.prev_hash = start.row_hash if start else GENESIS
        self.locate = locate

    def step(self, entry: Entry) -> None:
        result = self.result
        result.checked += 1
        if seal(entry, entry.prev_hash) != entry.row_hash:
            result.findings.append(Finding("edited", EDITED, {"id": entry.id}))
        gap = entry.id > self.prev_id + 1
        if gap:
            first, last = self.prev_id + 1, entry.id - 1
            if first == last:
                result.findings.append(Finding("missing", MISSING, {"id": first}))
            else:
                result.findings.append(
                    Finding("missing", MISSING_RANGE, {"first": first, "last": last})
                )
        if entry.prev_hash != self.prev_hash:
            self._broken_link(entry, gap)
        if not result.findings:
            result.last = Checkpoint(entry.id, entry.row_hash)
        self.prev_id, self.prev_hash = entry.id, entry.row_hash

    def _broken_link(self, entry: Entry, gap: bool) -> None:
        follows = self.locate(entry.prev_hash) if self.locate else None
        if follows is not None and follows != self.prev_id:
            self.result.findings.append(
                Finding("moved", MOVED, {"id": entry.id, "after": follows, "before": self.prev_id})
            )
        elif not gap:
            self.result.findings.append(
                Finding("resealed", RESEALED, {"id": entry.id, "before": self.prev_id})
            )


def verify(
    entries: Iterable[Entry],
    head: Head | Callable[[], Head] | None,
    *,
    start: Checkpoint | None = None,
    locate: Locate | None = None,
) -> Verification:
    """Walk ``entries`` (in id order, those after ``start`` when given) and the head.

    ``head`` may be a function, asked once the entries are walked (a walk in several reads
    checks against the head its last read saw).
    ``start`` is an entry verified before whose stored hash the caller has checked; the walk
    then links the first entry to it.  ``locate(row_hash)`` (the id of the entry holding that
    hash, or ``None``) lets a moved entry be told from a deleted or rewritten one; it is asked
    only where the chain is broken.
    """
    walk = _Walk(start, locate)
    for entry in entries:
        walk.step(entry)
    _check_head(walk, (head() if callable(head) else head) or Head())
    return walk.result


def _check_head(walk: _Walk, head: Head) -> None:
    findings = walk.result.findings
    if walk.prev_id < head.last_id:
        findings.append(
            Finding("last_missing", LAST_MISSING, {"last": walk.prev_id, "head": head.last_id})
        )
    elif walk.prev_id > head.last_id:
        findings.append(
            Finding("beyond_head", BEYOND_HEAD, {"id": walk.prev_id, "head": head.last_id})
        )
    elif walk.prev_hash != head.last_hash:
        findings.append(Finding("head", HEAD_DIFFERS, {"id": walk.prev_id}))


def checkpoint_lost(checkpoint: Checkpoint) -> Finding:
    return Finding("checkpoint", CHECKPOINT_GONE, {"id": checkpoint.id})
