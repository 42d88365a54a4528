"""The one error type users see: a single line naming the file, row or field at fault."""
from __future__ import annotations


class InputError(ValueError):
    """Bad input. ``str(err)`` is a complete one-line message for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(message.split()))
