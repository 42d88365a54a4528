"""The printed report leaves no page more than half empty, except the last."""
from __future__ import annotations

from datetime import datetime

import pytest

from clubfit.paths import resources


@pytest.mark.parametrize("clubs", [3, 4])
def test_no_page_but_the_last_is_more_than_half_empty(qapp, tmp_path, clubs):
    from PySide6.QtCore import QMarginsF, QRectF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter
    from evaluator.report import build_report
    from ui.export_pdf import MARGIN_MM, PAPERS, ReportCharts, _document, screen_dpi
    from clubfit.paths import bundled_scenario
    from evaluator.session import Session
    from ui.report_layout import page_fill
    session = Session.from_file(bundled_scenario())   # beside its case file, so a club can be added
    if clubs == 4:
        session.add_club("Juventus FC", resources() / "data" / "matches" / "openfootball-it.1-2025-26.json")
    report = build_report(session.result, datetime(2026, 1, 1).astimezone())
    writer = QPdfWriter(str(tmp_path / "r.pdf"))
    writer.setResolution(screen_dpi())
    writer.setPageLayout(QPageLayout(QPageSize(PAPERS["a4"]), QPageLayout.Orientation.Portrait,
                                     QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter))
    page = writer.pageLayout().fullRectPixels(writer.resolution())
    margin = MARGIN_MM / 25.4 * writer.resolution()
    body = QRectF(margin, margin * 1.25, page.width() - 2 * margin, page.height() - margin * 2.5)
    charts = ReportCharts(session.result, body.width(), body.height() * 0.92, report.robustness)
    try:
        fill = page_fill(_document(report, writer, body.size(), charts))
    finally:
        charts.close()
    assert len(fill) >= 3
    assert all(f >= 0.5 for f in fill[:-1]), [round(f, 2) for f in fill]
