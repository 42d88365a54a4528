"""What the user should know about the current result: ties, gaps, flat criteria, zero weights,
and any data check that found a problem (sources that disagree, results missing from a file).

A few lines of each kind are shown and the rest behind a "show all" link: a club added with a
figure missing adds a line, and at 50 such clubs the word-wrapped 8,000-character label took
~70 ms of layout in the side panel on every add (it grew with the clubs; now it cannot). The
label sits in a ``SteadyText``: a new count ("… and 47 more") re-lays out nothing around it
(the side panel's layout was ~10 ms of each add); a different number of lines does.
"""
from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from evaluator.session import Change
from evaluator.decision.scoring import Result
from ui import dialogs
from ui.palette import WARNING_BG, WARNING_BORDER, WARNING_LINK, WARNING_TEXT
from ui.panels.steady_text import SteadyText

MAX_SHOWN = 5   # of the result's messages, and again of the data checks' (a disagreement is never buried)


class MessagesPanel(SteadyText):
    def __init__(self, result: Result, parent: QWidget | None = None) -> None:
        label = QLabel()
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setStyleSheet(f"QLabel {{ background:{WARNING_BG}; border:1px solid {WARNING_BORDER};"
                            " border-radius:4px; padding:6px; color:" + WARNING_TEXT + "; }")
        super().__init__(label, parent)
        self._shown: tuple[str, ...] | None = None
        self._lines = -1
        label.linkActivated.connect(self._on_show_all)
        self.show_result(result)

    def text(self) -> str:
        return self.label.text()

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
        extra = f"<br>… and {more} more: <a href='all' style='color:{WARNING_LINK}'>show all {len(shown)}</a>" if more > 0 else ""
        text = "<br>".join(f"⚠ {html.escape(m)}" for m in lines) + extra
        if len(lines) + (more > 0) == self._lines:
            self.set_text(text)    # the same lines, other words: taller only if it must be
        else:
            self._lines = len(lines) + (more > 0)
            self.label.setText(text)
            self.reset()           # fewer or more lines: the height follows, down as well as up

    def _on_show_all(self, _link: str) -> None:
        dialogs.show_list(self, "Warnings", self.all_messages)
