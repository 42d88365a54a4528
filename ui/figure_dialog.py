"""Enter a figure by hand: a value, its source (required) and the date it was true.

What is typed is read on OK (evaluator.figure_entry): anything that is not a number in the
column's range is refused with one line on the dialog, which stays open. A key validator is not
used: it dropped keys silently ("-5" became "5") and let OK pass the old value on.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget,
)

from evaluator.errors import InputError
from evaluator.figure_entry import describe_range, read_value
from evaluator.formatting import format_date, format_figure
from evaluator.model import Column, Figure, FigureStatus
from ui.dialogs import problem_label
from ui.text import esc

# Width of the source field in average characters: "club website, 2025-11-28" or a match file's
# name such as "openfootball-de.1-2025-26.json" fits whole.
SOURCE_CHARS = 44
WIDEST = 760          # px: a very long club or column name wraps in the text rather than widening more
TITLE_FRAME = 140     # px the window frame's icon and buttons take beside the title
MESSAGE_CHARS = 90    # average characters of a message line: "<label>: -5 is too low; allowed: ..."


@dataclass(frozen=True)
class FigureEntry:
    value: float | None       # None clears the figure back to missing
    source: str
    as_of: date


def current_text(fig: Figure, column: Column) -> str:
    """What the dialog says about the figure before any edit (plain text)."""
    if fig.value is None:
        return f"Now missing: {fig.note or 'no source found'}."
    value = format_figure(fig, column, with_unit=True)
    if fig.status is FigureStatus.USER:
        given = f"source given: {fig.source}" if fig.source.strip() else "no source given"
        return f"Now {value}, entered by the user ({given}), as of {format_date(fig.as_of)}."
    return f"Now {value} from {fig.source or 'an unnamed source'}, as of {format_date(fig.as_of)}."


def value_text(fig: Figure, column: Column) -> str:
    """The value as the field starts: as the table shows it when that is the exact value, else
    every digit (1.3636363636363635), so what OK stores is always what the field says."""
    if fig.value is None:
        return ""
    shown = format_figure(fig, column)
    return shown if float(shown) == fig.value else repr(fig.value)


class FigureDialog(QDialog):
    def __init__(self, club_name: str, column: Column, current: Figure, default_date: date | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.column, self.current = column, current
        self.entered: FigureEntry | None = None    # set by an accepted OK that changed something
        self.setWindowTitle(f"{column.label}: {club_name}")
        form = QFormLayout(self)
        intro = QLabel(f"Enter <b>{esc(column.label)}</b> for <b>{esc(club_name)}</b> "
                       f"({esc(describe_range(column))}) and where it comes from. "
                       "Leave the value empty to mark the figure as missing.")
        intro.setWordWrap(True)
        form.addRow(intro)
        now = QLabel(current_text(current, column))
        now.setTextFormat(Qt.TextFormat.PlainText)   # a source is the user's or a file's text
        now.setWordWrap(True)
        now.setAccessibleName("Current figure")
        form.addRow(now)
        self._value_text = value_text(current, column)
        self.value = QLineEdit(self._value_text)
        self.value.setAccessibleName("Value")
        self.value.setPlaceholderText("empty: missing")
        self.value.selectAll()                      # typing replaces the old value
        # A file's source describes the file's figure, not one typed over it: only a figure the
        # user entered starts with its source filled in.
        self._source_text = current.source if current.status is FigureStatus.USER else ""
        self.source = QLineEdit(self._source_text)
        self.source.setAccessibleName("Source")
        self.source.setPlaceholderText("e.g. club website, 2025-11-28")
        self.source.setMinimumWidth(self.fontMetrics().averageCharWidth() * SOURCE_CHARS)
        self.source.textChanged.connect(self.source.setToolTip)   # the whole text when it is wider
        self.source.setToolTip(self._source_text)
        self.as_of = QDateEdit()
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        day = current.as_of or default_date or date.today()
        self.as_of.setDate(QDate(day.year, day.month, day.day))
        self._day = self.as_of.date()
        form.addRow("&Value:", self.value)
        form.addRow("&Source:", self.source)
        form.addRow("&As of:", self.as_of)
        self.problem = problem_label()
        form.addRow(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        # Wide enough for the title in the window frame (it was cut to "Goals ... kusen").
        # A range refusal fits on one line too (MESSAGE_CHARS).
        title = self.fontMetrics().horizontalAdvance(self.windowTitle()) + TITLE_FRAME
        message = self.fontMetrics().averageCharWidth() * MESSAGE_CHARS
        self.setMinimumWidth(min(max(title, message, self.sizeHint().width()), WIDEST))

    def unchanged(self) -> bool:
        return (self.value.text().strip() == self._value_text and self.source.text().strip() ==
                self._source_text.strip() and self.as_of.date() == self._day)

    def accept(self) -> None:
        """OK or Enter: store what was typed, refuse it with a message, or close on no change."""
        if self.unchanged():                        # a sourced figure stays sourced
            self.entered = None
            super().accept()
            return
        try:
            value = read_value(self.value.text(), self.column)
        except InputError as e:
            self._refuse(str(e), self.value)
            return
        source = self.source.text().strip()
        if value is not None and not source:
            self._refuse("Source: say where this figure comes from; a figure is never stored without "
                         "its source", self.source)
            return
        q = self.as_of.date()
        self.entered = FigureEntry(value, source, date(q.year(), q.month(), q.day()))
        super().accept()

    def _refuse(self, message: str, field: QLineEdit) -> None:
        self.problem.setText(message)
        field.setFocus()
        field.selectAll()


def ask_figure(parent: QWidget | None, club_name: str, column: Column, current: Figure,
               default_date: date | None) -> FigureEntry | None:
    """What the user entered, or None on Cancel or when OK changed nothing."""
    dialog = FigureDialog(club_name, column, current, default_date, parent)
    try:
        return dialog.entered if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
