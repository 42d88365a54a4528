"""A tab whose panel is built the first time it is shown.

The How sure panel pulls in the robustness maths and builds four plots; nobody sees it at
start-up, so building it then cost ~40 ms of the cold start. Until it is shown, this holder
only remembers the newest Result, like any hidden view.
"""
from __future__ import annotations

from typing import Callable, Generic, TypeVar

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from evaluator.session import Change
from evaluator.decision.scoring import Result

P = TypeVar("P", bound=QWidget)


class DeferredTab(QWidget, Generic[P]):
    def __init__(self, build: Callable[[Result], P], result: Result, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build = build
        self._result = result
        self._panel: P | None = None
        self._floor = 0
        self._box = QVBoxLayout(self)
        self._box.setContentsMargins(0, 0, 0, 0)

    @property
    def built(self) -> bool:
        return self._panel is not None

    def panel(self) -> P:
        """The panel, built now if it has not been yet."""
        if self._panel is None:
            self._floor = self.minimumHeight()   # what the page asked for (a scrolling tab: 1,200 px)
            self._panel = self._build(self._result)
            self._box.addWidget(self._panel)
            self._panel.installEventFilter(self)
            self._fit()
        return self._panel

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self._fit()
        return False

    def _fit(self) -> None:
        """At least as tall as the panel needs: a fixed minimum on a scrolling page squeezed
        its charts into each other once they asked for more (How sure at 100 clubs)."""
        assert self._panel is not None
        self.setMinimumHeight(max(self._floor, self._panel.minimumSizeHint().height()))

    def show_result(self, result: Result, changes: Change = Change.ALL) -> None:
        if self._panel is None:
            self._result = result      # nobody sees it yet; it is built from the newest result
        else:
            self._panel.show_result(result, changes)  # type: ignore[attr-defined]  # P is any panel with show_result

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        panel = self.panel()
        if not panel.isVisible():
            panel.show()   # a layout shows a new child only later, from the event queue: now, please
