"""Edit → Criteria…: shape the criteria in the window.

The list on the left adds (from the catalogue the data layer computes), renames in place,
removes and reorders criteria; the right side sets the selected criterion's direction (higher,
lower, or a target with a tolerance on each side) and scale (own range, a fixed range typed in,
or the league-wide reference range), beside a plot of its value function with each club marked.

The dialog holds no state of its own: every edit is a session method (one undo step in the main
window's Edit menu) and everything shown is redrawn when the session says it changed. A refused
edit shows its one-line message under the list and changes nothing.
"""
from __future__ import annotations

import math
from typing import Callable, TypeVar

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
    QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget,
)

from evaluator.decision.scoring import Result
from evaluator.errors import InputError
from evaluator.model import Criterion, Direction
from evaluator.session import Change, Session
from ui.palette import club_colour
from ui.panels.value_curve_chart import ValueCurveChart
from ui.session_signals import SessionSignals
from ui.text import esc
from ui.themed import set_style

DIRECTIONS = (("Higher is better", Direction.HIGHER), ("Lower is better", Direction.LOWER),
              ("Closest to a target", Direction.TARGET))
SCALES = (("Candidates' own range", "own"), ("Fixed range, typed in", "fixed"),
          ("League-wide reference range", "reference"))
NUMBER_LIMIT = 1e6   # spin boxes need bounds; far beyond any figure the catalogue computes


W = TypeVar("W", bound=QWidget)


def _named(widget: W, name: str, description: str) -> W:
    widget.setAccessibleName(name)
    widget.setAccessibleDescription(description)
    return widget


def _spin(name: str, description: str) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(-NUMBER_LIMIT, NUMBER_LIMIT)
    spin.setKeyboardTracking(False)   # one edit when typing is done, not one per keystroke
    _named(spin, name, description)
    return spin


class CriteriaDialog(QDialog):
    def __init__(self, session: Session, signals: SessionSignals, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.signals = session, signals
        self.setWindowTitle("Criteria")
        self.setObjectName("criteria-dialog")
        outer = QVBoxLayout(self)
        body = QHBoxLayout()
        outer.addLayout(body, 1)
        left = QWidget()
        left.setLayout(self._list_side())
        left.setFixedWidth(300)   # the list keeps its place whatever the selected criterion's texts
        body.addWidget(left)
        body.addWidget(self._function_side(), 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        set_style(self.message, "color: $error_text")
        _named(self.message, "Message", "Why the last edit was refused")
        outer.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        _named(close, "Close", "Close the criteria editor; every edit stays and can be undone from the Edit menu")
        buttons.rejected.connect(self.close)
        outer.addWidget(buttons)
        self._selected = session.scenario.criteria[0].id
        self._fill_catalogue()
        self.refresh()
        signals.changed.connect(self._on_changed)
        # Word-wrapped labels do not push the layout's minimum: below this the plot met the legend.
        self.setMinimumSize(860, 580)
        self.resize(900, 600)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.signals.changed.disconnect(self._on_changed)   # a closed editor listens no more
        super().closeEvent(event)

    # --- building ------------------------------------------------------------------------
    def _list_side(self) -> QVBoxLayout:
        box = QVBoxLayout()
        label = QLabel("&Criteria, in order (double-click a name to rename it):")
        label.setWordWrap(True)
        self.list = QListWidget()
        _named(self.list, "Criteria", "The criteria in order; double-click or press F2 to rename the selected one")
        label.setBuddy(self.list)
        box.addWidget(label)
        box.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.up = _named(QPushButton("Move &up"), "Move up", "Move the selected criterion one place up")
        self.down = _named(QPushButton("Move &down"), "Move down", "Move the selected criterion one place down")
        self.remove = _named(QPushButton("&Remove"), "Remove", "Remove the selected criterion and its weight")
        for b in (self.up, self.down, self.remove):
            row.addWidget(b)
        box.addLayout(row)
        add_label = QLabel("Add from the &catalogue:")
        self.catalogue = QComboBox()
        _named(self.catalogue, "Catalogue", "Every figure the data layer computes for a club, with its unit")
        add_label.setBuddy(self.catalogue)
        self.about_column = QLabel()
        self.about_column.setWordWrap(True)
        self.about_column.setTextFormat(Qt.TextFormat.PlainText)
        self.add = _named(QPushButton("&Add criterion"), "Add criterion",
                          "Add a criterion on the figure chosen in the catalogue")
        box.addWidget(add_label)
        box.addWidget(self.catalogue)
        box.addWidget(self.about_column)
        box.addWidget(self.add)
        self.list.currentRowChanged.connect(self._on_row)
        self.list.itemChanged.connect(self._on_renamed)
        self.up.clicked.connect(self._on_up)
        self.down.clicked.connect(self._on_down)
        self.remove.clicked.connect(self._on_remove)
        self.catalogue.currentIndexChanged.connect(self._on_catalogue_row)
        self.add.clicked.connect(self._on_add)
        return box

    def _function_side(self) -> QGroupBox:
        self.group = QGroupBox("Value function")
        form = QFormLayout()
        self.direction = QComboBox()
        _named(self.direction, "Direction", "Higher is better, lower is better, or closest to a target value")
        for text, d in DIRECTIONS:
            self.direction.addItem(text, d.value)
        self.target = _spin("Target", "The ideal value: it scores 1")
        self.tolerance = _spin("Tolerance", "How far either side of the target the value falls to 0")
        self.scale = QComboBox()
        _named(self.scale, "Scale", "The range the figure is scored on")
        for text, kind in SCALES:
            self.scale.addItem(text, kind)
        self.lo = _spin("Scale minimum", "The low end of a fixed scale")
        self.hi = _spin("Scale maximum", "The high end of a fixed scale")
        self.in_force = QLabel()
        self.in_force.setWordWrap(True)
        self.in_force.setTextFormat(Qt.TextFormat.PlainText)
        _named(self.in_force, "Scale in force", "The range used now and why")
        ends = QHBoxLayout()
        ends.addWidget(self.lo)
        ends.addWidget(QLabel("to"))
        ends.addWidget(self.hi)
        for text, widget in (("&Direction:", self.direction), ("&Target:", self.target),
                             ("T&olerance (±):", self.tolerance), ("&Scale:", self.scale)):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        range_label = QLabel("Fi&xed range:")
        range_label.setBuddy(self.lo)
        form.addRow(range_label, ends)
        form.addRow("In force:", self.in_force)
        self.plot = ValueCurveChart()
        _named(self.plot, "Value function plot", "The selected criterion's value, 0 to 1, against the figure; "
               "each club's figure is marked in its colour")
        self.plot.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        box = QVBoxLayout(self.group)
        box.addLayout(form)
        box.addWidget(self.plot, 1)
        box.addWidget(self.legend)
        self.direction.activated.connect(self._on_direction)
        self.target.valueChanged.connect(self._on_target)
        self.tolerance.valueChanged.connect(self._on_target)
        self.scale.activated.connect(self._on_scale)
        self.lo.valueChanged.connect(self._on_fixed_range)
        self.hi.valueChanged.connect(self._on_fixed_range)
        return self.group

    def _fill_catalogue(self) -> None:
        self.catalogue.clear()
        for col in self.session.catalogue():
            self.catalogue.addItem(f"{col.label} ({col.unit})" if col.unit else col.label, col.id)
            self.catalogue.setItemData(self.catalogue.count() - 1, col.description, Qt.ItemDataRole.ToolTipRole)
        self._on_catalogue_row(self.catalogue.currentIndex())

    # --- slots (one line each) -----------------------------------------------------------------
    def _on_changed(self, result: Result, changes: Change) -> None:
        self.refresh(fill_catalogue=bool(changes & (Change.DOCUMENT | Change.CASE)))

    def _on_row(self, row: int) -> None:
        self._select(row)

    def _on_renamed(self, item: QListWidgetItem) -> None:
        self._try(lambda: self.session.rename_criterion(item.data(Qt.ItemDataRole.UserRole), item.text()))

    def _on_up(self) -> None:
        self._try(lambda: self.session.move_criterion(self._selected, max(self.list.currentRow() - 1, 0)))

    def _on_down(self) -> None:
        self._try(lambda: self.session.move_criterion(self._selected, min(self.list.currentRow() + 1, self.list.count() - 1)))

    def _on_remove(self) -> None:
        self._try(lambda: self.session.remove_criterion(self._selected))

    def _on_catalogue_row(self, row: int) -> None:
        self.about_column.setText(str(self.catalogue.itemData(row, Qt.ItemDataRole.ToolTipRole) or ""))

    def _on_add(self) -> None:
        self._try(lambda: self._added(self.session.add_criterion(str(self.catalogue.currentData()))))

    def _on_direction(self, index: int) -> None:
        self._try(lambda: self._set_direction(Direction(self.direction.itemData(index))))

    def _on_target(self, value: float) -> None:
        self._try(lambda: self._set_direction(Direction.TARGET, self.target.value(), self.tolerance.value()))

    def _on_scale(self, index: int) -> None:
        self._try(lambda: self._set_scale(str(self.scale.itemData(index))))

    def _on_fixed_range(self, value: float) -> None:
        self._try(lambda: self.session.set_scale_kind(self._selected, "fixed", self.lo.value(), self.hi.value()))

    # --- edits ------------------------------------------------------------------------------------
    def _try(self, edit: Callable[[], object]) -> None:
        """Run one session edit; a refusal is shown here and the fields go back to the session's."""
        try:
            edit()
            self.message.clear()
        except InputError as e:
            self.message.setText(str(e))
            self.refresh()

    def _added(self, criterion_id: str) -> None:
        self._selected = criterion_id
        self.refresh()

    def _set_direction(self, d: Direction, target: float | None = None, tolerance: float | None = None) -> None:
        crit = self._criterion()
        if d is Direction.TARGET and target is None and crit.target is None:
            j = self._index()
            lo, hi = float(self.session.prepared.lo[j]), float(self.session.prepared.hi[j])
            target = (lo + hi) / 2 if not math.isnan(lo) else 0.0   # the middle of the scale in force
        self.session.set_direction(self._selected, d, target, tolerance)

    def _set_scale(self, kind: str) -> None:
        j = self._index()
        lo, hi = float(self.session.prepared.lo[j]), float(self.session.prepared.hi[j])
        if kind == "fixed":
            if not hi > lo:   # no range yet: one unit around what is known
                lo, hi = (0.0, 1.0) if math.isnan(lo) else (lo - 0.5, lo + 0.5)
            q = 10.0 ** self.lo.decimals()   # the range in force, widened to what the spin boxes show
            lo, hi = math.floor(lo * q) / q, math.ceil(hi * q) / q
        self.session.set_scale_kind(self._selected, kind, lo, hi)

    # --- drawing -----------------------------------------------------------------------------------
    def refresh(self, fill_catalogue: bool = False) -> None:
        """Everything shown, from the session as it is now."""
        if fill_catalogue:
            self._fill_catalogue()
        criteria = self.session.scenario.criteria
        ids = [c.id for c in criteria]
        if self._selected not in ids:
            self._selected = ids[0]
        with QSignalBlocker(self.list):
            self.list.clear()
            for c in criteria:
                item = QListWidgetItem(c.label)
                item.setData(Qt.ItemDataRole.UserRole, c.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
                self.list.addItem(item)
            self.list.setCurrentRow(ids.index(self._selected))
        self.remove.setEnabled(len(criteria) > 1)
        self.up.setEnabled(ids.index(self._selected) > 0)
        self.down.setEnabled(ids.index(self._selected) < len(ids) - 1)
        self._show_function()

    def _select(self, row: int) -> None:
        if 0 <= row < len(self.session.scenario.criteria):
            self._selected = self.session.scenario.criteria[row].id
            self.refresh()

    def _criterion(self) -> Criterion:
        return self.session.scenario.criterion(self._selected)

    def _index(self) -> int:
        return [c.id for c in self.session.scenario.criteria].index(self._selected)

    def _show_function(self) -> None:
        crit, j = self._criterion(), self._index()
        scenario, prepared = self.session.scenario, self.session.prepared
        col = scenario.column(crit.column)
        unit = crit.unit or col.unit
        decimals = max(col.decimals, 1)
        self.group.setTitle(f"Value function of {crit.label}")
        lo, hi = float(prepared.lo[j]), float(prepared.hi[j])
        target = crit.target if crit.target is not None else ((lo + hi) / 2 if not math.isnan(lo) else 0.0)
        tolerance = crit.tolerance
        shown_tol = tolerance if tolerance is not None else (
            max(target - lo, hi - target) if not math.isnan(lo) and hi > lo else 1.0)
        is_target = crit.direction is Direction.TARGET
        fixed = crit.scale.mode == "fixed"
        for widget, value, low, high in ((self.target, target, col.minimum, col.maximum),
                                         (self.tolerance, shown_tol, 10.0 ** -decimals, None),
                                         (self.lo, 0.0 if math.isnan(lo) else lo, None, None),
                                         (self.hi, 1.0 if math.isnan(hi) else hi, None, None)):
            with QSignalBlocker(widget):
                widget.setDecimals(decimals)
                widget.setRange(-NUMBER_LIMIT if low is None else low, NUMBER_LIMIT if high is None else high)
                widget.setSuffix(f" {unit}" if unit else "")
                widget.setValue(value)
        with QSignalBlocker(self.direction):
            self.direction.setCurrentIndex([d for _, d in DIRECTIONS].index(crit.direction))
        with QSignalBlocker(self.scale):
            self.scale.setCurrentIndex([k for _, k in SCALES].index(crit.scale.mode))
        reference = self.scale.model().item(2)   # type: ignore[attr-defined]  # a QStandardItemModel
        reference.setEnabled(crit.column in scenario.references)
        self.target.setEnabled(is_target)
        self.tolerance.setEnabled(is_target)
        self.lo.setEnabled(fixed)
        self.hi.setEnabled(fixed)
        self.in_force.setText(_in_force_text(crit, lo, hi, decimals, unit, tolerance is None and is_target))
        self.plot.show_curve(self.session.value_function(crit.id), crit, f"{col.label}{f' ({unit})' if unit else ''}")
        self.legend.setText(_legend_html(self.session, j))


def _in_force_text(crit: Criterion, lo: float, hi: float, decimals: int, unit: str, no_tolerance: bool) -> str:
    u = f" {unit}" if unit else ""
    if math.isnan(lo):
        span = "no club has this figure yet"
    else:
        span = f"{lo:.{decimals}f} to {hi:.{decimals}f}{u}"
    mode = crit.scale.mode
    if mode == "reference" and crit.scale.fixed:
        text = f"{span}: the range across {crit.scale.reason}."
    elif mode == "reference":
        text = f"{span}: no league-wide range is known here, so the candidates' own range is used."
    elif mode == "fixed":
        text = f"{span}" + (f" ({crit.scale.reason})." if crit.scale.reason else ".")
    elif crit.direction is Direction.TARGET:
        text = f"{span}: the candidates' own range."
    else:
        text = f"{span}: the candidates' own range (the best club gets 1, the worst 0)."
    if crit.direction is Direction.TARGET and no_tolerance:
        text += (" No tolerance is set (a file written before tolerances): the nearest club scores 1 and the "
                 "farthest 0; change the target or tolerance to set one.")
    elif crit.direction is Direction.TARGET:
        text += " With a target the scale only frames the plot: the value depends on the tolerance."
    return text


def _legend_html(session: Session, j: int) -> str:
    s, p = session.scenario, session.prepared
    col = s.column(s.criteria[j].column)
    parts = []
    for i, club in enumerate(s.clubs):
        v = p.values[i, j]
        figure = "missing" if math.isnan(v) else f"{v:.{col.decimals}f} → {p.utilities[i, j]:.2f}"
        entry = f"{club.name}: {figure}"   # one entry never breaks across lines
        parts.append(f"<span style='color:{club_colour(i)}'>●</span>&nbsp;{esc(entry).replace(' ', '&nbsp;')}")
    return " &nbsp; ".join(parts)


def show_criteria(window: QWidget, session: Session, signals: SessionSignals) -> CriteriaDialog:
    """The window's criteria editor: the open one raised, or a new one (parented to the window)."""
    dialog = window.findChild(CriteriaDialog)
    if dialog is None or dialog.session is not session:
        dialog = CriteriaDialog(session, signals, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if dialog.isVisible():
        dialog.activateWindow()   # already open: bring it to the front
    dialog.show()
    return dialog
