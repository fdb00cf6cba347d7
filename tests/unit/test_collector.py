"""The start's pause of the cycle collector (retailerp.collector, issue 12)."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from retailerp import cli, collector


@pytest.fixture(autouse=True)
def _collector_as_it_was() -> Iterator[None]:
    was = gc.isenabled()
    yield
    collector.resume()
    gc.unfreeze()  # this test process's objects go back to being collected
    (gc.enable if was else gc.disable)()


def test_the_pause_stops_collection_until_resumed_and_then_freezes_what_exists() -> None:
    gc.unfreeze()
    collector.pause()
    assert not gc.isenabled() and collector.paused()
    collector.resume()
    assert gc.isenabled() and not collector.paused()
    assert gc.get_freeze_count() > 1_000  # this process's modules and classes
    frozen = gc.get_freeze_count()
    collector.resume()  # a second resume (a second user's warm-up) changes nothing
    assert gc.get_freeze_count() == frozen


def test_resume_without_a_pause_leaves_the_collector_alone() -> None:
    """A test or program that opens the window in-process keeps its collector as it is."""
    gc.unfreeze()
    gc.disable()
    collector.resume()
    assert not gc.isenabled() and gc.get_freeze_count() == 0


def test_the_command_opens_the_window_paused_and_freezes_before_it_ends(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    gc.unfreeze()
    seen: list[bool] = []

    def run_gui(**_kwargs: object) -> int:
        seen.append(gc.isenabled())
        return 0

    monkeypatch.setattr("retailerp.ui.app.run_gui", run_gui)
    assert cli.main([]) == 0
    assert seen == [False]  # the window's start ran without automatic collection
    assert gc.get_freeze_count() > 1_000  # what lived at the end was frozen for the exit
