"""Shaping the criteria through the session: add from the catalogue, rename, remove, reorder,
target with a tolerance, scale kinds; each one undo step; bad input names the field and changes
nothing; the result survives save and reopen."""
from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import BUNDLED_SCENARIO
from evaluator.data import club_figures
from evaluator.decision.scoring import prepare, score
from evaluator.errors import InputError
from evaluator.model import Column, Direction
from evaluator.session import Session
from ui.undo import UndoHistory


@pytest.fixture(scope="module")
def shared_cache():
    return Session.from_file(BUNDLED_SCENARIO).cache


@pytest.fixture
def live(shared_cache):
    s = Session.from_file(BUNDLED_SCENARIO, read_only=True)
    s.cache = shared_cache
    return s


def ids(s: Session) -> list[str]:
    return [c.id for c in s.scenario.criteria]


def test_catalogue_of_a_live_case_is_every_column_the_data_layer_computes(live):
    assert [c.id for c in live.catalogue()] == [c.id for c in club_figures.COLUMNS]
    for cid in ("points_per_match", "scored_per_match", "goal_difference_per_match", "clean_sheet_rate", "form",
                "squad_age", "defender_age", "centre_back_age", "gap_to_leader", "table_percentile"):
        assert cid in {c.id for c in live.catalogue()}


def test_add_from_the_catalogue_with_figures_from_the_files_and_a_default_weight(qapp, live):
    history = UndoHistory(live)
    start = live.state
    new = live.add_criterion("form")
    crit = live.scenario.criterion(new)
    assert ids(live)[-1] == new and crit.label == "Form (last 5)" and crit.unit == "pts/match"
    assert crit.direction is Direction.HIGHER and crit.scale.mode == "reference" and crit.scale.fixed
    assert live.weights[new] == 50.0                     # the mean of the others (50, 50, 50)
    assert len(live.state.weights) == len(live.scenario.criteria)
    for club in live.scenario.clubs:                    # computed from the match files, sourced and dated
        f = club.figure("form")
        assert f.value is not None and ", file " in f.source
        assert f.as_of == live.scenario.as_of
    assert history.stack.undoText() == "add criterion Form (last 5)"
    history.stack.undo()
    assert live.state == start
    history.stack.redo()
    assert ids(live)[-1] == new


def test_fixed_figures_offer_only_their_own_columns(bundled_scenario):
    s = Session(bundled_scenario)
    assert s.catalogue() == bundled_scenario.columns
    before = s.state
    with pytest.raises(InputError, match="criterion column: 'nope' is not in the catalogue"):
        s.add_criterion("nope")
    assert s.state == before
    new = s.add_criterion("points")
    assert s.scenario.criterion(new).scale.mode == "reference"   # the saved league-wide range is kept


def test_rename_remove_move_keep_weights_in_step(qapp, live):
    history = UndoHistory(live)
    live.set_weight("age", 20)
    history.close_step()
    live.rename_criterion("age", "  Back-line   age ")
    assert live.scenario.criterion("age").label == "Back-line age"
    live.move_criterion("age", 0)
    assert ids(live) == ["age", "standing", "defence"] and live.state.weights == (20.0, 50.0, 50.0)
    live.remove_criterion("standing")
    assert ids(live) == ["age", "defence"] and live.state.weights == (20.0, 50.0)
    assert live.weights == {"age": 20.0, "defence": 50.0}
    texts = [history.stack.text(i) for i in range(history.stack.count())]
    assert texts[1:] == ["rename Squad age (defenders)", "move Back-line age", "remove criterion League standing"]
    history.stack.undo()
    assert ids(live) == ["age", "standing", "defence"] and live.state.weights == (20.0, 50.0, 50.0)


@pytest.mark.parametrize("call,message", [
    (lambda s: s.rename_criterion("age", "   "), "criterion name: is empty"),
    (lambda s: s.rename_criterion("age", "defensive RECORD"), "criterion name: 'defensive RECORD' is taken"),
    (lambda s: s.rename_criterion("age", 3), "criterion name: expected a text"),
    (lambda s: s.move_criterion("age", 3), "criterion position: expected a whole number from 0 to 2"),
    (lambda s: s.move_criterion("age", "1"), "criterion position"),
    (lambda s: s.remove_criterion("nope"), "criterion: no criterion has the id 'nope'"),
    (lambda s: s.set_direction("standing", "target", 120.0, 10.0),
     r"target of League standing: 120 % of league below is outside the possible values of League standing \(0 to 100"),
    (lambda s: s.set_direction("defence", "target", -1.0, 1.0), "target of Defensive record: -1 goals/match is outside"),
    (lambda s: s.set_direction("age", "target", 27.0, 0.0), "tolerance of Squad age \\(defenders\\): 0 must be above 0"),
    (lambda s: s.set_direction("age", "target", 27.0, -2.0), "tolerance of Squad age"),
    (lambda s: s.set_direction("age", "target", math.nan, 2.0), "target of Squad age \\(defenders\\): is NaN"),
    (lambda s: s.set_direction("age", "target", "27", 2.0), "target of Squad age \\(defenders\\): expected a number"),
    (lambda s: s.set_direction("age", "target", 27.0, math.inf), "tolerance of Squad age \\(defenders\\): is infinite"),
    (lambda s: s.set_scale_kind("age", "fixed", 30.0, 30.0), r"scale of Squad age \(defenders\): the minimum \(30\) must be below"),
    (lambda s: s.set_scale_kind("age", "fixed", 35.0, 20.0), "the minimum \\(35\\) must be below the maximum \\(20\\)"),
    (lambda s: s.set_scale_kind("age", "fixed", "x", 20.0), "scale minimum of Squad age \\(defenders\\): expected a number"),
    (lambda s: s.set_scale_kind("age", "reference"), "no league-wide reference range is known for Average age of defenders"),
    (lambda s: s.set_scale_kind("age", "sideways"), "scale of Squad age \\(defenders\\): unknown kind 'sideways'"),
])
def test_bad_input_names_the_field_and_changes_nothing(live, call, message):
    before, result = live.state, live.result
    with pytest.raises(InputError, match=message) as e:
        call(live)
    assert "\n" not in str(e.value)
    assert live.state == before and live.result is result


def test_the_last_criterion_cannot_be_removed(bundled_scenario):
    s = Session(bundled_scenario)
    s.remove_criterion("standing")
    s.remove_criterion("defence")
    before = s.state
    with pytest.raises(InputError, match="criteria: Squad age \\(defenders\\) is the last criterion"):
        s.remove_criterion("age")
    assert s.state == before


def test_target_with_a_tolerance_scores_by_hand(live):
    live.set_direction("age", "target", 27.0, 2.0)
    crit = live.scenario.criterion("age")
    assert (crit.direction, crit.target, crit.tolerance) == (Direction.TARGET, 27.0, 2.0)
    j = ids(live).index("age")
    values = live.prepared.values[:, j]
    want = np.clip(1 - np.abs(values - 27.0) / 2.0, 0, 1)
    np.testing.assert_allclose(live.prepared.utilities[:, j], want)
    np.testing.assert_array_equal(live.value_curve("age", values), live.prepared.utilities[:, j])


def test_a_target_without_a_tolerance_gets_the_stated_default(live):
    # fixed scale 22..32, target 26: the farther end is 6 years away (what the scale alone meant)
    live.set_direction("age", "target", 26.0)
    assert live.scenario.criterion("age").tolerance == 6.0


def test_scale_kinds_from_the_editor(live):
    live.set_scale_kind("age", "fixed", 20.0, 34.0)
    sc = live.scenario.criterion("age").scale
    assert (sc.kind, sc.lo, sc.hi, sc.reason) == ("fixed", 20.0, 34.0, "typed in the window")
    live.set_scale_kind("age", "own")
    assert live.scenario.criterion("age").scale.mode == "own" and not live.scenario.criterion("age").scale.fixed
    live.set_scale_kind("defence", "own")
    live.set_scale_kind("defence", "reference")
    sc = live.scenario.criterion("defence").scale
    ref = live.scenario.references["conceded_per_match"]
    assert (sc.lo, sc.hi, sc.reason) == (ref.lo, ref.hi, ref.text)


def test_save_and_reopen_keeps_renamed_added_reordered_and_target_criteria(live, tmp_path):
    new = live.add_criterion("squad_age")
    live.rename_criterion(new, "Squad age (all)")
    live.set_direction(new, "target", 26.0, 3.0)
    live.move_criterion(new, 1)
    live.add_criterion("scored_per_match")
    live.remove_criterion("defence")
    live.set_weight("standing", 30)
    live.save(tmp_path / "shaped.scenario.json")
    back = Session.from_file(tmp_path / "shaped.scenario.json")
    assert back.scenario.criteria == live.scenario.criteria
    assert back.state.weights == live.state.weights
    assert back.case is not None
    assert [c.id for c in back.case.criteria] == ids(live)
    crit = back.case.criteria[1]
    assert (crit.label, crit.target, crit.tolerance) == ("Squad age (all)", 26.0, 3.0)
    np.testing.assert_array_equal(back.result.scores, live.result.scores)
    back.recompute()                                   # live again: the same criteria on the files' figures
    np.testing.assert_array_equal(back.result.scores, live.result.scores)


def test_a_column_the_data_layer_learns_is_offered_and_computed(monkeypatch):
    extra = Column("goals_total", "Goals scored", "goals", 0, 0, None, "League goals scored (test column).")
    monkeypatch.setattr(club_figures, "COLUMNS", (*club_figures.COLUMNS, extra))
    plain = club_figures.row_values
    monkeypatch.setattr(club_figures, "row_values", lambda row, size: {**plain(row, size), "goals_total": row.goals_for})
    # Its own cache: the shared one keeps clubs' figures computed before the data layer "learned" the column.
    s = Session.from_file(BUNDLED_SCENARIO, read_only=True)
    assert "goals_total" in {c.id for c in s.catalogue()}
    new = s.add_criterion("goals_total")
    crit = s.scenario.criterion(new)
    assert crit.label == "Goals scored" and crit.scale.mode == "reference"   # a league column: reference range
    assert all(c.figure("goals_total").value is not None for c in s.scenario.clubs)


# --- any sequence of criteria edits, valid or not --------------------------------------------
crit_ids = st.sampled_from(["standing", "defence", "age", "form", "nope"])
numbers = st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-5, 120).map(float),
                    st.just("27"), st.none())
edits = st.one_of(
    st.tuples(st.just("add_criterion"), st.sampled_from(["form", "clean_sheet_rate", "squad_age", "nope"])),
    st.tuples(st.just("rename_criterion"), crit_ids, st.sampled_from(["", "  ", "Form", "League standing", "New"])),
    st.tuples(st.just("remove_criterion"), crit_ids),
    st.tuples(st.just("move_criterion"), crit_ids, st.integers(-1, 5)),
    st.tuples(st.just("set_direction"), crit_ids, st.sampled_from(["higher", "lower", "target", "up"]), numbers, numbers),
    st.tuples(st.just("set_scale_kind"), crit_ids, st.sampled_from(["own", "fixed", "reference", "x"]), numbers, numbers),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=st.lists(edits, min_size=1, max_size=8))
def test_any_criteria_edits_keep_weights_in_step_and_undo_to_the_start(qapp, shared_cache, ops):
    session = Session.from_file(BUNDLED_SCENARIO, read_only=True)
    session.cache = shared_cache
    history = UndoHistory(session)
    start = session.state
    for name, *args in ops:
        before = session.state
        try:
            getattr(session, name)(*args)
        except InputError as e:
            assert session.state == before and "\n" not in str(e)
        s = session.state
        assert len(s.weights) == len(s.scenario.criteria) and set(s.scenario.weights) <= set(ids(session))
        assert session.result.scores.shape == (len(s.scenario.clubs),)
        history.close_step()
    end = session.state
    while history.stack.canUndo():
        history.stack.undo()
    assert session.state == start
    while history.stack.canRedo():
        history.stack.redo()
    assert session.state == end
    assert score(prepare(session.state.scenario), np.array(session.state.weights)).scores.tolist() == \
        session.result.scores.tolist() or np.isnan(session.result.scores).any()
