"""The status bar's lasting part: how fresh the data behind the figures is."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from evaluator.decision.scoring import Result
from evaluator.formatting import format_date
from evaluator.session import Change, Session


def freshness_text(session: Session) -> str:
    latest, files = session.freshness()
    if files == 0:
        return "Figures as entered (no league files)"
    plural = "s" if files != 1 else ""
    if latest is None:
        return f"No results yet in {files} league file{plural}"
    return f"Results up to {format_date(latest)} in {files} league file{plural}"


class DataFreshness(QLabel):
    """Permanent status-bar text, redone only when the case or its files change."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setAccessibleName("Data freshness")
        self.show_result(session.result)

    def show_result(self, result: Result, changes: Change = Change.ALL) -> None:
        if changes & (Change.CASE | Change.CLUBS | Change.DOCUMENT):
            self.setText(freshness_text(self.session))
