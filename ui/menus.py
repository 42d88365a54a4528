"""The View and Help menus, built here so the main window only wires.

View: show or hide each panel, reset the layout, and the theme (system, light, dark; a desktop
preference kept in settings). Help: the user guide, the keyboard shortcuts, About.
"""
from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QSplitter, QTabWidget, QWidget

from ui import help_menu, settings, theme
from ui.tab_room import TabRoom


class Panels(Protocol):
    """What the View menu needs of the main window (a protocol: no import cycle)."""
    @property
    def side(self) -> QWidget: ...
    @property
    def scores(self) -> QWidget: ...
    @property
    def contributions(self) -> QWidget: ...
    @property
    def tabs(self) -> QTabWidget: ...
    @property
    def body_split(self) -> QSplitter: ...
    @property
    def charts_split(self) -> QSplitter: ...
    @property
    def room(self) -> TabRoom: ...

DEFAULT_SPLITS = {"body": [300, 980], "charts": [230, 260, 230]}
_THEME_TEXT = {"system": "&System", "light": "&Light", "dark": "&Dark"}


class ViewMenu(QObject):
    def __init__(self, window: QMainWindow, panels: Panels) -> None:
        super().__init__(window)
        self.window, self.panels = window, panels
        menu = self.menu = window.menuBar().addMenu("&View")
        self.panel_actions: list[QAction] = []
        for text, widget, key in (("&Case and weights", panels.side, "Ctrl+1"),
                                  ("Fit &score chart", panels.scores, "Ctrl+2"),
                                  ("C&ontribution chart", panels.contributions, "Ctrl+3"),
                                  ("&Tables", panels.tabs, "Ctrl+4")):
            action = QAction(text, window)
            action.setCheckable(True)
            action.setChecked(True)
            action.setShortcut(QKeySequence(key))
            action.toggled.connect(widget.setVisible)
            menu.addAction(action)
            self.panel_actions.append(action)
        menu.addSeparator()
        reset = menu.addAction("&Reset layout")
        reset.triggered.connect(self.reset_layout)
        menu.addSeparator()
        themes = menu.addMenu("T&heme")
        self.theme_group = QActionGroup(window)
        chosen = settings.theme()
        for choice in theme.CHOICES:
            action = themes.addAction(_THEME_TEXT[choice])
            action.setData(choice)
            action.setCheckable(True)
            action.setChecked(choice == chosen)
            self.theme_group.addAction(action)
        self.theme_group.triggered.connect(self._on_theme)
        menu.addSeparator()
        full = menu.addAction("&Full screen")
        full.setCheckable(True)
        full.setShortcut(QKeySequence(QKeySequence.StandardKey.FullScreen))
        full.toggled.connect(self._on_full_screen)

    def reset_layout(self) -> None:
        """Every panel shown, splitters at their first-run sizes."""
        for action in self.panel_actions:
            action.setChecked(True)
        self.panels.body_split.setSizes(DEFAULT_SPLITS["body"])
        self.panels.room.reset()

    def _on_theme(self, action: QAction) -> None:
        theme.apply(str(action.data()))

    def _on_full_screen(self, on: bool) -> None:
        if on:
            self.window.showFullScreen()
        else:
            self.window.showNormal()


class HelpMenu(QObject):
    def __init__(self, window: QWidget, menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        guide = QAction("&User guide", window)
        guide.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        guide.triggered.connect(self._on_guide)
        menu.addAction(guide)
        keys = menu.addAction("&Keyboard shortcuts")
        keys.triggered.connect(self._on_shortcuts)
        menu.addSeparator()
        about = menu.addAction("&About Club Fit")
        about.setMenuRole(QAction.MenuRole.AboutRole)
        about.triggered.connect(self._on_about)

    def _on_guide(self) -> None:
        help_menu.show_user_guide(self.window)

    def _on_shortcuts(self) -> None:
        help_menu.show_shortcuts(self.window)

    def _on_about(self) -> None:
        help_menu.show_about(self.window)
