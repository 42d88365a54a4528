"""Source checks reach the user: the case's second sources are compared, disagreements and results
missing from a file are said in the window (case panel, messages) and kept in saved scenarios."""
from __future__ import annotations

import json
from datetime import date

import pytest

from conftest import BUNDLED_CASE, BUNDLED_SCENARIO, RESOURCES
from evaluator.data.case import build_scenario
from evaluator.documents import load_case
from evaluator.session import Session
from evaluator.errors import InputError
from evaluator.documents import load_scenario, save_scenario, scenario_from_dict, scenario_to_dict
from helpers import altered_serie_a_csv
from ui.data_checks_dialog import checks_html
from ui.main_window import MainWindow

M = RESOURCES / "data" / "matches"
SERIE_A_CSV = M / "datahub-football-datasets-serie-a-season-2526.csv"


def _case_copy(tmp_path, csv_for_serie_a=None, extra=()):
    """The bundled case in a temporary folder, with its file references made absolute."""
    d = json.loads(BUNDLED_CASE.read_text(encoding="utf-8"))
    for c in d["clubs"]:
        c["matches"] = str((BUNDLED_CASE.parent / c["matches"]).resolve())
        c["squad"] = str((BUNDLED_CASE.parent / c["squad"]).resolve())
    d["aliases"] = str((BUNDLED_CASE.parent / d["aliases"]).resolve())
    d["cross_check"] = [str((BUNDLED_CASE.parent / f).resolve()) for f in d["cross_check"]]
    if csv_for_serie_a is not None:
        d["cross_check"][0] = str(csv_for_serie_a)
    d["cross_check"] += [str(x) for x in extra]
    p = tmp_path / "c.case.json"
    p.write_text(json.dumps(d), encoding="utf-8")
    return p


def test_bundled_case_cross_checks_all_730_shared_matches():
    checks = build_scenario(load_case(BUNDLED_CASE)).data_checks
    assert len(checks) == 3 and all(c.agree and not c.details for c in checks)
    counts = [int(c.text.split("agree on all ")[1].split()[0]) for c in checks]
    assert counts == [280, 225, 225] and sum(counts) == 730
    assert load_scenario(BUNDLED_SCENARIO).data_checks == checks   # the shipped scenario carries them


def test_one_altered_score_is_one_finding_dated_before_the_as_of_date(tmp_path):
    checks = build_scenario(load_case(_case_copy(tmp_path, altered_serie_a_csv(tmp_path)))).data_checks
    bad = [c for c in checks if not c.agree]
    assert len(bad) == 1 and len(bad[0].details) == 1
    assert "disagree: 1 finding (date, score or a match missing from one file; 280 matches both have played)" in bad[0].text
    assert "1 concerns matches on or before 2025-11-28" in bad[0].text
    assert bad[0].details[0].startswith("Genoa CFC v US Lecce: score 0-0 in openfootball-it.1-2025-26.json")


def test_a_disagreement_after_the_as_of_date_does_not_affect_the_figures(tmp_path):
    copy = tmp_path / "late-serie-a.csv"
    lines = SERIE_A_CSV.read_text().splitlines(keepends=True)
    i = next(k for k, line in enumerate(lines[1:], 1) if line[:10] > "2025-12-31")
    f = lines[i].split(",")
    f[3] = str(int(f[3]) + 1)                     # FTHG of the first match of 2026
    lines[i] = ",".join(f)
    copy.write_text("".join(lines))
    bad = [c for c in build_scenario(load_case(_case_copy(tmp_path, copy))).data_checks if not c.agree]
    assert len(bad) == 1 and "none is on or before 2025-11-28" in bad[0].text
    assert "so the figures on that date are not affected" in bad[0].text


def test_as_of_date_past_the_files_last_result_is_said(tmp_path):
    checks = build_scenario(load_case(BUNDLED_CASE), as_of=date(2026, 5, 1)).data_checks
    missing = [c for c in checks if "has no result for" in c.text]
    assert [c.text.split(":")[0] for c in missing] == ["Italian Serie A 2025/26", "Deutsche Bundesliga 2025/26",
                                                      "French Ligue 1 2025/26"]
    assert all(not c.agree and c.details for c in missing)
    assert "its last result is from 2026-03-09" in missing[0].text
    assert all(c.kind == "missing results" for c in missing)
    roma = next(c for c in build_scenario(load_case(BUNDLED_CASE), as_of=date(2026, 5, 1)).clubs if c.name == "AS Roma")
    assert roma.figure("points").note.endswith("(latest result counted: 2026-03-09; 60 fixtures dated up to 2026-05-01 have no result in the file)")
    # the CSVs go further: the pair checks say which matches could not be compared
    assert any("so matches after 2026-03-09 are not cross-checked" in c.text for c in checks)


def test_an_unreadable_second_source_is_a_finding_not_a_failure(tmp_path):
    gone = tmp_path / "gone.csv"
    checks = build_scenario(load_case(_case_copy(tmp_path, extra=[gone]))).data_checks
    assert any("gone.csv: no such file" in c.text and not c.agree for c in checks)


def test_files_of_different_leagues_are_not_paired(tmp_path):
    case = load_case(_case_copy(tmp_path))
    scenario = build_scenario(case)
    texts = " ".join(c.text for c in scenario.data_checks)
    assert "openfootball-it.1-2025-26.json and datahub-football-datasets-ligue-1" not in texts


def test_a_loaded_league_file_is_cross_checked_on_the_next_recompute(tmp_path):
    scenario = load_scenario(BUNDLED_SCENARIO)
    d = json.loads(BUNDLED_CASE.read_text(encoding="utf-8"))
    d["cross_check"] = []
    for c in d["clubs"]:
        c["matches"] = str((BUNDLED_CASE.parent / c["matches"]).resolve())
        c["squad"] = str((BUNDLED_CASE.parent / c["squad"]).resolve())
    d["aliases"] = str((BUNDLED_CASE.parent / d["aliases"]).resolve())
    (tmp_path / "c.case.json").write_text(json.dumps(d), encoding="utf-8")
    session = Session(scenario, load_case(tmp_path / "c.case.json"))
    session.recompute()
    assert session.scenario.data_checks == ()
    session.load_league(altered_serie_a_csv(tmp_path))
    assert [c.agree for c in session.scenario.data_checks] == [False]


def test_window_says_when_sources_disagree(qtbot, tmp_path):
    session = Session(load_scenario(BUNDLED_SCENARIO), load_case(_case_copy(tmp_path, altered_serie_a_csv(tmp_path))))
    window = MainWindow(session)
    qtbot.addWidget(window)
    assert "✓ 3 cross-checks agree" in window.case.checks.text()
    assert not any("disagree" in m for m in (window.messages._shown or ()))
    session.recompute()
    assert "1 of 3 cross-checks disagree" in window.case.checks.text()
    assert window.messages.isVisibleTo(window) and "disagree: 1 finding" in window.messages.text()
    html = checks_html(session.scenario.data_checks)
    assert html.count("<li>") == 1 and "Genoa CFC v US Lecce" in html


def test_checks_survive_a_save_and_bad_ones_name_the_field(tmp_path):
    scenario = load_scenario(BUNDLED_SCENARIO)
    path = save_scenario(scenario, tmp_path / "s.json")
    assert load_scenario(path).data_checks == scenario.data_checks
    raw = scenario_to_dict(scenario)
    raw["data_checks"][1]["agree"] = "yes"
    with pytest.raises(InputError, match=r"^data_checks\[1\]\.agree: expected true or false"):
        scenario_from_dict(raw)


def test_report_lists_every_check_and_each_disagreement(qapp, tmp_path):
    from pypdf import PdfReader
    from ui.export_pdf import export_report
    session = Session(load_scenario(BUNDLED_SCENARIO), load_case(_case_copy(tmp_path, altered_serie_a_csv(tmp_path))))
    session.recompute()
    out = export_report(session.result, tmp_path / "r.pdf")
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(out).pages)
    assert "Source checks" in text and "Attention:" in text
    assert "agree on all 225 matches" in text                      # the two leagues that agree
    assert "Genoa CFC v US Lecce: score 0-0" in text                # the one disagreement, in full


def test_late_date_is_said_on_the_reports_first_page_and_fixtures_are_summed_up(qapp, tmp_path):
    from pypdf import PdfReader
    from ui.export_pdf import export_report
    from ui.panels.case_panel import checks_summary
    session = Session(load_scenario(BUNDLED_SCENARIO), load_case(BUNDLED_CASE))
    session.set_as_of(date(2026, 5, 1))
    assert "3 files lack results up to the date" in checks_summary(session.scenario.data_checks)
    assert "✓ 3 cross-checks agree" in checks_summary(session.scenario.data_checks)
    pages = PdfReader(export_report(session.result, tmp_path / "late.pdf")).pages
    first = " ".join(pages[0].extract_text().split())
    assert "Read with care" in first and "60 fixtures dated on or before 2026-05-01" in first
    text = " ".join(" ".join(p.extract_text().split()) for p in pages)
    assert "… and 55 more fixtures without a result" in text


def test_last_seasons_file_is_another_competition_not_a_disagreement(tmp_path):
    from evaluator.data.matches import read_season
    from evaluator.data.names import read_aliases
    from evaluator.data.source_checks import check_pair
    lines = SERIE_A_CSV.read_text().splitlines(keepends=True)
    shifted = [lines[0]] + [f"{int(x[:4]) - 1}{x[4:]}" for x in lines[1:]]   # the same rows, a year earlier
    last_year = tmp_path / "serie-a-last-year.csv"
    last_year.write_text("".join(shifted))
    aliases = read_aliases(RESOURCES / "data" / "team_aliases.csv")
    this = read_season(M / "openfootball-it.1-2025-26.json")
    assert check_pair(this, read_season(last_year), aliases) is None
    assert check_pair(this, read_season(SERIE_A_CSV), aliases).check.agree


def test_a_csv_that_stops_early_is_said(tmp_path):
    from evaluator.data.matches import read_season
    from evaluator.data.source_checks import missing_results
    lines = SERIE_A_CSV.read_text().splitlines(keepends=True)
    cut = tmp_path / "serie-a-to-december.csv"
    cut.write_text(lines[0] + "".join(x for x in lines[1:] if x[:10] <= "2025-12-31"))
    season = read_season(cut)
    found = missing_results(season, date(2026, 3, 1))
    assert found is not None and found.kind == "missing results" and not found.agree
    assert "has results up to 2025-12-" in found.text and "of the season's 380 matches" in found.text
    assert missing_results(season, date(2025, 12, 31)) is None           # up to date on that day


def test_a_league_read_on_a_worker_arrives_cross_checked(tmp_path):
    from evaluator.session import Session
    session = Session(load_scenario(BUNDLED_SCENARIO), load_case(_case_copy(tmp_path, None)))
    path = altered_serie_a_csv(tmp_path).resolve()
    preloaded = session.league_reader(path)(path)        # what the worker does: read and compare
    assert len(preloaded.pairs) >= 1 and any(p is not None and path in key for key, p in preloaded.pairs.items())
    computed: list[object] = []
    import evaluator.data.source_checks as checks
    real = checks.check_pair
    checks.check_pair = lambda *a, **k: computed.append(a) or real(*a, **k)
    try:
        session.load_league(path, preloaded)             # the GUI thread: no comparison left to do
    finally:
        checks.check_pair = real
    assert computed == []
    assert any(not c.agree and "altered-serie-a.csv" in c.text for c in session.scenario.data_checks)
