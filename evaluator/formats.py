"""The one table of input formats a user can open or drop: how each is recognised, its label,
its file-dialog filter and its reader. Adding a format is one entry here.
"""
from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

HEAD_BYTES = 4096


def _read_season(path: Path) -> Any:
    from evaluator.data.matches import read_season   # readers load on first use, not at start-up
    return read_season(path)


def _read_squad(path: Path) -> Any:
    from evaluator.data.squads import read_squad
    return read_squad(path)


def _read_scenario(path: Path) -> Any:
    from evaluator.documents import load_scenario
    return load_scenario(path)


@dataclass(frozen=True)
class InputFormat:
    id: str                            # also Season.format for match files
    kind: str                          # "scenario", "league" or "squad": what opening it does
    label: str                         # as the user reads it, with the licence of open data
    patterns: tuple[str, ...]          # for file dialogs
    recognise: Callable[[str], bool]   # given the first few KB of the file as text
    read: Callable[[Path], Any]


def _first_line(head: str) -> str:
    return head.lstrip("\ufeff").splitlines()[0] if head.strip() else ""


FORMATS: tuple[InputFormat, ...] = (
    InputFormat("clubfit-scenario", "scenario", "Club Fit scenario", ("*.json",),
                lambda head: '"clubfit-scenario"' in head, _read_scenario),
    InputFormat("openfootball-json", "league", "openfootball football.json, CC0", ("*.json",),
                lambda head: head.lstrip("\ufeff \t\r\n").startswith("{"), _read_season),
    InputFormat("squad-csv", "squad", "squad list with dates of birth (CSV)", ("*.csv",),
                lambda head: "date_of_birth" in _first_line(head), _read_squad),
    InputFormat("football-data-csv", "league", "football-data.co.uk-style CSV", ("*.csv",),
                lambda head: "HomeTeam" in _first_line(head), _read_season),
)

_KIND_NAMES = {"scenario": "Club Fit scenarios", "league": "Match files", "squad": "Squad lists"}


def by_id(format_id: str) -> InputFormat:
    for f in FORMATS:
        if f.id == format_id:
            return f
    return InputFormat(format_id, "league", format_id, (), lambda head: False, _read_season)


def dialog_filter(kind: str) -> str:
    """E.g. 'Match files (*.json *.csv);;All files (*)' for a file dialog."""
    patterns = dict.fromkeys(p for f in FORMATS if f.kind == kind for p in f.patterns)
    return f"{_KIND_NAMES[kind]} ({' '.join(patterns)});;All files (*)"


def recognise(path: str | os.PathLike[str]) -> InputFormat | None:
    """The format of the file at ``path`` from its first few KB, or None (unreadable, not a
    regular file, or nothing we know). Never blocks on a FIFO or reads a device."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None
        with open(path, "rb") as f:
            head = f.read(HEAD_BYTES).decode("utf-8", errors="replace")
    except OSError:
        return None
    return next((f for f in FORMATS if f.recognise(head)), None)


def read_league(path: Path) -> Any:
    """A match file of either league format (for reading on a worker thread)."""
    return _read_season(path)


def read_squad(path: Path) -> Any:
    return _read_squad(path)
