"""A main window shown on screen for a test (pytest-qt cleans it up)."""
from __future__ import annotations

from evaluator.session import Session
from ui.main_window import MainWindow


def shown_window(qtbot, session: Session, width: int = 1280, height: int = 800, tab: int | None = None) -> MainWindow:
    """``session`` in a shown, exposed window of this size, on tab ``tab`` (-1: the last, How sure)."""
    w = MainWindow(session)
    qtbot.addWidget(w)
    w.resize(width, height)
    if tab is not None:
        w.tabs.setCurrentIndex(tab % w.tabs.count())
    w.show()
    qtbot.waitExposed(w)
    return w
