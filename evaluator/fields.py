"""Typed readers for the fields of Club Fit's JSON documents (scenario and case files): each
returns the value or raises an InputError naming the field, the value cut short."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from evaluator.errors import InputError, cut, shown
from evaluator.model import MAX_MAGNITUDE, MAX_WEIGHT, Player, Profile, check_number, check_player


def read_object(raw: Any, where: str) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise InputError(f"{where}: expected an object, got {type(raw).__name__}")
    return raw


def read_list(raw: Any, where: str) -> list[Any]:
    if not isinstance(raw, list):
        raise InputError(f"{where}: expected a list, got {type(raw).__name__}")
    return raw


def read_text(raw: Any, where: str, required: bool = False) -> str:
    if raw is None and not required:
        return ""
    if not isinstance(raw, str) or (required and not raw.strip()):
        raise InputError(f"{where}: expected a non-empty text, got {shown(raw)}" if required
                         else f"{where}: expected a text, got {shown(raw)}")
    return raw


def read_bool(raw: Any, where: str) -> bool:
    """A JSON true or false; "false" (a text) is refused, not read as true."""
    if not isinstance(raw, bool):
        raise InputError(f"{where}: expected true or false, got {shown(raw)}")
    return raw


def read_path(base: Path, raw: Any, where: str) -> Path:
    """A file named in a document, relative to the document's folder."""
    text = read_text(raw, where, required=True)
    if "\x00" in text or len(text) > 4096:
        raise InputError(f"{where}: {shown(text)} is not a usable file name")
    try:
        return (base / text).resolve()
    except (OSError, ValueError, RuntimeError) as e:   # a symlink loop, a name the system refuses
        raise InputError(f"{where}: {shown(text)} cannot be used ({e})") from None


def read_optional_number(raw: Any, where: str) -> float | None:
    if raw is None:
        return None
    return check_number(raw, where, MAX_MAGNITUDE)


def read_date(raw: Any, where: str) -> date | None:
    if raw is None or raw == "":
        return None
    if not isinstance(raw, str):
        raise InputError(f"{where}: expected a date YYYY-MM-DD, got {shown(raw)}")
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise InputError(f"{where}: {shown(raw)} is not a date (use YYYY-MM-DD)") from None


PROFILE_NAME_MAX = 80   # characters: a name is a label in a table header and a --profile argument


def profile_name(raw: Any, where: str) -> str:
    """A profile's name: a non-empty text, trimmed, of at most PROFILE_NAME_MAX characters."""
    if isinstance(raw, str) and not raw.strip():
        raise InputError(f"{where}: the name is empty; give the profile a name")
    name = read_text(raw, where, required=True).strip()
    if len(name) > PROFILE_NAME_MAX:
        raise InputError(f"{where}: {shown(name)} is too long (at most {PROFILE_NAME_MAX} characters)")
    return name


def profile_weight(raw: Any, where: str) -> float:
    v = check_number(raw, where, MAX_WEIGHT)
    if v < 0:
        raise InputError(f"{where}: {v:g} is negative; weights are 0 or more")
    return v


def read_profiles(raw: Any) -> tuple[Profile, ...]:
    """The optional "profiles" list: [{"name": ..., "weights": {criterion id: raw weight}}].
    Weights for criteria the scenario lacks are kept (and ignored when scoring)."""
    out: list[Profile] = []
    for i, item in enumerate(read_list(raw, "profiles")):
        where = f"profiles[{i}]"
        o = read_object(item, where)
        name = profile_name(o.get("name"), f"{where}.name")
        twin = next((j for j, p in enumerate(out) if p.name.casefold() == name.casefold()), None)
        if twin is not None:
            raise InputError(f"{where}.name: {shown(name)} appears twice (also profiles[{twin}])")
        weights = read_object(o.get("weights"), f"{where}.weights")
        out.append(Profile(name, {str(k): profile_weight(v, f"{where}.weights.{cut(str(k), 40)}")
                                  for k, v in weights.items()}))
    return tuple(out)


def read_player(raw: Any, where: str, as_of: date | None) -> Player | None:
    """The optional "player" object: name (required), position, born (YYYY-MM-DD), notes;
    a date of birth after the as-of date is refused."""
    if raw is None:
        return None
    o = read_object(raw, where)
    born = read_date(o.get("born"), f"{where}.born")
    player = Player(name=read_text(o.get("name"), f"{where}.name", required=True),
                    position=read_text(o.get("position", ""), f"{where}.position"),
                    born=born, notes=read_text(o.get("notes", ""), f"{where}.notes"))
    check_player(player, as_of, where)
    return player


def player_to_dict(player: Player) -> dict[str, Any]:
    return {"name": player.name, "position": player.position,
            "born": player.born.isoformat() if player.born else None, "notes": player.notes}
