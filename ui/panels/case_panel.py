"""The case's live inputs: the as-of date, the doubtful-squad rule, adding a club.

Every change recomputes each figure from the match and squad files through the session.
"""
from __future__ import annotations

from datetime import date
from typing import Callable

from PySide6.QtCore import QDate, QEvent, QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QCheckBox, QDateEdit, QFormLayout, QGroupBox, QLabel, QPushButton, QWidget,
)

from evaluator.model import DataCheck
from evaluator.decision.scoring import Result
from evaluator.session import Change, Session
from evaluator.errors import InputError
from evaluator.formatting import format_date
from ui import case_actions
from ui.palette import chart
from ui.themed import set_style


def checks_summary(checks: tuple[DataCheck, ...]) -> str:
    """One line for the panel; the details are one click away."""
    if not checks:
        return "not cross-checked (load a second file of a league to compare)"
    link = "<a href='checks'>details…</a>"
    pairs = [c for c in checks if c.kind == "cross-check"]
    agree = sum(c.agree for c in pairs)
    parts = []
    if len(pairs) - agree:
        parts.append(_warn(f"{len(pairs) - agree} of {len(pairs)} cross-checks disagree"))
    elif pairs:
        parts.append(f"✓ {len(pairs)} cross-check{'s' if len(pairs) != 1 else ''} agree")
    late = sum(c.kind == "missing results" for c in checks)
    if late:
        parts.append(_warn(f"{late} file{'s' if late != 1 else ''} lack results up to the date"))
    warned = sum(c.kind == "warning" for c in checks)
    if warned:
        parts.append(_warn(f"{warned} warning{'s' if warned != 1 else ''} about the files"))
    unread = sum(c.kind == "unreadable" for c in checks)
    if unread:
        parts.append(_warn(f"{unread} could not be checked"))
    return " · ".join(parts + [link])


def _warn(text: str) -> str:
    return f"<span style='color:{chart().warning_text}'>⚠ {text}</span>"


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class CasePanel(QGroupBox):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__("Case", parent)
        self.session = session
        form = QFormLayout(self)
        self.as_of = QDateEdit()
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.as_of.setToolTip("Every league figure is recomputed from matches played on or before this date, "
                              "and every age from dates of birth on this date.")
        self.as_of.setAccessibleName("As-of date")
        form.addRow("&As of:", self.as_of)
        self.doubtful = QCheckBox("Count doubtful squad members")
        self.as_of.setAccessibleDescription("The date the league figures and ages are computed for")
        self.doubtful.setToolTip("Squad-list rows flagged as doubtful (e.g. third goalkeeper, youth player "
                                 "who may not have joined the first team yet) count in the average ages.")
        form.addRow(self.doubtful)
        self.add_club = QPushButton("Add &club…")
        self.add_club.setToolTip("Pick a club from a loaded league file; its figures fill in with sources.")
        form.addRow(self.add_club)
        self.checks = QLabel()
        self.checks.setWordWrap(True)
        self.checks.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.checks.setToolTip("Two files of the same league (e.g. openfootball JSON and a CSV) are compared "
                               "match by match: date and full-time score.")
        form.addRow("Sources:", self.checks)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)   # it quotes what the user typed or a file said
        set_style(self.error, "color:$error_text;")
        self.error.hide()
        self._refused = ""           # the last refusal, as the message says it
        form.addRow(self.error)
        self.as_of.dateChanged.connect(self._on_date)
        self.as_of.editingFinished.connect(self._on_date_done)
        self.doubtful.toggled.connect(self._on_doubtful)
        self.add_club.clicked.connect(self._on_add_club)
        self.checks.linkActivated.connect(self._on_checks)
        self.show_result(session.result)

    # --- slots: one call into the core each ---------------------------------------------
    def _on_date(self, q: QDate) -> None:
        self._report(self.session.set_as_of, from_qdate(q))

    def _on_date_done(self) -> None:
        # While typing, a half-typed date may be refused; once the user is done, the box shows
        # the date in effect again, and the message says why the other one was refused and that
        # the figures stayed (a new user read the red line beside the old date as unexplained).
        day = self.session.scenario.as_of
        if not self.error.isHidden() and day is not None and from_qdate(self.as_of.date()) != day:
            self.error.setText(f"{self._refused}; the figures stay as of {format_date(day)}.")
        self._show_date(day)

    def _on_doubtful(self, on: bool) -> None:
        self._report(self.session.set_include_doubtful, on)

    def _on_add_club(self) -> None:
        case_actions.add_club_interactively(self, self.session)

    def _on_checks(self, _link: str) -> None:
        case_actions.show_data_checks(self, self.session)

    def _report(self, action: Callable[..., object], *args: object) -> bool:
        try:
            action(*args)
        except InputError as e:   # the previous figures stay; say why inline, not in a modal
            self._refused = str(e)
            self.error.setText(self._refused)
            self.error.show()
            return False
        self.error.hide()
        return True

    def _show_date(self, day: date | None) -> None:
        if day is not None and from_qdate(self.as_of.date()) != day:
            with QSignalBlocker(self.as_of):
                self.as_of.setDate(to_qdate(day))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            # The summary's link and warning colours were fixed when its HTML was read: read it again.
            self.checks.clear()   # setText with the same text would not parse it again
            self.checks.setText(checks_summary(self.session.result.scenario.data_checks))

    # --- listening -----------------------------------------------------------------------
    def show_result(self, result: Result, changes: Change = Change.ALL) -> None:
        if not changes & (Change.FIGURES | Change.CASE | Change.DOCUMENT):
            return   # a weight moved: nothing here depends on weights
        live = self.session.can_recompute
        for w in (self.as_of, self.doubtful, self.add_club):
            w.setEnabled(live)
        self.setToolTip("" if live else "This scenario has no case file beside it, so its figures are fixed.")
        self.checks.setText(checks_summary(result.scenario.data_checks))
        if not self.error.isVisible() or not self.as_of.hasFocus():
            self._show_date(result.scenario.as_of)
        case = self.session.case
        if case is not None:
            want = case.include_doubtful
            if self.doubtful.isChecked() != want:
                with QSignalBlocker(self.doubtful):
                    self.doubtful.setChecked(want)
