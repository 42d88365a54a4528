"""What the Help menu shows: the user guide, the keyboard shortcuts and About (version and
the licences of the code, the libraries and every shipped data file)."""
from __future__ import annotations

import html
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

import clubfit
from clubfit.paths import resources, user_guide
from ui import dialogs

CODE_LICENCE = "Proprietary (all rights reserved by the Club Fit authors)"
LIBRARIES = (("Qt for Python (PySide6)", "LGPL-3.0"), ("pyqtgraph", "MIT"), ("NumPy", "BSD-3-Clause"))
# Shipped data, by file-name prefix (resources/data/PROVENANCE.md has the whole story).
DATA_LICENCES = (
    ("matches/openfootball-", "CC0-1.0 — openfootball/football.json"),
    ("matches/datahub-", "ODC-PDDL-1.0 — datasets/football-datasets (datahub.io)"),
    ("squads/", "facts assembled by hand for Club Fit, each row naming its sources; same terms as the code"),
    ("team_aliases.csv", "written for Club Fit; same terms as the code"),
    ("cases/", "written for Club Fit; same terms as the code"),
)


def data_licences() -> list[tuple[str, str]]:
    """(file, licence) for every shipped data and case file; unknown files say where to look."""
    root = resources()
    rows = []
    for folder in ("data", "cases"):
        for path in sorted((root / folder).rglob("*")):
            if not path.is_file() or path.name in ("PROVENANCE.md", "SHA256SUMS"):
                continue
            rel = path.relative_to(root / "data").as_posix() if folder == "data" else f"cases/{path.name}"
            licence = next((text for prefix, text in DATA_LICENCES if rel.startswith(prefix)),
                           "see resources/data/PROVENANCE.md")
            rows.append((rel, licence))
    return rows


def about_html() -> str:
    e = html.escape
    data = "".join(f"<tr><td>{e(f)}</td><td>{e(lic)}</td></tr>" for f, lic in data_licences())
    libs = "".join(f"<tr><td>{e(n)}</td><td>{e(lic)}</td></tr>" for n, lic in LIBRARIES)
    return (f"<h2>Club Fit {e(clubfit.__version__)}</h2>"
            "<p>Which club fits a player best: scores from league results and squad lists, weighted "
            "by what matters to you, with how sure each ranking is.</p>"
            f"<h3>Code</h3><p>{e(CODE_LICENCE)}</p>"
            f"<h3>Libraries</h3><table cellpadding='2'>{libs}</table>"
            f"<h3>Data files shipped with the app</h3><table cellpadding='2'>{data}</table>"
            "<p>Where each file comes from, with commits and checksums: resources/data/PROVENANCE.md.</p>")


def shortcuts_html(menus: list[QMenu]) -> str:
    """Every menu action that has a shortcut, read from the menus themselves so it never goes stale."""
    e = html.escape
    rows = []
    for menu in menus:
        for action in _actions(menu):
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            if keys:
                rows.append(f"<tr><td>{e(menu.title().replace('&', ''))}</td>"
                            f"<td>{e(action.text().replace('&', ''))}</td><td><b>{e(keys)}</b></td></tr>")
    rows += [f"<tr><td>Anywhere</td><td>{e(what)}</td><td><b>{e(keys)}</b></td></tr>" for what, keys in (
        ("Next / previous control", "Tab / Shift+Tab"),
        ("Move a weight slider", "Arrow keys, Page Up / Page Down"),
        ("Remove the selected club (in a table)", "Delete"),
        ("Open a club's detail (in the ranking)", "Enter or double-click"),
        ("Go to a labelled control", "Alt + underlined letter"))]
    return ("<h2>Keyboard shortcuts</h2><table cellpadding='3'>"
            "<tr><th align='left'>Menu</th><th align='left'>Command</th><th align='left'>Keys</th></tr>"
            + "".join(rows) + "</table>")


def _actions(menu: QMenu) -> list[QAction]:
    out = []
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            out += _actions(sub)
        elif not action.isSeparator():
            out.append(action)
    return out


def show_user_guide(parent: QWidget) -> None:
    guide = user_guide()
    if guide is None:
        dialogs.show_error(parent, "User guide", "The user guide (docs/user-guide.md) is not installed with this copy.")
        return
    dialogs.show_document(parent, "Club Fit user guide", guide.read_text(encoding="utf-8"), guide.parent,
                          markdown=True)


def show_shortcuts(parent: QWidget) -> None:
    dialogs.show_document(parent, "Keyboard shortcuts", shortcuts_html(_top_menus(parent)), None)


def show_about(parent: QWidget) -> None:
    dialogs.show_document(parent, "About Club Fit", about_html(), None)


def _top_menus(parent: QWidget) -> list[QMenu]:
    if not isinstance(parent, QMainWindow):
        return []
    return [m for a in parent.menuBar().actions() if isinstance(m := a.menu(), QMenu)]
