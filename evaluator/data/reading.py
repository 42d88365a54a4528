"""Reading user files safely: regular files only, bounded size, CSV rows that never raise csv.Error.

Every reader goes through here so a FIFO, a device (/dev/zero), a huge file or an odd CSV
(CR-only line endings, a 200 KB field) is refused with one short InputError, never a hang,
a traceback or a read until memory runs out.
"""
from __future__ import annotations

import csv
import io
import os
import stat
from pathlib import Path
from typing import Iterator

from evaluator.errors import InputError

MB = 1024 * 1024


def _short_repr(value: object) -> str:
    # Never repr() a parsed container: it may be huge or nested deep enough to hit the recursion limit.
    if isinstance(value, list):
        return f"a list of {len(value)} items"
    if isinstance(value, dict):
        return f"an object of {len(value)} fields"
    if isinstance(value, (str, int, float, bool)) or value is None:
        return repr(value)
    return type(value).__name__


def elide(value: object, limit: int = 40) -> str:
    """Text of ``value`` on one line, cut to ``limit`` characters with '…', for messages."""
    s = value if isinstance(value, str) else _short_repr(value)
    s = " ".join(s.split()) if len(s) < 4 * limit else " ".join(s[:4 * limit].split())
    return s if len(s) <= limit else s[:limit - 1] + "…"


def quoted(value: object, limit: int = 40) -> str:
    """``'value'`` elided, for naming a bad value in a message."""
    return repr(elide(value, limit)) if isinstance(value, str) else elide(value, limit)


def shown_path(p: Path, limit: int = 100) -> str:
    """The path as messages show it: whole if short, else '…' and its end (the file name)."""
    s = str(p)
    return s if len(s) <= limit else "…" + s[-(limit - 1):]


def shown_name(name: str, limit: int = 60) -> str:
    return name if len(name) <= limit else name[:limit - 1] + "…"


def capped(warnings: list[str], limit: int = 20) -> tuple[str, ...]:
    """At most ``limit`` warnings, then one line saying how many more: a bad file cannot flood a window."""
    if len(warnings) <= limit:
        return tuple(warnings)
    return (*warnings[:limit], f"… and {len(warnings) - limit} more warnings like these")


def _size(n: int) -> str:
    return f"{n / MB:.1f} MB" if n >= MB else f"{n:,} bytes"


def read_bounded(path: str | os.PathLike[str], limit: int, what: str, missing: str = "no such file") -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes, or an InputError.

    stat first so a FIFO or a device is never opened (opening a FIFO blocks until a writer
    comes); O_NONBLOCK and a second fstat cover a file swapped between the two calls.
    """
    p = Path(path)
    where = shown_path(p)
    try:
        st = os.stat(p)
        if stat.S_ISDIR(st.st_mode):
            raise InputError(f"{where}: is a folder, not {what}")
        if not stat.S_ISREG(st.st_mode):
            raise InputError(f"{where}: not a regular file (a pipe or a device), not {what}")
        if st.st_size > limit:
            raise InputError(f"{where}: {_size(st.st_size)} is over the {_size(limit)} limit for {what}")
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as f:
            if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
                raise InputError(f"{where}: not a regular file (a pipe or a device), not {what}")
            data = f.read(limit + 1)   # at most limit+1: a file that grew is still bounded
    except InputError:
        raise
    except FileNotFoundError:
        raise InputError(f"{where}: {missing}") from None
    except IsADirectoryError:
        raise InputError(f"{where}: is a folder, not {what}") from None
    except (OSError, ValueError) as e:   # ValueError: a NUL byte in the path
        raise InputError(f"{where}: cannot be read ({elide(getattr(e, 'strerror', None) or e, 60)})") from None
    if len(data) > limit:
        raise InputError(f"{where}: over the {_size(limit)} limit for {what}")
    return data


def csv_rows(text: str, name: str) -> Iterator[tuple[int, list[str]]]:
    """``(line number, fields)`` for each CSV record; csv.Error becomes an InputError naming the line.

    newline="" lets the csv module see every line ending itself: CRLF, LF and old-Mac CR-only.
    """
    reader = csv.reader(io.StringIO(text, newline=""))
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            msg = str(e)
            if "field larger than field limit" in msg:   # the module's process-wide limit, left as it is
                msg = f"a field is longer than {csv.field_size_limit():,} characters"
            raise InputError(f"{shown_name(name)}: row {reader.line_num}: not readable as CSV ({elide(msg, 60)})") from None
        yield reader.line_num, fields


def header_and_rows(text: str, name: str) -> tuple[list[str], Iterator[tuple[int, dict[str, str]]]]:
    """The stripped header and ``(line, {column: value})`` rows; short rows are padded with ''."""
    rows = csv_rows(text, name)
    first = next(rows, None)
    header = [h.strip() for h in first[1]] if first else []

    def gen() -> Iterator[tuple[int, dict[str, str]]]:
        for line, fields in rows:
            if not any(f.strip() for f in fields):
                continue   # blank lines, trailing ones especially, are common in these files
            yield line, {h: (fields[i] if i < len(fields) else "") for i, h in enumerate(header)}
    return header, gen()


def decode(data: bytes, name: str, fallback_latin1: bool) -> str:
    """UTF-8 (a BOM is dropped); older football-data files are Windows-1252, so matches may fall back."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        if fallback_latin1:
            return data.decode("latin-1")
        raise InputError(f"{shown_name(name)}: not UTF-8 text") from None
