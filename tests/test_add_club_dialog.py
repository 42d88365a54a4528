"""The Add club dialog: each league file once, named as its file says, its clubs not yet on the list."""
from __future__ import annotations

from evaluator.session import Session
from conftest import BUNDLED_SCENARIO


def test_leagues_are_named_once_and_list_the_clubs_not_yet_chosen(qtbot):
    from ui.add_club_dialog import AddClubDialog
    session = Session.from_file(BUNDLED_SCENARIO, read_only=True)
    dialog = AddClubDialog(session)
    qtbot.addWidget(dialog)
    labels = [dialog.league.itemText(i) for i in range(dialog.league.count())]
    files = [lg.path.name for lg in session.leagues()]
    assert len(labels) == len(set(labels)) == len(files)
    assert "Italian Serie A 2025/26 — openfootball-it.1-2025-26.json" in labels
    csv = next(f for f in files if f.endswith(".csv"))
    assert csv in labels                              # a CSV names no league: its file name, once
    assert not any(label.startswith(csv[:-4] + " — ") for label in labels)
    dialog.league.setCurrentIndex(labels.index("Italian Serie A 2025/26 — openfootball-it.1-2025-26.json"))
    shown = {dialog.clubs.item(i).text() for i in range(dialog.clubs.count())}
    assert shown and not any("AS Roma" in text for text in shown)   # already a candidate
    assert len(shown) == 19                                         # the other teams of the league
