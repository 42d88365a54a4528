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
  lock, so the GUI thread never waits on it; inputs and answers are pickled (a few kB) over
  a pipe. The function and its arguments must be picklable (module-level functions); the
  child is started once (``start()`` or the first job) and reused until ``shutdown()``.

Measured here (benchmarks, suite ``data``): a 1 MB CSV season file parses in about 175 ms;
the shipped files (20-95 KB) take 2-5 ms. Files under BACKGROUND_BYTES are read at once on the
GUI thread (the user sees the result immediately); bigger ones in a thread.
"""
from __future__ import annotations

import multiprocessing
import os
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Callable, Literal

from PySide6.QtCore import QObject, QSocketNotifier, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication

from evaluator import errors
from evaluator.errors import InputError

BACKGROUND_BYTES = 100_000   # a CSV this size: ~18 ms here, so a 5x slower machine stays under 100 ms
PROGRESS_AFTER_S = 0.5
PROGRESS_EVERY_MS = 100
CHILD_NICENESS = 10   # waking the child used to preempt the GUI process for its whole time slice
# (a child whose answer the user waits for on every move, as the How sure tab's exact parts,
# runs at the GUI's own priority: niceness=0)

Where = Literal["thread", "process"]


Cancelled = errors.Cancelled   # raised by a job function that saw ``control.cancelled()``; dropped silently


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


def _outcome(fn: Callable[..., Any], args: tuple[Any, ...], control: Control | None) -> tuple[str, Any]:
    """("done", value), ("cancelled", None) or ("error", one-line message): whatever the job does."""
    try:
        return "done", _call(fn, args, control)
    except Cancelled:
        return "cancelled", None
    except Exception as e:  # noqa: BLE001 - any bug in a job becomes a message, not a dead worker
        return "error", error_message(e)


def _child_main(conn: Any, latest: Any, progress: Any, preload: tuple[str, ...], niceness: int) -> None:
    """The worker process: one job at a time from the pipe, one answer back for each."""
    import importlib
    _init_child(latest, progress)
    try:   # background work: on a busy machine the GUI process keeps the CPU it needs for a frame
        if niceness:
            os.nice(niceness)
    except OSError:
        pass
    for name in preload:                       # paid at start-up, not by the first job
        importlib.import_module(name)
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        token, fn, args, control = msg
        if int(latest.value) != token:
            try:
                conn.send((token, "cancelled", None))   # superseded while it waited in the pipe
            except OSError:
                return
            continue
        try:
            conn.send((token, *_outcome(fn, args, control)))
        except OSError:       # the parent is gone (closed or killed): nobody to answer
            return


class _Job:
    def __init__(self, token: int, fn: Callable[..., Any], args: tuple[Any, ...], control: bool,
                 on_done: Callable[[Any], None], on_error: Callable[[str], None] | None,
                 on_progress: Callable[[float | None], None] | None) -> None:
        self.token, self.fn, self.args, self.control = token, fn, args, control
        self.on_done, self.on_error, self.on_progress = on_done, on_error, on_progress
        self.started = 0.0


class JobRunner(QObject):
    """Latest-wins background jobs; every callback runs on the GUI thread (see module docstring).

    The process backend talks to its child over a pipe watched by a ``QSocketNotifier``: no
    helper thread in this process (a ``ProcessPoolExecutor``'s manager and feeder threads took
    the interpreter lock from the GUI thread, ~5 ms per submitted job).
    """

    _finished = Signal(int, str, object)   # (token, kind, value) from a worker thread, queued to us

    def __init__(self, where: Where = "thread", parent: QObject | None = None,
                 preload: tuple[str, ...] = (), niceness: int = CHILD_NICENESS) -> None:
        super().__init__(parent)
        self.where, self.preload, self.niceness = where, preload, niceness
        self._token = 0
        self._running: _Job | None = None
        self._waiting: _Job | None = None
        self._executor: ThreadPoolExecutor | None = None
        self._child: Any = None
        self._conn: Any = None
        self._notifier: QSocketNotifier | None = None
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

    @property
    def started(self) -> bool:
        return self._executor is not None or self._child is not None

    def start(self) -> None:
        """Start the worker now (a child process takes ~0.3 s to import NumPy) so the first job does not wait."""
        if not self.started:
            self._start_worker()

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
        if self._child is not None:
            assert self._notifier is not None
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            try:
                self._conn.send(None)
            except OSError:
                pass
            self._child.join(timeout=5)
            if self._child.is_alive():   # a job that never checks for cancellation
                self._child.terminate()
                self._child.join()
            self._conn.close()
            self._child = self._conn = self._notifier = None
        self._running = None

    # --- inside -----------------------------------------------------------------------------
    def _start_worker(self) -> None:
        if self.where == "process":
            ctx = multiprocessing.get_context("spawn")   # never fork a process that runs Qt
            self._latest, self._progress = ctx.Value("q", self._token, lock=False), ctx.Value("d", -1.0, lock=False)
            self._conn, child_end = ctx.Pipe()
            self._child = ctx.Process(target=_child_main, name="clubfit-jobs", daemon=True,
                                      args=(child_end, self._latest, self._progress, self.preload, self.niceness))
            self._child.start()
            child_end.close()
            self._notifier = QSocketNotifier(self._conn.fileno(), QSocketNotifier.Type.Read, self)
            self._notifier.activated.connect(self._from_child)
        else:
            self._latest, self._progress = _Box(self._token), _Box(-1.0)
            self._executor = ThreadPoolExecutor(1, thread_name_prefix="clubfit-job")

    def _start_waiting(self) -> None:
        job, self._waiting = self._waiting, None
        if job is None:
            return
        if not self.started:
            self._start_worker()
        self._progress.value = -1.0
        self._running = job
        job.started = time.monotonic()
        if job.on_progress is not None:
            self._ticker.start()
        if self._child is not None:
            try:
                self._conn.send((job.token, job.fn, job.args, Control(job.token) if job.control else None))
            except OSError:            # the child died since its last answer (killed, out of memory)
                self._child_died()     # this job gets on_error; the next submit starts a new child
            return
        assert self._executor is not None
        control = Control(job.token, self._latest, self._progress) if job.control else None
        self._executor.submit(self._in_thread, job.token, job.fn, job.args, control)

    def _in_thread(self, token: int, fn: Callable[..., Any], args: tuple[Any, ...], control: Control | None) -> None:
        kind, value = _outcome(fn, args, control)
        try:
            self._finished.emit(token, kind, value)
        except RuntimeError:   # the runner is gone (its window closed): nobody to tell
            pass

    def _from_child(self) -> None:
        while self._conn is not None and self._conn.poll():
            try:
                token, kind, value = self._conn.recv()
            except (EOFError, OSError):   # the child died (killed, out of memory)
                self._child_died()
                return
            self._on_finished(token, kind, value)

    def _child_died(self) -> None:
        job = self._running
        self.shutdown()
        if job is not None and job.on_error is not None:
            job.on_error("the background process stopped unexpectedly")

    def _on_finished(self, token: int, kind: str, value: Any) -> None:
        job = self._running
        if job is None or job.token != token:
            return                     # from before a shutdown: its job is long forgotten
        self._running = None
        self._ticker.stop()
        if token == self._token:
            if kind == "done":
                job.on_done(value)
            elif kind == "error" and job.on_error is not None:
                job.on_error(value)
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
