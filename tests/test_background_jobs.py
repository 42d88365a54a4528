"""The latest-wins job runner on its own: answers on the GUI thread, stale answers dropped,
cancellation, errors as one line, progress for long jobs, in a thread and in a process."""
from __future__ import annotations

import threading
import time

import pytest

from evaluator.errors import InputError
from ui import background
from ui.background import Cancelled, JobRunner


def _double(x: int) -> int:
    return 2 * x


def _slow_until_cancelled(x: int, control) -> int:
    """Steps of 5 ms for up to 5 s; gives up as soon as it is stale."""
    for step in range(1000):
        control.progress(step / 1000)
        if control.cancelled():
            raise Cancelled
        time.sleep(0.005)
    return x


def _fails(x: int) -> int:
    raise InputError(f"file{x}.csv: line 3: no date")


def _bug(x: int) -> int:
    return [][x]


def _thread_name() -> str:
    return threading.current_thread().name


@pytest.fixture(params=["thread", "process"])
def runner(request, qapp):
    r = JobRunner(request.param)
    yield r
    r.shutdown()


def test_answer_arrives_on_the_gui_thread(qtbot, runner):
    got, threads = [], []
    runner.submit(_double, 21, on_done=lambda v: (got.append(v), threads.append(threading.current_thread())))
    assert got == []                          # never at once: the caller carries on
    qtbot.waitUntil(lambda: got == [42], timeout=20_000)
    assert threads == [threading.main_thread()] and not runner.busy


def test_only_the_newest_job_is_answered(qtbot, runner):
    got = []
    runner.submit(_slow_until_cancelled, 1, control=True, on_done=got.append)
    for x in (2, 3):
        runner.submit(_double, x, on_done=got.append)     # 2 waits and is replaced by 3
    qtbot.waitUntil(lambda: not runner.busy, timeout=20_000)
    qtbot.wait(20)
    assert got == [6]                         # the running job saw it was stale and stopped


def test_cancel_drops_the_answer(qtbot, runner):
    got = []
    runner.submit(_slow_until_cancelled, 1, control=True, on_done=got.append)
    runner.cancel()
    qtbot.waitUntil(lambda: not runner.busy, timeout=20_000)
    qtbot.wait(20)
    assert got == []


def test_errors_come_back_as_one_line(qtbot, runner):
    errors = []
    runner.submit(_fails, 7, on_done=pytest.fail, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=20_000)
    runner.submit(_bug, 0, on_done=pytest.fail, on_error=errors.append)
    qtbot.waitUntil(lambda: len(errors) == 2, timeout=20_000)
    assert errors[0] == "file7.csv: line 3: no date"
    assert errors[1].startswith("IndexError:") and "\n" not in errors[1]


def test_long_jobs_report_progress(qtbot, runner, monkeypatch):
    monkeypatch.setattr(background, "PROGRESS_AFTER_S", 0.05)
    seen = []
    runner.submit(_slow_until_cancelled, 1, control=True, on_done=lambda v: None, on_progress=seen.append)
    qtbot.waitUntil(lambda: any(f is not None and f > 0 for f in seen), timeout=20_000)
    assert all(f is None or 0 <= f <= 1 for f in seen)
    runner.cancel()


def test_shutdown_stops_the_worker_and_a_new_job_starts_it_again(qtbot, runner):
    runner.submit(_slow_until_cancelled, 1, control=True, on_done=pytest.fail)
    runner.shutdown()
    assert not runner.busy
    got = []
    runner.submit(_double, 5, on_done=got.append)
    qtbot.waitUntil(lambda: got == [10], timeout=20_000)


def test_thread_jobs_run_off_the_gui_thread(qtbot, qapp):
    runner = JobRunner("thread")
    names = []
    runner.submit(_thread_name, on_done=names.append)
    qtbot.waitUntil(lambda: bool(names), timeout=5000)
    runner.shutdown()
    assert names[0] != threading.main_thread().name


def test_a_child_that_died_between_jobs_gives_an_error_then_a_new_child(qtbot, qapp):
    runner = JobRunner("process")
    try:
        got, errors = [], []
        runner.submit(_double, 1, on_done=got.append)
        qtbot.waitUntil(lambda: got == [2], timeout=20_000)
        runner._child.kill()                  # killed from outside (out of memory, a user's kill)
        runner._child.join()
        runner.submit(_double, 2, on_done=got.append, on_error=errors.append)   # the pipe is broken
        assert errors == ["the background process stopped unexpectedly"] and not runner.busy
        runner.submit(_double, 3, on_done=got.append)
        qtbot.waitUntil(lambda: got == [2, 6], timeout=20_000)
    finally:
        runner.shutdown()
