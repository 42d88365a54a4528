"""Undo and redo of every session edit, through one QUndoStack.

The session hands over each committed edit as two frozen states; a command puts one or the
other back. Edits with the same key in a row (the ticks of one slider drag, a burst of spin-box
steps) make one step until the gesture ends (``close_step``) or pauses for MERGE_SECONDS.
"""
from __future__ import annotations

import time

from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtCore import QObject

from evaluator.session import Edit, Session, State

MERGE_SECONDS = 1.5


class SnapshotCommand(QUndoCommand):
    def __init__(self, session: Session, edit: Edit) -> None:
        super().__init__(edit.label)   # the Edit menu reads "Undo <label>"
        self.session, self.key = session, edit.key
        self.before, self.after = edit.before, edit.after
        self.closed = not edit.key      # an edit without a key never merges
        self.at = time.monotonic()
        self._done = True               # the session has already applied it

    def absorb(self, edit: Edit) -> None:
        """The next tick of the same gesture: this step now ends where that edit ended."""
        self.after, self.at = edit.after, time.monotonic()
        self.setText(edit.label)

    def redo(self) -> None:
        if self._done:
            self._done = False          # pushed after the fact: nothing to do the first time
            return
        self.session.restore(self.after)

    def undo(self) -> None:
        self.session.restore(self.before)


class UndoHistory(QObject):
    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.stack = QUndoStack(self)
        session.on_edit(self._on_edit)

    def _on_edit(self, edit: Edit) -> None:
        # Ticks of one gesture update the top step in place rather than pushing a command per
        # tick for QUndoStack to merge: a merged-away command's Python wrapper is never freed
        # (10,000 slider moves kept 10,000 states alive). Never in place on the saved step, so
        # the modified marker stays right.
        top = self._top()
        if (top is not None and not top.closed and top.key == edit.key and not self.stack.isClean()
                and self.stack.index() == self.stack.count() and time.monotonic() - top.at <= MERGE_SECONDS):
            top.absorb(edit)
            self.stack.undoTextChanged.emit(self.stack.undoText())   # the Edit menu follows
            return
        self.stack.push(SnapshotCommand(self.session, edit))

    def _top(self) -> SnapshotCommand | None:
        top = self.stack.command(self.stack.count() - 1) if self.stack.count() else None
        return top if isinstance(top, SnapshotCommand) else None

    def close_step(self) -> None:
        """The gesture is over (slider released, editing finished): the next edit is a new step."""
        top = self._top()
        if top is not None:
            top.closed = True

    def reset(self) -> None:
        """Another document: its history starts empty and unmodified."""
        self.stack.clear()
        self.stack.setClean()

    @property
    def modified(self) -> bool:
        """Unsaved: the history has moved off the saved state, or the document is work no file
        holds yet (a wizard-built case; its creation is not a step the stack can see)."""
        return not self.stack.isClean() or self.session.never_saved_work

    def states(self) -> tuple[State, ...]:
        """Every state the history can return to, oldest first (for tests and diagnostics)."""
        cmds = [self.stack.command(i) for i in range(self.stack.count())]
        snaps = [c for c in cmds if isinstance(c, SnapshotCommand)]
        return tuple([snaps[0].before] + [c.after for c in snaps]) if snaps else (self.session.state,)
