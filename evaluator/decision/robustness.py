"""How sure is the ranking? One entry point, ``analyse(result)``, for the UI and the report.

It gathers, for the weights behind one ``scoring.Result``:

- ``sweeps``: one-way weight sweep per criterion (exact score curves and crossings), and
  ``stability``: Mareschal stability intervals of each weight share (``sweeps.py``);
- ``smaa``: SMAA-2 rank acceptabilities, central weights, pairwise winning indices with
  Monte Carlo standard errors, optionally within a band around the current weights and with
  uncertain figures (``smaa.py``);
- ``weight_flips`` / ``figure_flips``: what would swap the top two (``flips.py``);
- ``rank_reversals``: order changes caused only by leaving a club out (``rank_reversal.py``).

Nothing here depends on Qt or on files. Everything that does not depend on the weights is
cached (SMAA weight samples per seed/N/criteria, figure noise). ``analyse_exact`` is the
part cheap enough for every slider move (about 1 ms at 3 clubs, a few ms at 100); SMAA at
10,000 samples is not at 100 clubs, so the live panel runs it in a worker (``smaa.SMAARun``
in steps) and attaches it with ``with_smaa``; see benchmarks/bench_robustness.py.
All weights zero: there is no ranking to test, so ``analyse`` returns empty parts and says so.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, fields, replace

from evaluator.decision.flips import FigureFlip, WeightFlip, figure_flips, top_two, weight_flips
from evaluator.decision.rank_reversal import RankReversal, rank_reversals
from evaluator.decision.scoring import Result
from evaluator.decision.smaa import SMAAResult, smaa
from evaluator.decision.sweeps import StabilityInterval, WeightSweep, stability_intervals, weight_sweeps

__all__ = ["Robustness", "analyse", "analyse_exact", "completed", "exact_job", "with_smaa"]


@dataclass(frozen=True)
class Robustness:
    result: Result
    sweeps: tuple[WeightSweep, ...]
    stability: tuple[StabilityInterval, ...]
    smaa: SMAAResult | None
    top_two: tuple[int, int] | None          # (leader, runner-up) club indices
    weight_flips: tuple[WeightFlip, ...]
    figure_flips: tuple[FigureFlip, ...]
    rank_reversals: tuple[RankReversal, ...]
    messages: tuple[str, ...] = ()
    # False: the flips and rank reversals are not computed yet (their fields empty, ``completed``
    # fills them). The How sure tab leaves them out while their tables are scrolled out of sight.
    whole: bool = True


def analyse(result: Result, smaa_samples: int = 10_000, seed: int = 0, band: float | None = None,
            figure_uncertainty: dict[str, float] | None = None) -> Robustness:
    """Every robustness check for ``result``'s weights.

    ``band``: +- percentage points of share around the current weights for SMAA (None = the
    whole simplex). ``figure_uncertainty``: criterion id -> +- in the figure's own unit.
    ``smaa_samples=0`` skips SMAA.
    """
    rb = analyse_exact(result)
    if smaa_samples > 0 and result.weights.sum() > 0:
        rb = with_smaa(rb, smaa(result, smaa_samples, seed, band, figure_uncertainty))
    return rb


def analyse_exact(result: Result, swaps: bool = True) -> Robustness:
    """The exact, cheap parts (sweeps, intervals, flips, rank reversals); no SMAA.

    The live panel draws these at once and adds SMAA from a background worker (``with_smaa``).
    ``swaps=False`` leaves out what would swap the top two and the rank reversals (about half
    the time at 3 clubs): ``whole`` is then False and ``completed`` adds them.
    """
    if not result.weights.sum() > 0:
        return Robustness(result, (), (), None, None, (), (), (),
                          ("All weights are zero: there is no ranking to test.",))
    sweeps = weight_sweeps(result)
    rb = Robustness(result, sweeps, stability_intervals(result, sweeps), None, top_two(result), (), (), (),
                    whole=False)
    return completed(rb) if swaps else rb


def completed(rb: Robustness) -> Robustness:
    """``rb`` with the weight and figure flips and the rank reversals, if it lacked them; the
    same as ``analyse_exact`` with them from the start (SMAA, if attached, kept)."""
    if rb.whole:
        return rb
    result = rb.result
    reversals = rank_reversals(result)
    return replace(rb, weight_flips=weight_flips(result, rb.sweeps), figure_flips=figure_flips(result),
                   rank_reversals=reversals, messages=tuple(r.message for r in reversals) + rb.messages,
                   whole=True)


def exact_job(result: Result) -> tuple[float, tuple[object, ...]]:
    """``analyse_exact`` for a worker process: (the milliseconds it took, every field but the
    result), the result being what the caller already holds (sending it back would pickle a
    second copy of every club). ``Robustness(result, *exact_job(result)[1])`` equals
    ``analyse_exact(result)``."""
    start = time.perf_counter()
    p = result.prepared
    memo = _worker_memos.get(p.token)
    if memo is None:                    # another set of figures: the last one's memo goes
        _worker_memos.clear()
        _worker_memos[p.token] = p.memo
    else:                               # the same figures as last time, a fresh copy of them
        p.__dict__["memo"] = memo
    rb = analyse_exact(result)
    took = 1000 * (time.perf_counter() - start)
    return took, tuple(getattr(rb, f.name) for f in fields(rb) if f.name != "result")


# In a worker process: the memo of the Prepared it was last sent, by token. Each job brings a
# fresh copy of the same Prepared (a pickle leaves the memo out), which would otherwise start cold.
_worker_memos: dict[tuple[int, int], dict[tuple[object, ...], object]] = {}


def with_smaa(rb: Robustness, mc: SMAAResult) -> Robustness:
    """``rb`` with SMAA for the same weights attached (``mc`` must come from ``rb.result``)."""
    return replace(rb, smaa=mc, messages=rb.messages + mc.messages)
