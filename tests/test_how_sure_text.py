"""The How sure tab's text: its tables follow every move, and its warning line switches between
a box and a plain line without re-styling (both were per-move costs, ui/panels/robustness_panel.py)."""
from __future__ import annotations

import numpy as np

from windows import shown_window


def test_tables_show_the_newest_analysis_after_every_move(qtbot, session):
    """The flip and stability tables skip rows that read as drawn (``FlipTable._fill``, ``_draw``):
    through a walk of weights that changes the top two, zeroes criteria (fewer flip rows) and
    brings them back, every cell and tooltip equals the newest analysis's own text."""
    from evaluator.report_robustness import flip_rows, stability_cells
    from ui.text import tip
    window = shown_window(qtbot, session, tab=-1)   # How sure, the last tab
    panel = window.robustness
    rng = np.random.default_rng(3)
    for step in range(40):
        row = window.weights.rows[int(rng.integers(len(window.weights.rows)))]
        row.slider.setValue(0 if step % 7 == 3 else int(rng.integers(0, 101)))
        rb = panel.latest                                  # drawn for the newest weights
        want = flip_rows(rb)
        assert panel.flips.rowCount() == len(want)
        for r, fr in enumerate(want):
            cells = (fr.criterion, fr.change, fr.needed, fr.outcome, fr.sentence)
            assert tuple(panel.flips.item(r, c).text() for c in range(5)) == cells
            assert all(panel.flips.item(r, c).toolTip() == tip(fr.sentence) for c in range(5))
        for r, st in enumerate(rb.stability):
            assert tuple(panel.stability.item(r, c).text() for c in range(4)) == \
                stability_cells(st, rb.result.scenario)


def test_warning_box_comes_and_goes_by_painting_not_restyling(qtbot):
    """The rank-reversal line is a box (light background, dark text) with warnings and a plain
    line without, switched without a new style sheet (a re-polish per switch was a move's tail)."""
    from PySide6.QtGui import QColor
    from ui.palette import WARNING_BG, WARNING_TEXT
    from ui.panels.warning_box import WarningBox
    box = WarningBox()
    qtbot.addWidget(box)
    box.resize(300, 60)
    sheet = box.styleSheet()
    box.setText(box.markup("⚠ Rank reversal: …", True))
    assert WARNING_TEXT.lower() in box.text().lower()
    inside = box.grab().toImage().pixelColor(6, box.height() - 6)   # inside the border, below the text
    assert inside == QColor(WARNING_BG)
    box.setText(box.markup("✓ No rank reversal", False))
    assert WARNING_TEXT.lower() not in box.text().lower()
    assert box.grab().toImage().pixelColor(6, box.height() - 6) != QColor(WARNING_BG)
    assert box.styleSheet() == sheet
