"""The Qt face of the session: one signal, emitted after every change, carrying the Result."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from evaluator.decision.scoring import Result
from evaluator.decision.session import Session


class SessionSignals(QObject):
    result_changed = Signal(object)
    """Emitted with the new ``Result`` after any change to the scenario or the weights."""

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        session.subscribe(self._on_result)

    def _on_result(self, result: Result) -> None:
        self.result_changed.emit(result)

    def detach(self) -> None:
        self.session.unsubscribe(self._on_result)
