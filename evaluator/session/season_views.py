"""The Session's season views: each club's score on every matchday, and every club of the
leagues ranked. Their figures are kept per input (case, leagues, criteria, hand-entered figures,
files as read) so a weight change only re-scores; ``discover_work``/``keep_field`` let the window
build the every-club field on a worker thread (``ui.discover_dialog``)."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from evaluator.data.case import DataCache
from evaluator.session.state import State

if TYPE_CHECKING:
    from evaluator.session.timeline import Discovery, Field, SeasonPrepared, Timeline


def _timeline() -> Any:
    from evaluator.session import timeline   # on first use: it pulls in the data readers
    return timeline


class SeasonViews:
    """Mixed into ``Session``: reads its state and cache, keeps what it built."""

    _state: State
    cache: DataCache
    _season: tuple[object, SeasonPrepared] | None
    _field: tuple[object, Field] | None

    def timeline(self, start: date | None = None, end: date | None = None, every: int | None = None) -> Timeline:
        """Each club's score and rank on every matchday (or every ``every`` days) of the season,
        with the current criteria, weights and hand-entered figures; figures are kept per date
        until something but the weights changes, so a weight change only re-scores."""
        timeline = _timeline()
        def key() -> object:   # the as-of date is not in it
            return timeline.season_key(self._state, self.cache), start, end, every
        if self._season is None or self._season[0] != key():
            season = timeline.prepare_season(self._state, self.cache, start, end, every)
            self._season = (key(), season)   # after the build: it may have read files into the cache
        return timeline.score_season(self._season[1], self._state.weights, self._state.scenario.as_of)

    def discover(self, leagues: tuple[Path, ...] | None = None, on: date | None = None) -> Discovery:
        """Every club of the candidates' leagues (or of ``leagues``) scored as the candidates are."""
        if self.discover_work(leagues, on) is not None:   # not kept (else a weight change only re-scores)
            field = _timeline().prepare_field(self._state, self.cache, leagues, on)   # may read files:
            self._field = (_timeline().field_key(self._state, self.cache, leagues, on), field)   # key after
        return _timeline().score_field(self._field[1], self._state.weights)  # type: ignore[index]

    def discover_work(self, leagues: tuple[Path, ...] | None = None,
                      on: date | None = None) -> tuple[Any, Callable[..., Field]] | None:
        """None if ``discover()`` is cheap now; else (key, a function building the field on a worker
        thread from this moment's state, ``control=`` optional): hand its answer to ``keep_field``."""
        key = _timeline().field_key(self._state, self.cache, leagues, on)
        keep = self._field is not None and self._field[0] == key
        return None if keep else (key, _timeline().field_work(self._state, self.cache, leagues, on))

    def keep_field(self, key: Any, field: Field) -> bool:
        """Keep a field built off the GUI thread; False (dropped) if the inputs moved on meanwhile."""
        if key != _timeline().field_key(self._state, self.cache, *key[2:]):
            return False
        self._field = (key, field)
        return True

    def discover_size(self) -> int | None:
        """How many clubs ``discover()`` ranks, from the league files already read (None if not all are)."""
        case = self._state.case
        if case is None:
            return None
        from evaluator.data.timeline import discover_leagues
        seasons = [self.cache.seasons.get(p) for p in discover_leagues(case, self._state.leagues)]
        return sum(len(s.teams) for s in seasons if s is not None) if all(seasons) else None
