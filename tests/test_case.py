"""The bundled case definition builds a scenario; bad case files name the field."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from evaluator.data.case import DataCache, build_scenario
from evaluator.documents import load_case
from evaluator.errors import InputError

CASE = Path(__file__).resolve().parent.parent / "resources" / "cases" / "ramos-2025-11-28.case.json"


def copy_case(tmp_path, change):
    d = json.loads(CASE.read_text(encoding="utf-8"))
    for c in d["clubs"]:   # keep file references valid from the temporary folder
        c["matches"] = str((CASE.parent / c["matches"]).resolve())
        c["squad"] = str((CASE.parent / c["squad"]).resolve())
    d["aliases"] = str((CASE.parent / d["aliases"]).resolve())
    d["cross_check"] = [str((CASE.parent / f).resolve()) for f in d["cross_check"]]
    change(d)
    p = tmp_path / "c.case.json"
    p.write_text(json.dumps(d), encoding="utf-8")
    return p


@pytest.mark.parametrize("value, words", [([1], "expected a number"), ("50", "expected a number")])
def test_bad_weight_in_case_names_the_field(tmp_path, value, words):
    p = copy_case(tmp_path, lambda d: d["weights"].update(age=value))
    with pytest.raises(InputError, match=rf"^c\.case\.json: weights\.age: {words}"):
        load_case(p)


def test_build_on_another_date_with_a_shared_cache():
    case = load_case(CASE)
    cache = DataCache()
    a = build_scenario(case, cache=cache)
    b = build_scenario(case, as_of=date(2026, 2, 1), cache=cache)
    # three scored files and the three CSVs the case cross-checks them against, each read once;
    # tables only for the scored files, one per date; each file pair compared once, not per date
    assert len(cache.seasons) == 6 and len(cache.tables) == 6
    assert len(cache.pairs) == 15 and sum(p is not None for p in cache.pairs.values()) == 3
    assert a.as_of == date(2025, 11, 28) and b.as_of == date(2026, 2, 1)
    roma = {c.name: c for c in b.clubs}["AS Roma"]
    assert roma.figure("league_position").value == 5 and roma.figure("points").value == 43


def test_aliases_let_a_case_use_the_csv_names(tmp_path):
    aliases = str((CASE.parent.parent / "data" / "team_aliases.csv").resolve())

    def change(d):
        d["aliases"] = aliases
        d["clubs"][1]["matches"] = str((CASE.parent.parent / "data/matches/datahub-football-datasets-bundesliga-season-2526.csv").resolve())
    s = build_scenario(load_case(copy_case(tmp_path, change)))
    lev = {c.name: c for c in s.clubs}["Bayer 04 Leverkusen"]
    assert (lev.figure("league_position").value, lev.figure("points").value) == (3, 23)


def test_the_table_cache_keeps_only_the_newest_tables(monkeypatch):
    from datetime import timedelta
    from evaluator.data import case as case_module
    monkeypatch.setattr(case_module, "MAX_TABLES", 5)
    cache = DataCache()
    path = load_case(CASE).clubs[0].matches
    days = [date(2025, 10, 1) + timedelta(days=d) for d in range(12)]
    for day in days:
        cache.table(path, day)
    assert list(cache.tables) == [(path, d) for d in days[-5:]]
    cache.table(path, days[-5])                       # used again: now the newest
    cache.table(path, date(2025, 12, 1))
    assert (path, days[-5]) in cache.tables and (path, days[-4]) not in cache.tables
