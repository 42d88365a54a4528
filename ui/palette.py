"""Every colour the app draws with, light and dark, in one place.

Criterion colours are Okabe-Ito; club colours are Paul Tol's "muted" set (without its cyan,
too close to Okabe-Ito's sky blue), lightest first so the first clubs read on both themes.
Both sets are distinguishable with the common colour-vision deficiencies.
``ui/theme.py`` decides which scheme is current; charts ask ``chart()`` when they draw.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

CRITERION_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
CLUB_COLOURS = ("#CC6677", "#44AA99", "#DDCC77", "#332288", "#AA4499", "#999933", "#882255", "#117733")
# Rank 1, 2, 3 ... in the rank-share charts: dark to light, one hue, so order reads as order.
RANK_COLOURS = ("#1A4971", "#2B6CB0", "#63B3ED", "#BEE3F8", "#CBD5E0", "#F1F4F8")
# The same order on the dark theme's background, rank 1 lifted: #1A4971 there was 1.9:1 against
# it (hard to see, a new user said); every one here is at least 3:1, WCAG's bar for graphics.
DARK_RANK_COLOURS = ("#3B82C4", "#63B3ED", "#90CDF4", "#BEE3F8", "#CBD5E0", "#F1F4F8")
INCOMPLETE = "#B7791F"
TEXT = "#1A202C"        # the printed report (always light paper)
MUTED = "#4A5568"
WARNING_BG = "#FFF8E1"
WARNING_BORDER = "#E0B44C"
WARNING_TEXT = "#3D2B00"   # on WARNING_BG, in either theme (the box keeps its own light background)
# A link in that box: its own colour, as the theme's link colour is pale blue in the dark theme.
WARNING_LINK = "#1A4971"
# The printed report: always on white paper.
RULE = "#CBD5E0"
HEAD_BG = "#EDF2F7"
ALT_BG = "#F7FAFC"
MISSING = "#B00020"
NOTE_BG = "#EBF4FF"
NOTE_BORDER = "#90CDF4"
HEADING = "#1A4971"
FLAG = "#975A16"
# A rank that differs between weight profiles: a light amber cell with dark text, the same in
# both themes (the cell sets both colours, so it reads on a dark table too; 13:1 contrast).
DIFFERS_BG = "#FCE7A8"
DIFFERS_TEXT = "#1A202C"


@dataclass(frozen=True)
class Scheme:
    """The colours of one theme."""
    name: str
    background: str     # chart background
    text: str           # chart text, axis labels
    muted: str          # axis lines, secondary text
    grid: str
    separator: str      # the thin line between stacked bar segments
    warning_text: str
    error_text: str
    crossing: str       # sweep plot: where two clubs swap places
    ranks: tuple[str, ...] = RANK_COLOURS   # rank 1, 2, ... in the rank-share charts


LIGHT = Scheme("light", "#FFFFFF", "#1A202C", "#4A5568", "#E2E8F0", "#FFFFFF", "#8A4B00", "#B00020", "#C53030")
DARK = Scheme("dark", "#1E2228", "#E2E8F0", "#A0AEC0", "#3A4150", "#1E2228", "#F6C177", "#FF8A80", "#FC8181",
              DARK_RANK_COLOURS)
_current = LIGHT


def chart() -> Scheme:
    """The scheme in use now (light until ``ui.theme`` says otherwise)."""
    return _current


def use(scheme: Scheme) -> None:
    global _current
    _current = scheme


@contextmanager
def printing() -> Iterator[None]:
    """Paper is white whatever the window's theme: charts built inside this are light."""
    global _current
    before, _current = _current, LIGHT
    try:
        yield
    finally:
        _current = before


def criterion_colour(index: int) -> str:
    return CRITERION_COLOURS[index % len(CRITERION_COLOURS)]


def club_colour(index: int) -> str:
    """The colour of the club at this index in the scenario, the same in every chart and the PDF."""
    return CLUB_COLOURS[index % len(CLUB_COLOURS)]


def luminance(colour: str) -> float:
    """WCAG relative luminance of a #RRGGBB colour."""
    r, g, b = (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio, 1 to 21; AA for normal text needs 4.5."""
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def text_on(background: str) -> str:
    """Black or white, whichever reads better on ``background``; at worst 4.58:1, so always AA."""
    return "#000000" if luminance(background) > 0.179 else "#FFFFFF"
