"""Weight profiles: the session's edits and their undo, the document format, and the comparison
(ranking per profile, consensus, first place over the profiles' hull) against a brute force."""
from __future__ import annotations

import copy
import json
import math
import re
import shutil

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import BUNDLED_SCENARIO
from evaluator.decision import profiles as compare_mod
from evaluator.decision.scoring import TIE_TOLERANCE, prepare, score
from evaluator.decision.smaa import _unknown
from evaluator.documents import load_scenario, scenario_from_dict, scenario_to_dict
from evaluator.errors import InputError
from evaluator.model import Figure, Profile
from evaluator.session import Change, Session
from evaluator.session.profiles import ProfileExists, UnknownProfile
from strategies_documents import SCENARIO
from ui.undo import UndoHistory


def fixed_session(bundled_scenario) -> Session:
    return Session(bundled_scenario)


# --- session edits ----------------------------------------------------------------------
def test_save_apply_remove_rename_each_one_undo_step(qapp, session):
    history = UndoHistory(session)
    heard: list[Change] = []
    session.subscribe(lambda result, changes: heard.append(changes))
    start = session.state
    session.set_weights({"standing": 80, "defence": 10, "age": 10})
    session.save_profile("  Player: title race ")
    assert heard[-1] == Change.PROFILES                     # the ranking is untouched
    assert [p.name for p in session.profiles] == ["Player: title race"]
    session.set_weights({"standing": 0, "defence": 30, "age": 70})
    session.save_profile("Agent: playing time")
    session.apply_profile("player: TITLE race")             # names match whatever the case
    assert session.weights == {"standing": 80, "defence": 10, "age": 10}
    assert heard[-1] == Change.WEIGHTS
    session.rename_profile("Agent: playing time", "Agent")
    session.remove_profile("Player: title race")
    assert [p.name for p in session.profiles] == ["Agent"]
    assert [history.stack.text(i) for i in range(history.stack.count())] == [
        "weights", "save profile Player: title race", "weights", "save profile Agent: playing time",
        "apply profile Player: title race", "rename profile Agent: playing time to Agent",
        "remove profile Player: title race"]
    end = session.state
    while history.stack.canUndo():
        history.stack.undo()
    assert session.state == start and session.profiles == ()
    while history.stack.canRedo():
        history.stack.redo()
    assert session.state == end


def test_an_existing_name_raises_profile_exists_until_replace(qapp, session):
    session.save_profile("Player")
    session.set_weight("defence", 0)
    before = session.state
    with pytest.raises(ProfileExists) as caught:
        session.save_profile("PLAYER")
    assert caught.value.name == "Player" and isinstance(caught.value, InputError)
    assert session.state == before
    session.save_profile("player", replace=True)
    assert len(session.profiles) == 1 and session.profiles[0].weights["defence"] == 0
    session.save_profile("Agent")
    with pytest.raises(ProfileExists):
        session.rename_profile("Agent", "player")


@pytest.mark.parametrize("name, words", [("", "profile name"), ("   ", "profile name"), (None, "profile name"),
                                         ("x" * 81, "too long")])
def test_a_bad_name_is_refused_and_nothing_changes(session, name, words):
    before = session.state
    with pytest.raises(InputError, match=words):
        session.save_profile(name)
    assert session.state == before


def test_unknown_profiles_are_named_with_the_known_ones(session):
    session.save_profile("Player")
    before = session.state
    for act in (session.apply_profile, session.remove_profile, lambda n: session.rename_profile(n, "x")):
        with pytest.raises(UnknownProfile, match=r"'Agent'.*'Player'"):
            act("Agent")
    assert session.state == before


def test_all_zero_weights_cannot_be_saved(session):
    session.set_weights({"standing": 0, "defence": 0, "age": 0})
    with pytest.raises(InputError, match="all weights are zero"):
        session.save_profile("Nobody")
    assert session.profiles == ()


def test_criteria_the_profile_does_not_know_count_zero_and_unknown_ones_are_ignored(bundled_scenario):
    scenario = load_scenario(BUNDLED_SCENARIO)
    from dataclasses import replace
    s = Session(replace(scenario, profiles=(Profile("Old", {"standing": 2, "gone": 5}),)))
    s.apply_profile("Old")
    assert s.weights == {"standing": 2, "defence": 0, "age": 0}
    s2 = Session(replace(scenario, profiles=(Profile("Gone", {"gone": 5}),)))
    with pytest.raises(InputError, match="weight 0"):
        s2.apply_profile("Gone")


def test_profiles_survive_save_and_reopen_with_the_case_beside(tmp_path):
    shutil.copytree(BUNDLED_SCENARIO.parent.parent, tmp_path / "resources")
    original = tmp_path / "resources" / "cases" / BUNDLED_SCENARIO.name
    session = Session.from_file(original)
    assert session.can_recompute
    session.set_weights({"standing": 1, "defence": 2, "age": 3})
    session.save_profile("Agent")
    session.set_weights({"standing": 3, "defence": 0, "age": 0})
    session.save_profile("Player")
    target = tmp_path / "resources" / "cases" / "mine.json"
    session.save(target)
    again = Session.from_file(target)
    assert again.can_recompute
    assert again.profiles == session.profiles
    assert again.state.scenario.profiles == ()      # one truth: the state's
    again.apply_profile("Agent")
    assert again.weights == {"standing": 1, "defence": 2, "age": 3}
    from datetime import date
    again.set_as_of(date(2026, 1, 10))              # a rebuild from the files keeps them
    assert again.profiles == session.profiles


def test_a_file_without_profiles_still_reads_and_writes_none():
    assert "profiles" not in SCENARIO
    s = scenario_from_dict(copy.deepcopy(SCENARIO))
    assert s.profiles == () and "profiles" not in scenario_to_dict(s)


def test_profiles_round_trip_through_the_dict():
    d = copy.deepcopy(SCENARIO)
    d["profiles"] = [{"name": "Player", "weights": {"standing": 3, "defence": 1}}, {"name": "Agent", "weights": {}}]
    s = scenario_from_dict(d)
    assert s.profiles == (Profile("Player", {"standing": 3, "defence": 1}), Profile("Agent", {}))
    assert scenario_from_dict(json.loads(json.dumps(scenario_to_dict(s)))).profiles == s.profiles


BAD_WEIGHTS = st.one_of(st.just(math.nan), st.just(math.inf), st.floats(max_value=-1e-9, allow_nan=False,
                        allow_infinity=False), st.text(max_size=10), st.none(), st.booleans(), st.just([1]),
                        st.just(1e10), st.just(10 ** 400))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=BAD_WEIGHTS, index=st.integers(0, 2), criterion=st.sampled_from(["defence", "age", "made-up"]))
def test_bad_profile_weights_in_a_file_name_file_and_field(tmp_path, value, index, criterion):
    d = copy.deepcopy(SCENARIO)
    d["profiles"] = [{"name": f"P{i}", "weights": {"standing": 1.0}} for i in range(3)]
    d["profiles"][index]["weights"][criterion] = value
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(d), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_scenario(path)
    message = str(caught.value)
    assert message.startswith(f"bad.json: profiles[{index}].weights.{criterion}: ")
    assert "\n" not in message


@pytest.mark.parametrize("profiles, field", [
    ({"name": "x"}, "profiles: expected a list"),
    ([[]], "profiles[0]: expected an object"),
    ([{"weights": {}}], "profiles[0].name: expected a non-empty text"),
    ([{"name": "A", "weights": {}}, {"name": " a ", "weights": {}}], "profiles[1].name: 'a' appears twice"),
    ([{"name": "A", "weights": [1, 2]}], "profiles[0].weights: expected an object"),
    ([{"name": "A"}], "profiles[0].weights: expected an object"),
])
def test_bad_profile_entries_name_the_field(tmp_path, profiles, field):
    d = copy.deepcopy(SCENARIO)
    d["profiles"] = profiles
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(d), encoding="utf-8")
    with pytest.raises(InputError, match="^" + re.escape(f"bad.json: {field}")):
        load_scenario(path)


# --- the comparison -----------------------------------------------------------------------
def brute_force_first(prepared, vertices, samples, seed) -> np.ndarray:
    """One sample at a time: mix the profiles, draw the missing utilities, score, share first place."""
    rng = np.random.default_rng(seed)
    p = vertices.shape[0]
    mix = rng.dirichlet(np.ones(p), samples) if p > 1 else np.ones((samples, 1))
    n, k = prepared.utilities.shape
    draws = _unknown(samples, n, k, seed)
    first = np.zeros(n)
    for s in range(samples):
        w = mix[s] @ vertices
        u = np.where(prepared.missing, draws[s], prepared.utilities)
        scores = np.array([sum(w[j] * u[i, j] for j in range(k)) for i in range(n)])
        top = scores.max()
        tied = [i for i in range(n) if top - scores[i] <= TIE_TOLERANCE]
        for i in tied:
            first[i] += 1 / len(tied)
    return first / samples


PROFILES = (Profile("Player", {"standing": 6, "defence": 2, "age": 0}),
            Profile("Agent", {"standing": 0, "defence": 1, "age": 3}),
            Profile("Coach", {"standing": 1, "defence": 4, "age": 1}))


def test_rankings_consensus_and_hull_match_a_brute_force(bundled_scenario):
    prepared = prepare(bundled_scenario)
    c = compare_mod.compare(prepared, PROFILES, samples=500, seed=3)
    assert c.names == ("Player", "Agent", "Coach")
    vertices = np.array([[6, 2, 0], [0, 1, 3], [1, 4, 1]], dtype=float)
    vertices /= vertices.sum(axis=1, keepdims=True)
    np.testing.assert_allclose(c.weights, vertices)
    for row, w in zip(c.ranks, vertices):
        np.testing.assert_array_equal(row, score(prepared, w).ranks)
    np.testing.assert_allclose(c.consensus_weights, vertices.mean(axis=0))
    np.testing.assert_array_equal(c.consensus_ranks, score(prepared, vertices.mean(axis=0)).ranks)
    np.testing.assert_allclose(c.hull_first, brute_force_first(prepared, vertices, 500, 3), atol=1e-12)
    assert c.hull_first.sum() == pytest.approx(1.0)
    assert c.differs.tolist() == [bool(len(set(c.ranks[:, i])) > 1) for i in range(3)]


def test_missing_figures_are_drawn_over_the_scale_as_smaa_does(bundled_scenario):
    from dataclasses import replace
    clubs = list(bundled_scenario.clubs)
    first, second = (c.column for c in bundled_scenario.criteria[:2])
    clubs[0] = replace(clubs[0], figures={**clubs[0].figures, first: Figure.missing_figure("test")})
    clubs[1] = replace(clubs[1], figures={**clubs[1].figures, second: Figure.missing_figure("test")})
    prepared = prepare(replace(bundled_scenario, clubs=tuple(clubs)))
    assert prepared.missing.any()
    c = compare_mod.compare(prepared, PROFILES, samples=400, seed=7)
    vertices = compare_mod.normalised(PROFILES, prepared)[1]
    np.testing.assert_allclose(c.hull_first, brute_force_first(prepared, vertices, 400, 7), atol=1e-12)


def test_the_same_inputs_give_the_same_shares(bundled_scenario):
    prepared = prepare(bundled_scenario)
    a, b = compare_mod.compare(prepared, PROFILES), compare_mod.compare(prepared, PROFILES)
    np.testing.assert_array_equal(a.hull_first, b.hull_first)
    assert a.samples == compare_mod.HULL_SAMPLES


def test_one_profile_is_its_own_hull_and_zero_profiles_are_skipped(bundled_scenario):
    prepared = prepare(bundled_scenario)
    one = compare_mod.compare(prepared, (PROFILES[0], Profile("Gone", {"gone": 1})), samples=100)
    assert one.names == ("Player",) and one.skipped == ("Gone",)
    winner = int(np.argmin(np.where(one.ranks[0] > 0, one.ranks[0], 99)))
    assert one.hull_first[winner] == pytest.approx(1.0)
    assert not one.differs.any()
    none = compare_mod.compare(prepared, (Profile("Gone", {"gone": 1}),))
    assert none.names == () and none.samples == 0 and none.ranks.shape == (0, 3)


# --- random edits, profiles among them, undo to the start and redo to the end --------------------
names = st.sampled_from(["Player", "player ", "Agent", "", "Coach"])
profile_ops = st.one_of(
    st.tuples(st.just("set_weight"), st.sampled_from(["standing", "defence", "age"]),
              st.one_of(st.integers(0, 100).map(float), st.just(-1.0), st.just(math.nan))),
    st.tuples(st.just("save_profile"), names, st.booleans()),
    st.tuples(st.just("apply_profile"), names),
    st.tuples(st.just("remove_profile"), names),
    st.tuples(st.just("rename_profile"), names, names),
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=st.lists(profile_ops, min_size=1, max_size=12))
def test_any_profile_edits_undo_to_the_start_and_redo_to_the_end(qapp, bundled_scenario, ops):
    session = Session(bundled_scenario)
    history = UndoHistory(session)
    start = session.state
    for name, *args in ops:
        before = session.state
        try:
            getattr(session, name)(*args)
        except InputError:
            assert session.state == before
        history.close_step()
        assert len({p.name.casefold() for p in session.profiles}) == len(session.profiles)   # names stay unique
    end = session.state
    while history.stack.canUndo():
        history.stack.undo()
    assert session.state == start
    while history.stack.canRedo():
        history.stack.redo()
    assert session.state == end


def test_above_the_club_limit_the_hull_shares_are_left_out(bundled_scenario, monkeypatch):
    from evaluator.report_profiles import profiles_section
    monkeypatch.setattr(compare_mod, "HULL_MAX_CLUBS", 2)
    prepared = prepare(bundled_scenario)
    c = compare_mod.compare(prepared, PROFILES)
    assert c.samples == 0 and np.isnan(c.hull_first).all() and c.ranks.shape == (3, 3)
    section = profiles_section(prepared, PROFILES)
    assert section is not None and {row[-1] for row in section.rows} == {"—"}
    assert "left out above" in section.explanation
