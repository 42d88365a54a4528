"""What the user should know about the current result: ties, gaps, flat criteria, zero weights,
and any data check that found a problem (sources that disagree, results missing from a file)."""
from __future__ import annotations

import html

from PySide6.QtWidgets import QLabel, QWidget

from evaluator.session import Change
from evaluator.decision.scoring import Result
from ui.palette import WARNING_BG, WARNING_BORDER, WARNING_TEXT


class MessagesPanel(QLabel):
    def __init__(self, result: Result, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(f"QLabel {{ background:{WARNING_BG}; border:1px solid {WARNING_BORDER};"
                           " border-radius:4px; padding:6px; color:" + WARNING_TEXT + "; }")
        self._shown: tuple[str, ...] | None = None
        self.show_result(result)

    def show_result(self, result: Result, changes: Change = Change.ALL) -> None:
        shown = result.messages + tuple(c.text for c in result.scenario.data_checks if not c.agree)
        if shown == self._shown:
            return   # most slider ticks change no message; skip the relayout
        self._shown = shown
        self.setVisible(bool(shown))
        self.setText("<br>".join(f"⚠ {html.escape(m)}" for m in shown))
