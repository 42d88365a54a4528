"""The report's "Over the season" section as plain data, generated from a ``Timeline``."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from evaluator.session.timeline import Timeline


@dataclass(frozen=True)
class SeasonSection:
    sentence: str            # who led the ranking on how many dates, the last date, the closest call
    first: str               # first and last date shown, ISO
    last: str
    dates: int               # how many dates
    clubs: tuple[str, ...]
    how: str                 # what a date is, in plain words


def season_section(t: Timeline) -> SeasonSection:
    return SeasonSection(
        sentence=t.leader_sentence(), first=t.dates[0].isoformat(), last=t.dates[-1].isoformat(),
        dates=len(t.dates), clubs=t.clubs,
        how=("Each club's fit score with the criteria and weights of this report, recomputed on every matchday "
             "(the last day of each week with a result in the candidates' files) from the same files; the dashed "
             "line is the report's as-of date. The command clubfit timeline --format csv prints the same numbers."))
