"""What a fit report says, as plain data: built from a ``Result``, laid out elsewhere.

Nothing here knows a club, league or criterion by name; every sentence is generated from the
scenario and the numbers the scorer computed. Numbers are formatted here, once, the same way the
window shows them (``evaluator.formatting``), so the PDF and the screen always agree.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
import numpy as np

from evaluator.model import STALE_DAYS, Criterion, DataCheck, Direction, FigureStatus, Profile
from evaluator.decision.scoring import TIE_TOLERANCE, Result, rounded_contributions, score
from evaluator.decision.value_functions import value_shape
from evaluator.formatting import (
    NO_SCORE, figure_note, format_contribution, format_date, format_figure, format_score, format_score_range,
    join_names, player_details, ranking_note,
)
from evaluator.report_method import criterion_sentence, direction_words, target_words
from evaluator.report_robustness import RobustnessSection, robustness_section
from evaluator.report_profiles import ProfilesSection, profiles_section
from evaluator.report_season import SeasonSection

APP_NAME = "Club Fit"


@dataclass(frozen=True)
class WeightRow:
    criterion_id: str
    label: str
    scored_figure: str      # the column's label, e.g. "Goals conceded per match"
    direction: str          # plain words, e.g. "lower is better"
    raw: float              # as the user set it
    share: float            # 0..1 of the total
    raw_text: str
    share_text: str         # e.g. "33.3%"


@dataclass(frozen=True)
class RankingRow:
    club_id: str
    club: str
    league: str
    rank: int | None
    rank_text: str
    score: float | None
    score_text: str
    contributions: tuple[str, ...]   # one per criterion, rounded so they add up to score_text
    note: str


@dataclass(frozen=True)
class BreakdownLine:
    criterion: str
    figure: str             # value with unit, or "missing"
    utility: str            # 0.00-1.00 on the criterion's scale, or "—"
    weight: str             # this club's effective share of the score, e.g. "33.3%"
    points: str             # rounded contribution


@dataclass(frozen=True)
class ClubBreakdown:
    club: str
    rank_text: str
    score_text: str
    lines: tuple[BreakdownLine, ...]
    note: str


@dataclass(frozen=True)
class FigureRow:
    club: str
    column_id: str
    label: str
    unit: str
    value: str              # formatted, or "missing"
    as_of: str
    source: str
    source_ref: int         # 1-based index into FitReport.sources, 0 when there is none
    status: str             # "sourced", "user" or "missing"
    note: str
    criterion: bool         # the figure is scored by a criterion
    stale: str = ""         # e.g. "squad list of 2025-11-28 used for 2026-02-01; later transfers not reflected"


@dataclass(frozen=True)
class FitReport:
    title: str
    subject: str
    case_file: str
    as_of: str
    generated: str
    about: str                          # the scenario's notes
    summary: str
    criteria: tuple[str, ...]           # criterion labels, in scenario order
    weights: tuple[WeightRow, ...]
    ranking: tuple[RankingRow, ...]     # best first; unranked last
    breakdowns: tuple[ClubBreakdown, ...]
    figures: tuple[FigureRow, ...]      # club by club, criteria figures first
    sources: tuple[str, ...]            # distinct sources, numbered from 1 in FigureRow.source_ref
    callouts: tuple[str, ...]           # missing and user-entered figures, in plain words
    method: tuple[str, ...]
    warnings: tuple[str, ...]           # the scorer's messages and the data checks that found a problem
    robustness: RobustnessSection | None = None   # the "How sure" page; None only if built without it
    data_checks: tuple[DataCheck, ...] = ()   # sources compared, results missing from a file
    legend: tuple[str, ...] = ()        # "S1 — full name" for every per-row source code in the data files
    season: SeasonSection | None = None       # "Over the season"; None when the figures are fixed
    profiles: ProfilesSection | None = None   # "Weight profiles"; None when none are saved
    player: str = ""                    # "Kylian Example — striker · born 2001-05-02 (24 on 2025-11-28)"
    player_notes: str = ""

    @property
    def document_title(self) -> str:
        return f"{self.title} — as of {self.as_of}"


def build_report(result: Result, generated: datetime, season: SeasonSection | None = None,
                 profiles: tuple[Profile, ...] = (), case_file: str | None = None) -> FitReport:
    """The report's content for ``result``; ``generated`` is stamped on it (passed in for tests).
    ``case_file``: the document's case file as saved now (the scenario keeps the name it was built with)."""
    s = result.scenario
    figures, sources = _figures(result)
    return FitReport(
        title=f"Fit report: {s.subject or s.title or 'candidate clubs'}",
        subject=s.subject or s.title,
        case_file=s.case_file if case_file is None else case_file,
        as_of=format_date(s.as_of),
        generated=generated.strftime("%Y-%m-%d %H:%M") + (f" {generated.strftime('%Z')}" if generated.tzinfo else ""),
        about=s.notes,
        summary=summary(result),
        criteria=tuple(c.label for c in s.criteria),
        weights=_weights(result),
        ranking=_ranking(result),
        breakdowns=_breakdowns(result),
        figures=figures,
        sources=sources,
        callouts=_callouts(result),
        method=method_notes(result),
        # what the window's messages box says: the scorer's messages, then any data problem
        warnings=tuple(result.messages) + tuple(c.text for c in s.data_checks if not c.agree),
        robustness=robustness_section(result),
        data_checks=s.data_checks,
        legend=tuple(f"{code} — {name}" for code, name in s.legend.items()),
        season=season,
        profiles=profiles_section(result.prepared, profiles),
        player=f"{s.player.name} — {player_details(s.player, s.as_of)}" if s.player else "",
        player_notes=s.player.notes if s.player else "",
    )


# --- sections ----------------------------------------------------------------------------
def _unit(unit: str) -> str:
    return f" {unit}" if unit else ""


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def _weights(r: Result) -> tuple[WeightRow, ...]:
    s = r.scenario
    return tuple(WeightRow(
        criterion_id=c.id, label=c.label, scored_figure=s.column(c.column).label,
        direction=direction_words(c), raw=float(r.raw_weights[j]), share=float(r.weights[j]),
        raw_text=f"{r.raw_weights[j]:g}", share_text=_pct(r.weights[j]),
    ) for j, c in enumerate(s.criteria))


def _note(r: Result, i: int) -> str:
    return ranking_note(r, i)


def _ranking(r: Result) -> tuple[RankingRow, ...]:
    shown = rounded_contributions(r)
    rows = []
    for i in r.order:
        club = r.scenario.clubs[i]
        ranked = bool(r.ranks[i])
        rows.append(RankingRow(
            club_id=club.id, club=club.name, league=club.league,
            rank=int(r.ranks[i]) if ranked else None, rank_text=str(int(r.ranks[i])) if ranked else NO_SCORE,
            score=float(r.scores[i]) if ranked else None, score_text=format_score_range(r, int(i)),
            contributions=tuple(format_contribution(r, shown, int(i), j) for j in range(shown.shape[1])),
            note=_note(r, int(i)),
        ))
    return tuple(rows)


def _breakdowns(r: Result) -> tuple[ClubBreakdown, ...]:
    s = r.scenario
    shown = rounded_contributions(r)
    out = []
    for i in r.order:
        club = s.clubs[i]
        ranked = bool(r.ranks[i])
        lines = []
        for j, c in enumerate(s.criteria):
            fig = club.figure(c.column)
            u = r.prepared.utilities[i, j]
            lines.append(BreakdownLine(
                criterion=c.label,
                figure=format_figure(fig, s.column(c.column), with_unit=True),
                utility="0–1 (unknown)" if r.prepared.missing[i, j] else f"{u:.2f}",
                weight=_pct(r.effective[i, j]) if ranked else NO_SCORE,
                points=format_contribution(r, shown, int(i), j),
            ))
        out.append(ClubBreakdown(club.name, str(int(r.ranks[i])) if ranked else NO_SCORE,
                                 format_score_range(r, int(i)), tuple(lines), _note(r, int(i))))
    return tuple(out)


def _figures(r: Result) -> tuple[tuple[FigureRow, ...], tuple[str, ...]]:
    s = r.scenario
    scored = [c.column for c in s.criteria]
    columns = [s.column(c) for c in dict.fromkeys(scored)] + [c for c in s.columns if c.id not in scored]
    sources: dict[str, int] = {}
    rows = []
    for club in s.clubs:
        for col in columns:
            fig = club.figure(col.id)
            ref = 0
            if fig.source:
                ref = sources.setdefault(fig.source, len(sources) + 1)
            rows.append(FigureRow(
                club=club.name, column_id=col.id, label=col.label, unit=col.unit,
                value=format_figure(fig, col), as_of=format_date(fig.as_of) if fig.as_of else NO_SCORE,
                source=fig.source, source_ref=ref, status=fig.status.value, note=figure_note(fig),
                criterion=col.id in scored, stale=fig.stale,
            ))
    return tuple(rows), tuple(sources)


def _callouts(r: Result) -> tuple[str, ...]:
    s = r.scenario
    scored = {c.column: c for c in s.criteria}
    out = []
    for club in s.clubs:
        for col in s.columns:
            fig = club.figure(col.id) if col.id in club.figures or col.id in scored else None
            if fig is None:
                continue
            used = col.id in scored
            if fig.status is FigureStatus.MISSING or fig.value is None:
                effect = (f"{club.name}'s score is a range, with {scored[col.id].label} anywhere on its scale"
                          if used else "not used in the score")
                out.append(f"{club.name} — {col.label}: missing ({fig.note or 'no source found'}); {effect}.")
            elif fig.status is FigureStatus.USER:
                out.append(f"{club.name} — {col.label}: {format_figure(fig, col, with_unit=True)} entered by the "
                           f"user, source given: {fig.source}, as of {format_date(fig.as_of)}"
                           f"{'' if used else ' (not used in the score)'}.")
    return tuple(out)


def method_notes(r: Result) -> tuple[str, ...]:
    """The method in plain words, with this scenario's criteria, directions and scales."""
    s = r.scenario
    p = r.prepared
    notes = [
        "Weights are relative: each criterion's share is its weight divided by the sum of all weights. "
        "The fit score is 100 × the sum over criteria of share × utility, so it runs from 0 to 100.",
    ]
    for j, c in enumerate(s.criteria):
        col = s.column(c.column)
        unit = _unit(c.unit or col.unit)
        if c.direction is Direction.TARGET:   # the distance to the target, with or without a tolerance
            scale = target_words(c, value_shape(p.values[:, j], c), col.decimals, unit)
        elif c.scale.fixed and c.scale.mode == "reference":
            scale = (f"on a reference scale from {p.lo[j]:.{col.decimals}f} to {p.hi[j]:.{col.decimals}f}{unit}, "
                     f"the range across {c.scale.reason or 'every club of the candidates leagues'}: a club's "
                     "score does not depend on which other clubs are compared")
        elif c.scale.fixed:
            why = f" ({c.scale.reason})" if c.scale.reason else ""
            scale = (f"on a fixed scale from {c.scale.lo:g} to {c.scale.hi:g}{unit}{why}; "
                     "values outside it are clipped")
        elif np.isnan(p.lo[j]):
            scale = "on the candidates' own range, but no club has this figure"
        elif p.flat[j]:
            scale = (f"on the candidates' own range, but every club has the same value ({p.lo[j]:g}{unit}), "
                     "so every club gets 0.5 and the criterion cannot change the order")
        else:
            scale = (f"on the candidates' own range, {p.lo[j]:.{col.decimals}f} to {p.hi[j]:.{col.decimals}f}{unit}: "
                     "the best club on it gets 1 and the worst 0")
        notes.append(criterion_sentence(c, col.label, scale))
        if c.scale.mode == "reference" and not c.scale.fixed and not c.absolute:
            notes[-1] += " (No reference range is known for this scenario, so the own range is used.)"
    if any(not c.absolute for c in s.criteria) and len(s.clubs) > 1:
        notes.append("Own-range scales depend on which clubs are on the list: adding or removing a club "
                     "can change the order of the others.")
    notes += [
        "Each criterion's contribution is its share × utility in points; the contributions add up to the "
        "score. They are shown rounded to one decimal so that the rounded parts add up to the rounded score.",
        "A figure nobody could source is kept as missing, never guessed: it is unknown somewhere on its "
        "criterion's scale. The club's score is then a range, from the figure at the worst end of the scale "
        "to the figure at the best end; it is ranked by the middle of that range and marked with *. No "
        "criterion ever counts for more than its share. A club with no figure on any weighted criterion is "
        "not ranked. In the How sure analysis a missing figure is drawn uniformly over its scale.",
        f"Figures from data older than {STALE_DAYS} days on the as-of date (a squad list dated before it, a "
        "match file whose last result is before it) are marked stale in the figures and the messages.",
        "Clubs with equal scores (to within a billionth of a point) share a rank, and the next rank is "
        "skipped (1, 2, 2, 4).",
        "Figures entered by the user are marked as such and carry the source the user gave.",
    ]
    return tuple(notes)


# --- the summary -------------------------------------------------------------------------
def summary(r: Result) -> str:
    """One paragraph in plain words: who ranks first, by how much, why, and how sure that is."""
    s = r.scenario
    clubs = s.clubs
    if not r.weights.any():
        return ("No ranking: every criterion has a weight of zero, so no club can be scored. "
                "Give at least one criterion a weight above zero.")
    ranked = [int(i) for i in r.order if r.ranks[i] > 0]
    if not ranked:
        return "No club can be ranked: none has a figure for any weighted criterion."
    first = [i for i in ranked if r.ranks[i] == 1]
    lead = f"{format_score(r.scores[first[0]])}/100"
    if len(clubs) == 1:
        return (f"{clubs[0].name} is the only club on the list and scores {lead}; with nothing to compare it "
                "with, the score says little. Add clubs or use fixed scales.")
    sentences: list[str] = []
    rest = [i for i in ranked if r.ranks[i] > 1]
    if len(first) > 1:
        head = f"{join_names([clubs[i].name for i in first])} share first place with {lead}"
    else:
        head = f"{clubs[first[0]].name} ranks first with {lead}"
    if rest:
        second_rank = r.ranks[rest[0]]
        second = [i for i in rest if r.ranks[i] == second_rank]
        gap = round(float(r.scores[first[0]]), 1) - round(float(r.scores[second[0]]), 1)
        gap_text = f"{gap:.1f} points" if gap >= 0.05 else "less than 0.1 points"
        tied = " (level with each other)" if len(second) > 1 else ""
        head += f", ahead of {join_names([clubs[i].name for i in second])}{tied} by {gap_text}"
        if len(first) == 1:
            head += "; " + _why(r, first[0], second[0])
    elif len(first) == 1:
        head += "; it is the only club that can be ranked"
    sentences.append(head + ".")
    unranked = [clubs[i].name for i in r.order if r.ranks[i] == 0]
    if unranked:
        sentences.append(f"{join_names(unranked)} {'is' if len(unranked) == 1 else 'are'} not ranked: "
                         "no figure for any weighted criterion.")
    if rest and len(first) == 1:
        sentences += _challenger(r, first[0], second[0])
    sentences += _sureness(r, first)
    return " ".join(sentences)


def _why(r: Result, a: int, b: int) -> str:
    """Which criterion contributes most to the gap between clubs a (ahead) and b."""
    crit = r.scenario.criteria
    diff = r.contributions[a] - r.contributions[b]
    best = float(diff.max())
    top = [j for j in range(len(crit)) if diff[j] >= best - TIE_TOLERANCE]
    shown = rounded_contributions(r)
    points = shown[a, top[0]] - shown[b, top[0]]
    labels = join_names([crit[j].label for j in top])
    if len(top) > 1:
        return f"{labels} contribute most to the gap, {points:.1f} points each"
    return f"{labels} contributes most to the gap ({points:+.1f} points)"


def _challenger(r: Result, a: int, b: int) -> list[str]:
    crit = r.scenario.criteria
    diff = r.contributions[a] - r.contributions[b]
    better = [crit[j].label for j in range(len(crit)) if diff[j] < -TIE_TOLERANCE]
    if not better:
        return [f"{r.scenario.clubs[a].name} gets at least as many points as "
                f"{r.scenario.clubs[b].name} on every criterion."]
    return [f"{r.scenario.clubs[b].name} gets more points on {join_names(better)}."]


def _sureness(r: Result, first: list[int]) -> list[str]:
    """How sure: does the leader stay first if any one weighted criterion is left out?"""
    out: list[str] = []
    clubs = r.scenario.clubs
    for i in first:
        if r.incomplete[i]:
            out.append(f"{clubs[i].name}'s score is a range because a figure is missing "
                       f"({format_score_range(r, i)}, see the ranking notes), so treat its place with care.")
    weighted = [j for j in range(len(r.weights)) if r.weights[j] > 0]
    if len(first) != 1 or len(weighted) < 2:
        return out
    leader = first[0]
    overturns = []
    for j in weighted:
        raw = r.raw_weights.copy()
        raw[j] = 0.0
        alt = score(r.prepared, raw)
        if alt.ranks[leader] != 1 or (alt.ranks == 1).sum() > 1:
            winners = [clubs[int(k)].name for k in np.flatnonzero(alt.ranks == 1) if k != leader]
            if winners:
                out.append(f"Without {r.scenario.criteria[j].label}, {join_names(winners)} would rank first"
                           + (" alongside it." if alt.ranks[leader] == 1 else " instead."))
                overturns.append(j)
    if not overturns:
        out.append(f"{clubs[leader].name} stays first if any one criterion is left out.")
    return out
