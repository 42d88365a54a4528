"""Enter a figure by hand: a value, its source (required) and the date it was true."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import (
    QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget,
)

from evaluator.model import Column, Figure
from ui.text import esc


@dataclass(frozen=True)
class FigureEntry:
    value: float | None       # None clears the figure back to missing
    source: str
    as_of: date


class FigureDialog(QDialog):
    def __init__(self, club_name: str, column: Column, current: Figure, default_date: date | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"{column.label}: {club_name}")
        form = QFormLayout(self)
        intro = QLabel(f"Enter <b>{esc(column.label)}</b> for <b>{esc(club_name)}</b>"
                       f"{' in ' + column.unit if column.unit else ''}, and where it comes from. "
                       "Leave the value empty to mark the figure as missing.")
        intro.setWordWrap(True)
        form.addRow(intro)
        self.value = QLineEdit("" if current.value is None else f"{current.value:g}")
        validator = QDoubleValidator(self)
        validator.setNotation(QDoubleValidator.Notation.StandardNotation)
        if column.minimum is not None:
            validator.setBottom(column.minimum)
        self.value.setValidator(validator)
        self.source = QLineEdit(current.source)
        self.source.setPlaceholderText("e.g. club website, 2025-11-28")
        self.as_of = QDateEdit()
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        day = current.as_of or default_date or date.today()
        self.as_of.setDate(QDate(day.year, day.month, day.day))
        form.addRow("&Value:", self.value)
        form.addRow("&Source:", self.source)
        form.addRow("&As of:", self.as_of)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def entry(self) -> FigureEntry:
        text = self.value.text().strip().replace(",", ".")
        q = self.as_of.date()
        return FigureEntry(float(text) if text else None, self.source.text(), date(q.year(), q.month(), q.day()))


def ask_figure(parent: QWidget | None, club_name: str, column: Column, current: Figure,
               default_date: date | None) -> FigureEntry | None:
    dialog = FigureDialog(club_name, column, current, default_date, parent)
    return dialog.entry() if dialog.exec() == QDialog.DialogCode.Accepted else None
