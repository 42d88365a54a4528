"""A wrapped label whose changing text does not re-lay out the tab around it.

``QLabel.setText`` calls ``updateGeometry``, which posts a layout request to the label's
parent: in the How sure tab that re-ran the whole tab's layout (tables, charts, word-wrapped
labels asked for their heights) two or three times per slider tick, for texts whose height had
not changed. Here the label sits alone in a holder with no layout: its geometry requests stop
at the holder. The holder's height grows when a longer text needs more lines (one layout,
rarely) and follows the width when the tab is resized; it never shrinks while the same clubs
are shown (``reset`` when they change), so a sentence one line shorter does not move the tab.
"""
from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class SteadyText(QWidget):
    def __init__(self, label: QLabel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = label
        label.setParent(self)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._longest = 0
        self._height = 0

    def set_text(self, text: str) -> None:
        """New text; measured (costly for long rich text) only when longer than any before."""
        if self.label.text() == text:
            return
        self.label.setText(text)
        if len(text) > self._longest:
            self._longest = len(text)
            self._fit(grow_only=True)

    def reset(self) -> None:
        """Another list of clubs: heights start afresh."""
        self._longest = len(self.label.text())
        self._fit(grow_only=False)

    def _fit(self, grow_only: bool) -> None:
        width = max(self.width(), 50)
        need = max(self.label.minimumHeight(), self.label.heightForWidth(width) if self.label.wordWrap()
                   else self.label.sizeHint().height())
        if need > self._height or (not grow_only and need != self._height):
            self._height = need
            self.updateGeometry()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(0, self._height)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(0, self._height)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.label.setGeometry(self.rect())
        if event.oldSize().width() != event.size().width():
            self._fit(grow_only=False)   # another width wraps the text onto another number of lines


def set_text_keeping_height(label: QLabel, text: str) -> None:
    """Set a label's text; inside a ``SteadyText`` without re-laying out what is around it."""
    holder = label.parentWidget()
    if isinstance(holder, SteadyText):
        holder.set_text(text)
    elif label.text() != text:
        label.setText(text)
