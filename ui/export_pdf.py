"""The fit report as a PDF: the ``FitReport`` content laid out on a QPdfWriter.

One function, ``export_report``, serves both the window (File → Export fit report…) and the
command line (``clubfit report``), so both write the same document for the same Result.

The text is one paginated QTextDocument (tables split across pages between rows, header rows
repeated). The two charts are the window's own ScoreChart and ContributionChart, built offscreen
and drawn into the document as inline objects by rendering their scenes straight into the PDF
painter, so they stay vector graphics. The writer's resolution is the screen's logical DPI, so
pyqtgraph's text is the same size relative to the plot as on screen.
"""
from __future__ import annotations

import html
import os
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout, QColor, QFont, QGuiApplication, QPageLayout, QPageSize, QPainter, QPalette,
    QPdfWriter, QPen, QPyTextObject, QTextBlock, QTextBlockFormat, QTextCursor, QTextDocument, QTextFormat,
    QFontMetricsF,
)

from evaluator.atomic import write_atomic
from evaluator.decision.scoring import Result
from evaluator.errors import InputError
from evaluator.model import Profile
from evaluator.report import APP_NAME, FitReport, build_report
from evaluator.report_robustness import RobustnessSection
from evaluator.top_clubs import TOP_N
from ui.palette import HEADING, MUTED, TEXT, printing
from ui.report_html import RULE, report_html

if TYPE_CHECKING:
    from ui.panels.bar_axes import BarChartView   # the charts themselves are imported only when drawn
    from evaluator.session.timeline import Timeline


PAPERS = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
MARGIN_MM = 16.0
BASE_PT = 9.0                  # body text, as in the window
CHART_NAME = "clubfit-chart:"   # an <img src> in the report's HTML: the chart of that index


def export_report(result: Result, path: str | os.PathLike[str], paper: str = "a4",
                  generated: datetime | None = None, season: Timeline | None = None,
                  profiles: tuple[Profile, ...] = (), case_file: str | None = None) -> Path:
    """Write the fit report for ``result`` to ``path`` as a PDF, atomically.

    A bad path (missing folder, a folder, unwritable) raises a one-line ``InputError`` naming it;
    an existing file at ``path`` is only replaced once the new one is complete.
    """
    if paper not in PAPERS:
        raise InputError(f"paper {paper!r}: use one of {', '.join(PAPERS)}")
    from evaluator.report_season import season_section
    report = build_report(result, generated or datetime.now().astimezone(),
                          season_section(season) if season is not None else None, profiles, case_file)
    return write_atomic(path, lambda tmp: write_pdf(report, result, tmp, paper, season))


def screen_dpi() -> int:
    screen = QGuiApplication.primaryScreen()
    return round(screen.logicalDotsPerInch()) if screen is not None else 96


# --- the page -------------------------------------------------------------------------------
def write_pdf(report: FitReport, result: Result, filename: str, paper: str = "a4",
              season: Timeline | None = None) -> None:
    writer = QPdfWriter(filename)
    writer.setResolution(screen_dpi())   # pyqtgraph lays text out in screen pixels
    writer.setPageLayout(QPageLayout(QPageSize(PAPERS[paper]), QPageLayout.Orientation.Portrait,
                                     QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter))
    writer.setTitle(report.document_title)
    writer.setCreator(APP_NAME)
    writer.setAuthor(APP_NAME)
    writer.setDocumentXmpMetadata(_xmp(report))
    page = writer.pageLayout().fullRectPixels(writer.resolution())
    margin = MARGIN_MM / 25.4 * writer.resolution()
    body = QRectF(margin, margin * 1.25, page.width() - 2 * margin, page.height() - margin * 2.5)

    charts = ReportCharts(result, body.width(), body.height() * 0.92, report.robustness, season)
    doc = _document(report, writer, body.size(), charts)
    pages = doc.pageCount()
    context = QAbstractTextDocumentLayout.PaintContext()
    context.palette = paper_palette()
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot start a PDF in {filename}")
    try:
        for n in range(pages):
            if n:
                writer.newPage()
            _furniture(painter, report, QRectF(page), body, n + 1, pages)
            painter.save()
            painter.translate(body.left(), body.top() - n * body.height())
            clip = QRectF(0, n * body.height(), body.width(), body.height())
            painter.setClipRect(clip)   # a block that starts on the next page must not leak in
            context.clip = clip
            # Not doc.drawContents: it paints in the application's palette, the dark theme's pale text.
            doc.documentLayout().draw(painter, context)
            painter.restore()
    finally:
        painter.end()
        charts.close()
    if not os.path.getsize(filename):
        raise OSError(f"nothing was written to {filename}")


def paper_palette() -> QPalette:
    """The colours of white paper, whatever the window's theme. The report's text that sets no
    colour of its own (the title, tables, boxes) is painted in the palette's Text, and a
    default palette is a copy of the application's: near-white when the window is dark."""
    paper = QPalette()
    roles = {QPalette.ColorRole.Text: TEXT, QPalette.ColorRole.WindowText: TEXT,
             QPalette.ColorRole.Base: "#FFFFFF", QPalette.ColorRole.Window: "#FFFFFF",
             QPalette.ColorRole.Link: HEADING, QPalette.ColorRole.LinkVisited: HEADING}
    for role, colour in roles.items():
        paper.setColor(role, QColor(colour))   # every colour group: the page is never "inactive"
    return paper


def _furniture(p: QPainter, report: FitReport, page: QRectF, body: QRectF, n: int, pages: int) -> None:
    """Running head (from page 2), footer rule, case line and 'Page n of N'."""
    font = QFont()
    font.setPointSizeF(BASE_PT - 1.5)
    _no_ligatures(font)
    p.setFont(font)
    p.setPen(QColor(MUTED))
    line_h = p.fontMetrics().height()
    if n > 1:
        head = QRectF(body.left(), body.top() - 2.2 * line_h, body.width(), line_h)
        p.drawText(head, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, report.document_title)
    foot_y = body.bottom() + 0.9 * line_h
    p.setPen(QPen(QColor(RULE), 0.75))
    p.drawLine(QPointF(body.left(), foot_y), QPointF(body.right(), foot_y))
    p.setPen(QColor(MUTED))
    foot = QRectF(body.left(), foot_y + 0.3 * line_h, body.width(), line_h)
    left = f"{APP_NAME} fit report · {report.subject} · as of {report.as_of}"
    p.drawText(foot, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
               p.fontMetrics().elidedText(left, Qt.TextElideMode.ElideRight, int(body.width() * 0.75)))
    p.drawText(foot, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"Page {n} of {pages}")


def _no_ligatures(font: QFont) -> None:
    """Plain letters: "fi" stays two characters when the PDF's text is copied or searched."""
    for tag in ("liga", "clig"):
        font.setFeature(QFont.Tag(tag), 0)


def _xmp(report: FitReport) -> bytes:
    e = html.escape
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
     xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{e(report.document_title)}</rdf:li></rdf:Alt></dc:title>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{e(report.subject)}</rdf:li></rdf:Alt></dc:description>
   <dc:creator><rdf:Seq><rdf:li>{APP_NAME}</rdf:li></rdf:Seq></dc:creator>
   <xmp:CreatorTool>{APP_NAME}</xmp:CreatorTool>
   <pdf:Producer>{APP_NAME} (Qt {e(_qt_version())})</pdf:Producer>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>""".encode("utf-8")


def _qt_version() -> str:
    from PySide6.QtCore import qVersion
    return qVersion()


# --- the charts, as vector objects inside the text ----------------------------------------------
class ReportCharts(QPyTextObject):
    """The window's two charts (and the robustness page's rank-share chart, when there is one),
    laid out offscreen, drawn into the document as inline objects where report_html puts
    [[chart0]], [[chart1]], … (``_document`` makes them <img> tags)."""

    def __init__(self, result: Result, width: float, max_height: float,
                 robustness: RobustnessSection | None = None, season: Timeline | None = None) -> None:
        super().__init__()
        from ui.panels.contribution_chart import ContributionChart
        from ui.panels.rank_share_chart import MAX_ROWS, RankShareChart
        from ui.panels.score_chart import ScoreChart
        n = len(result.scenario.clubs)
        n = n if n <= TOP_N else TOP_N + 1    # the top N and the summary row (top_clubs.py)
        k = len(result.scenario.criteria)
        w = int(width)
        with printing():   # paper is white even when the window is dark
            self.widgets: list[BarChartView] = [ScoreChart(result), ContributionChart(result)]
            sizes = [(w, 62 + 30 * n), (w, 84 + 34 * n + 22 * ((k + 1) // 2))]
            if robustness is not None and robustness.acceptability:
                self.widgets.append(RankShareChart(robustness))
                sizes.append((w, 106 + 34 * min(len(robustness.acceptability), MAX_ROWS)))   # bars as thick as above
            if season is not None:   # "Over the season", the last chart (report_html places it so)
                from ui.panels.season_chart import SeasonPlot
                self.widgets.append(SeasonPlot(season))
                sizes.append((w, 300))
            from ui.panels.value_curve_chart import ValueCurvesChart   # the method section's, the last chart
            self.widgets.append(ValueCurvesChart(result))
            sizes.append((w, ValueCurvesChart.height_for(k)))
            for widget, (cw, ch) in zip(self.widgets, sizes):
                widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
                widget.resize(cw, int(min(ch, max_height)))   # a chart never runs past a page
                widget.show()
            QGuiApplication.processEvents()   # lay the plots out at their final size
            for widget in self.widgets[:2]:
                widget.refit(result)    # labels fit the laid-out bars (items kept, not rebuilt)
        for widget in self.widgets:
            widget.for_print()            # vectors, not cached pixmaps

    def close(self) -> None:
        for widget in self.widgets:   # not close(): pyqtgraph's close() tears the scene down unsafely
            widget.hide()
            widget.deleteLater()
        self.widgets = []

    def _widget(self, fmt: QTextFormat) -> BarChartView:
        return self.widgets[int(fmt.toImageFormat().name().removeprefix(CHART_NAME))]

    def intrinsicSize(self, doc: QTextDocument, pos: int, fmt: QTextFormat) -> QSizeF:  # noqa: N802
        widget = self._widget(fmt)
        return QSizeF(widget.width(), widget.height())

    def drawObject(self, painter: QPainter, rect: QRectF, doc: QTextDocument, pos: int,  # type: ignore[override]  # Qt passes a QRectF; the binding also admits QRect  # noqa: N802
                   fmt: QTextFormat) -> None:
        if painter.hasClipping() and not _mostly_inside(rect, painter.clipBoundingRect()):
            return   # the chart sits on another page; QGraphicsScene.render would ignore our clip
        widget = self._widget(fmt)
        source = QRectF(widget.viewRect()) if hasattr(widget, "viewRect") else QRectF(widget.rect())
        widget.scene().prepareForPaint()
        widget.scene().render(painter, rect, source)


def _mostly_inside(rect: QRectF, clip: QRectF) -> bool:
    inside = rect.intersected(clip)
    return inside.width() * inside.height() >= 0.5 * rect.width() * rect.height()


# --- the text ------------------------------------------------------------------------------------
def _document(report: FitReport, writer: QPdfWriter, size: QSizeF, charts: ReportCharts) -> QTextDocument:
    """The report laid out once on pages of ``size``, charts in place, then the headings kept
    with what follows (``keep_headings_with_content``).

    Everything that changes the layout (paint device, font, page size, the charts' sizes) is set
    before the HTML goes in, so the text is laid out once and not again per setting: the charts
    enter as ``<img>`` tags whose drawing ``charts`` takes over (the report has no other image).
    """
    doc = QTextDocument()
    layout = doc.documentLayout()
    layout.setPaintDevice(writer)   # measure text at the writer's resolution
    layout.registerHandler(QTextFormat.ObjectTypes.ImageObject, charts)
    font = QFont()
    font.setPointSizeF(BASE_PT)
    _no_ligatures(font)
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    doc.setPageSize(size)
    text = report_html(report)
    for index in range(len(charts.widgets)):   # report_html places every chart it was given
        text = text.replace(f"[[chart{index}]]", f"<img src='{CHART_NAME}{index}'>")
    doc.setHtml(text)
    keep_headings_with_content(doc)
    return doc


def keep_headings_with_content(doc: QTextDocument) -> None:
    """Start a heading on a new page when it would end up apart from what it introduces.

    A heading followed by a table that fits on one page moves with the whole table (a club's
    breakdown is never split), unless that would leave the page over half empty; otherwise it
    keeps at least the next block's first lines (a table's header and first rows) with it.

    Each page break re-lays out the rest of the document (at 100 clubs 32 breaks, one layout
    each, took 2.75 s). So a pass decides every break from one layout, assuming a break moves
    everything after it down by the same amount, applies them in one edit block (one layout),
    and a further pass fixes whatever that assumption got wrong; two or three passes suffice.
    """
    for _ in range(MAX_PAGINATION_PASSES):
        breaks = _headings_to_break(doc)
        if not breaks:
            return
        fmt = QTextBlockFormat()
        fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        edit = QTextCursor(doc)
        edit.beginEditBlock()
        for block in breaks:
            QTextCursor(block).mergeBlockFormat(fmt)
        edit.endEditBlock()


MAX_PAGINATION_PASSES = 6


def _headings_to_break(doc: QTextDocument) -> list[QTextBlock]:
    layout = doc.documentLayout()
    page_h = doc.pageSize().height()
    shift = 0.0                     # how far the breaks decided so far push what follows
    out: list[QTextBlock] = []
    block = doc.begin()
    while block.isValid():
        nxt = block.next()
        fmt = block.blockFormat()
        if fmt.headingLevel() and nxt.isValid() and not (
                fmt.pageBreakPolicy() & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore):
            top = layout.blockBoundingRect(block).top()
            cursor = QTextCursor(nxt)
            table = cursor.currentTable()
            if table is not None:
                filled = (top + shift) % page_h   # what stays on this page if the table moves on
                # Its bottom only when it could move whole (a table's bounding rect is ~1.4 ms at 100 clubs).
                whole = layout.frameBoundingRect(table).bottom() if filled >= 0.5 * page_h else None
                # too long to keep whole, or moving it would leave this page over half empty: keep the header row
                if whole is None or whole - top > 0.6 * page_h:
                    bottom = top + layout.blockBoundingRect(block).height() + 3 * QFontMetricsF(
                        doc.defaultFont()).height()
                else:
                    bottom = whole
            else:   # the next block's first line must land on the heading's page
                line = nxt.layout().lineAt(0) if nxt.layout().lineCount() else None
                bottom = layout.blockBoundingRect(nxt).top() + (line.y() + line.height() if line else 0)
            top, bottom = top + shift, bottom + shift
            page = int(top // page_h)
            if bottom > (page + 1) * page_h and top > page * page_h + 1:
                out.append(block)
                shift += (page + 1) * page_h - top
        block = nxt
    return out
