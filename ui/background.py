"""Read a file off the GUI thread when it is big enough to freeze the window.

Measured here (benchmarks, suite ``data``): a 1 MB CSV season file parses in about 175 ms,
openfootball JSON at about 20 ms per MB; the shipped files (20-95 KB) take 2-5 ms. Anything under
BACKGROUND_BYTES is read at once on the GUI thread (the user sees the result immediately);
anything bigger could pass 100 ms on a slower machine, so it is parsed in the global thread
pool and the window stays live. The result comes back on the GUI thread, where the workspace
and the session are changed. Parsing is pure (``evaluator`` readers): the worker shares nothing
with the GUI but the path.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtGui import QGuiApplication

from evaluator.errors import InputError

BACKGROUND_BYTES = 100_000   # a CSV this size: ~18 ms here, so a 5x slower machine stays under 100 ms

_running: set["_Job"] = set()   # keeps each job's signal object alive until it reports


class _Job(QObject):
    """Lives on the GUI thread: signals emitted by the worker are queued to its slots there."""
    done = Signal(object)
    failed = Signal(str)

    def __init__(self, on_done: Callable[[Any], None], on_error: Callable[[str], None]) -> None:
        super().__init__()
        self.on_done, self.on_error = on_done, on_error
        self.done.connect(self._done)
        self.failed.connect(self._failed)

    @Slot(object)
    def _done(self, value: Any) -> None:
        self._finish()
        self.on_done(value)

    @Slot(str)
    def _failed(self, message: str) -> None:
        self._finish()
        self.on_error(message)

    def _finish(self) -> None:
        _running.discard(self)
        QGuiApplication.restoreOverrideCursor()


class _Task(QRunnable):
    def __init__(self, job: _Job, read: Callable[[Path], Any], path: Path) -> None:
        super().__init__()
        self.job, self.read, self.path = job, read, path

    def run(self) -> None:   # worker thread: only the pure reader runs here
        try:
            value = self.read(self.path)
        except InputError as e:
            self.job.failed.emit(str(e))
        except Exception as e:  # noqa: BLE001 - any reader bug becomes a message, not a dead worker
            self.job.failed.emit(f"{self.path.name}: cannot be read ({type(e).__name__}: {e})")
        else:
            self.job.done.emit(value)


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
    job = _Job(on_done, on_error)
    _running.add(job)
    QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
    QThreadPool.globalInstance().start(_Task(job, read, path))
    return False
