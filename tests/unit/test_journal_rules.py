"""The journal-mode rules: which mode a file runs in, and when opening it is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from retailerp.persistence import journal
from retailerp.persistence.errors import DatabaseProblem
from retailerp.persistence.journal import FileFacts, check_header, check_recorded


def facts(actual: str, *, network: bool = False, in_use: bool = False) -> FileFacts:
    return FileFacts("/share/shop.db", actual, network, in_use)


def refusal(call, *args: object) -> str:  # noqa: ANN001
    with pytest.raises(DatabaseProblem) as info:
        call(*args)
    return str(info.value)


@pytest.mark.parametrize(
    ("content", "mode"),
    [
        (None, ""),
        (b"", ""),
        (b"SQLite format 3\x00" + bytes([16, 0, 1, 1]) + bytes(80), "delete"),
        (b"SQLite format 3\x00" + bytes([16, 0, 2, 2]) + bytes(80), "wal"),
        (b"not a database at all, just some text", ""),
    ],
)
def test_the_header_says_the_mode(tmp_path: Path, content: bytes | None, mode: str) -> None:
    path = tmp_path / "shop.db"
    if content is not None:
        path.write_bytes(content)
    assert journal.header_mode(path) == mode
    assert journal.is_empty(path) == (not content)


def test_a_new_file_gets_wal_locally_and_delete_on_a_share() -> None:
    assert journal.mode_for_new("auto", network=False) == "wal"
    assert journal.mode_for_new("", network=True) == "delete"
    assert journal.mode_for_new("WAL", network=True) == "wal"  # the PC's setting decides
    assert journal.mode_for_new("delete", network=False) == "delete"
    assert "not 'memory'" in refusal(journal.mode_for_new, "memory", False)


def test_a_wal_file_is_not_read_over_the_network() -> None:
    message = refusal(check_header, facts("wal", network=True, in_use=True), "auto")
    assert "over the network" in message
    assert "is using the file in a different mode right now" in message
    assert "retailerp db journal-mode delete" in message
    assert check_header(facts("wal", network=True), "wal") == "wal"  # the PC insists
    assert check_header(facts("delete", network=True), "auto") == "delete"
    assert check_header(facts("wal"), "delete") == "wal"  # decided once the record is read


def test_the_recorded_mode_rules() -> None:
    assert check_recorded(facts("delete"), "delete", "auto") == "delete"
    assert check_recorded(facts("wal"), "", "auto") == "wal"  # an old file: its own mode
    assert check_recorded(facts("wal"), "wal", "wal") == "wal"


def test_a_file_in_another_mode_than_recorded_is_refused() -> None:
    now = refusal(check_recorded, facts("wal", in_use=True), "delete", "auto")
    assert "set to DELETE mode for the whole office, but the file is now in WAL mode" in now
    assert "is using the file in a different mode right now" in now
    assert "'retailerp db journal-mode delete'" in now
    before = refusal(check_recorded, facts("wal"), "delete", "auto")
    assert "opened the file in a different mode" in before


def test_this_pc_must_agree_with_the_office() -> None:
    message = refusal(check_recorded, facts("wal"), "wal", "delete")
    assert "This PC is set to use DELETE mode" in message and "in WAL mode" in message
    assert "--journal-mode auto" in message and "journal-mode delete" in message
    assert "set to use WAL mode" in refusal(check_recorded, facts("delete"), "", "wal")
