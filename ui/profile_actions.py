"""Weight profiles from the window: each action is one session call (one undo step) plus the
questions around it (a name; Replace? when the name exists). The session refuses bad input and
then nothing has changed; these functions only say so."""
from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QWidget

from evaluator.errors import InputError
from evaluator.session import Session
from evaluator.session.profiles import ProfileExists
from ui import dialogs


def save_current_weights(parent: QWidget | None, session: Session) -> None:
    """Ask a name and save the current weights under it; an existing name asks Replace / Cancel."""
    name = dialogs.ask_text(parent, "Save weights as profile",
                            "Name of this weight profile (e.g. \u201cAgent: playing time\u201d):")
    if name is None:
        return
    try:
        session.save_profile(name)
    except ProfileExists as e:
        if dialogs.ask_replace(parent, "Replace profile?",
                               f"A profile called \u201c{e.name}\u201d exists already. "
                               "Replace its weights with the current ones?"):
            _attempt(parent, "Profile not saved", lambda: session.save_profile(name, replace=True))
    except InputError as e:
        dialogs.show_error(parent, "Profile not saved", str(e))


def apply(parent: QWidget | None, session: Session, name: str) -> None:
    _attempt(parent, "Profile not applied", lambda: session.apply_profile(name))


def remove(parent: QWidget | None, session: Session, name: str) -> None:
    """No question asked: Undo brings it back."""
    _attempt(parent, "Profile not removed", lambda: session.remove_profile(name))


def rename(parent: QWidget | None, session: Session, name: str) -> None:
    new = dialogs.ask_text(parent, "Rename profile", f"New name for \u201c{name}\u201d:", name)
    if new is not None:
        _attempt(parent, "Profile not renamed", lambda: session.rename_profile(name, new))


def _attempt(parent: QWidget | None, title: str, action: Callable[[], None]) -> None:
    try:
        action()
    except InputError as e:
        dialogs.show_error(parent, title, str(e))
