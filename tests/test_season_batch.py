"""The season scored for all dates at once equals scoring each date on its own, float for float.

``timeline.score_season`` repeats the small scoring path's arithmetic over every date at once
(``_score_all_dates``); these generated seasons (missing figures, clubs with nothing weighted,
ties, zero weights) check every array against one ``score`` call per date, and the leader
sentence against the day-by-day search it replaced.
"""
from __future__ import annotations

from datetime import date, timedelta

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from evaluator.decision.scoring import SMALL_CLUBS, prepare, score
from evaluator.session import timeline
from evaluator.session.timeline import SeasonPrepared, Timeline, score_season
from robustness_cases import matrix_scenario


def _season(rng: np.random.Generator, dates: int, n: int, k: int, missing: float, coarse: bool) -> SeasonPrepared:
    dirs = [["higher", "lower", "target"][j % 3] for j in range(k)]
    targets = [5.0 if d == "target" else None for d in dirs]
    prepared = []
    for _ in range(dates):
        v = rng.integers(0, 3, (n, k)).astype(float) if coarse else rng.uniform(0, 10, (n, k)).round(2)
        v[rng.random((n, k)) < missing] = np.nan          # whole rows too: clubs nobody can rank
        prepared.append(prepare(matrix_scenario(v, dirs, [1.0] * k, None, targets)))
    day = date(2025, 8, 1)
    return SeasonPrepared(tuple(day + timedelta(days=7 * d) for d in range(dates)),
                          tuple(f"Club {i}" for i in range(n)), tuple(prepared))


def _date_by_date(season: SeasonPrepared, weights: tuple[float, ...]) -> Timeline:
    """``score_season`` as it was: one ``score`` call per date."""
    rows = [score(p, np.array(weights, dtype=float)) for p in season.prepared]
    return Timeline(season.dates, season.clubs, np.array([r.scores for r in rows]), np.array([r.low for r in rows]),
                    np.array([r.high for r in rows]), np.array([r.ranks for r in rows]),
                    np.array([r.incomplete for r in rows]), None)


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), dates=st.integers(1, 30), n=st.integers(1, SMALL_CLUBS), k=st.integers(1, 4),
       missing=st.sampled_from([0.0, 0.2, 0.6]), coarse=st.booleans(), zeros=st.integers(0, 4))
def test_all_dates_at_once_equal_each_date_scored(seed, dates, n, k, missing, coarse, zeros):
    rng = np.random.default_rng(seed)
    season = _season(rng, dates, n, k, missing, coarse)
    weights = [float(x) for x in rng.integers(0, 5, k)]
    weights[: min(zeros, k)] = [0.0] * min(zeros, k)        # unweighted criteria, all of them at times
    fast = score_season(season, tuple(weights), None)
    slow = _date_by_date(season, tuple(weights))
    for name in ("scores", "low", "high"):
        assert np.array_equal(getattr(fast, name), getattr(slow, name), equal_nan=True), name
    assert np.array_equal(fast.ranks, slow.ranks)
    assert np.array_equal(fast.incomplete, slow.incomplete)
    assert fast.leader_sentence() == _sentence_day_by_day(slow)


def test_the_batch_path_is_the_one_taken(monkeypatch):
    """Small seasons go through ``_score_all_dates``; more clubs than the small path takes do not."""
    calls = []
    real = timeline._score_all_dates

    def counted(*args):
        calls.append(1)
        return real(*args)
    monkeypatch.setattr(timeline, "_score_all_dates", counted)
    rng = np.random.default_rng(5)
    score_season(_season(rng, 4, 3, 3, 0.2, False), (1.0, 2.0, 3.0), None)
    assert calls == [1]
    score_season(_season(rng, 4, SMALL_CLUBS + 1, 3, 0.2, False), (1.0, 2.0, 3.0), None)
    assert calls == [1]


def _sentence_day_by_day(t: Timeline) -> str:
    """``Timeline.leader_sentence`` as it was: the counts and the closest call a day at a time."""
    from evaluator.formatting import join_names
    days = list(range(len(t.dates)))
    led = [sum(1 for d in days if t.ranks[d, c] == 1) for c in range(len(t.clubs))]
    order = sorted(range(len(t.clubs)), key=lambda c: -led[c])
    top = order[0]
    text = (f"{t.clubs[top]} led the ranking on {led[top]} of {len(days)} dates "
            f"from {t.dates[0].isoformat()} to {t.dates[-1].isoformat()}")
    others = [f"{t.clubs[c]} on {led[c]}" for c in order[1:] if led[c]]
    if others:
        text += f"; {join_names(others)}"
    leaders = [t.clubs[c] for c in range(len(t.clubs)) if t.ranks[days[-1], c] == 1]
    text += f". On {t.dates[-1].isoformat()}, the last date, {join_names(leaders)} led"
    best = None
    for d in days:
        s = np.where(np.isnan(t.scores[d]), -np.inf, t.scores[d])
        if len(s) < 2 or not np.isfinite(s).sum() >= 2:
            continue
        first, second = np.argsort(-s, kind="stable")[:2]
        gap = float(s[first] - s[second])
        if gap > 0 and (best is None or gap < best[0]):
            best = (gap, d, int(second))
    if best is not None:
        gap, d, c = best
        text += (f"; the closest call was {t.dates[d].isoformat()}, when {t.clubs[c]} came within "
                 f"{gap:.1f} points of the lead")
    return text + "."
