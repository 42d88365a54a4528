"""The fit report's "How sure is the ranking" page, as plain data (``evaluator.report`` holds
the rest; ``ui/export_pdf.py`` lays both out, and the window's How sure tab shares the
stability and flip rows so screen and PDF read the same)."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from evaluator.decision.flips import FigureFlip
from evaluator.model import Scenario
from evaluator.decision.robustness import Robustness, analyse
from evaluator.decision.scoring import Result
from evaluator.decision.sweeps import StabilityInterval
from evaluator.formatting import NO_SCORE, format_share, format_share_interval, join_names

SMAA_SAMPLES = 10_000
SMAA_SEED = 0            # fixed, so the same inputs always give the same page
SMAA_MAX_CLUBS = 200     # as in the window: SMAA's pairwise index grows with clubs squared x samples
RANK_COLUMNS = 6         # ranks 1..5 shown one by one, the rest added up (a 20-rank table cannot be read)
MAX_NAMED_FIRST = 5      # clubs named with their first-place share in the summary; the rest are added up
MAX_REVERSALS = 8        # rank-reversal warnings spelled out; the rest are counted


@dataclass(frozen=True)
class StabilityRow:
    criterion: str
    share_now: str
    first_place: str        # interval of the criterion's share over which first place holds
    whole_ranking: str      # ... over which the whole ranking holds


@dataclass(frozen=True)
class AcceptabilityRow:
    club: str
    shares: tuple[float, ...]   # 0..1 per rank column (see RobustnessSection.rank_labels), for the chart
    cells: tuple[str, ...]      # the same shares as text, e.g. "62.4%"
    first_se: str               # Monte Carlo standard error of the first-rank share, e.g. "± 0.5"
    central: tuple[str, ...]    # central weight share per criterion; empty if never first


@dataclass(frozen=True)
class FlipRow:
    criterion: str
    change: str             # "weight share" or "<club>'s figure"
    outcome: str            # "can swap", "cannot swap" or "level already"
    sentence: str
    needed: str = "—"       # e.g. "33.3% → 52.1%" or "0.92 → 0.41 goals/match"; "—" when it cannot swap


@dataclass(frozen=True)
class RobustnessSection:
    summary: tuple[str, ...]            # how sure the ranking is, sentence by sentence
    explanation: str                    # what the checks mean, in plain words
    samples: int                        # SMAA weightings drawn (0: no SMAA)
    seed: int
    max_se: str                         # bound on every share's standard error, e.g. "± 0.5"
    stability: tuple[StabilityRow, ...]
    rank_labels: tuple[str, ...]        # "1st", "2nd", …, "6th–20th"
    acceptability: tuple[AcceptabilityRow, ...]   # ranking order
    flips: tuple[FlipRow, ...]
    warnings: tuple[str, ...]           # rank reversals (and any SMAA shortfall)
    top_two: tuple[str, str] | None     # the clubs the flips are about

    @property
    def testable(self) -> bool:
        return bool(self.stability)


def stability_cells(st: StabilityInterval, s: Scenario) -> tuple[str, str, str, str]:
    """One stability row as text: the window's table and the report use this same wording."""
    return (s.criteria[st.criterion].label, format_share(st.current),
            format_share_interval(st.first_lo, st.first_hi), format_share_interval(st.ranking_lo, st.ranking_hi))


def robustness_section(r: Result, samples: int = SMAA_SAMPLES, seed: int = SMAA_SEED) -> RobustnessSection:
    too_many = len(r.scenario.clubs) > SMAA_MAX_CLUBS
    rb = analyse(r, smaa_samples=0 if too_many else samples, seed=seed)
    s = r.scenario
    pair = (s.clubs[rb.top_two[0]].name, s.clubs[rb.top_two[1]].name) if rb.top_two else None
    mc = rb.smaa
    return RobustnessSection(
        summary=_robustness_summary(rb) if rb.sweeps else rb.messages,
        explanation=_explanation(rb),
        samples=mc.n_samples if mc else 0, seed=seed,
        max_se=f"± {100 * mc.max_se:.1f}" if mc else NO_SCORE,
        stability=tuple(StabilityRow(*stability_cells(st, s)) for st in rb.stability),
        rank_labels=_rank_labels(len(s.clubs)) if mc else (),
        acceptability=_acceptability(rb) if mc else (),
        flips=flip_rows(rb),
        warnings=_reversal_warnings(rb),
        top_two=pair,
    )


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _rank_labels(n: int) -> tuple[str, ...]:
    if n <= RANK_COLUMNS:
        return tuple(_ordinal(k) for k in range(1, n + 1))
    return tuple(_ordinal(k) for k in range(1, RANK_COLUMNS)) + (f"{_ordinal(RANK_COLUMNS)}–{_ordinal(n)}",)


def _bucket(acc: np.ndarray) -> np.ndarray:
    """(clubs, ranks) -> (clubs, columns): ranks past RANK_COLUMNS - 1 added up into the last column."""
    if acc.shape[1] <= RANK_COLUMNS:
        return acc
    return np.column_stack([acc[:, :RANK_COLUMNS - 1], acc[:, RANK_COLUMNS - 1:].sum(axis=1)])


def _acceptability(rb: Robustness) -> tuple[AcceptabilityRow, ...]:
    mc = rb.smaa
    assert mc is not None
    s = rb.result.scenario
    shares = _bucket(mc.acceptability)
    rows = []
    for i in rb.result.order:
        i = int(i)
        central = mc.central_weights[i]
        rows.append(AcceptabilityRow(
            club=s.clubs[i].name, shares=tuple(float(x) for x in shares[i]),
            cells=tuple(format_share(x) for x in shares[i]), first_se=f"± {100 * mc.acceptability_se[i, 0]:.1f}",
            central=() if central is None else tuple(format_share(w) for w in central)))
    return tuple(rows)


def flip_rows(rb: Robustness) -> tuple[FlipRow, ...]:
    """One row per weight and per figure of the top two: the window's table and the report's."""
    s = rb.result.scenario
    rows = [FlipRow(s.criteria[f.criterion].label, "weight share", _outcome(f.possible, f.delta), f.sentence,
                    _share_change(f.share, f.delta)) for f in rb.weight_flips]
    rows += [FlipRow(s.criteria[f.criterion].label, f"{s.clubs[f.club].name}'s figure",
                     _outcome(f.possible, f.delta), f.sentence, _figure_change(f, s)) for f in rb.figure_flips]
    return tuple(rows)


def _share_change(share: float | None, delta: float | None) -> str:
    if share is None or delta is None:
        return "—"
    return "none" if delta == 0 else f"{format_share(share - delta)} → {format_share(share)}"


def _figure_change(f: FigureFlip, s: Scenario) -> str:
    if f.value is None or f.new_value is None:
        return "—"
    if f.delta == 0:
        return "none"
    if f.change:
        return f.change   # rounded once, with the sentence beside it
    crit = s.criteria[f.criterion]
    d = s.column(crit.column).decimals
    while d < 6 and f"{f.value:.{d}f}" == f"{f.new_value:.{d}f}":   # show the change, however small
        d += 1
    unit = crit.unit or s.column(crit.column).unit
    return f"{f.value:.{d}f} → {f.new_value:.{d}f}" + (f" {unit}" if unit else "")


def _outcome(possible: bool, delta: float | None) -> str:
    if not possible:
        return "cannot swap"
    return "level already" if delta == 0 else "can swap"


def _reversal_warnings(rb: Robustness) -> tuple[str, ...]:
    messages = [m.message for m in rb.rank_reversals]
    shown = messages[:MAX_REVERSALS]
    if len(messages) > MAX_REVERSALS:
        shown.append(f"… and {len(messages) - MAX_REVERSALS} more rank reversals of the same kind "
                     "(the window's How sure tab lists them all).")
    return tuple(shown) + (rb.smaa.messages if rb.smaa else ())


def _robustness_summary(rb: Robustness) -> tuple[str, ...]:
    out = []
    if rb.smaa is not None:
        out += _smaa_sentences(rb)
    else:
        out.append(f"Random weightings (SMAA) are left out above {SMAA_MAX_CLUBS} clubs: their cost grows "
                   "with the square of the number of clubs.")
    out.append(_stability_sentence(rb))
    out += _flip_sentences(rb)
    n_rev = len(rb.rank_reversals)
    if len(rb.result.scenario.clubs) >= 3:
        out.append(f"Leaving one club off the list changes the order of two others in {n_rev} "
                   f"case{'s' if n_rev != 1 else ''} (see the warning below)." if n_rev else
                   "Leaving any one club off the list does not change the order of the others.")
    return tuple(out)


def _smaa_sentences(rb: Robustness) -> list[str]:
    mc = rb.smaa
    assert mc is not None
    s = rb.result.scenario
    first = mc.first_rank
    order = [int(i) for i in np.argsort(-first, kind="stable")]
    ever = [i for i in order if first[i] > 0]
    rest = ever[MAX_NAMED_FIRST:]
    ever = ever[:MAX_NAMED_FIRST]
    never = [s.clubs[i].name for i in order if first[i] == 0]
    k = len(s.criteria)
    how = ("every split of the weight between the criteria equally likely" if k > 1
           else "with a single criterion every weighting is the same")
    parts = [f"{s.clubs[i].name}{' ranks first' if n == 0 else ''} in {format_share(first[i])}"
             f"{' of them' if n == 0 else ''} (± {100 * mc.acceptability_se[i, 0]:.1f} points)"
             for n, i in enumerate(ever)]
    if rest:   # a long list is in the table; the sentence keeps the leaders
        parts.append(f"{len(rest)} more club{'s' if len(rest) > 1 else ''} in {format_share(first[rest].sum())}"
                     + (" between them" if len(rest) > 1 else ""))
    text = (f"Across {mc.n_samples:,} random weightings ({how}; seed {mc.seed}, so the same inputs always "
            f"give the same numbers), {join_names(parts)}.")
    if never:
        text = text[:-1] + ("; " + (join_names(never) if len(never) <= 5 else f"the other {len(never)} clubs")
                            + (" never ranks first." if len(never) == 1 else " never rank first."))
    return [text, f"Each share is estimated from the samples; its standard error (shown as ±) is at most "
                  f"{100 * mc.max_se:.1f} points."]


def _stability_sentence(rb: Robustness) -> str:
    s = rb.result.scenario
    narrow = [st for st in rb.stability if st.first_lo > 0 or st.first_hi < 1]
    if not narrow:
        return ("No single criterion's weight, moved on its own anywhere from 0% to 100% of the total, "
                "changes which club ranks first.")
    parts = [f"{s.criteria[st.criterion].label}'s share stays within {format_share_interval(st.first_lo, st.first_hi)} "
             f"(now {format_share(st.current)})" for st in narrow]
    return f"First place holds while {join_names(parts)}, the other weights keeping their proportions."


def _flip_sentences(rb: Robustness) -> list[str]:
    if rb.top_two is None:
        return []
    s = rb.result.scenario
    lead, run = (s.clubs[i].name for i in rb.top_two)
    weights = sum(f.possible for f in rb.weight_flips)
    figures = sum(f.possible for f in rb.figure_flips)
    k = len(rb.weight_flips)
    w_text = (f"no single weight can put {run} ahead of {lead}" if not weights
              else f"{_count_of(weights, k, 'weight')} could, moved on {'its' if weights == 1 else 'their'} own, "
                   f"put {run} level with or ahead of {lead}")
    f_text = (f"{_count_of(figures, len(rb.figure_flips), 'single-figure change')} within a plausible range could"
              if figures else "no single figure within a plausible range could")
    return [f"Between the top two, {w_text}; {f_text} (see the flip table)."]


def _count_of(m: int, n: int, thing: str) -> str:
    """ "1 of the 3 weights", "both weights", "each of the 6 single-figure changes"."""
    if m == n:
        return f"both {thing}s" if n == 2 else (f"the only {thing}" if n == 1 else f"each of the {n} {thing}s")
    return f"{m} of the {n} {thing}s"


def _explanation(rb: Robustness) -> str:
    s = rb.result.scenario
    own = [c.label for c in s.criteria if not c.absolute]   # a tolerance target is absolute too
    samples = f"{rb.smaa.n_samples:,}" if rb.smaa else "many"
    if own:
        cause = (f"it can happen because {join_names(own)} {'is' if len(own) == 1 else 'are'} scored on the "
                 "candidates' own range, whose ends the left-out club may set; fixed scales remove it")
    elif all(c.scale.fixed for c in s.criteria):
        cause = "here every criterion uses a fixed scale, so it cannot happen"
    else:
        cause = ("here every criterion scores a club on its own figure alone (a fixed scale or a target with a "
                 "tolerance), so it cannot happen")
    return (
        "A stability interval is the range of one criterion's share of the total weight, the others keeping "
        "their proportions, over which first place (or the whole ranking) stays exactly as it is now; a wide "
        "interval around today's share means that weight is not what decides the result. "
        f"The acceptability figures come from SMAA (stochastic multicriteria acceptability analysis): the clubs "
        f"are re-scored under {samples} random weightings, and each share says how often a club takes each "
        "place. A club's central weights are the average weights among the weightings that put it first. "
        "A flip is the smallest change to one weight, or to one club's figure, that would swap the top two. "
        "A rank reversal is when leaving a club off the list changes the order of two others whose figures "
        f"did not change; {cause}.")
