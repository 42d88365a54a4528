"""Reading a JSON document the user chose, safely: bounded, regular files only, no recursion
blow-ups, no integers of thousands of digits. Every problem is one line naming the file."""
from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

from evaluator.errors import InputError, shown

MAX_DOCUMENT_BYTES = 20_000_000   # a scenario of 10,000 clubs is ~8 MB; anything bigger is not ours
MAX_NESTING = 64                   # our documents nest 5 levels; deep nesting is a crafted file


def read_json_file(p: Path, what: str) -> Any:
    """A JSON document from a regular file of bounded size, or an InputError naming the file.

    Never blocks on a FIFO or reads a device; numbers too large for a float become infinity
    (so the field reader names the field); nesting is bounded before the parser recurses."""
    try:
        info = os.stat(p)
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except (OSError, ValueError) as e:   # ValueError: a NUL byte in the name
        raise InputError(f"{shown(str(p))}: cannot be read ({getattr(e, 'strerror', None) or e})") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{p}: is a folder, not a {what}")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{p}: is not a regular file (a pipe or device cannot be a {what})")
    if info.st_size > MAX_DOCUMENT_BYTES:
        raise InputError(f"{p}: {info.st_size / 1e6:.0f} MB is too big for a {what} "
                         f"(at most {MAX_DOCUMENT_BYTES / 1e6:.0f} MB)")
    try:
        with open(p, "rb") as f:
            data = f.read(MAX_DOCUMENT_BYTES + 1)
        text = data.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"{p}: cannot be read ({getattr(e, 'strerror', None) or e})") from None
    if len(data) > MAX_DOCUMENT_BYTES:
        raise InputError(f"{p}: too big for a {what} (at most {MAX_DOCUMENT_BYTES / 1e6:.0f} MB)")
    depth = _max_nesting(text)
    if depth > MAX_NESTING:
        raise InputError(f"{p}: nested {depth} levels deep; a {what} nests a few levels (not valid here)")
    try:
        # NaN / Infinity are read as floats so the field reader can reject them by name; so are
        # integers too long for a float (no int of thousands of digits is ever built).
        return json.loads(text, parse_int=_parse_int)
    except json.JSONDecodeError as e:
        raise InputError(f"{p}: not valid JSON (line {e.lineno}, column {e.colno}: {e.msg})") from None
    except (RecursionError, ValueError) as e:
        raise InputError(f"{p}: not a usable JSON {what} ({shown(str(e))})") from None


def _parse_int(text: str) -> int | float:
    return int(text) if len(text) <= 18 else float(text)   # float('1' * 5000) is inf, not an error


def _max_nesting(text: str) -> int:
    """How deep [ and { nest, ignoring brackets inside strings (linear, no recursion)."""
    depth = deepest = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest
