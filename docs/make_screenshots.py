"""Render the user guide's screenshots (and, with --review, every size/theme to look at).

    QT_QPA_PLATFORM=offscreen python docs/make_screenshots.py            # docs/images/*.png
    QT_QPA_PLATFORM=offscreen python docs/make_screenshots.py --review /tmp/shots
    QT_SCALE_FACTOR=2 QT_QPA_PLATFORM=offscreen python docs/make_screenshots.py --review /tmp/shots2x

Runs the real window on the bundled case, offscreen, with a throwaway settings file, so the
pictures never depend on the last session on this machine. ``./dev.sh screenshots`` calls it.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication
    from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["CLUBFIT_SETTINGS"] = str(Path(tempfile.mkdtemp()) / "settings.ini")

# name, size, theme, tab: the guide's pictures, in the order it uses them
HOW_SURE = 4   # tabs: Ranking, Figures and sources, Profiles, Season, How sure
GUIDE = (("window", (1280, 800), "light", 0), ("figures", (1280, 800), "light", 1),
         ("how-sure", (1280, 800), "light", HOW_SURE), ("dark", (1280, 800), "dark", 0))
REVIEW_SIZES = ((800, 600), (1280, 800), (2560, 1440))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--review", type=Path, default=None, metavar="DIR",
                        help="instead of the guide's pictures, every size x theme x tab into DIR")
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication
    from clubfit.paths import bundled_scenario
    from evaluator.session import Session
    app = QApplication(sys.argv[:1])
    from ui import theme
    from ui.main_window import MainWindow   # noqa: F811 (also named for the type checker below)
    if args.review is None:
        out, shots = ROOT / "docs" / "images", GUIDE
    else:
        out = args.review
        shots = tuple((f"{w}x{h}-{t}-tab{tab}", (w, h), t, tab)
                      for (w, h) in REVIEW_SIZES for t in ("light", "dark") for tab in (0, HOW_SURE - 1, HOW_SURE))   # Ranking, Season, How sure
    out.mkdir(parents=True, exist_ok=True)
    for name, size, scheme, tab in shots:
        theme.apply(scheme, remember=False)
        window = MainWindow(Session.from_file(bundled_scenario()))
        window.resize(*size)
        window.show()
        window.tabs.setCurrentIndex(tab)
        _settle(app, window, tab == HOW_SURE)
        path = out / f"{name}.png"
        window.grab().save(str(path))
        print(path)
        if args.review is None and name == "window":   # the windows of issue 14's tools, on the same case
            for extra in _tools(app, window, out):
                print(extra)
        window.setWindowModified(False)
        window.close()
        window.deleteLater()
        app.processEvents()
    return 0


def _tools(app: "QApplication", window: "MainWindow", out: Path) -> list[Path]:
    """The Profiles tab with two profiles, the criteria editor and File > New case's clubs page."""
    from ui.criteria_dialog import show_criteria
    from ui.new_case_wizard import NewCaseWizard
    s = window.session
    s.set_weights({"standing": 70, "defence": 20, "age": 10})
    s.save_profile("Player: title race")
    s.set_weights({"standing": 20, "defence": 30, "age": 50})
    s.save_profile("Agent: playing time")
    window.tabs.setCurrentIndex(HOW_SURE - 2)
    _settle(app, window, False)
    shots = [out / "profiles.png", out / "criteria.png", out / "new-case.png"]
    window.grab().save(str(shots[0]))
    editor = show_criteria(window, s, window.signals)
    editor.list.setCurrentRow(2)   # the age criterion: its fixed scale and value function
    _settle(app, window, False)
    editor.grab().save(str(shots[1]))
    editor.close()
    wizard = NewCaseWizard(s, window)
    wizard.show()
    wizard.subject.name.setText("Kylian Example")
    wizard.next()
    _settle(app, window, False)
    wizard.grab().save(str(shots[2]))
    wizard.reject()
    window.history.stack.setClean()   # the profiles were only for the picture: closing must not ask
    return shots


def _settle(app: "QApplication", window: object, smaa: bool) -> None:
    """Let layouts finish and, on the How sure tab, SMAA's sample come back."""
    deadline = time.monotonic() + (10 if smaa else 0.3)
    while time.monotonic() < deadline:
        app.processEvents()
        if smaa and "samples" in getattr(window, "robustness").summary.text():   # SMAA is on screen
            smaa = False
            deadline = time.monotonic() + 0.6   # past the status bar's 300 ms rest before "done"
        time.sleep(0.02)


if __name__ == "__main__":
    sys.exit(main())
