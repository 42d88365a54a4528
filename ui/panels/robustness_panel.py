"""How sure is the ranking: weight sweeps, stability intervals, SMAA, flips, rank reversal.

Live on every change while the tab is on screen (a hidden tab only remembers the newest
result and catches up when shown): the sweeps, intervals, flips and rank reversals are exact
and cheap, so they are computed and drawn at once. SMAA runs in a worker thread
(``ui.smaa_worker``): a small sample first, then the full one unless newer weights arrive
first; the summary says which sample is on screen and whether it is refining. Plot items
are created once per shape and updated in place.
"""
from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QHeaderView, QLabel, QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from evaluator.decision.robustness import Robustness, analyse_exact, with_smaa
from evaluator.session import Change
from evaluator.decision.scoring import Result
from evaluator.decision.smaa import SMAAResult
from evaluator.report_robustness import SMAA_MAX_CLUBS, flip_rows, stability_cells
from ui import dialogs
from ui.palette import WARNING_BG, WARNING_BORDER, WARNING_TEXT
from ui.panels.central_weights import CentralWeights
from ui.panels.flip_details import FlipDetails
from ui.panels.robustness_charts import AcceptabilityChart, SweepPlots
from ui.smaa_worker import SmaaWorker

LIVE_SAMPLES = 1_000      # first answer for new weights
FULL_SAMPLES = 10_000     # then refined to this, unless the weights move on first
SMAA_EVERY_MS = 100      # while weights keep changing, a new SMAA job at most this often
DIRECT_FULL_UP_TO = 20   # clubs: SMAA 10,000 in ~5 ms or less (benchmarks, suite robustness)
MAX_WARNINGS_SHOWN = 5
FLIP_HEADERS = ["Criterion", "What changes", "Change needed", "Outcome", "In words"]
MAX_SMAA_CLUBS = SMAA_MAX_CLUBS   # SMAA's pairwise index grows with clubs squared x samples; as in the report


def smaa_stages(n_clubs: int) -> tuple[int, ...]:
    """Sample counts the worker computes in turn for one set of weights (empty: SMAA off)."""
    live, full = smaa_samples(n_clubs, False), smaa_samples(n_clubs, True)
    if full == 0:
        return ()
    if n_clubs <= DIRECT_FULL_UP_TO:   # 10,000 samples take a few ms here: a first, smaller answer
        return (full,)                 # would only cost one more redraw per slider tick
    return (live, full) if live < full else (full,)


def smaa_samples(n_clubs: int, resting: bool) -> int:
    """Samples to draw: full when the slider rests, fewer while it moves or for long lists."""
    if n_clubs > MAX_SMAA_CLUBS:
        return 0
    if resting:
        return FULL_SAMPLES if n_clubs <= 100 else LIVE_SAMPLES
    return LIVE_SAMPLES if n_clubs <= 20 else LIVE_SAMPLES // 5


WARNING_STYLE = (f"QLabel {{ background:{WARNING_BG}; border:1px solid {WARNING_BORDER};"
                 " border-radius:4px; padding:6px; color:" + WARNING_TEXT + "; }")
CLEAR_STYLE = "QLabel { border:1px solid transparent; padding:6px; }"   # the theme's text colour


def set_text_keeping_height(label: QLabel, text: str) -> None:
    """Set a wrapped label's text without letting it shrink while the set of clubs stays.

    On every slider tick these texts change length; a label whose wrapped height changed
    made the whole tab re-lay out and resize its charts (33 resizes in 50 ticks, most of a
    20 ms tick at 3 clubs). Holding the tallest height seen lets a new line or two in, once.
    """
    if label.text() == text:
        return
    label.setText(text)
    longest = label.property("longest") or 0
    if len(text) > longest:   # measuring rich text costs ms at 100 clubs: only for a new longest text
        label.setProperty("longest", len(text))
        needed = label.heightForWidth(max(label.width(), 1))
        if needed > label.minimumHeight():
            label.setMinimumHeight(needed)


class RobustnessPanel(QWidget):
    def __init__(self, result: Result, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        box = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self._warning_state: bool | None = None
        self.warnings.linkActivated.connect(self._on_all_warnings)
        self.sweeps = SweepPlots()
        self.acceptability = AcceptabilityChart()
        self.stability = QTableWidget(0, 4)
        self.stability.setHorizontalHeaderLabels(["Criterion", "Share now", "First place holds for share",
                                                  "Whole ranking holds for share"])
        self.stability.verticalHeader().hide()
        self.stability.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # A table, not a paragraph: the sentences change on every tick, and re-laying out ~1,600
        # characters of wrapped text cost 4 ms a tick; cells update in place and wrap nothing.
        self.flips = QTableWidget(0, len(FLIP_HEADERS))
        self.flips.setHorizontalHeaderLabels(FLIP_HEADERS)
        self.flips.verticalHeader().hide()
        self.flips.setWordWrap(False)
        self.flips.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.flips.setToolTip("What would swap the top two: the smallest change of one weight share "
                              "(the others in proportion) or of one figure in its own unit.")
        self.flips.horizontalHeader().setStretchLastSection(True)   # columns sized once per shape, not per tick
        self.flips_title = QLabel()
        self.flip_details = FlipDetails(self.flips)
        self.central = CentralWeights()
        for table in (self.stability, self.flips):
            table.setTabKeyNavigation(False)   # Tab leaves the table instead of cycling its cells
        self.stability.setAccessibleName("Stability intervals")
        self.stability.setAccessibleDescription("For each criterion, the range of its weight share over which "
                                                "first place, and the whole ranking, stay as they are.")
        self.flips.setAccessibleName("What would swap the top two")
        self.flips.setAccessibleDescription("One row per change that could put the runner-up first; "
                                            "the full sentence of the current row is under the table.")
        # One above the other: side by side, both were cut off in an 800-px window.
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.sweeps)
        split.addWidget(self.acceptability)
        split.setSizes([300, 200])
        box.addWidget(self.summary)
        box.addWidget(split, 5)   # the two charts take the height; the tables need only their rows
        box.addWidget(self.stability, 1)
        box.addWidget(self.central, 1)
        box.addWidget(self.flips_title)
        box.addWidget(self.flips, 1)
        box.addWidget(self.flip_details)
        box.addWidget(self.warnings)
        self.worker = SmaaWorker(self)
        self.worker.ready.connect(self._on_smaa)
        self.worker.failed.connect(self._on_smaa_failed)
        self._smaa_error = ""
        self._token = 0                       # the SMAA job for the weights on screen
        self._pending: tuple[Result, tuple[int, ...]] | None = None   # SMAA waiting for its slot
        self._last_submit = -1.0
        self._smaa_slot = QTimer(self)
        self._smaa_slot.setSingleShot(True)
        self._smaa_slot.timeout.connect(self._submit_pending)
        self._stale: Result | None = result   # newest result not yet analysed (tab hidden)
        self._stale_changes = Change.ALL        # what changed since the last analysis
        self.latest: Robustness | None = None
        """What is on screen: the exact parts for the newest weights, with SMAA once it arrives."""
        self._shown_smaa: SMAAResult | None = None   # drawn in the chart (may be for older weights)

    # --- following the session ----------------------------------------------------------
    def show_result(self, result: Result, changes: Change = Change.ALL) -> None:
        self._stale_changes |= changes
        if not self.isVisible():
            self._stale = result       # nobody sees it: catch up when shown (showEvent)
            return
        self._analyse(result)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale is not None:
            self._analyse(self._stale)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop the SMAA worker (the window is closing); a later change starts it again."""
        self.worker.shutdown()
        self._smaa_slot.stop()
        self._pending = None
        self._token = -1                         # answers already queued for delivery are dropped
        if self.latest is not None and self.latest.smaa is None:
            self._stale = self.latest.result     # its SMAA never arrived: redo when shown again

    def _analyse(self, result: Result) -> None:
        self._stale = None
        rb = analyse_exact(result)
        self._smaa_error = ""
        new_clubs, self._stale_changes = bool(self._stale_changes & Change.CLUBS), Change.NONE
        if self._shown_smaa is not None and new_clubs:
            self._shown_smaa = None       # another set of clubs: the old bars say nothing about it
            self.acceptability.clear_bars()
        stages = smaa_stages(len(result.scenario.clubs)) if rb.sweeps else ()
        if stages:
            self._queue_smaa(result, stages)
        else:
            self.worker.cancel()
            self._smaa_slot.stop()
            self._pending = None
            self._token = 0
            self._shown_smaa = None
            self.acceptability.clear_bars()
        self._draw(rb)

    def _queue_smaa(self, result: Result, stages: tuple[int, ...]) -> None:
        """Start SMAA for these weights now, or, while they keep changing, at most every
        SMAA_EVERY_MS: a new job per tick kept the worker busy and fighting the GUI thread for
        the interpreter (4 ms of a 15 ms tick at 3 clubs, 12 of 27 at 20). The last change
        always gets its job; until it lands the summary says the numbers are updating."""
        self.worker.cancel()              # whatever runs is for weights that are gone
        self._token = -1                  # and nothing it still delivers is drawn
        self._pending = (result, stages)
        wait_ms = SMAA_EVERY_MS - 1000 * (time.monotonic() - self._last_submit)
        if wait_ms <= 0:
            self._submit_pending()
        elif not self._smaa_slot.isActive():
            self._smaa_slot.start(int(wait_ms) + 1)

    def _submit_pending(self) -> None:
        if self._pending is None:
            return
        result, stages = self._pending
        self._pending = None
        self._last_submit = time.monotonic()
        self._token = self.worker.submit(result, stages)

    def _on_smaa_failed(self, token: int, message: str) -> None:
        if token == self._token:
            self._smaa_error = message
            set_text_keeping_height(self.summary, self._summary())

    def _on_smaa(self, token: int, mc: SMAAResult) -> None:
        if token != self._token or self.latest is None:
            return                      # for weights that have moved on since: never drawn
        self._shown_smaa = mc
        self.acceptability.show_smaa(self.latest.result, mc)
        self.central.show_smaa(self.latest.result, mc)
        self.latest = with_smaa(self.latest, mc)
        set_text_keeping_height(self.summary, self._summary())
        self._set_warnings(self.latest.messages)

    # --- drawing ---------------------------------------------------------------------------
    def _draw(self, rb: Robustness) -> None:
        self.latest = rb
        self.sweeps.show_robustness(rb)
        s = rb.result.scenario
        self.stability.setRowCount(len(rb.stability))
        for r, st in enumerate(rb.stability):
            cells = stability_cells(st, s)
            for c, text in enumerate(cells):
                item = self.stability.item(r, c)
                if item is None:
                    self.stability.setItem(r, c, QTableWidgetItem(text))
                elif item.text() != text:
                    item.setText(text)
        if rb.result.scenario.clubs is not getattr(self, "_clubs", None):   # another list: heights start afresh
            self._clubs = rb.result.scenario.clubs
            for label in (self.summary, self.warnings):
                label.setMinimumHeight(0)
                label.setProperty("longest", 0)
        set_text_keeping_height(self.summary, self._summary())
        self._show_flips(rb)
        self._set_warnings(rb.messages)

    def _show_flips(self, rb: Robustness) -> None:
        s = rb.result.scenario
        title = (f"<b>What would swap the top two</b> ({s.clubs[rb.top_two[0]].name} and "
                 f"{s.clubs[rb.top_two[1]].name})" if rb.top_two else "<b>What would swap the top two</b>: "
                 "there is no runner-up to swap with")
        if self.flips_title.text() != title:
            self.flips_title.setText(title)
        rows = flip_rows(rb)
        new_shape = self.flips.rowCount() != len(rows)
        if new_shape:
            self.flips.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate((row.criterion, row.change, row.needed, row.outcome, row.sentence)):
                item = self.flips.item(r, c)
                if item is None:
                    item = QTableWidgetItem(text)
                    self.flips.setItem(r, c, item)
                elif item.text() != text:
                    item.setText(text)
                else:
                    continue
                item.setToolTip(row.sentence)
        if new_shape:   # asking every cell for its size on every tick cost more than the rest
            for c in range(len(FLIP_HEADERS) - 1):
                self.flips.resizeColumnToContents(c)
            shown = min(len(rows), 10)   # up to 10 rows without scrolling inside the tab
            self.flips.setMinimumHeight(self.flips.horizontalHeader().height() + 4
                                        + shown * self.flips.verticalHeader().defaultSectionSize())

    def _on_all_warnings(self, _link: str) -> None:
        if self.latest is not None:
            dialogs.show_list(self, "Rank reversals and other warnings", self.latest.messages)

    def _set_warnings(self, messages: tuple[str, ...]) -> None:
        """Always shown, so a warning coming and going while a slider moves does not re-lay
        out the tab: a warning box, or a plain line saying there is nothing to warn about."""
        warn = bool(messages)
        if warn != self._warning_state:   # restyle only when the state flips
            self._warning_state = warn
            self.warnings.setStyleSheet(WARNING_STYLE if warn else CLEAR_STYLE)
        shown = messages[:MAX_WARNINGS_SHOWN]   # 100 clubs can give hundreds; 10,000 characters took 40 ms to paint
        more = len(messages) - len(shown)
        extra = f"<br>… and {more} more: <a href='all'>show all {len(messages)}</a>" if more > 0 else ""
        text = ("<br>".join(f"⚠ {m}" for m in shown) + extra if warn else
                "✓ No rank reversal: leaving any one club out does not change the order of the others.")
        set_text_keeping_height(self.warnings, text)

    def _summary(self) -> str:
        rb = self.latest
        assert rb is not None
        s = rb.result.scenario
        n = len(s.clubs)
        if not rb.sweeps:
            return "No ranking to test."
        if not smaa_stages(n):
            return f"SMAA is off above {MAX_SMAA_CLUBS} clubs (its cost grows with clubs squared)."
        if self._smaa_error:
            return f"<b>First place across random weightings</b>: could not be computed ({self._smaa_error})."
        mc = rb.smaa or self._shown_smaa
        if mc is None:
            return "<b>First place across random weightings</b>: computing…"
        first = mc.first_rank
        parts = ", ".join(f"{s.clubs[i].name} {100 * first[i]:.1f}%" for i in np.argsort(-first)[:10])
        more = f" and {n - 10} more" if n > 10 else ""
        full = smaa_samples(n, resting=True)
        if rb.smaa is None:
            state = "for the previous weights; updating…"
        elif mc.n_samples < full:
            state = f"refining to {full:,} in the background"
        else:
            state = "final"
        return (f"<b>First place across random weightings</b> ({mc.n_samples:,} samples, "
                f"± {100 * mc.max_se:.1f} pts at most; {state}): {parts}{more}")
