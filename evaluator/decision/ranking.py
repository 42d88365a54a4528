"""The live re-score's two steps, kept apart from the rules in scoring.py: a weighted sum that
gives the same floats as NumPy's row sum, and competition ranks with their order from one
argsort. ``score`` at 10,000 clubs costs about what ``utilities @ w`` + ``argsort`` costs
(docs/performance.md); tests/test_scoring_fast.py checks both against the eager versions."""
from __future__ import annotations

import numpy as np

TIE_TOLERANCE = 1e-9   # score points; differences below this are float noise, not a ranking


def competition_ranks(scores: np.ndarray) -> np.ndarray:
    """1-based ranks, ties shared (1, 2, 2, 4); NaN scores get rank 0."""
    ok = ~np.isnan(scores)
    valid = np.sort(scores[ok])
    # Clubs strictly better than s (by more than the tolerance), found by binary search: O(n log n).
    better = valid.size - np.searchsorted(valid, np.where(ok, scores, 0.0) + TIE_TOLERANCE, side="right")
    return np.where(ok, better + 1, 0)


# Up to this many criteria NumPy's row sum of a (clubs, criteria) array adds left to right,
# which the column walk below repeats bit for bit; from 8 it sums pairwise.
SEQUENTIAL_CRITERIA = 7


def weighted_sum(utilities: np.ndarray, columns: np.ndarray, w100: np.ndarray) -> np.ndarray:
    """Each club's (100 w * utilities) summed over criteria: the same floats as
    ``(100 * w * utilities).sum(axis=1)`` (tests/test_scoring_fast.py), without reducing
    along a short axis (NumPy's slow case: 0.6 ms at 10,000 x 3 against 0.03 for this)."""
    k = len(w100)
    if k > SEQUENTIAL_CRITERIA:
        return np.asarray((utilities * w100).sum(axis=1))
    out = columns[0] * w100[0]       # columns: utilities.T, contiguous (Prepared.columns)
    for j in range(1, k):
        out += columns[j] * w100[j]
    return out


def ranking(scores: np.ndarray) -> tuple[np.ndarray | None, np.ndarray]:
    """The order (best first, ties by index, unranked last) and, when some clubs tie, each
    position's competition rank (None: position + 1 throughout): the same as
    ``competition_ranks`` + ``lexsort``, from one argsort (``scoring.Result.ranks`` spreads them).

    In sorted order a club's rank is its position + 1 unless it is within TIE_TOLERANCE of the
    club above it; only those clubs get the binary search ``competition_ranks`` does, and only
    then are runs of equal rank put in index order."""
    n = len(scores)
    order = np.argsort(-scores)           # NaN last
    ranked = scores[order]
    m = n if n == 0 or ranked[-1] == ranked[-1] else n - int(np.isnan(ranked).sum())
    valid = ranked[:m]
    close = np.flatnonzero(~(valid[:-1] > valid[1:] + TIE_TOLERANCE))   # the test competition_ranks makes
    if not close.size and m == n:
        return None, order
    by_position = np.arange(1, n + 1)
    if close.size:
        tied = close + 1
        by_position[tied] = m - np.searchsorted(valid[::-1], valid[tied] + TIE_TOLERANCE, side="right") + 1
        _index_order_within_ties(order, by_position, close)
    if m < n:
        order[m:] = np.sort(order[m:])
        by_position[m:] = 0
    return by_position, order


def _index_order_within_ties(order: np.ndarray, by_position: np.ndarray, close: np.ndarray) -> None:
    """Put clubs of equal rank in index order. Equal ranks only occur inside chains of close
    neighbours (``close[i]`` and ``close[i] + 1``); ranks never decrease along the order."""
    if close.size > 64:     # many ties: one stable sort of (rank, index) keys, nearly sorted already
        m = int(close[-1]) + 2
        head = order[:m]
        order[:m] = head[np.argsort(by_position[:m] * (len(order) + 1) + head, kind="stable")]
        return
    breaks = np.flatnonzero(np.diff(close) != 1)
    for first, last in zip([0, *(breaks + 1).tolist()], [*breaks.tolist(), close.size - 1]):
        chain = slice(int(close[first]), int(close[last]) + 2)
        head = order[chain]
        order[chain] = head[np.lexsort((head, by_position[chain]))]
