"""Atomic file writes: a temporary file in the target's folder, fsync, then rename.

Either the new file is complete at ``path`` or the old one (if any) is untouched.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Callable

from evaluator.errors import InputError


def write_atomic(path: str | os.PathLike[str], write: Callable[[str], None]) -> Path:
    """Call ``write(tmp_path)`` to produce the file, then move it onto ``path``."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise InputError(f"{target}: is a folder, not a file name")
    if not folder.is_dir():
        raise InputError(f"{target}: folder {folder} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as e:
        raise InputError(f"{target}: cannot write in {folder} ({e.strerror or e})") from None
    os.close(fd)
    try:
        write(tmp)
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        os.chmod(tmp, _mode_for(target))   # mkstemp makes it private; keep the usual permissions
        os.replace(tmp, target)
    except InputError:
        _discard(tmp)
        raise
    except OSError as e:
        _discard(tmp)
        raise InputError(f"{target}: could not be written ({e.strerror or e})") from None
    except BaseException:
        _discard(tmp)
        raise
    return target


def write_text_atomic(path: str | os.PathLike[str], text: str) -> Path:
    def write(tmp: str) -> None:
        with open(tmp, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
    return write_atomic(path, write)


def _mode_for(target: Path) -> int:
    """The existing file's permissions, or what a plain open() would give under the umask."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _discard(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except OSError:
        pass
