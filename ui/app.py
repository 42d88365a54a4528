"""Starting the Qt application around a session."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QWidget

from clubfit.paths import app_icon
from evaluator.session import Session


def has_real_font() -> bool:
    """Without a font Qt draws empty boxes silently; say so instead."""
    return bool(QFontDatabase.families())


def run_app(session: Session, quit_after_paint: bool = False, screenshot: Path | None = None,
            size: tuple[int, int] | None = None, template: Path | None = None, theme: str | None = None) -> int:
    """``theme``: "system", "light" or "dark" for this run only (screenshots); None: the View menu's choice."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("Club Fit")
    app.setOrganizationName("Club Fit")
    app.setDesktopFileName("clubfit")   # Wayland matches the window to clubfit.desktop by this
    app.setWindowIcon(QIcon(str(app_icon())))
    if not has_real_font():
        print("clubfit: no font found; install fonts-dejavu-core (text would show as boxes)", file=sys.stderr)
    from ui import settings, theme as themes
    themes.apply(theme or settings.theme(), remember=False)
    from ui.main_window import MainWindow   # after QApplication: pyqtgraph reads the app's palette
    window = MainWindow(session, template=template)
    if size is not None or screenshot is not None:   # asked for, or a reproducible picture
        window.resize(*(size or (1280, 800)))          # instead of the size remembered from the last run
    else:
        fit_to_screen(window)
    window.setWindowModified(False)
    window.show()
    if screenshot is not None:
        QTimer.singleShot(0, lambda: _save_and_quit(window, screenshot, app))
    elif quit_after_paint:
        # Used by tests and the cold-start benchmark: paint once, report, leave cleanly.
        QTimer.singleShot(0, window.grab)
        QTimer.singleShot(0, app.quit)
    return app.exec()


def _save_and_quit(window: QWidget, path: Path, app: QCoreApplication) -> None:
    if not window.grab().save(str(path)):
        print(f"clubfit: {path}: could not save the screenshot (check the folder exists and is writable)",
              file=sys.stderr)
        app.exit(2)   # bad input on the command line: status 2, like every other
        return
    app.quit()


FRAME_ROOM = (16, 48)   # px the window manager's borders and title bar add around the window


def fit_to_screen(window: QWidget) -> None:
    """A default or remembered size never runs off a smaller screen: on an 800-px-high screen
    the 800-px window had its status bar below the bottom edge (a new user's first launch)."""
    screen = window.screen()
    if screen is None:
        return
    room = screen.availableGeometry()
    width = min(window.width(), room.width() - FRAME_ROOM[0])
    height = min(window.height(), room.height() - FRAME_ROOM[1])
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)               # no smaller than the window's minimum (Qt keeps it)
        window.move(room.topLeft())
