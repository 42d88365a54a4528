"""Scenario validation: bad numbers and shapes are rejected at construction, naming the field."""
from __future__ import annotations

import math
from dataclasses import replace

import pytest

from evaluator.model import Direction, Figure, Scale, check_number
from evaluator.errors import InputError
from tests.helpers import make


def base(**kw):
    return make({"A": {"x": 1, "age": 25}, "B": {"x": 2, "age": 30}}, [("x", "higher"), ("age", "lower")],
                {"x": 1, "age": 1}, minimum={"age": 0}, **kw)


@pytest.mark.parametrize("bad, words", [
    (math.nan, "is NaN"), (math.inf, "is infinite"), (-math.inf, "is infinite"),
    ("3", "expected a number"), (True, "expected a number"), (None, "expected a number"),
])
def test_check_number_names_the_field(bad, words):
    with pytest.raises(InputError, match=rf"^clubs\[0\]\.x: .*{words}"):
        check_number(bad, "clubs[0].x")


def test_nan_figure_rejected_naming_club_and_column():
    s = base()
    club = replace(s.clubs[1], figures={**s.clubs[1].figures, "x": Figure(math.nan, "src")})
    with pytest.raises(InputError, match=r"scenario\.clubs\[1\] \(B\)\.figures\.x\.value: is NaN"):
        replace(s, clubs=(s.clubs[0], club))


def test_negative_age_below_column_minimum():
    s = base()
    club = replace(s.clubs[0], figures={**s.clubs[0].figures, "age": Figure(-3.0, "src")})
    with pytest.raises(InputError, match=r"clubs\[0\] \(A\)\.figures\.age\.value: -3 is below the minimum 0"):
        replace(s, clubs=(club, s.clubs[1]))


def test_unknown_direction():
    with pytest.raises(InputError, match=r"^criteria\[0\]\.direction: unknown direction 'sideways'"):
        Direction.parse("sideways", "criteria[0].direction")


def test_direction_parse_is_lenient_on_case_and_space():
    assert Direction.parse(" Lower ", "d") is Direction.LOWER


def test_empty_clubs_and_criteria():
    s = base()
    with pytest.raises(InputError, match=r"^scenario\.clubs: .*no clubs"):
        replace(s, clubs=())
    with pytest.raises(InputError, match=r"^scenario\.criteria: .*no criteria"):
        replace(s, criteria=(), weights={})


@pytest.mark.parametrize("w, words", [(-1, "is negative"), (math.nan, "is NaN"), ("1", "expected a number")])
def test_bad_weight_names_the_criterion(w, words):
    with pytest.raises(InputError, match=rf"^scenario\.weights\.x: .*{words}"):
        base().with_weights({"x": w})


def test_weight_for_unknown_criterion():
    with pytest.raises(InputError, match=r"^scenario\.weights\.nope: no criterion has this id"):
        base().with_weights({"nope": 1})


def test_target_direction_needs_target_and_scale_needs_both_ends():
    s = base()
    with pytest.raises(InputError, match=r"criteria\[0\] \(x\)\.target: .*needs a target"):
        replace(s, criteria=(replace(s.criteria[0], direction=Direction.TARGET), s.criteria[1]))
    with pytest.raises(InputError, match=r"criteria\[0\] \(x\)\.scale: give both lo and hi"):
        replace(s, criteria=(replace(s.criteria[0], scale=Scale(0, None)), s.criteria[1]))
    with pytest.raises(InputError, match=r"criteria\[0\] \(x\)\.scale: hi \(1\) must be above lo \(2\)"):
        replace(s, criteria=(replace(s.criteria[0], scale=Scale(2, 1)), s.criteria[1]))


def test_duplicate_ids_and_unknown_column():
    s = base()
    with pytest.raises(InputError, match=r"^scenario\.clubs: id 'A' appears twice"):
        replace(s, clubs=(s.clubs[0], s.clubs[0]))
    with pytest.raises(InputError, match=r"criteria\[0\] \(x\)\.column: unknown column 'zz'"):
        replace(s, criteria=(replace(s.criteria[0], column="zz"), s.criteria[1]))
    club = replace(s.clubs[0], figures={"zz": Figure(1.0, "src")})
    with pytest.raises(InputError, match=r"figures\.zz: unknown column 'zz'"):
        replace(s, clubs=(club, s.clubs[1]))


def test_errors_are_one_line():
    try:
        Direction.parse("a\nb", "where")
    except InputError as e:
        assert "\n" not in str(e)
