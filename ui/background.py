"""Background work, one way: a small latest-wins job runner, and ``read_file`` on top of it.

``JobRunner.submit(fn, *args, on_done=..., on_error=...)`` runs a plain function off the GUI
thread and calls ``on_done(value)`` or ``on_error(message)`` back on the GUI thread. One job
runs at a time per runner; submitting again makes the newest job the only one that counts:
a job still waiting is replaced, a running one is told to stop (``Control.cancelled()``, for
functions that check it between steps) and whatever it still returns is dropped. So an
answer for inputs that have moved on is never delivered. ``cancel()`` drops everything,
``shutdown()`` also stops the worker. A job running longer than ``PROGRESS_AFTER_S`` reports
``on_progress(fraction)`` (``None`` if the function never said) every ``PROGRESS_EVERY_MS``.

Where the function runs (``where``):
- ``"thread"``: a worker thread of this process. Right for file reads: they wait on the disk
  and on the C JSON decoder, and the result (parsed objects) needs no copying.
- ``"process"``: a spawned child process. Right for SMAA: its NumPy steps hold the interpreter
  lock for long stretches (sorting, bincounts, fancy indexing), and a thread doing that made
  the GUI thread wait 45-50 % of each tick at 100 clubs. A process has its own interpreter
  lock, so the GUI thread never waits on it; inputs and answers are pickled (a few kB). The
  function and its arguments must be picklable (module-level functions); the child is
  started once, on first use, and reused.

Measured here (benchmarks, suite ``data``): a 1 MB CSV season file parses in about 175 ms;
the shipped files (20-95 KB) take 2-5 ms. Files under BACKGROUND_BYTES are read at once on the
GUI thread (the user sees the result immediately); bigger ones in a thread.
"""
from __future__ import annotations

import functools
import multiprocessing
import os
import time
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path
from typing import Any, Callable, Literal

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication

from evaluator.errors import InputError

BACKGROUND_BYTES = 100_000   # a CSV this size: ~18 ms here, so a 5x slower machine stays under 100 ms
PROGRESS_AFTER_S = 0.5
PROGRESS_EVERY_MS = 100

Where = Literal["thread", "process"]


class Cancelled(Exception):
    """Raised by a job function that saw ``control.cancelled()``; the runner drops it silently."""


class _Box:
    """A shared number: a plain attribute in threads, a ``multiprocessing.Value`` across processes."""
    def __init__(self, value: float) -> None:
        self.value = value


_child_latest: Any = None      # in a worker process: the newest token (multiprocessing.Value)
_child_progress: Any = None


def _init_child(latest: Any, progress: Any) -> None:
    global _child_latest, _child_progress
    _child_latest, _child_progress = latest, progress


class Control:
    """Handed to a job function (``control=True``): may it go on, and how far it is."""

    def __init__(self, token: int, latest: Any = None, progress: Any = None) -> None:
        self.token, self._latest, self._progress = token, latest, progress

    def __getstate__(self) -> dict[str, int]:   # to a child process: it finds the shared values itself
        return {"token": self.token}

    def __setstate__(self, state: dict[str, int]) -> None:
        self.token, self._latest, self._progress = state["token"], _child_latest, _child_progress

    def cancelled(self) -> bool:
        return self._latest is not None and int(self._latest.value) != self.token

    def progress(self, fraction: float) -> None:
        if self._progress is not None:
            self._progress.value = float(fraction)


def _call(fn: Callable[..., Any], args: tuple[Any, ...], control: Control | None) -> Any:
    return fn(*args) if control is None else fn(*args, control=control)


def _warm_up() -> None:
    """A first job for a new child process: it pays its start-up before any real job waits."""


class _Job:
    def __init__(self, token: int, fn: Callable[..., Any], args: tuple[Any, ...], control: bool,
                 on_done: Callable[[Any], None], on_error: Callable[[str], None] | None,
                 on_progress: Callable[[float | None], None] | None) -> None:
        self.token, self.fn, self.args, self.control = token, fn, args, control
        self.on_done, self.on_error, self.on_progress = on_done, on_error, on_progress
        self.started = 0.0


class JobRunner(QObject):
    """Latest-wins background jobs; every callback runs on the GUI thread (see module docstring)."""

    _finished = Signal(int, object)   # (token, Future), emitted from the worker side, queued to us

    def __init__(self, where: Where = "thread", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.where = where
        self._token = 0
        self._running: _Job | None = None
        self._waiting: _Job | None = None
        self._executor: Executor | None = None
        self._latest: Any = None
        self._progress: Any = None
        self._finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)
        self._ticker = QTimer(self)
        self._ticker.setInterval(PROGRESS_EVERY_MS)
        self._ticker.timeout.connect(self._report_progress)

    @property
    def busy(self) -> bool:
        """A job is running or waiting."""
        return self._running is not None or self._waiting is not None

    def start(self) -> None:
        """Start the worker now (a child process takes ~0.3 s to import NumPy) so the first job does not wait."""
        if self._executor is None:
            self._executor = self._new_executor()
            self._executor.submit(_warm_up)

    def submit(self, fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None],
               on_error: Callable[[str], None] | None = None,
               on_progress: Callable[[float | None], None] | None = None, control: bool = False) -> int:
        """Run ``fn(*args)`` (with ``control=Control`` if asked) as the newest job; returns its token."""
        self._token += 1
        if self._latest is not None:
            self._latest.value = self._token    # a running job sees it is stale at its next check
        self._waiting = _Job(self._token, fn, args, control, on_done, on_error, on_progress)
        if self._running is None:
            self._start_waiting()
        return self._token

    def cancel(self) -> None:
        """Drop the waiting job and every answer still to come; a running job is told to stop."""
        self._token += 1
        if self._latest is not None:
            self._latest.value = self._token
        self._waiting = None

    def shutdown(self) -> None:
        """Cancel and stop the worker (waits for the running job's next cancellation check)."""
        self.cancel()
        self._ticker.stop()
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
        self._running = None

    # --- inside -----------------------------------------------------------------------------
    def _new_executor(self) -> Executor:
        if self.where == "process":
            ctx = multiprocessing.get_context("spawn")   # never fork a process that runs Qt
            self._latest, self._progress = ctx.Value("q", self._token, lock=False), ctx.Value("d", -1.0, lock=False)
            return ProcessPoolExecutor(1, mp_context=ctx, initializer=_init_child,
                                       initargs=(self._latest, self._progress))
        self._latest, self._progress = _Box(self._token), _Box(-1.0)
        return ThreadPoolExecutor(1, thread_name_prefix="clubfit-job")

    def _start_waiting(self) -> None:
        job, self._waiting = self._waiting, None
        if job is None:
            return
        if self._executor is None:
            self._executor = self._new_executor()
        self._progress.value = -1.0
        control = None
        if job.control:
            control = (Control(job.token) if self.where == "process"
                       else Control(job.token, self._latest, self._progress))
        self._running = job
        job.started = time.monotonic()
        future = self._executor.submit(_call, job.fn, job.args, control)
        if job.on_progress is not None:
            self._ticker.start()
        future.add_done_callback(functools.partial(self._done_elsewhere, job.token))

    def _done_elsewhere(self, token: int, future: Future[Any]) -> None:   # worker side: over to the GUI thread
        try:
            self._finished.emit(token, future)
        except RuntimeError:   # the runner is gone (its window closed): nobody to tell
            pass

    def _on_finished(self, token: int, future: Future[Any]) -> None:
        job = self._running
        if job is None or job.token != token:
            return                     # from before a shutdown: its job is long forgotten
        self._running = None
        self._ticker.stop()
        if token == self._token and not future.cancelled():
            error = future.exception()
            if error is None:
                job.on_done(future.result())
            elif not isinstance(error, Cancelled) and job.on_error is not None:
                job.on_error(error_message(error))
        if self._running is None:
            self._start_waiting()

    def _report_progress(self) -> None:
        job = self._running
        if job is None or job.on_progress is None or time.monotonic() - job.started < PROGRESS_AFTER_S:
            return
        value = float(self._progress.value)
        job.on_progress(value if value >= 0 else None)


def error_message(error: BaseException) -> str:
    """One line for the user: an InputError says it all, anything else names its type."""
    if isinstance(error, InputError):
        return str(error)
    return f"{type(error).__name__}: {error}"


# --- file reads ------------------------------------------------------------------------------
_readers: dict[Path, JobRunner] = {}   # one latest-wins runner per file: reading it again supersedes


def in_background(path: Path) -> bool:
    try:
        return os.path.getsize(path) >= BACKGROUND_BYTES
    except OSError:
        return False   # let the reader name the problem, at once


def read_file(read: Callable[[Path], Any], path: Path, on_done: Callable[[Any], None],
              on_error: Callable[[str], None]) -> bool:
    """Call ``on_done(read(path))`` or ``on_error(message)`` on the GUI thread.

    Returns True when the file was read at once (the callback has already run), False when
    it is being read in the background.
    """
    if not in_background(path):
        try:
            value = read(path)
        except InputError as e:
            on_error(str(e))
        else:
            on_done(value)
        return True
    key = Path(path)
    runner = _readers.get(key)
    if runner is None:
        runner = _readers[key] = JobRunner("thread")
    else:
        QGuiApplication.restoreOverrideCursor()   # the superseded read's cursor

    def finish() -> None:
        QGuiApplication.restoreOverrideCursor()
        if not runner.busy:
            _readers.pop(key, None)
            runner.shutdown()
            runner.deleteLater()

    def done(value: Any) -> None:
        finish()
        on_done(value)

    def failed(message: str) -> None:
        finish()
        on_error(message)

    QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
    runner.submit(_read, read, key, on_done=done, on_error=failed)
    return False


def _read(read: Callable[[Path], Any], path: Path) -> Any:
    """Worker side: only the pure reader runs here; any reader bug becomes a message naming the file."""
    try:
        return read(path)
    except InputError:
        raise
    except Exception as e:  # noqa: BLE001
        raise InputError(f"{path.name}: cannot be read ({type(e).__name__}: {e})") from e
