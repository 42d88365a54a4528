"""Season and every-club timings: median and p95 in ms, with a same-run reference.

- discover over 10,000 synthetic clubs (500 leagues of 20, a full double round robin each, read
  once into the cache as the app keeps loaded leagues): on a new date (every table recomputed)
  and the re-score a weight change costs (figures kept, as ``Session.discover`` keeps them);
  reference: a plain NumPy min-max + weighted sum + argsort over the same 10,000 clubs.
- a timeline over a full synthetic season of 380 played matches (20 clubs, 38 matchdays), three
  candidates: figures for every matchday from the files (cold cache) and the re-score a weight
  change costs (figures kept); reference: the same weighted sums as one NumPy expression.
- the live path with the Season tab on screen: weight set -> session -> every panel and the
  season curves repainted, bundled case (3 clubs, 26 matchdays); reference: the same with the
  Ranking tab on screen instead (the Season tab then only marks itself stale).

Part of ``python -m benchmarks`` (suite ``season``).
"""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import numpy as np

from benchmarks.common import fresh_settings, measure, row

LEAGUES, CLUBS_PER_LEAGUE = 500, 20
START = date(2025, 8, 16)


def _season(n: int, seed: int, name: str) -> object:
    """A double round robin of ``n`` clubs, a round a week, every match played (circle method)."""
    from evaluator.data.matches import PLAYED, Match, Season
    rng = np.random.default_rng(seed)
    teams = [f"{name} club {i:02d}" for i in range(n)]
    order = list(range(n))
    matches = []
    for rnd in range(2 * (n - 1)):
        day = START + timedelta(days=7 * rnd + int(rnd % 2))
        for k in range(n // 2):
            a, b = order[k], order[n - 1 - k]
            home, away = (a, b) if rnd < n - 1 else (b, a)
            hg, ag = (int(x) for x in rng.poisson(1.4, 2))
            matches.append(Match(day, teams[home], teams[away], hg, ag, PLAYED, f"synthetic: round {rnd + 1}"))
        order = [order[0], order[-1], *order[1:-1]]
    return Season(name, f"/synthetic/{name}.csv", "football-data-csv", tuple(matches), tuple(sorted(teams)))


def _state(n_leagues: int) -> tuple[object, object, tuple[Path, ...]]:
    """A live state with three candidates from the first leagues, and a cache holding every league."""
    from evaluator.data.case import DataCache, build_scenario
    from evaluator.model import CaseDefinition, ClubSource, Criterion, Direction
    from evaluator.session.state import State
    cache = DataCache()
    paths = []
    for i in range(n_leagues):
        season = _season(CLUBS_PER_LEAGUE, i, f"League {i:03d}")
        path = Path(season.path)   # type: ignore[attr-defined]  # a Season; typed loosely to import lazily
        cache.seasons[path] = season   # type: ignore[assignment]
        paths.append(path)
    criteria = (Criterion("standing", "League standing", "table_percentile", Direction.HIGHER),
                Criterion("defence", "Defensive record", "conceded_per_match", Direction.LOWER),
                Criterion("age", "Squad age (defenders)", "defender_age", Direction.LOWER))
    clubs = tuple(ClubSource(f"League {min(i, n_leagues - 1):03d} club 0{i}", paths[min(i, n_leagues - 1)])
                  for i in range(3))
    case = CaseDefinition(Path("/synthetic/bench.case.json"), "Benchmark", "synthetic clubs", date(2025, 12, 1),
                          clubs, criteria, {"standing": 50, "defence": 50, "age": 50})
    scenario = build_scenario(case, cache=cache)
    return State(scenario, (50.0, 50.0, 50.0), case), cache, tuple(paths)


def _discover_rows() -> list[dict[str, object]]:
    from evaluator.session.timeline import discover, prepare_field, score_field
    state, cache, paths = _state(LEAGUES)
    days = [date(2025, 10, 1) + timedelta(days=i) for i in range(400)]
    tick = iter(range(10 ** 9))
    out = discover(state, cache, paths)   # type: ignore[arg-type]
    assert len(out.result.scores) == LEAGUES * CLUBS_PER_LEAGUE
    new_date = measure(lambda: discover(state, cache, paths, days[next(tick) % len(days)]),   # type: ignore[arg-type]
                       repeat=15, warmup=2)
    for key in [k for k in cache.tables]:   # keep memory flat
        del cache.tables[key]
    field = prepare_field(state, cache, paths)   # type: ignore[arg-type]
    weights = [(50.0, 50.0, float(i % 50)) for i in range(50)]
    rescore = measure(lambda: score_field(field, weights[next(tick) % 50]), repeat=100, warmup=5)
    values = out.result.prepared.values[:, :2]

    def numpy_ref() -> None:
        lo, hi = values.min(axis=0), values.max(axis=0)
        u = (values - lo) / (hi - lo)
        u[:, 1] = 1 - u[:, 1]
        np.argsort(-(u @ np.array(weights[next(tick) % 50][:2]) / 100.0))

    ref = measure(numpy_ref, repeat=200)
    what = "NumPy min-max + weighted sum + argsort over the same 10,000 x 2 figures"
    return [row("discover 10,000 synthetic clubs (500 leagues) on a new date: tables + figures + score", new_date,
                what, ref),
            row("discover 10,000 synthetic clubs: re-score on a weight change (figures kept)", rescore, what, ref)]


def _timeline_rows() -> list[dict[str, object]]:
    from evaluator.data.case import DataCache
    from evaluator.session.timeline import prepare_season, score_season
    state, cache, paths = _state(1)
    season = cache.seasons[paths[0]]
    assert len(season.matches) == 380 and all(m.played for m in season.matches)

    def cold() -> object:
        fresh = DataCache()
        fresh.seasons[paths[0]] = season
        return prepare_season(state, fresh)

    prepared = prepare_season(state, cache)
    assert len(prepared.dates) == 38
    build = measure(cold, repeat=20, warmup=2)
    weights = [(50.0, 50.0, float(i % 50)) for i in range(50)]
    tick = iter(range(10 ** 9))
    rescore = measure(lambda: score_season(prepared, weights[next(tick) % 50], None), repeat=300)
    u = np.nan_to_num(np.stack([p.utilities for p in prepared.prepared]))   # (dates, clubs, criteria)
    ref = measure(lambda: 100 * u @ (np.array(weights[next(tick) % 50]) / 150.0), repeat=300)
    what = "one NumPy weighted sum over the same 38 x 3 x 3 utilities"
    return [row("timeline, full season (380 matches, 38 matchdays, 3 clubs): figures from the files", build, what, ref),
            row("timeline, same season: re-score on a weight change", rescore, what, ref)]


def _live_rows() -> list[dict[str, object]]:
    """The same window (bundled case) with the Ranking tab, then the Season tab, on screen: the
    slider moved 300 times at 60 Hz, each move drained until every visible panel has painted
    (``bench_live``'s pacing and drain; until 2026-12-03 this row set the weight on the session,
    without the slider, and ran one ``processEvents()`` pass, which stops before the Season
    tab's frame)."""
    from PySide6.QtWidgets import QApplication
    from benchmarks.bench_live import MOVES, _Counter, _paced, drain
    from evaluator.session import Session
    from ui.main_window import MainWindow
    from clubfit import paths
    app = QApplication.instance() or QApplication([])
    counter = _Counter(app)
    session = Session.from_file(paths.bundled_scenario(), read_only=True)
    fresh_settings()               # the default layout, whatever an earlier window left
    window = MainWindow(session)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    slider = window.weights.rows[2].slider

    def move(i: int) -> None:
        slider.setValue(10 + (i * 7) % 41)

    window.tabs.setCurrentWidget(window.ranking)
    drain(app, counter)
    hidden = _paced(app, counter, move, MOVES)
    window.tabs.setCurrentWidget(window.season)
    panel = window.season.panel()
    drain(app, counter, panel)
    shown = _paced(app, counter, move, MOVES, panel)
    window.hide()   # not close(): the weights changed, and close() would ask to save them
    window.deleteLater()
    app.processEvents()
    counter.remove()
    return [row("live slider -> all panels repainted, bundled case, Season tab visible (26 matchdays x 3 clubs)",
                shown, "the same window with the Ranking tab visible instead", hidden,
                "p95 <= 4 ms (live path, 3 clubs)")]


def run() -> list[dict[str, object]]:
    return _timeline_rows() + _discover_rows() + _live_rows()
