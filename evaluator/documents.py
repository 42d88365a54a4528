"""The document formats: scenario files and case files (JSON), read and written in one place.

A scenario holds figures; a case names the files they are computed from. Public field readers
(``read_object``, ``read_text``...) are shared by both formats.

Every problem is reported as one line naming the file and the field, e.g.
``ramos.json: clubs[2].figures.defence.value: is NaN (not a number)``.
"""
from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path
from typing import Any

from evaluator.atomic import backup_path, write_text_atomic
from evaluator.fields import (  # public: the formats' field readers live in one place
    player_to_dict, read_bool, read_date, read_list, read_object, read_optional_number, read_path, read_player,
    read_profiles, read_text,
)
from evaluator.json_file import read_json_file
from evaluator.model import (
    MAX_WEIGHT, CaseDefinition, Club, ClubSource, Column, Criterion, DataCheck, Direction, Figure,
    FigureStatus, Reference, Scale, Scenario, check_number, SCALE_KINDS,
)
from evaluator.errors import InputError, cut, shown, shown_path, within

FORMAT = "clubfit-scenario"
CASE_FORMAT = "clubfit-case"
VERSION = 1


def load_scenario(path: str | os.PathLike[str]) -> Scenario:
    p = Path(path)
    raw = read_json_file(p, "scenario file")
    try:
        return scenario_from_dict(raw)
    except InputError as e:
        raise InputError(within(f"{p.name}: {e}")) from None   # names from the file can be long


def save_scenario(scenario: Scenario, path: str | os.PathLike[str]) -> Path:
    return write_text_atomic(path, scenario_to_json(scenario))


def scenario_to_json(scenario: Scenario) -> str:
    return json.dumps(scenario_to_dict(scenario), indent=2, ensure_ascii=False) + "\n"


# --- dict <-> model ------------------------------------------------------------------
def scenario_to_dict(s: Scenario) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "title": s.title,
        "subject": s.subject,
        "as_of": s.as_of.isoformat() if s.as_of else None,
        "case_file": s.case_file,
        **({"case_sha256": s.case_sha256} if s.case_sha256 else {}),
        "notes": s.notes,
        "columns": [_drop_none({
            "id": c.id, "label": c.label, "unit": c.unit, "decimals": c.decimals,
            "minimum": c.minimum, "maximum": c.maximum, "description": c.description,
            "group": c.group or None,
        }) for c in s.columns],
        "criteria": [criterion_to_dict(c) for c in s.criteria],
        "weights": {c.id: s.weights.get(c.id, 0.0) for c in s.criteria},
        "clubs": [{
            "id": club.id, "name": club.name, "league": club.league,
            "figures": {k: _figure_to_dict(f) for k, f in club.figures.items()},
        } for club in s.clubs],
        "data_checks": [{"text": d.text, "agree": d.agree, "kind": d.kind, "details": list(d.details)}
                        for d in s.data_checks],
        "references": {k: {"lo": r.lo, "hi": r.hi, "text": r.text} for k, r in s.references.items()},
        "legend": dict(s.legend),
        **({"profiles": [{"name": p.name, "weights": dict(p.weights)} for p in s.profiles]} if s.profiles else {}),
        **({"player": player_to_dict(s.player)} if s.player else {}),
    }


def criterion_to_dict(c: Criterion, in_case: bool = False) -> dict[str, Any]:
    """A case file keeps a reference scale's kind only: its range is recomputed from the leagues."""
    if in_case and c.scale.mode == "reference":
        c = replace(c, scale=Scale(kind="reference"))
    return _drop_none({
        "id": c.id, "label": c.label, "column": c.column, "direction": c.direction.value,
        "unit": c.unit, "target": c.target, "tolerance": c.tolerance,
        "scale": scale_to_dict(c.scale),
        "description": c.description,
    })


def scale_to_dict(scale: Scale) -> dict[str, Any] | None:
    """None for an own-range scale written by an old file (no kind, no bounds): it stays as it was.
    A reference scale is written with the range it had, so a scenario scores the same without
    its files; the case file keeps only the kind (the range is recomputed from the leagues)."""
    if not scale.kind and not scale.fixed:
        return None
    return _drop_none({"kind": scale.mode, "lo": scale.lo, "hi": scale.hi, "reason": scale.reason or None})


def _figure_to_dict(f: Figure) -> dict[str, Any]:
    return {
        "value": f.value, "source": f.source,
        "as_of": f.as_of.isoformat() if f.as_of else None,
        "status": f.status.value, "note": f.note,
        **({"stale": f.stale} if f.stale else {}),
    }


def _drop_none(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None}


def scenario_from_dict(raw: Any) -> Scenario:
    obj = read_object(raw, "scenario")
    if "format" not in obj and "clubs" not in obj:   # e.g. a match or case file given by mistake
        raise InputError(f"not a Club Fit scenario (no \"format\": \"{FORMAT}\" and no clubs)")
    if obj.get("format", FORMAT) != FORMAT:
        raise InputError(f"format: expected {FORMAT!r}, got {shown(obj.get('format'))}")
    columns = tuple(_column(c, f"columns[{i}]") for i, c in enumerate(read_list(obj.get("columns"), "columns")))
    criteria = tuple(read_criterion(c, f"criteria[{i}]") for i, c in enumerate(read_list(obj.get("criteria"), "criteria")))
    weights_raw = read_object(obj.get("weights", {}), "weights")
    weights = {str(k): check_number(v, f"weights.{cut(str(k), 40)}", MAX_WEIGHT) for k, v in weights_raw.items()}
    clubs = tuple(_club(c, f"clubs[{i}]") for i, c in enumerate(read_list(obj.get("clubs"), "clubs")))
    as_of = read_date(obj.get("as_of"), "as_of")
    return Scenario(
        title=read_text(obj.get("title", ""), "title"),
        subject=read_text(obj.get("subject", ""), "subject"),
        as_of=as_of, player=read_player(obj.get("player"), "player", as_of),
        clubs=clubs, criteria=criteria, columns=columns, weights=weights,
        notes=read_text(obj.get("notes", ""), "notes"),
        case_file=read_text(obj.get("case_file", "") or "", "case_file"),
        case_sha256=read_text(obj.get("case_sha256", ""), "case_sha256"),
        data_checks=tuple(_data_check(d, f"data_checks[{i}]")
                          for i, d in enumerate(read_list(obj.get("data_checks", []), "data_checks"))),
        references={str(k): _reference(v, f"references.{k}")
                    for k, v in read_object(obj.get("references", {}), "references").items()},
        legend={str(k): read_text(v, f"legend.{k}") for k, v in read_object(obj.get("legend", {}), "legend").items()},
        profiles=read_profiles(obj.get("profiles", [])),
    )


def _reference(raw: Any, where: str) -> Reference:
    o = read_object(raw, where)
    lo, hi = check_number(o.get("lo"), f"{where}.lo"), check_number(o.get("hi"), f"{where}.hi")
    if not hi >= lo:
        raise InputError(f"{where}: hi ({hi:g}) is below lo ({lo:g})")
    return Reference(lo, hi, read_text(o.get("text", ""), f"{where}.text"))


DATA_CHECK_KINDS = ("cross-check", "missing results", "unreadable", "warning")


def _data_check(raw: Any, where: str) -> DataCheck:
    o = read_object(raw, where)
    agree = o.get("agree")
    if not isinstance(agree, bool):
        raise InputError(f"{where}.agree: expected true or false, got {shown(agree)}")
    kind = o.get("kind", "cross-check")
    if kind not in DATA_CHECK_KINDS:
        raise InputError(f"{where}.kind: unknown kind {shown(kind)} (use one of: {', '.join(DATA_CHECK_KINDS)})")
    return DataCheck(text=read_text(o.get("text"), f"{where}.text", required=True), agree=agree, kind=kind,
                     details=tuple(read_text(t, f"{where}.details[{i}]", required=True)
                                   for i, t in enumerate(read_list(o.get("details", []), f"{where}.details"))))


def _column(raw: Any, where: str) -> Column:
    o = read_object(raw, where)
    return Column(
        id=read_text(o.get("id"), f"{where}.id", required=True),
        label=read_text(o.get("label", o.get("id")), f"{where}.label"),
        unit=read_text(o.get("unit", ""), f"{where}.unit"),
        decimals=_decimals(o.get("decimals", 2), f"{where}.decimals"),
        minimum=read_optional_number(o.get("minimum"), f"{where}.minimum"),
        maximum=read_optional_number(o.get("maximum"), f"{where}.maximum"),
        description=read_text(o.get("description", ""), f"{where}.description"),
        group=read_text(o.get("group", ""), f"{where}.group"),
    )


def _decimals(raw: Any, where: str) -> int:
    v = check_number(raw, where)
    if v != int(v) or not 0 <= v <= 6:
        raise InputError(f"{where}: expected a whole number from 0 to 6, got {shown(raw)}")
    return int(v)


def read_criterion(raw: Any, where: str) -> Criterion:
    o = read_object(raw, where)
    scale_raw = o.get("scale")
    scale = Scale()     # no "scale": the candidates' own range, as files before scale kinds meant
    if scale_raw is not None:
        so = read_object(scale_raw, f"{where}.scale")
        kind = read_text(so.get("kind", ""), f"{where}.scale.kind")
        if kind and kind not in SCALE_KINDS:
            raise InputError(f"{where}.scale.kind: unknown kind {shown(kind)} (use one of: {', '.join(SCALE_KINDS)})")
        scale = Scale(read_optional_number(so.get("lo"), f"{where}.scale.lo"),
                      read_optional_number(so.get("hi"), f"{where}.scale.hi"), kind,
                      read_text(so.get("reason", ""), f"{where}.scale.reason"))
    cid = read_text(o.get("id"), f"{where}.id", required=True)
    return Criterion(
        id=cid,
        label=read_text(o.get("label", cid), f"{where}.label"),
        column=read_text(o.get("column", cid), f"{where}.column", required=True),
        direction=Direction.parse(o.get("direction"), f"{where}.direction"),
        unit=read_text(o.get("unit", ""), f"{where}.unit"),
        target=read_optional_number(o.get("target"), f"{where}.target"),
        tolerance=read_optional_number(o.get("tolerance"), f"{where}.tolerance"),
        scale=scale,
        description=read_text(o.get("description", ""), f"{where}.description"),
    )


def _club(raw: Any, where: str) -> Club:
    o = read_object(raw, where)
    name = read_text(o.get("name"), f"{where}.name", required=True)
    figs = read_object(o.get("figures", {}), f"{where}.figures")
    return Club(
        id=read_text(o.get("id", name), f"{where}.id", required=True),
        name=name,
        league=read_text(o.get("league", ""), f"{where}.league"),
        figures={str(k): _figure(v, f"{where} ({name}).figures.{k}") for k, v in figs.items()},
    )


def _figure(raw: Any, where: str) -> Figure:
    o = read_object(raw, where)
    value = read_optional_number(o.get("value"), f"{where}.value")
    status_raw = o.get("status", FigureStatus.MISSING.value if value is None else FigureStatus.SOURCED.value)
    try:
        status = FigureStatus(status_raw)
    except ValueError:
        raise InputError(f"{where}.status: unknown status {shown(status_raw)}") from None
    if value is None:
        status = FigureStatus.MISSING
    source = read_text(o.get("source", ""), f"{where}.source")
    if value is not None and not source.strip():
        raise InputError(f"{where}.source: a figure needs a source; leave the value out if none is known")
    return Figure(value, source, read_date(o.get("as_of"), f"{where}.as_of"), status,
                  read_text(o.get("note", ""), f"{where}.note"), read_text(o.get("stale", ""), f"{where}.stale"))


# --- case files ------------------------------------------------------------------------
def load_case(path: str | os.PathLike[str]) -> CaseDefinition:
    p = Path(path)
    raw = read_json_file(p, "case file")
    try:
        return case_from_dict(raw, p)
    except InputError as e:
        raise InputError(within(f"{p.name}: {e}")) from None   # names from the file can be long


def load_case_beside(scenario: Scenario, scenario_path: Path) -> CaseDefinition | None:
    """The case a saved scenario names, when it sits beside it. If a save was interrupted between
    replacing the case and the scenario, the case no longer matches the digest the scenario
    expects; the previous case, kept until the save completed, is the one that belongs to it."""
    if not scenario.case_file:
        return None
    case_path = scenario_path.parent / scenario.case_file
    if not case_path.is_file():
        return None
    if scenario.case_sha256 and _sha256(case_path) != scenario.case_sha256:
        previous = backup_path(case_path)
        if previous.is_file() and _sha256(previous) == scenario.case_sha256:
            try:
                return case_from_dict(read_json_file(previous, "case file"), case_path)
            except InputError as e:
                raise InputError(within(f"{case_path.name}: {e}")) from None
    return load_case(case_path)


def files_named(case: CaseDefinition) -> tuple[Path, ...]:
    """Every file a case makes the app read."""
    named = [p for c in case.clubs for p in (c.matches, c.squad) if p is not None]
    return tuple(dict.fromkeys([*named, *((case.aliases,) if case.aliases else ()), *case.cross_check]))


def files_outside(case: CaseDefinition, roots: tuple[Path, ...]) -> tuple[Path, ...]:
    """The files a case names outside its own folder tree (its folder and the one above, where a
    saved pair keeps its data) and outside ``roots`` (e.g. the app's own data): a received case
    must not make the app read whatever it likes (``/home/…/.ssh``, ``../../…``)."""
    home = case.path.resolve().parent.parent
    allowed = (home, *(r.resolve() for r in roots))
    return tuple(p for p in files_named(case) if not any(p.resolve().is_relative_to(a) for a in allowed))


def absolute_names(case: CaseDefinition, folder: Path) -> tuple[str, ...]:
    """The files a case saved in ``folder`` names by full path (they say where the user keeps
    things: the save says so rather than disclosing it silently)."""
    d = case_to_dict(case, folder)
    names = [c["matches"] for c in d["clubs"]] + [c["squad"] for c in d["clubs"] if "squad" in c]
    names += d["cross_check"] + ([d["aliases"]] if "aliases" in d else [])
    return tuple(dict.fromkeys(n for n in names if Path(n).is_absolute()))


class OutsideFilesError(InputError):
    """A case names files outside its folder tree; the window may ask, the command line refuses."""

    def __init__(self, where: Path, outside: tuple[Path, ...]) -> None:
        self.outside = outside
        more = f" and {len(outside) - 1} more" if len(outside) > 1 else ""
        super().__init__(f"{where.name}: its case reads files outside its folder: {shown_path(outside[0])}{more}")


def _sha256(path: Path) -> str:
    import hashlib
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def case_from_dict(raw: Any, p: Path) -> CaseDefinition:
    o = read_object(raw, "case")
    if o.get("format") != CASE_FORMAT:
        raise InputError(f"format: expected {CASE_FORMAT!r}, got {shown(o.get('format'))}")
    base = p.parent

    def rel(v: Any, where: str) -> Path:
        return read_path(base, v, where)

    clubs: list[ClubSource] = []
    for i, c in enumerate(read_list(o.get("clubs"), "clubs")):
        co = read_object(c, f"clubs[{i}]")
        name = read_text(co.get("name"), f"clubs[{i}].name", required=True)
        twin = next((j for j, other in enumerate(clubs) if other.name.strip().casefold() == name.strip().casefold()), None)
        if twin is not None:
            raise InputError(f"clubs[{i}].name: {shown(name)} appears twice (also clubs[{twin}])")
        clubs.append(ClubSource(
            name=read_text(co.get("name"), f"clubs[{i}].name", required=True),
            matches=rel(co.get("matches"), f"clubs[{i}].matches"),
            squad=rel(co["squad"], f"clubs[{i}].squad") if co.get("squad") else None,
            team=read_text(co.get("team", ""), f"clubs[{i}].team"),
        ))
    as_of = read_date(o.get("as_of"), "as_of")
    if as_of is None:
        raise InputError("as_of: the case needs an as-of date (YYYY-MM-DD)")
    weights = {str(k): check_number(v, f"weights.{cut(str(k), 40)}", MAX_WEIGHT)
               for k, v in read_object(o.get("weights", {}), "weights").items()}
    return CaseDefinition(
        path=p, title=read_text(o.get("title", ""), "title"), subject=read_text(o.get("subject", ""), "subject"),
        as_of=as_of, clubs=tuple(clubs),
        criteria=tuple(read_criterion(c, f"criteria[{i}]")
                       for i, c in enumerate(read_list(o.get("criteria"), "criteria"))),
        weights=weights,
        include_doubtful=read_bool(o.get("include_doubtful_squad_rows", False), "include_doubtful_squad_rows"),
        aliases=rel(o["aliases"], "aliases") if o.get("aliases") else None,
        notes=read_text(o.get("notes", ""), "notes"),
        cross_check=tuple(rel(v, f"cross_check[{i}]")
                          for i, v in enumerate(read_list(o.get("cross_check", []), "cross_check"))),
        player=read_player(o.get("player"), "player", as_of),
    )


def case_to_dict(case: CaseDefinition, folder: Path) -> dict[str, Any]:
    """The case as its file says it, with every path relative to ``folder`` (where it is saved)."""
    def rel(p: Path) -> str:
        """Relative when the file sits near (a case folder and its data folder move together),
        absolute otherwise, so a scenario saved elsewhere still finds the app's files."""
        try:
            r = Path(os.path.relpath(p, folder))
            common = Path(os.path.commonpath([p.resolve(), folder.resolve()]))
        except ValueError:   # another drive (Windows)
            return p.as_posix()
        near = common != Path(common.anchor) and r.parts[:2].count("..") <= 1
        return r.as_posix() if near else p.resolve().as_posix()

    return {
        "format": CASE_FORMAT, "version": 1, "title": case.title, "subject": case.subject,
        "as_of": case.as_of.isoformat(), "notes": case.notes,
        "include_doubtful_squad_rows": case.include_doubtful,
        **({"aliases": rel(case.aliases)} if case.aliases else {}),
        "cross_check": [rel(p) for p in case.cross_check],
        "clubs": [{"name": c.name, "matches": rel(c.matches),
                   **({"squad": rel(c.squad)} if c.squad else {}), **({"team": c.team} if c.team else {})}
                  for c in case.clubs],
        "criteria": [criterion_to_dict(c, in_case=True) for c in case.criteria],
        "weights": dict(case.weights),
        **({"player": player_to_dict(case.player)} if case.player else {}),
    }


def case_to_json(case: CaseDefinition, path: Path) -> str:
    return json.dumps(case_to_dict(case, path.resolve().parent), indent=2, ensure_ascii=False) + "\n"


def save_case(case: CaseDefinition, path: Path) -> Path:
    return write_text_atomic(path, case_to_json(case, path))
