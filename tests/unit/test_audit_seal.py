"""The audit seal, without a database: each way of tampering is told apart and named."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from retailerp.domain.audit import (
    GENESIS,
    Checkpoint,
    Entry,
    Head,
    changed_fields,
    document_of,
    seal,
    timestamp,
    verify,
)

START = datetime(2026, 3, 16, 9, 0, tzinfo=UTC)


def chain(n: int) -> tuple[list[Entry], Head]:
    entries, previous = [], GENESIS
    for i in range(1, n + 1):
        entry = Entry(i, START + timedelta(minutes=i), "anna", "PC-1", "order.confirm", "order",
                      f"SO2026-{i:06d}", f"SO2026-{i:06d}", '{"lines": 2}')  # fmt: skip
        entry = replace(entry, prev_hash=previous, row_hash=seal(entry, previous))
        entries.append(entry)
        previous = entry.row_hash
    return entries, Head(n, previous)


def locator(entries: list[Entry]):  # noqa: ANN201 - the verify callback
    return lambda h: next((e.id for e in entries if e.row_hash == h), None)


def kinds(entries: list[Entry], head: Head, **kwargs: object) -> list[str]:
    return [f.kind for f in verify(entries, head, locate=locator(entries), **kwargs).findings]  # type: ignore[arg-type]


def test_a_sound_chain_verifies_and_ends_at_its_last_entry() -> None:
    entries, head = chain(4)
    result = verify(entries, head)
    assert result.ok and result.checked == 4 and result.last == Checkpoint(4, head.last_hash)
    assert verify([], Head()).ok


def test_the_seal_covers_every_field_and_the_entry_before() -> None:
    entries, _ = chain(1)
    entry = entries[0]
    for field, value in (("username", "bob"), ("pc", "PC-9"), ("action", "x"),
                         ("entity_id", "1"), ("document", ""), ("detail", "{}"),
                         ("at", START)):  # fmt: skip
        assert seal(replace(entry, **{field: value}), GENESIS) != entry.row_hash, field
    assert seal(entry, "1" * 64) != entry.row_hash


def test_each_kind_of_tampering_is_named() -> None:
    entries, head = chain(5)
    edited = [*entries[:2], replace(entries[2], detail="{}"), *entries[3:]]
    assert kinds(edited, head) == ["edited"]
    assert kinds(entries[:2] + entries[3:], head) == ["missing"]
    assert kinds(entries[:4], head) == ["last_missing"]
    swapped = [entries[0], replace(entries[2], id=2), replace(entries[1], id=3), *entries[3:]]
    assert set(kinds(swapped, head)) == {"moved"}
    forged = replace(entries[2], detail="{}")
    forged = replace(forged, row_hash=seal(forged, forged.prev_hash))
    assert kinds([*entries[:2], forged, *entries[3:]], head) == ["resealed"]
    assert kinds(entries, Head(5, "f" * 64)) == ["head"]
    assert kinds(entries, Head(4, entries[3].row_hash)) == ["beyond_head"]


def test_a_walk_from_a_checkpoint_links_to_it() -> None:
    entries, head = chain(5)
    start = Checkpoint(3, entries[2].row_hash)
    assert verify(entries[3:], head, start=start).ok
    assert not verify(entries[3:], head, start=Checkpoint(3, "0" * 64)).ok


def test_changed_fields_and_document_numbers() -> None:
    assert changed_fields({"a": 1, "b": 2}, {"a": 1, "b": 3}) == {"b": {"before": 2, "after": 3}}
    assert document_of("SO2026-000012") == "SO2026-000012"
    assert document_of("CP2026-000001/D") == "CP2026-000001/D"
    assert document_of("17") == "" and document_of("company") == ""


def test_the_sealed_time_is_utc_to_the_microsecond_with_a_z() -> None:
    assert timestamp(START) == "2026-03-16T09:00:00.000000Z"  # microseconds even when 0
    shanghai = timezone(timedelta(hours=8))
    assert timestamp(datetime(2026, 3, 16, 17, 0, 0, 250, tzinfo=shanghai)) == (
        "2026-03-16T09:00:00.000250Z"
    )
    assert timestamp(datetime(2026, 3, 16, 9, 0)) == "2026-03-16T09:00:00.000000Z"  # naive: UTC


@given(
    st.datetimes(min_value=datetime(1000, 1, 2), max_value=datetime(9999, 12, 30)),
    st.integers(min_value=-14 * 60, max_value=14 * 60),
    st.booleans(),
)
def test_the_sealed_time_is_the_text_every_stored_seal_was_made_over(
    moment: datetime, offset_minutes: int, aware: bool
) -> None:
    # the seals already in shops' databases were taken over strftime's text: it must not move
    at = moment.replace(tzinfo=timezone(timedelta(minutes=offset_minutes))) if aware else moment
    utc = at.astimezone(UTC) if aware else at
    assert timestamp(at) == utc.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
