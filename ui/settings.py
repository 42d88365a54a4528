"""Everything the app remembers between runs, behind one chokepoint over QSettings.

Only the desktop's memory lives here: window geometry and state, splitter sizes, recent files,
last folders. The user's work is in their documents (JSON files), never in settings.
``CLUBFIT_SETTINGS`` names an INI file to use instead of the user's (the test suite sets it,
so nothing is written to the real home).
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from PySide6.QtCore import QByteArray, QSettings

RECENT_MAX = 10
FOLDER_KINDS = ("open", "save", "export")
ENV = "CLUBFIT_SETTINGS"


_batch: list[QSettings] = []     # the store shared inside ``batch()``


@contextmanager
def batch() -> Iterator[None]:
    """Writes inside share one store, written to disk once at the end: each store writes its
    file when it goes away (~15 ms each here), and closing the window saves four things."""
    _batch.append(_store())
    try:
        yield
    finally:
        _batch.pop().sync()


def _store() -> QSettings:
    if _batch:
        return _batch[-1]
    where = os.environ.get(ENV)
    if where:
        return QSettings(where, QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Club Fit", "Club Fit")


def location() -> str:
    return _store().fileName()


# --- window ------------------------------------------------------------------------------
def window_state() -> tuple[QByteArray, QByteArray]:
    s = _store()
    return _bytes(s.value("window/geometry")), _bytes(s.value("window/state"))


def save_window_state(geometry: QByteArray, state: QByteArray) -> None:
    s = _store()
    s.setValue("window/geometry", geometry)
    s.setValue("window/state", state)


def splitter_sizes(name: str) -> list[int]:
    raw = _store().value(f"splitters/{name}")
    try:
        return [int(x) for x in raw] if isinstance(raw, list) else []
    except (TypeError, ValueError):
        return []   # a hand-edited or damaged file: fall back to the built-in layout


def save_splitter_sizes(name: str, sizes: list[int]) -> None:
    _store().setValue(f"splitters/{name}", [int(x) for x in sizes])


# --- recent files and folders ---------------------------------------------------------------
def recent_files() -> list[str]:
    raw = _store().value("recent/files")
    if isinstance(raw, str):   # QSettings gives a single-entry list back as a plain string
        raw = [raw]
    return [str(x) for x in raw][:RECENT_MAX] if isinstance(raw, list) else []


def add_recent_file(path: str | os.PathLike[str]) -> None:
    p = str(Path(path).resolve())
    _store().setValue("recent/files", [p] + [x for x in recent_files() if x != p][: RECENT_MAX - 1])


def prune_recent_files() -> list[str]:
    """Drop files that no longer exist; returns those dropped (for a message)."""
    kept: list[str] = []
    gone: list[str] = []
    for p in recent_files():
        (kept if Path(p).is_file() else gone).append(p)
    if gone:
        _store().setValue("recent/files", kept)
    return gone


def last_folder(kind: str) -> str:
    assert kind in FOLDER_KINDS, kind
    value = _store().value(f"folders/{kind}")
    return value if isinstance(value, str) and Path(value).is_dir() else ""


def remember_folder(kind: str, path: str | os.PathLike[str]) -> None:
    assert kind in FOLDER_KINDS, kind
    _store().setValue(f"folders/{kind}", str(Path(path).resolve().parent))


def _bytes(value: object) -> QByteArray:
    return value if isinstance(value, QByteArray) else QByteArray()


# --- appearance ------------------------------------------------------------------------------
def theme() -> str:
    """"system", "light" or "dark"; anything else (a hand-edited file) reads as "system"."""
    value = _store().value("view/theme")
    return value if value in ("system", "light", "dark") else "system"


def set_theme(choice: str) -> None:
    _store().setValue("view/theme", choice)
