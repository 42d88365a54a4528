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

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor, QFont, QGuiApplication, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen, QPyTextObject,
    QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument, QTextFormat, QFontMetricsF,
)
from PySide6.QtWidgets import QWidget

from evaluator.atomic import write_atomic
from evaluator.decision.scoring import Result
from evaluator.errors import InputError
from evaluator.report import APP_NAME, FitReport, RobustnessSection, build_report
from ui.palette import MUTED, TEXT, WARNING_BG, WARNING_BORDER

PAPERS = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
MARGIN_MM = 16.0
BASE_PT = 9.0                  # body text, as in the window
CHART_OBJECT = QTextFormat.ObjectTypes.UserObject + 1
CHART_INDEX = QTextFormat.Property.UserProperty + 1
RULE = "#CBD5E0"
HEAD_BG = "#EDF2F7"
ALT_BG = "#F7FAFC"
MISSING = "#B00020"
MISSING_LISTED = 5             # fixtures without a result listed per file in the report


def export_report(result: Result, path: str | os.PathLike[str], paper: str = "a4",
                  generated: datetime | None = None) -> Path:
    """Write the fit report for ``result`` to ``path`` as a PDF, atomically.

    A bad path (missing folder, a folder, unwritable) raises a one-line ``InputError`` naming it;
    an existing file at ``path`` is only replaced once the new one is complete.
    """
    if paper not in PAPERS:
        raise InputError(f"paper {paper!r}: use one of {', '.join(PAPERS)}")
    report = build_report(result, generated or datetime.now().astimezone())
    return write_atomic(path, lambda tmp: write_pdf(report, result, tmp, paper))


def screen_dpi() -> int:
    screen = QGuiApplication.primaryScreen()
    return round(screen.logicalDotsPerInch()) if screen is not None else 96


# --- the page -------------------------------------------------------------------------------
def write_pdf(report: FitReport, result: Result, filename: str, paper: str = "a4") -> None:
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

    charts = ReportCharts(result, body.width(), body.height() * 0.92, report.robustness)
    doc = _document(report, writer, body.size(), charts)
    pages = doc.pageCount()
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
            doc.drawContents(painter, clip)
            painter.restore()
    finally:
        painter.end()
        charts.close()
    if not os.path.getsize(filename):
        raise OSError(f"nothing was written to {filename}")


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
    laid out offscreen, drawn into the document as inline objects: [[chart0]], [[chart1]], …"""

    def __init__(self, result: Result, width: float, max_height: float,
                 robustness: RobustnessSection | None = None) -> None:
        super().__init__()
        from ui.panels.contribution_chart import ContributionChart
        from ui.panels.rank_share_chart import MAX_ROWS, RankShareChart
        from ui.panels.score_chart import ScoreChart
        n = len(result.scenario.clubs)
        k = len(result.scenario.criteria)
        w = int(width)
        self.widgets: list[QWidget] = [ScoreChart(result), ContributionChart(result)]
        sizes = [(w, 62 + 30 * n), (w, 84 + 34 * n + 22 * ((k + 1) // 2))]
        if robustness is not None and robustness.acceptability:
            self.widgets.append(RankShareChart(robustness))
            sizes.append((w, 106 + 34 * min(len(robustness.acceptability), MAX_ROWS)))   # bars as thick as above
        for widget, (cw, ch) in zip(self.widgets, sizes):
            widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
            widget.resize(cw, int(min(ch, max_height)))   # a chart never runs past a page
            widget.show()
        QGuiApplication.processEvents()   # lay the plots out at their final size
        for widget in self.widgets[:2]:
            widget.show_result(result)    # type: ignore[attr-defined]  # labels fit the laid-out bars
        for widget in self.widgets:
            widget.for_print()            # type: ignore[attr-defined]  # vectors, not cached pixmaps

    def close(self) -> None:
        for widget in self.widgets:   # not close(): pyqtgraph's close() tears the scene down unsafely
            widget.hide()
            widget.deleteLater()
        self.widgets = []

    def intrinsicSize(self, doc: QTextDocument, pos: int, fmt: QTextFormat) -> QSizeF:  # noqa: N802
        widget = self.widgets[int(fmt.property(CHART_INDEX))]
        return QSizeF(widget.width(), widget.height())

    def drawObject(self, painter: QPainter, rect: QRectF, doc: QTextDocument, pos: int,  # noqa: N802
                   fmt: QTextFormat) -> None:
        if painter.hasClipping() and not _mostly_inside(rect, painter.clipBoundingRect()):
            return   # the chart sits on another page; QGraphicsScene.render would ignore our clip
        widget = self.widgets[int(fmt.property(CHART_INDEX))]
        source = QRectF(widget.viewRect()) if hasattr(widget, "viewRect") else QRectF(widget.rect())
        widget.scene().prepareForPaint()   # type: ignore[attr-defined]
        widget.scene().render(painter, rect, source)   # type: ignore[attr-defined]


def _mostly_inside(rect: QRectF, clip: QRectF) -> bool:
    inside = rect.intersected(clip)
    return inside.width() * inside.height() >= 0.5 * rect.width() * rect.height()


# --- the text ------------------------------------------------------------------------------------
def _document(report: FitReport, writer: QPdfWriter, size: QSizeF, charts: ReportCharts) -> QTextDocument:
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)   # measure text at the writer's resolution
    doc.documentLayout().registerHandler(CHART_OBJECT, charts)
    font = QFont()
    font.setPointSizeF(BASE_PT)
    _no_ligatures(font)
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    doc.setPageSize(size)
    doc.setHtml(report_html(report))
    edit = QTextCursor(doc)
    edit.beginEditBlock()   # one re-layout for all the charts, not one per chart
    for index in range(len(charts.widgets)):
        cursor = doc.find(f"[[chart{index}]]")
        if cursor.isNull():   # pragma: no cover - report_html places every chart it was given
            continue
        fmt = QTextCharFormat()
        fmt.setObjectType(CHART_OBJECT)
        fmt.setProperty(CHART_INDEX, index)
        cursor.insertText("\ufffc", fmt)
    edit.endEditBlock()
    doc.setPageSize(size)   # re-paginate with the charts in place
    keep_headings_with_content(doc)
    return doc


def keep_headings_with_content(doc: QTextDocument) -> None:
    """Start a heading on a new page when it would end up apart from what it introduces.

    A heading followed by a table that fits on one page moves with the whole table (a club's
    breakdown is never split); otherwise it keeps at least the next block's first lines with it.
    """
    layout = doc.documentLayout()
    page_h = doc.pageSize().height()
    block = doc.begin()
    while block.isValid():
        nxt = block.next()
        if block.blockFormat().headingLevel() and nxt.isValid():
            top = layout.blockBoundingRect(block).top()
            cursor = QTextCursor(nxt)
            table = cursor.currentTable()
            if table is not None:
                bottom = layout.frameBoundingRect(table).bottom()
                if bottom - top > 0.6 * page_h:   # too long to keep whole: keep the header row
                    bottom = top + layout.blockBoundingRect(block).height() + 3 * QFontMetricsF(
                        doc.defaultFont()).height()
            else:   # the next block's first line must land on the heading's page
                line = nxt.layout().lineAt(0) if nxt.layout().lineCount() else None
                bottom = layout.blockBoundingRect(nxt).top() + (line.y() + line.height() if line else 0)
            page = int(top // page_h)
            if bottom > (page + 1) * page_h and top > page * page_h + 1:
                fmt = QTextBlockFormat()
                fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                QTextCursor(block).mergeBlockFormat(fmt)
        block = nxt


def report_html(r: FitReport) -> str:
    e = html.escape
    parts = [_STYLE]
    parts.append(f"<h1>{e(r.title)}</h1>")
    meta = [f"As of <b>{e(r.as_of)}</b>", f"{len(r.ranking)} clubs", f"{len(r.criteria)} criteria"]
    if r.case_file:
        meta.insert(1, f"case file {e(r.case_file)}")
    parts.append(f"<p class='meta'>{' · '.join(meta)}</p>")
    parts.append(f"<p class='meta'>Generated {e(r.generated)} by {APP_NAME}</p>")
    if r.about:
        parts.append(f"<p class='about'>{e(r.about)}</p>")

    parts.append("<h2>Summary</h2>")
    parts.append(_box(e(r.summary), "#EBF4FF", "#90CDF4"))
    if r.warnings:
        items = "".join(f"<li>{e(w)}</li>" for w in r.warnings)
        parts.append(_box(f"<b>Read with care</b><ul>{items}</ul>", WARNING_BG, WARNING_BORDER))

    parts.append("<h2>Weights</h2>")
    rows = [[e(w.label), e(w.scored_figure), e(w.direction), w.raw_text, w.share_text] for w in r.weights]
    parts.append(_table(["Criterion", "Figure scored", "Direction", "Weight", "Share"], rows,
                        right={3, 4}, widths=[22, 30, 24, 12, 12]))

    parts.append("<h2>Ranking</h2>")
    head = ["Rank", "Club", "Fit score"] + list(r.criteria)
    rows = [[x.rank_text, f"<b>{e(x.club)}</b><br><span class='small'>{e(x.league)}</span>"
             + (f"<br><span class='flag'>{e(x.note)}</span>" if x.note else ""),
             f"<b>{x.score_text}</b>", *x.contributions] for x in r.ranking]
    k = max(len(r.criteria), 1)
    parts.append(_table(head, rows, right=set(range(2, len(head))) | {0},
                        widths=[7, 33, 12] + [48 // k] * len(r.criteria)))
    parts.append("<p class='small'>Fit score out of 100; the criterion columns are the points each "
                 "criterion contributes (they add up to the score).</p>")

    parts.append("<h2>Charts</h2>")
    parts.append("<p class='chart'>[[chart0]]</p>")
    parts.append("<p class='chart'>[[chart1]]</p>")

    parts.append("<h2 class='newpage'>Club by club</h2>")
    parts.append("<p class='small'>Utility: where the club's figure sits on the criterion's scale, 0 (worst "
                 "of the candidates) to 1 (best). Weight: the criterion's share of this club's score. "
                 "Points = 100 × weight × utility.</p>")
    for b in r.breakdowns:
        note = b.note.removeprefix("not ranked").lstrip(": ") if b.rank_text == "—" else b.note
        flag = f" <span class='flag'>{e(note)}</span>" if note else ""   # the heading already says "not ranked"
        parts.append(f"<h3>{e(b.rank_text)}. {e(b.club)} — {e(b.score_text)}/100{flag}</h3>"
                     if b.rank_text != "—" else f"<h3>{e(b.club)} — not ranked{flag}</h3>")
        rows = [[e(x.criterion), _missing(e(x.figure)), x.utility, x.weight, x.points] for x in b.lines]
        rows.append(["<b>Fit score</b>", "", "", "", f"<b>{e(b.score_text)}</b>"])
        parts.append(_table(["Criterion", "Figure", "Utility", "Weight", "Points"], rows,
                            right={1, 2, 3, 4}, widths=[34, 26, 13, 13, 14]))

    parts.append("<h2>Method in plain words</h2><ul>")
    parts.extend(f"<li>{e(m)}</li>" for m in r.method)
    parts.append("</ul>")

    if r.robustness is not None:
        parts.append(robustness_html(r.robustness, r.criteria))

    parts.append("<h2 class='newpage'>Figures and sources</h2>")
    if r.callouts:
        items = "".join(f"<li>{e(c)}</li>" for c in r.callouts)
        parts.append(_box(f"<b>Missing or entered by the user</b><ul>{items}</ul>", WARNING_BG, WARNING_BORDER))
    else:
        parts.append("<p>Every figure has a source; none was entered by hand and none is missing.</p>")
    parts.append(_data_checks_html(r))
    parts.append("<h3>Sources</h3><table class='plain' width='100%' cellpadding='2'>")
    parts.extend(f"<tr><td width='5%'>[{n}]</td><td>{e(s)}</td></tr>" for n, s in enumerate(r.sources, 1))
    parts.append("</table>")
    parts.append("<p class='small'>Figures in bold are scored by a criterion; the others are context. "
                 "[n] is the number of the figure's source in the list above.</p>")
    clubs = list(dict.fromkeys(f.club for f in r.figures))
    for club in clubs:
        parts.append(f"<h3>{e(club)}</h3>")
        rows = []
        for f in (f for f in r.figures if f.club == club):
            label = f"<b>{e(f.label)}</b>" if f.criterion else e(f.label)
            value = _missing(e(f.value)) if f.status == "missing" else e(f.value)
            if f.status == "user":
                value += " <span class='flag'>(entered by the user)</span>"
            note = e(f.note)
            rows.append([label, value, e(f.unit), e(f.as_of), f"[{f.source_ref}]" if f.source_ref else "—",
                         f"<span class='small'>{note}</span>"])
        parts.append(_table(["Figure", "Value", "Unit", "As of", "Source", "Note"], rows,
                            right={1}, widths=[24, 9, 13, 11, 8, 35], css="data compact"))

    return "".join(parts)


def _data_checks_html(r: FitReport) -> str:
    """What comparing the sources found; every finding is listed, however many."""
    e = html.escape
    if not r.data_checks:
        return ("<h3>Source checks</h3><p>Not cross-checked: no second file of the same league was "
                "loaded.</p>")
    items = []
    for c in r.data_checks:
        # Every disagreement is listed; a file's list of fixtures without a result is summed up
        # after a few (the sentence already gives the count and the last result's date).
        shown = c.details if c.kind == "cross-check" else c.details[:MISSING_LISTED]
        more = len(c.details) - len(shown)
        details = "".join(f"<li class='small'>{e(d)}</li>" for d in shown)
        if more:
            details += f"<li class='small'>… and {more} more fixtures without a result</li>"
        items.append(f"<li>{'' if c.agree else '<b>Attention:</b> '}{e(c.text)}"
                     + (f"<ul>{details}</ul>" if details else "") + "</li>")
    body = f"<ul>{''.join(items)}</ul>"
    if all(c.agree for c in r.data_checks):
        return "<h3>Source checks</h3>" + body
    return "<h3>Source checks</h3>" + _box(body, WARNING_BG, WARNING_BORDER)


def robustness_html(rb: RobustnessSection, criteria: tuple[str, ...]) -> str:
    """The "How sure is the ranking" page: summary, warnings, then the tables and the chart."""
    e = html.escape
    newpage = " class='newpage'" if rb.testable else ""   # one sentence needs no page of its own
    parts = [f"<h2{newpage}>How sure is the ranking</h2>",
             _box(" ".join(e(x) for x in rb.summary), "#EBF4FF", "#90CDF4")]
    if not rb.testable:
        return "".join(parts)
    if rb.warnings:
        items = "".join(f"<li>{e(w)}</li>" for w in rb.warnings)
        parts.append(_box(f"<b>Rank reversal: read with care</b><ul>{items}</ul>", WARNING_BG, WARNING_BORDER))
    parts.append(f"<p class='small'>{e(rb.explanation)}</p>")

    parts.append("<h3>Stability intervals</h3>")
    rows = [[e(x.criterion), x.share_now, x.first_place, x.whole_ranking] for x in rb.stability]
    parts.append(_table(["Criterion", "Share now", "First place holds for share", "Whole ranking holds for share"],
                        rows, right={1, 2, 3}, widths=[31, 15, 27, 27]))
    if rb.acceptability:
        parts += _acceptability_html(rb, criteria)
    if rb.flips:
        lead, run = rb.top_two or ("", "")
        parts.append(f"<h3>What would swap the top two ({e(lead)} and {e(run)})</h3>")
        rows = [[e(f.criterion), e(f.change), e(f.needed), e(f.outcome), f"<span class='small'>{e(f.sentence)}</span>"]
                for f in rb.flips]
        parts.append(_table(["Criterion", "What changes", "Change needed", "Outcome", "In words"], rows,
                            widths=[14, 15, 15, 10, 46], css="data compact"))
    return "".join(parts)


def _acceptability_html(rb: RobustnessSection, criteria: tuple[str, ...]) -> list[str]:
    from ui.panels.rank_share_chart import MAX_ROWS   # the chart's row cap, said under it
    e = html.escape
    n = len(rb.acceptability)
    parts = ["<h3>Rank acceptability</h3>", "<p class='chart'>[[chart2]]</p>"]
    if n > MAX_ROWS:
        parts.append(f"<p class='small'>The chart shows the {MAX_ROWS} best-ranked of the {n} clubs; "
                     "the table lists them all.</p>")
    rows = [[f"<b>{e(a.club)}</b>", *a.cells, a.first_se] for a in rb.acceptability]
    k = len(rb.rank_labels)
    last = 13 if "–" in rb.rank_labels[-1] else 54 // k    # "6th–20th" needs the room of one more digit
    parts.append(_table(["Club", *rb.rank_labels, "± 1st"], rows, right=set(range(1, k + 2)),
                        widths=[88 - (k - 1) * (54 // k) - last] + [54 // k] * (k - 1) + [last, 12]))
    parts.append(f"<p class='small'>Share of the {rb.samples:,} weightings (seed {rb.seed}) in which each club "
                 f"takes each place; ± is the standard error of the first-place share (at most {rb.max_se} "
                 "points for any share).</p>")
    parts.append("<h3>Central weights</h3>")
    never = ["<span class='small'>never first</span>"] + [""] * (len(criteria) - 1)
    rows = [[f"<b>{e(a.club)}</b>", *(a.central or never)] for a in rb.acceptability]
    parts.append(_table(["Club", *criteria], rows, right=set(range(1, len(criteria) + 1)),
                        widths=[34] + [66 // max(len(criteria), 1)] * len(criteria)))
    parts.append("<p class='small'>The average weights among the weightings that put the club first: the "
                 "kind of priorities under which it would be the choice.</p>")
    return parts


def _missing(text: str) -> str:
    return f"<span class='missing'>{text}</span>" if text == "missing" else text


def _box(inner: str, bg: str, border: str) -> str:
    return (f"<table width='100%' cellpadding='8' cellspacing='0' border='1' "
            f"style='border-style: solid; border-color: {border}; background-color: {bg}; margin-bottom: 6px'>"
            f"<tr><td>{inner}</td></tr></table>")


def _table(head: list[str], rows: list[list[str]], right: set[int] = frozenset(),  # type: ignore[assignment]
           widths: list[int] | None = None, css: str = "data") -> str:
    def cell(tag: str, j: int, text: str, bg: str = "") -> str:
        align = " align='right'" if j in right else ""
        width = f" width='{widths[j]}%'" if widths else ""
        style = f" bgcolor='{bg}'" if bg else ""
        return f"<{tag}{align}{width}{style}>{text}</{tag}>"
    pad = 3 if "compact" in css else 4
    out = [f"<table class='{css}' width='100%' cellspacing='0' cellpadding='{pad}' border='0'>",
           "<thead><tr>", *(cell("th", j, html.escape(h), HEAD_BG) for j, h in enumerate(head)), "</tr></thead>"]
    for n, row in enumerate(rows):
        bg = ALT_BG if n % 2 else ""
        out.append("<tr>" + "".join(cell("td", j, t, bg) for j, t in enumerate(row)) + "</tr>")
    out.append("</table>")
    return "".join(out)


_STYLE = f"""<style>
body {{ color: {TEXT}; }}
h1 {{ font-size: 17pt; font-weight: 600; margin-bottom: 2px; }}
h2 {{ font-size: 12.5pt; font-weight: 600; margin-top: 14px; margin-bottom: 5px; color: #1A4971; }}
h3 {{ font-size: 10pt; font-weight: 600; margin-top: 10px; margin-bottom: 3px; }}
h2.newpage {{ page-break-before: always; margin-top: 0px; }}
p {{ margin-top: 0px; margin-bottom: 5px; }}
p.meta {{ color: {MUTED}; margin-bottom: 1px; }}
p.about {{ color: {MUTED}; font-style: italic; margin-top: 6px; }}
p.chart {{ margin-top: 4px; margin-bottom: 8px; }}
li {{ margin-bottom: 4px; }}
.small {{ font-size: 7.5pt; color: {MUTED}; }}
.flag {{ font-size: 7.5pt; color: #975A16; }}
.missing {{ color: {MISSING}; font-style: italic; }}
th {{ font-weight: 600; text-align: left; }}
table.data {{ border-collapse: collapse; margin-bottom: 4px; }}
table.data th {{ border-bottom: 1px solid {RULE}; }}
table.data td {{ border-bottom: 1px solid {RULE}; vertical-align: top; }}
table.compact {{ font-size: 8pt; }}
</style>"""
