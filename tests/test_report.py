"""The fit report's content (Qt-free): the summary sentence and the sections, from the numbers."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timezone

import numpy as np
import pytest

from evaluator.model import Club, Column, Criterion, Direction, Figure, FigureStatus, Scenario
from evaluator.decision.scoring import prepare, rounded_contributions, score
from evaluator.formatting import format_score
from evaluator.report import build_report, summary
from robustness_cases import matrix_scenario

WHEN = datetime(2026, 1, 2, 9, 30, tzinfo=timezone.utc)
ON = date(2025, 11, 28)


def make_scenario(values: dict[str, tuple[float | None, ...]], weights=(1.0, 1.0), directions=("higher", "lower"),
                  user: tuple[str, str] | None = None) -> Scenario:
    """Clubs named by ``values`` keys; one figure per criterion, criteria 'a' (x) and 'b' (y)."""
    columns = (Column("x", "Figure X", "u", 1), Column("y", "Figure Y", "v", 2))
    criteria = tuple(Criterion(cid, label, col, Direction(d))
                     for cid, label, col, d in zip(("a", "b"), ("Criterion A", "Criterion B"), ("x", "y"), directions))
    clubs = []
    for name, vals in values.items():
        figs = {}
        for col, v in zip(("x", "y"), vals):
            if v is None:
                figs[col] = Figure.missing_figure()
            elif user == (name, col):
                figs[col] = Figure(v, "phone call", ON, FigureStatus.USER, "entered by the user")
            else:
                figs[col] = Figure(v, f"file {col}.csv", ON)
        clubs.append(Club(name.lower().replace(" ", "-"), name, "League", figs))
    return Scenario("T", "Someone moving", ON, tuple(clubs), criteria[:len(weights)], columns,
                    dict(zip(("a", "b"), weights)))


def result_of(s: Scenario):
    return score(prepare(s), np.array([s.weights[c.id] for c in s.criteria]))


def test_bundled_summary_names_the_leader_the_gap_and_the_biggest_contributor(session):
    r = session.result
    first, second = r.order[:2]
    clubs = r.scenario.clubs
    text = summary(r)
    gap = round(r.scores[first], 1) - round(r.scores[second], 1)
    assert text.startswith(f"{clubs[first].name} ranks first with {format_score(r.scores[first])}/100, "
                           f"ahead of {clubs[second].name} by {gap:.1f} points")
    j = int(np.argmax(r.contributions[first] - r.contributions[second]))
    assert f"{r.scenario.criteria[j].label} contributes most to the gap" in text


def test_contributes_most_is_the_largest_contribution_difference():
    # A leads on X by a lot, B leads on Y a little: X explains the gap, and B's strength is named.
    r = result_of(make_scenario({"Alpha": (10, 2.0), "Beta": (0, 1.0), "Gamma": (5, 1.5)}, weights=(3, 1)))
    text = summary(r)
    assert text.startswith("Alpha ranks first with 75.0/100, ahead of Gamma by 25.0 points")
    assert "Criterion A contributes most to the gap (+37.5 points)" in text
    assert "Gamma gets more points on Criterion B." in text


def test_equal_contributions_to_the_gap_are_named_together():
    r = result_of(make_scenario({"Alpha": (10, 1.0), "Beta": (0, 2.0)}))
    assert "Criterion A and Criterion B contribute most to the gap, 50.0 points each" in summary(r)


def test_tie_for_first_place_is_said_as_a_tie():
    r = result_of(make_scenario({"Alpha": (10, 3.0), "Beta": (0, 1.0), "Gamma": (2, 2.0)}))
    text = summary(r)
    assert text.startswith("Alpha and Beta share first place with 50.0/100, ahead of Gamma by 15.0 points.")
    assert "contributes most" not in text


def test_single_club_says_there_is_nothing_to_compare():
    r = result_of(make_scenario({"Alpha": (10, 2.0)}))
    text = summary(r)
    assert text.startswith("Alpha is the only club on the list and scores 50.0/100")


def test_all_weights_zero_says_no_ranking():
    r = result_of(make_scenario({"Alpha": (10, 2.0), "Beta": (0, 1.0)}, weights=(0, 0)))
    assert summary(r).startswith("No ranking: every criterion has a weight of zero")
    report = build_report(r, WHEN)
    assert all(row.score_text == "—" and row.rank_text == "—" for row in report.ranking)
    assert "All weights are zero" in " ".join(report.warnings)


def test_unranked_clubs_are_named_and_a_lone_ranked_club_is_not_compared():
    r = result_of(make_scenario({"Alpha": (10, 2.0), "Beta": (None, None), "Gamma": (None, None)}))
    text = summary(r)
    assert text.startswith("Alpha ranks first with 50.0/100; it is the only club that can be ranked.")
    assert "Beta and Gamma are not ranked" in text
    r = result_of(make_scenario({"Alpha": (None, None), "Beta": (None, None)}))
    assert summary(r).startswith("No club can be ranked")


def test_a_leader_that_loses_first_place_without_a_criterion_is_flagged():
    r = result_of(make_scenario({"Alpha": (10, 2.0), "Beta": (0, 1.0)}, weights=(2, 1)))
    text = summary(r)
    assert "Without Criterion A, Beta would rank first instead." in text
    r = result_of(make_scenario({"Alpha": (10, 1.0), "Beta": (0, 2.0)}, weights=(2, 1)))
    assert "Alpha stays first if any one criterion is left out." in summary(r)


def test_gap_below_display_precision_is_not_shown_as_zero():
    r = result_of(make_scenario({"Alpha": (10.0, 1.0), "Beta": (9.999, 1.0)}, weights=(1, 0)))
    assert r.scores[0] > r.scores[1]
    # Own-range scale: Alpha 100, Beta 0 -- make the gap tiny with a fixed scale instead.
    s = make_scenario({"Alpha": (10.0, 1.0), "Beta": (9.999, 1.0)}, weights=(1, 0))
    s = replace(s, criteria=(replace(s.criteria[0], scale=type(s.criteria[0].scale)(0.0, 100.0)), s.criteria[1]))
    assert "by less than 0.1 points" in summary(result_of(s))


def test_missing_and_user_figures_are_called_out_and_the_leader_flagged():
    s = make_scenario({"Alpha": (10, None), "Beta": (0, 1.0), "Gamma": (5, 2.0)}, user=("Gamma", "y"))
    r = result_of(s)
    report = build_report(r, WHEN)
    callouts = " ".join(report.callouts)
    assert "Alpha — Figure Y: missing" in callouts and "Alpha's score is a range, with Criterion B" in callouts
    assert "Gamma — Figure Y: 2.00 v entered by the user, source given: phone call" in callouts
    assert "Alpha's score is a range because a figure is missing" in report.summary
    alpha = next(row for row in report.ranking if row.club == "Alpha")
    assert alpha.note.startswith("* no figure for Criterion B: score ")
    assert alpha.score_text == f"{r.score_low[0]:.1f}–{r.score_high[0]:.1f}"   # Alpha is club 0
    statuses = {(f.club, f.column_id): f.status for f in report.figures}
    assert statuses[("Alpha", "y")] == "missing" and statuses[("Gamma", "y")] == "user"
    gamma = next(f for f in report.figures if (f.club, f.column_id) == ("Gamma", "y"))
    assert gamma.note == ""     # "(entered by the user)" is beside the value: the note does not say it again


def test_report_sections_hold_the_evaluators_numbers(session):
    r = session.result
    report = build_report(r, WHEN)
    shown = rounded_contributions(r)
    assert report.generated == "2026-01-02 09:30 UTC"
    assert report.as_of == "2025-11-28" and report.case_file == r.scenario.case_file
    assert [w.share_text for w in report.weights] == [f"{100 * w:.1f}%" for w in r.weights]
    for row, i in zip(report.ranking, r.order):
        assert row.club == r.scenario.clubs[i].name
        assert row.score_text == format_score(r.scores[i])
        assert row.contributions == tuple(f"{v:.1f}" for v in shown[i])
        assert sum(float(c) for c in row.contributions) == pytest.approx(float(row.score_text), abs=1e-6)
    sources = {f.source for c in r.scenario.clubs for f in c.figures.values() if f.source}
    assert set(report.sources) == sources
    assert all(report.sources[f.source_ref - 1] == f.source for f in report.figures if f.source_ref)
    assert report.robustness is not None and report.robustness.testable
    assert report.warnings == r.messages


def test_method_notes_follow_the_scenario_not_a_fixed_text():
    s = make_scenario({"Alpha": (10, 2.0), "Beta": (0, 1.0)})
    s = replace(s, criteria=(replace(s.criteria[0], direction=Direction.TARGET, target=4.0),
                             replace(s.criteria[1], scale=type(s.criteria[1].scale)(0.0, 3.0))))
    notes = " ".join(build_report(result_of(s), WHEN).method)
    assert "Criterion A — figure X, closest to 4 is best — is scored" in notes
    assert "fixed scale from 0 to 3 v" in notes
    assert "League standing" not in notes


# --- the robustness page's content --------------------------------------------------------------
REVERSAL = np.array([[1.0, 8.0], [7.0, 10.0], [5.0, 6.0], [10.0, 8.0]])   # as in test_robustness_flips


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def test_robustness_section_holds_analyses_numbers_for_the_bundled_case(session):
    from evaluator.decision.robustness import analyse
    r = session.result
    rb = analyse(r, smaa_samples=10_000, seed=0)
    sec = build_report(r, WHEN).robustness
    assert (sec.samples, sec.seed) == (10_000, 0)
    labels = [c.label for c in r.scenario.criteria]
    assert [(x.criterion, x.share_now) for x in sec.stability] == [(labels[st.criterion], _pct(st.current))
                                                                    for st in rb.stability]
    assert [x.whole_ranking for x in sec.stability] == [f"{_pct(st.ranking_lo)} – {_pct(st.ranking_hi)}"
                                                        for st in rb.stability]
    # The bundled case at equal weights, worked out independently (issue 6; scales of issue 13).
    from test_scales import bundled_whole_ranking_intervals
    assert [x.whole_ranking for x in sec.stability] == bundled_whole_ranking_intervals()
    assert all(x.first_place == "0.0% – 100.0%" for x in sec.stability)
    assert sec.rank_labels == ("1st", "2nd", "3rd")
    for row, i in zip(sec.acceptability, r.order):
        assert row.club == r.scenario.clubs[i].name
        assert row.cells == tuple(_pct(x) for x in rb.smaa.acceptability[i])
        central = rb.smaa.central_weights[i]
        assert row.central == (() if central is None else tuple(_pct(w) for w in central))
    assert sec.acceptability[0].club == "AS Roma" and sec.acceptability[0].cells[0] == "100.0%"
    assert [f.sentence for f in sec.flips] == [f.sentence for f in rb.weight_flips + rb.figure_flips]
    assert {f.outcome for f in sec.flips[:len(rb.weight_flips)]} == {"cannot swap"}
    # Figure flips, by hand: on a scale of span S a figure moves the score by 100 w / S points per
    # unit, so the top two draw level after gap * S / (100 w) units, if that stays on the scale.
    gap = r.scores[r.order[0]] - r.scores[r.order[1]]
    for f, shown in zip(rb.figure_flips, sec.flips[len(rb.weight_flips):]):
        j = f.criterion
        span = r.prepared.hi[j] - r.prepared.lo[j]
        need = gap * span / (100 * r.weights[j])
        u = r.prepared.utilities[f.club, j]
        room = (1 - u if f.club == r.order[1] else u) * span      # how far the figure can move on the scale
        assert f.possible == (need <= room), f.sentence
        assert shown.outcome == ("can swap" if need <= room else "cannot swap")
        if f.possible:
            assert abs(f.delta) == pytest.approx(need, rel=1e-6)
    text = " ".join(sec.summary)
    assert "Across 10,000 random weightings" in text and "seed 0" in text
    assert "AS Roma ranks first in 100.0% of them (± 0.0 points)" in text
    assert "does not change the order" in text and sec.warnings == ()


def test_robustness_section_reports_a_rank_reversal_with_names_from_the_data():
    from evaluator.decision.robustness import analyse
    names = ["Northside", "Eastport", "Southgate", "Westfield"]
    r = score(prepare(matrix_scenario(REVERSAL, names=names)), np.ones(2))
    rb = analyse(r, smaa_samples=10_000, seed=0)
    sec = build_report(r, WHEN).robustness
    assert len(rb.rank_reversals) == 2
    assert sec.warnings == tuple(x.message for x in rb.rank_reversals)
    text = " ".join(sec.summary)
    assert "changes the order of two others in 2 cases" in text
    first = rb.smaa.first_rank
    lead = int(np.argmax(first))
    assert f"{names[lead]} ranks first in {_pct(first[lead])} of them" in text
    assert sec.top_two == tuple(names[i] for i in rb.top_two)
    assert "can swap" in {f.outcome for f in sec.flips}
    assert "Criterion 0" in sec.explanation and "fixed scales remove it" in sec.explanation


def test_fixed_scales_are_named_as_the_reason_there_is_no_reversal():
    r = score(prepare(matrix_scenario(REVERSAL, scales=[(0.0, 10.0), (0.0, 10.0)])), np.ones(2))
    sec = build_report(r, WHEN).robustness
    assert sec.warnings == ()
    assert "every criterion uses a fixed scale, so it cannot happen" in sec.explanation


def test_ranks_past_the_fifth_are_added_up_into_one_column():
    from evaluator.decision.robustness import analyse
    rng = np.random.default_rng(4)
    r = score(prepare(matrix_scenario(rng.uniform(0, 10, (8, 3)).round(2))), np.ones(3))
    rb = analyse(r, smaa_samples=10_000, seed=0)
    sec = build_report(r, WHEN).robustness
    assert sec.rank_labels == ("1st", "2nd", "3rd", "4th", "5th", "6th–8th")
    for row, i in zip(sec.acceptability, r.order):
        acc = rb.smaa.acceptability[i]
        np.testing.assert_allclose(row.shares, [*acc[:5], acc[5:].sum()])
        assert sum(row.shares) == pytest.approx(1.0)


def test_all_zero_weights_give_a_section_that_says_there_is_nothing_to_test(session):
    r = score(session.result.prepared, np.zeros(3))
    sec = build_report(r, WHEN).robustness
    assert not sec.testable
    assert sec.summary == ("All weights are zero: there is no ranking to test.",)
    assert sec.stability == sec.acceptability == sec.flips == sec.warnings == ()


def test_summary_names_five_clubs_first_and_adds_up_the_rest():
    from evaluator.decision.robustness import analyse
    rng = np.random.default_rng(1)
    r = score(prepare(matrix_scenario(rng.uniform(0, 10, (20, 3)).round(2), ["higher", "lower", "higher"])),
              np.ones(3))
    first = analyse(r, smaa_samples=10_000, seed=0).smaa.first_rank
    order = np.argsort(-first, kind="stable")
    ever = [int(i) for i in order if first[i] > 0]
    assert len(ever) > 6                      # the case this test is about
    text = " ".join(build_report(r, WHEN).robustness.summary)
    names = [f"Club {chr(65 + i)}" for i in range(20)]
    for i in ever[:5]:
        assert f"{names[i]}" in text
    for i in ever[5:]:
        assert f"{names[i]} in" not in text and f"{names[i]} ranks" not in text
    assert f"{len(ever) - 5} more clubs in {_pct(first[ever[5:]].sum())} between them" in text
    assert f"the other {20 - len(ever)} clubs never rank first" in text


def test_smaa_is_left_out_above_the_club_limit():
    from evaluator.report_robustness import SMAA_MAX_CLUBS
    rng = np.random.default_rng(2)
    r = score(prepare(matrix_scenario(rng.uniform(0, 10, (SMAA_MAX_CLUBS + 1, 2)).round(2))), np.ones(2))
    sec = build_report(r, WHEN).robustness
    assert sec.testable and sec.samples == 0 and sec.acceptability == () and sec.rank_labels == ()
    assert f"left out above {SMAA_MAX_CLUBS} clubs" in " ".join(sec.summary)
    assert len(sec.stability) == 2
