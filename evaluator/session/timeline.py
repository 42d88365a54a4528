"""Fit across the season and every club of the leagues ranked: the data layer's scenarios joined
to the scorer. Functions of a ``State`` and the session's ``DataCache``; the ``Session`` keeps
the weight-independent part (one ``Prepared`` per date) so a weight change only re-scores.
"""
from __future__ import annotations

import functools
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Callable

import numpy as np

from evaluator.data import timeline as data_timeline
from evaluator.data.case import DataCache
from evaluator.decision.scoring import Prepared, Result, prepare, score
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
        led = [sum(1 for d in days if self.ranks[d, c] == 1) for c in range(len(self.clubs))]
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
        best: tuple[float, int, int] | None = None
        for d in days:
            s = np.where(np.isnan(self.scores[d]), -np.inf, self.scores[d])
            if len(s) < 2 or not np.isfinite(s).sum() >= 2:
                continue
            top, second = np.argsort(-s, kind="stable")[:2]
            gap = float(s[top] - s[second])
            if gap > 0 and (best is None or gap < best[0]):
                best = (gap, d, int(second))
        if best is None:
            return ""
        gap, d, c = best
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
