"""Which clubs the charts (and the report's long tables) draw: every club up to TOP_N, above
that the TOP_N best by rank and one summary row for the rest ("… and 9,975 more (scores
0.12–55.0)"). A chart of 10,000 bars is neither readable nor cheap to paint; the Ranking and
Figures tables still list every club (they only ever build the rows on screen)."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from evaluator.decision.scoring import Result
from evaluator.formatting import format_score

TOP_N = 20


@dataclass(frozen=True)
class Hidden:
    """The clubs below the top N: how many, the range of their scores (NaN when none of them
    is ranked) and how many of them are not ranked."""

    count: int
    low: float
    high: float
    unranked: int

    def text(self) -> str:
        if self.unranked == self.count:
            return f"… and {self.count:,} more (not ranked)"
        scores = (f"score {format_score(self.low)}" if self.low == self.high
                  else f"scores {format_score(self.low)}–{format_score(self.high)}")
        rest = f"; {self.unranked:,} not ranked" if self.unranked else ""
        return f"… and {self.count:,} more ({scores}{rest})"


def shown_clubs(result: Result, limit: int = TOP_N) -> np.ndarray:
    """Indices of the clubs drawn: all, in scenario order, up to ``limit``; else the ``limit``
    best, best first (ties and unranked clubs as in ``result.order``)."""
    n = len(result.order)
    return np.arange(n) if n <= limit else np.asarray(result.order[:limit])


def hidden_clubs(result: Result, limit: int = TOP_N) -> Hidden | None:
    """The summary row for the clubs ``shown_clubs`` leaves out; None when it leaves none."""
    n = len(result.order)
    if n <= limit:
        return None
    rest = result.scores[result.order[limit:]]
    ranked = rest[~np.isnan(rest)]
    low, high = (float(ranked.min()), float(ranked.max())) if ranked.size else (float("nan"), float("nan"))
    return Hidden(n - limit, low, high, int(rest.size - ranked.size))
