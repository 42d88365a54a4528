"""What the user should know about the current result: ties, gaps, flat criteria, zero weights."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from evaluator.decision.scoring import Result
from ui.palette import WARNING_BG, WARNING_BORDER


class MessagesPanel(QLabel):
    def __init__(self, result: Result, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(f"QLabel {{ background:{WARNING_BG}; border:1px solid {WARNING_BORDER};"
                           " border-radius:4px; padding:6px; color:#3D2B00; }")
        self._shown: tuple[str, ...] | None = None
        self.show_result(result)

    def show_result(self, result: Result) -> None:
        if result.messages == self._shown:
            return   # most slider ticks change no message; skip the relayout
        self._shown = result.messages
        self.setVisible(bool(result.messages))
        self.setText("<br>".join(f"⚠ {m}" for m in result.messages))
