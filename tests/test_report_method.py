"""The report's method text: one well-formed sentence per criterion for every direction and
scale, descriptions that follow a flipped direction, and flip numbers rounded once."""
from __future__ import annotations

import re
from dataclasses import replace

import numpy as np
import pytest

from evaluator.decision.robustness import analyse_exact
from evaluator.decision.scoring import prepare, score
from evaluator.model import Criterion, Direction
from evaluator.report import method_notes
from evaluator.report_method import criterion_sentence, description_after_flip
from evaluator.report_robustness import flip_rows
from helpers import make

DIRECTIONS = [("higher",), ("lower",), ("target", 5.0)]
SCALES = {"own range": [1.0, 4.0, 9.0], "fixed": [1.0, 4.0, 9.0], "flat": [3.0, 3.0, 3.0],
          "no figures": [None, None, None]}


@pytest.mark.parametrize("direction", DIRECTIONS, ids=lambda d: d[0])
@pytest.mark.parametrize("scale", list(SCALES))
@pytest.mark.parametrize("column_label", ["X", "Goals conceded per match"])
def test_every_direction_and_scale_gives_one_whole_sentence(direction, scale, column_label):
    crit = (("x", *direction) + ((None,) if len(direction) == 1 else ()) + ((0.0, 10.0),)) if scale == "fixed" \
        else ("x", *direction)
    values = {f"club{i}": {"x": v, "y": float(i)} for i, v in enumerate(SCALES[scale])}
    s = make(values, [crit, ("y", "higher")], {"x": 1.0, "y": 1.0})
    s = replace(s, columns=(replace(s.columns[0], label=column_label), s.columns[1]),
                criteria=(replace(s.criteria[0], unit="goals", description="Why this matters."), s.criteria[1]))
    notes = method_notes(_score(s))
    (sentence,) = [n for n in notes if n.startswith("X —")]
    assert sentence.count(" is scored ") == 1, sentence
    assert " scores " not in sentence, sentence          # the old "X scores … (…) is scored …"
    assert sentence.endswith("Why this matters."), sentence
    assert re.match(r"^X — (goals conceded per match, )?(higher is better|lower is better|closest to 5 goals is best) — "
                    r"is scored (on|by its distance from) [^.]+\.", sentence), sentence
    assert ".." not in sentence and "  " not in sentence


@pytest.mark.parametrize("scale", [None, (20.0, 34.0)])
def test_a_target_with_a_tolerance_states_its_function_and_what_the_scale_does(scale):
    s = make({"a": {"x": 25.0}, "b": {"x": 28.0}}, [("x", "target", 27.0) + ((scale,) if scale else ())], {"x": 1.0})
    s = replace(s, criteria=(replace(s.criteria[0], unit="years", tolerance=2.5),))
    (sentence,) = [n for n in method_notes(_score(s)) if n.startswith("X —")]
    assert "closest to 27 years is best" in sentence
    assert "1 at 27, falling in a straight line to 0 at 24.5 and 29.5 years (the tolerance, ± 2.5 years)" in sentence
    kind = "a fixed scale (20 to 34 years)" if scale else "the candidates' own range (25 to 28 years)"
    assert f"The criterion's scale, {kind}, only frames its plot" in sentence
    assert not any("Own-range scales depend" in n for n in method_notes(_score(s)))


def test_a_flipped_direction_says_which_direction_its_description_was_written_for():
    before = Criterion("age", "Squad age", "age", Direction.LOWER,
                       description="A younger back line has more need of a veteran leader.")
    flipped = replace(before, direction=Direction.HIGHER)
    text = description_after_flip(before, flipped)
    assert text == "(Written for “lower is better”.) A younger back line has more need of a veteran leader."
    flipped = replace(flipped, description=text)
    assert description_after_flip(flipped, before) == before.description   # flipped back: as written
    assert description_after_flip(before, before) == before.description


def test_flipping_age_in_the_session_changes_the_method_text(session):
    crit = next(c for c in session.scenario.criteria if "younger" in c.description)
    session.set_direction(crit.id, Direction.HIGHER)
    (line,) = [n for n in method_notes(session.result) if n.startswith(crit.label)]
    assert "higher is better —" in line and "Written for “lower is better”" in line
    session.set_direction(crit.id, Direction.LOWER)
    (line,) = [n for n in method_notes(session.result) if n.startswith(crit.label)]
    assert "Written for" not in line


@pytest.mark.parametrize("seed", range(6))
def test_flip_numbers_are_rounded_once_and_agree(seed):
    rng = np.random.default_rng(seed)
    values = {f"c{i}": {"a": float(rng.uniform(20, 35)), "b": float(rng.uniform(0, 3))} for i in range(4)}
    s = make(values, [("a", "lower"), ("b", "higher")], {"a": 1.0, "b": 1.0})
    rb = analyse_exact(_score(s))
    checked = 0
    for f, row in zip(rb.figure_flips, flip_rows(rb)[len(rb.weight_flips):]):
        if not f.possible or not f.delta:
            continue
        m = re.search(r"were ([\d.]+) (higher|lower) \(([\d.]+) instead of ([\d.]+);", f.sentence)
        assert m, f.sentence
        size, way, new, old = m.groups()
        assert row.needed == f"{old} → {new}", (row.needed, f.sentence)
        assert float(size) == pytest.approx(abs(float(new) - float(old)))
        assert (float(new) > float(old)) == (way == "higher")
        checked += 1
    assert checked > 0


def _score(s):
    return score(prepare(s), np.array([s.weights[c.id] for c in s.criteria]))


@pytest.mark.parametrize("seed", range(8))
def test_slider_advice_never_goes_past_the_sliders_top(seed):
    from evaluator.model import SLIDER_MAX
    rng = np.random.default_rng(seed)
    values = {f"c{i}": {"a": float(rng.uniform(0, 10)), "b": float(rng.uniform(0, 10))} for i in range(4)}
    s = make(values, [("a", "higher"), ("b", "higher")], {"a": 1.0, "b": float(rng.choice([60.0, 90.0, 100.0]))})
    rb = analyse_exact(_score(s))
    others = {0: s.weights["b"], 1: s.weights["a"]}
    for f in rb.weight_flips:
        for n in re.findall(r"slider ([\d.]+)", f.sentence):
            assert float(n) <= SLIDER_MAX, f.sentence
        m = re.search(r"slider 100 and every other weight at (\d+)% of its value now", f.sentence)
        if m:   # the advice reaches the share it names (to the rounding of the percentage)
            share = SLIDER_MAX / (SLIDER_MAX + others[f.criterion] * int(m.group(1)) / 100)
            assert share == pytest.approx(f.share, abs=0.01)


def test_a_flip_beyond_the_slider_says_how_far_to_lower_the_others():
    # X is best on a, Y on b; with b's weight 150 (a file may say so), a must reach half the total.
    s = make({"X": {"a": 10.0, "b": 0.0}, "Y": {"a": 0.0, "b": 10.0}}, [("a", "higher"), ("b", "higher")],
             {"a": 1.0, "b": 150.0})
    (flip,) = [f for f in analyse_exact(_score(s)).weight_flips if f.criterion == 0]
    assert flip.share == pytest.approx(0.5)
    assert "(slider 100 and every other weight at 67% of its value now)" in flip.sentence, flip.sentence
