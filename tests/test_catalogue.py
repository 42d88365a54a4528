"""The catalogue columns computed from match files, worked out by hand from a small fixture.

tests/fixtures/form-mini-2025-26.json (made-up clubs; the file lists the matches out of date order):
  08-01 Alpha 2-0 Beta    08-08 Beta 1-1 Gamma   08-15 Gamma 0-3 Alpha   08-22 Alpha 0-0 Beta
  08-29 Beta 2-1 Alpha    09-05 Alpha 1-2 Gamma  09-12 Gamma 0-0 Beta    09-19 Alpha 1-1 Beta
On 2025-09-15 Alpha has W W D L L: 5 played, 7 scored, 4 conceded, 3 clean sheets, 7 points.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from evaluator.data.club_figures import COLUMNS, league_figures, league_references
from evaluator.data.league_table import league_table
from evaluator.data.matches import read_season

FIX = Path(__file__).parent / "fixtures" / "form-mini-2025-26.json"
NEW = ("scored_per_match", "goal_difference_per_match", "clean_sheet_rate", "form")


@pytest.fixture(scope="module")
def season():
    return read_season(FIX)


def figures(season, team: str, on: date):
    return league_figures(league_table(season, on), team, "form test file")


def test_new_columns_are_in_the_catalogue_with_units_and_descriptions():
    by_id = {c.id: c for c in COLUMNS}
    for cid in NEW:
        assert by_id[cid].label and by_id[cid].unit and by_id[cid].description
    assert "fewer" in by_id["form"].description and "5" in by_id["form"].description


def test_per_match_figures_by_hand(season):
    f = figures(season, "Alpha FC", date(2025, 9, 15))
    assert f["scored_per_match"].value == pytest.approx(7 / 5)
    assert f["goal_difference_per_match"].value == pytest.approx((7 - 4) / 5)
    assert f["clean_sheet_rate"].value == pytest.approx(100 * 3 / 5)
    assert f["form"].value == pytest.approx((3 + 3 + 1 + 0 + 0) / 5)
    for cid in NEW:   # sourced and dated like every other column
        assert f[cid].source == "form test file" and f[cid].as_of == date(2025, 9, 15)
    assert "7 points in the last 5 matches" in f["form"].note


def test_form_counts_only_the_last_five_in_date_order(season):
    f = figures(season, "Alpha FC", date(2025, 9, 25))   # six played: the 08-01 win drops out
    assert f["form"].value == pytest.approx((3 + 1 + 0 + 0 + 1) / 5)
    assert f["points_per_match"].value == pytest.approx(8 / 6)


def test_form_over_fewer_matches_when_fewer_were_played(season):
    g = figures(season, "Gamma City", date(2025, 9, 15))   # D L W D: four played
    assert g["form"].value == pytest.approx((1 + 0 + 3 + 1) / 4)
    assert "in the last 4 matches" in g["form"].note
    early = figures(season, "Alpha FC", date(2025, 8, 10))   # one match, a 2-0 win
    assert early["form"].value == 3.0 and early["clean_sheet_rate"].value == 100.0


def test_no_match_played_gives_missing_figures_not_zeros(season):
    f = figures(season, "Gamma City", date(2025, 8, 2))
    assert all(f[cid].missing for cid in NEW)


def test_reference_ranges_cover_every_club_of_the_league(season):
    on = date(2025, 9, 15)
    refs = league_references([league_table(season, on)], on)
    # scored per match: Alpha 7/5, Beta 3/5, Gamma 3/4
    assert (refs["scored_per_match"].lo, refs["scored_per_match"].hi) == pytest.approx((0.6, 1.4))
    # goal difference per match: Alpha +3/5, Beta -1/5, Gamma -2/4
    assert (refs["goal_difference_per_match"].lo, refs["goal_difference_per_match"].hi) == pytest.approx((-0.5, 0.6))
    # clean sheets: Alpha 3 of 5, Beta 2 of 5 (08-22, 09-12), Gamma 1 of 4
    assert (refs["clean_sheet_rate"].lo, refs["clean_sheet_rate"].hi) == pytest.approx((25.0, 60.0))
    # form: Alpha 7/5, Beta 6/5, Gamma 5/4
    assert (refs["form"].lo, refs["form"].hi) == pytest.approx((1.2, 1.4))
    assert refs["form"].text == "all 3 clubs of 1 league on 2025-09-15"
