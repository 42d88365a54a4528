"""Guard against PySide6 6.12.0 on Python 3.11 dropping a reference to None per void call.

That build aborts with "Fatal Python error: none_dealloc" after a few thousand slider moves;
pyproject.toml pins around it. If a future pin lets it back in, this fails first.
"""
from __future__ import annotations

import gc
import sys

from ui.main_window import MainWindow


def test_ten_thousand_slider_moves_keep_none_refcount_steady(qtbot, session):
    window = MainWindow(session)
    qtbot.addWidget(window)
    # The robustness tab builds Python results full of None fields on every move; the garbage
    # collector frees them in bursts, which is noise here, not the binding bug we guard against.
    window.signals.changed.disconnect(window.how_sure.show_result)
    slider = window.weights.rows[0].slider
    slider.setValue(1)
    gc.collect()
    before = sys.getrefcount(None)
    for i in range(10_000):
        slider.setValue(i % 101)
    gc.collect()
    after = sys.getrefcount(None)
    # A leak of one reference per void call would show as a drop of tens of thousands.
    assert abs(after - before) < 100, (before, after)
