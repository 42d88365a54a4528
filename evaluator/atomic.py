"""Atomic file writes: a temporary file in the target's folder, fsync, then rename.

Either the new file is complete at ``path`` or the old one (if any) is untouched. A writer
killed mid-write leaves a recognisable ``.name.XXXX.part`` beside the target; the next write of
the same target removes it. ``write_group`` writes files that belong together (a scenario and
the case it names) so that a kill at any instant leaves the old group or the new one readable.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Callable

from evaluator.errors import InputError


def write_atomic(path: str | os.PathLike[str], write: Callable[[str], None]) -> Path:
    """Call ``write(tmp_path)`` to produce the file, then move it onto ``path``."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    check_name(target)
    if target.is_dir():
        raise InputError(f"{target}: is a folder, not a file name")
    if not folder.is_dir():
        raise InputError(f"{target}: folder {folder} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as e:
        raise InputError(f"{target}: cannot write in {folder} ({e.strerror or e})") from None
    os.close(fd)
    remove_leftovers(target, keep=tmp)
    try:
        os.chmod(tmp, _mode_for(target))   # mkstemp makes 0600; keep the usual/previous mode
        write(tmp)
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
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
    """The replaced file's permissions, or what a plain open() would give a new file."""
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


MAX_NAME_BYTES = 255 - 24   # the temporary's prefix and suffix must fit the file system's 255


def check_name(target: Path) -> None:
    if len(os.fsencode(target.name)) > MAX_NAME_BYTES:
        raise InputError(f"{target.name[:40]}…: the file name is too long "
                         f"({len(os.fsencode(target.name))} bytes; at most {MAX_NAME_BYTES})")


def remove_leftovers(target: Path, keep: str = "") -> None:
    """Temporaries a killed writer of ``target`` left behind (ours by name: .name.XXXX.part)."""
    folder = target.parent if str(target.parent) else Path(".")
    for stale in folder.glob(f".{_glob_escape(target.name)}.*.part"):
        if stale.name != Path(keep).name:   # compare names: "./x" and "x" are one file
            _discard(str(stale))


def backup_path(target: Path) -> Path:
    """Where ``write_group`` keeps a replaced file until the whole group is in place."""
    return target.with_name(f".{target.name}.previous")


def write_group(files: list[tuple[Path, str]]) -> None:
    """Write several texts so that a kill at any instant leaves the old set or the new set.

    Every temporary is written and synced first; then each earlier file's old version is kept
    as ``.name.previous`` before the file is replaced; the LAST file (the one naming the others,
    e.g. the scenario naming its case) is replaced last, and only then are the backups removed.
    A reader that finds the last file not matching an earlier one uses the backup (see
    ``evaluator.documents.load_case_beside``).
    """
    temps: list[str] = []
    try:
        for target, text in files:
            check_name(target)
            if not target.parent.is_dir():
                raise InputError(f"{target}: folder {target.parent} does not exist")
            remove_leftovers(target)
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
            temps.append(tmp)
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
                f.flush()
                os.fsync(f.fileno())
            os.chmod(tmp, _mode_for(target))
        backups = []
        for (target, _), tmp in zip(files, temps):
            if target != files[-1][0] and target.exists():
                backup = backup_path(target)
                _discard(str(backup))
                try:
                    os.link(target, backup)      # instant, and the old bytes stay exactly as they were
                except OSError:
                    shutil.copy2(target, backup)  # a file system without hard links
                backups.append(backup)
            os.replace(tmp, target)
        _sync_folder(files[-1][0].parent)
        for backup in backups:
            _discard(str(backup))
    except OSError as e:
        for tmp in temps:
            _discard(tmp)
        raise InputError(f"{files[-1][0]}: could not be written ({e.strerror or e})") from None
    except BaseException:
        for tmp in temps:
            _discard(tmp)
        raise


def _sync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in name)
