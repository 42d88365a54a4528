"""Weight sliders: one row per criterion (slider + spin box + share + direction + scale, and
the figure it scores when its column has alternatives, e.g. the age of defenders or of all).

Widgets write to the session; the session's result writes back to the widgets, with signals
blocked so the widget that caused a change is not set again (napari's pattern).
"""
from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QDoubleSpinBox, QGridLayout, QGroupBox, QLabel, QSlider, QWidget,
)

from evaluator.formatting import describe_scale
from evaluator.model import SLIDER_MAX, Criterion, Direction, Scale
from evaluator.session import Change
from evaluator.decision.scoring import Result
from evaluator.session import Session
from ui.palette import criterion_colour
from ui.text import esc, tip as plain_tip
from ui.themed import set_style

WEIGHT_MAX = int(SLIDER_MAX)   # the flip table's slider advice stays within this too
_DIRECTION_TEXT = {Direction.HIGHER: "Higher is better", Direction.LOWER: "Lower is better",
                   Direction.TARGET: "Closest to target"}
_SCALE_TEXT = {"reference": "Scale: all clubs of the leagues", "own": "Scale: these clubs' own range",
               "fixed": "Scale: fixed range"}
ROWS_PER_CRITERION = 6   # name; slider; direction; figure choice; scale choice and its range; flat note


class WeightRow:
    """The widgets of one criterion; bound-method slots, no lambdas (they leak on PySide)."""

    def __init__(self, session: Session, criterion: Criterion, index: int, grid: QGridLayout,
                 row: int, parent: "WeightsPanel") -> None:
        self.session, self.criterion_id = session, criterion.id
        self.fixed = parent.fixed_scales.get(criterion.id)   # a fixed range to switch back to
        colour = criterion_colour(index)
        self.label = QLabel(f"<span style='color:{colour}'>■</span> {esc(criterion.label)}", parent)
        self.slider = QSlider(Qt.Orientation.Horizontal, parent)
        self.slider.setRange(0, WEIGHT_MAX)
        self.slider.setPageStep(10)
        self.slider.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.slider.setAccessibleName(f"Weight of {criterion.label}")
        self.spin = QDoubleSpinBox(parent)
        self.spin.setRange(0, WEIGHT_MAX)
        self.spin.setDecimals(1)
        self.spin.setSingleStep(1)
        self.spin.setAccessibleName(f"Weight of {criterion.label} (number)")
        self.label.setBuddy(self.slider)
        self.share = QLabel(parent)
        # Fixed size: a new share on every slider tick then repaints the label alone (a label
        # that may change size re-lays out the whole weights panel on each setText).
        self.share.setFixedSize(max(42, self.share.fontMetrics().horizontalAdvance("100%") + 8),
                                self.share.sizeHint().height())
        self.share.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.direction = QComboBox(parent)
        for d in (Direction.HIGHER, Direction.LOWER):
            self.direction.addItem(_DIRECTION_TEXT[d], d.value)
        if criterion.direction is Direction.TARGET:
            self.direction.addItem(f"Closest to {criterion.target:g}", Direction.TARGET.value)
        self.direction.setAccessibleName(f"Direction of {criterion.label}")
        self.column = QComboBox(parent)     # only shown when the column has alternatives
        options = session.scenario.alternatives(criterion.id)
        for col in options:
            self.column.addItem(col.label, col.id)
        self.column.setCurrentIndex(max(0, self.column.findData(criterion.column)))
        self.column.setVisible(len(options) > 1)
        self.column.setAccessibleName(f"Figure scored by {criterion.label}")
        self.column.setToolTip("Which players' average age this criterion scores")
        self.scale_kind = QComboBox(parent)
        kinds = (["reference"] if criterion.column in session.scenario.references else []) + ["own"]
        if self.fixed is not None:
            kinds.append("fixed")
        for kind in kinds:
            self.scale_kind.addItem(_SCALE_TEXT[kind], kind)
        self.scale_kind.setCurrentIndex(max(0, self.scale_kind.findData(criterion.scale.mode)))
        self.scale_kind.setAccessibleName(f"Scale of {criterion.label}")
        self.scale_kind.setToolTip("What the 0-1 scale of this criterion spans. The clubs' own range "
                                   "exaggerates small gaps and changes when a club is added or removed.")
        self.scale = QLabel(parent)           # the scale in force, e.g. "scale 0.50–2.36 goals/match, ..."
        self.scale.setWordWrap(True)
        set_style(self.scale, "font-size:small; color:$muted;")   # muted; theme.apply restyles it
        self.flat = QLabel(parent)
        self.flat.setWordWrap(True)
        set_style(self.flat, "color:$warning_text;")
        self.flat.hide()
        tip = (f"{criterion.description}\n\n" if criterion.description else "") + (
            "Drag, or use the arrow and Page keys, to set how much this criterion matters. "
            "Weights are relative: each criterion's share is its weight over the sum.")
        for w in (self.label, self.slider, self.spin):
            w.setToolTip(plain_tip(tip))
        for w in (self.slider, self.spin):
            w.setAccessibleDescription(f"How much {criterion.label} matters, 0 to {WEIGHT_MAX}; weights are relative.")
        self.direction.setAccessibleDescription(f"Whether a higher or a lower figure is better for {criterion.label}")
        self.share.setAccessibleName(f"Share of {criterion.label}")
        self.share.setToolTip("Share of the total weight")
        self.direction.setToolTip("Flip whether more or less of this figure is better")
        grid.addWidget(self.label, row, 0, 1, 4)
        grid.addWidget(self.slider, row + 1, 0)
        grid.addWidget(self.spin, row + 1, 1)
        grid.addWidget(self.share, row + 1, 2)
        grid.addWidget(self.direction, row + 2, 0, 1, 3)
        grid.addWidget(self.column, row + 3, 0, 1, 3)
        grid.addWidget(self.scale_kind, row + 4, 0, 1, 3)
        grid.addWidget(self.scale, row + 5, 0, 1, 3)
        grid.addWidget(self.flat, row + 6, 0, 1, 3)
        self.slider.valueChanged.connect(self._on_slider)
        self.slider.sliderReleased.connect(parent.step_done)   # one drag is one undo step
        self.spin.editingFinished.connect(parent.step_done)
        self.spin.valueChanged.connect(self._on_spin)
        self.direction.currentIndexChanged.connect(self._on_direction)
        self.column.currentIndexChanged.connect(self._on_column)
        self.scale_kind.currentIndexChanged.connect(self._on_scale_kind)

    def _on_slider(self, value: int) -> None:
        self.session.set_weight(self.criterion_id, float(value))

    def _on_spin(self, value: float) -> None:
        self.session.set_weight(self.criterion_id, value)

    def _on_direction(self, index: int) -> None:
        self.session.set_direction(self.criterion_id, self.direction.itemData(index))

    def _on_column(self, index: int) -> None:
        self.session.set_column(self.criterion_id, self.column.itemData(index))

    def _on_scale_kind(self, index: int) -> None:
        self.session.set_scale(self.criterion_id, self.scale_for(self.scale_kind.itemData(index)))

    def scale_for(self, kind: str) -> Scale:
        return self.fixed if kind == "fixed" and self.fixed is not None else Scale(kind=kind)

    def show_result(self, result: Result, index: int, changes: Change = Change.ALL) -> None:
        raw = float(result.raw_weights[index])
        if self.spin.value() != raw:
            with QSignalBlocker(self.spin):
                self.spin.setValue(raw)
        if self.slider.value() != round(raw):
            with QSignalBlocker(self.slider):
                self.slider.setValue(round(min(raw, WEIGHT_MAX)))
        self.share.setText(f"{100 * result.weights[index]:.0f}%")
        if changes == Change.WEIGHTS:   # a slider tick: the direction, scale and flatness stay
            return
        crit = result.scenario.criteria[index]
        want = self.direction.findData(crit.direction.value)
        if want != self.direction.currentIndex():
            with QSignalBlocker(self.direction):
                self.direction.setCurrentIndex(want)
        p = result.prepared
        self.scale.setText(describe_scale(crit.scale, float(p.lo[index]), float(p.hi[index]),
                                          result.scenario.column(crit.column)))
        flat = bool(result.prepared.flat[index])
        self.flat.setVisible(flat)
        if flat:
            self.flat.setText("Cannot separate the clubs: all have the same value.")


class WeightsPanel(QGroupBox):
    step_done = Signal()
    """A gesture ended (slider released, number typed): the next weight change is a new undo step."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__("Weights", parent)
        self.session = session
        self._grid = QGridLayout(self)
        self._grid.setColumnStretch(0, 1)
        self._grid.setVerticalSpacing(4)
        self.rows: list[WeightRow] = []
        self.fixed_scales: dict[str, Scale] = {}   # criterion id -> its last fixed scale, to switch back
        self.show_result(session.result)

    def show_result(self, result: Result, changes: Change = Change.ALL) -> None:
        if changes & Change.CRITERIA:
            self._rebuild(result)
        for j, row in enumerate(self.rows):
            row.show_result(result, j, changes)

    def _rebuild(self, result: Result) -> None:
        # Only when the criteria themselves change (a new scenario), never per slider tick.
        while self._grid.count():
            item = self._grid.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.deleteLater()
        for c in result.scenario.criteria:
            if c.scale.mode == "fixed":
                self.fixed_scales[c.id] = c.scale
        step = ROWS_PER_CRITERION + 1
        self.rows = [WeightRow(self.session, c, j, self._grid, step * j, self)
                     for j, c in enumerate(result.scenario.criteria)]
        self._grid.setRowStretch(step * len(self.rows), 1)
