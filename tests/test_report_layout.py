"""The printed report leaves no page more than half empty, except the last."""
from __future__ import annotations

from datetime import datetime

import pytest
from pypdf import PdfReader

FURNITURE_PT = 60   # the running header and the page-number footer: not content


def page_fill(path) -> list[float]:
    """For each page, 0..1: how far down the body the lowest line of text reaches."""
    fills = []
    for page in PdfReader(path).pages:
        height = float(page.mediabox.height)
        ys: list[float] = []

        def visit(text, cm, tm, font, size, ys=ys):
            if text.strip():
                ys.append(tm[5] * cm[3] + cm[5])   # the text's baseline, in points from the bottom
        page.extract_text(visitor_text=visit)
        body = [y for y in ys if FURNITURE_PT < y < height - FURNITURE_PT]
        fills.append((height - FURNITURE_PT - min(body)) / (height - 2 * FURNITURE_PT) if body else 0.0)
    return fills


@pytest.mark.parametrize("clubs", [3, 4])
def test_no_page_but_the_last_is_more_than_half_empty(qapp, tmp_path, clubs):
    from clubfit.paths import bundled_scenario, resources
    from evaluator.session import Session
    from ui.export_pdf import export_report
    session = Session.from_file(bundled_scenario())   # beside its case file, so a club can be added
    if clubs == 4:
        session.add_club("Juventus FC", resources() / "data" / "matches" / "openfootball-it.1-2025-26.json")
    out = export_report(session.result, tmp_path / "r.pdf", "a4", datetime(2026, 1, 1).astimezone())
    fill = page_fill(out)
    assert len(fill) >= 3
    assert all(f >= 0.5 for f in fill[:-1]), [round(f, 2) for f in fill]
