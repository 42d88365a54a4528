"""Colours: Okabe-Ito, distinguishable with the common colour-vision deficiencies."""
from __future__ import annotations

CRITERION_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
SCORE_BAR = "#2B6CB0"
SCORE_BAR_LEADER = "#1A4971"
INCOMPLETE = "#B7791F"
TEXT = "#1A202C"
MUTED = "#4A5568"
WARNING_BG = "#FFF8E1"
WARNING_BORDER = "#E0B44C"


def criterion_colour(index: int) -> str:
    return CRITERION_COLOURS[index % len(CRITERION_COLOURS)]


def text_on(background: str) -> str:
    """Black or white, whichever reads better on ``background`` (WCAG relative luminance)."""
    r, g, b = (int(background[i:i + 2], 16) / 255 for i in (1, 3, 5))
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    luminance = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    return "#000000" if luminance > 0.179 else "#FFFFFF"
