"""Every value label of a bar chart as one item.

A ``pg.TextItem`` per label cost a ``QGraphicsTextItem`` relayout, a transform update and an
item move for each label on every slider tick (about 40 % of a tick's Python time at 3 clubs,
and the bulk of building a chart for the report). Here the labels are plain data: positions in
the chart's data coordinates, texts, anchors and colours, set in one call and painted in one
pass with cached ``QStaticText`` at screen size, whatever the chart's scale.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontInfo, QFontMetricsF, QPainter, QStaticText
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget
import pyqtgraph as pg

STATIC_CACHE = 512     # texts kept laid out; scores change on every tick, so the cache is bounded


@dataclass(frozen=True)
class Label:
    """One label: ``anchor`` 0 puts its left end at x, 0.5 its middle, 1 its right end; it is
    centred on y."""

    x: float
    y: float
    text: str
    colour: str
    anchor: float = 0.0


def label_font() -> QFont:
    """The application font at its pixel size: a pixel font scales with the chart when it is
    drawn into a PDF (a point size would be resolved again at the printer's resolution)."""
    font = QFont()
    font.setPixelSize(max(1, QFontInfo(font).pixelSize()))
    return font


class StaticTexts:
    """Texts laid out once in the label font, with their widths: scores change on every tick,
    so at most STATIC_CACHE are kept."""

    def __init__(self) -> None:
        self.font = label_font()
        self.metrics = QFontMetricsF(self.font)
        self._laid: dict[str, tuple[QStaticText, float]] = {}

    def laid_out(self, text: str) -> tuple[QStaticText, float]:
        hit = self._laid.get(text)
        if hit is None:
            if len(self._laid) >= STATIC_CACHE:
                self._laid.clear()
            static = QStaticText(text)
            static.setTextFormat(Qt.TextFormat.PlainText)
            static.prepare(font=self.font)
            hit = self._laid[text] = (static, self.metrics.horizontalAdvance(text))
        return hit


class BarLabels(pg.GraphicsObject):
    """The labels of one chart, added to its plot like any item (data coordinates)."""

    def __init__(self) -> None:
        super().__init__()
        self._labels: tuple[Label, ...] = ()
        self._texts = StaticTexts()

    def set_labels(self, labels: tuple[Label, ...]) -> None:
        if labels != self._labels:
            self._labels = labels
            self.update()

    def labels(self) -> tuple[Label, ...]:
        """What is drawn, for tests and the report."""
        return self._labels

    def texts(self) -> list[str]:
        return [label.text for label in self._labels]

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        # The labels sit anywhere in the view (text runs past its anchor point in screen pixels),
        # and the view's range is fixed: the whole view, which the view box clips to.
        vb = self.getViewBox()
        return QRectF(vb.viewRect()) if vb is not None else QRectF()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        if not self._labels:
            return
        to_scene = self.sceneTransform()
        inverse, invertible = to_scene.inverted()
        if not invertible:
            return
        # Draw in scene pixels (whatever scales the scene to the device, a PDF page included):
        # positions go through the data transform, the text itself does not.
        painter.setTransform(inverse * painter.transform())
        painter.setFont(self._texts.font)
        half = self._texts.metrics.height() / 2
        colour = ""
        for label in self._labels:
            static, width = self._texts.laid_out(label.text)
            at = to_scene.map(QPointF(label.x, label.y))
            if label.colour != colour:
                colour = label.colour
                painter.setPen(QColor(colour))
            painter.drawStaticText(QPointF(at.x() - label.anchor * width, at.y() - half), static)

    def swap_colours(self, swap: dict[str, str]) -> None:
        """A theme switch: labels in the old scheme's text colours take the new ones (the next
        update would too; this is for the screen until then)."""
        self.set_labels(tuple(replace(label, colour=swap.get(QColor(label.colour).name(), label.colour))
                              for label in self._labels))
