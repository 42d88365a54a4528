"""What the user should know about the current result: ties, gaps, flat criteria, zero weights,
and any data check that found a problem (sources that disagree, results missing from a file).

A few lines of each kind are shown and the rest behind a "show all" link: a club added with a
figure missing adds a line, and at 50 such clubs the word-wrapped 8,000-character label took
~70 ms of layout in the side panel on every add (it grew with the clubs; now it cannot).
"""
from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from evaluator.session import Change
from evaluator.decision.scoring import Result
from ui import dialogs
from ui.palette import WARNING_BG, WARNING_BORDER, WARNING_TEXT

MAX_SHOWN = 5   # of the result's messages, and again of the data checks' (a disagreement is never buried)


class MessagesPanel(QLabel):
    def __init__(self, result: Result, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setStyleSheet(f"QLabel {{ background:{WARNING_BG}; border:1px solid {WARNING_BORDER};"
                           " border-radius:4px; padding:6px; color:" + WARNING_TEXT + "; }")
        self._shown: tuple[str, ...] | None = None
        self.linkActivated.connect(self._on_show_all)
        self.show_result(result)

    @property
    def all_messages(self) -> tuple[str, ...]:
        """Every message, the ones behind "show all" included."""
        return self._shown or ()

    def show_result(self, result: Result, changes: Change = Change.ALL) -> None:
        checks = tuple(c.text for c in result.scenario.data_checks if not c.agree)
        shown = result.messages + checks
        if shown == self._shown:
            return   # most slider ticks change no message; skip the relayout
        self._shown = shown
        self.setVisible(bool(shown))
        lines = result.messages[:MAX_SHOWN] + checks[:MAX_SHOWN]
        more = len(shown) - len(lines)
        extra = f"<br>… and {more} more: <a href='all'>show all {len(shown)}</a>" if more > 0 else ""
        self.setText("<br>".join(f"⚠ {html.escape(m)}" for m in lines) + extra)

    def _on_show_all(self, _link: str) -> None:
        dialogs.show_list(self, "Warnings", self.all_messages)
