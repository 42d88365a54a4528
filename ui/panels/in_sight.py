"""Whether part of a scrolling tab can be seen, and a signal when it may have come into sight.

The How sure tab is taller than the window: at 1280x800 what would swap the top two and the
rank-reversal warnings are below its fold. While they are out of sight, the tab neither
computes nor draws them on a slider move (about a fifth of a 3-club move); this tells it when
they come into sight (the tab scrolled, resized, or laid out anew), before they are painted:
Qt paints from the event queue, after the scroll bar's signal and the move and resize events
that announce it.
"""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from ui.until_shown import in_sight

_MAY_COME_INTO_SIGHT = (QEvent.Type.Show, QEvent.Type.Move, QEvent.Type.Resize)


class InSight(QObject):
    came_into_sight = Signal()

    def __init__(self, widgets: Sequence[QWidget], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.widgets = tuple(widgets)
        self._area: QAbstractScrollArea | None = None
        for widget in self.widgets:
            widget.installEventFilter(self)

    def now(self) -> bool:
        """Whether any of the widgets can be seen (always, in a window that is not shown)."""
        return any(in_sight(w) for w in self.widgets)

    def follow_scrolling(self) -> None:
        """Listen to the scroll area the widgets sit in (found once they are placed in one)."""
        area = self.widgets[0].parentWidget()
        while area is not None and not isinstance(area, QAbstractScrollArea):
            area = area.parentWidget()
        if area is None or area is self._area:
            return
        self._area = area
        area.verticalScrollBar().valueChanged.connect(self._check)
        area.horizontalScrollBar().valueChanged.connect(self._check)
        area.viewport().installEventFilter(self)      # a taller window shows more of the tab

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in _MAY_COME_INTO_SIGHT:
            self._check()
        return False

    def _check(self, *_: object) -> None:
        if self.now():
            self.came_into_sight.emit()
