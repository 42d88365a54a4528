"""When a live view may redraw next: at most once per frame, on a clock kept from when the
changes ARRIVED, not from when they were drawn.

Counting a frame from the moment it was drawn carries any delay on: a frame that started 4 ms
after its change (the change's other listeners ran first) made the next change, 16.7 ms later,
wait until 20 ms, and so on, a little less each move. Here the clock starts at a change's
arrival and, while changes come faster than frames, advances a whole frame per frame drawn:
changes 16.7 ms apart never wait for it, changes 8 ms apart are drawn every other one, and
frames stay at least a frame apart on average either way (tests/test_frame_clock.py).

Qt-free: times are ``time.monotonic()`` seconds passed in, so tests drive it with made-up times.
"""
from __future__ import annotations


class FrameClock:
    def __init__(self, frame_s: float) -> None:
        self.frame_s = frame_s
        self._clock = -1e9               # the frame slot of the last change drawn (none yet: long ago)

    def due(self) -> float:
        """The earliest time the next change may be drawn."""
        return self._clock + self.frame_s

    def drawn(self, arrived: float, now: float) -> None:
        """A frame drew the change that ``arrived`` then, at ``now``. Its slot is the change's
        arrival, or one frame after the last slot when changes were queueing; never later than
        now (a frame forced early does not push the next one further out)."""
        self._clock = max(arrived, min(now, self._clock + self.frame_s))
