"""The fit report PDF: from the command line and from the window, read back with pypdf."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import unicodedata
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import pytest
from pypdf import PdfReader

from conftest import BUNDLED_SCENARIO, ROOT
from evaluator.decision.scoring import prepare, score
from evaluator.errors import InputError
from evaluator.formatting import format_score
from evaluator.report import build_report

WHEN = datetime(2026, 1, 2, 9, 30, tzinfo=timezone.utc)


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return subprocess.run([sys.executable, "main.py", "report", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def pdf_text(path: Path) -> str:
    """All pages' text, ligatures unfolded (NFKC) and whitespace collapsed."""
    text = "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
    return unicodedata.normalize("NFKC", text)


def flat(text: str) -> str:
    return " ".join(text.split())


def without_timestamp(text: str) -> str:
    """The text without its generation time (two exports can straddle a minute; pypdf may join
    the words with tabs, or put the time inside a line it joined with others)."""
    text = "\n".join(line for line in text.splitlines() if line.split()[:1] != ["Generated"])
    return re.sub(r"\d{4}-\d{2}-\d{2}\s+\d{2}:\d{2}\s+UTC", "<time>", text)


def expected(scenario, weights: dict[str, float]):
    return score(prepare(scenario), np.array([weights[c.id] for c in scenario.criteria]))


@pytest.fixture(scope="module")
def cli_pdf(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("cli") / "report.pdf"
    done = run_cli("--out", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"wrote {out}"
    return out


def test_cli_report_holds_every_club_score_weight_and_source(cli_pdf, bundled_scenario):
    text = flat(pdf_text(cli_pdf))
    r = expected(bundled_scenario, bundled_scenario.weights)
    for i, club in enumerate(bundled_scenario.clubs):
        assert club.name in text
        assert format_score(r.scores[i]) in text
    for c, share in zip(bundled_scenario.criteria, r.weights):
        assert c.label in text and f"{100 * share:.1f}%" in text
    for club in bundled_scenario.clubs:
        for fig in club.figures.values():
            assert flat(fig.source) in text
    assert "As of 2025-11-28" in text and bundled_scenario.case_file in text
    assert re.search(r"Page 1 of (\d+)", text)
    pages = len(PdfReader(cli_pdf).pages)
    assert f"Page {pages} of {pages}" in text


def test_charts_are_vectors_not_images(cli_pdf):
    reader = PdfReader(cli_pdf)
    for page in reader.pages:
        xobjects = (page.get("/Resources") or {}).get("/XObject") or {}
        for name, ref in xobjects.items():
            assert ref.get_object().get("/Subtype") != "/Image", f"raster image {name} on a page"
    # The charts' own text (axis ticks, bar labels, titles) is real text in the PDF.
    text = flat(pdf_text(cli_pdf))
    assert "Fit score" in text and "What each criterion contributes (points)" in text
    assert "points out of 100" in text


def test_metadata_title_creator_and_paper(cli_pdf, tmp_path):
    reader = PdfReader(cli_pdf)
    meta = reader.metadata
    assert meta.title.startswith("Fit report: Sergio Ramos")
    assert meta.creator == "Club Fit"
    xmp = reader.xmp_metadata
    assert xmp is not None and "Sergio Ramos" in xmp.dc_description["x-default"]
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)   # A4 in points
    letter = tmp_path / "letter.pdf"
    assert run_cli("--paper", "letter", "--out", str(letter)).returncode == 0
    box = PdfReader(letter).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_other_weights_change_the_numbers(cli_pdf, tmp_path, bundled_scenario):
    out = tmp_path / "other.pdf"
    done = run_cli("--weight", "standing=2", "--weight", "defence=1", "--weight", "age=0", "--out", str(out))
    assert done.returncode == 0, done.stderr
    r = expected(bundled_scenario, {"standing": 2, "defence": 1, "age": 0})
    text = flat(pdf_text(out))
    for i in range(len(bundled_scenario.clubs)):
        assert format_score(r.scores[i]) in text
    assert "66.7%" in text and "0.0%" in text
    assert flat(pdf_text(cli_pdf)) != text


def test_as_of_rebuilds_the_figures_on_that_date(tmp_path):
    out = tmp_path / "october.pdf"
    done = run_cli("--as-of", "2025-10-31", "--out", str(out))
    assert done.returncode == 0, done.stderr
    text = flat(pdf_text(out)).replace("ramos-2025-11-28.case.json", "")   # the case file keeps its name
    text = text.replace("of 2025-11-28 (dates of birth", "(dates of birth")   # the squad lists' own date
    assert "As of 2025-10-31" in text and "2025-11-28" not in text


def test_as_of_without_a_case_file_is_one_line_and_status_2(tmp_path):
    scenario = tmp_path / "nocase.json"
    scenario.write_text(BUNDLED_SCENARIO.read_text().replace('"case_file": "ramos-2025-11-28.case.json"',
                                                             '"case_file": ""'))
    done = run_cli("--scenario", str(scenario), "--as-of", "2025-10-31", "--out", str(tmp_path / "x.pdf"))
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "case file" in done.stderr and "nocase.json" in done.stderr
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize("where", ["missing-folder", "folder"])
def test_unwritable_destination_is_one_line_and_status_2(tmp_path, where):
    out = tmp_path / "nowhere" / "report.pdf" if where == "missing-folder" else tmp_path
    done = run_cli("--out", str(out))
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and str(out) in done.stderr
    assert "Traceback" not in done.stderr


def test_a_failing_write_leaves_the_existing_file_untouched_and_no_temp_file(qapp, session, tmp_path, monkeypatch):
    from ui import export_pdf
    target = tmp_path / "report.pdf"
    target.write_bytes(b"the old report")

    def broken(*args, **kwargs):   # the painter has started the PDF, then the disk fills up
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(export_pdf, "_furniture", broken)
    with pytest.raises(InputError) as err:
        export_pdf.export_report(session.result, target, "a4", WHEN)
    assert str(target) in str(err.value) and "No space left" in str(err.value) and "\n" not in str(err.value)
    assert target.read_bytes() == b"the old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]


def test_an_unexpected_error_mid_write_also_leaves_nothing_behind(qapp, session, tmp_path, monkeypatch):
    from ui import export_pdf
    target = tmp_path / "report.pdf"
    target.write_bytes(b"the old report")
    monkeypatch.setattr(export_pdf, "keep_headings_with_content", lambda doc: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        export_pdf.export_report(session.result, target, "a4", WHEN)
    assert target.read_bytes() == b"the old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]


def test_window_export_matches_the_cli_for_the_same_weights(qtbot, tmp_path, monkeypatch):
    from evaluator.session import Session
    from ui import dialogs, file_actions
    from ui.main_window import MainWindow
    # The case file beside the scenario, as `clubfit report` opens it: both reports have the season.
    window = MainWindow(Session.from_file(BUNDLED_SCENARIO, read_only=True))
    qtbot.addWidget(window)
    window.show()
    window.weights.rows[0].slider.setValue(80)
    window.weights.rows[2].slider.setValue(10)
    assert window.export_action.shortcut().toString() == "Ctrl+E"
    shown = tmp_path / "window.pdf"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: str(shown))
    monkeypatch.setattr(file_actions, "default_paper", lambda: "a4")
    window.export_action.trigger()
    assert shown.exists()
    cli = tmp_path / "cli.pdf"
    done = run_cli("--weight", "standing=80", "--weight", "defence=50", "--weight", "age=10", "--out", str(cli))
    assert done.returncode == 0, done.stderr
    assert without_timestamp(pdf_text(shown)) == without_timestamp(pdf_text(cli))
    assert format_score(window.session.result.scores[0]) in pdf_text(shown)
    assert re.search(r"Over\s+the\s+season", pdf_text(shown))


def test_window_export_to_a_bad_path_shows_one_message(qtbot, session, tmp_path, monkeypatch):
    from ui import dialogs, file_actions
    errors: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, message: errors.append((title, message)))
    bad = tmp_path / "missing" / "r.pdf"
    assert not file_actions.export_fit_report(None, session, str(bad), "a4")
    assert len(errors) == 1 and str(bad) in errors[0][1] and "\n" not in errors[0][1]
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: "")   # cancelled: nothing happens
    assert not file_actions.export_fit_report(None, session)
    assert len(errors) == 1


def test_many_clubs_paginate_without_losing_any(qapp, bundled_scenario, tmp_path):
    from evaluator.session import Session
    from evaluator.top_clubs import TOP_N
    from ui.export_pdf import export_report
    base = bundled_scenario.clubs
    clubs = tuple(replace(base[i % 3], id=f"club-{i}", name=f"Candidate club number {i:02d}") for i in range(45))
    session = Session(replace(bundled_scenario, clubs=clubs))
    out = export_report(session.result, tmp_path / "many.pdf", "letter", WHEN)
    if os.environ.get("CLUBFIT_KEEP_REPORT"):   # to look at it: pdftoppm -r 60 -png many.pdf page
        Path(os.environ["CLUBFIT_KEEP_REPORT"]).write_bytes(out.read_bytes())
    reader = PdfReader(out)
    text = flat(pdf_text(out))
    assert len(reader.pages) >= 10
    best = {session.result.scenario.clubs[i].name for i in session.result.order[:TOP_N]}
    for club in clubs:   # the TOP_N best in the ranking, the breakdown and the figures; every club in the ranking
        assert text.count(club.name) >= (3 if club.name in best else 1), club.name
    assert f"The {TOP_N} best of the 45 clubs are shown here and under Figures and sources" in text
    assert f"Page {len(reader.pages)} of {len(reader.pages)}" in text
    assert "The chart shows the 25 best-ranked of the 45 clubs; the table lists them all." in text


# --- the robustness page ----------------------------------------------------------------------
def _raster_images(path: Path) -> list[str]:
    found = []
    for n, page in enumerate(PdfReader(path).pages, 1):
        xobjects = (page.get("/Resources") or {}).get("/XObject") or {}
        found += [f"page {n} {name}" for name, ref in xobjects.items()
                  if ref.get_object().get("/Subtype") == "/Image"]
    return found


def _page_with(path: Path, heading: str) -> str:
    pages = [flat(unicodedata.normalize("NFKC", p.extract_text() or "")) for p in PdfReader(path).pages]
    return next(p for p in pages if heading in p)


def test_robustness_page_sits_between_the_method_and_the_figures(cli_pdf, session):
    from evaluator.decision.robustness import analyse
    text = flat(pdf_text(cli_pdf))
    assert text.index("Method in plain words") < text.index("How sure is the ranking") \
        < text.index("Figures and sources")
    # no forced page breaks any more: the section may run onto the next page
    page = text[text.index("How sure is the ranking"):text.index("Figures and sources")]
    from test_scales import bundled_whole_ranking_intervals
    for interval in bundled_whole_ranking_intervals():
        assert interval in page
    assert "How often each club ranks 1st, 2nd" in page      # the chart's title: vector text, not pixels
    assert "% of 10,000 random weightings" in page
    assert "AS Roma ranks first in 100.0% of them" in page
    for flip in analyse(session.result).weight_flips:
        assert flat(flip.sentence) in text


def test_rank_reversal_warning_is_in_the_pdf_and_the_page_has_no_images(qapp, tmp_path):
    from evaluator.decision.robustness import analyse
    from robustness_cases import matrix_scenario
    from ui.export_pdf import export_report
    r = score(prepare(matrix_scenario(np.array([[1.0, 8.0], [7.0, 10.0], [5.0, 6.0], [10.0, 8.0]]))), np.ones(2))
    reversals = analyse(r).rank_reversals
    assert reversals
    out = export_report(r, tmp_path / "reversal.pdf", "a4", WHEN)
    page = _page_with(out, "How sure is the ranking")
    assert "Rank reversal: read with care" in page
    for x in reversals:
        assert flat(x.message) in page
    assert _raster_images(out) == []


def test_all_zero_weights_still_export_and_say_there_is_nothing_to_test(qapp, session, tmp_path):
    from ui.export_pdf import export_report
    r = score(session.result.prepared, np.zeros(3))
    out = export_report(r, tmp_path / "zero.pdf", "a4", WHEN)
    page = _page_with(out, "How sure is the ranking")
    assert "All weights are zero: there is no ranking to test." in page
    assert "Rank acceptability" not in flat(pdf_text(out))


def test_the_rank_share_chart_draws_the_sections_numbers(qapp, session):
    from ui.panels.rank_share_chart import RankShareChart
    sec = build_report(session.result, WHEN).robustness
    chart = RankShareChart(sec)
    np.testing.assert_allclose(chart.drawn_shares(), [row.shares for row in sec.acceptability])
    chart.deleteLater()


def test_unranked_club_headings_say_not_ranked_once(qapp, session, tmp_path):
    from pypdf import PdfReader
    from ui.export_pdf import export_report
    session.set_weights({c.id: 0 for c in session.scenario.criteria})
    out = export_report(session.result, tmp_path / "zero.pdf")
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(out).pages)
    assert "AS Roma — not ranked" in text and "not ranked not ranked" not in text


def page_pixels(pdf: Path) -> list[np.ndarray]:
    """Each page as the reader sees it: greys 0-255, rendered by poppler at 50 dpi."""
    from PySide6.QtGui import QImage
    subprocess.run(["pdftoppm", "-r", "50", "-gray", "-png", str(pdf), str(pdf.with_suffix(""))],
                   check=True, timeout=120, capture_output=True)
    pages = []
    for png in sorted(pdf.parent.glob(f"{pdf.stem}-*.png")):
        image = QImage(str(png)).convertToFormat(QImage.Format.Format_Grayscale8)
        rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
        pages.append(rows[:, :image.width()].astype(int))
    return pages


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler's pdftoppm")
def test_window_export_in_the_dark_theme_prints_like_the_light_one(qapp, tmp_path, monkeypatch):
    """Paper is white whatever the screen: the dark theme's pale text must not reach the PDF."""
    from evaluator.session import Session
    from ui import file_actions, settings, theme

    class Frozen(datetime):   # both exports say the same "Generated" time
        @classmethod
        def now(cls, tz=None):
            return WHEN
    monkeypatch.setattr(file_actions, "datetime", Frozen)
    session = Session.from_file(BUNDLED_SCENARIO, read_only=True)   # with its season chart
    before = settings.theme()
    try:
        for name in ("light", "dark"):
            theme.apply(name, remember=False)
            assert file_actions.export_fit_report(None, session, str(tmp_path / f"{name}.pdf"), "a4")
    finally:
        theme.apply(before, remember=False)   # one QApplication for the whole suite
    light, dark = page_pixels(tmp_path / "light.pdf"), page_pixels(tmp_path / "dark.pdf")
    assert len(dark) == len(light) >= 3
    for n, (lp, dp) in enumerate(zip(light, dark), 1):
        ink = int((lp < 128).sum())          # dark text and lines on the white page
        assert ink > 500, n
        assert (dp < 128).sum() >= 0.98 * ink, f"page {n}: text paler than in the light theme"
        assert np.abs(dp - lp).mean() < 0.5, f"page {n} differs from the light theme's"
