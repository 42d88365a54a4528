"""The live views' frame clock (``ui.frame_clock``), driven with made-up times.

A view draws a change at ``max(arrival, due())`` plus however long its work takes; what matters
is how long a change waits before its frame may start, and how far apart frames are.
"""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ui.frame_clock import FrameClock

FRAME = 0.016


def _drag(period: float, work: list[float], moves: int = 200) -> tuple[list[float], list[float]]:
    """Changes every ``period`` s, each frame taking ``work[i % len(work)]`` s after it starts;
    a change arriving while one waits replaces it (latest wins). Returns each drawn change's
    wait before its frame started, and the frame start times."""
    clock = FrameClock(FRAME)
    waits, starts = [], []
    busy_until = 0.0
    pending: float | None = None
    arrivals = [i * period for i in range(moves)]
    i = 0
    while i < len(arrivals) or pending is not None:
        if pending is None:
            pending, i = arrivals[i], i + 1
        start = max(pending, clock.due(), busy_until)
        while i < len(arrivals) and arrivals[i] <= start:   # newer changes replace the waiting one
            pending, i = arrivals[i], i + 1
            start = max(pending, clock.due(), busy_until)
        waits.append(start - pending)
        starts.append(start)
        clock.drawn(pending, start)                       # as the views do, as the frame starts
        busy_until, pending = start + work[(len(starts) - 1) % len(work)], None
    return waits, starts


def test_a_60hz_drag_never_waits_for_the_clock_even_after_a_late_frame():
    """One frame of 20 ms makes the next move wait for it to end; after that, counting from the
    draws (the old rule) made every later move wait too, a little less each time; counting from
    the arrivals, none waits."""
    waits, _ = _drag(1 / 60, [0.020] + [0.003] * 60, moves=60)
    assert waits[1] > 0.0                     # busy with the slow frame: a real wait
    assert max(waits[2:]) == 0.0


def test_faster_changes_are_drawn_at_most_once_a_frame_on_average():
    _, starts = _drag(0.008, [0.002])
    gaps = [b - a for a, b in zip(starts, starts[1:])]
    assert (starts[-1] - starts[0]) / len(gaps) >= FRAME - 1e-9
    assert min(gaps) >= FRAME - 1e-9


def test_a_frame_forced_early_does_not_push_the_next_one_out():
    clock = FrameClock(FRAME)
    clock.drawn(arrived=1.000, now=1.002)
    clock.drawn(arrived=1.005, now=1.006)     # forced (someone read the view) before it was due
    assert clock.due() <= 1.006 + FRAME


@settings(max_examples=200, deadline=None)
@given(period=st.floats(0.001, 0.05), work=st.lists(st.floats(0.0005, 0.03), min_size=1, max_size=8))
def test_frames_keep_a_frame_apart_on_average_and_a_change_waits_at_most_a_frame(period, work):
    waits, starts = _drag(period, work)
    if len(starts) > 1:
        assert (starts[-1] - starts[0]) / (len(starts) - 1) >= FRAME - 1e-9
    assert max(waits) <= FRAME + max(work) + 1e-9
