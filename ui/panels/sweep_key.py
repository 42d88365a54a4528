"""The sweep plots' key: each club's colour and name, two clubs a line, centred, and a closing
note when only the best few are keyed.

A ``pg.LabelItem`` of rich text re-laid out the plots' whole graphics layout on every new text;
with many clubs the best eight change on about half of all slider moves, and each change cost
~4 ms (HTML layout, the layout pass, a repaint of the plots). This item draws cached static
texts, keeps its height while the number of lines stays, and repaints only itself.
"""
from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QPainter, QPen

from ui.panels.bar_labels import StaticTexts

DASH = "━"
GAP = " · "


class SweepKey(pg.GraphicsWidget):
    def __init__(self, text_colour: str) -> None:
        super().__init__()
        self._texts = StaticTexts()
        self._line = self._texts.metrics.lineSpacing() + 1
        self._entries: tuple[tuple[str, str], ...] = ()   # (colour, name)
        self._note = ""
        self._lines = -1
        self.text = ""   # the key in plain words: its accessible description, and for tests
        self.use_colour(text_colour)
        self.set_entries((), "")

    def use_colour(self, text_colour: str) -> None:
        self._pen = QPen(QColor(text_colour))
        self.update()

    def lines(self) -> int:
        return self._lines

    def set_entries(self, entries: tuple[tuple[str, str], ...], note: str) -> None:
        """``entries``: (colour, club name) in the order shown; ``note``: a last line, or ""."""
        if (entries, note) == (self._entries, self._note):
            return
        self._entries, self._note = entries, note
        pairs = [entries[i:i + 2] for i in range(0, len(entries), 2)]
        self.text = "\n".join(GAP.join(f"{DASH} {name}" for _, name in pair) for pair in pairs) + (
            f"\n{note}" if note else "")
        lines = len(pairs) + bool(note)
        if lines != self._lines:   # the layout hears only of a new height
            self._lines = lines
            height = lines * self._line + 4
            self.setMinimumHeight(height)
            self.setMaximumHeight(height)
            self.setPreferredHeight(height)
        self.update()

    def paint(self, p: QPainter, *args: object) -> None:
        box = self.boundingRect()
        y = box.top() + 2
        pairs = [self._entries[i:i + 2] for i in range(0, len(self._entries), 2)]
        for pair in pairs:
            pieces: list[tuple[str, QPen]] = []
            for k, (colour, name) in enumerate(pair):
                if k:
                    pieces.append((GAP, self._pen))
                pieces += [(DASH, QPen(QColor(colour))), (f" {name}", self._pen)]
            self._draw_line(p, box, y, pieces)
            y += self._line
        if self._note:
            self._draw_line(p, box, y, [(self._note, self._pen)])

    def _draw_line(self, p: QPainter, box: QRectF, y: float, pieces: list[tuple[str, QPen]]) -> None:
        laid = [(self._texts.laid_out(text), pen) for text, pen in pieces]
        x = box.center().x() - sum(width for (_, width), _ in laid) / 2
        p.setFont(self._texts.font)
        for (static, width), pen in laid:
            p.setPen(pen)
            p.drawStaticText(QPointF(x, y), static)
            x += width
