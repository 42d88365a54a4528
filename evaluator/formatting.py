"""How numbers read on screen and in the report: one place, so both always agree."""
from __future__ import annotations

import math
from datetime import date

from typing import TYPE_CHECKING, Protocol

from evaluator.model import USER_NOTE, Column, Figure, Player, Scale

if TYPE_CHECKING:
    import numpy as np

    from evaluator.decision.scoring import Result

MISSING = "missing"
NO_SCORE = "—"


def format_number(value: float | None, decimals: int = 1) -> str:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return NO_SCORE
    return f"{value:.{decimals}f}"


def format_score(score: float | None) -> str:
    return format_number(score, 1)


def format_share(share: float) -> str:
    """A weight share (0..1) as a percentage, e.g. "33.3%"."""
    return f"{100 * share:.1f}%"


def format_share_interval(lo: float, hi: float) -> str:
    """A range of weight shares, e.g. "25.3% – 100.0%" (stability intervals)."""
    return f"{format_share(lo)} – {format_share(hi)}"


def format_figure(fig: Figure, column: Column, with_unit: bool = False) -> str:
    if fig.value is None:
        return MISSING
    text = f"{fig.value:.{column.decimals}f}"
    return f"{text} {column.unit}" if with_unit and column.unit else text


def counted(n: int, one: str, many: str) -> str:
    """"1 club", "3 clubs", "1 criterion": a header said "1 clubs"."""
    return f"{n:,} {one if n == 1 else many}"


def format_date(day: date | None) -> str:
    return day.isoformat() if day else "no date"


def player_details(player: Player, on: date | None) -> str:
    """What the case says about the player besides the name, e.g. "striker · born 2001-05-02 (24 on 2025-11-28)"."""
    age = player.age(on)
    born = (f"born {format_date(player.born)}" + (f" ({age} on {format_date(on)})" if age is not None else "")
            if player.born else "date of birth not given")
    return " · ".join(p for p in (player.position.strip(), born) if p)


def figure_note(fig: Figure) -> str:
    """A figure's note, without the session's "entered by the user" on a figure the user entered:
    where that is shown, it is already said beside the value or the source."""
    if fig.status.value == "user" and fig.note.strip().casefold() == USER_NOTE:
        return ""
    return fig.note


def figure_provenance(fig: Figure) -> str:
    """Multi-line text: where a figure came from and when it was true."""
    if fig.value is None:
        return f"Missing: {fig.note or 'no source found'}.\nDouble-click to enter a value and its source."
    lines = [f"Source: {fig.source}", f"As of: {format_date(fig.as_of)}"]
    note = figure_note(fig)
    if fig.status.value == "user":   # said once, with the source the user typed
        lines[0] = f"Entered by the user; source given: {fig.source}" if fig.source.strip() else \
            "Entered by the user; no source given"
    if note:
        lines.append(f"Note: {note}")
    if fig.stale:
        lines.append(f"Stale: {fig.stale}")
    return "\n".join(lines)


def describe_scale(scale: Scale, lo: float, hi: float, column: Column) -> str:
    """The scale in force beside a criterion, e.g. "scale 0.50–2.36 goals/match, all 56 clubs
    of 3 leagues on 2025-11-28"; ``lo``/``hi`` are the bounds the scorer used."""
    unit = f" {column.unit}" if column.unit else ""
    if not (math.isfinite(lo) and math.isfinite(hi)):
        return "scale: no club has this figure"
    span = f"scale {lo:.{column.decimals}f}–{hi:.{column.decimals}f}{unit}"
    mode = scale.mode
    if mode == "reference" and scale.fixed:
        return f"{span}, {scale.reason}" if scale.reason else f"{span}, reference range"
    if mode == "fixed":
        return f"{span}, fixed: {scale.reason}" if scale.reason else f"{span}, fixed"
    why = " (no reference range known)" if mode == "reference" else ""
    return f"{span}, the candidates' own range{why}"


def join_names(names: list[str]) -> str:
    """"A", "A and B", "A, B and C"."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


class Grid(Protocol):
    """Something read as ``shown[i, j]``: an array, or rows made on demand (the ranking table)."""

    def __getitem__(self, at: tuple[int, int]) -> float: ...


def format_contribution(result: "Result", shown: "np.ndarray | Grid", i: int, j: int) -> str:
    """Club i's points from criterion j as displayed: where the club has no figure for a weighted
    criterion, the range it could give, e.g. "0.0–33.3 (missing)", never one number."""
    if not result.ranks[i]:
        return NO_SCORE
    if result.weights[j] > 0 and result.prepared.missing[i, j]:
        return f"0.0–{100.0 * result.weights[j]:.1f} ({MISSING})"
    return f"{shown[i, j]:.1f}"


def format_score_range(result: "Result", i: int) -> str:
    """"58.1–79.4" for a club with a missing weighted figure, else the score; "–" if unranked."""
    if not result.ranks[i]:
        return NO_SCORE
    lo, hi = result.score_low, result.score_high
    if lo is None or hi is None or not hi[i] - lo[i] > 1e-9:
        return format_score(result.scores[i])
    return f"{format_score(lo[i])}–{format_score(hi[i])}"


def ranking_note(result: "Result", i: int) -> str:
    """Why a club's score needs care: unranked, or scored without some weighted criteria."""
    r = result
    if not r.ranks[i]:
        return "not ranked: no figure for any weighted criterion" if r.weights.any() else "not ranked"
    if r.incomplete[i]:
        missing = [c.label for j, c in enumerate(r.scenario.criteria)
                   if r.weights[j] > 0 and r.prepared.missing[i, j]]
        return ("* no figure for " + ", ".join(missing) + f": score {format_score_range(r, i)} "
                "(figure at the worst to the best end of its scale), ranked by the middle")
    return ""
