"""Widget style sheets that take colours from the chart scheme and keep up with a theme switch.

A style sheet is a fixed string: one built from ``palette.chart()`` keeps the colours of the
theme it was built in (a caption pale grey on the light window, or near-black on the dark one),
and a style sheet also pins the widget's palette, so palette roles stop following too.
``set_style`` remembers the template; ``ui.theme.apply`` fills it in again with the new scheme.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict
from string import Template

from PySide6.QtWidgets import QWidget

from ui.palette import Scheme, chart

TEMPLATE = "clubfit-themed-style"   # the dynamic property holding a widget's template


def set_style(widget: QWidget, css: str) -> None:
    """Style ``widget`` with ``css``, whose ``$names`` are ``Scheme`` fields (``$muted``,
    ``$error_text``...): the current scheme's colours now, the new one's after a switch."""
    widget.setProperty(TEMPLATE, css)
    widget.setStyleSheet(_fill(css, chart()))


def restyle(widgets: Iterable[QWidget], scheme: Scheme) -> None:
    """Fill every themed widget's template in again with ``scheme``."""
    for widget in widgets:
        css = widget.property(TEMPLATE)
        if isinstance(css, str) and css:
            widget.setStyleSheet(_fill(css, scheme))


def _fill(css: str, scheme: Scheme) -> str:
    return Template(css).substitute(asdict(scheme))   # a misspelt $name fails loudly, here
