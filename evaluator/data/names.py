"""Matching team names across sources ("AS Roma" / "Roma", "1. FC Köln" / "FC Koln").

Rule, in order; the first step that gives exactly one candidate wins:
1. the alias table (user-editable CSV: alias,name) maps the name to a canonical one;
2. equal after normalising: accents removed, case folded, punctuation dropped, and
   club-form words (FC, AS, SSC, Calcio, 1., 04, ...) removed;
3. every remaining word of the shorter name is a word of the longer one.
Zero or several candidates is an error naming the team: a match is never dropped silently.
"""
from __future__ import annotations

import csv
import io
import os
import re
import unicodedata
from pathlib import Path
from typing import Iterable

from evaluator.errors import InputError

# Words that say what kind of club it is, not which club it is.
_FORM_WORDS = {
    "fc", "afc", "cf", "ac", "as", "ssc", "ss", "us", "sc", "sv", "vfb", "vfl", "tsg", "bv",
    "calcio", "club", "de", "du", "of", "the", "football", "futbol", "fk", "rc", "ogc", "sco",
    "aj", "aja", "stade", "olympique", "hellas", "acf", "bc", "ud", "cd", "rcd", "sk", "1",
    "e", "v", "und", "und", "fsv", "tsv", "spvgg", "1846", "1848", "1896", "1899", "1900",
    "1904", "1905", "1907", "1909", "1910", "1913", "04", "05", "09", "96", "98", "07",
}


def normalise(name: str) -> tuple[str, ...]:
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).casefold()
    s = s.replace("ß", "ss")
    words = re.findall(r"[a-z0-9]+", s)
    kept = tuple(w for w in words if w not in _FORM_WORDS)
    return kept or tuple(words)


def read_aliases(path: str | os.PathLike[str]) -> dict[str, str]:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as e:
        raise InputError(f"{p}: cannot be read ({e.strerror or e})") from None
    return parse_aliases(text, p.name)


def parse_aliases(text: str, name: str) -> dict[str, str]:
    out: dict[str, str] = {}
    reader = csv.DictReader(io.StringIO(text))
    if reader.fieldnames is None or {"alias", "name"} - set(reader.fieldnames):
        raise InputError(f"{name}: an alias table needs the columns alias,name")
    for row in reader:
        alias, canonical = (row.get("alias") or "").strip(), (row.get("name") or "").strip()
        if not alias or not canonical:
            raise InputError(f"{name}: row {reader.line_num}: alias and name must both be filled in")
        out[" ".join(normalise(alias))] = canonical
    return out


def resolve(name: str, candidates: Iterable[str], aliases: dict[str, str] | None = None,
            where: str = "") -> str:
    """The one candidate that ``name`` refers to, or an InputError naming it."""
    pool = list(candidates)
    key = normalise(name)
    if aliases:
        canonical = aliases.get(" ".join(key))
        if canonical is not None:
            key = normalise(canonical)
            if canonical in pool:
                return canonical
    exact = [c for c in pool if normalise(c) == key]
    if len(exact) == 1:
        return exact[0]
    words = set(key)
    subset = [c for c in pool if words and (words <= set(normalise(c)) or set(normalise(c)) <= words)]
    if len(subset) == 1:
        return subset[0]
    prefix = f"{where}: " if where else ""
    if not subset and not exact:
        raise InputError(f"{prefix}team {name!r} is not in the file; add an alias (alias,name) for it")
    options = ", ".join(sorted(set(exact or subset)))
    raise InputError(f"{prefix}team {name!r} is ambiguous ({options}); add an alias for it")
