"""Text from a received file is shown as text: markup in a club name, subject, label or source
never makes the window or the report read another file."""
from __future__ import annotations

import json

from PySide6.QtCore import Qt

from conftest import BUNDLED_SCENARIO
from evaluator.documents import load_scenario
from evaluator.session import Session
from ui.main_window import MainWindow


def _hostile_scenario(tmp_path):
    picture = tmp_path / "private.png"
    from PySide6.QtGui import QImage
    QImage(40, 40, QImage.Format.Format_RGB32).save(str(picture))
    tag = f'<img src="{picture}">'
    d = json.loads(BUNDLED_SCENARIO.read_text(encoding="utf-8"))
    d["subject"] = "Player " + tag
    d["notes"] = tag
    d["clubs"][0]["name"] = "Roma " + tag
    d["criteria"][1]["label"] = "Defence " + tag
    d["clubs"][0]["figures"]["conceded_per_match"]["source"] = "table " + tag
    d["case_file"] = ""
    p = tmp_path / "hostile.json"
    p.write_text(json.dumps(d), encoding="utf-8")
    return p, tag


def test_the_window_shows_markup_from_files_as_text(qtbot, tmp_path):
    path, tag = _hostile_scenario(tmp_path)
    window = MainWindow(Session(load_scenario(path)))
    qtbot.addWidget(window)
    window.show()
    escaped = tag.replace("<", "&lt;").replace(">", "&gt;")
    assert escaped in window.header.text()
    assert escaped in window.weights.rows[1].label.text()
    assert escaped in window.header.toolTip()
    model = window.figures.model_
    col = next(c for c in range(model.columnCount()) if model.column_at(c).id == "conceded_per_match")
    assert escaped in model.data(model.index(0, col), Qt.ItemDataRole.ToolTipRole)
    legend_texts = [label.text for _, label in window.contributions.legend.items]
    assert any(escaped in t for t in legend_texts) and not any(tag in t for t in legend_texts)
    window.grab()   # painting with the escaped text must not fail either


def test_the_report_embeds_no_file_named_in_markup(qapp, tmp_path):
    from pypdf import PdfReader
    from ui.export_pdf import export_report
    path, tag = _hostile_scenario(tmp_path)
    out = export_report(Session(load_scenario(path)).result, tmp_path / "r.pdf")
    reader = PdfReader(out)
    assert sum(len(page.images) for page in reader.pages) == 0
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "<img" in text   # said, as text
