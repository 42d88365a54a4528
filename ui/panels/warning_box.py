"""A line of text that turns into a warning box and back without a new style sheet.

The How sure tab's rank-reversal line switched between a warning box and a plain line with
``setStyleSheet``, which re-polishes the label (~0.6 ms). On a 3-club drag the warnings come
and go on about one move in seven, so that was most of a move's tail (its p95). Here the style
sheet is set once (the same border and padding either way, so the text never moves) and the box
is painted under the text; the text's colour rides in its own markup.
"""
from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QLabel, QWidget

from ui.palette import WARNING_BG, WARNING_BORDER, WARNING_TEXT

ROOM_STYLE = "QLabel { border:1px solid transparent; padding:6px; }"


class WarningBox(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(ROOM_STYLE)
        self.warning = False

    def markup(self, html: str, warning: bool) -> str:
        """``html`` as this label shows it: in the box's dark text when ``warning`` (the box keeps
        its light background in either theme), else in the theme's text colour."""
        if warning != self.warning:
            self.warning = warning
            self.update()
        return f"<div style='color:{WARNING_TEXT}'>{html}</div>" if warning else html

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        if self.warning:
            p = QPainter(self)
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            p.setPen(QPen(QColor(WARNING_BORDER), 1.0))
            p.setBrush(QColor(WARNING_BG))
            p.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4.0, 4.0)
            p.end()
        super().paintEvent(event)
