"""What DataCache keeps between rebuilds (data checks, reference ranges, squad ages) never makes
a scenario differ from one built from the files with an empty cache, whatever the order of adds,
removes, date and doubtful-row changes; a squad list read again is used afresh."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import BUNDLED_SCENARIO
from evaluator.data import live_case
from evaluator.data.case import DataCache
from evaluator.data.club_figures import squad_figures
from evaluator.session import Session

_BASE = Session.from_file(BUNDLED_SCENARIO, read_only=True)
_HAVE = {c.name for c in _BASE.scenario.clubs}
_TODO = [(t.name, lg.path) for lg in _BASE.leagues() for t in lg.teams if t.name not in _HAVE]
_DATES = (date(2025, 11, 28), date(2025, 10, 5), date(2026, 2, 1))

step = st.one_of(st.tuples(st.just("add"), st.integers(0, len(_TODO) - 1)),
                 st.tuples(st.just("remove"), st.integers(0, 40)),
                 st.tuples(st.just("date"), st.sampled_from(_DATES)),
                 st.tuples(st.just("doubtful"), st.booleans()))


def _from_scratch(session: Session):
    state = session.state
    assert state.case is not None and state.scenario.as_of is not None
    return live_case.rebuild(state.case, state.scenario.as_of, state.leagues, state.scenario, DataCache())


@settings(max_examples=25, deadline=None)
@given(st.lists(step, min_size=1, max_size=12))
def test_a_warm_cache_builds_what_an_empty_one_does(steps):
    session = Session.from_file(BUNDLED_SCENARIO, read_only=True)
    for kind, arg in steps:
        clubs = session.scenario.clubs
        if kind == "add" and _TODO[arg][0] not in {c.name for c in clubs}:
            session.add_club(*_TODO[arg])
        elif kind == "remove" and len(clubs) > 1:
            session.remove_club(clubs[arg % len(clubs)].id)
        elif kind == "date":
            session.set_as_of(arg)
        elif kind == "doubtful":
            session.set_include_doubtful(arg)
        assert session.scenario == _from_scratch(session)


def test_a_squad_list_read_again_gives_its_new_ages():
    session = Session.from_file(BUNDLED_SCENARIO, read_only=True)
    case = session.state.case
    assert case is not None
    src = next(c for c in case.clubs if c.squad is not None)
    squad = session.cache.squad(src.squad)
    fewer = replace(squad, players=squad.players[: len(squad.players) // 2])   # the file, edited since
    session.set_squad(src.name, src.squad, squad=fewer)
    on = session.scenario.as_of
    club = next(c for c in session.scenario.clubs if c.name == src.name)
    want = squad_figures(fewer, on, case.include_doubtful)
    assert {k: club.figures[k].value for k in want} == {k: f.value for k, f in want.items()}
    assert want["squad_age"].value != squad_figures(squad, on, case.include_doubtful)["squad_age"].value


def test_adding_a_club_of_a_scored_league_redoes_no_data_check(monkeypatch):
    from evaluator.data import source_checks
    session = Session.from_file(BUNDLED_SCENARIO, read_only=True)
    session.add_club(*_TODO[0])                 # the first rebuild since opening: checks made
    calls: list[object] = []
    real = source_checks.missing_results
    monkeypatch.setattr(source_checks, "missing_results", lambda *a: (calls.append(a), real(*a))[1])
    session.add_club(*_TODO[1])                 # the same league (Serie A): nothing to check again
    assert calls == []
    assert session.scenario == _from_scratch(session)


def test_the_alias_table_is_read_again_when_the_file_changes(tmp_path):
    table = tmp_path / "aliases.csv"
    table.write_text("alias,name\nRoma,AS Roma\n")
    cache = DataCache()
    first = cache.aliases(table)
    assert list(first.values()) == ["AS Roma"]
    first.clear()                                   # the caller's copy: the cache keeps its own
    assert list(cache.aliases(table).values()) == ["AS Roma"]
    table.write_text("alias,name\nRoma,AS Roma\nLeverkusen,Bayer 04 Leverkusen\n")
    assert sorted(cache.aliases(table).values()) == ["AS Roma", "Bayer 04 Leverkusen"]
