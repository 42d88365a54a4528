"""Who a case is about (the player) and for (stakeholders' weight profiles): plain data with the
checks that name the field. Importable from ``evaluator.model`` as well."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from evaluator.errors import InputError, shown

if TYPE_CHECKING:
    from evaluator.model import Criterion

__all__ = ["OLDEST_PLAYER", "Player", "PlayerProblem", "Profile", "check_player", "player_problem"]


@dataclass(frozen=True)
class Profile:
    """A named set of raw weights ("Agent: playing time"): one stakeholder's view of the criteria.

    Kept by criterion id, so criteria added or removed later do not break it: a weight for a
    criterion the scenario no longer has is ignored, a criterion it has no weight for counts 0."""
    name: str
    weights: dict[str, float]

    def weights_for(self, criteria: tuple["Criterion", ...]) -> tuple[float, ...]:
        """One raw weight per criterion, in the criteria's order."""
        return tuple(float(self.weights.get(c.id, 0.0)) for c in criteria)


@dataclass(frozen=True)
class Player:
    """Who the case is about, as the user described them (all optional but the name)."""
    name: str
    position: str = ""
    born: date | None = None
    notes: str = ""

    def age(self, on: date | None) -> int | None:
        """Whole years on ``on`` (None when the date of birth or the day is unknown)."""
        if self.born is None or on is None:
            return None
        return on.year - self.born.year - ((on.month, on.day) < (self.born.month, self.born.day))

    def summary(self, on: date | None) -> str:
        """The one line the header and the report show, e.g. "Kylian Example, striker, 24 on 2025-11-28"."""
        age = self.age(on)
        parts = [self.name.strip(), self.position.strip(), f"{age} on {on.isoformat()}" if age is not None and on else ""]
        return ", ".join(p for p in parts if p)


OLDEST_PLAYER = 100   # years: a date of birth further back is a typo in the year


@dataclass(frozen=True)
class PlayerProblem:
    """What is wrong with a player: the field, and the words after its name in a file's message
    ("player.born: date of birth ...") and on a form, after the field's label ("Date of birth: ...")."""
    field: str
    in_file: str
    in_form: str


def player_problem(player: Player, as_of: date | None) -> PlayerProblem | None:
    """The first thing that stops a case describing ``player`` honestly, or None."""
    for name in ("name", "position", "notes"):
        if not isinstance(getattr(player, name), str):
            said = f"expected a text, got {shown(getattr(player, name))}"
            return PlayerProblem(name, said, said)
    if not player.name.strip():
        return PlayerProblem("name", "the player's name is empty", "enter the player's name")
    if player.born is None:
        return None
    if not isinstance(player.born, date):
        return PlayerProblem("born", f"expected a date of birth YYYY-MM-DD, got {shown(player.born)}",
                             f"{shown(player.born)} is not a date (use YYYY-MM-DD)")
    born = player.born.isoformat()
    if as_of is not None and player.born > as_of:
        return PlayerProblem("born", f"date of birth {born} is after the as-of date {as_of.isoformat()}",
                             f"{born} is after the as-of date {as_of.isoformat()}")
    age = player.age(as_of)
    if age is not None and age > OLDEST_PLAYER:
        return PlayerProblem("born", f"date of birth {born} makes the player {age} on {as_of}; check the year",
                             f"{born} makes the player {age} on {as_of}; check the year")
    return None


def check_player(player: Player, as_of: date | None, where: str = "player") -> None:
    """Reject a player the case cannot describe honestly, naming the field as a file names it."""
    problem = player_problem(player, as_of)
    if problem is not None:
        raise InputError(f"{where}.{problem.field}: {problem.in_file}")
