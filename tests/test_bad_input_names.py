"""Team-name matching and the alias table under hostile input: fast, no recursion, one-line errors."""
from __future__ import annotations

import time

import pytest

from evaluator.data.names import MAX_WORDS, _same, _within, parse_aliases, read_aliases, resolve
from evaluator.errors import InputError


@pytest.mark.parametrize("words", [8, 12, 16, 30, MAX_WORDS - 1])
def test_matching_is_not_exponential_in_the_number_of_words(words):
    # Each "aa" matches any "aa" and any two words by initials: the old recursive search tried
    # every split (8 words: 1 s, 10 words: 38 s) before saying "not in the file".
    name = " ".join(["aa"] * words) + " zz"
    pool = [" ".join(["aa"] * min(2 * words, MAX_WORDS)) + " yy", "Other"]
    t = time.perf_counter()
    with pytest.raises(InputError, match=r"is not in the file"):
        resolve(name, pool)
    assert time.perf_counter() - t < 1.0


def test_the_matcher_works_on_thousands_of_words_without_recursion():
    long_ = ("aa",) * 1500
    assert _within(("aa",) * 3, long_) and not _within(long_ + ("zz",), long_)
    assert _same(long_[:300], long_[:300]) and not _same(long_[:300], long_[:301] + ("zz",))


def test_a_name_of_1500_words_is_refused_in_one_line_and_a_long_candidate_does_not_hang():
    name = " ".join(["word"] * 1500)
    with pytest.raises(InputError, match=r"^x: team 'word word .*…' has 1500 words; a team name has at most 40") as e:
        resolve(name, ["Roma"], where="x")
    assert len(str(e.value)) <= 200
    t = time.perf_counter()
    assert resolve("Roma", [name, "AS Roma"]) == "AS Roma"
    assert time.perf_counter() - t < 1.0


def test_ambiguous_and_missing_names_are_elided():
    pool = ["X " + "y" * 300 + str(i) for i in range(10)]
    with pytest.raises(InputError, match=r"is ambiguous \(.*, …\)") as e:
        resolve("X", pool)
    assert len(str(e.value)) <= 200


def test_alias_table_cr_only_and_huge_fields(tmp_path):
    p = tmp_path / "a.csv"
    p.write_bytes(b"alias,name\rBayern Munich,FC Bayern M\xc3\xbcnchen\r")
    assert list(read_aliases(p).values()) == ["FC Bayern München"]
    with pytest.raises(InputError, match=r"^a\.csv: row 2: not readable as CSV \(a field is longer than"):
        parse_aliases("alias,name\nx," + "y" * 140_000 + "\n", "a.csv")
    with pytest.raises(InputError) as e:
        parse_aliases("alias,name\n" + "x" * 500 + ",y\n" + "x" * 500 + ",z\n", "a.csv")
    assert len(str(e.value)) <= 200 and "…" in str(e.value)


def test_alias_table_not_a_regular_file(tmp_path):
    import os
    fifo = tmp_path / "aliases.csv"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match=r"aliases\.csv: not a regular file"):
        read_aliases(fifo)


def test_an_alias_without_letters_or_digits_is_refused():
    # "٣" normalises to no words at all: as a key it would stand for every name with no words
    with pytest.raises(InputError, match=r"^a\.csv: row 2: alias and name need a letter or digit"):
        parse_aliases("alias,name\n٣,Roma\n", "a.csv")


def test_names_without_latin_letters_never_match_other_names():
    # Cyrillic normalises to no words; an empty word list used to match any name at step 5.
    with pytest.raises(InputError, match=r"team 'Roma' is not in the file"):
        resolve("Roma", ["Спартак", "Lazio"])
    with pytest.raises(InputError, match=r"team 'Зенит' is not in the file"):
        resolve("Зенит", ["Спартак", "Lazio"])
    assert resolve("Спартак", ["спартак ", "Lazio"]) == "спартак "
