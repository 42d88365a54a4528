"""What the How sure tab asks of SMAA (how many samples, in which stages) and what it says in
words (the summary line and the warnings), apart from the panel that draws them."""
from __future__ import annotations

import numpy as np

from evaluator.decision.robustness import Robustness
from evaluator.decision.smaa import SMAAResult
from evaluator.report_robustness import SMAA_MAX_CLUBS
from ui.palette import WARNING_LINK
from ui.text import esc

LIVE_SAMPLES = 1_000      # first answer for new weights
FULL_SAMPLES = 10_000     # then refined to this, unless the weights move on first
DIRECT_FULL_UP_TO = 20   # clubs: SMAA 10,000 in ~5 ms or less (benchmarks, suite robustness)
MAX_WARNINGS_SHOWN = 5   # 100 clubs can give hundreds; 10,000 characters took 40 ms to paint
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


def warnings_text(messages: tuple[str, ...]) -> str:
    """The first few warnings and a link to all, or a line saying there is nothing to warn about."""
    if not messages:
        return "✓ No rank reversal: leaving any one club out does not change the order of the others."
    shown = messages[:MAX_WARNINGS_SHOWN]
    more = len(messages) - len(shown)
    extra = f"<br>… and {more} more: <a href='all' style='color:{WARNING_LINK}'>show all {len(messages)}</a>" if more > 0 else ""
    return "<br>".join(f"⚠ {esc(m)}" for m in shown) + extra


def summary_text(rb: Robustness, shown: SMAAResult | None, error: str) -> str:
    """The line above the charts: SMAA's first-place shares, which sample is on screen and for
    which weights (``shown``: the answer drawn, possibly for older weights)."""
    s = rb.result.scenario
    n = len(s.clubs)
    if not rb.sweeps:
        return "No ranking to test."
    if not smaa_stages(n):
        return f"SMAA is off above {MAX_SMAA_CLUBS} clubs (its cost grows with clubs squared)."
    if error:
        return f"<b>First place across random weightings</b>: could not be computed ({esc(error)})."
    mc = rb.smaa or shown
    if mc is None:
        return "<b>First place across random weightings</b>: computing…"
    first = mc.first_rank
    by_share = np.lexsort((np.where(rb.result.ranks > 0, rb.result.ranks, n + 1), -first))   # ties: rank now
    parts = ", ".join(f"{esc(s.clubs[i].name)} {100 * first[i]:.1f}%" for i in by_share[:10])
    more = f" and {n - 10} more" if n > 10 else ""
    full = smaa_samples(n, resting=True)
    if rb.smaa is None:
        state = "; for the previous weights, updating…"
    elif mc.n_samples < full:
        state = f"; refining to {full:,} in the background"
    else:
        state = ""                 # the full sample for these weights: nothing to add
    return (f"<b>First place across random weightings</b> ({mc.n_samples:,} samples, "
            f"± {100 * mc.max_se:.1f} pts at most{state}): {parts}{more}")
