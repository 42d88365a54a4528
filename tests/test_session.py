"""The session: one source of truth; listeners see each new Result; bad input changes nothing."""
from __future__ import annotations

import math
from datetime import date

import pytest

from evaluator.model import Direction, FigureStatus, Scale
from evaluator.session import Session
from evaluator.errors import InputError
from tests.helpers import make


def scn():
    return make({"A": {"x": 10, "y": 1}, "B": {"x": 20, "y": 3}, "C": {"x": 30, "y": 2}},
                [("x", "higher"), ("y", "lower")], {"x": 3, "y": 1})


@pytest.fixture
def s():
    session = Session(scn())
    seen = []

    def listener(result, changes):
        seen.append(result)
    session.subscribe(listener)
    session.seen, session.listener = seen, listener   # type: ignore[attr-defined]  # test-only handles
    return session


def test_initial_result_and_no_call_on_subscribe(s):
    assert s.seen == []
    assert s.result.ranks.tolist() == [3, 2, 1]


def test_set_weight_notifies_with_the_new_result(s):
    s.set_weight("y", 3)
    assert len(s.seen) == 1 and s.seen[0] is s.result
    assert s.result.weights.tolist() == [0.5, 0.5]
    assert s.weights == {"x": 3.0, "y": 3.0}
    assert s.scenario.weights == {"x": 3.0, "y": 3.0}


def test_same_weight_again_does_not_notify(s):
    s.set_weight("x", 3)
    assert s.seen == []


def test_set_weights_many_at_once(s):
    s.set_weights({"x": 0, "y": 1})
    assert len(s.seen) == 1
    assert s.result.ranks.tolist() == [1, 3, 2]


@pytest.mark.parametrize("bad", [-1, math.nan, math.inf, "2", None])
def test_invalid_weight_leaves_state(s, bad):
    before = s.result
    with pytest.raises(InputError, match="weight of x"):
        s.set_weight("x", bad)
    with pytest.raises(InputError, match="weight of y"):
        s.set_weights({"x": 5, "y": bad})
    assert s.result is before and s.weights == {"x": 3.0, "y": 1.0} and s.seen == []


def test_unknown_criterion(s):
    with pytest.raises(InputError, match="'zz'"):
        s.set_weight("zz", 1)
    assert s.seen == []


def test_set_direction_flips_ranking(s):
    s.set_direction("x", "lower")
    assert s.scenario.criterion("x").direction is Direction.LOWER
    # x lower: 1, .5, 0 (x .75) ; y lower: 1, 0, .5 (x .25)
    assert s.result.scores == pytest.approx([100, 37.5, 12.5])
    assert s.result.ranks.tolist() == [1, 2, 3]
    assert s.seen[-1] is s.result
    assert s.weights == {"x": 3.0, "y": 1.0}


def test_set_direction_target_needs_target(s):
    before = s.result
    with pytest.raises(InputError, match=r"\(x\)\.target: direction 'target' needs a target"):
        s.set_direction("x", Direction.TARGET)
    with pytest.raises(InputError, match=r"unknown direction 'up'"):
        s.set_direction("x", "up")
    assert s.result is before and s.seen == []
    s.set_direction("x", "target", 20)
    assert s.result.prepared.utilities[:, 0].tolist() == [0, 1, 0]


def test_set_scale_and_invalid_scale(s):
    before = s.result
    with pytest.raises(InputError, match=r"scale: hi \(0\) must be above lo \(40\)"):
        s.set_scale("x", Scale(40, 0))
    assert s.result is before
    s.set_scale("x", Scale(0, 40))
    assert s.result.prepared.utilities[:, 0] == pytest.approx([0.25, 0.5, 0.75])


def test_set_figure_requires_a_source(s):
    before = s.result
    with pytest.raises(InputError, match="x: say where the figure comes from"):
        s.set_figure("A", "x", 50, "  ", date(2025, 11, 28))
    with pytest.raises(InputError, match="is NaN"):
        s.set_figure("A", "x", math.nan, "me", None)
    with pytest.raises(InputError, match="club 'Z'"):
        s.set_figure("Z", "x", 1, "me", None)
    assert s.result is before and s.seen == []


def test_set_figure_below_column_minimum_leaves_state():
    session = Session(make({"A": {"age": 25}, "B": {"age": 30}}, [("age", "lower")], {"age": 1},
                           minimum={"age": 0}))
    before = session.result
    with pytest.raises(InputError, match=r"figures\.age\.value: -1 is below the minimum 0"):
        session.set_figure("A", "age", -1, "my notes", None)
    assert session.result is before


def test_set_figure_rescores_and_keeps_weights(s):
    s.set_weight("y", 2)
    s.set_figure("A", "x", 40, " club website ", date(2025, 12, 1))
    f = s.scenario.clubs[0].figures["x"]
    assert (f.value, f.source, f.status) == (40.0, "club website", FigureStatus.USER)
    assert s.weights == {"x": 3.0, "y": 2.0}
    assert s.result.ranks.tolist()[0] == 1
    assert len(s.seen) == 2


def test_clearing_a_figure_marks_it_missing(s):
    s.set_figure("B", "y", None, "", None)
    assert s.scenario.clubs[1].figures["y"].status is FigureStatus.MISSING
    assert s.result.incomplete.tolist() == [False, True, False]


def test_restore_puts_an_earlier_state_back_with_its_weights(s):
    start = s.state
    s.set_weight("x", 0)
    s.set_figure("A", "x", 40, "club website", None)
    s.restore(start)
    assert s.state == start and s.weights == {"x": 3.0, "y": 1.0}
    assert s.scenario.clubs[0].figures["x"].value == 10
    assert len(s.seen) == 3


def test_unsubscribe(s):
    s.unsubscribe(s.listener)
    s.set_weight("x", 1)
    assert s.seen == []
