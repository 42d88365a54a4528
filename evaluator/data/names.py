"""Matching team names across sources ("AS Roma" / "Roma", "Paris SG" / "Paris Saint-Germain FC").

A name is first *normalised* to a tuple of words: accents removed ("Köln" -> "koln"), case
folded, "ß" -> "ss", split on anything that is not a letter or digit, and club-form words
dropped ("FC", "AS", "SSC", "Calcio", "1.", "04", "Olympique", "Stade", ...: they say what
kind of club it is, not which one). "1. FC Köln" and "FC Koln" both become ("koln",).

``resolve(name, candidates, aliases)`` then tries these steps in order; the first step that
finds any candidate decides. Exactly one candidate is the answer; several is an error that
names the team and the candidates. A name that matches nothing is an error too: a team is
never dropped or paired silently.

1. Alias table: a row ``alias,name`` (user-editable CSV) says the two names are the same club,
   in both directions ("Bayern Munich,FC Bayern München").
2. Same words after normalising ("Roma" / "AS Roma", "Marseille" / "Olympique de Marseille").
3. Same words in the same order, where a word may also match
   - a longer word it begins with, if it has 3 letters or more ("Ein" / "Eintracht",
     "Inter" / "Internazionale"), or
   - the initials of several words ("SG" / "Saint Germain", "PSG" / "Paris Saint Germain").
   ("Paris SG" / "Paris Saint-Germain FC", "Ein Frankfurt" / "Eintracht Frankfurt".)
4. The name's words, matched as in 3, appear in order among the candidate's words
   ("Leverkusen" / "Bayer 04 Leverkusen", "Inter" / "FC Internazionale Milano").
5. The candidate's words appear in order among the name's words
   ("Bayer 04 Leverkusen" / "Leverkusen", "Lille OSC" / "Lille").

So "Milan" is AC Milan (step 2) and "Inter" is FC Internazionale Milano (step 4); "Inter Milan"
against {"Inter", "Milan"} is ambiguous (step 5 finds both) and needs an alias. Names that
no step can pair ("Lyon" / "Olympique Lyonnais", "M'gladbach" / "Borussia Mönchengladbach")
belong in the alias table; ``resources/data/team_aliases.csv`` covers the shipped leagues.
Use ``pair_teams`` to pair two whole leagues: it also fails when two names land on one team.

Steps 3-5 are searches over word positions, polynomial and without recursion; a name of more
than MAX_WORDS words is refused (as a query) or matched by steps 1-2 only (as a candidate).
"""
from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path
from typing import Iterable

from evaluator.data.reading import MB, decode, elide, header_and_rows, quoted, read_bounded, shown_name
from evaluator.errors import InputError

MAX_ALIAS_BYTES = 20 * MB   # the shipped table is a few hundred bytes
MAX_WORDS = 40              # real club names have under ten; caps the word matcher's work

# Words that say what kind of club it is, not which club it is.
_FORM_WORDS = {
    "fc", "afc", "cf", "ac", "as", "ssc", "ss", "us", "sc", "sv", "vfb", "vfl", "tsg", "bv",
    "calcio", "club", "de", "du", "of", "the", "football", "futbol", "fk", "rc", "ogc", "sco",
    "aj", "aja", "stade", "olympique", "hellas", "acf", "bc", "ud", "cd", "rcd", "sk", "1",
    "e", "v", "und", "fsv", "tsv", "spvgg", "1846", "1848", "1896", "1899", "1900",
    "1904", "1905", "1907", "1909", "1910", "1913", "04", "05", "09", "96", "98", "07",
}
_MIN_PREFIX = 3


def normalise(name: str) -> tuple[str, ...]:
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).casefold()
    s = s.replace("ß", "ss")
    words = re.findall(r"[a-z0-9]+", s)
    kept = tuple(w for w in words if w not in _FORM_WORDS)
    return kept or tuple(words)


def _key(name: str) -> str:
    return " ".join(normalise(name))


def read_aliases(path: str | os.PathLike[str]) -> dict[str, str]:
    p = Path(path)
    data = read_bounded(p, MAX_ALIAS_BYTES, "an alias table", missing="cannot be read (no such file)")
    return parse_aliases(decode(data, p.name, fallback_latin1=False), p.name)


def parse_aliases(text: str, name: str) -> dict[str, str]:
    """``{normalised alias: name}`` from CSV text with the columns alias,name."""
    short = shown_name(name)
    out: dict[str, str] = {}
    header, rows = header_and_rows(text, name)
    if {"alias", "name"} - set(header):
        raise InputError(f"{short}: an alias table needs the columns alias,name")
    for line, row in rows:
        alias, canonical = row["alias"].strip(), row["name"].strip()
        if not alias or not canonical:
            raise InputError(f"{short}: row {line}: alias and name must both be filled in")
        key = _key(alias)
        if not key or not _key(canonical):   # would match every other name with no words
            raise InputError(f"{short}: row {line}: alias and name need a letter or digit (a-z, 0-9) each")
        if key in out and _key(out[key]) != _key(canonical):
            raise InputError(f"{short}: row {line}: alias {quoted(alias)} already stands for {quoted(out[key])}")
        out[key] = canonical
    return out


# --- word matching -----------------------------------------------------------------------
def _word_eq(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return len(short) >= _MIN_PREFIX and short.isalpha() and long_.startswith(short)


def _initials(word: str, words: tuple[str, ...]) -> int:
    """How many of ``words`` ``word`` abbreviates by initials (0 if none, at least 2)."""
    n = len(word)
    if n >= 2 and word.isalpha() and len(words) >= n and all(w[:1] == c for w, c in zip(words, word)):
        return n
    return 0


def _same(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Step 3: every word of ``a`` lines up with ``b`` and nothing is left over.

    A search over positions (i in a, j in b), each visited once: polynomial in the number of
    words and no recursion (trying every split was exponential: 16 words never finished).
    """
    n, m = len(a), len(b)
    todo, seen = [(0, 0)], {(0, 0)}
    while todo:
        i, j = todo.pop()
        if i == n or j == m:
            if i == n and j == m:
                return True
            continue
        steps = []
        if _word_eq(a[i], b[j]):
            steps.append((i + 1, j + 1))
        k = _initials(a[i], b[j:j + len(a[i])])
        if k:
            steps.append((i + 1, j + k))
        k = _initials(b[j], a[i:i + len(b[j])])
        if k:
            steps.append((i + k, j + 1))
        for step in steps:
            if step not in seen:
                seen.add(step)
                todo.append(step)
    return False


def _within(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Steps 4/5: the words of ``a`` appear, in order, among the words of ``b``.

    Greedy on the earliest place each word can end: any later place leaves fewer words of
    ``b`` for the rest, so the earliest is never worse. O(len(a) * len(b)).
    """
    j = 0
    for word in a:
        best = len(b) + 1
        for i in range(j, len(b)):
            if i + 1 >= best:   # no later start can end earlier
                break
            if _word_eq(word, b[i]):
                best = i + 1
            k = _initials(word, b[i:i + len(word)])
            if k:
                best = min(best, i + k)
        if best > len(b):
            return False
        j = best
    return True


def _aliased(q: str, c: str, aliases: dict[str, str]) -> bool:
    qa, ca = aliases.get(q), aliases.get(c)
    return (qa is not None and _key(qa) == c) or (ca is not None and _key(ca) == q)


def resolve(name: str, candidates: Iterable[str], aliases: dict[str, str] | None = None,
            where: str = "") -> str:
    """The one candidate that ``name`` refers to, or an InputError naming it."""
    pool = list(dict.fromkeys(candidates))
    q = normalise(name)
    qk = " ".join(q)
    prefix = f"{where}: " if where else ""
    if len(q) > MAX_WORDS:
        raise InputError(f"{prefix}team {quoted(name)} has {len(q)} words; a team name has at most {MAX_WORDS}")
    keyed = [(c, normalise(c)) for c in pool]
    plain = " ".join(name.casefold().split())
    # A name with no Latin letter or digit ("Спартак") normalises to no words: it matches only
    # its own text or an alias, never every other wordless name. A candidate longer than any
    # team name is matched only by alias or exact words (steps 1-2).
    steps = (
        lambda c, ck: bool(aliases) and bool(q) and _aliased(qk, " ".join(ck), aliases or {}),
        lambda c, ck: ck == q if q else " ".join(c.casefold().split()) == plain,
        lambda c, ck: bool(q and ck) and len(ck) <= MAX_WORDS and _same(q, ck),
        lambda c, ck: bool(q and ck) and len(ck) <= MAX_WORDS and _within(q, ck),
        lambda c, ck: bool(q and ck) and len(ck) <= MAX_WORDS and _within(ck, q),
    )
    for step in steps:
        found = [c for c, ck in keyed if step(c, ck)]
        if len(found) == 1:
            return found[0]
        if found:
            listed = ", ".join(elide(c, 30) for c in sorted(found)[:3]) + (", …" if len(found) > 3 else "")
            raise InputError(f"{prefix}team {quoted(name)} is ambiguous ({listed}); "
                             "add an alias (alias,name) for it")
    raise InputError(f"{prefix}team {quoted(name)} is not in the file; add an alias (alias,name) for it")


def pair_teams(names: Iterable[str], candidates: Iterable[str], aliases: dict[str, str] | None = None,
               where: str = "") -> dict[str, str]:
    """Resolve every name; fail if two names land on the same candidate (one-to-one)."""
    out: dict[str, str] = {}
    taken: dict[str, str] = {}
    for n in names:
        c = resolve(n, candidates, aliases, where)
        if c in taken:
            prefix = f"{where}: " if where else ""
            raise InputError(f"{prefix}teams {quoted(taken[c], 30)} and {quoted(n, 30)} both match {quoted(c, 30)}; "
                             "add an alias for the wrong one")
        taken[c] = n
        out[n] = c
    return out
