"""How sure is the ranking: weight sweeps, stability intervals, SMAA, flips, rank reversal.

Live while on screen (a hidden tab keeps the newest result and catches up when shown), redrawn
at most once per frame (``FRAME_MS``, ``ui.frame_clock``). The exact parts are computed here,
in the frame, while that is quick (``_slow``), else in a worker process (latest wins). SMAA runs
in a niced child process, asked for once the weights have rested ``REST_MS`` (a drag's answers
were replaced before they could be drawn): a small sample first for long lists, then the full
one. Plot items are created once per shape, updated in place. What would swap the top two and
the rank-reversal warnings sit below the tab's fold: while out of sight they are neither computed
nor drawn on a move, and are brought up to date as they come into sight (``ui.panels.in_sight``).
"""
from __future__ import annotations

import time
from collections import deque
from functools import partial

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QLabel, QSplitter, QVBoxLayout, QWidget,
)

from evaluator.decision.robustness import Robustness, analyse_exact, completed, exact_job, with_smaa
from evaluator.session import Change
from evaluator.decision.scoring import Result
from evaluator.decision.smaa import SMAAResult, smaa_job
from ui import dialogs
from ui.panels.central_weights import CentralWeights
from ui.panels.flip_details import FlipDetails
from ui.panels.flip_table import FlipTable
from ui.panels.stability_table import StabilityTable
from ui.panels.in_sight import InSight
from ui.panels.steady_text import SteadyText, set_text_keeping_height
from ui.panels.warning_box import WarningBox
from ui.panels.robustness_charts import AcceptabilityChart, SweepPlots
from ui.panels.robustness_words import (  # noqa: F401 - the sample plan, read here by tests and benchmarks
    FULL_SAMPLES, LIVE_SAMPLES, smaa_samples, smaa_stages, summary_text, warnings_text,
)
from ui.background import JobRunner
from ui.frame_clock import FrameClock
from ui.status import SamplingStatus

FRAME_MS = 16            # the tab is redrawn at most once per frame of a 60 Hz screen
DUE_SLACK_S = 0.002
REST_MS = 2 * FRAME_MS   # weights unchanged this long: the drag has paused, SMAA may be drawn
WORKER_FROM_MS = FRAME_MS / 2   # exact parts slower than this here go to the worker process
SLOW_RUN = 3             # ... when this many analyses in a row were (or one took a whole frame)


class RobustnessPanel(QWidget):
    # The exact parts are computed here, in the frame, while that takes under half a frame;
    # slower (hundreds of clubs: ~0.6 s at 1,000) they go to a worker process so the window
    # keeps up. Measured (benchmarks/bench_live.py, both ways): below that, the worker's answer
    # costs a second frame per move (and lets SMAA's land inside the move), 30 vs 17 ms at 3 clubs.
    worker_from_ms = WORKER_FROM_MS

    def __init__(self, result: Result, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        box = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.warnings = WarningBox()
        self.warnings.linkActivated.connect(self._on_all_warnings)
        self.sweeps = SweepPlots()
        self.acceptability = AcceptabilityChart()
        self.stability = StabilityTable()
        self.flips = FlipTable()
        self.flips_title = self.flips.title
        self.flip_details = FlipDetails(self.flips)
        self.central = CentralWeights()
        # One above the other: side by side, both were cut off in an 800-px window.
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.sweeps)
        split.addWidget(self.acceptability)
        split.setSizes([300, 200])
        box.addWidget(SteadyText(self.summary))
        box.addWidget(split, 5)   # the two charts take the height; the tables need only their rows
        box.addWidget(self.stability, 1)
        box.addWidget(self.central, 1)
        below = (SteadyText(self.flips_title), self.flips, SteadyText(self.flip_details), SteadyText(self.warnings))
        for widget in below:   # (the title's holder: a new top two re-lays out nothing)
            box.addWidget(widget, 1 if widget is self.flips else 0)
        # Below the fold: computed and drawn only while in sight, else when they come into it.
        self.below = InSight(below, self)
        self.below.came_into_sight.connect(self._catch_up_below)
        self.jobs = JobRunner("process", self, preload=("evaluator.decision.smaa",))   # own interpreter lock
        self.jobs.start()
        # The exact parts once they are slow (~0.6 s at 1,000 clubs), in a second process at the
        # GUI's priority, so they never queue behind a long SMAA job. Started once an analysis
        # here took longer than ``worker_from_ms``, not with the tab: two children importing
        # NumPy at once delayed the first SMAA answer.
        self.exact = JobRunner("process", self, preload=("evaluator.decision.robustness",), niceness=0)
        self._smaa_error = ""
        self.sampling = SamplingStatus(self)     # what the status bar says about SMAA
        self._frame = QTimer(self)               # the next redraw, at most one per frame
        self._frame.setSingleShot(True)
        self._frame.timeout.connect(self._draw_frame)
        self._rest = QTimer(self)                # SMAA is asked for once the weights rest
        self._rest.setSingleShot(True)
        self._rest.timeout.connect(self._on_rest)
        self._smaa_wanted: tuple[Result, tuple[int, ...]] | None = None
        self._change_frames = FrameClock(FRAME_MS / 1000)   # when a change's frame may run next
        self._last_smaa_frame = -1.0
        self._last_change_at = -1.0              # when the weights (or anything) last changed
        self._stale: Result | None = result   # newest result not yet analysed (drawn at the next frame)
        self._stale_changes = Change.ALL        # what changed since the last analysis
        self._asked: Result | None = None       # sent to the exact worker, answer not yet in
        self._exact_ms: deque[float] = deque(maxlen=SLOW_RUN)   # what the last exact analyses took
        self._exact_in: Robustness | None = None   # its answer, drawn at the next frame
        self._smaa_in: SMAAResult | None = None   # arrived, drawn at the next frame
        self._latest: Robustness | None = None
        self._shown_smaa: SMAAResult | None = None   # drawn in the chart (may be for older weights)

    @property
    def latest(self) -> Robustness | None:
        """What is on screen: the exact parts for the newest weights, with SMAA once it arrives.
        Reading it brings a visible tab up to date first, computing here what the worker has not
        answered yet (tests and the report read it)."""
        if self.isVisible() and self.pending():
            self._frame.stop()
            newest = self._stale if self._stale is not None else self._asked
            if newest is not None:
                self._analyse(newest)
            else:
                self._draw_frame(force=True)
        self._catch_up_below(whoever_reads=True)
        return self._latest

    def pending(self) -> bool:
        """Whether what the tab shows is behind the newest change: its exact parts not drawn yet,
        or an SMAA answer due. An SMAA answer held while the weights move is not (``_smaa_due``):
        it waits for the drag to pause, and a newer change replaces it."""
        return (self._stale is not None or self._asked is not None or self._exact_in is not None
                or (self._smaa_in is not None and time.monotonic() + DUE_SLACK_S >= self._smaa_due()))

    # --- following the session ----------------------------------------------------------
    def show_result(self, result: Result, changes: Change = Change.ALL) -> None:
        self._last_change_at = time.monotonic()
        self._stale_changes |= changes
        self._stale = result           # a hidden tab catches up when shown (showEvent)
        if self.isVisible():
            self._ask(result)          # in the frame, or by the worker when that is slow
        else:                          # work for a result nobody will see: stop it, redone when shown
            self.exact.cancel()
            self._asked = self._smaa_wanted = None
            self._rest.stop()
            if self.jobs.busy:
                self.jobs.cancel()
                self.sampling.stopped()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.below.follow_scrolling()
        newest = self._stale if self._stale is not None else self._asked
        if newest is not None:
            self._analyse(newest)      # at once: the tab must not show old numbers for a frame
        elif self._smaa_in is not None or self._exact_in is not None:
            self._draw_frame(force=True)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop the worker processes (the window is closing); a later change starts them again."""
        self.jobs.shutdown()
        self.exact.shutdown()
        self.sampling.stopped()
        self._frame.stop()
        self._rest.stop()
        self._smaa_in = self._smaa_wanted = None
        if self._asked is not None or self._exact_in is not None:
            self._stale = self._asked if self._asked is not None else self._exact_in.result  # type: ignore[union-attr]
            self._asked = self._exact_in = None
        if self._latest is not None and self._latest.smaa is None and self._stale is None:
            self._stale = self._latest.result     # its SMAA never arrived: redo when shown again

    def _due(self) -> float | None:
        """When the next redraw may run (``time.monotonic()``), None when nothing waits. A
        change's exact parts and SMAA's answers each redraw their part at most once a frame, on
        their own clocks: an SMAA answer drawn a moment ago must not hold back the next change
        (it did, by up to a frame: the tab then answered a slider move ~10 ms late)."""
        due = []
        if self._stale is not None or self._exact_in is not None:
            due.append(self._change_frames.due())
        if self._smaa_in is not None:
            due.append(self._smaa_due())
        return min(due) if due else None

    def _smaa_due(self) -> float:
        """An SMAA answer is drawn once the weights have rested for ``REST_MS``, at most once a
        frame. During a drag each move brings newer weights, whose exact parts replace the
        answer before it is drawn, so the rank-share chart catches up when the drag pauses
        (~35 ms after it at 3 clubs, the full 10,000-sample answer ~170 ms at 100). Drawn
        inside the moves, the previews had cost 100-club moves ~12 ms each (their p95)."""
        return max(self._last_smaa_frame + FRAME_MS / 1000, self._last_change_at + REST_MS / 1000)

    def _schedule(self) -> None:
        # Hidden: nothing is drawn (showEvent catches up). An SMAA answer arriving in a hidden tab
        # used to draw a frame, which analysed the newest result and sent SMAA again: with clubs
        # added on the Ranking tab, every add re-built the sweep plots out of sight (~0.5 s).
        due = self._due()
        if due is None or not self.isVisible():
            return
        wait = max(0, int(1000 * (due - time.monotonic())))
        if not self._frame.isActive() or self._frame.remainingTime() > wait:
            self._frame.start(wait)

    def _draw_frame(self, force: bool = False) -> None:
        if not self.isVisible():   # a frame due as the tab was left: showEvent draws it
            return
        now = time.monotonic()
        soon = now + DUE_SLACK_S       # the timer counts whole milliseconds
        if (self._stale is not None or self._exact_in is not None) and (
                force or soon >= self._change_frames.due()):
            self._change_frames.drawn(self._last_change_at, now)
            if self._stale is not None:
                self._analyse(self._stale, timed=True)
            elif self._exact_in is not None:
                rb, self._exact_in = self._exact_in, None
                self._show_exact(rb)
        elif self._smaa_in is not None and (force or soon >= self._smaa_due()):
            self._last_smaa_frame = now
            self._show_smaa(self._smaa_in)
        self._schedule()               # whatever still waits

    def _ask(self, result: Result) -> None:
        """The exact parts for ``result``: in the next frame, here, unless they have been slow
        (``_slow``); then from the worker process (latest wins), the GUI thread painting the rest
        of the window meanwhile and drawing them when they land."""
        if not self._slow() or not self.exact.started:
            self._stale = result        # computed here, in the frame (which starts the worker
            self._schedule()            # once that is slow)
            return
        self._stale, self._asked = None, result
        self.exact.submit(exact_job, result, on_done=partial(self._on_exact, result),
                          on_error=partial(self._on_exact_failed, result))

    def _slow(self) -> bool:
        """Whether the exact parts go to the worker: the last analysis took twice ``worker_from_ms``
        (a whole frame), or the last few all took over it. One slow analysis alone does not count:
        a new top two misses the figure-flip cache (~11 ms at 100 clubs, ~5 usually), and that one
        miss had sent every later move to the worker."""
        times = self._exact_ms
        return bool(times) and (times[-1] >= 2 * self.worker_from_ms
                                or (len(times) == SLOW_RUN and min(times) >= self.worker_from_ms))

    def _on_exact(self, result: Result, answer: tuple[float, tuple[object, ...]]) -> None:
        if result is not self._asked:
            return                      # for weights that have moved on since: never drawn
        self._asked = None
        took, parts = answer            # quick again (fewer clubs): the next ones are done here
        self._exact_ms.append(took)
        self._exact_in = Robustness(result, *parts)   # type: ignore[arg-type]  # the fields, in order
        self._schedule()

    def _on_exact_failed(self, result: Result, _message: str) -> None:
        if result is self._asked:       # the worker died: this process does the work instead
            self._analyse(result)

    def _analyse(self, result: Result, timed: bool = False) -> None:
        """The exact parts computed here, at once (the tab is shown, or someone reads ``latest``)."""
        self.exact.cancel()
        self._stale = self._asked = self._exact_in = None
        start = time.perf_counter()
        rb = analyse_exact(result, swaps=self.below.now())
        if timed:                       # (the first one, as the tab is shown, runs cold)
            self._exact_ms.append(1000 * (time.perf_counter() - start))
            if self._slow() and not self.exact.started:
                self.exact.start()      # for the next changes
        self._show_exact(rb)

    def _show_exact(self, rb: Robustness) -> None:
        self._smaa_in = None
        result = rb.result
        self._smaa_error = ""
        new_clubs, self._stale_changes = bool(self._stale_changes & Change.CLUBS), Change.NONE
        if self._shown_smaa is not None and new_clubs:
            self._shown_smaa = None       # another set of clubs: the old bars say nothing about it
            self.acceptability.clear_bars()
        stages = smaa_stages(len(result.scenario.clubs)) if rb.sweeps else ()
        if not stages:
            self.jobs.cancel()
            self.sampling.stopped()
            self._shown_smaa = None
            self.acceptability.clear_bars()
        self._draw(rb)
        if stages:   # after drawing: waking the SMAA process can cost this process its time slice
            self._ask_smaa(result, stages)

    def _ask_smaa(self, result: Result, stages: tuple[int, ...]) -> None:
        """SMAA for these weights once they have rested ``REST_MS``. During a drag each move's
        answer was replaced before it could be drawn (``_smaa_due``), yet computing it took a
        core from the window on a two-core machine, and sending it 0.4 ms a move."""
        if self.jobs.busy:
            self.jobs.cancel()          # for weights already left behind
        wait = self._last_change_at + REST_MS / 1000 - time.monotonic()
        if wait <= DUE_SLACK_S:
            self._smaa_wanted = None
            self._submit_smaa(result, stages)
        else:
            self._smaa_wanted = (result, stages)
            self._rest.start(int(1000 * wait) + 1)

    def _on_rest(self) -> None:
        wanted, self._smaa_wanted = self._smaa_wanted, None
        if wanted is not None and self.isVisible() and self._latest is not None and self._latest.result is wanted[0]:
            self._ask_smaa(*wanted)     # (waits on if a change came in meanwhile)

    def _submit_smaa(self, result: Result, stages: tuple[int, ...]) -> None:
        """The newest weights' SMAA, one stage per job: a running job for older weights stops at
        its next step and its answer is dropped (latest wins)."""
        p = result.prepared
        self.sampling.started(smaa_samples(len(result.scenario.clubs), resting=True))
        self.jobs.submit(smaa_job, p.utilities, stages[0], 0, p.missing if p.missing.any() else None, control=True,
                         on_done=partial(self._on_smaa, result, stages[1:]), on_error=self._on_smaa_failed)

    def _on_smaa_failed(self, message: str) -> None:
        self._smaa_error = message
        self.sampling.stopped()
        set_text_keeping_height(self.summary, self._summary())

    def _on_smaa(self, result: Result, rest: tuple[int, ...], mc: SMAAResult | None) -> None:
        if mc is None or self._latest is None or self._latest.result is not result:
            return                      # for weights that have moved on since: never drawn
        if rest:
            self._submit_smaa(result, rest)
        elif not self.isVisible():
            self.sampling.stopped()     # nothing more is coming; it is drawn when the tab is shown
        self._smaa_in = mc
        self._schedule()

    def _show_smaa(self, mc: SMAAResult) -> None:
        assert self._latest is not None
        self._smaa_in = None
        self._shown_smaa = mc
        self.acceptability.show_smaa(self._latest.result, mc)
        self.central.show_smaa(self._latest.result, mc)
        self._latest = with_smaa(self._latest, mc)
        if self._stale is None and self._asked is None and mc.n_samples == smaa_samples(len(mc.first_rank), resting=True):
            self.sampling.finished(mc.n_samples)   # the newest weights' full answer is on screen
        set_text_keeping_height(self.summary, self._summary())
        if self._latest.whole:
            self._set_warnings(self._latest.messages)

    # --- drawing ---------------------------------------------------------------------------
    def _draw(self, rb: Robustness) -> None:
        self._latest = rb
        self.sweeps.show_robustness(rb)
        self.stability.show_robustness(rb)
        if rb.result.scenario.clubs is not getattr(self, "_clubs", None):   # another list: heights start afresh
            self._clubs = rb.result.scenario.clubs
            for label in (self.summary, self.warnings, self.flip_details, self.flips_title):
                holder = label.parentWidget()
                assert isinstance(holder, SteadyText)
                holder.reset()
        set_text_keeping_height(self.summary, self._summary())
        if rb.whole:
            self._draw_below(rb)

    def _draw_below(self, rb: Robustness) -> None:
        self.flips.show_robustness(rb)
        self._set_warnings(rb.messages)

    def _catch_up_below(self, whoever_reads: bool = False) -> None:
        """What would swap the top two and the warnings, for the weights on screen: they came
        into sight, or someone reads ``latest``. Not for weights already left behind: the next
        frame analyses the newest ones, these parts included, now that they are in sight."""
        if self._latest is not None and not self._latest.whole and (self._stale is None or whoever_reads):
            self._latest = completed(self._latest)
            self._draw_below(self._latest)

    def _on_all_warnings(self, _link: str) -> None:
        if self._latest is not None:
            dialogs.show_list(self, "Rank reversals and other warnings", self._latest.messages)

    def _set_warnings(self, messages: tuple[str, ...]) -> None:
        """Always shown, so a warning coming and going while a slider moves does not re-lay
        out the tab: a warning box, or a plain line saying there is nothing to warn about."""
        set_text_keeping_height(self.warnings, self.warnings.markup(warnings_text(messages), bool(messages)))

    def _summary(self) -> str:
        assert self._latest is not None
        return summary_text(self._latest, self._shown_smaa, self._smaa_error)

