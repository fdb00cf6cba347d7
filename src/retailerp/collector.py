"""Python's cycle collector during the window's start (issue 12, PERFORMANCE item 33).

Starting the window imports some 450 modules and builds the tables, the domain's classes
and the window: a burst of allocations that sets off collection after collection, each
walking every container made so far (~17 % of a start's samples on this kind of machine).
Hardly any of it is garbage: modules, classes and widgets live until the program ends.

So the start pauses the collector.  When the warm-up has imported what the session needs,
:func:`resume` moves every object alive then into the permanent generation (``gc.freeze``)
and turns the collector back on: later collections, the UI's and the one at exit, walk only
what was made since.  :func:`before_exit` does the same freeze when the program ends before
the warm-up did (a start closed at once), so the interpreter's last collection is short.

Only the ``retailerp`` command pauses; a test or another program that opens the window
in-process keeps its collector as it is (:func:`resume` then does nothing).
"""

from __future__ import annotations

import gc
import threading

_lock = threading.Lock()
_paused = False


def pause() -> None:
    """Stop automatic collection for the start (the ``retailerp`` command only)."""
    global _paused
    with _lock:
        if gc.isenabled():
            gc.disable()
            _paused = True


def resume() -> None:
    """Freeze what the start made and collect again from here on; idempotent, and nothing
    when the start was not paused."""
    global _paused
    with _lock:
        if _paused:
            gc.freeze()
            gc.enable()
            _paused = False


def before_exit() -> None:
    """What lives now lives until the end: the last collection need not walk it."""
    gc.freeze()


def paused() -> bool:
    """Whether the start's pause is still on (the warm-up has not ended yet)."""
    return _paused
