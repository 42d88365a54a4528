"""SMAA off the GUI thread, latest weights win.

``submit(result, stages)`` replaces whatever was waiting; a run in progress checks between
its steps (``smaa.SMAARun``, a few ms each) whether newer weights have arrived and gives up
if so. Each finished stage (e.g. 1,000 samples, then 10,000) is delivered by ``ready(token,
SMAAResult)`` in the GUI thread; the receiver keeps only the token it last submitted, so an
answer for old weights is never drawn over a newer one, whatever the timing.

The worker is a plain Python thread (NumPy releases the GIL in its big loops, so it really
runs on the other core). ``shutdown()`` stops and joins it; the panel calls it when its window
closes, so nothing is left computing into a widget that is going away.
"""
from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from evaluator.decision.scoring import Result
from evaluator.decision.smaa import SMAARun, SMAAResult

Job = tuple[int, Result, tuple[int, ...]]


class SmaaWorker(QObject):
    ready = Signal(int, object)
    """``(token, SMAAResult)`` for one finished stage of the job ``submit`` returned ``token`` for."""
    failed = Signal(int, str)
    """``(token, message)``: the job could not be computed (e.g. out of memory); the thread lives on."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cond = threading.Condition()
        self._job: Job | None = None
        self._token = 0            # the newest submitted job; anything older is stale
        self._stop = False
        self._thread: threading.Thread | None = None
        self.busy = False          # a job is waiting or running (for tests and benchmarks)

    def submit(self, result: Result, stages: tuple[int, ...]) -> int:
        """Queue SMAA at each sample count in ``stages`` for ``result``; returns its token."""
        with self._cond:
            self._token += 1
            self._job = (self._token, result, stages)
            self.busy = True
            self._cond.notify()
            token = self._token
        if self._thread is None or not self._thread.is_alive():
            self._stop = False
            self._thread = threading.Thread(target=self._loop, name="smaa-worker", daemon=True)
            self._thread.start()
        return token

    def cancel(self) -> None:
        """Drop the waiting job and make a running one give up at its next step."""
        with self._cond:
            self._token += 1
            self._job = None

    def shutdown(self) -> None:
        """Cancel, stop the thread and wait for it (at most one SMAA step)."""
        with self._cond:
            self._token += 1
            self._job = None
            self._stop = True
            self._cond.notify()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        self.busy = False

    def _stale(self, token: int) -> bool:
        return self._stop or token != self._token

    def _loop(self) -> None:
        while True:
            with self._cond:
                while self._job is None and not self._stop:
                    self.busy = False
                    self._cond.wait()
                if self._stop:
                    return
                assert self._job is not None   # the wait ends on a job or on stop
                token, result, stages = self._job
                self._job = None
            for samples in stages:
                try:
                    out = self._run(token, result, samples)
                except Exception as e:  # noqa: BLE001 - a dead worker would leave "computing…" forever
                    try:
                        self.failed.emit(token, f"{type(e).__name__}: {e}")
                    except RuntimeError:
                        return
                    break
                if out is None:
                    break                      # newer weights arrived: start on those
                try:
                    self.ready.emit(token, out)
                except RuntimeError:           # the receiving widget is gone
                    return

    def _run(self, token: int, result: Result, samples: int) -> SMAAResult | None:
        run = SMAARun(result, samples)
        while not run.step():
            if self._stale(token):
                return None
        return None if self._stale(token) else run.outcome()
