"""A new case from scratch: a player, an as-of date and clubs picked from league files, scored on
the criteria of a template case (the bundled one) with its weights. Pure: the session opens the
state built here as an untitled document, so bad input changes nothing.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from evaluator.data import live_case
from evaluator.data.case import DataCache
from evaluator.data.live_case import LeagueChoice
from evaluator.errors import InputError, shown
from evaluator.model import CaseDefinition, ClubSource, Criterion, Player, check_player, definitions
from evaluator.session.inputs import weights_of
from evaluator.session.state import State

if TYPE_CHECKING:
    from evaluator.data.matches import Season

__all__ = ["LeagueChoice", "NewClub", "bundled_leagues", "league_choices", "new_state", "remember_league"]

UNTITLED = "Untitled.case.json"   # the case's name until Save asks where it goes


@dataclass(frozen=True)
class NewClub:
    """A club picked for the new case: its name, its league's match file, and the team's name in
    that file when it differs."""
    name: str
    matches: Path
    team: str = ""


def template_case(path: Path | None = None) -> CaseDefinition:
    """The case whose criteria and weights a new case starts with (default: the bundled case)."""
    from clubfit.paths import bundled_case
    from evaluator.documents import load_case
    return load_case(path or bundled_case())


def new_definition(player: Player, as_of: date, clubs: Sequence[NewClub], template: CaseDefinition) -> CaseDefinition:
    """The case file a new case would be, or an InputError naming the field (the player's, or clubs)."""
    if not isinstance(as_of, date):
        raise InputError(f"as_of: expected a date, got {shown(as_of)}")
    check_player(player, as_of)
    if not clubs:
        raise InputError("clubs: pick at least one club")
    seen: dict[str, int] = {}
    for i, club in enumerate(clubs):
        if not club.name.strip():
            raise InputError(f"clubs[{i}].name: the club's name is empty")
        twin = seen.setdefault(club.name.strip().casefold(), i)
        if twin != i:
            raise InputError(f"clubs[{i}].name: {shown(club.name)} is picked twice (also clubs[{twin}])")
    return CaseDefinition(
        path=template.path.with_name(UNTITLED), title=f"Club Fit: {player.name.strip()}",
        subject=player.summary(as_of), as_of=as_of,
        clubs=tuple(ClubSource(c.name, c.matches, None, c.team) for c in clubs),
        criteria=starting_criteria(template), weights=dict(template.weights),
        include_doubtful=template.include_doubtful, aliases=template.aliases, player=player,
    )


def starting_criteria(template: CaseDefinition) -> tuple[Criterion, ...]:
    """The template's criteria without its author's words: a description or a fixed range's reason
    written about another player ("a younger back line needs a veteran") would mislead in a new
    case, so the method text describes them from their direction and scale instead."""
    def plain(c: Criterion) -> Criterion:
        reason = (f"kept from the example case ({template.title}): chosen, not measured; change it in "
                  "Edit > Criteria" if c.scale.mode == "fixed" else c.scale.reason)
        return replace(c, description="", scale=replace(c.scale, reason=reason))
    return tuple(plain(c) for c in definitions(template.criteria))


def new_state(player: Player, as_of: date, clubs: Sequence[NewClub], leagues: Sequence[Path], cache: DataCache,
              template: Path | None = None) -> State:
    """The state of the new document: every figure computed from the files on ``as_of``; the
    other ``leagues`` stay loaded to add clubs from (and are compared with the clubs' files)."""
    case = new_definition(player, as_of, clubs, template_case(template))
    scored = {c.matches for c in case.clubs}
    others = tuple(p for p in dict.fromkeys(leagues) if p not in scored)
    scenario = live_case.rebuild(case, as_of, others, None, cache)
    return State(scenario, weights_of(scenario), case, others)


def bundled_leagues(template: Path | None = None) -> tuple[Path, ...]:
    """The league files the template case names (its clubs' and its second sources), to pick from."""
    return live_case.league_paths(template_case(template), ())


def league_choices(paths: Sequence[Path], on: date | None, cache: DataCache) -> tuple[LeagueChoice, ...]:
    """Each league's teams with position and points on ``on`` (as Add club lists them)."""
    return live_case.choices(tuple(paths), on, cache)


def remember_league(cache: DataCache, path: Path, season: Season) -> None:
    """A league file read (on a worker) joins the memo; a file read again replaces the old copy."""
    cache.forget(path)
    cache.seasons[path] = season
