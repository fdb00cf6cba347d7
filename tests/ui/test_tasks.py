"""Long work runs in a worker thread and reports back to the UI thread."""

from __future__ import annotations

import threading
import time

from PySide6.QtWidgets import QPushButton, QWidget

from retailerp.ui.tasks import LatestRead, Progress, TaskCancelled, run_task


def make_parent(qtbot) -> QWidget:
    parent = QWidget()
    qtbot.addWidget(parent)
    return parent


def test_progress_and_result_come_back_to_the_ui_thread(qtbot) -> None:
    ui_thread = threading.get_ident()
    seen: dict[str, object] = {}
    reports: list[tuple[int, int, str]] = []

    def count(progress: Progress, n: int) -> int:
        seen["worker"] = threading.get_ident()
        for i in range(1, n + 1):
            time.sleep(0.01)
            progress.report(i, n, f"{i} of {n}")
        return n * 10

    def done(result: int) -> None:
        seen["result"] = result
        seen["done_thread"] = threading.get_ident()

    handle = run_task(make_parent(qtbot), "Counting", count, 20, on_done=done)
    handle.progressed.connect(lambda *args: reports.append(args))
    qtbot.waitUntil(lambda: "result" in seen, timeout=5000)

    assert seen["result"] == 200
    assert seen["worker"] != ui_thread
    assert seen["done_thread"] == ui_thread
    assert reports[-1] == (20, 20, "20 of 20")
    assert 1 < len(reports) <= 20  # throttled, but the last report always arrives
    assert not handle.running


def test_an_error_in_the_worker_reaches_on_error(qtbot) -> None:
    errors: list[BaseException] = []
    done: list[object] = []

    def fail(progress: Progress) -> None:
        raise ValueError("bad row 17")

    run_task(make_parent(qtbot), "Import", fail, on_done=done.append, on_error=errors.append)
    qtbot.waitUntil(lambda: errors != [], timeout=5000)

    assert str(errors[0]) == "bad row 17"
    assert done == []


def test_errors_go_to_show_error_by_default(qtbot, monkeypatch) -> None:
    shown: list[tuple[QWidget, BaseException]] = []
    monkeypatch.setattr("retailerp.ui.tasks.show_error", lambda p, e: shown.append((p, e)))
    parent = make_parent(qtbot)

    run_task(parent, "Backup", lambda progress: 1 / 0, on_done=print)
    qtbot.waitUntil(lambda: shown != [], timeout=5000)

    assert shown[0][0] is parent
    assert isinstance(shown[0][1], ZeroDivisionError)


def test_cancelling_stops_the_worker(qtbot) -> None:
    started = threading.Event()
    cancelled: list[bool] = []
    done: list[object] = []

    def forever(progress: Progress) -> None:
        started.set()
        while True:
            progress.check()
            time.sleep(0.005)

    handle = run_task(
        make_parent(qtbot),
        "Printing",
        forever,
        on_done=done.append,
        on_cancelled=lambda: cancelled.append(True),
    )
    assert started.wait(5)
    handle.dialog.findChild(QPushButton).click()  # the dialog's Cancel button
    qtbot.waitUntil(lambda: cancelled != [], timeout=5000)

    assert handle.progress.cancelled
    assert done == []


def test_a_worker_may_return_a_partial_result_when_cancelled(qtbot) -> None:
    results: list[int] = []

    def partial(progress: Progress) -> int:
        handled = 0
        while not progress.cancelled:
            handled += 1
            if handled == 5:
                progress.cancel()  # as if the user pressed Cancel now
        return handled

    run_task(make_parent(qtbot), "Partial", partial, on_done=results.append)
    qtbot.waitUntil(lambda: results != [], timeout=5000)

    assert results == [5]


def test_check_raises_only_after_cancel() -> None:
    progress = Progress.__new__(Progress)
    progress._cancel = threading.Event()
    progress.check()
    progress.cancel()
    try:
        progress.check()
    except TaskCancelled:
        return
    raise AssertionError("check() did not raise after cancel()")


def test_a_finished_task_is_let_go_only_in_the_ui_thread(qtbot) -> None:
    """Hundreds of short tasks whose handles are dropped as soon as they end (as the print
    preview does): each is let go, and only after its worker has let go of it (when the
    pool thread freed the task's signal object, the process crashed now and then)."""
    from retailerp.ui import tasks

    results: list[int] = []
    handles: list[tasks.TaskHandle | None] = []

    def start(n: int) -> None:
        handle = tasks.TaskHandle(lambda _progress, value: value * 2, (n,))
        handle.done.connect(results.append)
        handle.finished.connect(lambda: handles.__setitem__(n, None))  # dropped at once
        handles.append(handle)
        handle.start()

    for n in range(300):
        start(n)
    qtbot.waitUntil(lambda: len(results) == 300 and not tasks._RUNNING, timeout=30000)
    assert sorted(results) == [2 * n for n in range(300)]
    assert handles == [None] * 300


def test_only_the_newest_read_answers_and_an_older_late_one_is_dropped(qtbot) -> None:
    answers: list[tuple[object, BaseException | None]] = []
    gate = threading.Event()
    widget = make_parent(qtbot)
    reads = LatestRead(widget, lambda result, error: answers.append((result, error)))

    def slow(_progress: Progress, value: str) -> str:
        gate.wait(5)
        return value

    first = reads.start(slow, "January")
    newest = reads.start(lambda _progress, value: value, "February")
    assert reads.task is newest
    qtbot.waitUntil(lambda: answers != [], timeout=5000)
    assert answers == [("February", None)] and reads.task is None

    gate.set()  # the older read comes back after the newer one: nothing more is shown
    qtbot.waitUntil(lambda: not first.running, timeout=5000)
    qtbot.wait(20)
    assert answers == [("February", None)]


def test_a_failing_read_hands_its_error_back(qtbot) -> None:
    answers: list[tuple[object, BaseException | None]] = []
    reads = LatestRead(make_parent(qtbot), lambda result, error: answers.append((result, error)))

    def fail(_progress: Progress) -> None:
        raise LookupError("no such period")

    reads.start(fail)
    qtbot.waitUntil(lambda: answers != [], timeout=5000)
    ((result, error),) = answers
    assert result is None and isinstance(error, LookupError) and reads.task is None


def test_a_read_ending_after_its_widget_is_deleted_is_dropped(qtbot) -> None:
    answers: list[object] = []
    gate = threading.Event()
    widget = QWidget()
    reads = LatestRead(widget, lambda result, _error: answers.append(result))
    task = reads.start(lambda _progress: gate.wait(5) and "late")
    shiboken_delete(widget)
    gate.set()
    qtbot.waitUntil(lambda: not task.running, timeout=5000)
    qtbot.wait(20)
    assert answers == []


def shiboken_delete(widget: QWidget) -> None:
    import shiboken6

    shiboken6.delete(widget)
    assert not shiboken6.isValid(widget)
