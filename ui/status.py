"""The status bar: how fresh the data behind the figures is (lasting), and what SMAA is doing."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from evaluator.decision.scoring import Result
from evaluator.formatting import format_date
from evaluator.session import Change, Session


def freshness_text(session: Session) -> str:
    latest, files = session.freshness()
    if files == 0:
        return "Figures as entered (no league files)"
    plural = "s" if files != 1 else ""
    if latest is None:
        return f"No results yet in {files} league file{plural}"
    return f"Results up to {format_date(latest)} in {files} league file{plural}"


class DataFreshness(QLabel):
    """Permanent status-bar text, redone only when the case or its files change."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setAccessibleName("Data freshness")
        self.show_result(session.result)

    def show_result(self, result: Result, changes: Change = Change.ALL) -> None:
        if changes & (Change.CASE | Change.CLUBS | Change.DOCUMENT):
            self.setText(freshness_text(self.session))


class SamplingStatus(QObject):
    """The status bar's word on SMAA: "Sampling 10,000 weightings…", then done.

    Said once per burst of work, not per slider tick: "sampling" only if an answer has not
    come within SHOW_AFTER_MS (at 3 clubs it takes a few ms and nothing is said), "done" once the
    newest weights' full answer is on screen and no new job followed within REST_MS (during a
    drag the answers of each tick do not each say "done").
    """

    message = Signal(str, int)   # text, milliseconds to show it (0: until replaced)
    SHOW_AFTER_MS = 150
    REST_MS = 300
    DONE_FOR_MS = 4000

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.busy = False
        self.said = ""                      # the last thing said (tests read it)
        self._samples = 0
        self._show = _single_shot(self, self.SHOW_AFTER_MS, self._say_sampling)
        self._done = _single_shot(self, self.REST_MS, self._say_done)

    def started(self, samples: int) -> None:
        self._done.stop()
        self._samples = samples
        if not self.busy:
            self.busy = True
            self._show.start()

    def finished(self, samples: int) -> None:
        """The full answer for the newest weights is on screen."""
        self._samples = samples
        if self.busy:
            self._done.start()

    def stopped(self) -> None:
        """No answer is coming (SMAA off, failed, or the tab closed)."""
        self._show.stop()
        self._done.stop()
        if self.said.startswith("Sampling"):
            self._say("", 1)
        self.busy = False

    def _say_sampling(self) -> None:
        self._say(f"Sampling {self._samples:,} weightings…", 0)

    def _say_done(self) -> None:
        self.busy = False
        self._show.stop()
        if self.said.startswith("Sampling"):   # nothing said if it never had to wait
            self._say(f"Sampled {self._samples:,} weightings: done", self.DONE_FOR_MS)

    def _say(self, text: str, ms: int) -> None:
        self.said = text
        self.message.emit(text, ms)


def _single_shot(parent: QObject, ms: int, slot: Callable[[], None]) -> QTimer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(ms)
    timer.timeout.connect(slot)
    return timer
