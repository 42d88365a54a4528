"""The Qt face of the session: one signal, emitted after every change, with what changed."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from evaluator.decision.scoring import Result
from evaluator.session import Change, Session


class SessionSignals(QObject):
    changed = Signal(object, object)
    """Emitted with the new ``Result`` and the ``Change`` flags after any change."""

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        session.subscribe(self._on_change)

    def _on_change(self, result: Result, changes: Change) -> None:
        self.changed.emit(result, changes)

    def detach(self) -> None:
        self.session.unsubscribe(self._on_change)
