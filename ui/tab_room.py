"""The How sure tab needs height the Ranking and Figures tabs do not: the charts splitter keeps
one set of sizes for the roomy tab and another for the rest, switching when the tab does,
and remembers both between runs."""
from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QSplitter, QTabWidget, QWidget

from ui import settings

ROOMY_DEFAULT = [0, 0, 1]   # the charts fold away; dragging a handle brings them back


class TabRoom(QObject):
    def __init__(self, split: QSplitter, tabs: QTabWidget, roomy: QWidget, default: list[int]) -> None:
        super().__init__(split)
        self.split, self.tabs, self.roomy, self.default = split, tabs, roomy, default
        self.sizes = {False: _valid(settings.splitter_sizes(split.objectName()), split) or default,
                      True: _valid(settings.splitter_sizes(split.objectName() + "-roomy"), split) or ROOMY_DEFAULT}
        self.current = False
        split.setSizes(self.sizes[False])
        tabs.currentChanged.connect(self._on_tab)

    def _on_tab(self, index: int) -> None:
        roomy = self.tabs.widget(index) is self.roomy
        if roomy == self.current:
            return
        self.sizes[self.current] = self.split.sizes()
        self.current = roomy
        self.split.setSizes(self.sizes[roomy])

    def reset(self) -> None:
        self.sizes = {False: self.default, True: ROOMY_DEFAULT}
        self.split.setSizes(self.sizes[self.current])

    def save(self) -> None:
        self.sizes[self.current] = self.split.sizes()
        settings.save_splitter_sizes(self.split.objectName(), self.sizes[False])
        settings.save_splitter_sizes(self.split.objectName() + "-roomy", self.sizes[True])


def _valid(sizes: list[int], split: QSplitter) -> list[int]:
    return sizes if len(sizes) == split.count() and any(sizes) else []
