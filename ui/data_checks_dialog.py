"""Every check of the data behind the figures, with each finding on its own line."""
from __future__ import annotations

import html

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from evaluator.model import DataCheck


def checks_html(checks: tuple[DataCheck, ...]) -> str:
    if not checks:
        return "<p>No two loaded files describe the same league, so nothing could be cross-checked.</p>"
    parts = []
    for c in checks:
        mark = "✓" if c.agree else "⚠"
        parts.append(f"<p><b>{mark}</b> {html.escape(c.text)}</p>")
        if c.details:
            parts.append("<ul>" + "".join(f"<li>{html.escape(d)}</li>" for d in c.details) + "</ul>")
    return "".join(parts)


class DataChecksDialog(QDialog):
    def __init__(self, checks: tuple[DataCheck, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Source checks")
        box = QVBoxLayout(self)
        self.text = QTextBrowser()
        self.text.setHtml(checks_html(checks))
        box.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
        self.resize(720, 420)
