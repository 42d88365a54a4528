"""A finished desktop app: menus, themes, colours, the keyboard and screen readers."""
from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractSlider, QAbstractSpinBox, QAbstractItemView, QApplication, QComboBox, QTabBar,
    QWidget,
)

from ui import palette
from ui.main_window import MainWindow

INTERACTIVE = (QAbstractSlider, QAbstractSpinBox, QComboBox, QAbstractItemView, QAbstractButton)


@pytest.fixture
def window(qtbot):
    from clubfit.paths import bundled_scenario
    from evaluator.session import Session
    w = MainWindow(Session.from_file(bundled_scenario()))   # with its case: every control enabled
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    return w


def _text(widget: QWidget, kind: QAccessible.Text) -> str:
    """What a screen reader says for ``widget`` (for a tab bar: for its current tab)."""
    iface = QAccessible.queryAccessibleInterface(widget)
    if iface is not None and isinstance(widget, QTabBar):
        iface = iface.child(widget.currentIndex())
    return iface.text(kind) if iface is not None else ""


def _tab_chain(window: QWidget, start: QWidget, limit: int = 200) -> list[QWidget]:
    """The widgets Tab visits from ``start`` until it comes round to one it has visited."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    seen = [start]
    for _ in range(limit):
        QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        assert now is not None
        if now is seen[-1]:
            continue              # a date box takes Tab through its day, month and year first
        if now in seen:
            return seen[seen.index(now):]
        seen.append(now)
    raise AssertionError(f"Tab never came round: {[type(w).__name__ for w in seen]}")


def test_tab_walks_every_control_and_comes_back_and_each_has_a_name_and_description(window):
    chain = _tab_chain(window, window.weights.rows[0].slider)
    assert window.side in chain and window.tabs.tabBar() in chain
    assert window.case.as_of in chain and window.case.add_club in chain
    tables = [w for w in chain if isinstance(w, QAbstractItemView)]
    assert window.ranking in chain and window.scores in chain and window.contributions in chain
    assert all(table.tabKeyNavigation() is False for table in tables), "Tab would cycle through the cells"
    for row in window.weights.rows:
        assert row.slider in chain and row.spin in chain and row.direction in chain
    missing = []
    for widget in chain:
        name = _text(widget, QAccessible.Text.Name)
        if not name or "&" in name or not _text(widget, QAccessible.Text.Description):
            missing.append(f"{type(widget).__name__} {name!r}")
    assert not missing, missing


def test_every_interactive_widget_has_a_name(window):
    window.tabs.setCurrentIndex(2)   # the How sure panel is built when first shown
    QApplication.processEvents()
    for widget in window.findChildren(QWidget):
        if isinstance(widget, INTERACTIVE) and widget.isVisible() and widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
            assert _text(widget, QAccessible.Text.Name), f"{widget!r} has no accessible name"


def test_menus_have_view_and_help_and_mnemonics_show_no_ampersand(window):
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&View", "&Help"]
    help_texts = [a.text() for a in window.menuBar().actions()[3].menu().actions() if a.text()]
    assert help_texts == ["&User guide", "&Keyboard shortcuts", "&About Club Fit"]


def test_help_about_names_version_and_every_data_licence(window, monkeypatch):
    from clubfit import __version__
    from ui import dialogs, help_menu
    shown = []
    monkeypatch.setattr(dialogs, "show_document", lambda parent, title, text, base, markdown=False:
                        shown.append((title, text)))
    help_menu.show_about(window)
    help_menu.show_shortcuts(window)
    help_menu.show_user_guide(window)
    (about, keys, guide) = shown
    assert __version__ in about[1] and "CC0-1.0" in about[1] and "ODC-PDDL-1.0" in about[1]
    assert all(licence != "see resources/data/PROVENANCE.md" for _, licence in help_menu.data_licences())
    assert "Ctrl+Z" in keys[1] and "Export fit report" in keys[1]
    assert guide[0] == "Club Fit user guide" and "# " in guide[1]


def test_view_menu_hides_panels_and_reset_brings_them_back(window):
    first = window.view_menu.panel_actions[1]
    first.setChecked(False)
    assert not window.scores.isVisible()
    window.view_menu.reset_layout()
    assert window.scores.isVisible()


def test_status_bar_says_how_fresh_the_data_is(window):
    assert window.freshness.text() == "Results up to 2026-03-09 in 3 league files"


def test_charts_list_clubs_in_rank_order(window):
    session = window.session
    names = [c.name for c in session.scenario.clubs]
    ranked = [names[i] for i in session.result.order]
    assert window.scores.bar_order() == ranked
    assert names != ranked   # the bundled case's file order is not its ranking: the test means something
    ys = np.asarray(window.contributions.segments[0].opts["y"])
    assert [names[i] for i in np.argsort(-ys, kind="stable")] == ranked


def test_theme_switch_restyles_the_charts_and_is_remembered(window):
    from ui import settings, theme
    try:
        theme.apply("dark")
        assert settings.theme() == "dark"
        assert window.scores.backgroundBrush().color().name() == palette.DARK.background.lower()
        assert window.scores.plot.getAxis("bottom").textPen().color().name() == palette.DARK.text.lower()
    finally:
        theme.apply("light")
    assert window.scores.backgroundBrush().color().name() == palette.LIGHT.background.lower()


def test_theme_switch_restyles_the_score_whiskers_and_the_sweep_plots(window):
    from ui import theme
    window.tabs.setCurrentIndex(window.tabs.count() - 1)   # How sure: its sweep plots are built
    sweep = window.robustness.sweeps.items[0]
    from evaluator.decision.smaa import smaa
    chart = window.robustness.acceptability          # its bars, as an SMAA answer makes them
    chart.show_smaa(window.session.result, smaa(window.session.result, 200))
    ranks = chart.segments
    assert ranks
    window.tabs.setCurrentWidget(window.season)             # Season: its as-of line
    as_of = window.season.panel().chart.as_of_line
    try:
        theme.apply("dark")
        assert as_of.pen.color().name() == palette.DARK.muted.lower()
        assert pg_pen_colour(window.scores.ranges) == palette.DARK.text.lower()
        assert sweep.marker_pen.color().name() == palette.DARK.muted.lower()
        assert sweep.dot_brush.color().name() == palette.DARK.crossing.lower()
        assert [b.opts["brush"] for b in ranks] == list(palette.DARK.ranks[:len(ranks)])
    finally:
        theme.apply("light")
    assert [b.opts["brush"] for b in ranks] == list(palette.LIGHT.ranks[:len(ranks)])
    assert pg_pen_colour(window.scores.ranges) == palette.LIGHT.text.lower()
    assert sweep.marker_pen.color().name() == palette.LIGHT.muted.lower()


def _contrast_on_screen(window: QWidget, widget: QWidget, tinted: bool = False) -> float:
    """How ``widget``'s text stands out where it is drawn: the contrast between the commonest
    colour of its area (its background) and its most distinct pixel (``tinted``: of the
    coloured pixels only, i.e. a link). Anti-aliasing only lowers it: the best pixel is the ink."""
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtGui import QImage
    image = window.grab(QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())).toImage()
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    colours, counts = np.unique(rows[:, :3 * image.width()].reshape(-1, 3), axis=0, return_counts=True)
    hex_of = lambda c: "#%02X%02X%02X" % tuple(int(v) for v in c)   # noqa: E731
    background = hex_of(colours[counts.argmax()])
    if tinted:
        colours = colours[colours.max(axis=1).astype(int) - colours.min(axis=1) > 60]
    assert len(colours), "nothing drawn"
    return max(palette.contrast(hex_of(c), background) for c in colours)


def test_captions_and_links_follow_a_theme_switch_both_ways(window, qtbot):
    """Light -> dark -> light: the weights' scale captions and the sources' "details…" link keep
    reading on the new background (they kept the old theme's colour: 1.3:1 and 1.5:1)."""
    from ui import settings, theme
    captions = [row.scale for row in window.weights.rows]
    before = settings.theme()
    try:
        for name, scheme in (("light", palette.LIGHT), ("dark", palette.DARK), ("light", palette.LIGHT)):
            theme.apply(name, remember=False)
            qtbot.wait(10)   # the palette reaches the widgets as posted events
            for caption in captions:
                assert _contrast_on_screen(window, caption) >= 3, (name, caption.text())
            assert _contrast_on_screen(window, window.case.checks, tinted=True) >= 3, name
            # No style sheet keeps a colour of the other theme's scheme.
            other = palette.DARK if scheme is palette.LIGHT else palette.LIGHT
            stale = {getattr(other, f).lower() for f in ("text", "muted", "warning_text", "error_text")}
            for widget in QApplication.allWidgets():
                sheet = widget.styleSheet().lower()
                assert not any(c in sheet for c in stale), (name, type(widget).__name__, sheet)
    finally:
        theme.apply(before, remember=False)


def test_the_criteria_editors_value_curve_follows_a_theme_switch(window, qtbot):
    from ui import settings, theme
    from ui.criteria_dialog import show_criteria
    plot = show_criteria(window, window.session, window.signals).plot.plot
    before = settings.theme()
    try:
        theme.apply("dark", remember=False)
        for scheme in (palette.DARK, palette.LIGHT):
            text = scheme.text.lower()
            assert pg_pen_colour(plot.clubs) == text and pg_pen_colour(plot.curve) == text
            assert plot.getAxis("left").labelStyle["color"].lower() == text   # "value", in text colour
            assert plot.target_line.pen.color().name() == scheme.muted.lower()
            theme.apply("light", remember=False)
    finally:
        theme.apply(before, remember=False)


def pg_pen_colour(item) -> str:
    import pyqtgraph as pg
    return pg.mkPen(item.opts["pen"]).color().name()


@pytest.mark.parametrize("scheme", [palette.LIGHT, palette.DARK], ids=lambda s: s.name)
def test_text_on_bars_and_on_the_chart_meets_wcag_aa(scheme):
    for colour in palette.CRITERION_COLOURS + palette.CLUB_COLOURS + scheme.ranks:
        assert palette.contrast(palette.text_on(colour), colour) >= 4.5, colour
    assert palette.contrast(scheme.text, scheme.background) >= 4.5
    assert palette.contrast(scheme.muted, scheme.background) >= 4.5
    assert palette.contrast(scheme.warning_text, scheme.background) >= 4.5
    assert palette.contrast(palette.WARNING_LINK, palette.WARNING_BG) >= 4.5   # "show all", either theme


def test_dark_theme_rank_shades_stand_out_from_its_background():
    """WCAG's 3:1 for graphics; #1A4971, rank 1 on the light theme, was 1.9:1 on the dark one."""
    assert all(palette.contrast(c, palette.DARK.background) >= 3 for c in palette.DARK.ranks)
    assert len(palette.DARK.ranks) == len(palette.LIGHT.ranks)


def test_club_colours_are_not_criterion_colours():
    assert not set(palette.CLUB_COLOURS) & set(palette.CRITERION_COLOURS)


def test_the_window_can_be_made_small(window):
    """800 x 600 is a supported size; the panels' minimums leave room below it."""
    hint = window.minimumSizeHint()
    assert hint.width() <= 640 and hint.height() <= 480, hint
