"""Target criteria with a tolerance: 1 at the target, falling linearly to 0 at target +/- tolerance."""
from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from evaluator.decision.scoring import prepare, score
from evaluator.decision.value_functions import value_curve
from evaluator.documents import scenario_from_dict, scenario_to_dict
from evaluator.errors import InputError
from tests.helpers import make


def scenario(tolerance, scale=None):
    s = make({"a": {"age": 26.0}, "b": {"age": 28.0}, "c": {"age": 31.0}},
             [("age", "target", 27.0) + ((scale,) if scale else ())], {"age": 1.0})
    return replace(s, criteria=(replace(s.criteria[0], tolerance=tolerance),))


def test_utilities_by_hand():
    u = prepare(scenario(3.0)).utilities[:, 0]
    # |26-27| = 1 -> 1 - 1/3; |28-27| = 1 -> same; |31-27| = 4 beyond the tolerance -> 0
    np.testing.assert_allclose(u, [2 / 3, 2 / 3, 0.0])


def test_without_a_tolerance_the_old_rule_holds():
    u = prepare(scenario(None)).utilities[:, 0]
    # distances 1, 1, 4: nearest -> 1, farthest -> 0
    np.testing.assert_allclose(u, [1.0, 1.0, 0.0])


def test_a_tolerance_makes_the_function_absolute_so_equal_clubs_are_not_flat():
    s = make({"a": {"age": 29.0}, "b": {"age": 29.0}}, [("age", "target", 27.0)], {"age": 1.0})
    s = replace(s, criteria=(replace(s.criteria[0], tolerance=4.0),))
    p = prepare(s)
    assert not p.flat[0]
    np.testing.assert_allclose(p.utilities[:, 0], [0.5, 0.5])   # 1 - 2/4


@pytest.mark.parametrize("tolerance,scale", [(3.0, None), (None, None), (None, (20.0, 35.0)), (2.0, (20.0, 35.0))])
def test_value_curve_is_the_scorers_function(tolerance, scale):
    p = prepare(scenario(tolerance, scale))
    np.testing.assert_array_equal(value_curve(p, 0, p.values[:, 0]), p.utilities[:, 0])
    xs = np.linspace(20, 35, 31)
    curve = value_curve(p, 0, xs)
    assert curve[np.argmin(np.abs(xs - 27.0))] == pytest.approx(1.0) and curve.min() >= 0.0 and curve.max() <= 1.0


@pytest.mark.parametrize("bad", [0.0, -1.0, float("nan")])
def test_tolerance_must_be_a_positive_number(bad):
    with pytest.raises(InputError, match="tolerance"):
        scenario(bad)


def test_tolerance_survives_a_document_round_trip():
    s = scenario(2.5)
    back = scenario_from_dict(scenario_to_dict(s))
    assert back.criteria[0].tolerance == 2.5
    assert score(prepare(back), np.array([1.0])).scores.tolist() == score(prepare(s), np.array([1.0])).scores.tolist()
    assert "tolerance" not in scenario_to_dict(scenario(None))["criteria"][0]
