"""Rank reversal: with own-range scales, leaving a club out can change the order of two others
whose figures did not change, because the left-out club set an end of a scale and every
utility on it is re-normalised. Each club is removed in turn (a NaN row, which is exactly
how scoring.py ignores a club when finding the range), the pairwise orders are compared and
each change is reported with the criteria whose utilities moved; fixed scales remove it.
Only the clubs that alone set an end of some weighted own-range scale can cause one
(``scale_setters``), so only those are removed: a handful instead of every club. Only pairs
closer in score than the removal moves scores can change order, so for many clubs only those
are compared (``_changed_pairs``); for few, every pair at once (``_every_changed_pair``).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from evaluator.decision.batch import utilities_batch, weighted_scores
from evaluator.decision.scoring import MISSING_UTILITY, TIE_TOLERANCE, Prepared, Result
from evaluator.model import Direction

REVERSALS_KEPT = 4096      # per Prepared: rank-reversal sentences (~40 a move at 100 clubs)
DENSE_UP_TO = 40_000       # (clubs left out) x clubs x clubs: every pair at once, in a few NumPy calls


@dataclass(frozen=True)
class RankReversal:
    removed: int               # the club left out
    before: int                # ahead of ``after`` with every club in
    after: int                 # ahead of (or level with) ``before`` once ``removed`` is out
    kind: str                  # "swap", "tie" (they become level) or "untie" (level before)
    criteria: tuple[int, ...]  # weighted criteria whose utilities moved
    message: str


def rank_reversals(result: Result) -> tuple[RankReversal, ...]:
    """Every change in the pairwise order of two clubs when a third is left out."""
    p = result.prepared
    n, k = p.utilities.shape
    if n < 3 or not result.weights.sum() > 0:
        return ()
    cand, u, moved_any = _left_out(p)
    if cand.size == 0:
        return ()
    reduced = weighted_scores(np.broadcast_to(result.weights, (cand.size, k)), u)   # (removed, clubs)
    pairs = _every_changed_pair if reduced.size * n <= DENSE_UP_TO else _changed_pairs
    rows, firsts, seconds, before, after = pairs(result.scores, reduced)
    moved = moved_any & (result.weights > 0)
    crits = [tuple(int(j) for j in np.flatnonzero(row)) for row in moved]   # per club left out
    out: list[RankReversal] = []
    for r, i, m, b, a in zip(rows.tolist(), firsts.tolist(), seconds.tolist(), before.tolist(), after.tolist()):
        c = int(cand[r])
        if b == 0:
            kind, first, second = "untie", (i if a > 0 else m), (m if a > 0 else i)
        else:
            first, second = (i, m) if b > 0 else (m, i)
            kind = "swap" if a != 0 else "tie"
        key = ("reversal", c, first, second, kind, crits[r])
        found = p.memo.get(key)                               # its sentence, made once per Prepared
        if not isinstance(found, RankReversal):
            found = _reversal(p, c, first, second, kind, crits[r])
            p.memo[key] = found
        out.append(found)
    if len(p.memo) > REVERSALS_KEPT:                          # sentences of orders long gone
        for old in [k for k in p.memo if k[0] == "reversal"][:len(p.memo) - REVERSALS_KEPT]:
            del p.memo[old]
    return tuple(out)


def _changed_pairs(full: np.ndarray, reduced: np.ndarray) -> tuple[np.ndarray, ...]:
    """Every (row r of ``reduced``, i < m) whose order sign (``_sign``) differs between ``full``
    and ``reduced[r]``, both scored, sorted by (r, i, m); with both signs.

    Leaving a club out moves each score by some delta, so a pair more than the deltas' spread
    (plus the tie tolerance, twice) apart keeps its order: only pairs closer than that in the
    full scores are compared, found from the sorted scores. Every pair was compared before,
    (removed, clubs, clubs) at once: 6 x 10^6 at 1,000 clubs, most of an analysis (~50 ms)."""
    found: list[tuple[np.ndarray, ...]] = []
    for r, red in enumerate(reduced):
        ok = np.flatnonzero(~np.isnan(full) & ~np.isnan(red))
        if ok.size < 2:
            continue
        f, delta = full[ok], red[ok] - full[ok]
        width = float(delta.max() - delta.min()) + 2 * TIE_TOLERANCE
        by = np.argsort(f, kind="stable")
        fs = f[by]
        reach = np.searchsorted(fs, fs + width * (1 + 1e-9) + 1e-12, side="right")   # margin for rounding
        counts = reach - np.arange(fs.size) - 1
        a = np.repeat(np.arange(fs.size), counts)
        b = a + 1 + np.arange(a.size) - np.repeat(np.cumsum(counts) - counts, counts)
        i, m = ok[by[a]], ok[by[b]]
        i, m = np.minimum(i, m), np.maximum(i, m)
        before, after = _sign(full[i] - full[m]), _sign(red[i] - red[m])
        hit = before != after
        found.append((np.full(int(hit.sum()), r), i[hit], m[hit], before[hit], after[hit]))
    if not found:
        return tuple(np.empty(0, dtype=int) for _ in range(5))
    rows, i, m, before, after = (np.concatenate(x) for x in zip(*found))
    order = np.lexsort((m, i, rows))
    return rows[order], i[order], m[order], before[order], after[order]


def _every_changed_pair(full: np.ndarray, reduced: np.ndarray) -> tuple[np.ndarray, ...]:
    """What ``_changed_pairs`` gives, every pair compared at once: a few NumPy calls instead of
    a dozen per club left out, which made a 3-club analysis's rank reversals ~0.3 ms."""
    before = _sign(full[:, None] - full[None, :])                     # (i, m)
    after = _sign(reduced[:, :, None] - reduced[:, None, :])          # (r, i, m)
    scored = ~np.isnan(reduced) & ~np.isnan(full)[None, :]
    hit = (after != before[None]) & scored[:, :, None] & scored[:, None, :]
    hit &= np.triu(np.ones(full.size, dtype=bool), 1)[None]          # i < m
    rows, i, m = np.nonzero(hit)                                      # in (r, i, m) order already
    return rows, i, m, before[i, m], after[rows, i, m]


def _sign(d: np.ndarray) -> np.ndarray:
    """+1 where the first club is ahead, -1 behind, 0 level (within the tie tolerance)."""
    return (d > TIE_TOLERANCE).astype(np.int8) - (d < -TIE_TOLERANCE).astype(np.int8)


def _reversal(p: Prepared, c: int, first: int, second: int, kind: str, crit: tuple[int, ...]) -> RankReversal:
    clubs = p.scenario.clubs   # the three names only: every club's list, per sentence, cost 0.07 ms at 1,000 clubs
    names = {i: clubs[i].name for i in (c, first, second)}
    labels = ", ".join(p.scenario.criteria[j].label for j in crit)
    if kind == "untie":
        what = f"separates {names[first]} and {names[second]}, who are level with every club in " \
               f"({names[first]} moves ahead)"
    else:
        what = (f"puts {names[second]} {'ahead of' if kind == 'swap' else 'level with'} {names[first]} "
                f"(with every club in, {names[first]} is ahead)")
    message = (f"Rank reversal: leaving out {names[c]} {what}, although neither club's figures changed. "
               f"{names[c]} sets an end of the candidates' own range on {labels}, so those scores are "
               f"re-normalised without it. Fixed scales on {labels} would prevent this.")
    return RankReversal(c, first, second, kind, crit, message)


def _left_out(p: Prepared) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The weight-free part of rank reversal, cached in ``Prepared.memo``: the clubs that alone
    set an end of some own-range scale, weighted or not (``_setters``), and for each left out
    (row r: the scenario without ``cand[r]``, a NaN row as scoring.py ignores it) every club's
    utilities and which criteria moved. Leaving out a club that sets only an unweighted
    criterion's end changes no score, so the larger set gives the same reversals."""
    found = p.memo.get(("left out",))
    if found is not None:
        return found   # type: ignore[return-value]  # only this function writes the key
    n, k = p.utilities.shape
    cand = _setters(p, [True] * k)
    values = np.broadcast_to(p.values, (cand.size, n, k)).copy()
    values[np.arange(cand.size), cand, :] = np.nan
    u = np.stack([utilities_batch(values[:, :, j], c) for j, c in enumerate(p.scenario.criteria)], axis=-1)
    u = np.where(p.missing[None], MISSING_UTILITY, u)         # missing figures mid-scale, as scoring.py
    u[np.arange(cand.size), cand, :] = np.nan                 # the left-out club is not scored
    moved = (np.abs(np.nan_to_num(u - p.utilities[None], nan=0.0)) > 1e-12).any(axis=1)
    p.memo[("left out",)] = (cand, u, moved)
    return cand, u, moved


def scale_setters(result: Result) -> np.ndarray:
    """Clubs whose removal changes some weighted criterion's utilities, sorted.

    On an own-range scale the utilities depend on the other clubs only through the column's
    min and max (and, for a target, the min and max distance to it). Leaving out a club that
    is not the *only* holder of one of those leaves every other utility bit for bit the same,
    so no order can change: only these few clubs (at most four per criterion) need re-scoring.
    """
    return _setters(result.prepared, list(result.weights > 0))


def _setters(p: Prepared, weighted: list[bool]) -> np.ndarray:
    out: set[int] = set()
    for j, crit in enumerate(p.scenario.criteria):
        if not weighted[j] or crit.absolute:   # utilities of its own figure alone
            continue
        v = p.values[:, j]
        cols = [v] if crit.direction is not Direction.TARGET else [v, np.abs(v - crit.target_value())]
        for x in cols:
            present = ~np.isnan(x)
            if not present.any():
                continue
            for extreme in (x[present].min(), x[present].max()):
                holders = np.flatnonzero(present & (x == extreme))
                if holders.size == 1:
                    out.add(int(holders[0]))
    return np.array(sorted(out), dtype=int)
