"""Light, dark or the system's: the Qt palette, the chart scheme and the View menu's choice.

The choice is a desktop preference (``ui.settings``), not part of any document. Charts are
pyqtgraph scenes that do not follow the Qt palette, so a switch restyles them here: every
axis, title, legend and label whose colour belongs to the old scheme takes the new one's.
"""
from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from ui import palette, settings, themed
from ui.palette import DARK, LIGHT, Scheme
from ui.panels.bar_labels import BarLabels

CHOICES = ("system", "light", "dark")


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints is not None and hints.colorScheme() == Qt.ColorScheme.Dark


def resolve(choice: str) -> Scheme:
    if choice == "dark" or (choice == "system" and system_is_dark()):
        return DARK
    return LIGHT


def apply(choice: str, remember: bool = True) -> Scheme:
    """Switch the whole app to ``choice`` (one of CHOICES) and restyle every open chart."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    if choice not in CHOICES:
        choice = "system"
    old, new = palette.chart(), resolve(choice)
    palette.use(new)
    native = app.property("clubfit-native-style")
    if not native:
        native = app.style().name()
        app.setProperty("clubfit-native-style", native)
    if new is DARK and choice == "dark":
        app.setStyle("Fusion")   # the platform style may ignore a palette; Fusion always follows it
        app.setPalette(_dark_palette())
    else:   # light, or whatever the system is: the platform's own style and palette
        if app.style().name() != native:
            app.setStyle(str(native))
        app.setPalette(app.style().standardPalette())
    if remember:
        settings.set_theme(choice)
    _follow_system(app)
    widgets = app.allWidgets()
    themed.restyle(widgets, new)   # labels whose style sheets hold scheme colours
    for widget in widgets:
        if isinstance(widget, pg.GraphicsView):
            restyle(widget, old, new)
    return new


def _follow_system(app: QApplication) -> None:
    """With "system" chosen, a desktop switching between light and dark takes the app along."""
    hints = app.styleHints()
    if hints is not None and not app.property("clubfit-follows-system"):
        hints.colorSchemeChanged.connect(_on_system_scheme)
        app.setProperty("clubfit-follows-system", True)


def _on_system_scheme(scheme: Qt.ColorScheme) -> None:
    if settings.theme() == "system":
        apply("system", remember=False)


def restyle(view: QWidget, old: Scheme, new: Scheme) -> None:
    """Move one chart from ``old`` colours to ``new``; colours of data (bars, lines) stay."""
    assert isinstance(view, pg.GraphicsView)
    view.setBackground(new.background)
    own = getattr(view, "use_scheme", None)   # charts that draw some colours themselves
    if callable(own):
        own(new)
    swap = {QColor(getattr(old, f)).name(): getattr(new, f) for f in ("text", "muted")}
    for item in view.scene().items():
        if isinstance(item, pg.AxisItem):
            # A label in text colour (the value curves') stays in text colour; read before setPen,
            # which gives the label the pen's colour.
            label = QColor(item.labelStyle.get("color", old.muted)).name()
            item.setPen(pg.mkPen(new.muted))
            item.setTextPen(pg.mkPen(new.text))
            if item.labelText:
                item.setLabel(item.labelText, **{**item.labelStyle, "color": swap.get(label, new.muted)})
        elif isinstance(item, BarLabels):
            item.swap_colours(swap)
        elif isinstance(item, pg.TextItem):
            colour = item.color.name()
            if colour in swap:
                item.setColor(swap[colour])
        elif isinstance(item, pg.LabelItem):
            colour = item.opts.get("color")
            if colour is None or QColor(colour).name() in swap:
                item.setText(item.text, color=new.text)
        elif isinstance(item, pg.LegendItem):
            item.setLabelTextColor(new.text)
        elif isinstance(item, pg.InfiniteLine):   # e.g. the season chart's as-of line
            pen = pg.mkPen(item.pen)
            if pen.color().name() in swap:
                pen.setColor(QColor(swap[pen.color().name()]))
                item.setPen(pen)
        elif isinstance(item, pg.PlotDataItem):   # e.g. the score chart's range whiskers, in text colour
            pen = pg.mkPen(item.opts["pen"])
            if pen.color().name() in swap:
                item.setPen(pg.mkPen(swap[pen.color().name()], width=pen.widthF()))
        elif isinstance(item, pg.ScatterPlotItem):   # e.g. the value curves' club points, outlined in text colour
            pen = pg.mkPen(item.opts["pen"])
            if pen.color().name() in swap:
                item.setPen(pg.mkPen(swap[pen.color().name()], width=pen.widthF()))
        elif isinstance(item, pg.PlotCurveItem):
            if pg.mkPen(item.opts["pen"]).color().name() == QColor(old.grid).name():
                item.setPen(pg.mkPen(new.grid, width=1))
        elif isinstance(item, pg.BarGraphItem):
            pen = item.opts.get("pen")
            if pen is not None and pg.mkPen(pen).color().name() == QColor(old.separator).name():
                item.setOpts(pen=pg.mkPen(new.separator, width=pg.mkPen(pen).widthF()))


def _dark_palette() -> QPalette:
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2B2F36", QPalette.ColorRole.WindowText: "#E2E8F0",
        QPalette.ColorRole.Base: "#1E2228", QPalette.ColorRole.AlternateBase: "#262B32",
        QPalette.ColorRole.Text: "#E2E8F0", QPalette.ColorRole.Button: "#353B44",
        QPalette.ColorRole.ButtonText: "#E2E8F0", QPalette.ColorRole.Highlight: "#3182CE",
        QPalette.ColorRole.HighlightedText: "#FFFFFF", QPalette.ColorRole.ToolTipBase: "#2D3748",
        QPalette.ColorRole.ToolTipText: "#E2E8F0", QPalette.ColorRole.Link: "#90CDF4",
        QPalette.ColorRole.PlaceholderText: "#A0AEC0", QPalette.ColorRole.BrightText: "#FFFFFF",
        QPalette.ColorRole.Light: "#4A5568", QPalette.ColorRole.Midlight: "#3C434D",
        QPalette.ColorRole.Mid: "#2D3748", QPalette.ColorRole.Dark: "#171A1F", QPalette.ColorRole.Shadow: "#000000",
    }
    for role, colour in roles.items():
        p.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#718096"))
    return p
