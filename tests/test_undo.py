"""Undo and redo of every session edit: random sequences of edits, valid and invalid, are
undone to the start state and redone to the end state; an invalid edit changes nothing."""
from __future__ import annotations

import math
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import BUNDLED_SCENARIO, RESOURCES
from evaluator.errors import InputError
from evaluator.model import Scale
from evaluator.session import Change, Session
from ui.undo import UndoHistory

M = RESOURCES / "data" / "matches"
LIGUE_1 = M / "openfootball-fr.1-2025-26.json"
SERIE_A_CSV = M / "datahub-football-datasets-serie-a-season-2526.csv"

numbers = st.one_of(st.floats(min_value=-5, max_value=150), st.just(math.nan), st.just(math.inf),
                    st.just(1e300), st.integers(0, 100).map(float))
criteria = st.sampled_from(["standing", "defence", "age", "nope"])
clubs = st.sampled_from(["as-roma", "bayer-04-leverkusen", "olympique-de-marseille", "paris-saint-germain-fc",
                         "nobody"])
days = st.integers(-150, 200).map(lambda d: date(2025, 11, 28) + timedelta(days=d))

operations = st.one_of(
    st.tuples(st.just("set_weight"), criteria, numbers),
    st.tuples(st.just("set_direction"), criteria, st.sampled_from(["higher", "lower", "sideways"])),
    st.tuples(st.just("set_scale"), criteria, st.tuples(numbers, numbers)),
    st.tuples(st.just("set_figure"), clubs, st.sampled_from(["defender_age", "points", "nope"]),
              st.one_of(st.none(), numbers), st.sampled_from(["club website", "", "  "])),
    st.tuples(st.just("set_as_of"), days),
    st.tuples(st.just("set_include_doubtful"), st.booleans()),
    st.tuples(st.just("add_club"), st.sampled_from(["Paris Saint-Germain FC", "AS Monaco FC", "AS Roma", "Nobody FC"])),
    st.tuples(st.just("remove_club"), clubs),
    st.tuples(st.just("load_league"), st.sampled_from([SERIE_A_CSV, M / "missing.csv"])),
)


def apply(session: Session, op: tuple) -> None:
    name, *args = op
    if name == "set_scale":
        session.set_scale(args[0], Scale(*args[1]))
    elif name == "set_figure":
        session.set_figure(args[0], args[1], args[2], args[3], date(2025, 11, 28))
    elif name == "add_club":
        session.add_club(args[0], LIGUE_1)
    else:
        getattr(session, name)(*args)


@pytest.fixture(scope="module")
def shared_cache():
    """Parsed files shared by every example: the files never change, and re-reading them would
    only slow the search down (each session still has its own state)."""
    return Session.from_file(BUNDLED_SCENARIO).cache


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=st.lists(operations, min_size=1, max_size=10))
def test_any_edits_undo_to_the_start_and_redo_to_the_end(qapp, shared_cache, ops):
    session = Session.from_file(BUNDLED_SCENARIO, read_only=True)
    session.cache = shared_cache
    history = UndoHistory(session)
    start = session.state
    for op in ops:
        before = session.state
        try:
            apply(session, op)
        except InputError:
            assert session.state == before      # refused: nothing changed
        history.close_step()
    end = session.state
    while history.stack.canUndo():
        history.stack.undo()
    assert session.state == start
    assert history.stack.isClean()
    while history.stack.canRedo():
        history.stack.redo()
    assert session.state == end


def test_a_drag_is_one_step_with_a_name(qapp):
    session = Session.from_file(BUNDLED_SCENARIO, read_only=True)
    history = UndoHistory(session)
    start = session.state
    for v in range(10, 60):
        session.set_weight("defence", v)
    assert history.stack.count() == 1
    assert history.stack.undoText() == "weight of Defensive record"
    history.close_step()                        # slider released
    session.set_weight("defence", 70)
    assert history.stack.count() == 2
    history.stack.undo()
    assert session.weights["defence"] == 59
    history.stack.undo()
    assert session.state == start


def test_listeners_hear_once_per_edit_with_what_changed(qapp):
    session = Session.from_file(BUNDLED_SCENARIO, read_only=True)
    heard: list[Change] = []
    session.subscribe(lambda result, changes: heard.append(changes))
    session.set_weight("age", 5)
    session.set_as_of(date(2026, 1, 10))
    session.add_club("Paris Saint-Germain FC", LIGUE_1)
    session.set_direction("age", "higher")
    with pytest.raises(InputError):
        session.set_as_of(date(2020, 1, 1))
    assert heard[0] == Change.WEIGHTS
    assert heard[1] == Change.FIGURES            # the date is the figures' date, not the case's files
    assert Change.CLUBS in heard[2] and Change.CRITERIA not in heard[2]
    assert Change.CRITERIA in heard[3] and Change.CLUBS not in heard[3]
    assert len(heard) == 4                      # the refused date said nothing


def test_the_last_club_cannot_be_removed(qapp, bundled_scenario):
    session = Session(bundled_scenario)         # fixed figures: clubs simply go
    session.remove_club("as-roma")
    session.remove_club("bayer-04-leverkusen")
    before = session.state
    with pytest.raises(InputError, match="last club"):
        session.remove_club("olympique-de-marseille")
    assert session.state == before
