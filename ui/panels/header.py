"""The case in one line: who is moving, as of when, between which clubs.

It sits in a ``SteadyText`` (main_window): a club added changes only the count, and the
window's whole layout was run again for it on every add."""
from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QWidget

from evaluator.session import Change
from evaluator.decision.scoring import Result
from evaluator.formatting import counted, format_date, player_details
from ui.palette import chart
from ui.panels.steady_text import SteadyText
from ui.text import esc, tip


class CaseHeader(QLabel):
    def __init__(self, result: Result, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self._key: tuple[object, ...] | None = None
        self._last = result
        self.show_result(result)

    def show_result(self, result: Result, changes: Change = Change.ALL) -> None:
        s = result.scenario
        key = (s.subject, format_date(s.as_of), len(s.clubs), len(s.criteria), s.player)
        if key == self._key:
            return
        same_case = self._key is not None and key[:2] + key[4:] == self._key[:2] + self._key[4:]
        self._key = key
        self._last = result
        # A described player: the name large, what else is known beside it (the subject is the one line).
        name = s.player.name if s.player else s.subject or s.title
        about = f" · {player_details(s.player, s.as_of)}" if s.player else ""
        text = (f"<span style='font-size:14pt; font-weight:600'>{esc(name)}</span>"
                f"<span style='color:{chart().muted}'>{esc(about)} · as of {format_date(s.as_of)} · "
                f"{counted(len(s.clubs), 'club', 'clubs')} · {counted(len(s.criteria), 'criterion', 'criteria')}</span>")
        holder = self.parentWidget()
        if same_case and isinstance(holder, SteadyText):
            holder.set_text(text)   # only the counts changed: no relayout of the window below it
        else:
            self.setText(text)
            if isinstance(holder, SteadyText):
                holder.reset()      # another case or date: the height follows it, down as well
        self.setToolTip(tip("\n\n".join(t for t in (s.player.notes if s.player else "", s.notes) if t)))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._key is not None:
            self._key = None                 # the theme changed: redo the text in its colours
            self.show_result(self._last)

    @staticmethod
    def window_title(result: Result, document: str = "") -> str:
        """``[*]`` is where Qt shows the unsaved-changes marker (setWindowModified)."""
        s = result.scenario
        return f"{document or 'Untitled'}[*] — {s.subject or s.title} — as of {format_date(s.as_of)} — Club Fit"
