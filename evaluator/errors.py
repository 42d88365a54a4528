"""The one error type users see: a single line naming the file, row or field at fault."""
from __future__ import annotations

MAX_SHOWN = 60   # characters of a bad value echoed back; a 140 KB line helps nobody


class InputError(ValueError):
    """Bad input. ``str(err)`` is a complete one-line message for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(message.split()))


class Cancelled(Exception):
    """Raised by work that was told to stop (a newer job replaced it); whoever ran it drops it."""


def shown(value: object, limit: int = MAX_SHOWN) -> str:
    """``repr(value)`` for a message, cut to ``limit`` characters with an ellipsis."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and abs(value) > 1e15:
        return f"{float(value):.3g}" if abs(float(value)) != float("inf") else "a number too large to use"
    text = repr(value) if not isinstance(value, int) or len(str(value)) < 30 else f"a {len(str(value))}-digit number"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def cut(text: str, limit: int = MAX_SHOWN) -> str:
    """A name from a file (a key, a club) cut to ``limit`` characters for a message."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def shown_path(path: object, limit: int = 80) -> str:
    """A path for a message: its end is what names the file, so a long one loses its start."""
    text = str(path)
    return text if len(text) <= limit else "…" + text[-(limit - 1):]


MAX_MESSAGE = 200


def within(message: str, limit: int = MAX_MESSAGE) -> str:
    """A composed message cut to ``limit`` characters in its middle (its start names the file and
    field, its end says what is wrong)."""
    if len(message) <= limit:
        return message
    head = limit * 2 // 3
    return message[:head] + "…" + message[-(limit - head - 1):]
