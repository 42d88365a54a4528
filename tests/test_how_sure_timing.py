"""When How sure does its work: the exact parts here or in the worker, and SMAA only once a drag
pauses (asked for at rest, its answers drawn at rest)."""
from __future__ import annotations

from test_robustness_panel import _final, _shown


def test_one_slow_analysis_does_not_send_the_tab_to_its_worker(qtbot, session):
    panel = _shown(qtbot, session).robustness
    panel._exact_ms.extend([2.0, 2.0, 12.0])     # a new top two missed the flip cache: stays here
    assert not panel._slow()
    panel._exact_ms.extend([12.0, 12.0])          # three in a row over half a frame: the worker
    assert panel._slow()
    panel._exact_ms.extend([2.0, 2.0, 20.0])      # one over a whole frame (1,000 clubs): at once
    assert panel._slow()


def test_smaa_answers_wait_for_a_drag_to_pause(qtbot, session, monkeypatch):
    """During a drag the rank-share chart keeps its last answer (the exact parts follow every
    move); once the weights rest for ``REST_MS`` the newest weights' answer is drawn."""
    import ui.panels.robustness_panel as rp
    monkeypatch.setattr(rp, "REST_MS", 1500)      # a slow machine's 80 ms steps stay well inside it
    monkeypatch.setattr(rp.RobustnessPanel, "worker_from_ms", float("inf"))   # exact parts here, in step
    window = _shown(qtbot, session)
    panel = window.robustness
    qtbot.waitUntil(lambda: _final(panel, session), timeout=10000)
    drawn = []
    original = panel._show_smaa
    monkeypatch.setattr(panel, "_show_smaa", lambda mc: drawn.append(mc) or original(mc))
    slider = window.weights.rows[0].slider
    for v in range(10, 70, 6):                     # a slow drag: answers land between moves (~20 ms)
        slider.setValue(v)
        qtbot.wait(80)
        assert panel._latest.result is session.result   # the exact parts kept up
    assert drawn == []                             # SMAA waited
    assert not panel.pending()                     # and a held answer does not count as behind
    qtbot.waitUntil(lambda: _final(panel, session), timeout=10000)
    assert len(drawn) >= 1                         # drawn once the drag paused


def test_smaa_is_asked_for_only_once_a_drag_pauses(qtbot, session, monkeypatch):
    import ui.panels.robustness_panel as rp
    monkeypatch.setattr(rp, "REST_MS", 1500)
    monkeypatch.setattr(rp.RobustnessPanel, "worker_from_ms", float("inf"))
    window = _shown(qtbot, session)
    panel = window.robustness
    qtbot.waitUntil(lambda: _final(panel, session), timeout=10000)
    submitted = []
    submit = panel.jobs.submit
    monkeypatch.setattr(panel.jobs, "submit", lambda fn, *a, **kw: submitted.append(a) or submit(fn, *a, **kw))
    for v in range(10, 70, 6):                     # a slow drag, a move every 80 ms
        window.weights.rows[0].slider.setValue(v)
        qtbot.wait(80)
    assert submitted == [] and not panel.pending()  # nothing sent while the weights move
    qtbot.waitUntil(lambda: _final(panel, session), timeout=10000)
    assert len(submitted) == 1                      # then once, for the weights it rests on
