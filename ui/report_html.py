"""The fit report as HTML for a QTextDocument: headings, tables, boxes, chart placeholders.

``ui/export_pdf.py`` paginates it on a QPdfWriter and draws the charts where the
``[[chartN]]`` placeholders stand. Qt's rich text supports a subset of HTML/CSS, so layout is
done with tables and explicit widths.
"""
from __future__ import annotations

import html
from collections.abc import Collection

from evaluator.formatting import counted
from evaluator.report import APP_NAME, FitReport
from evaluator.report_profiles import ProfilesSection
from evaluator.report_robustness import RobustnessSection
from evaluator.top_clubs import TOP_N
from ui.palette import (
    ALT_BG, DIFFERS_BG, DIFFERS_TEXT, FLAG, HEAD_BG, HEADING, MISSING, MUTED, NOTE_BG, NOTE_BORDER, RULE, TEXT, WARNING_BG, WARNING_BORDER,
)
MISSING_LISTED = 5             # fixtures without a result listed per file in the report


def report_html(r: FitReport) -> str:
    e = html.escape
    parts = [_STYLE]
    parts.append(f"<h1>{e(r.title)}</h1>")
    meta = [f"As of <b>{e(r.as_of)}</b>", counted(len(r.ranking), "club", "clubs"), counted(len(r.criteria), "criterion", "criteria")]
    if r.case_file:
        meta.insert(1, f"case file {e(r.case_file)}")
    parts.append(f"<p class='meta'>{' · '.join(meta)}</p>")
    parts.append(f"<p class='meta'>Generated {e(r.generated)} by {APP_NAME}</p>")
    if r.player:
        parts.append(f"<p class='player'><b>Player:</b> {e(r.player)}</p>")
    if r.player_notes:
        parts.append(f"<p class='about'>{e(r.player_notes)}</p>")
    if r.about:
        parts.append(f"<p class='about'>{e(r.about)}</p>")

    parts.append("<h2>Summary</h2>")
    parts.append(_box(e(r.summary), NOTE_BG, NOTE_BORDER))
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
    if r.season is not None:
        parts.append(_season_html(r))

    parts.append("<h2>Club by club</h2>")   # no forced page break: it left most of a page empty
    parts.append("<p class='small'>Utility: where the club's figure sits on the criterion's scale, 0 (its worst "
                 "end) to 1 (its best end); the scales are given in the method section. Weight: the criterion's share of this club's score. "
                 "Points = 100 × weight × utility.</p>")
    if len(r.breakdowns) > TOP_N:
        parts.append(f"<p class='small'>The {TOP_N} best of the {len(r.breakdowns)} clubs are shown here and "
                     "under Figures and sources; the ranking table above has every club's score and points.</p>")
    for b in r.breakdowns[:TOP_N]:
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
    # Each criterion's value function, the last of ReportCharts' charts (after rank shares and season).
    curves = 2 + bool(r.robustness is not None and r.robustness.acceptability) + (r.season is not None)
    parts.append(f"<p class='chart'>[[chart{curves}]]</p>")
    parts.append("<p class='small'>Each criterion's value function: its figure (across) to its utility, 0 to 1 "
                 "(up); the dots are the clubs, in their chart colours; a dashed line marks a target.</p>")

    if r.robustness is not None:
        parts.append(robustness_html(r.robustness, r.criteria))

    if r.profiles is not None:
        parts.append(profiles_html(r.profiles))

    parts.append("<h2>Figures and sources</h2>")
    if r.callouts:
        items = "".join(f"<li>{e(c)}</li>" for c in r.callouts)
        parts.append(_box(f"<b>Missing or entered by the user</b><ul>{items}</ul>", WARNING_BG, WARNING_BORDER))
    else:
        parts.append("<p>Every figure has a source; none was entered by hand and none is missing.</p>")
    parts.append(_data_checks_html(r))
    parts.append("<h3>Sources</h3><table class='plain' width='100%' cellpadding='2'>")
    parts.extend(f"<tr><td width='5%'>[{n}]</td><td>{e(s)}</td></tr>" for n, s in enumerate(r.sources, 1))
    parts.append("</table>")
    if r.legend:   # the per-row source codes of the squad lists (S1, N2...), resolved
        parts.append("<h3>Source codes in the squad lists</h3><table class='plain' width='100%' cellpadding='2'>")
        parts.extend(f"<tr><td>{e(line)}</td></tr>" for line in r.legend)
        parts.append("</table>")
    parts.append("<p class='small'>Figures in bold are scored by a criterion; the others are context. "
                 "[n] is the number of the figure's source in the list above.</p>")
    best = {b.club for b in r.breakdowns[:TOP_N]}   # the top-N rule of the charts (top_clubs.py)
    clubs = [c for c in dict.fromkeys(f.club for f in r.figures) if c in best or len(r.breakdowns) <= TOP_N]
    for club in clubs:
        parts.append(f"<h3>{e(club)}</h3>")
        rows = []
        for f in (f for f in r.figures if f.club == club):
            label = f"<b>{e(f.label)}</b>" if f.criterion else e(f.label)
            value = _missing(e(f.value)) if f.status == "missing" else e(f.value)
            if f.status == "user":
                value += " <span class='flag'>(entered by the user)</span>"
            note = e(f.note)
            if f.stale:
                note += f" <span class='flag'>Stale: {e(f.stale)}</span>"
            rows.append([label, value, e(f.unit), e(f.as_of), f"[{f.source_ref}]" if f.source_ref else "—",
                         f"<span class='small'>{note}</span>"])
        parts.append(_table(["Figure", "Value", "Unit", "As of", "Source", "Note"], rows,
                            right={1}, widths=[24, 9, 13, 11, 8, 35], css="data compact"))

    return "".join(parts)


def _season_html(r: FitReport) -> str:
    """Over the season: the sentence, the chart (after the rank-share chart when there is one,
    as ``ReportCharts`` orders them) and what a date is."""
    assert r.season is not None
    e = html.escape
    index = 3 if r.robustness is not None and r.robustness.acceptability else 2
    return (f"<h2>Over the season</h2>{_box(e(r.season.sentence), '#EBF4FF', '#90CDF4')}"
            f"<p class='chart'>[[chart{index}]]</p>"
            f"<p class='small'>{e(r.season.how)} {r.season.dates} dates, {e(r.season.first)} to "
            f"{e(r.season.last)}.</p>")


def profiles_html(p: ProfilesSection) -> str:
    """Weight profiles: each stakeholder's weights and ranking, then the ranks side by side."""
    e = html.escape
    parts = ["<h2>Weight profiles</h2>", _box(" ".join(e(x) for x in (p.summary, *p.notes)), NOTE_BG, NOTE_BORDER)]
    rows = [[f"<b>{e(x.name)}</b>", e(x.weights), e(x.ranking)] for x in p.profiles]
    parts.append(_table(["Profile", "Weight shares", "Ranking"], rows, widths=[20, 40, 40], css="data compact"))
    if p.rows:
        profile_columns = range(1, len(p.headers) - 2)

        def cell(j: int, text: str, differs: bool) -> str:
            if differs and j in profile_columns:   # bold as well as coloured: it reads in grey print
                return f"<span style='color: {DIFFERS_TEXT}; background-color: {DIFFERS_BG}'><b>{e(text)}</b></span>"
            return f"<b>{e(text)}</b>" if j == 0 else e(text)
        ranks = [[cell(j, t, d) for j, t in enumerate(row)] for row, d in zip(p.rows, p.differs)]
        k = len(p.headers) - 1
        parts.append(_table(list(p.headers), ranks, right=set(range(1, k + 1)),
                            widths=[100 - k * (64 // k)] + [64 // k] * k))
    parts.append(f"<p class='small'>{e(p.explanation)} Highlighted: the club's rank differs between profiles.</p>")
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
    parts = ["<h2>How sure is the ranking</h2>",   # flows on; headings keep with their content
             _box(" ".join(e(x) for x in rb.summary), NOTE_BG, NOTE_BORDER)]
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


def _table(head: list[str], rows: list[list[str]], right: Collection[int] = frozenset(),
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
h2 {{ font-size: 12.5pt; font-weight: 600; margin-top: 14px; margin-bottom: 5px; color: {HEADING}; }}
h3 {{ font-size: 10pt; font-weight: 600; margin-top: 10px; margin-bottom: 3px; }}
p {{ margin-top: 0px; margin-bottom: 5px; }}
p.meta {{ color: {MUTED}; margin-bottom: 1px; }}
p.player {{ margin-top: 6px; }}
p.about {{ color: {MUTED}; font-style: italic; margin-top: 6px; }}
p.chart {{ margin-top: 4px; margin-bottom: 8px; }}
li {{ margin-bottom: 4px; }}
.small {{ font-size: 7.5pt; color: {MUTED}; }}
.flag {{ font-size: 7.5pt; color: {FLAG}; }}
.missing {{ color: {MISSING}; font-style: italic; }}
th {{ font-weight: 600; text-align: left; }}
table.data {{ margin-bottom: 4px; }}
table.data th {{ border-bottom: 1px solid {RULE}; }}
table.data td {{ border-bottom: 1px solid {RULE}; vertical-align: top; }}
table.compact {{ font-size: 8pt; }}
</style>"""
