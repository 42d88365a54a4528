"""Text from files is the user's data, never markup.

Qt reads HTML in labels, tooltips and pyqtgraph titles and legends whenever a string looks like
it (``<img src="/any/file">`` would make the window open and draw that file). Every name, label
or source that came from a file passes through these before it meets such a widget.
"""
from __future__ import annotations

import html


def esc(text: object) -> str:
    """For text placed inside our own HTML (labels, titles, legends)."""
    return html.escape(str(text), quote=False)


def tip(text: object) -> str:
    """A tooltip that always shows ``text`` literally, line breaks kept."""
    return "<p style='white-space:pre-wrap'>" + html.escape(str(text), quote=False) + "</p>" if text else ""
