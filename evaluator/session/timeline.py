"""Fit across the season and every club of the leagues ranked: the data layer's scenarios joined
to the scorer. Functions of a ``State`` and the session's ``DataCache``; the ``Session`` keeps
the weight-independent part (one ``Prepared`` per date) so a weight change only re-scores.
"""
from __future__ import annotations

import functools
from collections import OrderedDict
from dataclasses import dataclass
from functools import cached_property
from datetime import date
from pathlib import Path
from typing import Any, Callable

import numpy as np

from evaluator.data import timeline as data_timeline
from evaluator.data.case import DataCache
from evaluator.decision import small
from evaluator.decision.scoring import MISSING_UTILITY, SMALL_CLUBS, TIE_TOLERANCE, Prepared, Result, prepare, score
from evaluator.errors import InputError
from evaluator.model import CaseDefinition
from evaluator.session.state import State


def score_bounds(result: Result) -> tuple[np.ndarray, np.ndarray]:
    """(low, high) of each club's score: every missing figure at the worst and the best end of
    its scale (equal to the score when nothing is missing)."""
    return result.low, result.high


@dataclass(frozen=True)
class SeasonPrepared:
    """What does not depend on the weights: the dates and each date's prepared scenario."""
    dates: tuple[date, ...]
    clubs: tuple[str, ...]
    prepared: tuple[Prepared, ...]

    @cached_property
    def stacked(self) -> tuple[np.ndarray, np.ndarray] | None:
        """Every date's utilities (missing figures at the middle) and missing flags (1.0 / 0.0),
        ``(dates, clubs, criteria)``, when each date is scored on plain floats (``scoring``'s
        small path, whose arithmetic ``score_season`` repeats for all dates at once); else None."""
        if not self.prepared or any(p.shape[0] > SMALL_CLUBS or p.shape[1] > small.MAX_CRITERIA
                                    for p in self.prepared):
            return None
        return (np.stack([p.utilities for p in self.prepared]),
                np.stack([p.missing for p in self.prepared]).astype(float))


@dataclass(frozen=True)
class Timeline:
    """Each club's score and rank on each date: arrays of shape (dates, clubs); rank 0 = not ranked."""
    dates: tuple[date, ...]
    clubs: tuple[str, ...]
    scores: np.ndarray
    low: np.ndarray
    high: np.ndarray
    ranks: np.ndarray
    incomplete: np.ndarray     # scored without some weighted figure (the range says how much that matters)
    as_of: date | None

    def rows(self) -> list[tuple[date, str, float | None, int | None, float | None, float | None]]:
        """(date, club, score, rank, low, high) per date and club, clubs in scenario order; low and
        high only where a weighted figure is missing."""
        out = []
        for d, day in enumerate(self.dates):
            for c, club in enumerate(self.clubs):
                gap = bool(self.incomplete[d, c])
                out.append((day, club, _num(self.scores[d, c]), int(self.ranks[d, c]) or None,
                            _num(self.low[d, c]) if gap else None, _num(self.high[d, c]) if gap else None))
        return out

    def leader_sentence(self, since: date | None = None) -> str:
        """E.g. "AS Roma led the ranking on 14 of 20 dates since 2025-10-01 (...)" """
        from evaluator.formatting import join_names
        days = [d for d, day in enumerate(self.dates) if since is None or day >= since]
        if not days:
            return ""
        led = (self.ranks[days] == 1).sum(axis=0).tolist()
        order = sorted(range(len(self.clubs)), key=lambda c: -led[c])
        top = order[0]
        span = f"since {self.dates[days[0]].isoformat()}" if since else \
            f"from {self.dates[days[0]].isoformat()} to {self.dates[days[-1]].isoformat()}"
        text = f"{self.clubs[top]} led the ranking on {led[top]} of {len(days)} dates {span}"
        others = [f"{self.clubs[c]} on {led[c]}" for c in order[1:] if led[c]]
        if others:
            text += f"; {join_names(others)}"
        last = days[-1]
        leaders = [self.clubs[c] for c in range(len(self.clubs)) if self.ranks[last, c] == 1]
        text += f". On {self.dates[last].isoformat()}, the last date, {join_names(leaders)} led"
        return text + self._closest(days) + "."

    def _closest(self, days: list[int]) -> str:
        """The date the leader's margin over the next club was smallest (ties excluded)."""
        s = np.where(np.isnan(self.scores[days]), -np.inf, self.scores[days])   # (days, clubs)
        if s.shape[1] < 2:
            return ""
        by = np.argsort(-s, axis=1, kind="stable")[:, :2]           # each day's leader and next
        with np.errstate(invalid="ignore"):                          # -inf - -inf: a day with one club
            gaps = s[np.arange(len(days)), by[:, 0]] - s[np.arange(len(days)), by[:, 1]]
        ok = np.flatnonzero((np.isfinite(s).sum(axis=1) >= 2) & (gaps > 0))   # ties excluded
        if not ok.size:
            return ""
        i = int(ok[np.argmin(gaps[ok])])                              # the first such day
        gap, d, c = float(gaps[i]), days[i], int(by[i, 1])
        return (f"; the closest call was {self.dates[d].isoformat()}, when {self.clubs[c]} came within "
                f"{gap:.1f} points of the lead")


def _num(x: float) -> float | None:
    return None if x != x else float(x)


def season_key(state: State, cache: DataCache) -> object:
    """What the season's figures depend on: the case, leagues, criteria, hand-entered figures and
    the files as read (a file read again is a new object); not the as-of date, so clicking a date
    in the chart re-uses them."""
    from evaluator.model import FigureStatus, definitions
    hand = tuple((c.id, tuple(sorted((k, f.value, f.source) for k, f in c.figures.items()
                                     if f.status is FigureStatus.USER))) for c in state.scenario.clubs)
    files = (tuple(id(v) for v in cache.seasons.values()), tuple(id(v) for v in cache.squads.values()))
    return state.case, state.leagues, definitions(state.scenario.criteria), hand, files


def prepare_season(state: State, cache: DataCache, start: date | None = None, end: date | None = None,
                   every: int | None = None) -> SeasonPrepared:
    case = _case(state, "show the season")
    dates = data_timeline.timeline_dates(case, cache, start, end, every)
    scenarios = data_timeline.scenarios_over(case, dates, state.leagues, state.scenario, cache)
    return SeasonPrepared(dates, tuple(c.name for c in state.scenario.clubs), tuple(prepare(s) for s in scenarios))


def score_season(season: SeasonPrepared, weights: tuple[float, ...], as_of: date | None) -> Timeline:
    rw = [float(x) for x in weights]
    if season.stacked is not None and len(rw) == season.stacked[0].shape[2] and small.row_sum(rw) > 0:
        return _score_all_dates(season, rw, as_of)
    w = np.array(weights, dtype=float)
    n, k = len(season.dates), len(season.clubs)
    scores, low, high = np.full((n, k), np.nan), np.full((n, k), np.nan), np.full((n, k), np.nan)
    ranks = np.zeros((n, k), dtype=int)
    incomplete = np.zeros((n, k), dtype=bool)
    for d, p in enumerate(season.prepared):
        r = score(p, w)
        scores[d], ranks[d], incomplete[d] = r.scores, r.ranks, r.incomplete
        low[d], high[d] = score_bounds(r)
    return Timeline(season.dates, season.clubs, scores, low, high, ranks, incomplete, as_of)


def _score_all_dates(season: SeasonPrepared, rw: list[float], as_of: date | None) -> Timeline:
    """``score`` of every date at once, the same IEEE operations in the same order as its small
    path (``small.weigh``: scores summed criterion by criterion from 0.0; a club with no weighted
    figure unscored; the range +- the missing figures' weight at the middle utility), so the
    same floats: a season of 26 matchdays took 26 calls, ~0.5 ms of each weight change."""
    u, mask = season.stacked  # type: ignore[misc]  # checked by the caller
    total = small.row_sum(rw)
    w = [x / total for x in rw]
    scores = np.zeros(u.shape[:2])
    have = np.zeros(u.shape[:2])
    gone = np.zeros(u.shape[:2])
    for j, wj in enumerate(w):
        scores = scores + (100.0 * wj) * u[:, :, j]
        have = have + wj * (1.0 - mask[:, :, j])
        gone = gone + wj * mask[:, :, j]
    scored = have > 0
    scores = np.where(scored, scores, np.nan)
    half = (MISSING_UTILITY * 100.0) * gone
    valid = ~np.isnan(scores)
    # competition ranks (ties within the tolerance share one): 1 + how many score higher
    ahead = (scores[:, None, :] > (scores + TIE_TOLERANCE)[:, :, None]).sum(axis=2)
    ranks = np.where(valid, ahead + 1, 0)
    weighted = np.array([x > 0 for x in w])
    incomplete = scored & ((mask == 1.0) & weighted).any(axis=2)
    return Timeline(season.dates, season.clubs, scores, scores - half, scores + half, ranks, incomplete, as_of)


@dataclass(frozen=True)
class Discovery:
    """Every club of the leagues scored with the current criteria and weights."""
    result: Result
    paths: tuple[Path, ...]          # club i's match file (what Add club needs)
    candidate: tuple[str, ...]       # the candidate's name when club i is one, else ""

    def candidate_positions(self) -> dict[str, int]:
        """Each candidate's 1-based place in the list, best first (ties by list order)."""
        place = {int(i): n for n, i in enumerate(self.result.order, start=1)}
        return {name: place[i] for i, name in enumerate(self.candidate) if name}


@dataclass(frozen=True)
class Field:
    """Every club of the leagues, prepared: what a weight change does not touch."""
    prepared: Prepared
    paths: tuple[Path, ...]
    candidate: tuple[str, ...]


def prepare_field(state: State, cache: DataCache, leagues: tuple[Path, ...] | None = None,
                  on: date | None = None, control: Any = None) -> Field:
    """``control``: a job's ``Control`` (``cancelled()``) when run by ``ui.background.JobRunner``."""
    case = _case(state, "rank every club of the leagues")
    day = on or state.scenario.as_of or case.as_of
    paths = leagues if leagues else data_timeline.discover_leagues(case, state.leagues)
    stop = control.cancelled if control is not None else None
    f = data_timeline.every_club(case, paths, day, state.scenario, cache, stop)
    return Field(prepare(f.scenario), f.paths, f.candidate)


def field_key(state: State, cache: DataCache, leagues: tuple[Path, ...] | None,
              on: date | None) -> tuple[object, ...]:
    """What a discover field depends on: the season's inputs, the as-of date, the leagues and date asked."""
    return season_key(state, cache), state.scenario.as_of, leagues, on


def field_work(state: State, cache: DataCache, leagues: tuple[Path, ...] | None = None,
               on: date | None = None) -> Callable[..., Field]:
    """``prepare_field`` as a function for a worker thread. It reads the (frozen) state given and
    its own copy of the cache's indexes, so the GUI thread may go on using ``cache`` (whose table
    index is reordered and trimmed as dates change); the parsed files are shared, nothing changes
    them. Refused at once, on the calling thread, when there is no case to rank from. Call it
    with ``control=`` to let it stop between leagues."""
    _case(state, "rank every club of the leagues")
    own = DataCache(dict(cache.seasons), dict(cache.squads), OrderedDict(cache.tables), dict(cache.pairs))
    return functools.partial(prepare_field, state, own, leagues, on)


def score_field(field: Field, weights: tuple[float, ...]) -> Discovery:
    return Discovery(score(field.prepared, np.array(weights, dtype=float)), field.paths, field.candidate)


def discover(state: State, cache: DataCache, leagues: tuple[Path, ...] | None = None,
             on: date | None = None) -> Discovery:
    return score_field(prepare_field(state, cache, leagues, on), state.weights)


def _case(state: State, what: str) -> CaseDefinition:
    if state.case is None:
        raise InputError(f"cannot {what}: this scenario has no case file beside it, so its figures are fixed")
    return state.case
